using System.Globalization;
using System.Text.Json;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// The Li-metal checks of <c>anode</c> through the command line: Holm's constriction resistance (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Eq. 1),
/// Monroe–Newman (LPS glass fails, LLZO passes: Banerjee et al., Chem. Rev. 120, 6878 (2020), §5, Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5), as JSON and as the printed line.
/// </summary>
public sealed class AnodeMechanicsCliTests
{
    private static string G4(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    [Fact]
    public void ConstrictionFollowsHolmBelowFullContactAndVanishesAtIt()
    {
        // 0.5 MPa on 1 cm² with H_Li = 5 MPa: F = 50 N, contact fraction 0.1; σ = 1 mS/cm = 0.1 S/m:
        // R = (1/(2σ))·√(πH/F) = 5 Ω·m · √(π·5e6/50) m⁻¹ = 5·560.5 Ω.
        var r = CliRunner.Json("anode", "constriction", "--pressure", "0.5", "--conductivity", "1");
        double expected = 1 / (2 * 0.1) * Math.Sqrt(Math.PI * 5e6 / 50);
        Assert.Equal(50, r.GetProperty("force_n").GetDouble(), 9);
        Assert.Equal(0.1, r.GetProperty("contact_fraction").GetDouble(), 12);
        Assert.False(r.GetProperty("full_contact").GetBoolean());
        Assert.Equal(expected, r.GetProperty("resistance_ohm").GetDouble(), expected * 1e-9);
        Assert.Equal(expected, r.GetProperty("asr_ohm_cm2").GetDouble(), expected * 1e-9);   // A = 1 cm²
        Assert.Contains($"R = {G4(expected)} Ω", CliRunner.Output("anode", "constriction", "--pressure", "0.5", "--conductivity", "1"));

        // Four spots share the load: R falls by √4.
        var four = CliRunner.Json("anode", "constriction", "--pressure", "0.5", "--conductivity", "1", "--spots", "4");
        Assert.Equal(expected / 2, four.GetProperty("resistance_ohm").GetDouble(), expected * 1e-9);

        // At the hardness the real contact is the whole area: Eq. 1 no longer applies.
        var full = CliRunner.Json("anode", "constriction", "--pressure", "5", "--conductivity", "1");
        Assert.True(full.GetProperty("full_contact").GetBoolean());
        Assert.Equal(0, full.GetProperty("resistance_ohm").GetDouble());
        Assert.Contains("full contact", CliRunner.Output("anode", "constriction", "--pressure", "5", "--conductivity", "1"));
    }

    [Fact]
    public void MonroeNewmanFailsLpsGlassAndPassesLlzo()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §5: glassy LPS G = 7.1 GPa < 2·G_Li = 8 GPa; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5: LLZO ~60 GPa passes, also against Li (100) (2 × 11 GPa).
        var lps = CliRunner.Json("anode", "monroe", "--shear", "7.1");
        Assert.False(lps.GetProperty("passes").GetBoolean());
        Assert.Equal(7.1 / 4.0, lps.GetProperty("ratio").GetDouble(), 12);
        Assert.Equal("given", lps.GetProperty("shear_modulus_source").GetString());
        var llzo = CliRunner.Json("anode", "monroe", "--shear", "60");
        Assert.True(llzo.GetProperty("passes").GetBoolean());
        Assert.True(llzo.GetProperty("passes_stiffest_li_orientation").GetBoolean());
        Assert.NotEmpty(llzo.GetProperty("caveats").EnumerateArray());

        // E = 150 GPa, ν = 0.25 → G = E/(2(1+ν)) = 60 GPa.
        var fromE = CliRunner.Json("anode", "monroe", "--youngs", "150", "--poisson", "0.25");
        Assert.Equal(60, fromE.GetProperty("electrolyte_shear_gpa").GetDouble(), 12);
        string line = CliRunner.Output("anode", "monroe", "--shear", "7.1");
        Assert.Contains("G_SE = 7.1 GPa (given) vs 2·G_Li = 8 GPa: fails", line);

        var (code, _, err) = CliRunner.Run("anode", "monroe");
        Assert.Equal(2, code);
        Assert.Contains("give --shear", err);
    }
}
