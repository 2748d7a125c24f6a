namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A scenario's dated levers on a deal whose business days move its month-end payment dates (docs/language.md §4
/// "Business days", business-days-scenario-levers). A lever that names periods by a date, "the period whose end first
/// reaches DATE" (a loan's partial payments window, a guarantor's <c>disowned from</c>), reads a date written on a
/// scheduled quarter end as that quarter's: before the fix it was compared as written with the ends as paid, so a
/// window "to 2029-06-30" ran a quarter too long and one "from 2029-03-31" started a quarter late. An event (a party's
/// default) and a market level (an index's dated point) stay where they fall against the dates as paid: a default on
/// Saturday 2029-06-30 comes after the second quarter's payment on Friday 06-29. SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndScenarioLeverTests
{
    private const double Cent = 0.005;

    // Quarterly on month ends from 2028-12-31 to 2029-12-31, 30/360. Under `preceding` Saturday 2029-03-31, Saturday
    // 2029-06-30 and Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28; Monday 2029-12-31 stays. Unadjusted,
    // every quarter accrues 90/360 = 0.25. MinerLoan: 100m at 12% (3% a quarter), linear to 2029-12-31, 25m a quarter
    // (its instalments on the quarter ends are paid with them, MonthEndLoanTests). The lease pays 40m a year, 10m a
    // quarter; Parent guarantees it.
    private static string Source(string businessDays) => $$"""
        deal Levers {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          {{businessDays}}

          party Miner   { rating "B"  pd 8% }
          party Tenant  { rating "B"  pd 5% }
          party Parent  { rating "A"  pd 0.1% }
          party Sponsor { }
          index Sofr { level 4% }

          facility Site { cost 100m  value schedule { 2028-12-31 100m } }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2028-12-31  term 5y  guarantor Parent cap 100m }
          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2029-12-31  recovery 40% }

          tranche Notes { balance 100m  coupon Sofr + 2% }
          equity Owners { contributed 100m  holders Sponsor 100% }
          test SiteValue = Site.value

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }

        scenario Base for Levers { }
        scenario Window for Levers { MinerLoan pays 50% from 2029-03-31 to 2029-06-30 }
        scenario Backed for Levers { Tenant defaults on 2029-02-15 }
        scenario Disowned for Levers {
          Tenant defaults on 2029-02-15
          Parent guarantees disowned from 2029-06-30
        }
        scenario DisownedSunday for Levers {
          Tenant defaults on 2029-02-15
          Parent guarantees disowned from 2029-07-01
        }
        scenario DisownedBetween for Levers {
          Tenant defaults on 2029-02-15
          Parent guarantees disowned from 2029-09-29
        }
        scenario Defaults for Levers { Miner defaults on 2029-06-30 }
        scenario Stepped for Levers { Sofr points stepped { 2029-06-30 6% } }
        scenario Dropped for Levers { Site.value drop 50% by 2029-06-30 }
        """;

    private static readonly SmallDeal Plain = new(Source(""));
    private static readonly SmallDeal Moved = new(Source("business_days preceding unadjusted"));
    private static readonly SmallDeal[] Deals = [Plain, Moved];

    [Fact]
    public void TheDealsCompileWithoutFindings()
    {
        foreach (SmallDeal deal in Deals)
        {
            Assert.Empty(deal.Diagnostics);
        }
    }

    [Fact]
    public void APartialPaymentsWindowOnQuarterEndsRunsThroughTheQuartersTheyClose()
    {
        // The window 'from 2029-03-31 to 2029-06-30' is the first and second quarters (t=0, 1), the cure the third. Before
        // the fix, under business days, 03-31 and 06-30 were after Fridays 03-30 and 06-29: the window was t=1, 2.
        // t=0: due 100m × 3% = 3m and 25m = 28m; paid 50% = 14m, interest first: 3m interest, 11m principal; arrears
        //      14m, all principal (balance 75m).
        // t=1: the arrears bear 14m × 3% = 0.42m; due 75m × 3% = 2.25m and 25m = 27.25m, paid 13.625m: 2.25m interest,
        //      11.375m principal; arrears 14m + 0.42m + 13.625m = 28.045m (27.625m principal) (balance 50m).
        // t=2 (the cure): the arrears bear 28.045m × 3% = 0.84135m; due 50m × 3% = 1.5m and 25m, paid with the arrears:
        //      interest 1.5m + 0.42m + 0.84135m = 2.76135m, principal 25m + 27.625m = 52.625m.
        // t=3: as without the lever, 25m × 3% = 0.75m and 25m.
        double[] interest = [3e6, 2.25e6, 2.76135e6, 0.75e6];
        double[] principal = [11e6, 11.375e6, 52.625e6, 25e6];
        double[] arrears = [14e6, 28.045e6, 0, 0];
        foreach (SmallDeal deal in Deals)
        {
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(interest[t], deal.Ledger("interest MinerLoan", t, "Window"), Cent);
                Assert.Equal(principal[t], deal.Ledger("principal MinerLoan", t, "Window"), Cent);
                Assert.Equal(arrears[t], deal.Ledger("MinerLoan arrears", t, "Window"), Cent);
            }
        }
    }

    [Fact]
    public void AGuarantorDisowningFromAQuarterEndPaysNothingForThatQuarter()
    {
        // Tenant defaults on 2029-02-15: Parent pays the rent it leaves unpaid, the rest of the first quarter and 10m
        // (40m / 4) a quarter after. Disowned from 2029-06-30 it pays nothing from the period whose end first reaches that
        // date, the second quarter (t=1), paid on Friday 06-29 under business days; before the fix it paid that quarter's
        // 10m and stopped a quarter late.
        foreach (SmallDeal deal in Deals)
        {
            double first = deal.Ledger("guarantor Rent", 0, "Backed");
            Assert.True(first > 0);
            Assert.Equal(10e6, deal.Ledger("guarantor Rent", 1, "Backed"), Cent);
            Assert.Equal(first, deal.Ledger("guarantor Rent", 0, "Disowned"), Cent);
            for (int t = 1; t < 4; t++)
            {
                Assert.Equal(0.0, deal.Ledger("guarantor Rent", t, "Disowned"));
            }
        }
    }

    [Fact]
    public void AGuarantorDisowningFromTheSundayAfterAQuarterEndStillPaysThatQuarter()
    {
        // Sunday 2029-07-01 is not a scheduled date: it is no payment, so `preceding` does not move it back to Friday
        // 06-29, and it is after that Friday as it is after 06-30 without business days. The second quarter's 10m is
        // paid, nothing from the third (t=2).
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(10e6, deal.Ledger("guarantor Rent", 1, "DisownedSunday"), Cent);
            Assert.Equal(0.0, deal.Ledger("guarantor Rent", 2, "DisownedSunday"));
        }
    }

    [Fact]
    public void AGuarantorDisowningFromADayAfterAQuarterWasPaidButBeforeItsScheduledEndPaysThatQuarter()
    {
        // Saturday 2029-09-29 is after Friday 09-28, the day the third quarter is paid on under business days, and before
        // its scheduled end, Sunday 09-30: compared as written, the period whose end first reaches it is the fourth
        // (t=3), and the third quarter's 10m is paid, as it was on the Friday before the disowning. Without business days
        // the third quarter ends on 09-30, which reaches it: nothing from t=2.
        Assert.Equal(10e6, Moved.Ledger("guarantor Rent", 2, "DisownedBetween"), Cent);
        Assert.Equal(0.0, Moved.Ledger("guarantor Rent", 3, "DisownedBetween"));
        Assert.Equal(0.0, Plain.Ledger("guarantor Rent", 2, "DisownedBetween"));
    }

    [Fact]
    public void ADefaultOnASaturdayQuarterEndComesAfterThatQuarterWasPaidOnTheFriday()
    {
        // An event falls where it falls (docs/language.md §4): Miner's default on Saturday 2029-06-30 is after the
        // second quarter's payment on Friday 06-29, in the third quarter (t=2). The second quarter receives its 25m
        // instalment and 75m × 3% = 2.25m of interest; the third receives nothing due and the recovery, 40% × 50m = 20m.
        // Without business days the default is on the second quarter's own end: the instalment due that day is the one
        // the obligor fails to pay, and 40% × 75m = 30m is recovered there.
        Assert.Equal(25e6, Moved.Ledger("principal MinerLoan", 1, "Defaults"), Cent);
        Assert.Equal(2.25e6, Moved.Ledger("interest MinerLoan", 1, "Defaults"), Cent);
        Assert.Equal(0.0, Moved.Ledger("principal MinerLoan", 2, "Defaults"), Cent);
        Assert.Equal(20e6, Moved.Ledger("recovery MinerLoan", 2, "Defaults"), Cent);

        Assert.Equal(0.0, Plain.Ledger("principal MinerLoan", 1, "Defaults"), Cent);
        Assert.Equal(30e6, Plain.Ledger("recovery MinerLoan", 1, "Defaults"), Cent);
    }

    [Fact]
    public void AnIndexStepOnASaturdayIsReadFromTheFirstPeriodStartingOnOrAfterIt()
    {
        // A dated point is a market level on a calendar day, read as the deal's own points are, on the day a period
        // starts as paid: the third quarter starts on Friday 06-29 under business days, before the step to 6% on
        // Saturday 06-30, and pays 4% + 2% = 6%; the fourth, from 09-28, 6% + 2% = 8%. Without business days the third
        // quarter starts on 06-30 itself and pays 8%.
        Assert.Equal(0.06, Moved.Ledger("Notes coupon", 2, "Stepped"), 1e-12);
        Assert.Equal(0.08, Moved.Ledger("Notes coupon", 3, "Stepped"), 1e-12);
        Assert.Equal(0.08, Plain.Ledger("Notes coupon", 2, "Stepped"), 1e-12);
    }

    [Fact]
    public void AValueDropIsReadOnTheDayEachPeriodEndsAsPaid()
    {
        // A drop is a fall in calendar days, read on the day the value is: 'drop 50% by 2029-06-30' on a flat 100m is
        // 100m × (1 − 50% × days(2028-12-31, d) / 181) at a period's end d. Under business days the second quarter ends
        // on Friday 06-29, 180 days in: 100m × (1 − 0.5 × 180/181) = 50,276,243.09; without them on 06-30, 50m. The
        // third quarter's is 50m in both (held after the date).
        Assert.Equal(100e6 * (1 - 0.5 * 180.0 / 181.0), Moved.Ledger("SiteValue", 1, "Dropped"), Cent);
        Assert.Equal(50e6, Plain.Ledger("SiteValue", 1, "Dropped"), Cent);
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(50e6, deal.Ledger("SiteValue", 2, "Dropped"), Cent);
        }
    }
}
