using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

public class SpectrumReaderTests
{
    // Point counts and first/last frequencies checked against the files by hand (awk over the data tables).
    [SharedTheory(EisData.Folder)]
    [InlineData("exampleData.csv", "CSV", 66, 0.0031623, 10000.0)]
    [InlineData("exampleDataGamry.DTA", "Gamry DTA", 72, 200015.6, 0.0158898)]
    [InlineData("exampleDataGamryABORT.DTA", "Gamry DTA", 72, 200015.6, 0.0158898)]
    [InlineData("exampleDataBioLogic.mpt", "BioLogic MPT", 43, 1000.3201, 0.01689554)]
    [InlineData("exampleDataZPlot.z", "ZPlot", 21, 300000.0, 3000.0)]
    [InlineData("exampleDataZPlot_noComments.z", "ZPlot", 31, 300000.0, 300.0)]
    [InlineData("Circuit1_EIS_1.z", "ZPlot", 48, 50000.0, 1.0)]
    [InlineData("Circuit1_EIS_2.z", "ZPlot", 48, 50000.0, 1.0)]
    [InlineData("Circuit2_EIS_1.z", "ZPlot", 56, 300000.0, 1.0)]
    [InlineData("Circuit2_EIS_2.z", "ZPlot", 56, 300000.0, 1.0)]
    [InlineData("Circuit3_EIS_1.z", "ZPlot", 53, 150000.0, 1.0)]
    [InlineData("Circuit3_EIS_2.z", "ZPlot", 53, 150000.0, 1.0)]
    [InlineData("exampleDataAutolab.txt", "Autolab", 41, 10000.0, 0.1)]
    [InlineData("exampleDataCHInstruments.txt", "CH Instruments", 73, 99610.0, 0.1)]
    [InlineData("exampleDataParstat.txt", "Parstat", 31, 10000.0, 10.0)]
    [InlineData("exampleDataPowersuite.txt", "PowerSuite", 30, 0.1, 2000000.0)]
    [InlineData("exampleDataVersaStudio.par", "VersaStudio PAR", 61, 100000.0, 0.02154435)]
    public void ReadsEveryExampleFile(string file, string format, int points, double first, double last)
    {
        var s = SpectrumReader.Read(EisData.File(file));
        Assert.Equal(format, s.Format);
        Assert.Equal(points, s.Count);
        Assert.Equal(first, s.Frequency[0], first * 1e-9);
        Assert.Equal(last, s.Frequency[^1], last * 1e-9);
    }

    [SharedFact(EisData.Folder)]
    public void EveryFileInTheFolderParses()
    {
        var dir = Path.GetDirectoryName(EisData.File("exampleData.csv"))!;
        var files = Directory.GetFiles(dir).Where(f => !f.EndsWith("MissingFreq.mpt")).ToList();
        Assert.Equal(17, files.Count);
        foreach (var f in files)
        {
            var s = SpectrumReader.Read(f);
            Assert.True(s.Count >= 21, f);
            s.EnsureUsable();
        }
    }

    [SharedFact(EisData.Folder)]
    public void ValuesAndSignConventionsMatchTheFiles()
    {
        // BioLogic stores -Im(Z): first row 6.5470886E+001, 3.8998979E-001 means Z'' = -0.38998979 Ω.
        var bio = SpectrumReader.Read(EisData.File("exampleDataBioLogic.mpt"));
        Assert.Equal(65.470886, bio.Z[0].Real, 9);
        Assert.Equal(-0.38998979, bio.Z[0].Imaginary, 9);
        // Gamry first row: 825.8584, -1367.239 Ω (impedance.py's test of the same file).
        var gamry = SpectrumReader.Read(EisData.File("exampleDataGamry.DTA"));
        Assert.Equal(-1367.239, gamry.Z[0].Imaginary, 9);
        Assert.Equal(17007.49, gamry.Z[^1].Real, 9);
        // VersaStudio: Z Real / Z Imag columns, not E or I.
        var versa = SpectrumReader.Read(EisData.File("exampleDataVersaStudio.par"));
        Assert.Equal(55.31571, versa.Z[0].Real, 9);
        Assert.Equal(-122.8279, versa.Z[^1].Imaginary, 9);
        // Parstat: the DC log (f = 0) above the sweep is skipped.
        var parstat = SpectrumReader.Read(EisData.File("exampleDataParstat.txt"));
        Assert.Equal(0.0270946491457229, parstat.Z[^1].Real, 12);
    }

    [Fact]
    public void HeaderlessCsvWithNegatedImaginaryIsFlipped()
    {
        var s = SpectrumReader.Parse("1000,10,2\n100,12,5\n10,20,8\n", "minus.csv");
        Assert.Equal(-5, s.Z[1].Imaginary);
        var withHeader = SpectrumReader.Parse("freq,Zreal,Zimag\n1000,10,-2\n", "h.csv");
        Assert.Equal(-2, withHeader.Z[0].Imaginary);
        var tsv = SpectrumReader.Parse("f\tZ'\t-Z''\n1000\t10\t2\n", "h.tsv");
        Assert.Equal(-2, tsv.Z[0].Imaginary);
    }

    [SharedFact(EisData.Folder)]
    public void MissingFrequencyColumnIsAClearError()
    {
        var ex = Assert.Throws<ImpedanceException>(() => SpectrumReader.Read(EisData.File("exampleDataBioLogic_MissingFreq.mpt")));
        Assert.Contains("exampleDataBioLogic_MissingFreq.mpt line 61", ex.Message);
        Assert.Contains("no frequency column", ex.Message);
    }

    [Fact]
    public void BadNumberNamesFileAndLine()
    {
        var ex = Assert.Throws<ImpedanceException>(() => SpectrumReader.Parse("1000,10,-2\n100,abc,-5\n", "bad.csv"));
        Assert.Equal("bad.csv line 2: cannot read 'abc' as a number (Z')", ex.Message);
        var missing = Assert.Throws<ImpedanceException>(() => SpectrumReader.Read("/nonexistent/x.DTA"));
        Assert.Contains("/nonexistent/x.DTA: file not found", missing.Message);
    }

    [SharedFact(EisData.Folder)]
    public void PreprocessingDropsInductivePointsAndCrops()
    {
        var s = SpectrumReader.Read(EisData.File("exampleData.csv"));
        var capacitive = s.DropInductive();
        Assert.Equal(57, capacitive.Count); // impedance.py's ignoreBelowX keeps 57 of 66
        Assert.All(capacitive.Z, z => Assert.True(z.Imaginary < 0));
        var cropped = s.Crop(1, 1000);
        Assert.All(cropped.Frequency, f => Assert.InRange(f, 1, 1000));
        Assert.Equal(31, cropped.Count);
        var asr = s.NormaliseByArea(2.0);
        Assert.Equal(2 * s.Z[3].Real, asr.Z[3].Real, 15);
    }
}
