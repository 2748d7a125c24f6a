namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 11, item 4: a tranche whose amortisation starts as each building is completed (TeraWulf's notes: principal
/// amortises semiannually once each building is complete), and a scenario delaying completion (docs/language.md §5
/// "tranche", "Completion"; §10 "Index delayed D"), computed by hand.
/// </summary>
public sealed class CompletionTests
{
    // Semiannual from 2026-01-01 to 2029-01-01 (6 periods), 30/360. Two buildings: half the campus completed on
    // 2026-12-31, all of it on 2027-06-30 ('Built', a rate index stepped at those dates, read at each period's start).
    // The notes: 300m at 7.75%, linear (the balance over the periods left), amortising only the completed share.
    // The lease pays 200m a year (100m a half-year), more than enough, so the schedule is what is paid.
    private const string Source = """
        deal Campus {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      semiannual
          daycount 30/360

          party Owner { }
          index Built { level 0%  points stepped { 2026-12-31 50%  2027-06-30 100% } }
          facility Site { cost 500m  value straight_line 20y }
          lease L on Site { lessee Owner  rent 200m per year  starts 2026-01-01  term 3y }

          tranche Notes { balance 300m  coupon 7.75% fixed  amortize linear  completion Built }
          equity  Eq    { contributed 10m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario OnTime for Campus { }

        scenario Late for Campus {
          Built delayed 6m
        }

        scenario SecondLate for Campus {
          Built delayed 6m from 2027-06-30
        }

        scenario SecondLateFromBetween for Campus {
          Built delayed 6m from 2027-03-31
        }

        scenario AllLateFromBefore for Campus {
          Built delayed 6m from 2026-06-30
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void AmortisationStartsWithTheSharePerBuildingCompleted_Issue11()
    {
        // Periods 1 and 2 (from 2026-01-01, 2026-07-01) read 0% completed: no principal.
        Assert.Equal(0, Deal.Ledger("Notes principal due", 0, "OnTime"));
        Assert.Equal(0, Deal.Ledger("Notes principal due", 1, "OnTime"));
        // Period 3 (from 2027-01-01) reads 50%: linear 300m / 4 periods left = 75m × 50% = 37.5m.
        Assert.Equal(37_500_000, Deal.Ledger("Notes principal due", 2, "OnTime"), 1e-6);
        // Period 4 (from 2027-07-01) reads 100%: 262.5m / 3 = 87.5m.
        Assert.Equal(87_500_000, Deal.Ledger("Notes principal due", 3, "OnTime"), 1e-6);
        // At the maturity the whole balance is due, whatever is completed.
        Assert.Equal(0, Deal.Ledger("Notes balance", 5, "OnTime"));
    }

    [Fact]
    public void ADelayedCompletionPostponesTheAmortisation_Issue11()
    {
        // 'Built delayed 6m' moves the points to 2027-06-30 (50%) and 2027-12-31 (100%): period 3 reads 0%, period 4
        // (from 2027-07-01) 50%: 300m / 3 = 100m × 50% = 50m; period 5 (from 2028-01-01) 100%: 250m / 2 = 125m.
        Assert.Equal(0, Deal.Ledger("Notes principal due", 2, "Late"));
        Assert.Equal(0, Deal.Ledger("Built", 2, "Late"));
        Assert.Equal(50_000_000, Deal.Ledger("Notes principal due", 3, "Late"), 1e-6);
        Assert.Equal(125_000_000, Deal.Ledger("Notes principal due", 4, "Late"), 1e-6);
        // Interest in period 4 is on the 300m still outstanding: 300m × 7.75% / 2 = 11.625m.
        Assert.Equal(11_625_000, Deal.Ledger("Notes interest due", 3, "Late"), 1e-6);
    }

    [Fact]
    public void A_delay_from_a_date_moves_only_the_later_buildings()
    {
        Assert.Empty(Deal.Diagnostics);

        // 'Built delayed 6m from 2027-06-30': the first building (2026-12-31, 50%) is on time, the second moves to
        // 2027-12-31. Shares read at the periods' starts: 0, 0, 50% (2027-01-01), 50% (2027-07-01, the second not yet
        // done), 100% (2028-01-01).
        double[] shares = [0, 0, 0.5, 0.5, 1, 1];
        for (int t = 0; t < shares.Length; t++)
        {
            Assert.Equal(shares[t], Deal.Ledger("Built", t, "SecondLate"));
        }

        // Period 3 as on time: 300m / 4 × 50% = 37.5m. Period 4: 262.5m / 3 = 87.5m × 50% = 43.75m (on time, 87.5m).
        // Period 5: (262.5m − 43.75m) / 2 = 218.75m / 2 = 109.375m, of which the half-year's 100m of rent pays
        // 100m − 218.75m × 7.75% / 2 (8.4765625m of interest) = 91.5234375m: 17.8515625m falls into arrears. The
        // maturity: the 109.375m left and the arrears, 127.2265625m.
        Assert.Equal(37_500_000, Deal.Ledger("Notes principal due", 2, "SecondLate"), 1e-6);
        Assert.Equal(43_750_000, Deal.Ledger("Notes principal due", 3, "SecondLate"), 1e-6);
        Assert.Equal(109_375_000, Deal.Ledger("Notes principal due", 4, "SecondLate"), 1e-6);
        Assert.Equal(91_523_437.5, Deal.Ledger("2 pay Notes.principal paid", 4, "SecondLate"), 1e-6);
        Assert.Equal(127_226_562.5, Deal.Ledger("Notes principal due", 5, "SecondLate"), 1e-6);

        // A date between the points names the same building (the first point on or after it); a date before the first
        // point moves them all, as 'Built delayed 6m' does.
        for (int t = 0; t < shares.Length; t++)
        {
            Assert.Equal(Deal.Ledger("Notes principal due", t, "SecondLate"), Deal.Ledger("Notes principal due", t, "SecondLateFromBetween"));
            Assert.Equal(Deal.Ledger("Notes principal due", t, "Late"), Deal.Ledger("Notes principal due", t, "AllLateFromBefore"));
        }
    }
}
