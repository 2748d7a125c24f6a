namespace DealLang.Cli.Tests.Corrections;

/// <summary>The RVG answers for the balance the schedule leaves at the lease's end (after that period's scheduled
/// principal, which the period's rent pays) against the facility's appraised value, not a forced-sale price.</summary>
public sealed class RvgSizingTests
{
    // RvgDeal, with an enforcement haircut of 40% that does not enter the RVG.
    private static string Deal(string guaranteed) => RvgDeal.Source(guaranteed, "100m", """
        default when Loan.principal_shortfall > 0
          enforcement { sell Shed haircut 40% lag 0m  waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor } }
        """);

    [Fact]
    public void TheGuaranteeCoversTheBalanceAfterTheScheduledPrincipalAgainstAppraisedValue()
    {
        var deal = new SmallDeal(Deal("Loan.scheduled_balance"));

        // Period 1 (2026, the lease's last): opening balance 40m, scheduled principal 40m / 4 = 10m, paid by the
        // rent; the schedule leaves 30m. RVG = min(100m, 30m - 20m appraised) = 10m (the 40% haircut is the cost
        // of a forced sale, which the lessee does not guarantee).
        Assert.Equal(10e6, deal.Ledger("rvg ShedLease", 1), 1e-6);
    }

    [Fact]
    public void GuaranteeingTheOpeningBalanceWouldCountThePeriodsPrincipalTwice()
    {
        var deal = new SmallDeal(Deal("Loan.balance"));

        // 40m opening balance - 20m = 20m: 10m more than above, the principal the rent already pays.
        Assert.Equal(20e6, deal.Ledger("rvg ShedLease", 1), 1e-6);
    }
}
