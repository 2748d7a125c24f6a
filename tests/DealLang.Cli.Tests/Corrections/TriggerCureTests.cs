namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A trigger's cure rules (docs/language.md §7): 'trips after N' consecutive breaches before it is active, 'cures
/// after M' consecutive period ends without a breach before it is inactive again; without them, active exactly when
/// breached. The trap it drives holds the cash while it is active and releases it when it cures.
/// </summary>
public sealed class TriggerCureTests
{
    // Annual, 30/360, 2026..2033 (period t ends on 31 December of 2026 + t). Both triggers are breached at the ends of
    // 2027, 2028 and 2030 (periods 1, 2, 4); only Sticky has cure rules, and only Sticky drives the trap.
    private const string Source = """
        deal Cure {
          currency USD
          closing  2025-12-31
          maturity 2033-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2025-12-31  term 8y }
          tranche Notes { balance 40m  coupon 5%  amortize linear }
          equity Eq { contributed 60m  holders Owner 100% }
          account Trap { }

          trigger Plain  when date == 2027-12-31 or date == 2028-12-31 or date == 2030-12-31 => trap
          trigger Sticky when date == 2027-12-31 or date == 2028-12-31 or date == 2030-12-31 trips after 2 cures after 2 => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if Sticky { hold rest in Trap } else { release Trap }
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void WithoutCureRulesATriggerIsActiveExactlyWhenBreached()
    {
        double[] expected = [0, 1, 1, 0, 1, 0, 0, 0];
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(t => Deal.Ledger("Plain", t)));
    }

    [Fact]
    public void ItTripsOnTheSecondConsecutiveBreachAndCuresOnTheSecondConsecutivePass()
    {
        // 2027: first breach (1 of 2), inactive. 2028: second breach: active. 2029: a pass (1 of 2). 2030: a breach
        // while active: the count starts again. 2031: pass 1. 2032: pass 2: inactive. 2033: no breach, inactive.
        double[] expected = [0, 0, 1, 1, 1, 1, 0, 0];
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(t => Deal.Ledger("Sticky", t)));
    }

    [Fact]
    public void TheTrapHoldsWhileItIsActiveAndReleasesWhenItCures()
    {
        // Linear: 5m of principal a year; interest 5% on the opening balance: 2m, 1.75m, 1.5m, 1.25m, 1m, 0.75m...
        // 2028 (period 2): 10m - 1.5m - 5m = 3.5m held. Held in 2028-2031: 3.5m + 3.75m + 4m + 4.25m = 15.5m, all
        // released in 2032 (period 6) when the trigger cures.
        Assert.Equal(0.0, Deal.Ledger("Trap balance", 1));
        Assert.Equal(3.5e6, Deal.Ledger("Trap balance", 2), 1e-6);
        Assert.Equal(15.5e6, Deal.Ledger("Trap balance", 5), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Trap balance", 6));
    }
}
