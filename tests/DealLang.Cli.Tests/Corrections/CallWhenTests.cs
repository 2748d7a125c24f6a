using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An issuer's call decided in the run (docs/language.md §10, "A call decided in the run"): <c>Notes called when UST +
/// 3% &lt; 8%</c> calls at the start of the first period whose start reads the condition true, as a call on that period's
/// end would, and never when no period before the maturity's does. Each figure computed by hand; the runs check that cash
/// is conserved every period.
/// </summary>
public sealed class CallWhenTests
{
    // Semiannual, 2026-01-01 → 2031-01-01, 30/360 (every year fraction 0.5): ten periods, period t starting on the t-th
    // half-year (period 4 starts on 2028-01-01). The notes: 100m at 8%, bullet, 4m of coupon a half-year. UST is 6% and
    // steps down to 4% on 2028-01-01: UST + 3% is 9% to period 3 and 7% from period 4. The lease pays enough for any call.
    private const string Source = """
        deal Refi {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      semiannual
          daycount 30/360

          index UST { level 6%  points stepped { 2028-01-01 4% } }

          party Tenant { recovery 0% }
          party Owner  { }
          facility Site { cost 500m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2026-01-01  term 5y }

          tranche Notes { balance 100m  coupon 8% fixed }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Held for Refi { }
        scenario Falls for Refi { Notes called when UST + 3% < 8% }
        scenario Stays for Refi {
          UST points stepped { 2028-01-01 6% }
          Notes called when UST + 3% < 8%
        }
        scenario AtTheRate for Refi {
          UST points stepped { 2028-01-01 5% }
          Notes called when UST + 3% < 8%
        }
        scenario AtOrBelow for Refi {
          UST points stepped { 2028-01-01 5% }
          Notes called when UST + 3% <= 8%
        }
        scenario Later for Refi { Notes called when UST + 3% < 8% from 2029-01-01 at 101% part 50% }
        scenario Reverts for Refi {
          paths 1
          seed  11
          UST reverts to 2% speed 50% per year volatility 3% per year
          Notes called when UST + 3% < 8%
        }
        scenario Delayed for Refi {
          paths 64
          seed  5
          UST delayed drawn 0m with 50%, 24m with 50%
          Notes called when UST + 3% < 8%
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void WhenTheRateFalls_TheNotesAreCalledInThePeriodStartingThen()
    {
        // Period 4 starts on 2028-01-01 reading UST at 4%: 4% + 3% = 7% < 8%. The 100m due at par in period 4 with its 4m
        // coupon; none before (periods 0–3 read 6%: 9%), nothing after.
        Assert.Equal(0, Deal.Value.Ledger("Notes principal due", 3, "Falls"));
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 4, "Falls"), 1e-6);
        Assert.Equal(0, Deal.Value.Ledger("Notes redemption premium", 4, "Falls"), 1e-6); // at par
        Assert.Equal(0, Deal.Value.Ledger("Notes interest due", 5, "Falls"));
        TrancheSummary notes = Deal.Value.Outcomes["Falls"].Tranches[0];
        Assert.Equal(new Date(2028, 7, 1), notes.CalledOn); // the end of the call's period, as 'called on 2028-07-01'
        Assert.Equal(20_000_000, notes.InterestPaid, 1e-6); // 5 × 4m
        // −100m on 2026-01-01; 4m on days 181, 365, 546, 730; 104m on day 912: 8.1654% a year on actual days (bisection
        // on these flows). Check: at 4% a half-year the flows are worth par on equal half-years; (1.04)² − 1 = 8.16%.
        Assert.Equal(0.0816541016, notes.Irr, 8);
    }

    [Fact]
    public void WhenTheRateStays_TheNotesAreNeverCalled()
    {
        // 9% every period: never below 8%. The notes run to 2031-01-01 (period 9) and pay 10 × 4m.
        TrancheSummary notes = Deal.Value.Outcomes["Stays"].Tranches[0];
        Assert.Null(notes.CalledOn);
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 9, "Stays"), 1e-6);
        Assert.Equal(40_000_000, notes.InterestPaid, 1e-6);
        Assert.All(Enumerable.Range(0, 9), t => Assert.Equal(0, Deal.Value.Ledger("Notes principal due", t, "Stays")));
        Assert.Equal(Deal.Value.Outcomes["Held"].Tranches[0].Irr, notes.Irr, 12);
    }

    [Fact]
    public void AtTheRateItself_OnlyLessOrEqualCalls()
    {
        // 5% + 3% = 8%: not below 8% ('<'), at it ('<='). UST + 3% is added in doubles: 0.05 + 0.03 = 0.08 exactly as 8%
        // parses (both 0.08000000000000002 would make '<=' fail, so the test reads the sum the run reads).
        Assert.True(0.05 + 0.03 <= 0.08);
        Assert.Null(Deal.Value.Outcomes["AtTheRate"].Tranches[0].CalledOn);
        Assert.Equal(new Date(2028, 7, 1), Deal.Value.Outcomes["AtOrBelow"].Tranches[0].CalledOn);
    }

    [Fact]
    public void FromADate_TheSearchStartsInThatDatesPeriod_AtThePriceAndPartGiven()
    {
        // 'from 2029-01-01': the period holding it is period 5 (2028-07-01 to 2029-01-01), which starts at UST 4%: called
        // there, as 'called on 2029-01-01'. Half the balance at 101%: 50m due with 1% × 50m = 0.5m of premium and the 4m
        // coupon; the other 50m runs on at 2m a half-year.
        Assert.Equal(0, Deal.Value.Ledger("Notes principal due", 4, "Later"));
        Assert.Equal(50_000_000, Deal.Value.Ledger("Notes principal due", 5, "Later"), 1e-6);
        Assert.Equal(500_000, Deal.Value.Ledger("Notes redemption premium", 5, "Later"), 1e-6);
        Assert.Equal(2_000_000, Deal.Value.Ledger("Notes interest due", 6, "Later"), 1e-6);
        Assert.Equal(new Date(2029, 1, 1), Deal.Value.Outcomes["Later"].Tranches[0].CalledOn);
    }

    [Fact]
    public void APathsReplayedLedger_CallsInThePeriodItsOwnLevelsSay()
    {
        // `run` runs the stochastic scenario as its path 0: UST reverts from 6% towards 2%; the call is in the first period
        // whose ledger UST (the level at its start) is below 5%, and there only.
        int expected = Enumerable.Range(0, 9).First(t => Deal.Value.Ledger("UST", t, "Reverts") + 0.03 < 0.08);
        Assert.True(expected > 0, "the path starts at 6%: no call in period 0");
        Assert.All(Enumerable.Range(0, 10), t => Assert.Equal(t == expected ? 100_000_000 : 0,
            t <= expected ? Deal.Value.Ledger("Notes principal due", t, "Reverts") : 0, 1e-6));
    }

    [Fact]
    public void EachMonteCarloPath_CallsAtItsOwnPeriod()
    {
        // 64 paths of the reverting UST: each path's call part row is 1 in the first period (0–8, before the maturity's)
        // whose start its own UST row puts below 5%, 0 elsewhere, and all 0 on a path that never gets there. The paths
        // must not all call in one period, or the test would not tell a path's own period from a shared one.
        Assert.True(CallPeriodsOfEachPath("Reverts", 11).Count > 1);
    }

    [Fact]
    public void APathsDrawnDelay_MovesItsCall()
    {
        // The step to 4% on 2028-01-01 delayed 0 or 24 months per path: a path not delayed calls in period 4 (from
        // 2028-01-01), a delayed one in period 8 (from 2030-01-01), as its own row, written after the rest of the path's
        // inputs, says. Both outcomes are drawn in 64 paths (each with 50%).
        Assert.Equal([4, 8], CallPeriodsOfEachPath("Delayed", 5).Order());
    }

    /// <summary>Fills every path of a stochastic scenario and checks each path's call part row against its own UST row
    /// (1 in the first period, 0–8, whose start reads UST + 3% &lt; 8%; 0 elsewhere); the distinct call periods seen
    /// (−1: a path never called).</summary>
    private static HashSet<int> CallPeriodsOfEachPath(string scenario, ulong seed)
    {
        var compiled = DealCompiler.Compile("small.deal", Source);
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var source = new StochasticPaths(deal, compiled.Model!.Scenarios.Single(s => s.Name == scenario), seed, 64);
        var inputs = new PathInputs(deal);
        var periods = new HashSet<int>();
        for (int path = 0; path < 64; path++)
        {
            source.Fill(path, inputs);
            int expected = Enumerable.Range(0, 9).FirstOrDefault(t => inputs.IndexLevel[0][t] + 0.03 < 0.08, -1);
            periods.Add(expected);
            for (int t = 0; t < deal.Periods; t++)
            {
                Assert.Equal(t == expected ? 1.0 : 0.0, inputs.TrancheCallPart[0][t]);
            }
        }

        return periods;
    }
}
