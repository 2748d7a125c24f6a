using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A test's and a trigger's <c>from DATE</c> on a deal whose business days move its month-end payment dates
/// (docs/language.md §4 "Business days", business-days-scenario-levers; §7 "from DATE"). "Tested from the first period
/// ending on or after DATE" names periods by a date as a scenario's partial-payments window does: a date written on a
/// scheduled quarter end is that quarter's, whichever day it is paid on. Before the fix it was compared as written with
/// the ends as paid, so a covenant first tested on Saturday 2029-06-30 (the quarter paid on Friday 06-29) was first
/// tested a quarter late. A date that is no scheduled date is compared as written, and an expression's own
/// <c>period_end &gt;= DATE</c> reads the day paid, as it always did. A forward test's window, a default rule's grace and
/// an enforcement sale's lag are counted in months on the schedule as rolled too: counted from a Friday the business days
/// paid a quarter end on, each reached a quarter late. SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndCovenantDateTests
{
    // Quarterly on month ends from 2028-12-31 to 2029-12-31, 30/360. Under `preceding` Saturday 2029-03-31, Saturday
    // 2029-06-30 and Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28; Monday 2029-12-31 stays. The coupon
    // accrues between the dates paid (the default accrual). Rent 12m a year, 3m a quarter; a 100m bullet at 8%.
    // Dscr = 3m / (100m x 8% x the period's 30/360 days / 360) is well below 5x, so the trap holds in every period it is tested in.
    private static string Source(string from) => $$"""
        deal Covenant {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          business_days preceding

          party Tenant { }
          party Owner  { }
          facility Shed { cost 150m  value straight_line 30y }
          lease L on Shed { lessee Tenant  rent 12m per year  starts 2028-12-31  term 2y }
          tranche Notes { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 1m  holders Owner 100% }
          account Trap { }

          test Dscr = cfads / debt_service from {{from}}
          trigger Cash when Dscr < 5.00x from {{from}} => trap
          trigger Dated when period_end >= {{from}} => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if Cash { hold rest in Trap } else { release Trap }
            distribute rest to Sponsor
          }
        }
        """;

    // `from 2029-06-30`, a scheduled quarter end paid on Friday 06-29: tested from the second quarter (t = 1). Its
    // interest 100m x 8% x 89/360 = 1,977,777.78 (30/360 from Friday 03-30 to Friday 06-29: 30 x 3 - 1 = 89 days), so
    // Dscr = 3m / 1,977,777.78 = 1.5169x < 5x: the trap holds from then on. The first quarter is n/a and not trapped.
    // `period_end >= 2029-06-30` is a plain date comparison with the day paid: false on Friday 06-29, true from 09-28.
    [Fact]
    public void AFromDateOnAMovedQuarterEndIsThatQuartersTestDate()
    {
        var deal = new SmallDeal(Source("2029-06-30"));
        Assert.Equal([new Date(2028, 12, 31), new Date(2029, 3, 30), new Date(2029, 6, 29), new Date(2029, 9, 28), new Date(2029, 12, 31)],
            deal.Description.Boundaries);
        Assert.True(double.IsNaN(deal.Ledger("Dscr", 0)));
        Assert.Equal(3e6 / (100e6 * 0.08 * 89 / 360), deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal([0.0, 1.0, 1.0, 1.0], Enumerable.Range(0, 4).Select(t => deal.Ledger("Cash", t)));
        Assert.Equal(new Date(2029, 6, 29), deal.Single.Events.Triggers.Single(t => t.Trigger == "Cash").FirstActive);
        Assert.Equal([0.0, 0.0, 1.0, 1.0], Enumerable.Range(0, 4).Select(t => deal.Ledger("Dated", t)));
    }

    // `from 2029-07-01`, a Sunday that is no scheduled date, is compared as written: the second quarter (paid on 06-29)
    // ends before it, the third (09-28) after it; no weekend moves it back into the second quarter.
    [Fact]
    public void AnotherDateIsComparedAsWritten()
    {
        var deal = new SmallDeal(Source("2029-07-01"));
        Assert.True(double.IsNaN(deal.Ledger("Dscr", 1)));
        Assert.False(double.IsNaN(deal.Ledger("Dscr", 2)));
        Assert.Equal([0.0, 0.0, 1.0, 1.0], Enumerable.Range(0, 4).Select(t => deal.Ledger("Cash", t)));
    }

    // A forward test's window, 'over next 12m', is the next twelve months of the schedule as rolled: from the quarter
    // paid on Friday 2029-09-28 (scheduled 2029-09-30) the four quarters to 2030-09-30, paid on Monday 12-31, Fridays
    // 2030-03-29 and 06-28, and Monday 09-30. Counted from the day paid, 2029-09-28 + 12m = 2030-09-28 left the last of
    // them out (its end 09-30 is after it): three quarters. The coupon accrues between the dates paid, 30/360:
    // 09-28 -> 12-31 93 days (the 28th is no 30th, so the 31st stays), 12-31 -> 03-29 89, 03-29 -> 06-28 89,
    // 06-28 -> 09-30 92: 363 days, 100m x 8% x 363/360 = 8,066,666.67 (three quarters gave 8m x 271/360 = 6,022,222.22).
    [Fact]
    public void AForwardWindowIsTheNextMonthsOfTheScheduleAsRolled()
    {
        var deal = new SmallDeal(Source("2029-06-30")
            .Replace("maturity 2029-12-31", "maturity 2031-12-31", StringComparison.Ordinal)
            .Replace("term 2y", "term 5y", StringComparison.Ordinal)
            .Replace("test Dscr", "test FwdDs = debt_service over next 12m\n  test Dscr", StringComparison.Ordinal));
        Assert.Equal(new Date(2029, 9, 28), deal.Description.Boundaries[3]);
        Assert.Equal(100e6 * 0.08 * 363 / 360, deal.Ledger("FwdDs", 2), 1e-6);
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(4 * 2e6, deal.Ledger("FwdDs", t), 0.1e6); // four quarters, each about 2m, in every full window
        }
    }

    // The same quarters, 2028-12-31 to 2030-12-31 under `preceding`: a lease of one quarter (3m of rent), then nothing,
    // so the notes' 2m of interest a quarter goes unpaid from the second quarter (paid Friday 2029-06-29) on. With
    // 'grace 3m' the grace runs from the quarter's end as scheduled, 2029-06-30, to 2029-09-30: the third quarter's own
    // end, paid Friday 09-28, still breached: the event of default is 2029-09-28 (from the day paid, 06-29 + 3m = 09-29
    // was after 09-28, and the default a quarter late, 2029-12-31). The sale's 'lag 3m' likewise runs from 09-30 to
    // 12-31 (a Monday, not moved): the site, 100m less 10%, fetches 90m at the end of the fourth quarter.
    private const string Enforced = """
        deal Enforced {
          currency USD
          closing  2028-12-31
          maturity 2030-12-31
          pay      quarterly
          daycount 30/360
          business_days preceding

          party Tenant { }
          party Owner  { }
          facility Site { cost 100m  value schedule { 2028-12-31 100m } }
          lease L on Site { lessee Tenant  rent 12m per year  starts 2028-12-31  term 3m }
          tranche Notes { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 1m  holders Owner 100% }
          default when Notes.interest_shortfall > 0 grace 3m
          waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
          enforcement {
            sell Site haircut 10% lag 3m
            waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Sponsor }
          }
        }
        """;

    [Fact]
    public void AGraceAndASaleLagRunFromTheQuarterEndAsScheduled()
    {
        var deal = new SmallDeal(Enforced);
        Assert.Equal(new Date(2029, 9, 28), deal.Single.Events.EventOfDefault);
        Assert.Equal(new Date(2029, 12, 31), deal.Single.Events.Sale);
        Assert.Equal(90e6, deal.Single.Events.SaleProceeds, 1e-6);
        Assert.Equal(90e6, deal.Ledger("sale proceeds", 3), 1e-6);
    }

    // A lag ending on a moved quarter end: a default dated by the rule in the second quarter ('date >= 2029-06-29', the
    // day it is paid on) and 'lag 3m' sell at the end of the third quarter, paid Friday 2029-09-28, as without business
    // days (2029-06-30 + 3m = 2029-09-30, the third quarter's end); from the day paid it sold at the end of the fourth.
    [Fact]
    public void ASaleLagEndingOnAMovedQuarterEndSellsInThatQuarter()
    {
        var deal = new SmallDeal(Enforced
            .Replace("default when Notes.interest_shortfall > 0 grace 3m", "default when date >= 2029-06-29", StringComparison.Ordinal)
            .Replace("term 3m", "term 5y", StringComparison.Ordinal));
        Assert.Equal(new Date(2029, 6, 29), deal.Single.Events.EventOfDefault);
        Assert.Equal(new Date(2029, 9, 28), deal.Single.Events.Sale);
        Assert.Equal(90e6, deal.Ledger("sale proceeds", 2), 1e-6);
    }
}
