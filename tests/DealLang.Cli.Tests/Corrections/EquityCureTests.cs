using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Equity cures (docs/language.md §7): <c>cure by Sponsor up to 2 times</c> pays in the cash that lifts a breached
/// coverage test to its threshold, at most twice; the cash is a receipt of the period and a negative flow in the
/// equity's IRR. Worked by hand.
/// </summary>
public sealed class EquityCureTests
{
    // Annual, 30/360, 2025-12-31..2029-12-31; 4m of rent a year; one 50m bullet at 6% (3m a year): Dscr = 4/3 =
    // 1.333x every period, below the 1.50x covenant.
    private const string Source = """
        deal Cured {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 4m per year  starts 2025-12-31  term 4y }
          tranche Notes { balance 50m  coupon 6% }
          equity Sponsor { contributed 10m  holders Owner 100% }
          account Trap { }

          test Dscr = cfads / debt_service
          trigger LockUp when Dscr < 1.50x cure by Sponsor up to 2 times => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if LockUp { hold rest in Trap } else { release Trap }
            distribute rest to Sponsor
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheFirstTwoBreachesAreCuredWithTheShortfallToTheThreshold()
    {
        // Periods 1 and 2: the cure is 1.50 x 3m - 4m = 0.5m; cfads 4.5m, Dscr exactly 1.50x, so the trigger is not
        // active; 4.5m - 3m of interest = 1.5m goes to the sponsor.
        for (int t = 0; t < 2; t++)
        {
            Assert.Equal(0.5e6, Deal.Ledger("LockUp cure injected", t), 1e-6);
            Assert.Equal(1.5, Deal.Ledger("Dscr", t), 1e-12);
            Assert.Equal(0.0, Deal.Ledger("LockUp", t));
            Assert.Equal(4.5e6, Deal.Ledger("collections", t), 1e-6);
            Assert.Equal(1.5e6, Deal.Ledger("6 distribute rest to Sponsor distributed", t), 1e-6);
        }
    }

    [Fact]
    public void OnceTheCuresAreUsedTheBreachCounts()
    {
        // Period 3: no cure left: Dscr 1.333x, the trigger is active and the 1m left is trapped.
        Assert.Equal(0.0, Deal.Ledger("LockUp cure injected", 2));
        Assert.Equal(4.0 / 3.0, Deal.Ledger("Dscr", 2), 1e-12);
        Assert.Equal(1.0, Deal.Ledger("LockUp", 2));
        Assert.Equal(1e6, Deal.Ledger("4 hold rest in Trap held", 2), 1e-6);
    }

    [Fact]
    public void TheCureIsANegativeFlowInTheSponsorsIrr()
    {
        // Sponsor: -10m at closing; +1.5m - 0.5m = +1m at the ends of 2026 and 2027 (1.0 and 2.0 years, ACT/365F);
        // nothing after (period 3 is trapped, and at maturity 4m + 1m released - 3m of interest leaves 2m for the
        // 50m principal). With x = 1 / (1 + r): x + x^2 = 10, x = (sqrt(41) - 1) / 2, r = 1 / x - 1 = -62.99%.
        double x = (Math.Sqrt(41) - 1) / 2;
        Assert.Equal(1 / x - 1, Deal.Single.Equities[0].Irr, 1e-6);
        Assert.Equal(3e6, Deal.Single.Equities[0].Distributions, 1e-6);
    }
}
