using System.CommandLine;
using System.Globalization;
using Interphase.Data;
using Interphase.Properties;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase props FORMULA</c>: every stored material property of a compound, with sources and polymorph spread.</summary>
public sealed class PropertyCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var formula = new Argument<string>("formula") { Description = "Compound, e.g. Li6PS5Cl" };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("props", "Material properties of a compound (band gap, moduli, refractive index, density): every polymorph, the value the analyses use and why")
            { formula, store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            var source = PropertySources.Default(p.GetValue(store));
            try
            {
                var report = PropertyReport.For(p.GetValue(formula)!, source);
                if (p.GetValue(json)) CliOutput.WriteJson(report);
                else Print(report);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
            return 0;
        }));
        yield return cmd;
    }

    private static void Print(PropertyReport r)
    {
        var t = CliOutput.Terminal;
        t.MarkupLine($"[bold]{Markup.Escape(r.ReducedFormula)}[/] [dim](from {Markup.Escape(r.DataSource)})[/]");
        if (r.Properties.Count > 0)
        {
            var table = new Table().AddColumns("Property", "Value used", "Unit", "Why", "Source", "Polymorphs", "Range");
            foreach (var s in r.Properties)
                table.AddRow(s.Property, F(s.Value), Markup.Escape(s.Unit), Markup.Escape(s.Rule), Markup.Escape(s.Source),
                    s.Polymorphs.ToString(CultureInfo.InvariantCulture), s.Polymorphs > 1 ? $"{F(s.Min)}–{F(s.Max)}" : "");
            t.Write(table);
            var all = new Table().Title("Every stored value").AddColumns("Property", "Formula", "Value", "Source", "Id / line", "Method", "E_form (eV/atom)");
            foreach (var s in r.Properties)
                foreach (var v in s.Values)
                    all.AddRow(s.Property, Markup.Escape(v.Formula), F(v.Value), Markup.Escape(v.Source),
                        Markup.Escape(v.SourceId ?? (v.Line is { } l ? $"line {l}" : "")), Markup.Escape(v.Method ?? ""),
                        v.EFormEvPerAtom is { } e ? F(e) : "");
            t.Write(all);
        }
        t.MarkupLine($"Electronic character: [bold]{Markup.Escape(r.Electronic)}[/] — {Markup.Escape(r.ElectronicReason)}");
        if (r.Missing.Count > 0)
            t.MarkupLine($"No value for {Markup.Escape(string.Join(", ", r.Missing))}: {Markup.Escape(r.HowToGet ?? "")}");
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
