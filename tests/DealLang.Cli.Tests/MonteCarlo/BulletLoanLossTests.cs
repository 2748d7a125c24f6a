using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// The first closed form, end to end (deal text → compiler → stochastic paths → engine → metrics): a note funded
/// by one bullet loan whose obligor defaults at a constant hazard loses, in expectation, PD over the life × LGD ×
/// balance. Both coupons are 0%, so no interest or excess spread moves the loss: the note is repaid by the loan's
/// principal at maturity, or by its 40% recovery when the obligor defaults first, and loses the other 60%.
/// </summary>
public sealed class BulletLoanLossTests
{
    const string Deal = """
        deal BulletLoan {
          title    "One bullet loan funding one note"
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount ACT/365F

          party Obligor { pd 3%  recovery 40% }
          party Sponsor { }

          loan Bullet { obligor Obligor  balance 100m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          tranche Note { balance 100m  coupon 0%  amortize bullet  seniority 1 }
          equity Residual { contributed 0  holders Sponsor 100% }

          waterfall {
            pay Note.interest
            pay Note.balance
            distribute rest to Residual
          }
        }

        scenario Mc for BulletLoan {
          paths 20000
          seed  5
          Obligor defaults drawn
        }
        """;

    [Fact]
    public void ExpectedLossIsThePdOverTheLifeTimesTheLgd()
    {
        var compiled = DealCompiler.Compile("bullet.deal", Deal);
        Assert.NotNull(compiled.Compiled);
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single();
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, source.Count, threads: 2);
        var frame = SimulationFrame.Of(
            host.Program.Description, "bullet", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        TrancheRisk note = CreditMetrics.Compute(frame, totals).Tranches.Single();

        // The life: 2026-01-01 to 2031-01-01 is 1,826 days, T = 1,826 / 365 = 5.002740 years (a drawn default on day
        // ⌈365 τ⌉ ≤ 1,826 stops the loan before its repayment). PD = 1 − 0.97^5.002740 = 1 − 0.858662 = 0.141338.
        // EL = PD × (1 − 40%) × 100m = 0.141338 × 60m = 8.480m; SE = 60m × √(PD (1 − PD) / 20,000) = 0.148m.
        double pd = 1 - Math.Pow(0.97, 1826 / 365.0);
        Assert.Equal(0.141338, pd, 6);
        Assert.Equal(pd, source.DefaultInputs.Single().HorizonPd, 12);
        double expected = pd * 0.6 * 100e6;
        double se = 0.6 * 100e6 * Math.Sqrt(pd * (1 - pd) / source.Count);
        Assert.InRange(note.ExpectedLoss.Value, expected - (3 * se), expected + (3 * se));

        // Every loss is the 60% the recovery leaves, so the loss given a loss is exactly 60m, and the probability of a
        // loss is the PD (its printed SE the binomial one, √(p (1 − p) / n)); the expected loss's SE, s / √n with the
        // sample variance over n − 1, is then 60m times it up to √(n / (n − 1)) = 1.000025.
        Assert.Equal(60e6, note.LossGivenLoss.Value, 1e-3);
        Assert.InRange(note.LossProbability.Value, pd - (3 * note.LossProbability.StdError), pd + (3 * note.LossProbability.StdError));
        Assert.Equal(1.0, note.ExpectedLoss.StdError / (60e6 * note.LossProbability.StdError), 4);
    }

    [Fact]
    public void APathThatLosesEverythingIsInTheIrrMeanAtMinusOneHundredPercent()
    {
        // With no recovery a default leaves the note nothing: its flows are −100m at closing and 0 after, no rate
        // zeroes them, and its IRR is −100% (InvestorIrr). A path without a default repays the 0% note at par: 0%.
        // So over n paths of which d default, the IRR mean is (d × −1 + (n − d) × 0) / n = −d / n, every path has an
        // IRR, and the lowest is −100%. Left out, the defaulting paths would have made the mean 0%.
        var compiled = DealCompiler.Compile("bullet.deal", Deal.Replace("recovery 40%", "recovery 0%", StringComparison.Ordinal));
        Assert.NotNull(compiled.Compiled);
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single();
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), 2000);
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, source.Count, threads: 2);
        var frame = SimulationFrame.Of(
            host.Program.Description, "bullet", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        TrancheRisk note = CreditMetrics.Compute(frame, totals).Tranches.Single();

        long d = note.PathsWithLoss;
        Assert.InRange(d, 200, 380); // 2,000 × 0.1413 = 283, ± 3 × √(2,000 × 0.1413 × 0.8587) = ± 47
        Assert.Equal(0, note.Irr.Undefined);
        Assert.Equal(2000, note.Irr.Paths);
        Assert.Equal(-1.0, note.Irr.Min);
        Assert.Equal(-d / 2000.0, note.Irr.Mean.Value, 1e-9); // the mean's sums are in whole 2⁻³²s
        Assert.Equal(-1.0, note.Irr.Percentiles[0].Value, 1e-3); // p5: d / n > 5% of the paths are at −100%
    }
}
