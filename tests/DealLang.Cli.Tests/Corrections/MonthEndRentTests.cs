using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's rent in equal instalments on a schedule whose business days move a month end (docs/language.md §5,
/// "Rent", and §4, "Business days"): the regular periods the first and last periods are prorated against are the
/// schedule's as rolled, month ends kept, each ending or starting on a payment date as paid, so a whole first or last
/// quarter earns its instalment. Before the fix the runner read "keeps month ends" off the dates as paid, and
/// Saturday 2029-03-31 paid on Friday 2029-03-30 made it roll the grid without the month-end rule (and from the moved
/// date): the first quarter earned 600m x 89/90 = 593.33m and the last 600m x 91/92 = 593.48m.
/// A lease of 2,400m a year on a quarterly deal: 600m a regular quarter. SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndRentTests
{
    private const double Cent = 0.005;
    private const double Quarter = 2400e6 / 4;

    private static string Source(string closing, string maturity, string pay, string businessDays) => $$"""
        deal Rents {
          currency USD
          closing  {{closing}}
          maturity {{maturity}}
          pay      {{pay}}
          daycount ACT/360
          {{businessDays}}

          party Tenant { rating "BBB" pd 1% recovery 40% }
          party Owner  { }

          facility Site { cost 20000m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 2400m per year  starts {{closing}}  term 10y }

          tranche Notes { balance 10000m  coupon 8% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 10000m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Rents { }
        """;

    private const string Preceding = "business_days preceding holidays federal_reserve";

    private static double Rent(SmallDeal deal, int t) => deal.Ledger("rent Rent", t);

    // Quarterly from Sunday 2028-12-31 (the closing does not move) to Saturday 2029-06-30, rolled on month ends:
    // 2029-03-31 (a Saturday) and 2029-06-30 (a Saturday) are paid on Fridays 2029-03-30 and 2029-06-29.
    //   period 0, 12-31 -> 03-30: the regular quarter rolled back from 03-31 with month ends is 12-31 -> 03-31, ending
    //     on 03-30 as paid: the period is all of it, 600m (the grid rolled from 03-30 without month ends gave
    //     12-30 -> 03-30, 90 days, and 600m x 89/90 = 593,333,333.33);
    //   period 1, 03-30 -> 06-29: the regular quarter starts on 03-30 as paid and ends on the maturity 06-30 as paid,
    //     06-29: all of it, 600m (rolled from 03-30 without month ends: 03-30 -> 06-30, 92 days, 600m x 91/92).
    [Fact]
    public void AWholeFirstAndLastQuarterEarnTheirInstalmentWhenAMonthEndIsPaidOnAFriday()
    {
        var deal = new SmallDeal(Source("2028-12-31", "2029-06-30", "quarterly", Preceding));
        Assert.Equal([new Date(2028, 12, 31), new Date(2029, 3, 30), new Date(2029, 6, 29)], deal.Description.Boundaries);
        Assert.Equal([new Date(2028, 12, 31), new Date(2029, 3, 31), new Date(2029, 6, 30)], deal.Description.RolledBoundaries);
        Assert.Equal(Quarter, Rent(deal, 0), Cent);
        Assert.Equal(Quarter, Rent(deal, 1), Cent);
    }

    // A short first period from 2029-01-15 to 03-30 as paid (74 days: 17 in January, 28 in February, 29 in March): the
    // regular quarter holding it runs from 2028-12-31 (rolled back from 03-31, month ends kept; no date before the
    // closing is paid) to 03-30 as paid, 89 days: 600m x 74/89 = 498,876,404.49 (the grid without month ends,
    // 12-30 -> 03-30, 90 days, gave 600m x 74/90 = 493,333,333.33). The day 03-30 is rent of the next quarter,
    // which is whole (600m), as every period from a payment date is.
    [Fact]
    public void AShortFirstPeriodIsProratedAgainstTheRegularQuarterRolledWithMonthEnds()
    {
        var deal = new SmallDeal(Source("2029-01-15", "2029-06-30", "quarterly", Preceding));
        Assert.Equal(Quarter * 74 / 89, Rent(deal, 0), Cent);
        Assert.Equal(Quarter, Rent(deal, 1), Cent);
    }

    // Without business days nothing moves and nothing changes: 12-31 -> 03-31 and 03-31 -> 06-30 are whole quarters
    // (600m each); from 2029-01-15 the stub is 75 of the 90 days of 12-31 -> 03-31: 600m x 75/90 = 500m. The runner
    // gets no rolled dates (they are the boundaries).
    [Fact]
    public void WithoutBusinessDaysTheRentIsUnchanged()
    {
        var whole = new SmallDeal(Source("2028-12-31", "2029-06-30", "quarterly", ""));
        Assert.Same(whole.Description.Boundaries, whole.Description.RolledBoundaries);
        Assert.Equal(Quarter, Rent(whole, 0), Cent);
        Assert.Equal(Quarter, Rent(whole, 1), Cent);

        var stub = new SmallDeal(Source("2029-01-15", "2029-06-30", "quarterly", ""));
        Assert.Equal(Quarter * 75 / 90, Rent(stub, 0), Cent);
        Assert.Equal(Quarter, Rent(stub, 1), Cent);
    }

    // Hyperion's grid, 30 May / 30 November (not month ends: 30 May is not one), semiannual, 1,200m a half-year, from
    // 2027-01-15 to 2028-05-30. Without business days the stub to 2027-05-30 is 135 of the 181 days of 2026-11-30 ->
    // 2027-05-30: 1,200m x 135/181 = 895,027,624.31; then 1,200m each half.
    // With `preceding`, Sunday 2027-05-30 is paid on Friday 2027-05-28: the regular half-year is rolled back from
    // 05-30 as scheduled (2026-11-30, still the 30th, not a month end moved to the 28th) to 05-28 as paid, 179 days, the
    // stub 133 of them: 1,200m x 133/179 = 891,620,111.73 (rolled from 05-28: 2026-11-28, 181 days, 133/181).
    [Fact]
    public void AThirtiethGridIsRolledFromTheDatesAsScheduled()
    {
        const double Half = 2400e6 / 2;
        var asTheyFall = new SmallDeal(Source("2027-01-15", "2028-05-30", "semiannual", ""));
        Assert.Equal([new Date(2027, 1, 15), new Date(2027, 5, 30), new Date(2027, 11, 30), new Date(2028, 5, 30)], asTheyFall.Description.Boundaries);
        Assert.Equal(Half * 135 / 181, Rent(asTheyFall, 0), Cent);
        Assert.Equal(Half, Rent(asTheyFall, 1), Cent);
        Assert.Equal(Half, Rent(asTheyFall, 2), Cent);

        var preceding = new SmallDeal(Source("2027-01-15", "2028-05-30", "semiannual", "business_days preceding"));
        Assert.Equal(new Date(2027, 5, 28), preceding.Description.Boundaries[1]);
        Assert.Equal(Half * 133 / 179, Rent(preceding, 0), Cent);
        Assert.Equal(Half, Rent(preceding, 1), Cent);
        Assert.Equal(Half, Rent(preceding, 2), Cent);
    }
}
