using DealLang.Runner.Reports;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The chain report by layer (docs/language.md §12 "The chain report"): which layer breaks first and who bears the
/// loss, on a fund holding 60% of an SPV's notes with a bank line and LP classes, worked out by hand.
/// </summary>
public class ChainLayerTests
{
    // The SPV, annual 30/360: rent 12m a year pays its 10% coupon on 30m and 7.5m of principal a year (linear over
    // four years: 10.5m, 9.75m, 9m, 8.25m) while the tenant pays; under TenantDefault the tenant stops on 2027-06-30,
    // the year to 2028-01-01 holds half a year's rent (6m), and the notes go short.
    internal const string Spv = """
        deal Spv {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Tenant { }
          party Owner { }
          facility Site { cost 120m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee Tenant rent 12m per year starts 2026-01-01 term 4y }
          tranche Notes { balance 30m coupon 10% amortize linear }
          equity Sponsor { contributed 20m holders Owner 100% }
          default when Notes.interest_shortfall > 0
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Sponsor }
        }
        """;

    // The fund holds 60% of the notes (0.6 × 37.5m = 22.5m over the four years in Base), borrows 10m at 5% (linear, 2.5m a year)
    // and has two LP classes behind the bank.
    internal const string Fund = """
        import "spv.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Pension { }
          party Etf { }
          party Manager { }
          holding Stake { of Spv.Notes share 60% }
          tranche Bank { balance 10m coupon 5% amortize linear maturity 2030-01-01 }
          equity Investors { contributed 8m holders Pension 70%, Etf 30% hurdle 8% carry 20% to Manager catch_up 100% }
          default when Bank.interest_shortfall > 0 or Bank.principal_shortfall > 0
          waterfall { pay Bank.interest pay Bank.principal distribute rest to Investors }
        }
        scenario Base for Fund { }
        scenario TenantDefault for Fund { Tenant defaults on 2027-06-30 }
        """;

    // A fund of equity stakes: it holds the SPV's equity (no tranche) and has two LP classes behind a carry.
    private const string EquityFund = """
        import "spv.deal"
        deal EquityFund {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Pension { }
          party Etf { }
          party Manager { }
          holding Stake { of Spv.Sponsor share 100% }
          equity Investors { contributed 20m holders Pension 70%, Etf 30% hurdle 8% carry 20% to Manager catch_up 100% }
          waterfall { distribute rest to Investors }
        }
        scenario TenantDefault for EquityFund { Tenant defaults on 2027-06-30 }
        """;

    [Fact]
    public void A_fund_of_equity_stakes_with_LP_classes_is_a_fund_and_its_LPs_a_layer()
    {
        // It was classed with the SPVs (it holds no tranche), so the layer table had no funds and no LPs, and the LPs'
        // loss was nowhere. Under TenantDefault the SPV's equity gets 0 after 2027 while the LPs paid in 20m.
        using var chain = new SmallChain(EquityFund, ("spv.deal", Spv));
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal([ChainLayers.TechGiants, ChainLayers.Spvs, ChainLayers.Funds, ChainLayers.Banks, ChainLayers.Lps], stress.Layers.Select(l => l.Layer));
        double lps = chain.Of("EquityFund", "TenantDefault").Equities[0].Carry!.Classes.Sum(c => c.Loss);
        Assert.True(lps > 0);
        Assert.Equal(lps, stress.Layers[4].Loss, 0.01);
    }

    // The SPV with its sponsor equity behind a developer's promote (LP classes behind a carry), owning its site and
    // letting it: an SPV, not a fund.
    private static readonly string Promoted = Spv.Replace("equity Sponsor { contributed 20m holders Owner 100% }",
        "party Developer { }\n  equity Sponsor { contributed 20m holders Owner 100% hurdle 8% carry 20% to Developer }", StringComparison.Ordinal);

    private static readonly string[] PromotedLayers =
        [ChainLayers.TechGiants, ChainLayers.Spvs, ChainLayers.Sponsors, ChainLayers.Funds, ChainLayers.Banks, ChainLayers.Lps];

    [Fact]
    public void An_SPV_whose_equity_carries_a_developers_promote_is_an_SPV_and_its_notes_loss_in_the_SPVs_row()
    {
        // Under TenantDefault its notes lose 22,598,630.14 and the fund holds 60% of them:
        //   SPVs         = 22,598,630.14 (the notes, whoever holds them)
        //   SPV sponsors = 18.5m (the sponsor's LP class: paid in 20m, received 1.5m in 2026, 12m − 3m − 7.5m, and nothing
        //                  after; no profit, so the developer takes nothing)
        //   funds        = 0.6 × 22,598,630.14 = 13,559,178.08
        //   banks        = 5.5m (the fund's line; the SPV's notes are not a fund's bank line)
        //   LPs          = 4,024,315.07 (the fund's classes)
        //   holders outside the chain = 22,598,630.14 − 13,559,178.08 = 9,039,452.06
        // Before (c8906b2 classed it a fund by its carry): SPVs 0, banks 14,539,452.06 (the notes' 40% counted as a bank's
        // loss), LPs 22,524,315.07 (the sponsor's 18.5m with the fund's LPs): "LPs 22.5; banks 14.5". Then (b4ac1832) the
        // sponsor's 18.5m was in no row.
        Assert.NotEqual(Spv, Promoted);
        using var chain = new SmallChain(Fund, ("spv.deal", Promoted));
        Assert.Equal(18_500_000, chain.Of("Spv", "TenantDefault").Equities[0].Carry!.Classes.Sum(c => c.Loss), 0.01);
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(PromotedLayers, stress.Layers.Select(l => l.Layer));
        Assert.Equal(("Tenant", new DealLang.Runtime.Date(2027, 6, 30)), (stress.Layers[0].DefaultBy, stress.Layers[0].Default!.Value));
        Assert.Equal(22_598_630.14, stress.Layers[1].Loss, 0.01);
        Assert.Equal("Spv", stress.Layers[1].DefaultBy);
        Assert.Equal(18_500_000, stress.Layers[2].Loss, 0.01);
        Assert.Equal(13_559_178.08, stress.Layers[3].Loss, 0.01);
        Assert.Equal(5_500_000, stress.Layers[4].Loss, 0.01);
        Assert.Equal(4_024_315.07, stress.Layers[5].Loss, 0.01);
        Assert.Equal("SPV sponsors 18.5; holders outside the chain 9.0; banks 5.5; LPs 4.0", stress.BearsLoss);
    }

    [Fact]
    public void A_promoted_SPVs_layers_add_up_to_what_the_claims_on_the_chain_lose()
    {
        // Every claim on the chain's entities, by hand (TenantDefault, the promoted SPV under the fund):
        //   on the SPV:  its notes 22,598,630.14 + its sponsor's LP class 18,500,000 = 41,098,630.14
        //   on the fund: its bank line 5,500,000 + its LP classes 4,024,315.07       =  9,524,315.07
        //   in all                                                                    = 50,622,945.21
        // Each is in one row: the SPVs row (the notes), the SPV sponsors row (the sponsor), the banks and LPs rows (the
        // fund's line and classes, none held in the chain). The funds row, 13,559,178.08, is the fund's 60% of the
        // notes passing through it to its bank and LPs, not a claim of its own:
        //   22,598,630.14 + 18,500,000 + 5,500,000 + 4,024,315.07 = 50,622,945.21.
        // The end bearers are the same dollars less what the fund bore on the way: sponsors 18.5m + outside 9,039,452.06
        // + banks 5.5m + LPs 4,024,315.07 = 37,063,767.13 = 50,622,945.21 − 13,559,178.08.
        using var chain = new SmallChain(Fund, ("spv.deal", Promoted));
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(PromotedLayers, stress.Layers.Select(l => l.Layer));
        double rows = stress.Layers[1].Loss + stress.Layers[2].Loss + stress.Layers[4].Loss + stress.Layers[5].Loss;
        Assert.Equal(50_622_945.21, rows, 0.01);
        var spv = chain.Of("Spv", "TenantDefault");
        var fund = chain.Of("Fund", "TenantDefault");
        double claims = spv.Tranches.Sum(t => t.PrincipalLoss + t.UnpaidInterest) + spv.Equities.Sum(q => q.Carry!.Classes.Sum(c => c.Loss))
            + fund.Tranches.Sum(t => t.PrincipalLoss + t.UnpaidInterest) + fund.Equities.Sum(q => q.Carry!.Classes.Sum(c => c.Loss));
        Assert.Equal(claims, rows, 0.01);
        Assert.Equal(["Fund"], stress.FundEntities);
        Assert.Equal(50_622_945.21 - 13_559_178.08, 18_500_000 + 9_039_452.06 + 5_500_000 + 4_024_315.07, 0.01);

        // The property tests' identity (each claim on a fund and each LP class in one row) holds here too.
        DealLang.Cli.Tests.Properties.FigureIdentities.ChainLayersAddUp(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"), null);
    }

    [Fact]
    public void A_fund_of_equity_stakes_with_a_carry_and_no_assets_of_its_own_is_still_a_fund()
    {
        // The other side of the rule: the equity fund holds the SPV's equity and owns nothing itself, so its carry makes
        // it a fund, and an SPV with a promote below it does not change that. Its LPs paid in 20m; the layers are five,
        // the SPV alone in the SPVs row (its notes' 22,598,630.14, none held by a fund: all outside the chain).
        using var chain = new SmallChain(EquityFund, ("spv.deal", Promoted));
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(PromotedLayers, stress.Layers.Select(l => l.Layer));
        Assert.Equal(("Spv", 22_598_630.14), (stress.Layers[1].DefaultBy, Math.Round(stress.Layers[1].Loss, 2)));
        // Its stake is the whole of the promoted SPV's sponsor equity (an equity stake, not a fund's LP units): the
        // sponsor's 18.5m is the equity fund's loss, in the funds row, and no sponsor outside the chain loses anything
        // (before the sponsors row, that 18.5m was in no row). The LPs row is the equity fund's own classes' loss (before
        // b4ac1832, the SPV was a fund, its notes' loss the banks').
        Assert.Equal(0, stress.Layers[2].Loss, 0.01);
        Assert.Equal(18_500_000, stress.Layers[3].Loss, 0.01);
        Assert.Equal(0, stress.Layers[4].Loss, 0.01);
        Assert.Equal(chain.Of("EquityFund", "TenantDefault").Equities[0].Carry!.Classes.Sum(c => c.Loss), stress.Layers[5].Loss, 0.01);
    }

    [Fact]
    public void A_lease_backstop_that_paid_a_defaulted_tenants_rent_bears_that_loss()
    {
        // The SPV's lease with a backstop behind it (cap 100m): from the tenant's default on 2027-06-30 it pays the rent
        // the tenant no longer pays, 12m × 185/365 for 2027-06-30..2028-01-01 (the lease's days over 365) + 12m for 2028
        // + 12m for 2029 = 6,082,191.78 + 24m = 30.08m, and gets nothing back, so the notes are paid in full and the
        // backstop alone bears the loss.
        string backed = Spv.Replace("term 4y }", "term 4y guarantor Backer cap 100m }", StringComparison.Ordinal)
            .Replace("party Owner { }", "party Owner { }\n  party Backer { }", StringComparison.Ordinal);
        using var chain = new SmallChain(Fund, ("spv.deal", backed));
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal("Backer (guarantor) 30.1", stress.BearsLoss);
    }

    [Fact]
    public void A_guarantee_of_a_funds_bank_line_bears_what_it_paid_and_the_bank_only_the_rest()
    {
        // The fund's bank line with a state guarantee of its interest (cap 20m). From 2028 the fund receives nothing
        // (FundOfFundsLayerTests has the figures): the line's 5% on its 5m balance, 0.25m in 2028 and 0.25m in 2029, is
        // paid by the state, which recovers nothing, and its 5m of principal is lost. The bank loses 5m, not the 5.5m
        // of principal loss and unpaid interest the fund left; the state bears 0.5m. Before the fix the banks row was
        // 5.5m and the state, a guarantor in a fund rather than in an SPV, was not among those bearing the loss.
        string guaranteed = Fund.Replace("maturity 2030-01-01 }", "maturity 2030-01-01 guarantor State cap 20m covers interest }", StringComparison.Ordinal)
            .Replace("party Manager { }", "party Manager { }\n  party State { }", StringComparison.Ordinal);
        using var chain = new SmallChain(guaranteed, ("spv.deal", Spv));
        var bank = chain.Of("Fund", "TenantDefault").Tranches[0];
        Assert.Equal(5.5e6, bank.PrincipalLoss + bank.UnpaidInterest, 0.01);
        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal(5e6, stress.Layers[3].Loss, 0.01);
        Assert.Equal("holders outside the chain 9.0; banks 5.0; LPs 4.0; State (guarantor) 0.5", stress.BearsLoss);
    }

    [Fact]
    public void The_tenant_breaks_first_and_the_loss_ends_with_the_bank_the_LPs_and_the_notes_other_holders()
    {
        using var chain = new SmallChain(Fund, ("spv.deal", Spv));
        var base_ = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "Base"));
        Assert.Equal("nobody", base_.BearsLoss);
        Assert.Equal("none", base_.BreaksFirst);

        var stress = ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "TenantDefault"));
        Assert.Equal([ChainLayers.TechGiants, ChainLayers.Spvs, ChainLayers.Funds, ChainLayers.Banks, ChainLayers.Lps], stress.Layers.Select(l => l.Layer));
        // The tenant's default date is the earliest of every layer's: it breaks first.
        Assert.Equal(new DealLang.Runtime.Date(2027, 6, 30), stress.Layers[0].Default);
        Assert.StartsWith("tech giants and tenants (Tenant defaults 2027-06-30)", stress.BreaksFirst, StringComparison.Ordinal);

        // The SPV layer's loss is its notes' principal loss and unpaid interest; the fund's is 60% of it, so the
        // holders outside the chain bear the other 40%.
        var notes = chain.Of("Spv", "TenantDefault").Tranches[0];
        double spvLoss = notes.PrincipalLoss + notes.UnpaidInterest;
        Assert.True(spvLoss > 0);
        Assert.Equal(spvLoss, stress.Layers[1].Loss, 0.01);
        Assert.Equal(0.6 * spvLoss, stress.Layers[2].Loss, 0.01);

        // The bank's and the LP classes' losses are the fund's own summary figures.
        var fund = chain.Of("Fund", "TenantDefault");
        double bank = fund.Tranches[0].PrincipalLoss + fund.Tranches[0].UnpaidInterest;
        double lps = fund.Equities[0].Carry!.Classes.Sum(c => c.Loss);
        Assert.Equal(bank, stress.Layers[3].Loss, 0.01);
        Assert.Equal(lps, stress.Layers[4].Loss, 0.01);
        Assert.Contains("holders outside the chain " + ValueTextMillions(0.4 * spvLoss), stress.BearsLoss, StringComparison.Ordinal);
        Assert.Contains("LPs " + ValueTextMillions(lps), stress.BearsLoss, StringComparison.Ordinal);

        // As printed: the notes lose 18.8m of principal and 3.8m of interest (22.6m), 40% of it outside the fund
        // (9.0m); the bank is short 5.5m and the LPs 4.0m, largest first.
        Assert.Equal("holders outside the chain 9.0; banks 5.5; LPs 4.0", stress.BearsLoss);
    }

    private static string ValueTextMillions(double value) => (value / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
