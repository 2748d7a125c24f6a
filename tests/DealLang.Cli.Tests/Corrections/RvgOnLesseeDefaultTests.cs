namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 5 #11: a lessee that defaults on its lease's expiry date pays only its recovery share of the RVG,
/// like one that defaults a day earlier; a day later the claim was owed by a performing lessee.
/// </summary>
public class RvgOnLesseeDefaultTests
{
    // The lease expires 2028-01-01 (2y from 2026-01-01), the end of period t=1 (2027-01-01 → 2028-01-01).
    // The box is worth nothing, so the claim is min(cap 10m, max(0, 10m − 0)) = 10m; Tenant recovers 40%.
    private const string Deal = """
        deal Rvg {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount ACT/365F
          party Tenant { recovery 40% }
          party Owner { }
          facility Box { cost 10m  value schedule { 2026-01-01 0 } }
          lease BoxLease on Box {
            lessee Tenant
            rent   1m per year
            starts 2026-01-01
            term   2y
            rvg    guarantees 10m cap 10m until 2029-01-01
          }
          tranche Notes { balance 5m  coupon 5% }
          equity Sponsor { contributed 1m  holders Owner 100% }
          waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
        }
        scenario DayBefore for Rvg { Tenant defaults on 2027-12-31 }
        scenario OnExpiry  for Rvg { Tenant defaults on 2028-01-01 }
        scenario DayAfter  for Rvg { Tenant defaults on 2028-01-02 }
        """;

    [Theory]
    [InlineData("DayBefore", 4e6)] // 10m × 40%
    [InlineData("OnExpiry", 4e6)]  // 10m × 40% (paid 10m before the fix)
    [InlineData("DayAfter", 10e6)] // expired 2028-01-01 with a performing lessee: 10m × 100%
    public void The_rvg_pays_the_recovery_share_when_the_lessee_defaults_on_or_before_expiry(string scenario, double paid)
    {
        Assert.Equal(paid, new SmallDeal(Deal).Outcomes[scenario].Events.RvgPaid[0].Amount, 0.01);
    }
}
