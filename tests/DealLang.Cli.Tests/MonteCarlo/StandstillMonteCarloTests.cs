using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A standstill that reschedules a loan's arrears (<c>L pays X from D1 to D2 then arrears over N</c>, docs/language.md
/// §10, "Arrears rescheduled") carried by a stochastic scenario onto every path: a path on which the obligor's default
/// is not drawn runs exactly the deterministic scenario's ledger, a path on which it is runs that ledger up to the
/// period the default falls in, and the run's figures do not depend on the number of threads.
/// </summary>
public sealed class StandstillMonteCarloTests
{
    // Quarterly, 30/360: 160m at 12% repaid linearly to 2029-12-31, 50% paid for the first three quarters of 2027, the
    // arrears then repaid over four quarters (valid corpus 095's Rescheduled). The notes (150m) lose on a default, the
    // loan recovering 40%. PD 20% a year: over the four years about 1 − 0.8⁴ = 59% of the paths draw a default.
    private const string Source = """
        deal Standstill {
          currency USD
          closing  2026-12-31
          maturity 2030-12-31
          pay      quarterly
          daycount 30/360

          party Miner { rating "B"  pd 20%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 160m  coupon 12% fixed  amortize linear  maturity 2029-12-31  recovery 40% }

          tranche Senior { balance 150m  coupon 7% fixed  seniority 1 }
          equity Residual { contributed 10m  holders Sponsor 100% }

          waterfall {
            pay Senior.interest
            pay Senior.balance
            distribute rest to Residual
          }
        }

        scenario Rescheduled for Standstill {
          MinerLoan pays 50% from 2027-01-01 to 2027-09-30 then arrears over 12m
        }

        scenario Drawn for Standstill {
          paths 48
          seed  5
          Miner defaults drawn
          MinerLoan pays 50% from 2027-01-01 to 2027-09-30 then arrears over 12m
        }
        """;

    private const int Paths = 48;

    [Fact]
    public void A_path_without_the_default_runs_the_deterministic_ledger_and_one_with_it_that_ledger_until_the_default()
    {
        var compiled = DealCompiler.Compile("standstill.deal", Source);
        Assert.True(compiled.Compiled is not null, string.Join("\n", compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioOutcome fixedRun = new ScenarioRunner(host.Program, fullLedger: true, checkCash: true)
            .RunAll([compiled.Model!.Scenarios.Single(s => s.Name == "Rescheduled")]).Single();
        var source = new StochasticPaths(deal, compiled.Model.Scenarios.Single(s => s.Name == "Drawn"), 5, Paths);

        // The deterministic run: no default, the loan repaid in full (its arrears included) by its maturity.
        LoanSummary fixedLoan = fixedRun.Loans.Single();
        Assert.Null(fixedLoan.DefaultDate);
        Assert.Equal(160e6, fixedLoan.PrincipalReceived, 1e-3);

        int withDefault = 0, without = 0;
        for (int p = 0; p < Paths; p++)
        {
            // PathReplay runs the path with the cash check on: a break of conservation would throw here.
            var (outcome, _) = PathReplay.Run(host.Program, source, p, "Drawn");
            Date? defaulted = outcome.Loans.Single().DefaultDate;

            // The periods the path shares with the deterministic run: all of them without a default; with one, those
            // ending before the default's date (period t ends on Boundaries[t + 1]; the period the default falls in
            // already differs).
            int shared = fixedRun.PeriodsRun;
            if (defaulted is { } d)
            {
                withDefault++;
                shared = 0;
                while (shared < fixedRun.PeriodsRun && deal.Boundaries[shared + 1] < d)
                {
                    shared++;
                }
            }
            else
            {
                without++;
                Assert.Equal(fixedRun.PeriodsRun, outcome.PeriodsRun);
                Assert.Equal(fixedLoan.InterestReceived, outcome.Loans.Single().InterestReceived, 1e-6);
                Assert.Equal(fixedLoan.PrincipalReceived, outcome.Loans.Single().PrincipalReceived, 1e-6);
                Assert.Equal(fixedRun.Tranches.Single().Irr, outcome.Tranches.Single().Irr, 12);
            }

            // Cell by cell, to 1e-6 (a millionth of a dollar: both runs do the same arithmetic in the same order).
            for (int t = 0; t < shared; t++)
            {
                for (int k = 0; k < fixedRun.Ledger!.Columns; k++)
                {
                    Assert.Equal(fixedRun.Ledger[t, k], outcome.Ledger![t, k], 1e-6);
                }
            }
        }

        Assert.True(withDefault > 0 && without > 0, $"both kinds of path: {withDefault} with a default, {without} without");
    }

    [Fact]
    public void One_thread_and_two_give_the_same_figures()
    {
        var compiled = DealCompiler.Compile("standstill.deal", Source);
        Assert.True(compiled.Compiled is not null, string.Join("\n", compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "Drawn");

        TrancheRisk Run(int threads)
        {
            var source = new StochasticPaths(deal, scenario, 5, Paths);
            SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, Paths, threads);
            var frame = SimulationFrame.Of(
                deal, "standstill", scenario.Name, source.Seed, source.Count,
                source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
            return CreditMetrics.Compute(frame, totals).Tranches.Single();
        }

        TrancheRisk one = Run(1), two = Run(2);
        Assert.True(one.PathsWithLoss > 0, "some path should lose");
        Assert.Equal(one.PathsWithLoss, two.PathsWithLoss);
        Assert.Equal(one.ExpectedLoss.Value, two.ExpectedLoss.Value);
        Assert.Equal(one.ExpectedLoss.StdError, two.ExpectedLoss.StdError);
        Assert.Equal(one.Irr.Mean.Value, two.Irr.Mean.Value);
    }
}
