namespace DealLang.Cli.Tests.Corrections;

/// <summary>A margin grid on a test and a step-up while a trigger is active: both read the state at the previous
/// period's end, since a coupon is worked out at the period's start (docs/language.md, tranche).</summary>
public sealed class MarginGridTests
{
    // Annual, 30/360, four periods 2026..2029. The campus (200m, straight line over 4 years) is worth 150m, 100m, 50m,
    // 0 at the ends of periods 1..4; the loan (100m, linear: 25m a period) has Ltv = its opening balance over that value.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 200m  value straight_line 4y }
          lease CampusLease on Campus { lessee Tenant  rent 60m per year  starts 2025-12-31  term 4y }

          tranche Loan {
            balance 100m  coupon 1%  amortize linear
            margin grid Ltv { below 60% 5%  below 0.8x 6%  else 7% }
            step_up 2% while Trap
          }
          equity Owners { contributed 20m  holders Sponsor 100% }
          test Ltv = Loan.balance / Campus.value
          trigger Trap when Ltv > 0.7x => trap
          account Held

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Owners
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheGridAndTheStepUpReadThePreviousPeriodsState()
    {
        // Ltv at the period ends: 100/150 = 0.667x, 75/100 = 0.75x, 50/50 = 1.00x (period 4: 25/0, n/a). Trap is active
        // from the end of period 2 (0.75x > 0.7x).
        //   period 1: no previous value: else 7% + 1% = 8%          interest 100m × 8%  = 8m
        //   period 2: Ltv 0.667x < 0.8x: 6% + 1% = 7%               interest 75m × 7%   = 5.25m
        //   period 3: Ltv 0.75x < 0.8x: 6% + 1%, Trap active: + 2% = 9%; interest 50m × 9% = 4.5m
        //   period 4: Ltv 1.00x above every bound: else 7% + 1% + 2% = 10%; interest 25m × 10% = 2.5m
        double[] rates = [0.08, 0.07, 0.09, 0.10];
        double[] interest = [8e6, 5.25e6, 4.5e6, 2.5e6];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(rates[t], Deal.Ledger("Loan coupon", t), 1e-12);
            Assert.Equal(interest[t], Deal.Ledger("Loan interest due", t), 1e-6);
        }
    }
}
