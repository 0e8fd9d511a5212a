using Interphase.Data;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>A damaged or read-only store: reading works read-only, writing and damage are clear errors (exit 2).</summary>
public sealed class StoreSafetyTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly string _csv;

    public StoreSafetyTests() => _csv = _tmp.Write("small.csv", EntryStoreTests.SmallCsv);

    public void Dispose() => _tmp.Dispose();

    private string NewStore(string folder)
    {
        Directory.CreateDirectory(folder);
        string store = Path.Combine(folder, "entries.db");
        Assert.Equal(0, CliRunner.Run("data", "import", _csv, "--store", store).Code);
        return store;
    }

    private static readonly string[][] ReadCommands =
    [
        ["data", "stats"], ["data", "list"], ["data", "list", "--chemsys", "Li-O"], ["data", "export"],
        ["hull", "Li2O"], ["window", "Li2O"], ["react", "Li2O", "Li2S"],
    ];

    [Fact]
    public void ReadingWorksInAReadOnlyFolderAndWritingIsAClearError()
    {
        string folder = _tmp.File("ro");
        string store = NewStore(folder);
        byte[] before = File.ReadAllBytes(store);
        using (var ro = new ReadOnlyFs())
        {
            ro.Protect(store);
            ro.Protect(folder);
            Assert.True(ReadOnlyFs.IsWriteRefused(folder), "the folder must really be read-only for this test");
            foreach (var args in ReadCommands)
            {
                var (code, _, err) = CliRunner.Run([.. args, "--store", store]);
                Assert.True(code == 0, $"{string.Join(' ', args)}: exit {code}: {err}");
            }
            foreach (var args in new[] { new[] { "data", "import", _csv, "--source", "again" }, ["data", "remove", "--source", "small.csv"] })
            {
                var (code, _, err) = CliRunner.Run([.. args, "--store", store]);
                Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
                Assert.Contains("read-only", err);
            }
        }
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [Fact]
    public void ImportIntoAReadOnlyStoreIsAClearError()
    {
        string store = NewStore(_tmp.File("rw"));
        byte[] before = File.ReadAllBytes(store);
        using (var ro = new ReadOnlyFs())
        {
            ro.Protect(store);
            var (code, _, err) = CliRunner.Run("data", "import", _csv, "--source", "again", "--store", store);
            Assert.True(code == 2, $"exit {code}: {err}");
            Assert.Contains("read-only", err);
        }
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [Fact]
    public void OverwrittenPagesGiveAClearErrorInEveryCommand()
    {
        string store = NewStore(_tmp.File("bad"));
        // Pages 2.. hold the tables and the index: overwrite them with noise, keep the header page.
        var bytes = File.ReadAllBytes(store);
        var noise = new Random(12);
        for (int i = 4096; i < bytes.Length; i++) bytes[i] = (byte)noise.Next(256);
        File.WriteAllBytes(store, bytes);
        foreach (var args in ReadCommands.Append(["data", "import", _csv, "--source", "again"]).Append(["data", "remove", "--source", "small.csv"]))
        {
            var (code, _, err) = CliRunner.Run([.. args, "--store", store]);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
            Assert.StartsWith("error: ", err);
            Assert.DoesNotContain("internal error", err);
        }
    }
}
