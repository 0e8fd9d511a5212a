using System.Globalization;
using System.Text.Json;
using Interphase.Quantities;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// <c>scl</c> and the Li-metal <c>anode</c> commands through the command line: the printed tables and the JSON carry the
/// closed-form values (Debye length, the first integral of Poisson's equation, Holm, Monroe–Newman, Young–Dupré).
/// </summary>
public sealed class SpaceChargeAndAnodeCliTests
{
    private static string G4(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private const double Epsilon0 = 8.8541878128e-12;   // F/m
    private const double Elementary = 1.602176634e-19;  // C

    [Fact]
    public void SclProfileGivesTheDebyeLengthAndTheExactChargeOfTheLatticeGas()
    {
        // ε_r 10, C0 1e18 cm⁻³, NS 1e22 cm⁻³, ψs = +0.1 V at 25 °C (Li⁺ depleted).
        string[] args = ["scl", "profile", "--epsilon-r", "10", "--mobile-density-cm3", "1e18", "--site-density-cm3", "1e22", "--potential-v", "0.1"];
        var r = CliRunner.Json(args).GetProperty("result");
        double t = 298.15, kT = PhysicalConstants.BoltzmannEvPerK * t;                 // eV = V·e
        double eps = 10 * Epsilon0, c0 = 1e18 * 1e6, ns = 1e22 * 1e6;                     // SI
        double debyeNm = Math.Sqrt(eps * kT / (Elementary * c0)) * 1e9;
        Assert.Equal(debyeNm, r.GetProperty("debye_length_nm").GetDouble(), debyeNm * 1e-6);
        // First integral: F = NS·kT·[θ0·y + ln(1 + θ0(e^(−y) − 1))], Q = −√(2εF) (depletion: negative).
        double y = 0.1 / kT, th0 = c0 / ns;
        double f = ns * kT * Elementary * (th0 * y + Math.Log(1 + th0 * (Math.Exp(-y) - 1)));  // J/m³
        double qUcCm2 = -Math.Sqrt(2 * eps * f) * 1e6 / 1e4;                                  // C/m² → µC/cm²
        Assert.Equal(qUcCm2, r.GetProperty("space_charge_uc_per_cm2").GetDouble(), Math.Abs(qUcCm2) * 1e-6);
        Assert.True(r.GetProperty("surface_concentration_per_cm3").GetDouble() < 1e18);         // depleted at the surface

        string table = CliRunner.Output(args);
        Assert.Contains($"{G4(debyeNm)} nm", table);
        Assert.Contains($"{G4(qUcCm2)} µC/cm²", table);
    }

    [Fact]
    public void SclProfileOfATableMaterialNamesEveryParameterSource()
    {
        var report = CliRunner.Json("scl", "profile", "--material", "LLZO", "--potential-v", "0.05");
        var rows = report.GetProperty("parameters").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("source").GetString())));
        Assert.Equal("Li7La3Zr2O12", report.GetProperty("result").GetProperty("phase").GetString());
        var (code, _, err) = CliRunner.Run("scl", "profile", "--potential-v", "0.1");
        Assert.Equal(2, code);
        Assert.Contains("--epsilon-r is required", err);
    }

    [Fact]
    public void SclInterfaceSplitsTheLiPotentialDifferenceAndBalancesTheCharge()
    {
        var r = CliRunner.Json("scl", "interface", "--cathode", "LCO", "--electrolyte", "LPSCl").GetProperty("result");
        var cat = r.GetProperty("cathode_side");
        var ele = r.GetProperty("electrolyte_side");
        // Equilibrium: the bulk electrostatic potentials differ by the Li potentials, split between the two sides.
        double drive = r.GetProperty("driving_potential_v").GetDouble();
        Assert.Equal(cat.GetProperty("li_potential_v").GetDouble() - ele.GetProperty("li_potential_v").GetDouble(), drive, 9);
        Assert.Equal(drive, Math.Abs(cat.GetProperty("potential_drop_v").GetDouble()) + Math.Abs(ele.GetProperty("potential_drop_v").GetDouble()), 1e-6);
        // Neutrality: the two space charges cancel.
        double qc = cat.GetProperty("space_charge_uc_per_cm2").GetDouble(), qe = ele.GetProperty("space_charge_uc_per_cm2").GetDouble();
        Assert.Equal(0, qc + qe, Math.Max(Math.Abs(qc), 1e-3) * 1e-6);
        Assert.True(ele.GetProperty("li_depletion").GetDouble() > 0);   // Li⁺ leaves the sulfide towards the cathode

        string table = CliRunner.Output("scl", "interface", "--cathode", "LCO", "--electrolyte", "LPSCl");
        Assert.Contains("LiCoO2 | Li6PS5Cl", table);
        Assert.Contains(G4(ele.GetProperty("width_nm").GetDouble()), table);
    }

    [Fact]
    public void SclMaterialsListsCitedOrAssumedSources()
    {
        var rows = CliRunner.Json("scl", "materials").EnumerateArray().ToList();
        Assert.Contains(rows, p => p.GetProperty("phase").GetString() == "Li7La3Zr2O12");
        Assert.All(rows, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("source").GetString())));
        Assert.Contains("Li7La3Zr2O12", CliRunner.Output("scl", "materials"));
    }

    [Fact]
    public void AnodeWettingTablePrintsTheAnglesAndTheirMeaning()
    {
        string table = CliRunner.Output("anode", "wetting", "--adhesion", "0.10", "--adhesion", "0.67");
        Assert.Contains("141.5", table);   // Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2: 142°
        Assert.Contains("lithiophobic", table);
        Assert.Contains("62.84", table);   // Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2: 62°
        Assert.Contains("lithiophilic", table);
    }

    [Fact]
    public void AnodeGrowthAndCoatingTablesPrintTheSameNumbersAsTheirJson()
    {
        string growth = CliRunner.Output("anode", "growth", "--law", "linear", "--rate", "2", "--conductivity", "1e-8", "--failure-asr", "100");
        Assert.Contains("1000 nm", growth);
        Assert.Contains("failure at 5 h", growth);
        string coating = CliRunner.Output("anode", "coating", "--volume-change", "0.30", "--fracture-energy", "2.8");
        Assert.Contains(G4(100 * (Math.Cbrt(1.3) - 1)) + " %", coating);
        Assert.Contains("fracture possible", coating);
    }
}
