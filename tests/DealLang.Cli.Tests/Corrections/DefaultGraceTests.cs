using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>default when COND grace D</c>: the condition must hold at every period end from the first breach
/// until at least D later; a period end at which it no longer holds cures it.</summary>
public sealed class DefaultGraceTests
{
    // Quarterly, 30/360, 2025-01-01 to 2027-01-01 (8 periods). 100m bullet at 8%: 2m interest a quarter. The rent
    // (8m a year = 2m a quarter) pays it, except in 2025-Q2 (abatement scenario: see the Gap/Long leases below).
    private static string Deal(string grace, string rentGap) => $$"""
        deal Grace {
          currency USD  closing 2025-01-01  maturity 2027-01-01  pay quarterly  daycount 30/360
          party Tenant { }
          facility Shed { cost 150m  value schedule { 2025-01-01 150m } }
          lease First on Shed { lessee Tenant  rent 8m per year  starts 2025-01-01  term 3m }
          lease Second on Shed { lessee Tenant  rent 16m per year  starts {{rentGap}}  term 2y }
          tranche Loan { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 1m }
          default when Loan.interest_shortfall > 0 {{grace}}
          waterfall { pay Loan.interest  pay Loan.principal  distribute rest to Sponsor }
          enforcement {
            sell Shed haircut 0% lag 0m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          }
        }
        """;

    [Fact]
    public void WithoutGraceAOneQuarterGapIsAnEventOfDefault()
    {
        // Q1 pays (2m rent); Q2 (to 2025-07-01) has no rent: 2m interest unpaid -> default at once, sale at once.
        var deal = new SmallDeal(Deal("", "2025-07-01"));
        Assert.Equal(new Date(2025, 7, 1), deal.Single.Events.EventOfDefault);
    }

    [Fact]
    public void AGapCuredWithinTheGraceIsNoDefault()
    {
        // Breach at the end of Q2 (2025-07-01): 2025-07-01 is before the grace's end 2025-07-01 + 90 days =
        // 2025-09-29, so no default yet. In Q3 the second lease pays 4m (16m / 4), which pays the 2m arrears and
        // the 2m interest: at 2025-10-01 the condition no longer holds, the breach is cured, and nothing defaults.
        var deal = new SmallDeal(Deal("grace 90d", "2025-07-01"));
        Assert.Null(deal.Single.Events.EventOfDefault);
        Assert.Equal(0.0, deal.Single.Tranches[0].UnpaidInterest, 1e-6);
    }

    [Fact]
    public void ABreachThatOutlastsTheGraceIsAnEventOfDefaultAtThePeriodEndAfterIt()
    {
        // The second lease starts only in 2026: interest is short at 2025-07-01 (first breach), 2025-10-01,
        // 2026-01-01. Grace 4 months: 2025-07-01 + 4 months = 2025-11-01, first checked at the period end
        // 2026-01-01 (>= 2025-11-01, still breached): the event of default is 2026-01-01, not 2025-07-01.
        var deal = new SmallDeal(Deal("grace 4m", "2026-04-01"));
        Assert.Equal(new Date(2026, 1, 1), deal.Single.Events.EventOfDefault);

        // A 3-month grace ends exactly on the next period end (2025-10-01): default there.
        var shorter = new SmallDeal(Deal("grace 3m", "2026-04-01"));
        Assert.Equal(new Date(2025, 10, 1), shorter.Single.Events.EventOfDefault);
    }

    // A breach at the maturity: there is no later period end at which it could be cured, so it is an event of default
    // at the maturity whatever is left of the grace (docs/language.md §7, "grace D"). Annual, 30/360, 2026-01-01 to
    // 2029-01-01; a 100m bullet at 5% and 10m of rent a year: each year 5m of interest is paid; at the maturity 10m
    // pays the 5m of interest and 5m of the 100m principal, 95m short. Under 'grace 30d' the grace would end on
    // 2029-01-31, after the run's last period end: the event of default is 2029-01-01, and the lag-0 sale of the site
    // (200m straight-line over 20y, 3 years gone: 200m x 17/20 = 170m, less 20%: 136m) repays the 95m in full.
    // Before, the grace kept the breach from ever becoming a default: no sale, and a 95m principal loss.
    [Fact]
    public void ABreachAtTheMaturityIsAnEventOfDefaultThereWhateverIsLeftOfTheGrace()
    {
        static string AtMaturity(string grace) => $$"""
            deal Grace {
              currency USD  closing 2026-01-01  maturity 2029-01-01  pay annual  daycount 30/360
              party Tenant { }
              facility Site { cost 200m  value straight_line 20y }
              lease Rent on Site { lessee Tenant  rent 10m per year  starts 2026-01-01  term 10y }
              tranche Notes { balance 100m  coupon 5% fixed  amortize bullet }
              equity Sponsor { contributed 100m }
              default when Notes.principal_shortfall > 0 {{grace}}
              waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
              enforcement {
                sell Site haircut 20% lag 0m
                waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Sponsor }
              }
            }
            """;

        foreach (string grace in new[] { "grace 30d", "grace 1y", "" })
        {
            var deal = new SmallDeal(AtMaturity(grace));
            Assert.Equal(new Date(2029, 1, 1), deal.Single.Events.EventOfDefault);
            Assert.Equal(136e6, deal.Single.Events.SaleProceeds, 1e-6);
            Assert.Equal(0.0, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
        }
    }
}
