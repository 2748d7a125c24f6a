using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>The RVG answers for the balance the schedule leaves at the lease's end (after that period's scheduled
/// principal, which the period's rent pays) against the facility's appraised value, not a forced-sale price.</summary>
public sealed class RvgSizingTests
{
    // Annual 30/360, 2025-01-01 to 2030-01-01; 50m linear at 0% (10m a year); rent 12m a year for 2 years;
    // the warehouse is appraised at 20m; an enforcement haircut of 40% does not enter the RVG.
    private static string Deal(string guaranteed) => $$"""
        deal Rvg {
          currency USD  closing 2025-01-01  maturity 2030-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Shed { cost 20m  value schedule { 2025-01-01 20m } }
          lease ShedLease on Shed {
            lessee Tenant  rent 12m per year  starts 2025-01-01  term 2y
            rvg guarantees {{guaranteed}} cap 100m until 2029-01-01
          }
          tranche Loan { balance 50m  coupon 0%  amortize linear }
          equity Sponsor { contributed 1m }
          default when Loan.principal_shortfall > 0
          waterfall { pay Loan.interest  pay Loan.principal  distribute rest to Sponsor }
          enforcement { sell Shed haircut 40% lag 0m  waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor } }
        }
        """;

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
