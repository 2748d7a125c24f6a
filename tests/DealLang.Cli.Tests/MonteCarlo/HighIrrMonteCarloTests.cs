using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A small cheque with a large upside, end to end (deal text → compiler → stochastic paths → engine → metrics): an
/// equity's IRR above 1000% is a rate, and Monte Carlo's IRR mean counts it. Before the solver looked above 1000%, such
/// a path had no IRR and was left out of the mean, which then held only the paths that went wrong.
/// </summary>
public sealed class HighIrrMonteCarloTests
{
    // One bullet loan of 100m for a year, funded by an 80m note at 0% and an equity's 1m: without a default the loan
    // repays 100m at maturity, the note takes its 80m and the equity the other 20m.
    const string Deal = """
        deal Promote {
          title    "A small cheque behind one bullet loan"
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount ACT/365F

          party Obligor { pd 3%  recovery 0% }
          party Sponsor { }

          loan Bullet { obligor Obligor  balance 100m  coupon 0%  amortize bullet  maturity 2027-01-01 }
          tranche Note { balance 80m  coupon 0%  amortize bullet  seniority 1 }
          equity Residual { contributed 1m  holders Sponsor 100% }

          waterfall {
            pay Note.interest
            pay Note.balance
            distribute rest to Residual
          }
        }

        scenario Mc for Promote {
          paths 2000
          seed  5
          Obligor defaults drawn
        }
        """;

    [Fact]
    public void AnEquityIrrAboveAThousandPercentIsInTheMonteCarloMean()
    {
        // Without a default the equity pays 1m at closing and gets 20m on 2027-01-01, 365 days later, ACT/365F 1 year:
        // (1 + r)¹ = 20, r = 19 (1900%). A default (no recovery) leaves the note short and the equity nothing: −100%
        // (InvestorIrr). Over n paths of which d default the mean is ((n − d) × 19 + d × −1) / n = 19 − 20 d / n, and
        // every path has an IRR. Before, the 1900% paths were n/a: n − d paths without an IRR and a mean of −100%.
        var compiled = DealCompiler.Compile("promote.deal", Deal);
        Assert.NotNull(compiled.Compiled);
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single();
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, source.Count, threads: 2);
        var frame = SimulationFrame.Of(
            host.Program.Description, "promote", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        CreditMetrics metrics = CreditMetrics.Compute(frame, totals);
        Distribution equity = metrics.Equities.Single().Irr;

        long d = metrics.Tranches.Single().PathsWithLoss;
        Assert.InRange(d, 30, 90); // 2,000 × 3% = 60, ± 3 × √(2,000 × 0.03 × 0.97) = ± 23
        Assert.Equal(0, equity.Undefined);
        Assert.Equal(2000, equity.Paths);
        Assert.Equal(19.0, equity.Max, 1e-12);
        Assert.Equal(-1.0, equity.Min);
        Assert.Equal(19.0 - (20.0 * d / 2000.0), equity.Mean.Value, 1e-9); // the mean's sums are in whole 2⁻³²s
    }
}
