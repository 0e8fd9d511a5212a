using System.Diagnostics;
using Interphase.Data;
using Interphase.Reporting;
using Interphase.Tests.Cell;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>
/// No output path may destroy an input or the store: every command's outputs are checked (symbolic links, hard links,
/// <c>./x</c>, the store's -wal/-shm) before any work, and written through a temporary file renamed into place.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly string _stack;
    private readonly string _store;
    private readonly string _cell;

    public OutputPathTests()
    {
        _stack = _tmp.Write("S.yaml", File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", "ncm811-lpscl-li.yaml")));
        _cell = _tmp.Write("c.yaml", File.ReadAllText(ExamplePaths.Cell("solid-llzo.yaml")));
        _store = _tmp.File("st.db");
        using var s = EntryStore.Open(_store);
        s.ImportSource(EntryFileReader.Read(_tmp.Write("small.csv", EntryStoreTests.SmallCsv), "small"), "small");
    }

    public void Dispose() => _tmp.Dispose();

    private static byte[] Bytes(string path) => File.ReadAllBytes(path);

    private void AssertRefused(string fragment, params string[] args)
    {
        var protectedFiles = new[] { _stack, _store, _cell };
        var before = protectedFiles.Select(Bytes).ToList();
        var (code, _, err) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.StartsWith("error: ", err);
        Assert.Contains(fragment, err);
        for (int i = 0; i < protectedFiles.Length; i++) Assert.Equal(before[i], Bytes(protectedFiles[i]));
    }

    private string Symlink(string name, string target)
    {
        string link = _tmp.File(name);
        File.CreateSymbolicLink(link, target);
        return link;
    }

    private string Hardlink(string name, string target)
    {
        string link = _tmp.File(name);
        var p = Process.Start(new ProcessStartInfo("ln", [target, link]) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return link;
    }

    [Fact]
    public void AnalyzeRefusesToWriteItsReportOverTheStackFileByAnyName()
    {
        AssertRefused("is the input file", "analyze", _stack, "--html", _stack, "--store", _store);
        string dotted = Path.Combine(_tmp.PathName, ".", "S.yaml");
        AssertRefused("is the input file", "analyze", _stack, "--html", dotted, "--store", _store);
        AssertRefused("is the input file", "analyze", _stack, "--html", Symlink("link.yaml", _stack), "--store", _store);
        AssertRefused("is the input file", "analyze", _stack, "--html", Hardlink("hard.yaml", _stack), "--store", _store);
    }

    [Fact]
    public void AnalyzeAndScreenRefuseToWriteOverTheStoreItsLinksAndItsWal()
    {
        AssertRefused("is the entry store", "analyze", _stack, "--store", _store, "--html", _store);
        AssertRefused("is the entry store", "analyze", _stack, "--store", _store, "--html", Hardlink("hard.db", _store));
        AssertRefused("write-ahead log", "analyze", _stack, "--store", _store, "--html", _store + "-wal");
        AssertRefused("is the entry store", "screen", "--electrolyte", "Li2S", "--store", _store, "--html", _store);
        AssertRefused("is the entry store", "screen", "--electrolyte", "Li2S", "--store", _store, "--csv", Symlink("l.db", _store));
    }

    [Fact]
    public void TheStoresRollbackJournalIsProtected()
    {
        // SQLite's rollback journal (store.db-journal) was missing from the clash list.
        AssertRefused("the entry store's rollback journal", "data", "export", "--store", _store, "-o", _store + "-journal");
        Assert.False(File.Exists(_store + "-journal"));
    }

    [SharedFact(Interphase.Tests.Impedance.EisData.Folder)]
    public void EisBatchNeitherOverwritesASpectrumOfItsFolderNorAddsOneTheNextBatchWouldRead()
    {
        string spectra = _tmp.File("specs");
        Directory.CreateDirectory(spectra);
        string spectrum = File.ReadAllText(Path.Combine(SharedData.FindDirectory()!, "data/eis/exampleData.csv"));
        string a = Path.Combine(spectra, "a.csv");
        File.WriteAllText(a, spectrum);
        File.WriteAllText(Path.Combine(spectra, "b.csv"), spectrum);
        var (code, _, err) = CliRunner.Run("eis", "batch", spectra, "-c", "R0-p(R1,CPE1)", "--csv", a);
        Assert.True(code == 2, err);
        Assert.Contains("is a file this command reads", err);
        Assert.Equal(spectrum, File.ReadAllText(a));
        (code, _, err) = CliRunner.Run("eis", "batch", spectra, "-c", "R0-p(R1,CPE1)", "--csv", Path.Combine(spectra, "summary.csv"));
        Assert.True(code == 2, err);
        Assert.Contains("the next batch of that folder would read it as a spectrum", err);
        Assert.Equal(["a.csv", "b.csv"], Directory.GetFiles(spectra).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void TheDefaultStoreIsProtectedToo()
    {
        // The default store comes from the environment: a process of its own, so no other test sees the variable.
        byte[] before = Bytes(_store);
        var (code, _, err) = BuiltCli.Run(["screen", "--electrolyte", "Li2S", "--csv", _store],
            new Dictionary<string, string?> { [StoreLocation.EnvironmentVariable] = _store });
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.StartsWith("error: ", err);
        Assert.Contains("is the entry store", err);
        Assert.Equal(before, Bytes(_store));
    }

    [Fact]
    public void CellSweepRefusesToOverwriteItsInput()
    {
        AssertRefused("is the input file", "cell", "sweep", _cell, "--param", "separator", "--from", "1", "--to", "20", "--csv", _cell);
        AssertRefused("is the input file", "cell", "sweep", _cell, "--param", "separator", "--from", "1", "--to", "20", "--csv", Symlink("c2.yaml", _cell));
    }

    [Fact]
    public void ExportThroughASymlinkToTheStoreIsRefusedAndTheStoreKeepsItsBytes()
    {
        AssertRefused("is the entry store", "data", "export", "--store", _store, "-o", Symlink("l.db", _store));
        using var s = EntryStore.OpenReadOnly(_store);
        Assert.True(s.Count() > 0);
    }

    [Fact]
    public void TwoOutputsOfOneCommandMayNotBeTheSameFile()
    {
        string sigma = _tmp.Write("sigma.csv", "T_C,sigma_ms_per_cm\n25,0.4\n75,2\n");
        var (code, _, err) = CliRunner.Run("transport", "fit", sigma, "--csv", _tmp.File("out.svg"), "--plot", _tmp.File("out.svg"));
        Assert.Equal(2, code);
        Assert.Contains("are the same file", err);
    }

    [Fact]
    public void AnEmptyStorePathIsAnError()
    {
        foreach (var cmd in new[] { new[] { "data", "stats" }, ["data", "import", _tmp.File("small.csv")], ["hull", "Li2O"] })
        {
            var (code, _, err) = CliRunner.Run([.. cmd, "--store", ""]);
            Assert.True(code == 2, $"{string.Join(' ', cmd)}: exit {code}: {err}");
            Assert.Contains("--store is empty", err);
        }
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile()
    {
        string path = _tmp.Write("report.csv", "old contents\n");
        Assert.Throws<InvalidOperationException>(() => OutputFile.WriteText(path, w =>
        {
            w.Write(new string('x', 200_000));
            throw new InvalidOperationException("failed half way");
        }));
        Assert.Equal("old contents\n", File.ReadAllText(path));
        Assert.Equal(["report.csv"], Directory.GetFiles(_tmp.PathName, "*report*").Select(Path.GetFileName));
    }

    [Fact]
    public void WritingThroughASymlinkReplacesTheTargetAndKeepsTheLink()
    {
        string target = _tmp.Write("target.html", "old");
        string link = Symlink("report.html", target);
        OutputFile.Write(link, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void DistinctFilesPassAndMissingOutputsAreFine()
    {
        OutputFile.EnsureDistinct([("--html", _tmp.File("new/report.html")), ("--csv", _tmp.File("table.csv"))], [_stack, _cell], [_store]);
        Assert.True(Directory.Exists(_tmp.File("new")));
    }
}
