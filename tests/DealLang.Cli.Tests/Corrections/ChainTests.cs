using DealLang.Runner.Running;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Two entities in one run (docs/language.md §5 "holding"): a parent paying annually holds 40m face of a semiannual
/// SPV's notes and all its equity. What the parent collects equals, to the cent, its share of what the SPV paid,
/// bucketed into its own periods; the holdings' par follows the SPV's balance; cash is conserved in each entity every
/// period (the cash check of both loops) and across the chain.
/// </summary>
public class ChainTests
{
    private const double Cent = 0.01;

    // SPV, semiannual 30/360 (year fraction 0.5): rent 70m a year is 35m a period; notes 100m at 10%, linear over four
    // periods (25m of principal each), so interest is 5, 3.75, 2.5, 1.25m, and the equity gets the rest:
    // 35 - 30 = 5, 35 - 28.75 = 6.25, 35 - 27.5 = 7.5, 35 - 26.25 = 8.75m.
    internal static string Spv(string closing = "2026-01-01", string maturity = "2028-01-01") => $$"""
        deal Spv {
          title "SPV" currency USD closing {{closing}} maturity {{maturity}} pay semiannual daycount 30/360
          party Tenant { pd 2% recovery 40% }
          party Sponsor { }
          facility Campus { cost 150m value straight_line 20y floor 0% from {{closing}} }
          lease CampusLease on Campus { lessee Tenant rent 70m per year starts {{closing}} term 2y }
          tranche Notes { balance 100m coupon 10% amortize linear maturity {{maturity}} }
          equity Common { contributed 50m holders Sponsor 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    // Parent, annual 30/360: holds 40m of the notes (a share of 0.4), marked at 98% of par, and 100% of the equity.
    // Its notes, 50m at 8% linear over two years: 4m + 25m, then 2m + 25m.
    internal const string Parent = """
        import "spv.deal"
        deal Parent {
          title "Parent" currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Holders { }
          index Price { level 98% }
          holding Bonds { of Spv.Notes face 40m mark Price }
          holding Stake { of Spv.Common share 100% }
          tranche ParentNotes { balance 50m coupon 8% amortize linear maturity 2028-01-01 }
          equity ParentEquity { contributed 20m holders Holders 100% }
          test Ltv = ParentNotes.balance / (Bonds.value + Stake.value)
          waterfall { pay ParentNotes.interest pay ParentNotes.principal distribute rest to ParentEquity }
        }
        scenario Base for Parent { }
        """;

    [Fact]
    public void The_holders_collections_are_its_share_of_what_the_held_entity_paid_bucketed_into_its_periods()
    {
        using var chain = new SmallChain(Parent, ("spv.deal", Spv()));

        // Period 1 (2026-01-01, 2027-01-01] holds the SPV's payments of 2026-07-01 and 2027-01-01:
        // notes 0.4 x (5 + 25 + 3.75 + 25) = 0.4 x 58.75 = 23.5m; equity 5 + 6.25 = 11.25m; collections 34.75m.
        Assert.Equal(23.5e6, chain.Ledger("Parent", "Base", "receipts Bonds", 0), Cent);
        Assert.Equal(11.25e6, chain.Ledger("Parent", "Base", "receipts Stake", 0), Cent);
        Assert.Equal(34.75e6, chain.Ledger("Parent", "Base", "collections", 0), Cent);
        // Period 2 holds 2027-07-01 and 2028-01-01: notes 0.4 x (2.5 + 25 + 1.25 + 25) = 21.5m; equity 7.5 + 8.75 = 16.25m.
        Assert.Equal(21.5e6, chain.Ledger("Parent", "Base", "receipts Bonds", 1), Cent);
        Assert.Equal(16.25e6, chain.Ledger("Parent", "Base", "receipts Stake", 1), Cent);

        // The parent's own notes are paid from them: distributions 34.75 - 29 = 5.75m, then 37.75 - 27 = 10.75m.
        var parent = chain.Of("Parent", "Base");
        Assert.Equal(0.0, parent.Tranches[0].PrincipalLoss, Cent);
        Assert.Equal(5.75e6 + 10.75e6, parent.Equities[0].Distributions, Cent);
        Assert.Equal(23.5e6 + 21.5e6, parent.Holdings[0].Received, Cent);
    }

    // The SPV's notes as a delayed draw: a 120m commitment of which the 100m is drawn at closing, 1% a year on the
    // undrawn 20m until the availability ends with period 2 (2027-01-01): a fee of 20m x 1% x 0.5 = 0.1m in each of
    // the SPV's first two periods, paid first. The parent holds 40% of the tranche, and so of the commitment: as a
    // lender it is paid 40% of the fee too. Period 1 of the parent: 0.4 x (0.1 + 0.1 + 5 + 3.75 + 25 + 25) = 23.58m
    // (23.5m without the fee); period 2: 0.4 x (2.5 + 25 + 1.25 + 25) = 21.5m.
    [Fact]
    public void A_holding_of_a_delayed_draw_is_paid_its_share_of_the_commitment_fee()
    {
        string spv = Spv()
            .Replace("tranche Notes { balance 100m", "tranche Notes { commitment 120m  balance 100m  commitment_fee 1%  available until 2027-01-01", StringComparison.Ordinal)
            .Replace("waterfall { pay Notes.interest", "waterfall { pay Notes.commitment_fee pay Notes.interest", StringComparison.Ordinal);
        string parent = Parent.Replace("holding Bonds { of Spv.Notes face 40m mark Price }", "holding Bonds { of Spv.Notes share 40% mark Price }", StringComparison.Ordinal);
        using var chain = new SmallChain(parent, ("spv.deal", spv));
        Assert.Equal(0.1e6, chain.Ledger("Spv", "Base", "1 pay Notes.commitment_fee paid", 0), Cent);
        Assert.Equal(23.58e6, chain.Ledger("Parent", "Base", "receipts Bonds", 0), Cent);
        Assert.Equal(21.5e6, chain.Ledger("Parent", "Base", "receipts Bonds", 1), Cent);
        Assert.Equal(23.58e6 + 21.5e6, chain.Of("Parent", "Base").Holdings[0].Received, Cent);
    }

    // A fund holding 40m of GuaranteeTests' state-guaranteed notes (100m at 8%, linear, quarterly 30/360).
    private const string GuaranteedHolder = """
        import "agency.deal"
        deal Holder {
          title "Holder" currency USD closing 2026-01-01 maturity 2028-01-01 pay quarterly daycount 30/360
          party Lps { }
          holding Guaranteed { of Agency.Notes face 40m }
          equity Fund { contributed 40m holders Lps 100% }
          waterfall { distribute rest to Fund }
        }
        scenario Base for Holder { }
        scenario NoRent for Holder { Tenant defaults on 2026-01-01 }
        """;

    [Fact]
    public void A_holding_of_a_guaranteed_tranche_receives_its_share_of_what_the_guarantor_pays_the_holders()
    {
        using var chain = new SmallChain(GuaranteedHolder, ("agency.deal", GuaranteeTests.TrancheSource));

        // NoRent: the issuer collects and pays nothing; the State pays the holders each quarter's new interest
        // arrear, 100m x 8% x 0.25 = 2m, and at the maturity the 100m never repaid as well (GuaranteeTests). The
        // holding's share is 40m / 100m = 0.4: 0.8m a quarter, then 0.4 x 102m = 40.8m; 0.4 x 116m = 46.4m in all.
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(0.8e6, chain.Ledger("Holder", "NoRent", "receipts Guaranteed", t), Cent);
        }

        Assert.Equal(40.8e6, chain.Ledger("Holder", "NoRent", "receipts Guaranteed", 7), Cent);
        Assert.Equal(46.4e6, chain.Of("Holder", "NoRent").Holdings[0].Received, Cent);

        // Base: the issuer pays interest and principal itself and the State nothing: 0.4 x what the notes paid,
        // 100m of principal and interest 2 + 1.75 + 1.5 + ... + 0.25 = 9m (8% a year on 100, 87.5, ..., 12.5 a
        // quarter): 0.4 x 109m = 43.6m.
        Assert.Equal(0.4 * 109e6, chain.Of("Holder", "Base").Holdings[0].Received, Cent);
    }

    [Fact]
    public void A_holdings_value_is_its_par_times_its_mark_until_the_held_entity_has_run_out()
    {
        using var chain = new SmallChain(Parent, ("spv.deal", Spv()));

        // At 2027-01-01 the SPV's notes are 50m: 0.4 x 50m x 98% = 19.6m; the equity at its contribution, 50m.
        Assert.Equal(19.6e6, chain.Ledger("Parent", "Base", "Bonds value", 0), Cent);
        Assert.Equal(50e6, chain.Ledger("Parent", "Base", "Stake value", 0), Cent);
        // Ltv at the first period's end reads the values: balance 50m at the test (before the waterfall) / 69.6m.
        Assert.Equal(50e6 / 69.6e6, chain.Ledger("Parent", "Base", "Ltv", 0), 1e-12);
        // At 2028-01-01 the SPV's run has ended: whatever it still owed is lost, so nothing is left to mark.
        Assert.Equal(0.0, chain.Ledger("Parent", "Base", "Bonds value", 1), Cent);
    }

    [Fact]
    public void A_mark_below_zero_values_the_holding_at_nothing()
    {
        // A mark index a mean-reverting path can take below 0: here a level of −5% from the closing. The notes are worth
        // nothing at such a price, not −5% of par: 0.4 x 50m x max(0, −5%) = 0. Before, the mark was −1m, which
        // lowered the Ltv test's denominator to 49m (the equity's 50m less it): 50 / 49 = 1.0204 instead of 50 / 50 = 1.
        string parent = Parent.Replace("index Price { level 98% }", "index Price { level -5% }", StringComparison.Ordinal);
        using var chain = new SmallChain(parent, ("spv.deal", Spv()));
        Assert.Equal(0.0, chain.Ledger("Parent", "Base", "Bonds value", 0), Cent);
        Assert.Equal(50e6 / 50e6, chain.Ledger("Parent", "Base", "Ltv", 0), 1e-12);
    }

    [Fact]
    public void What_one_entity_pays_the_other_receives_and_payments_outside_the_holders_periods_are_counted_apart()
    {
        // The SPV closes half a year before the parent: its payment of 2026-01-01 falls on the parent's closing, not in
        // a period of its: 0.4 x (5 + 25) = 12m outside; the rest, 0.4 x (3.75 + 25 + 2.5 + 25 + 1.25 + 25) = 33m, in.
        using var chain = new SmallChain(Parent, ("spv.deal", Spv("2025-07-01", "2027-07-01")));
        var (spv, _) = chain.Runner.Buffers(0);
        var (_, parentInputs) = chain.Runner.Buffers(1);
        double paid = 0;
        for (int p = 0; p < spv.PeriodsRun; p++)
        {
            paid += spv.InterestPaid[0][p] + spv.PrincipalPaid[0][p];
        }

        double received = parentInputs.HoldingReceipts[0].Sum();
        var flows = new HoldingFlows(chain.Outcomes[0].Entities[1].Deal, chain.Outcomes[0].Entities[1].Deal.Holdings[0], chain.Outcomes[0].Entities[0].Deal);
        Assert.Equal(12e6, flows.Outside(spv), Cent);
        Assert.Equal(33e6, received, Cent);
        Assert.Equal(0.4 * paid, received + flows.Outside(spv), Cent);
    }

    [Fact]
    public void A_scenario_of_the_top_deal_defaults_the_party_in_every_entity_that_names_it()
    {
        string parent = Parent + "\nscenario TenantGone for Parent { Tenant defaults on 2026-12-31 }\n";
        using var chain = new SmallChain(parent, ("spv.deal", Spv()));

        // Tenant is the SPV's party, brought into the parent's scope by the import: the SPV's lease stops on its
        // default, so the SPV's notes lose principal and the parent receives less than in Base.
        Assert.Equal(new DealLang.Runtime.Date(2026, 12, 31), chain.Of("Spv", "TenantGone").Parties.Single(p => p.Name == "Tenant").DefaultDate);
        Assert.True(chain.Of("Spv", "TenantGone").Tranches[0].PrincipalLoss > 0);
        Assert.True(chain.Of("Parent", "TenantGone").Holdings[0].Received < chain.Of("Parent", "Base").Holdings[0].Received);
    }

    [Fact]
    public void A_top_scenarios_index_lever_moves_the_same_index_in_every_entity_that_has_it()
    {
        // The SPV declares Sofr at 4%; the parent names it through the import and shifts it by +100bp. The SPV's
        // ledger shows 5% at every period start, as the parent's does: one index path for the chain.
        string spv = Spv().Replace("party Sponsor { }", "party Sponsor { }\n  index Sofr { level 4% }", StringComparison.Ordinal);
        string parent = Parent + "\nscenario RatesUp for Parent { Sofr shift +100bp }\n";
        using var chain = new SmallChain(parent, ("spv.deal", spv));

        Assert.Equal(0.04, chain.Ledger("Spv", "Base", "Sofr", 0), 1e-15);
        Assert.Equal(0.05, chain.Ledger("Spv", "RatesUp", "Sofr", 0), 1e-15);
        Assert.Equal(0.05, chain.Ledger("Parent", "RatesUp", "Sofr", 1), 1e-15);
    }

    [Fact]
    public void A_drifting_index_is_one_path_in_entities_that_close_on_different_days()
    {
        // The SPV, closing 2025-01-01, declares Sofr at 4% deflating 10% a year; the parent, closing a year later, names
        // it through the import. The drift runs from the declaring SPV's closing in both: on 2026-01-01 (365 days on)
        // 4% × 0.9^(365/365) = 3.6%, the SPV's period 2 and the parent's period 0; on 2027-01-01 (730 days on)
        // 4% × 0.9^2 = 3.24%, the SPV's period 4 and the parent's period 1. Anchored at its own closing, the parent
        // read 4% and 3.6% there, a year behind the SPV.
        string spv = Spv("2025-01-01", "2028-01-01").Replace("party Sponsor { }", "party Sponsor { }\n  index Sofr { level 4% deflate 10% per year }", StringComparison.Ordinal);
        using var chain = new SmallChain(Parent, ("spv.deal", spv));

        Assert.Equal(0.036, chain.Ledger("Spv", "Base", "Sofr", 2), 1e-15);
        Assert.Equal(0.036, chain.Ledger("Parent", "Base", "Sofr", 0), 1e-15);
        Assert.Equal(0.0324, chain.Ledger("Spv", "Base", "Sofr", 4), 1e-15);
        Assert.Equal(0.0324, chain.Ledger("Parent", "Base", "Sofr", 1), 1e-15);
    }

    [Fact]
    public void A_monthly_holder_of_a_quarterly_entity_receives_in_the_months_its_payments_fall_in_and_not_after_its_maturity()
    {
        // The parent pays monthly and ends on 2027-01-01; the SPV pays semiannually to 2028-01-01. Its payments of
        // 2026-07-01 and 2027-01-01 fall in the parent's 6th and 12th months; the other months receive nothing; its
        // payments of 2027-07-01 and 2028-01-01 are after the parent's last period end: outside, 0.4 x (27.5 + 26.25)
        // = 21.5m of notes payments, never received.
        string monthly = Parent.Replace("maturity 2028-01-01 pay annual", "maturity 2027-01-01 pay monthly", StringComparison.Ordinal)
            .Replace("amortize linear maturity 2028-01-01", "amortize linear maturity 2027-01-01", StringComparison.Ordinal);
        using var chain = new SmallChain(monthly, ("spv.deal", Spv()));

        for (int t = 0; t < 12; t++)
        {
            double expected = t switch { 5 => 0.4 * (5e6 + 25e6), 11 => 0.4 * (3.75e6 + 25e6), _ => 0.0 };
            Assert.Equal(expected, chain.Ledger("Parent", "Base", "receipts Bonds", t), Cent);
        }

        var (spv, _) = chain.Runner.Buffers(0);
        var entities = chain.Outcomes[0].Entities;
        Assert.Equal(21.5e6, new HoldingFlows(entities[1].Deal, entities[1].Deal.Holdings[0], entities[0].Deal).Outside(spv), Cent);
    }

    [Fact]
    public void Running_a_chains_path_allocates_nothing()
    {
        // Issue 11's budget (a chain within 1.3x the sum of its entities) rests on the chain adding no per-path work but
        // the holdings' fill: each entity's path and loop run into reused buffers, the scenarios mapped once.
        string parent = Parent + "\nscenario TenantGone for Parent { Tenant defaults on 2026-12-31 }\n";
        using var chain = new SmallChain(parent, ("spv.deal", Spv()));
        var specs = chain.Runner.Prepare(TopScenario(chain, "TenantGone"));
        chain.Runner.RunPrepared(specs); // JIT and first-touch

        AllocationWindows.AssertOneAllocatesNothing("10 runs of the chain's path", () =>
        {
            for (int i = 0; i < 10; i++)
            {
                chain.Runner.RunPrepared(specs);
            }
        });
    }

    private static DealLang.Runtime.ScenarioSpec TopScenario(SmallChain chain, string name) => chain.Scenarios.Single(s => s.Name == name);
}
