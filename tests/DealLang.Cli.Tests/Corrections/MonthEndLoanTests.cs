namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's own instalments on a deal whose business days move its month-end payment dates (docs/language.md §5 "loan",
/// §4 "Business days"). An instalment is a payment: due on a day that is not a business day it is paid on the one the
/// deal's roll gives, and received in the deal period that day falls in, so one due on a quarter end is paid with that
/// quarter's payment date. Before the fix the loan's dates were placed against the boundaries as paid as they were
/// scheduled: the one due on Saturday 2029-03-31, after Friday 2029-03-30 as paid, was received a quarter late, and a
/// loan maturing on a moved quarter end matured a quarter late. SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndLoanTests
{
    private const double Cent = 0.005;

    // Quarterly, 30/360, from 2028-12-31 to 2029-12-31. Under `preceding` Saturday 2029-03-31, Saturday 2029-06-30 and
    // Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28; Monday 2029-12-31 stays. Unadjusted, every quarter
    // accrues 90/360: 8% × 90/360 = 2% of the opening balance.
    private static string Source(string loan, string businessDays = "business_days preceding unadjusted", string scenarios = "") => $$"""
        deal MonthEnd {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          {{businessDays}}

          party Cloud   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan GpuLoan { obligor Cloud  balance 120m  coupon 8% fixed  recovery 40%  {{loan}} }

          tranche Notes { balance 80m  coupon 5% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for MonthEnd { }
        {{scenarios}}
        """;

    private static string Defaults(string name, string date) => "scenario " + name + " for MonthEnd { Cloud defaults on " + date + " }\n";

    private static void AssertReceived(SmallDeal deal, double[] principal, double[] interest, string? scenario = null)
    {
        for (int t = 0; t < principal.Length; t++)
        {
            Assert.Equal(principal[t], deal.Ledger("principal GpuLoan", t, scenario), Cent);
            Assert.Equal(interest[t], deal.Ledger("interest GpuLoan", t, scenario), Cent);
        }
    }

    [Fact]
    public void AQuarterlyLoanDueOnSaturdayQuarterEndsIsReceivedInTheQuarterItsDateCloses()
    {
        // 'linear quarterly' to 2029-12-31: 30m due on 03-31, 06-30, 09-30 and 12-31, each paid with its quarter (the
        // Fridays 03-30, 06-29, 09-28 and Monday 12-31). Interest 2% of the opening balance: 120m, 90m, 60m, 30m →
        // 2.4m, 1.8m, 1.2m, 0.6m. Before the fix: 0, 30m, 30m, 60m of principal (03-31 after 03-30 as paid fell in the
        // second quarter, and so on), interest 2.4m, 2.4m, 1.8m, 1.2m.
        double[] principal = [30e6, 30e6, 30e6, 30e6];
        double[] interest = [2.4e6, 1.8e6, 1.2e6, 0.6e6];
        foreach (string businessDays in new[] { "", "business_days preceding unadjusted", "business_days modified_following unadjusted" })
        {
            var deal = new SmallDeal(Source("amortize linear quarterly  maturity 2029-12-31", businessDays));
            Assert.Empty(deal.Diagnostics);
            AssertReceived(deal, principal, interest);
        }
    }

    [Fact]
    public void ALoanMaturingOnAMovedQuarterEndIsRepaidInThatQuarter()
    {
        // Maturity Sunday 2029-09-30, paid Friday 09-28 under `preceding`: three quarters, 40m each, 'linear quarterly'
        // (due 03-31, 06-30, 09-30) or 'linear' at the deal's frequency alike; interest 2% of 120m, 80m, 40m = 2.4m,
        // 1.6m, 0.8m; nothing in the fourth quarter. Before the fix the maturity fell in the fourth quarter (09-30 is
        // after 09-28 as paid): 'linear' paid 30m a quarter over four, 'linear quarterly' 0, 40m, 40m, 40m.
        double[] principal = [40e6, 40e6, 40e6, 0];
        double[] interest = [2.4e6, 1.6e6, 0.8e6, 0];
        foreach (string amortize in new[] { "amortize linear quarterly", "amortize linear", "amortize schedule { 2029-03-31 40m, 2029-06-30 40m }" })
        {
            var deal = new SmallDeal(Source(amortize + "  maturity 2029-09-30"));
            Assert.Empty(deal.Diagnostics);
            AssertReceived(deal, principal, interest);
        }
    }

    [Fact]
    public void AnInterestOnlyEndOnAMovedQuarterEndLeavesThatQuarterInterestOnly()
    {
        // 'interest_only until 2029-06-30  amortize linear' to 2029-12-31 under `following unadjusted`: the quarter ends
        // are paid on Mondays 04-02, 07-02 and 10-01. The second quarter is scheduled to end on 06-30, the interest-only
        // end, so it pays no principal: 60m in each of the last two quarters; interest 2% of 120m, 120m, 120m, 60m.
        // Before the fix the second quarter, ending on 07-02 as paid, was after the interest-only end: 40m in each of
        // the last three quarters.
        var deal = new SmallDeal(Source("interest_only until 2029-06-30  amortize linear  maturity 2029-12-31", "business_days following unadjusted"));
        Assert.Empty(deal.Diagnostics);
        AssertReceived(deal, [0, 0, 60e6, 60e6], [2.4e6, 2.4e6, 2.4e6, 1.2e6]);
    }

    [Fact]
    public void ALevelLoanAtTheDealsFrequencyPaysTheSameLevelPaymentEveryQuarter()
    {
        // 'level' at the deal's frequency, 120m at 2% a quarter: to 2029-12-31 P = 120m × 0.02 / (1 − 1.02^−4) =
        // 31,514,850.32 a quarter (interest + principal), with and without business days (the monthends fix's weights:
        // no quarter is a stub). To Sunday 2029-09-30, paid 09-28: three quarters, P = 120m × 0.02 / (1 − 1.02^−3) =
        // 41,610,560.71; before the fix the loan matured in the fourth quarter and paid four of 31.5m.
        foreach (string businessDays in new[] { "", "business_days preceding unadjusted" })
        {
            foreach ((string maturity, int quarters) in new[] { ("2029-12-31", 4), ("2029-09-30", 3) })
            {
                var deal = new SmallDeal(Source("amortize level  maturity " + maturity, businessDays));
                double level = 120e6 * 0.02 / (1 - Math.Pow(1.02, -quarters));
                for (int t = 0; t < 4; t++)
                {
                    double paid = deal.Ledger("principal GpuLoan", t) + deal.Ledger("interest GpuLoan", t);
                    Assert.Equal(t < quarters ? level : 0, paid, Cent);
                }
            }
        }
    }

    [Fact]
    public void ALevelLoanAtItsOwnFrequencyIsSizedOnItsScheduledDates()
    {
        // 'level semiannual' to 2029-12-31: due 06-30 and 12-31, 30/360 unadjusted 4% each half: P = 120m × 0.04 /
        // (1 − 1.04^−2) = 63,623,529.41; principal 63,623,529.41 − 4.8m = 58,823,529.41 on 06-30 (paid Friday 06-29, in
        // the second quarter), the 61,176,470.59 left on 12-31 (interest 2% of it, 1,223,529.41, in each of the last two quarters). Before the fix the first was received in the third quarter.
        double p = 120e6 * 0.04 / (1 - Math.Pow(1.04, -2));
        double first = p - (120e6 * 0.04);
        var deal = new SmallDeal(Source("amortize level semiannual  maturity 2029-12-31"));
        Assert.Empty(deal.Diagnostics);
        AssertReceived(deal, [0, first, 0, 120e6 - first], [2.4e6, 2.4e6, (120e6 - first) * 0.02, (120e6 - first) * 0.02]);
    }

    [Fact]
    public void MonthlyInstalmentsAccrueToTheDatesPaidAndTheQuarterEndsAreReceivedInTheirQuarter()
    {
        // 'linear monthly' to 2029-12-31: 10m due at every month end, three a quarter, the third on the quarter end.
        // Under `preceding`, adjusted (interest to the dates paid), 2029's month ends inside the quarters are all
        // business days. First quarter, 2028-12-31 → Friday 2029-03-30, 30/360 (US: a 31st starting a piece is a 30th):
        // 12-31 → 01-31 30 days on 120m, 01-31 → 02-28 28 days on 110m, 02-28 → 03-30 32 days on 100m, then the 03-31
        // instalment paid on 03-30: 8%/360 × (120 × 30 + 110 × 28 + 100 × 32)m = 8%/360 × 9,880m = 2,195,555.56 and 30m.
        // Second quarter, 03-30 → Friday 06-29: 03-30 → 04-30 30 days on 90m, 04-30 → 05-31 30 days on 80m, 05-31 →
        // 06-29 29 days on 70m (the 06-30 instalment paid on 06-29): 8%/360 × (2,700 + 2,400 + 2,030)m = 1,584,444.44
        // and 30m. Before the fix the first quarter received 20m (its 03-31 instalment went to the second quarter).
        var deal = new SmallDeal(Source("amortize linear monthly  maturity 2029-12-31", "business_days preceding"));
        Assert.Empty(deal.Diagnostics);
        AssertReceived(deal, [30e6, 30e6], [0.08 / 360 * 9_880e6, 0.08 / 360 * 7_130e6]);
        Assert.Equal(120e6, deal.Outcomes["Base"].Loans[0].PrincipalReceived, Cent);
    }

    [Fact]
    public void ADefaultAfterAMovedQuarterEndFindsItsInstalmentReceivedInTheQuarterBefore()
    {
        // 'linear quarterly' under `preceding` adjusted, the obligor defaulting on Tuesday 2029-04-10 (second quarter,
        // 03-30 → 06-29): the 03-31 instalment was paid with the first quarter on 03-30 (30m, and the
        // interest of 2028-12-31 → 03-30, 90 days on 30/360, 120m × 8% × 90/360 = 2.4m); the default quarter receives nothing and
        // recovers 40% × 90m = 36m, loss 54m; 30m + 36m + 54m = 120m. Before the fix the first quarter received no
        // principal and the second received the 03-31 instalment as one dated inside it, before the default.
        var deal = new SmallDeal(Source("amortize linear quarterly  maturity 2029-12-31", "business_days preceding", Defaults("Apr10", "2029-04-10")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(30e6, deal.Ledger("principal GpuLoan", 0, "Apr10"), Cent);
        Assert.Equal(2.4e6, deal.Ledger("interest GpuLoan", 0, "Apr10"), Cent);
        Assert.Equal(0.0, deal.Ledger("principal GpuLoan", 1, "Apr10"));
        Assert.Equal(0.0, deal.Ledger("interest GpuLoan", 1, "Apr10"));
        Assert.Equal(36e6, deal.Ledger("recovery GpuLoan", 1, "Apr10"), Cent);
        Assert.Equal(54e6, deal.Outcomes["Apr10"].Loans[0].Loss, Cent);
    }

    [Fact]
    public void AnInstalmentDueOnASaturdayInsideAQuarterIsPaidOnTheDayTheRollGives()
    {
        // 'linear quarterly' to 2029-12-15: 30m due on 03-15 (Thu), 06-15 (Fri), Saturday 09-15 and Saturday 12-15.
        // Under `preceding` Saturday 09-15 is paid on Friday 09-14: defaulting on Saturday 09-15 the obligor had paid
        // it, so the third quarter (06-29 → 09-28, adjusted) receives 30m and the interest to 09-14 on 60m, 30/360
        // 06-29 → 09-14 = 75 days: 60m × 8% × 75/360 = 1m, and recovers 40% × 30m = 12m. Under `following` Saturday
        // 09-15 is paid on Monday 09-17: defaulting on Sunday 09-16 the obligor had not paid it, nothing of the
        // quarter is received and the recovery is on 60m, 24m. Before the fix both read the 09-15 due date: nothing
        // received on 09-15, the instalment and its interest received on 09-16.
        var preceding = new SmallDeal(Source("amortize linear quarterly  maturity 2029-12-15", "business_days preceding", Defaults("Sep15", "2029-09-15")));
        Assert.Empty(preceding.Diagnostics);
        Assert.Equal(30e6, preceding.Ledger("principal GpuLoan", 2, "Sep15"), Cent);
        Assert.Equal(60e6 * 0.08 * 75 / 360, preceding.Ledger("interest GpuLoan", 2, "Sep15"), Cent);
        Assert.Equal(12e6, preceding.Ledger("recovery GpuLoan", 2, "Sep15"), Cent);

        // Under `following` the quarter ends are paid on Monday 04-02, Monday 07-02 and Monday 10-01; 09-16 is in the
        // third quarter (07-02 → 10-01).
        var following = new SmallDeal(Source("amortize linear quarterly  maturity 2029-12-15", "business_days following", Defaults("Sep16", "2029-09-16")));
        Assert.Empty(following.Diagnostics);
        Assert.Equal(0.0, following.Ledger("principal GpuLoan", 2, "Sep16"));
        Assert.Equal(0.0, following.Ledger("interest GpuLoan", 2, "Sep16"));
        Assert.Equal(24e6, following.Ledger("recovery GpuLoan", 2, "Sep16"), Cent);
    }
}
