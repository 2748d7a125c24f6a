using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A covenant trigger with <c>event_of_default</c> and <c>trips after N</c> whose breaches have not reached N by the
/// maturity (docs/language.md §7, "trips after N"): its cure period is still running there, so the covenant makes no
/// event of default; what is unpaid at the maturity is the payment default rule's to call (<c>default when
/// Notes.principal_shortfall &gt; 0</c>), which defaults there whatever a covenant's count, and without one the
/// shortfall is the notes' loss. Breaches that do reach N at the maturity trip the covenant there, as anywhere.
/// </summary>
public sealed class TripsAfterAtMaturityTests
{
    // Annual, 30/360, 2026-01-01 to 2029-01-01 (period ends 2027-01-01, 2028-01-01, 2029-01-01, the maturity). A site
    // of 200m straight-line over 20y, its lag-0 sale with a 20% haircut at the maturity: 200m × 17/20 × 80% = 136m.
    // The covenant is breached at the period ends on or after 'from' (a date condition, so the count is plain).
    private static string Deal(string from, string tranche, string rent, string rule) => $$"""
        deal Covenant {
          currency USD  closing 2026-01-01  maturity 2029-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent {{rent}} per year  starts 2026-01-01  term 10y }
          {{tranche}}
          equity Sponsor { contributed 100m }
          trigger Breach when date >= {{from}} trips after 2 => event_of_default
          {{rule}}
          waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
          enforcement {
            sell Site haircut 20% lag 0m
            waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Sponsor }
          }
        }
        """;

    // Paid in full at the maturity: 30m linear at 5%, 10m of principal a year and interest 1.5m, 1m, 0.5m on the
    // opening balances, all paid from 12m of rent a year; nothing is short at the maturity.
    private const string Repaid = "tranche Notes { balance 30m  coupon 5% fixed  amortize linear }";

    // Short at the maturity: a 100m bullet at 5%, 10m of rent a year pays the 5m of interest each year; at the
    // maturity 10m pays 5m of interest and 5m of the 100m: 95m short.
    private const string Bullet = "tranche Notes { balance 100m  coupon 5% fixed  amortize bullet }";

    private const string PaymentRule = "default when Notes.principal_shortfall > 0";

    [Fact]
    public void A_first_breach_at_the_maturity_of_a_covenant_that_trips_after_two_is_no_default()
    {
        // One breach (2029-01-01), 1 of 2: the covenant is not active, no event of default, no sale; the notes repaid.
        var deal = new SmallDeal(Deal("2029-01-01", Repaid, "12m", ""));
        Assert.Equal([0.0, 0.0, 0.0], Enumerable.Range(0, 3).Select(t => deal.Ledger("Breach", t)));
        Assert.Null(deal.Single.Events.EventOfDefault);
        Assert.Equal(0.0, deal.Single.Events.SaleProceeds);
        Assert.Equal(0.0, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
        Assert.Equal(30e6, deal.Single.Tranches[0].PrincipalPaid, 1e-6);
    }

    [Fact]
    public void Breaches_that_reach_two_at_the_maturity_trip_it_there()
    {
        // Breaches at 2028-01-01 (1 of 2) and 2029-01-01 (2 of 2): active at the maturity, an event of default there,
        // and the site sold for 136m although the notes are repaid (the sponsor receives what the sale leaves).
        var deal = new SmallDeal(Deal("2028-01-01", Repaid, "12m", ""));
        Assert.Equal(1.0, deal.Ledger("Breach", 2));
        Assert.Equal(new Date(2029, 1, 1), deal.Single.Events.EventOfDefault);
        Assert.Equal(136e6, deal.Single.Events.SaleProceeds, 1e-6);
        Assert.Equal(0.0, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
    }

    [Fact]
    public void A_shortfall_at_the_maturity_is_the_payment_default_rules_whatever_the_covenants_count()
    {
        // The covenant breached once at the maturity (1 of 2) makes no default; the rule sees 95m short there: an
        // event of default at 2029-01-01, and the 136m sale repays the 95m in full.
        var deal = new SmallDeal(Deal("2029-01-01", Bullet, "10m", PaymentRule));
        Assert.Equal(0.0, deal.Ledger("Breach", 2));
        Assert.Equal(new Date(2029, 1, 1), deal.Single.Events.EventOfDefault);
        Assert.Equal(136e6, deal.Single.Events.SaleProceeds, 1e-6);
        Assert.Equal(0.0, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
    }

    [Fact]
    public void Without_a_payment_default_rule_a_shortfall_the_covenant_has_not_tripped_on_is_the_notes_loss()
    {
        // The same deal without the rule: the covenant's count (1 of 2) makes no default, nothing is sold, and the 95m
        // the maturity leaves unpaid is the notes' principal loss (5m of the 100m paid).
        var deal = new SmallDeal(Deal("2029-01-01", Bullet, "10m", ""));
        Assert.Null(deal.Single.Events.EventOfDefault);
        Assert.Equal(0.0, deal.Single.Events.SaleProceeds);
        Assert.Equal(95e6, deal.Single.Tranches[0].PrincipalLoss, 1e-6);
        Assert.Equal(5e6, deal.Single.Tranches[0].PrincipalPaid, 1e-6);
    }
}
