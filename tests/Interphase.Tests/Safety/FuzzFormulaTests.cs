using System.Text;
using Interphase.Chemistry;
using Interphase.Tests.Data;

using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Seeded fuzz of formulas: the parser on its own (a parsed formula has finite positive amounts and reads back the
/// same), and <c>hull</c> / <c>window</c> in-process on a small entry file: never exit 70, never a hang.
/// </summary>
public sealed class FuzzFormulaTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Tokens =
    [
        "Li", "O", "S", "P", "Cl", "Fe", "Ni", "Co", "Mn", "La", "Zr", "In", "Nb", "H", "Xx", "Q", "li", "LI", "e", "D", "T",
        "2", "3", "0", "1", "12", "0.5", "0.25", ".5", "1e3", "1E-7", "0.0000001", "1000000", "1000001", "99999999999999999999",
        "(", ")", "[", "]", "{", "}", "·", "*", ".", "-", "+", " ", "\t", "₂", "₆", "²", "'", "\"", ",", "/", "=", "#", "\u0000", "😀", "Ω",
    ];

    private static readonly string[] Valid = ["Li2O", "Li6PS5Cl", "LiNi0.8Co0.1Mn0.1O2", "Li7La3Zr2O12", "(Li2O)2", "Li3InCl6", "LiFePO4", "Li2O·H2O", "Fe2O3"];

    internal static string Formula(Random r)
    {
        if (r.Next(2) == 0) // a real formula, lightly damaged
        {
            var f = new StringBuilder(r.Pick(Valid));
            int edits = r.Next(3);
            for (int i = 0; i < edits; i++)
            {
                int at = r.Next(f.Length + 1);
                if (r.Next(2) == 0 && at < f.Length) f.Remove(at, 1);
                else f.Insert(at, r.Pick(Tokens));
            }
            return f.ToString();
        }
        var sb = new StringBuilder();
        int n = r.Next(1, 9);
        for (int i = 0; i < n; i++) sb.Append(r.Pick(Tokens));
        if (r.Next(30) == 0) sb.Append(new string('(', 300)).Append("Li").Append(new string(')', 300));
        if (r.Next(40) == 0) sb.Append(string.Concat(Enumerable.Repeat("Li2O", 5000)));
        return sb.ToString();
    }

    [Fact]
    public void TheParserGivesAFormulaOrAClearError()
    {
        var run = new FuzzRun("formula parser");
        var r = run.Random();
        for (int c = 0; c < FuzzRun.Cases(600); c++)
        {
            string f = Formula(r);
            Composition comp;
            try
            {
                comp = FormulaParser.Parse(f);
                run.Library(0);
            }
            catch (InterphaseException ex)
            {
                run.Library(2);
                if (ex.Message.Length > 600) run.Finding(c, f, [], $"a message of {ex.Message.Length} characters");
                continue;
            }
            catch (Exception ex)
            {
                run.Library(70);
                run.Finding(c, f, [], $"{ex.GetType().Name}: {ex.Message}");
                continue;
            }
            foreach (var (el, amount) in comp.Amounts)
                if (!double.IsFinite(amount) || amount <= 0)
                    run.Finding(c, f, [], $"element {el} with amount {amount}");
            try
            {
                var again = FormulaParser.Parse(comp.FullFormula);
                if (!again.AlmostEquals(comp, 1e-6 * Math.Max(1, comp.Amounts.Max(a => a.Value))))
                    run.Finding(c, f, [], $"'{comp.FullFormula}' reads back as '{again.FullFormula}'");
            }
            catch (Exception ex)
            {
                run.Finding(c, f, [], $"its own formula '{comp.FullFormula}' does not read back: {ex.Message}");
            }
        }
        run.AssertClean(log);
    }

    [Fact]
    public void HullAndWindowOnFuzzedFormulasNeverEndInAnInternalError()
    {
        string csv = _tmp.Write("small.csv", EntryStoreTests.SmallCsv);
        var run = new FuzzRun("formula cli");
        var r = run.Random();
        for (int c = 0; c < FuzzRun.Cases(200); c++)
        {
            string f = Formula(r);
            string[] args = [r.Pick(["hull", "window"]), f, "--data", csv, .. r.Next(3) == 0 ? ["--json"] : Array.Empty<string>()];
            run.Cli(c, f, args, TimeSpan.FromSeconds(20));
        }
        run.AssertClean(log);
    }
}
