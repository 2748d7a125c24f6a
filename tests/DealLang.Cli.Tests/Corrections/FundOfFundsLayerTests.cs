using DealLang.Runner.Reports;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The chain report's layers when a fund holds another fund's paper (docs/language.md §12 "The chain report"): a fund
/// of funds holding a fund's bank line, or an LP interest in it. The part of the held fund's bank or LP loss the fund
/// of funds holds is its loss: it is shown at the funds row and leaves the banks or LPs row, so no dollar is borne
/// twice. Both chains sit on <see cref="ChainLayerTests"/>' SPV and fund under TenantDefault.
/// </summary>
/// <remarks>
/// Who pays whom (annual, 30/360), the figures of the SPV and the fund by hand:
/// <list type="bullet">
/// <item>Spv: rent 12m in 2026 pays the notes' 3m of interest and 7.5m of principal (1.5m to the sponsor). The tenant
/// stops on 2027-06-30, so 2027 holds 12m × 180/365 = 5,917,808.22: 2.25m of interest and 3,667,808.22 of principal
/// (3,832,191.78 short). Nothing after: the balance 18,832,191.78 is lost with two years' interest on it, 2 × 1,883,219.18
/// = 3,766,438.36 unpaid. The SPV row: 18,832,191.78 + 3,766,438.36 = 22,598,630.14.</item>
/// <item>Fund (60% of the notes): receives 6.3m, then 0.6 × 5,917,808.22 = 3,550,684.93. Its bank (10m at 5%, 2.5m a
/// year) is paid 0.5m + 2.5m, then 0.375m + 2.5m; the LPs get 3.3m, then 675,684.93 (3,975,684.93 of their 8m:
/// a loss of 4,024,315.07, Pension 70%, Etf 30%). From 2028 nothing comes in: the bank loses 5m of principal and
/// 2 × 0.25m of interest, 5.5m. The fund's loss on its holding: 0.6 × 22,598,630.14 = 13,559,178.08.</item>
/// </list>
/// </remarks>
public sealed class FundOfFundsLayerTests
{
    // A fund of funds that lends: it holds the whole of the fund's bank line, paid for by its LP's 10m.
    private const string LineFof = """
        import "fund.deal"
        deal Fof {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Insurer { }
          party Manager2 { }
          holding Line { of Fund.Bank share 100% }
          equity Own { contributed 10m holders Insurer 100% hurdle 8% carry 20% to Manager2 }
          waterfall { distribute rest to Own }
        }
        scenario TenantDefault for Fof { Tenant defaults on 2027-06-30 }
        """;

    // A fund of funds that is an LP: it holds half of the fund's LP interest, paid for by its LP's 4m.
    private const string LpFof = """
        import "fund.deal"
        deal Fof {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Insurer { }
          party Manager2 { }
          holding Units { of Fund.Investors share 50% }
          equity Own { contributed 4m holders Insurer 100% hurdle 8% carry 20% to Manager2 }
          waterfall { distribute rest to Own }
        }
        scenario TenantDefault for Fof { Tenant defaults on 2027-06-30 }
        """;

    // A fund of funds with no carry of its own: it holds half of the fund's LP interest, paid for by a 2m bullet loan at
    // 5% and 2m of plain equity.
    private const string LeveredLpFof = """
        import "fund.deal"
        deal Fof {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Insurer { }
          holding Units { of Fund.Investors share 50% }
          tranche Loan { balance 2m coupon 5% amortize bullet }
          equity Own { contributed 2m holders Insurer 100% }
          waterfall { pay Loan.interest pay Loan.principal distribute rest to Own }
        }
        scenario TenantDefault for Fof { Tenant defaults on 2027-06-30 }
        """;

    [Fact]
    public void A_fund_holding_another_funds_bank_line_takes_its_loss_at_the_funds_layer_not_the_banks()
    {
        // The fund of funds receives all the bank is paid, 3m + 2.875m = 5.875m, and passes it to its LP: the Insurer
        // loses 10m − 5.875m = 4.125m. The bank line's 5.5m loss is the fund of funds' (it holds all of it):
        //   funds = 13,559,178.08 (the fund's on the SPV's notes) + 1 × 5.5m (the fund of funds' on the line) = 19,059,178.08
        //   banks = 5.5m − 5.5m = 0 (no bank outside the chain lends to a fund)
        //   LPs   = 4,024,315.07 (the fund's classes) + 4,125,000 (the Insurer) = 8,149,315.07
        // and the loss ends with the notes' other holders, 0.4 × 22,598,630.14 = 9,039,452.06, and the LPs: 17.2m in
        // all. Before the fix the funds row was 13.6m and the banks row 5.5m, borne as well by the Insurer's 4.1m:
        // "holders outside the chain 9.0; LPs 8.1; banks 5.5", 22.6m.
        using var chain = new SmallChain(LineFof, ("fund.deal", ChainLayerTests.Fund), ("spv.deal", ChainLayerTests.Spv));
        Assert.Equal(4_125_000, chain.Of("Fof", "TenantDefault").Equities[0].Carry!.Classes[0].Loss, 0.01);
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal([ChainLayers.TechGiants, ChainLayers.Spvs, ChainLayers.Funds, ChainLayers.Banks, ChainLayers.Lps], layers.Layers.Select(l => l.Layer));
        Assert.Equal(22_598_630.14, layers.Layers[1].Loss, 0.01);
        Assert.Equal(19_059_178.08, layers.Layers[2].Loss, 0.01);
        Assert.Equal(0, layers.Layers[3].Loss, 0.01);
        Assert.Equal(8_149_315.07, layers.Layers[4].Loss, 0.01);
        Assert.Equal("holders outside the chain 9.0; LPs 8.1", layers.BearsLoss);
    }

    [Fact]
    public void A_fund_holding_another_funds_LP_interest_takes_that_part_of_its_LP_loss_once()
    {
        // The fund of funds receives half of what the fund's LPs get, 0.5 × 3,975,684.93 = 1,987,842.47, and passes it
        // to its LP: the Insurer loses 4m − 1,987,842.47 = 2,012,157.53, the fund of funds' half of the fund's LP loss.
        //   funds = 13,559,178.08 + 0.5 × 4,024,315.07 (the fund of funds' on its LP interest) = 15,571,335.62
        //   banks = 5.5m (the fund's bank line, held outside the chain)
        //   LPs   = 4,024,315.07 − 2,012,157.54 (the part the fund of funds holds) + 2,012,157.53 (the Insurer) = 4,024,315.07
        // Before the fix the LPs row was 6.0m: the fund's classes' whole 4.0m and the Insurer's 2.0m, which is half of it.
        using var chain = new SmallChain(LpFof, ("fund.deal", ChainLayerTests.Fund), ("spv.deal", ChainLayerTests.Spv));
        Assert.Equal(2_012_157.53, chain.Of("Fof", "TenantDefault").Equities[0].Carry!.Classes[0].Loss, 0.01);
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(15_571_335.62, layers.Layers[2].Loss, 0.01);
        Assert.Equal(5_500_000, layers.Layers[3].Loss, 0.01);
        Assert.Equal(4_024_315.07, layers.Layers[4].Loss, 0.01);
        Assert.Equal("holders outside the chain 9.0; banks 5.5; LPs 4.0", layers.BearsLoss);
    }

    [Fact]
    public void A_fund_of_funds_without_a_carry_that_holds_LP_units_is_a_fund_not_an_SPV()
    {
        // It receives 0.5 × (3.3m, 675,684.93) = 1.65m and 337,842.47; it pays the loan's 0.1m of interest in 2026 and
        // 2027 and the rest to its equity (1,787,842.47), then has nothing: the loan loses its 2m and 2 × 0.1m of
        // interest, 2.2m. Holding an LP interest makes it a fund, so its loan is a bank's line and its LP units' loss
        // (0.5 × 4,024,315.07 = 2,012,157.54) is its own, at the funds row:
        //   SPVs  = 22,598,630.14 (the SPV's notes alone)
        //   funds = 13,559,178.08 + 2,012,157.54 = 15,571,335.62
        //   banks = 5.5m (the fund's line) + 2.2m (the fund of funds' loan) = 7.7m
        //   LPs   = 4,024,315.07 − 2,012,157.54 = 2,012,157.53
        // Before the fix it stood with the SPVs (an entity holding only equity, with no carry): the SPV row was 24.8m,
        // the funds row 13.6m, the LPs row the whole 4.0m, and its loan's 2.2m was borne again by "holders outside the
        // chain 11.2; banks 5.5; LPs 4.0" (20.7m).
        using var chain = new SmallChain(LeveredLpFof, ("fund.deal", ChainLayerTests.Fund), ("spv.deal", ChainLayerTests.Spv));
        var loan = chain.Of("Fof", "TenantDefault").Tranches[0];
        Assert.Equal(2.2e6, loan.PrincipalLoss + loan.UnpaidInterest, 0.01);
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(22_598_630.14, layers.Layers[1].Loss, 0.01);
        Assert.Equal(15_571_335.62, layers.Layers[2].Loss, 0.01);
        Assert.Equal(7_700_000, layers.Layers[3].Loss, 0.01);
        Assert.Equal(2_012_157.53, layers.Layers[4].Loss, 0.01);
        Assert.Equal("holders outside the chain 9.0; banks 7.7; LPs 2.0", layers.BearsLoss);
    }

    [Fact]
    public void A_bank_line_a_fund_of_funds_holds_whole_defaults_in_the_funds_row_not_the_banks()
    {
        // The fund's line is short from the year to 2029-01-01 (nothing comes in from 2028: 2.5m of principal and
        // 0.25m of interest unpaid), which is also the fund's event of default (its rule reads the line's shortfalls).
        // The fund of funds holds all of the line, so the banks row's loss is 0 (above) and it has no default either:
        // no lender outside the chain is short. Before, the banks row named Fund.Bank defaulting on 2029-01-01 with a
        // loss of 0.
        using var chain = new SmallChain(LineFof, ("fund.deal", ChainLayerTests.Fund), ("spv.deal", ChainLayerTests.Spv));
        var line = chain.Of("Fund", "TenantDefault").Tranches[0];
        Assert.Equal(new Date(2029, 1, 1), line.FirstPrincipalShortfall);
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal((null, null, 0.0), (layers.Layers[3].Default, layers.Layers[3].DefaultBy, Math.Round(layers.Layers[3].Loss, 2)));
        Assert.Equal((new Date(2029, 1, 1), "Fund"), (layers.Layers[2].Default, layers.Layers[2].DefaultBy));
    }

    [Fact]
    public void A_bank_line_a_fund_of_funds_holds_whole_is_the_funds_rows_default_when_no_fund_has_an_event_of_default()
    {
        // Without its default rule the fund has no event of default, and neither has the fund of funds: the funds row's
        // only default is the line's first principal shortfall, 2029-01-01, on the fund of funds that holds it. Before,
        // the funds row had no default and the banks row (loss 0) named the line.
        string noRule = ChainLayerTests.Fund.Replace("  default when Bank.interest_shortfall > 0 or Bank.principal_shortfall > 0\n", "", StringComparison.Ordinal);
        Assert.NotEqual(ChainLayerTests.Fund, noRule);
        using var chain = new SmallChain(LineFof, ("fund.deal", noRule), ("spv.deal", ChainLayerTests.Spv));
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal((new Date(2029, 1, 1), "Fund.Bank"), (layers.Layers[2].Default, layers.Layers[2].DefaultBy));
        Assert.Equal((null, null), (layers.Layers[3].Default, layers.Layers[3].DefaultBy));
    }

    [Fact]
    public void A_bank_line_a_fund_of_funds_holds_in_part_still_defaults_in_the_banks_row()
    {
        // Holding half of the line, the fund of funds bears 0.5 × 5.5m = 2.75m (funds row) and a lender outside the
        // chain the other 2.75m (banks row): the banks row's default is the line's, 2029-01-01.
        string half = LineFof.Replace("of Fund.Bank share 100%", "of Fund.Bank share 50%", StringComparison.Ordinal);
        using var chain = new SmallChain(half, ("fund.deal", ChainLayerTests.Fund), ("spv.deal", ChainLayerTests.Spv));
        var layers = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(2_750_000, layers.Layers[3].Loss, 0.01);
        Assert.Equal((new Date(2029, 1, 1), "Fund.Bank"), (layers.Layers[3].Default, layers.Layers[3].DefaultBy));
    }
}
