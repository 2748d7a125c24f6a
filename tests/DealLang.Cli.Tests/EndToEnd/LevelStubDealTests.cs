using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// A 100m level loan with a 14-day first stub, compiled and run through the real pipeline (compiler, Roslyn,
/// host, runner): the stub carries principal in proportion to its length (docs/language.md, tranche), not a
/// full quarter's 19.2m as the equal-period formula gave.
/// </summary>
public class LevelStubDealTests
{
    private const double Cent = 0.01;

    private const string Deal = """
        deal Stub {
          title    "100m level loan with a 14-day first stub"
          currency USD
          closing  2026-03-17
          maturity 2027-03-31
          pay      quarterly
          daycount 30/360

          party Tenant { rating "A" }
          facility Plant { cost 150m  value straight_line 30y }
          lease PlantLease on Plant { lessee Tenant  rent 120m per year  starts 2026-03-17  term 2y }
          tranche Loan { balance 100m  coupon 8%  amortize level }
          equity Sponsor { contributed 50m }

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Sponsor
          }
        }
        """;

    [Fact]
    public void The_stub_pays_principal_in_proportion_to_its_length()
    {
        var compiled = DealCompiler.Compile("stub.deal", Deal);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        var outcome = ScenarioRunner.RunAll(host.Program, compiled.Model!.Scenarios, fullLedger: true, checkCash: true)[0];
        int interest = Array.FindIndex(host.Program.Layout.Columns, c => c.Name == "Loan interest due");
        int principal = Array.FindIndex(host.Program.Layout.Columns, c => c.Name == "Loan principal due");
        double[] paid = [.. Enumerable.Range(0, 5).Select(t => outcome.Ledger![t, principal])];

        // Periods: 2026-03-17 → 03-31 (14/360), then quarters to 2027-03-31 (90/360 each under 30/360).
        Assert.Equal(5, host.Program.Description.Periods);

        // Stub, as LevelStubTests works out by hand: interest 100m × 8% × 14/360 = 311,111.11; with weights
        // 14/90, 1, 1, 1, 1 the level payment is P = 25,310,097.55, and the stub pays (14/90) × P − interest.
        Assert.Equal(311_111.11, outcome.Ledger![0, interest], Cent);
        Assert.Equal(3_626_015.18, paid[0], Cent);

        // Proportionate: the stub's principal is 14/90 of the next quarter's to within 1% (the rest is the
        // interest saved on what the stub repaid), and every quarter then pays the same P.
        Assert.InRange(paid[0] / paid[1] / (14.0 / 90), 0.99, 1.01);
        for (int t = 1; t < 5; t++)
        {
            Assert.Equal(25_310_097.55, outcome.Ledger[t, interest] + paid[t], Cent);
        }

        Assert.Equal(100e6, paid.Sum(), Cent);
    }
}
