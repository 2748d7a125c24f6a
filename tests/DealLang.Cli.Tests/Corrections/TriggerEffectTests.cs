namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Trigger effects beyond <c>trap</c> (docs/language.md §7): <c>sweep X% to T</c>, <c>accelerate</c>,
/// <c>event_of_default</c>, and several on one trigger, each worked by hand.
/// </summary>
public sealed class TriggerEffectTests
{
    // Annual, 30/360, 2025-12-31..2029-12-31; 10m of rent a year; one 50m bullet at 6% (3m a year); the trigger's
    // condition holds at every period end from 2027-12-31 (periods 2, 3 and 4).
    private static string Source(string effects, string extra = "", string waterfall = "") => $$"""
        deal Effects {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2025-12-31  term 4y }
          tranche Notes { balance 50m  coupon 6% }
          equity Eq { contributed 50m  holders Owner 100% }

          trigger Late when period_end >= 2027-12-31 {{effects}}
        {{extra}}
          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        {{waterfall}}
        }
        """;

    [Fact]
    public void ASweepEffectPrepaysTheTrancheWithItsShareOfWhatIsLeftWhileActive()
    {
        // Steps: 1 pay Notes.interest, 2 pay Notes.principal, 3 if Late, 4 Late => sweep 50% to Notes, 5 distribute.
        var deal = new SmallDeal(Source("=> sweep 50% to Notes"));
        // Period 1: inactive: 10m - 3m of interest = 7m to the equity, nothing swept.
        Assert.Equal(0.0, deal.Ledger("4 Late => sweep 50% to Notes swept", 0));
        Assert.Equal(7e6, deal.Ledger("5 distribute rest to Eq distributed", 0), 1e-6);
        // Period 2: active: 7m left after the interest; 3.5m prepays the Notes (balance 46.5m), 3.5m to the equity.
        Assert.Equal(3.5e6, deal.Ledger("4 Late => sweep 50% to Notes swept", 1), 1e-6);
        Assert.Equal(3.5e6, deal.Ledger("5 distribute rest to Eq distributed", 1), 1e-6);
        // Period 3: interest 46.5m x 6% = 2.79m; 7.21m left, 3.605m swept.
        Assert.Equal(2.79e6, deal.Ledger("1 pay Notes.interest paid", 2), 1e-6);
        Assert.Equal(3.605e6, deal.Ledger("4 Late => sweep 50% to Notes swept", 2), 1e-6);
    }

    [Fact]
    public void AccelerationMakesTheWholeBalanceDueFromThePeriodAfterTheTriggerFirstHolds()
    {
        var deal = new SmallDeal(Source("=> accelerate"));
        // Period 2 (2027-12-31): the trigger becomes active after that period's dues (a bullet: no principal due).
        Assert.Equal(0.0, deal.Ledger("Notes principal due", 1));
        Assert.Equal(1.0, deal.Ledger("Late accelerated", 1));
        Assert.Equal(0.0, deal.Ledger("Late accelerated", 0));
        // Period 3: the whole 50m is due; 10m - 3m of interest = 7m pays it down, 43m is carried short.
        Assert.Equal(50e6, deal.Ledger("Notes principal due", 2), 1e-6);
        Assert.Equal(7e6, deal.Ledger("2 pay Notes.principal paid", 2), 1e-6);
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Eq distributed", 2), 1e-6);
        // Period 4: interest on 43m = 2.58m; 7.42m of principal; 35.58m lost at maturity.
        Assert.Equal(7.42e6, deal.Ledger("2 pay Notes.principal paid", 3), 1e-6);
        Assert.Equal(35.58e6, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
    }

    [Fact]
    public void AnEventOfDefaultEffectStartsEnforcementWhenTheTriggerTrips()
    {
        // 'trips after 2': active at the end of period 3 (2028-12-31), the event of default then; the sale (lag 0)
        // falls in that period: Site at 100m x (1 - 3/30) = 90m. The enforcement waterfall pays the 50m balance and
        // 40m to the equity; the run ends with the sale.
        var deal = new SmallDeal(Source(
            "trips after 2 => event_of_default",
            waterfall: """
              enforcement {
                sell Site
                waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Eq }
              }
            """));
        Assert.Equal(0.0, deal.Ledger("event of default", 1));
        Assert.Equal(1.0, deal.Ledger("event of default", 2));
        Assert.Equal(0.0, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
        Assert.Equal(50e6, deal.Single.Tranches[0].PrincipalPaid, 1e-6);
    }

    [Fact]
    public void SeveralEffectsOnOneTriggerEachApply()
    {
        // => sweep 50% to Notes, accelerate. Period 2: 3.5m swept (balance 46.5m), and the trigger accelerates.
        // Period 3: interest 46.5m x 6% = 2.79m; the whole 46.5m is due, and the 7.21m left all pays principal, so
        // the sweep after it has 50% of nothing.
        var deal = new SmallDeal(Source("=> sweep 50% to Notes, accelerate"));
        Assert.Equal(3.5e6, deal.Ledger("4 Late => sweep 50% to Notes swept", 1), 1e-6);
        Assert.Equal(46.5e6, deal.Ledger("Notes principal due", 2), 1e-6);
        Assert.Equal(7.21e6, deal.Ledger("2 pay Notes.principal paid", 2), 1e-6);
        Assert.Equal(0.0, deal.Ledger("4 Late => sweep 50% to Notes swept", 2), 1e-6);
    }
}
