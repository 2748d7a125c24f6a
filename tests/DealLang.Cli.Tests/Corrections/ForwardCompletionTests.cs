using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A forward DSCR across a construction: the forward debt service of a <c>completion</c> tranche projects its
/// principal on the share of the buildings each period of the window will have, from the same completion index (as
/// the scenario has moved it) the forward CFADS of a phased lease reads (docs/language.md §7, "Forward debt service"),
/// so numerator and denominator stand on the same completions. By hand.
/// </summary>
public sealed class ForwardCompletionTests
{
    // Semiannual from 2026-01-01 to 2029-01-01, 30/360 (every period 0.5 years): t0 ends 2026-07-01, t1 2027-01-01,
    // t2 2027-07-01, t3 2028-01-01, t4 2028-07-01, t5 2029-01-01 (the maturity). Half the campus is completed on
    // 2026-12-31, all of it on 2027-06-30, so the shares read at the periods' starts are t0 0, t1 0, t2 50%, t3..t5 100%.
    // The lease pays 200m a year, 100m a half-year times the share; the notes, 300m at 7.75% (11.625m a half-year
    // on 300m), amortise linearly (the balance over the periods left) times the share. A reserve pays the two
    // coupons before any rent.
    private const string Source = """
        deal Campus {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      semiannual
          daycount 30/360

          party Tenant { }
          party Owner { }
          index Built { level 0%  points stepped { 2026-12-31 50%  2027-06-30 100% } }
          facility Site { cost 500m  value straight_line 20y }
          lease L on Site { lessee Tenant  rent 200m per year  starts 2026-01-01  term 3y  phased Built }

          tranche Notes { balance 300m  coupon 7.75% fixed  amortize linear  completion Built }
          equity  Eq    { contributed 10m  holders Owner 100% }
          account Reserve { initial 23.25m }

          test FwdDs   = debt_service over next 12m
          test FwdCfads = cfads over next 12m
          test FwdDscr = cfads / debt_service over next 12m

          waterfall {
            pay Notes.interest using Reserve
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario OnTime for Campus { }
        scenario Late for Campus { Built delayed 6m }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void TheForwardDebtServiceAmortisesOnTheShareEachPeriodOfTheWindowWillHave()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // At t1's end (2027-01-01) the next 12m are t2 and t3, across both completions; t1 leaves 300m.
        //   t2 reads 50%: interest 300m × 7.75% × 0.5 = 11.625m, principal 300m / 4 periods left × 50% = 37.5m;
        //   t3 reads 100%: interest 262.5m × 3.875% = 10.171875m, principal 262.5m / 3 = 87.5m.
        //   Sum: 146.796875m. At the full scheduled principal (before this fix) it was 11.625m + 75m on 300m, then
        //   225m × 3.875% = 8.71875m + 75m: 170.34375m.
        Assert.Equal(146_796_875, Deal.Value.Ledger("FwdDs", 1, "OnTime"), 1e-3);

        // The projection is what the period loop then asks for in t2 and t3.
        double due = 0;
        for (int t = 2; t <= 3; t++)
        {
            due += Deal.Value.Ledger("Notes interest due", t, "OnTime") + Deal.Value.Ledger("Notes principal due", t, "OnTime");
        }

        Assert.Equal(146_796_875, due, 1e-3);

        // At t0's end (2026-07-01) the window is t1 (0%: interest 11.625m, no principal) and t2 (11.625m + 37.5m):
        // 60.75m (140.925m before: 11.625m + 60m, then 9.3m + 60m).
        Assert.Equal(60_750_000, Deal.Value.Ledger("FwdDs", 0, "OnTime"), 1e-3);
    }

    [Fact]
    public void AForwardDscrAcrossTheConstructionDividesPhasedRentByPhasedDebtService()
    {
        // At t1's end: the forward CFADS is t2's rent 100m × 50% + t3's 100m × 100% = 150m, the forward debt service
        // 146.796875m (above): 150 / 146.796875 = 1.02182x. Before, over the unphased 170.34375m: 0.88057x.
        Assert.Equal(150_000_000, Deal.Value.Ledger("FwdCfads", 1, "OnTime"), 1e-3);
        Assert.Equal(150.0 / 146.796875, Deal.Value.Ledger("FwdDscr", 1, "OnTime"), 1e-12);

        // A year late ('Built delayed 6m' moves 50% to 2027-06-30 and 100% to 2027-12-31: t2 reads 0, t3 50%), both
        // sides move: rent 0 + 50m = 50m; debt service t2 11.625m (no principal), t3 11.625m + 300m / 3 × 50% = 61.625m,
        // 73.25m in all: 50 / 73.25 = 0.68259x (before: 50 / 170.34375 = 0.29352x).
        Assert.Equal(50_000_000, Deal.Value.Ledger("FwdCfads", 1, "Late"), 1e-3);
        Assert.Equal(73_250_000, Deal.Value.Ledger("FwdDs", 1, "Late"), 1e-3);
        Assert.Equal(50.0 / 73.25, Deal.Value.Ledger("FwdDscr", 1, "Late"), 1e-12);
    }

    [Fact]
    public void ACompletionExpressionOtherThanAnIndexIsHeldAtThisPeriodsShare()
    {
        // 'completion min(Built * 2, 100%)' is not an index's name: the projection cannot read it ahead, so it holds
        // this period's share. At t1's end that is min(0 × 2, 1) = 0: t2 and t3 owe interest only, 2 × 11.625m =
        // 23.25m (the loop will then ask 300m / 4 × min(50% × 2, 1) = 75m in t2). At t2's end the share is 100%:
        // t3 owes 225m × 3.875% = 8.71875m + 225m / 3 = 75m, t4 150m × 3.875% = 5.8125m + 150m / 2 = 75m: 164.53125m.
        var deal = new SmallDeal(Source.Replace("completion Built", "completion min(Built * 2, 100%)", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(23_250_000, deal.Ledger("FwdDs", 1, "OnTime"), 1e-3);
        Assert.Equal(75_000_000, deal.Ledger("Notes principal due", 2, "OnTime"), 1e-3);
        Assert.Equal(164_531_250, deal.Ledger("FwdDs", 2, "OnTime"), 1e-3);
    }
}
