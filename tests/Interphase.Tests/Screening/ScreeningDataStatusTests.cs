using System.Text.Json;
using Interphase.Screening;

namespace Interphase.Tests.Screening;

/// <summary>Every screened candidate's window says what it stands on.</summary>
public sealed class ScreeningDataStatusTests(ScreeningFixture fixture) : IClassFixture<ScreeningFixture>
{
    [Fact]
    public void RowsCarryTheDataStatusOfTheirWindow()
    {
        var rows = ScreeningExport.Rows(fixture.Coating).ToList();
        Assert.All(rows, r => Assert.Equal(r.EAboveHullEvPerAtom > 0 ? "above_hull" : "on_hull", r.DataStatus));
        Assert.Contains(rows, r => r.DataStatus == "on_hull");
        Assert.Contains(rows, r => r.DataStatus == "above_hull"); // the screen admits candidates up to 30 meV/atom above their hull
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(rows[0], Interphase.JsonOutput.Options));
        Assert.Equal(rows[0].DataStatus, doc.RootElement.GetProperty("data_status").GetString());
    }
}
