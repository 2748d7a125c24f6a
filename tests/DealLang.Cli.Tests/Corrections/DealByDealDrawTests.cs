using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A deal-by-deal carry counts what the LPs were called for a holding's draws as that holding's capital (docs/language.md
/// §5 "Deal-by-deal carry", "Draws"): returned from its proceeds first, its preferred return accruing on it, its carry
/// computed on it. Before, the call was spread over all the holdings by weight, as a cure is, so a holding that drew
/// nothing carried part of the capital of one that drew.
/// </summary>
public sealed class DealByDealDrawTests
{
    // Annual, 30/360, closing 2026-01-01, maturity 2028-01-01. A loan committed at 100m, 40m drawn at the closing and 60m
    // on 2027-01-01 (the end of the first period), 10% a year, bullet: it pays 4m, then 10m + 100m.
    private const string Drawer = """
        deal Drawer {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party TenantD { }
          party OwnerD { }
          facility Site { cost 300m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee TenantD rent 200m per year starts 2026-01-01 term 2y }
          tranche Loan {
            commitment 100m  balance 40m  available until 2027-01-01  draws { 2027-01-01 60m }
            coupon 10%  amortize bullet  maturity 2028-01-01
          }
          equity Common { contributed 10m holders OwnerD 100% }
          waterfall { pay Loan.interest pay Loan.principal distribute rest to Common }
        }
        """;

    // 50m of notes at 10%, bullet: 5m, then 5m + 50m.
    private const string Plain = """
        deal Plain {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party TenantP { }
          party OwnerP { }
          facility Site { cost 100m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee TenantP rent 60m per year starts 2026-01-01 term 2y }
          tranche Notes { balance 50m coupon 10% amortize bullet maturity 2028-01-01 }
          equity Common { contributed 10m holders OwnerP 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    private const string Fund = """
        import "drawer.deal"
        import "plain.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 50% }
          holding Bond  { of Plain.Notes  share 100% }
          equity Investors { commitment 100m  contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void A_call_for_one_holdings_draw_is_that_holdings_capital_not_the_funds_spread_by_weight()
    {
        // The fund: Drawn is half the loan (weight 0.5 × 100m commitment = 50m), Bond the whole notes (50m): w = ½ each.
        // Year 1 (to 2027-01-01): receipts 0.5 × 4m = 2m and 5m = 7m; Drawn's share of the draw, 0.5 × 60m = 30m, is paid
        //   7m from the cash and 23m called from the 30m left of the commitment. D_0 = 0, J_0 = 23m.
        // Year 2: Drawn receives 0.5 × 110m = 55m, Bond 55m: D_1 = 110m, attributed ½ each.
        // Whole fund (hurdle 5%, carry 20%, no catch-up; y = 1, 2): A_0 = 70 × 1.05 + 23 = 96.5, A_1 = 101.325, so the
        //   LPs take 101.325 and the GP 20% × 8.675 = 1.735.
        // Deal by deal, the call Drawn's: Drawn A_0 = 35 × 1.05 + 23 = 59.75, A_1 = 62.7375 > 55: no carry. Bond A_0 = 36.75,
        //   A_1 = 38.5875: 20% × (55 − 38.5875) = 3.2825. Clawback 3.2825 − 1.735 = 1.5475: the GP ends with 1.735, the
        //   LPs with 110 − 1.735 = 108.265.
        // Before (the call spread by weight, 11.5m each): each A_0 = 36.75 + 11.5 = 48.25, A_1 = 50.6625, carry 20% ×
        //   4.3375 = 0.8675 on each, 1.735 in all: the whole fund's, so no clawback, though Drawn had not returned its
        //   capital and hurdle.
        using var chain = new SmallChain(Fund, ("drawer.deal", Drawer), ("plain.deal", Plain));
        Assert.Equal(23e6, chain.Ledger("Fund", "Base", "Drawn draw called", 0), 1e-3);
        var fund = chain.Of("Fund", "Base");
        var equity = fund.Equities.Single();
        Assert.Equal(110e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.True(carry.DealByDeal);
        Assert.Equal(1.5475e6, carry.Clawback, 1e-3);
        Assert.Equal(1.735e6, carry.Carry, 1e-3);
        Assert.Equal(108.265e6, carry.Classes.Single().Distributions, 1e-3);

        // A Monte Carlo path splits the same way (PathFigures reads the run's per-holding calls).
        var (result, inputs) = chain.Runner.Buffers(2);
        var figures = new DealLang.Runner.Simulation.PathFigures(chain.Outcomes[0].Entities[2].Deal);
        figures.Read(0, result, inputs);
        Assert.Equal(1.735e6, figures.GpCarry.Single(), 1e-3);
        Assert.Equal(carry.Classes.Single().Irr, figures.LpIrr.Single(), 1e-12);
    }
}
