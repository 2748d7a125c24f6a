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
        scenario Noisy for Campus {
          paths 1
          seed 6
          Built reverts to trend speed 100% per year volatility 60% per year
        }
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
    public void OnAStochasticPathTheForwardTestDoesNotSeeADelayBeforeItHappens()
    {
        // 'Built reverts to trend': Built is drawn per path around its schedule (0, 0, 50%, 100%, ...), so its later
        // levels are the path's future draws. `run` runs Noisy as its path 0 at seed 6, on which the construction
        // falls behind: t2 reads 31.635% (not 50%) and t3 44.946% (not 100%). At t1's end that is not known yet: the
        // forward test reads the schedule, since the path's level now (0) is the schedule's, and gives exactly
        // OnTime's hand figures: 146.796875m of debt service against 150m of CFADS, 1.02182x. Reading the path's
        // levels ahead (before the fix) it saw the delay coming: 11.625m + 75m × 31.635% = 35.35m, then
        // 276.27m × 3.875% + 276.27m / 3 × 44.946% = 52.10m, 87.45m in all, against 31.64m + 44.95m = 76.58m of rent:
        // 0.876x, a breach foreseen from draws the path had not made.
        double s2 = Deal.Value.Ledger("Built", 2, "Noisy"), s3 = Deal.Value.Ledger("Built", 3, "Noisy");
        Assert.Equal(0, Deal.Value.Ledger("Built", 1, "Noisy"));
        Assert.InRange(s2, 0.3163, 0.3164);
        Assert.InRange(s3, 0.4494, 0.4495);
        Assert.Equal(146_796_875, Deal.Value.Ledger("FwdDs", 1, "Noisy"), 1e-3);
        Assert.Equal(150_000_000, Deal.Value.Ledger("FwdCfads", 1, "Noisy"), 1e-3);
        Assert.Equal(150.0 / 146.796875, Deal.Value.Ledger("FwdDscr", 1, "Noisy"), 1e-12);

        // The loop then asks what the path gives: 300m / 4 × s2 in t2, not 37.5m.
        Assert.Equal(75e6 * s2, Deal.Value.Ledger("Notes principal due", 2, "Noisy"), 1e-3);

        // At t2's end the path has shown its lag: Built reads s2 where the schedule said 50%, a factor
        // ρ = s2 / 50% = 0.63271 that the projection holds over the schedule's 100% for t3 and t4 (the path's later draws
        // still unread). The schedule leaves b = 300m − 75m × s2 = 276.27m:
        //   t3: b × 3.875% + b / 3 × ρ;  t4, on b' = b − b / 3 × ρ: b' × 3.875% + b' / 2 × ρ  (146.387m)
        //   CFADS: 100m × ρ + 100m × ρ (126.541m)
        double rho = s2 / 0.5, b = 300e6 - (75e6 * s2), p3 = b / 3 * rho, b4 = b - p3, p4 = b4 / 2 * rho;
        Assert.Equal((b * 0.03875) + p3 + (b4 * 0.03875) + p4, Deal.Value.Ledger("FwdDs", 2, "Noisy"), 1e-3);
        Assert.Equal(200e6 * rho, Deal.Value.Ledger("FwdCfads", 2, "Noisy"), 1e-3);
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
