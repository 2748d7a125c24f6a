using Xunit;

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
}
