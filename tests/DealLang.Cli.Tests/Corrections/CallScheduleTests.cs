using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Plain notes with a call schedule and a make-whole (docs/language.md §5, "A call schedule", "The make-whole price"):
/// a scenario's <c>Notes called on DATE</c> pays the price of the step in force on the date, or before the first call
/// date the make-whole price worked out at the call period's start, at least par. Each figure computed by hand; the runs
/// check that cash is conserved every period.
/// </summary>
public sealed class CallScheduleTests
{
    // Semiannual, 2026-01-01 → 2031-01-01, 30/360 (every year fraction 0.5): ten periods, period t ending on the
    // (t + 1)th half-year. The notes: 100m at 8%, bullet, 4m of coupon a half-year; callable at 104% from 2028-01-01,
    // 102% from 2029-01-01, par from 2030-01-01, before that at the make-whole at UST + 50bp (UST at 4%: 4.5%). The lease
    // pays 120m a half-year: enough for any call.
    private const string Source = """
        deal Refi {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      semiannual
          daycount 30/360

          index UST { level 4% }

          party Tenant { recovery 0% }
          party Owner  { }
          facility Site { cost 500m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2026-01-01  term 5y }

          tranche Notes {
            balance 100m
            coupon  8% fixed
            callable from 2028-01-01 at 104%, from 2029-01-01 at 102%, from 2030-01-01 at 100% make_whole UST + 50bp
          }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Held for Refi { }
        scenario SecondStep for Refi { Notes called on 2029-07-01 }
        scenario StepDate for Refi { Notes called on 2029-01-01 }
        scenario MakeWhole for Refi { Notes called on 2027-01-01 }
        scenario HighRates for Refi {
          UST level 20%
          Notes called on 2027-01-01
        }
        scenario PointInside for Refi {
          UST points stepped { 2026-10-01 20% }
          Notes called on 2027-01-01
        }
        scenario UstMoves for Refi {
          paths 1
          seed  3
          UST reverts to 4% speed 50% per year volatility 4% per year
          Notes called on 2027-01-01
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    // The make-whole of a call in period 1 (paid on 2027-01-01) at a rate y: the coupons of periods 2 and 3 (4% of the
    // principal each, paid half a year and a year after the redemption) and 104% on the first call date (a year after),
    // discounted semiannually at y: 0.04 / (1 + y/2) + (0.04 + 1.04) / (1 + y/2)².
    private static double MakeWholeAt(double y) => 0.04 / (1 + y / 2) + 1.08 / Math.Pow(1 + y / 2, 2);

    [Fact]
    public void CalledInTheSecondStep_TheNotesPay102_AndTheIrrIsOverTheShorterLife()
    {
        // 2029-07-01 is on or after 2029-01-01 and before 2030-01-01: the 102% step. Period 6 (to 2029-07-01): the 100m
        // due at par, the premium 2% × 100m = 2m with the 4m coupon: 106m that period, 7 × 4m + 2m = 30m of interest in all.
        TrancheSummary notes = Deal.Value.Outcomes["SecondStep"].Tranches[0];
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 6, "SecondStep"), 1e-6);
        Assert.Equal(2_000_000, Deal.Value.Ledger("Notes redemption premium", 6, "SecondStep"), 1e-6);
        Assert.Equal(6_000_000, Deal.Value.Ledger("Notes interest due", 6, "SecondStep"), 1e-6);
        Assert.Equal(1.02, Deal.Value.Ledger("Notes call price", 6, "SecondStep"), 12);
        Assert.Equal(0, Deal.Value.Ledger("Notes call price", 5, "SecondStep"));
        Assert.Equal(30_000_000, notes.InterestPaid, 1e-6);
        Assert.Equal(new Date(2029, 7, 1), notes.CalledOn);
        // −100m on 2026-01-01; 4m on days 181, 365, 546, 730, 912, 1096; 106m on day 1277: 8.6872% on actual days
        // (bisection on these flows). Check: 100 = Σ 4/(1+y)^k (k = 1..7) + 102/(1+y)^7 gives y = 4.2513% a half-year,
        // (1+y)² − 1 = 8.68% a year, between the 8.16% held and the 10.10% of a call at 104% two years in.
        Assert.Equal(0.0868722849, notes.Irr, 8);
    }

    [Fact]
    public void CalledOnAStepsDate_ThatStepsPrice()
    {
        // On 2029-01-01 itself the 102% step is in force (the last step on or before the date), not the 104% before it:
        // 2m of premium in period 5 (to 2029-01-01).
        Assert.Equal(2_000_000, Deal.Value.Ledger("Notes redemption premium", 5, "StepDate"), 1e-6);
        Assert.Equal(1.02, Deal.Value.Ledger("Notes call price", 5, "StepDate"), 12);
    }

    [Fact]
    public void CalledBeforeTheFirstCallDate_AtTheMakeWholePrice()
    {
        // Period 1 (2026-07-01 to 2027-01-01) reads UST at 4% at its start: y = 4.5%, 1 + y/2 = 1.0225:
        // 0.04 / 1.0225 + 1.08 / 1.0225² = 0.039120 + 1.032992 = 1.0721122: the premium 7.21122m with the 4m coupon.
        Assert.Equal(1.0721121945, MakeWholeAt(0.045), 10);
        Assert.Equal(1.0721121945, Deal.Value.Ledger("Notes call price", 1, "MakeWhole"), 10);
        Assert.Equal(7_211_219.45, Deal.Value.Ledger("Notes redemption premium", 1, "MakeWhole"), 0.01);
        Assert.Equal(11_211_219.45, Deal.Value.Ledger("Notes interest due", 1, "MakeWhole"), 0.01);
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 1, "MakeWhole"), 1e-6);
        TrancheSummary notes = Deal.Value.Outcomes["MakeWhole"].Tranches[0];
        Assert.Equal(new Date(2027, 1, 1), notes.CalledOn);
        // −100m; 4m on day 181; 111.2112m on day 365: 15.5128% (bisection), the make-whole's premium in one year.
        Assert.Equal(0.1551284412, notes.Irr, 8);
    }

    [Fact]
    public void WhenRatesAreHigh_TheMakeWholeIsFlooredAtPar()
    {
        // UST at 20%: y = 20.5%, 0.04 / 1.1025 + 1.08 / 1.1025² = 0.036281 + 0.888519 = 0.924800 < 1: at par, no premium.
        Assert.Equal(0.9247998519, MakeWholeAt(0.205), 10);
        Assert.Equal(1.0, Deal.Value.Ledger("Notes call price", 1, "HighRates"), 12);
        Assert.Equal(0, Deal.Value.Ledger("Notes redemption premium", 1, "HighRates"), 1e-6);
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 1, "HighRates"), 1e-6);
    }

    [Fact]
    public void TheRateIsReadAtThePeriodsStart()
    {
        // A point on 2026-10-01, inside the call's period, is not read: 1.0721122 as at 4%.
        Assert.Equal(1.0721121945, Deal.Value.Ledger("Notes call price", 1, "PointInside"), 10);
    }

    [Fact]
    public void APathMovingTheIndexMovesTheMakeWhole()
    {
        // `run` runs the stochastic scenario as its path 0: UST follows its Ornstein–Uhlenbeck path from 4%, and the
        // make-whole reads that path's level at the start of the call's period (the ledger's UST in that period).
        double level = Deal.Value.Ledger("UST", 1, "UstMoves");
        Assert.True(Math.Abs(level - 0.04) > 0.001, $"the path should move UST, at {level}");
        Assert.Equal(Math.Max(1.0, MakeWholeAt(level + 0.005)), Deal.Value.Ledger("Notes call price", 1, "UstMoves"), 12);
    }

    [Fact]
    public void WithoutACall_TheNotesRunToTheMaturity()
    {
        TrancheSummary notes = Deal.Value.Outcomes["Held"].Tranches[0];
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes principal due", 9, "Held"), 1e-6);
        Assert.Equal(40_000_000, notes.InterestPaid, 1e-6);
        Assert.All(Enumerable.Range(0, 10), t => Assert.Equal(0, Deal.Value.Ledger("Notes call price", t, "Held")));
        Assert.True(Deal.Value.Description.Tranches[0].CallsAtMakeWhole);
    }

    [Fact]
    public void AFloatingCouponIsHeldAtItsRateNow()
    {
        // Coupon UST + 4%, UST at 4%: 8% this period, held so to the first call date: the fixed 8% notes' make-whole.
        var floating = new SmallDeal(Source.Replace("coupon  8% fixed", "coupon  UST + 4%", StringComparison.Ordinal));
        Assert.Equal(1.0721121945, floating.Ledger("Notes call price", 1, "MakeWhole"), 10);
    }
}
