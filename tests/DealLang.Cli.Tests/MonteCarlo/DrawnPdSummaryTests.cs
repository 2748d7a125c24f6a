using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A stochastic scenario's summary column (<c>deallang run</c> of its path 0) shows, in its party rows, the PD the scenario
/// draws the party's default from, and the PD to maturity it implies, as the Monte Carlo report's input PD does (until
/// 2026-12-07 it showed the party's own <c>pd</c> beside a scenario drawing at another). By hand below, for a flat PD of
/// the scenario's own and for a term structure; a party the scenario does not draw keeps its own.
/// </summary>
public sealed class DrawnPdSummaryTests
{
    const string Deal = """
        deal DrawnPd {
          title    "Two obligors, one bullet loan each"
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount ACT/365F

          party Steady { pd 3%  recovery 40% }
          party Risky  { pd 5%  recovery 30% }
          party Calm   { pd 1%  recovery 50% }
          party Sponsor { }

          loan A { obligor Steady  balance 50m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          loan B { obligor Risky   balance 50m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          loan C { obligor Calm    balance 10m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          tranche Note { balance 100m  coupon 0%  amortize bullet  seniority 1 }
          equity Residual { contributed 10m  holders Sponsor 100% }

          waterfall {
            pay Note.interest
            pay Note.balance
            distribute rest to Residual
          }
        }

        scenario Drawn for DrawnPd {
          paths 100
          seed  3
          Steady defaults drawn pd 6% per year
          Risky defaults drawn pd 10% per year until 2028-01-01 then 20% per year
        }
        """;

    [Fact]
    public void TheColumnShowsThePdsTheScenarioDrawsFrom()
    {
        var compiled = DealCompiler.Compile("drawn-pd.deal", Deal);
        Assert.True(compiled.Compiled is not null, string.Join("; ", compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single();
        PartySummary[] parties = [.. new ScenarioRunner(host.Program).Run(scenario).Parties];
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), 1);

        // The life: 2026-01-01 to 2031-01-01, 1,826 days, T = 1,826 / 365 = 5.002740 years.
        // Steady, drawn at 6% (its own 3% set aside): 1 − 0.94^5.002740 = 1 − 0.733780 = 0.266220.
        PartySummary steady = parties.Single(p => p.Name == "Steady");
        Assert.Equal(0.06, steady.AnnualPd, 15);
        Assert.Equal(0.266220, steady.PdToMaturity, 6);

        // Risky, 10% to 2028-01-01 (730 days, 2.000000 years) then 20% for the other 1,096 days (3.002740 years):
        // 1 − 0.9^2 × 0.8^3.002740 = 1 − 0.81 × 0.511687 = 1 − 0.414467 = 0.585533. Its annual PD, the first piece's.
        PartySummary risky = parties.Single(p => p.Name == "Risky");
        Assert.Equal(0.10, risky.AnnualPd, 15);
        Assert.Equal(0.585533, risky.PdToMaturity, 6);

        // Calm is not drawn: its own 1%, 1 − 0.99^5.002740 = 0.049036.
        PartySummary calm = parties.Single(p => p.Name == "Calm");
        Assert.Equal(0.01, calm.AnnualPd, 15);
        Assert.Equal(0.049036, calm.PdToMaturity, 6);

        // The Monte Carlo report's input PDs, from the source's own hazards, say the same (to rounding: e^(−h T) there).
        foreach (PartyDefaultInput input in source.DefaultInputs)
        {
            PartySummary row = parties.Single(p => p.Name == input.Party);
            Assert.Equal(input.AnnualPd, row.AnnualPd, 15);
            Assert.Equal(input.HorizonPd, row.PdToMaturity, 12);
        }
    }
}
