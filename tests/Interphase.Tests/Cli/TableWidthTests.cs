using Interphase.Cli;
using Spectre.Console;

namespace Interphase.Tests.CliCommands;

/// <summary>Tables stay readable when output is piped: COLUMNS is honoured, and without it no cell is wrapped or cut.</summary>
public class TableWidthTests
{
    private static string Render(bool redirected, string? columns)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer),
        });
        CliOutput.ApplyWidth(console, redirected, columns);
        var table = new Table().AddColumns("cathode composition", "coating candidate", "most exothermic reaction with the charged cathode (eV/atom)", "electronic character");
        table.AddRow("LiNi0.8Co0.1Mn0.1O2", "CsLi(B3O5)2", "-0.0123456789 with products Li3BO3, Cs2O, B2O3, NiO, Co3O4, MnO2", "insulator (band gap 6.1 eV)");
        console.Write(table);
        return writer.ToString();
    }

    [Fact]
    public void PipedOutputWithoutColumnsKeepsEveryCellWhole()
    {
        string text = Render(redirected: true, columns: null);
        Assert.Contains("cathode composition", text);
        Assert.Contains("CsLi(B3O5)2", text);
        Assert.Contains("-0.0123456789 with products Li3BO3, Cs2O, B2O3, NiO, Co3O4, MnO2", text);
        Assert.DoesNotContain("…", text);
        Assert.Equal(5, text.TrimEnd().Split('\n').Length); // top border, header, rule, one row, bottom border
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ColumnsSetsTheWidth(bool redirected)
    {
        string text = Render(redirected, "60");
        Assert.All(text.TrimEnd().Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 60, $"line of {line.Length} characters: {line}"));
        string wide = Render(redirected, "400");
        Assert.Contains("CsLi(B3O5)2", wide);
        Assert.Equal(5, wide.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void MalformedColumnsIsIgnored()
    {
        Assert.Contains("CsLi(B3O5)2", Render(redirected: true, columns: "wide"));
        Assert.Contains("CsLi(B3O5)2", Render(redirected: true, columns: "-3"));
    }
}
