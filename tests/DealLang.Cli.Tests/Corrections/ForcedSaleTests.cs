namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fund's margin call and the forced sale of its holdings (docs/language.md §5 "holding", "A forced sale"): a bank
/// line whose target balance is 50% of the holdings' marks; when the marks halve, the excess is principal due at once,
/// the fund's cash cannot meet it, and <c>sell H1, H2 to cover Bank.principal</c> sells H1 then H2 into their markets at
/// a discount that deepens with the value sold against the depth. The share sold stops paying the fund from the next
/// period; cash is conserved in both entities every period (the chain's cash check).
/// </summary>
public class ForcedSaleTests
{
    private const double Cent = 0.01;

    // The held SPV, annual 30/360: rent 10m a year pays the notes' 10% coupon on 100m exactly; the notes are a bullet
    // due in 2031, after the fund's horizon, so their par stays 100m and the fund's holdings pay 5m (H1, 50%) and 3m
    // (H2, 30%) a year.
    internal const string Held = """
        deal Held {
          currency USD closing 2026-01-01 maturity 2031-01-01 pay annual daycount 30/360
          party Tenant { }
          party Owner { }
          facility Site { cost 120m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee Tenant rent 10m per year starts 2026-01-01 term 5y }
          tranche Notes { balance 100m coupon 10% maturity 2031-01-01 }
          equity Sponsor { contributed 20m holders Owner 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Sponsor }
        }
        """;

    // The fund, annual 30/360 to 2030: H1 sells at a 10% discount into a market 10m deep with a 20% impact, H2 at a 20%
    // discount with no depth (no impact); the bank lends 40m at 5% against 50% of the marks.
    private const string Fund = """
        import "held.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Lp { }
          index Price { level 100% }
          holding H1 { of Held.Notes  share 50%  mark Price  market discount 10% depth 10m impact 20% }
          holding H2 { of Held.Notes  share 30%  mark Price  market discount 20% }
          tranche Bank { balance 40m  coupon 5%  maturity 2030-01-01  target_balance 50% * (H1.value + H2.value) }
          equity Investors { contributed 40m  holders Lp 100% }
          waterfall {
            pay Bank.interest
            sell H1, H2 to cover Bank.principal
            pay Bank.principal
            distribute rest to Investors
          }
        }
        scenario Base for Fund { }
        scenario MarkDown for Fund { Price points stepped { 2027-01-01 50% } }
        scenario ThinMarket for Fund {
          Price points stepped { 2027-01-01 50% }
          H1 market discount 30% depth 40m
        }
        scenario Crash for Fund { Price points stepped { 2027-01-01 10% } }
        scenario CrashThin for Fund {
          Price points stepped { 2027-01-01 10% }
          H1 market discount 10% depth 1m
        }
        """;

    private static SmallChain Chain() => new(Fund, ("held.deal", Held));

    [Fact]
    public void Without_a_margin_call_nothing_is_sold_until_the_bank_is_due_in_full()
    {
        using var chain = Chain();
        // Marks at par: the target, 50% × (50m + 30m) = 40m, is the balance, so no principal is due and nothing is sold
        // before the bank's maturity.
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(0, chain.Ledger("Fund", "Base", "2 sell H1, H2 to cover Bank.principal raised", t), Cent);
            Assert.Equal(1.0, chain.Ledger("Fund", "Base", "H1 share held", t), 12);
        }

        // At the maturity (t = 3) the whole 40m is due and 8m − 2m = 6m is available: S = 34m. H1 raises at most
        // 25m × 0.9 × (1 − 0.2 × 25 / 10) = 11.25m selling half its 50m mark; H2 the other 22.75m at 0.8,
        // 22.75m / 0.8 = 28.4375m of its 30m.
        Assert.Equal(34e6, chain.Ledger("Fund", "Base", "2 sell H1, H2 to cover Bank.principal raised", 3), Cent);
        Assert.Equal(0.5, chain.Ledger("Fund", "Base", "H1 share held", 3), 12);
        Assert.Equal(28.4375e6, chain.Ledger("Fund", "Base", "H2 value sold", 3), Cent);
        var h1 = chain.Of("Fund", "Base").Holdings[0];
        Assert.Equal(11.25e6, h1.SaleProceeds, Cent);
        Assert.Equal(new DealLang.Runtime.Date(2030, 1, 1), h1.FirstSale);
    }

    [Fact]
    public void A_margin_call_the_cash_cannot_meet_sells_H1_then_H2_at_a_discount_that_deepens_with_the_size_sold()
    {
        using var chain = Chain();
        const string s = "MarkDown";
        // 2027 (t = 1): the marks halve, H1 25m and H2 15m, so the target is 20m and 40m − 20m = 20m of principal is
        // due. Receipts 5m + 3m = 8m, less 2m of interest (40m × 5%), leave 6m: a shortfall S = 14m.
        Assert.Equal(20e6, chain.Ledger("Fund", s, "Bank principal due", 1), Cent);
        // H1 at the price 1 − 10% = 0.9 per unit of mark, impact / depth = 20% / 10m: at most it raises, selling all
        // 25m (below depth / (2 × impact) = 25m), 25m × 0.9 × (1 − 0.2 × 25 / 10) = 11.25m < 14m: all of it is sold.
        Assert.Equal(25e6, chain.Ledger("Fund", s, "H1 value sold", 1), Cent);
        Assert.Equal(11.25e6, chain.Ledger("Fund", s, "H1 sale proceeds", 1), Cent);
        Assert.Equal(13.75e6, chain.Ledger("Fund", s, "H1 loss on sale", 1), Cent);
        Assert.Equal(0.0, chain.Ledger("Fund", s, "H1 share held", 1), 12);
        // H2 raises the rest, 14m − 11.25m = 2.75m, at 0.8 with no depth: 2.75m / 0.8 = 3.4375m of its 15m mark, so
        // the fund keeps 1 − 3.4375 / 15 = 0.7708333 of H2.
        Assert.Equal(3.4375e6, chain.Ledger("Fund", s, "H2 value sold", 1), Cent);
        Assert.Equal(2.75e6, chain.Ledger("Fund", s, "H2 sale proceeds", 1), Cent);
        Assert.Equal(1 - 3.4375 / 15, chain.Ledger("Fund", s, "H2 share held", 1), 12);
        Assert.Equal(14e6, chain.Ledger("Fund", s, "2 sell H1, H2 to cover Bank.principal raised", 1), Cent);
        Assert.Equal(20e6, chain.Ledger("Fund", s, "3 pay Bank.principal paid", 1), Cent);
        Assert.Equal(20e6, chain.Ledger("Fund", s, "Bank balance", 1), Cent);

        // 2028 (t = 2): what was sold pays nothing: H1 receives 0 and H2 3m × 0.7708333 = 2.3125m, worth
        // 30m × 50% × 0.7708333 = 11.5625m. The target is 5.78125m, so 14.21875m is due; 2.3125m − 1m of interest leaves
        // 1.3125m, and H2's whole remaining mark sells for 11.5625m × 0.8 = 9.25m, still 3.65625m short.
        Assert.Equal(0, chain.Ledger("Fund", s, "receipts H1", 2), Cent);
        Assert.Equal(2.3125e6, chain.Ledger("Fund", s, "receipts H2", 2), Cent);
        Assert.Equal(11.5625e6, chain.Ledger("Fund", s, "H2 value", 2), Cent);
        Assert.Equal(14.21875e6, chain.Ledger("Fund", s, "Bank principal due", 2), Cent);
        Assert.Equal(9.25e6, chain.Ledger("Fund", s, "H2 sale proceeds", 2), Cent);
        Assert.Equal(3.65625e6, chain.Ledger("Fund", s, "3 pay Bank.principal short", 2), Cent);

        // The summary: the forced-sale proceeds and the loss on sale of each holding over the run.
        var h1 = chain.Of("Fund", s).Holdings[0];
        var h2 = chain.Of("Fund", s).Holdings[1];
        Assert.Equal(11.25e6, h1.SaleProceeds, Cent);
        Assert.Equal(13.75e6, h1.LossOnSale, Cent);
        Assert.Equal(1.0, h1.ShareSold, 12);
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), h1.FirstSale);
        Assert.Equal(2.75e6 + 9.25e6, h2.SaleProceeds, Cent);
        Assert.Equal((3.4375e6 - 2.75e6) + (11.5625e6 - 9.25e6), h2.LossOnSale, Cent);
        Assert.Equal(5e6 + 5e6, h1.Received, Cent);
        Assert.Equal(3e6 + 3e6 + 2.3125e6, h2.Received, Cent);
    }

    [Fact]
    public void A_forced_sale_loses_against_par_what_the_marks_fall_and_the_discount_together_give_up()
    {
        // MarkDown, marks at 50% from 2027: H1 sells its whole 25m mark, 50m of par (25m / 0.5), for 11.25m; H2 sells
        // 3.4375m then 11.5625m of mark, 6.875m + 23.125m = 30m of par, for 2.75m + 9.25m = 12m. The loss on sale is the
        // discount to the mark, 13.75m and 3m; the loss to par 50 − 11.25 = 38.75m and 30 − 12 = 18m. The held notes lose
        // nothing, so the chain's funds layer loses its sales' loss to par, 56.75m (before: 16.75m, as if the fund had
        // bought at the mark: the half of par the marks took away, realised in the sale, was counted nowhere).
        using var chain = Chain();
        var h1 = chain.Of("Fund", "MarkDown").Holdings[0];
        var h2 = chain.Of("Fund", "MarkDown").Holdings[1];
        Assert.Equal((50e6, 38.75e6), (Math.Round(h1.ParSold, 2), Math.Round(h1.LossToPar, 2)));
        Assert.Equal((30e6, 18e6), (Math.Round(h2.ParSold, 2), Math.Round(h2.LossToPar, 2)));
        var layers = DealLang.Runner.Reports.ChainLayers.Of(chain.Outcomes.Single(o => o.Scenario == "MarkDown"));
        Assert.Equal(56.75e6, layers.Layers.Single(l => l.Layer == DealLang.Runner.Reports.ChainLayers.Funds).Loss, Cent);

        // At par (Base), the sales at the bank's maturity lose against par only their discount: the same as on sale.
        var base1 = chain.Of("Fund", "Base").Holdings[0];
        Assert.Equal(base1.LossOnSale, base1.LossToPar, Cent);
    }

    [Fact]
    public void A_scenarios_market_lever_deepens_the_discount_and_the_depth_it_gives_replaces_the_holdings()
    {
        using var chain = Chain();
        // ThinMarket: H1 at 1 − 30% = 0.7, impact 20% (the holding's) over a 40m depth: k = 0.2 / 40m = 5e-9. The fewest
        // v raising S = 14m solve 0.7 v (1 − k v) = 14m: v = 2S / (0.7 (1 + √(1 − 4 k S / 0.7))) = 28m / (0.7 × (1 +
        // √0.6)) = 22.5403m, within H1's 25m; H2 sells nothing.
        double v = 28e6 / (0.7 * (1 + Math.Sqrt(1 - 4 * 5e-9 * 14e6 / 0.7)));
        Assert.Equal(22.5403e6, v, 100.0);
        Assert.Equal(v, chain.Ledger("Fund", "ThinMarket", "H1 value sold", 1), Cent);
        Assert.Equal(14e6, chain.Ledger("Fund", "ThinMarket", "H1 sale proceeds", 1), Cent);
        Assert.Equal(0, chain.Ledger("Fund", "ThinMarket", "H2 value sold", 1), Cent);
        Assert.Equal(1 - v / 25e6, chain.Ledger("Fund", "ThinMarket", "H1 share held", 1), 9);
    }

    // The fund as above, its margin call met by selling both holdings at once, the same share of each.
    private static SmallChain ProRataChain() => new(
        Fund.Replace("sell H1, H2 to cover Bank.principal", "sell H1, H2 pro_rata to cover Bank.principal", StringComparison.Ordinal),
        ("held.deal", Held));

    [Fact]
    public void A_pro_rata_sale_sells_the_same_share_of_every_holding_the_least_that_covers_the_call()
    {
        using var chain = ProRataChain();
        const string s = "MarkDown";
        // 2027 (t = 1), the same call as in order: S = 14m. H1 has 25m of mark left at 0.9 (impact/depth 0.2 / 10m), H2
        // 15m at 0.8 (no depth). Selling the share x of each raises
        //   25m x × 0.9 × (1 − 0.2 × 25m x / 10m) + 15m x × 0.8 = 34.5m x − 11.25m x²
        // (linear 22.5m + 12m; quadratic 25m² × 0.9 × 0.2 / 10m = 11.25m), which is 14m at the smaller root
        // x = 2 × 14 / (34.5 × (1 + √(1 − 4 × 11.25 × 14 / 34.5²))) = 0.4813510774627.
        const double x = 0.4813510774627;
        Assert.Equal(1 - x, chain.Ledger("Fund", s, "H1 share held", 1), 10);
        Assert.Equal(1 - x, chain.Ledger("Fund", s, "H2 share held", 1), 10);
        // H1 sells 25m x = 12,033,776.94 for 12,033,776.94 × 0.9 × (1 − 0.2 × 12,033,776.94 / 10m) = 8,223,787.07; H2
        // 15m x = 7,220,266.16 for × 0.8 = 5,776,212.93: 14m together.
        Assert.Equal(12_033_776.94, chain.Ledger("Fund", s, "H1 value sold", 1), Cent);
        Assert.Equal(8_223_787.07, chain.Ledger("Fund", s, "H1 sale proceeds", 1), Cent);
        Assert.Equal(7_220_266.16, chain.Ledger("Fund", s, "H2 value sold", 1), Cent);
        Assert.Equal(5_776_212.93, chain.Ledger("Fund", s, "H2 sale proceeds", 1), Cent);
        Assert.Equal(14e6, chain.Ledger("Fund", s, "2 sell H1, H2 pro_rata to cover Bank.principal raised", 1), Cent);
        Assert.Equal(20e6, chain.Ledger("Fund", s, "3 pay Bank.principal paid", 1), Cent);
        // The loss on sale, 3,809,989.87 + 1,444,053.23 = 5,254,043.10, against 14,437,500 for the same call met in
        // order (H1's whole 25m for 11.25m, then 3.4375m of H2 for 2.75m): in order, H1's thin market took the brunt.
        Assert.Equal(5_254_043.10, chain.Ledger("Fund", s, "H1 loss on sale", 1) + chain.Ledger("Fund", s, "H2 loss on sale", 1), Cent);

        // 2028 (t = 2): both pay and are worth 1 − x of before: receipts 8m × 0.5186489 = 4,149,191.38, marks 12,966,223.06
        // and 7,779,733.84, a target of 10,372,978.45, so 20m − that = 9,627,021.55 is due; 4,149,191.38 less 1m of
        // interest leaves S = 6,477,830.17, sold pro rata again.
        Assert.Equal(4_149_191.38, chain.Ledger("Fund", s, "receipts H1", 2) + chain.Ledger("Fund", s, "receipts H2", 2), Cent);
        Assert.Equal(9_627_021.55, chain.Ledger("Fund", s, "Bank principal due", 2), Cent);
        Assert.Equal(6_477_830.17, chain.Ledger("Fund", s, "2 sell H1, H2 pro_rata to cover Bank.principal raised", 2), Cent);
        Assert.Equal(chain.Ledger("Fund", s, "H1 share held", 2), chain.Ledger("Fund", s, "H2 share held", 2), 12);
    }

    [Fact]
    public void A_pro_rata_sale_that_cannot_cover_the_call_sells_what_raises_the_most()
    {
        using var chain = ProRataChain();
        // Crash: the marks fall to 10% in 2027 (t = 1): H1 5m, H2 3m, a target of 4m, so 36m is due; 8m received less 2m
        // of interest leaves S = 30m. Selling share x raises (5m × 0.9 + 3m × 0.8) x − 5m² × 0.9 × 0.2 / 10m x²
        // = 6.9m x − 0.45m x², at most 6.45m at x = 1 (its peak, 6.9 / 0.9 = 7.67, is beyond 1): everything is sold,
        // H1 for 5m × 0.9 × (1 − 0.2 × 5 / 10) = 4.05m and H2 for 3m × 0.8 = 2.4m.
        Assert.Equal(0, chain.Ledger("Fund", "Crash", "H1 share held", 1), 12);
        Assert.Equal(0, chain.Ledger("Fund", "Crash", "H2 share held", 1), 12);
        Assert.Equal(4.05e6, chain.Ledger("Fund", "Crash", "H1 sale proceeds", 1), Cent);
        Assert.Equal(2.4e6, chain.Ledger("Fund", "Crash", "H2 sale proceeds", 1), Cent);

        // CrashThin: the same call with H1's market 1m deep: the quadratic is 5m² × 0.9 × 0.2 / 1m = 4.5m, and the proceeds
        // 6.9m x − 4.5m x² peak at x = 6.9 / 9 = 0.766667 (selling more of both raises less), where they are
        // 6.9m × 0.766667 − 4.5m × 0.766667² = 2.645m: H1 sells 3.833333m for 3.833333m × 0.9 × (1 − 0.2 × 3.833333)
        // = 0.805m and H2 2.3m for 1.84m. H1's thin market holds the sale of H2 back (a fund that would sell more of H2
        // writes 'sell H2 to cover Bank.principal' after the pro-rata step).
        const double x = 6.9 / 9;
        Assert.Equal(1 - x, chain.Ledger("Fund", "CrashThin", "H1 share held", 1), 10);
        Assert.Equal(1 - x, chain.Ledger("Fund", "CrashThin", "H2 share held", 1), 10);
        Assert.Equal(0.805e6, chain.Ledger("Fund", "CrashThin", "H1 sale proceeds", 1), Cent);
        Assert.Equal(1.84e6, chain.Ledger("Fund", "CrashThin", "H2 sale proceeds", 1), Cent);
        Assert.Equal(2.645e6, chain.Ledger("Fund", "CrashThin", "2 sell H1, H2 pro_rata to cover Bank.principal raised", 1), Cent);
    }

    // A call short by less than half a cent: the bank's 8,000,000.003 is due in one sum at the end of the first year,
    // and the holdings pay 5m (H1) + 3m (H2) = 8m, so 0.003 is short: rounding, not money, as a shortfall that small
    // counts as paid (docs/language.md, "Shortfalls under half a cent count as paid").
    private static SmallChain SubCentChain(bool proRata) => new(
        Fund.Replace("balance 40m  coupon 5%  maturity 2030-01-01  target_balance 50% * (H1.value + H2.value)", "balance 8000000.003  coupon 0%  maturity 2027-01-01", StringComparison.Ordinal)
            .Replace("sell H1, H2 to cover", proRata ? "sell H1, H2 pro_rata to cover" : "sell H1, H2 to cover", StringComparison.Ordinal),
        ("held.deal", Held));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_call_short_by_less_than_half_a_cent_sells_nothing(bool proRata)
    {
        using var chain = SubCentChain(proRata);
        // 8,000,000.003 due, 8m available: S = 0.003. Until 2026-12-07 the step sold 0.003 / 0.9 = 0.0033 of H1's 50m
        // mark (pro rata, a share 0.003 / (50m × 0.9 + 30m × 0.8) of each): H1's 'first sale' read 2027-01-01 and its
        // 'share sold' 6.7e-11, a forced sale made of rounding. Now nothing is sold, and the 0.003 left counts as paid.
        var h1 = chain.Of("Fund", "Base").Holdings[0];
        var h2 = chain.Of("Fund", "Base").Holdings[1];
        Assert.Null(h1.FirstSale);
        Assert.Null(h2.FirstSale);
        Assert.Equal(0.0, h1.ShareSold);
        Assert.Equal(0.0, h2.ShareSold);
        Assert.Equal(1.0, chain.Ledger("Fund", "Base", "H1 share held", 0));
        Assert.Equal(0.0, chain.Ledger("Fund", "Base", "H1 value sold", 0));
        Assert.Equal(8e6, chain.Ledger("Fund", "Base", "3 pay Bank.principal paid", 0), Cent);
        Assert.Null(chain.Of("Fund", "Base").Tranches[0].FirstPrincipalShortfall);
    }
}
