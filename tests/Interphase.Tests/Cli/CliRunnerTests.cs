using System.Text.Json;

namespace Interphase.Tests.CliCommands;

/// <summary>The in-process console capture keeps each run's output its own when runs overlap.</summary>
public sealed class CliRunnerTests
{
    [Fact]
    public void OverlappingRunsEachCaptureTheirOwnOutput()
    {
        // Theoretical capacities nF/(3.6·M), mAh/g: Li 3861, LiCoO2 274 (one electron), S 1675 (two electrons).
        (string[] Args, double MahPerG)[] cases =
        [
            (["cell", "capacity", "Li", "--json"], 3861),
            (["cell", "capacity", "LiCoO2", "--json"], 273.8),
            (["cell", "capacity", "S", "--electrons", "2", "--json"], 1671.6),
        ];
        var results = new (int Code, string Out, string Err)[48];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = CliRunner.Run(cases[i % 3].Args));
        for (int i = 0; i < results.Length; i++)
        {
            var (code, stdout, stderr) = results[i];
            Assert.True(code == 0, stderr);
            Assert.Equal("", stderr);
            using var doc = JsonDocument.Parse(stdout); // one document: nothing of another run mixed in
            Assert.Equal(cases[i % 3].MahPerG, doc.RootElement.GetProperty("capacity_mah_per_g").GetDouble(), cases[i % 3].MahPerG * 2e-3);
        }
    }

    [Fact]
    public void ACommandsErrorGoesToItsOwnStandardError()
    {
        var results = new (int Code, string Out, string Err)[16];
        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0 ? CliRunner.Run("hull", "Xx2O") : CliRunner.Run("cell", "capacity", "Li"));
        for (int i = 0; i < results.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(2, results[i].Code);
                Assert.StartsWith("error: ", results[i].Err);
                Assert.Equal("", results[i].Out);
            }
            else
            {
                Assert.Equal(0, results[i].Code);
                Assert.Equal("", results[i].Err);
                Assert.Contains("3861.3 mAh/g", results[i].Out);
            }
        }
    }
}
