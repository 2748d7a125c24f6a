using DealLang.Runner.Reports;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fund's holding of a guaranteed tranche (docs/language.md §5, "holding" and "Guarantors"; §12, "The chain report"):
/// marked on the holders' side, s × max(0, B − S), its chain-layer loss its share of the holders' loss after the
/// guarantee, and the guarantor's net cost among those who bear the loss. Worked by hand.
/// </summary>
public class GuaranteedHoldingTests
{
    // Gt, annual 30/360 from 2026-01-01 to the maturity 2029-01-01: rent 5m a year (and 2m more in 2028) pays the
    // bond's 5% on 100m (5m) in 2026 and 2027; in 2028 5m of interest and 2m of principal, 98m short: an event of
    // default at the maturity (period 3), the facility (valued 90m) sold 24 months later, at the end of period 5
    // (2031-01-01), for 90m x 80% = 72m. The issuer's side, with or without the State: period 4 leaves 98m x 5% = 4.9m
    // unpaid; period 5 owes 9.8m of interest, which the sale pays, then 62.2m of principal: loss 35.8m.
    //
    // Full: the State pays the holders 98m at the maturity (S = 98m, holders' balance 0) and is owed the lot: the sale's
    // 9.8m of interest and 62.2m of principal go back to it (72m): net 26m; the holders lose nothing.
    // Half (honoured 50%): the State pays 49m (S = 49m, holders' balance 49m); period 4: of the 4.9m unpaid, the
    // holders' half 2.45m is put to the State, which pays 1.225m; period 5: the State's interest due 2.45m + 2.45m +
    // 1.225m = 6.125m, the holders' 3.675m, both paid; principal 62.2m, half each (31.1m): S = 17.9m, holders' balance
    // 17.9m, their loss. State: paid 50.225m, got back 37.225m, net 13.0m.
    private const string Gt = """
        deal Gt {
          currency USD
          closing 2026-01-01
          maturity 2029-01-01
          pay annual
          daycount 30/360
          party Tenant { }
          party State { }
          facility F { cost 100m value schedule { 2026-01-01 90m, 2040-01-01 90m } }
          lease L1 on F { lessee Tenant rent 5m per year starts 2026-01-01 term 3y }
          lease L2 on F { lessee Tenant rent 2m per year starts 2028-01-01 term 1y }
          tranche Bond { balance 100m coupon 5% fixed guarantor State cap 200m covers interest and principal }
          equity Eq { contributed 1m }
          default when Bond.principal_shortfall > 0
          waterfall {
            pay Bond.interest
            pay Bond.principal
            distribute rest to Eq
          }
          enforcement {
            sell F haircut 20% lag 24m
            waterfall { pay Bond.interest pay Bond.balance distribute rest to Eq }
          }
        }
        """;

    // GFund holds 50% of the bond (HB), its periods the bond's and two more (to 2031-01-01).
    private const string Fund = """
        import "gt.deal"
        deal GFund {
          currency USD
          closing 2026-01-01
          maturity 2031-01-01
          pay annual
          daycount 30/360
          holding HB { of Gt.Bond share 50% }
          tranche Bank { balance 10m coupon 5% fixed }
          equity Investors { contributed 50m }
          waterfall {
            pay Bank.interest
            pay Bank.principal
            distribute rest to Investors
          }
        }
        scenario Full for GFund { }
        scenario Half for GFund { State guarantees honoured 50% }
        """;

    [Fact]
    public void A_holding_of_a_guaranteed_tranche_is_marked_on_the_holders_side()
    {
        using var chain = new SmallChain(Fund, ("gt.deal", Gt));
        // par_t = 50% x max(0, B - S): 50m while nothing is paid (B = 100m, S = 0), then after the maturity (B = 98m)
        // Full 50% x (98m - 98m) = 0 (before the fix 49m), Half 50% x (98m - 49m) = 24.5m (before: 49m), in 2029 and
        // 2030; 0 once the bond's run has ended (period 5).
        double[] full = [50_000_000, 50_000_000, 0, 0, 0];
        double[] half = [50_000_000, 50_000_000, 24_500_000, 24_500_000, 0];
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(full[t], chain.Ledger("GFund", "Full", "HB value", t), 0.01);
            Assert.Equal(half[t], chain.Ledger("GFund", "Half", "HB value", t), 0.01);
        }

        // Receipts (the holders' side, unchanged by the fix): Half period 3 50% x (5m + 2m + 49m) = 28m, period 4
        // 50% x 1.225m = 0.6125m, period 5 50% x (3.675m + 31.1m) = 17.3875m.
        Assert.Equal(28_000_000, chain.Ledger("GFund", "Half", "receipts HB", 2), 0.01);
        Assert.Equal(612_500, chain.Ledger("GFund", "Half", "receipts HB", 3), 0.01);
        Assert.Equal(17_387_500, chain.Ledger("GFund", "Half", "receipts HB", 4), 0.01);
    }

    [Fact]
    public void The_funds_layer_loses_its_share_of_the_holders_loss_and_the_guarantor_bears_its_net_cost()
    {
        using var chain = new SmallChain(Fund, ("gt.deal", Gt));
        var full = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "Full"));
        var half = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "Half"));

        // The SPV layer: the issuer's loss, 35.8m, in both.
        Assert.Equal(35_800_000, full.Layers[1].Loss, 0.01);
        Assert.Equal(35_800_000, half.Layers[1].Loss, 0.01);
        // The funds layer: 50% of the holders' loss after the guarantee: Full 50% x 0 = 0 (before the fix 50% of the
        // issuer's loss), Half 50% x 17.9m = 8.95m.
        Assert.Equal(0.0, full.Layers[2].Loss, 0.01);
        Assert.Equal(8_950_000, half.Layers[2].Loss, 0.01);
        // Who bears it: the State its net cost (Full 98m - 72m = 26.0m; Half 50.225m - 37.225m = 13.0m); the holders
        // outside the chain the other half of the holders' loss, Half 17.9m - 8.95m = 8.95m, Full nothing; the fund's
        // bank (10m and 1m of interest: the fund distributes what it receives and the bond pays nothing in its last year).
        Assert.Equal("State (guarantor) 26.0; banks 11.0", full.BearsLoss);
        Assert.Matches(@"^State \(guarantor\) 13\.0; holders outside the chain (8\.9|9\.0)$", half.BearsLoss);
    }
}
