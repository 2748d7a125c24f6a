namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The small RVG deal the CFADS and RVG-sizing tests share. Annual 30/360, 2025-01-01 to 2030-01-01; 50m linear
/// at 0% (10m a year); rent 12m a year for 2 years; the shed is appraised at 20m throughout, and the lease's RVG
/// (window to 2029-01-01) pays in 2026's period, the lease's last.
/// </summary>
static class RvgDeal
{
    public static string Source(string guarantees, string cap, string extra) => $$"""
        deal Rvg {
          currency USD  closing 2025-01-01  maturity 2030-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Shed { cost 20m  value schedule { 2025-01-01 20m } }
          lease ShedLease on Shed {
            lessee Tenant  rent 12m per year  starts 2025-01-01  term 2y
            rvg guarantees {{guarantees}} cap {{cap}} until 2029-01-01
          }
          tranche Loan { balance 50m  coupon 0%  amortize linear }
          equity Sponsor { contributed 1m }
          {{extra}}
          waterfall { pay Loan.interest  pay Loan.principal  distribute rest to Sponsor }
        }
        """;
}
