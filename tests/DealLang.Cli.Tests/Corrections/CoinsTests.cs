using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 11, item 4: a crypto miner's coins (docs/language.md §5 "coins") — its mining margin in a period, switched off
/// when the coins do not pay for the power, a coin sale covering a shortfall into a market with a price impact, and the
/// coins' value read by a test — and a contract's termination fee amortising to a floor at two dates, each computed
/// by hand.
/// </summary>
public sealed class CoinsTests
{
    // Quarterly from 2026-01-01 (30/360 for the notes; a miner counts actual hours: Q1 is 90 days = 2,160 hours,
    // Q2 91 days = 2,184 hours, Q3 92 days = 2,208 hours). BTC is 100k a coin, stepped to 20k from 2026-05-01 in
    // 'Crash', so Q3 (from 2026-07-01) reads 20k. Power is 0.05 per kWh.
    private const string Source = """
        deal Miner {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Owner { }
          index BTC   { level 100k per coin }
          index Power { level 0.05 per kWh }

          coins Bitcoin {
            holdings    1000 coins
            price       BTC
            hashrate    10 EH/s
            network     800 EH/s
            rewards     450 coins per day
            power       200 MW
            power_price Power
            depth       500 coins
            impact      10%
          }

          tranche Notes { balance 100m  coupon 8% fixed  amortize linear }
          equity  Eq    { contributed 10m  holders Owner 100% }

          test CoinLtv  = Notes.balance / Bitcoin.value
          test Margin   = Bitcoin.revenue
          test Units    = Bitcoin.units

          waterfall {
            pay Notes.interest
            sell Bitcoin to cover Notes.principal
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Miner { }

        scenario Crash for Miner {
          BTC points stepped { 2026-05-01 20k per coin }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void MiningMarginInAPeriodIsTheHashrateShareOfTheRewardsAtThePriceLessPower_Issue11()
    {
        // Q1: 10 / 800 × 18.75 coins an hour × 2,160 hours = 506.25 coins × 100k = 50,625,000;
        // power 200,000 kW × 2,160 h × 0.05 = 21,600,000; margin 29,025,000.
        Assert.Equal(29_025_000, Deal.Ledger("mining Bitcoin", 0, "Base"), 1e-6);
        Assert.Equal(29_025_000, Deal.Ledger("Margin", 0, "Base"), 1e-6);
        // Q2 (2,184 h): 511.875 coins × 100k − 200,000 × 2,184 × 0.05 = 51,187,500 − 21,840,000 = 29,347,500.
        Assert.Equal(29_347_500, Deal.Ledger("mining Bitcoin", 1, "Base"), 1e-6);
        // The notes' LTV on the coins' value at the period's start: 100m / (1,000 × 100k) = 1.0x.
        Assert.Equal(1.0, Deal.Ledger("CoinLtv", 0, "Base"), 12);
        // No sale: the margin pays interest (2m) and principal (25m) in full.
        Assert.Equal(0, Deal.Ledger("2 sell Bitcoin to cover Notes.principal raised", 0, "Base"));
        Assert.Equal(1000, Deal.Ledger("Bitcoin coins held", 3, "Base"));
    }

    [Fact]
    public void MiningSwitchesOffWhenTheCoinsDoNotPayForThePower_Issue11()
    {
        // Q3 in Crash: 10 / 800 × 18.75 × 2,208 = 517.5 coins × 20k = 10.35m < power 200,000 × 2,208 × 0.05 = 22.08m:
        // switched off, nothing mined, nothing collected (never a negative margin).
        Assert.Equal(0, Deal.Ledger("mining Bitcoin", 2, "Crash"));
        Assert.Equal(0, Deal.Ledger("Margin", 2, "Crash"));
        Assert.Equal(0, Deal.Ledger("collections", 2, "Crash") - Deal.Ledger("2 sell Bitcoin to cover Notes.principal raised", 2, "Crash"), 6);
    }

    [Fact]
    public void ACoinSaleCoversTheShortfallAfterThePriceImpact_Issue11()
    {
        // Crash: Q2 starts on 2026-04-01, before the step to 20k, so it reads 100k and pays its way. Q3 reads 20k:
        // mining is off, nothing is collected, the interest on the 50m left (50m × 8% × 0.25 = 1m) goes unpaid, and
        // principal due is 25m: the shortfall S = 25m − 0 at 20k a coin, k = impact / depth = 10% / 500 = 0.0002.
        // The most the market pays is at q = 0.5 / k = 2,500 coins > the 1,000 held, so at most 1,000 coins:
        // 1,000 × 20k × (1 − 0.0002 × 1,000) = 16m < 25m: all 1,000 coins are sold, for 16m.
        Assert.Equal(16_000_000, Deal.Ledger("2 sell Bitcoin to cover Notes.principal raised", 2, "Crash"), 1e-6);
        Assert.Equal(1000, Deal.Ledger("Bitcoin coins sold", 2, "Crash"), 9);
        Assert.Equal(0, Deal.Ledger("Bitcoin coins held", 2, "Crash"));
        Assert.Equal(16_000_000, Deal.Ledger("3 pay Notes.principal paid", 2, "Crash"), 1e-6);
        // The proceeds are a collection (the cash check holds), not a cfads receipt.
        Assert.Equal(16_000_000, Deal.Ledger("collections", 2, "Crash"), 1e-6);
        // The coins' value at Q3's start: 1,000 × 20k = 20m; LTV 50m / 20m = 2.5x. Q4: none left, n/a.
        Assert.Equal(2.5, Deal.Ledger("CoinLtv", 2, "Crash"), 12);
        Assert.True(double.IsNaN(Deal.Ledger("CoinLtv", 3, "Crash")));

        CoinsSummary coins = Deal.Outcomes["Crash"].Coins.Single();
        Assert.Equal((1000.0, 0.0), (coins.Sold, coins.HeldAtEnd));
        Assert.Equal(16_000_000, coins.Proceeds, 1e-6);
        Assert.Equal(new DealLang.Runtime.Date(2026, 10, 1), coins.FirstSale);
        // Mining margin over the run: Q1 29,025,000 + Q2 29,347,500 (Q3 and Q4 off at 20k).
        Assert.Equal(58_372_500, coins.Mining, 1e-6);
    }

    [Fact]
    public void A_shortfall_of_less_than_half_a_cent_sells_no_coins()
    {
        // Notes of 116,100,000.012 at 0%, linear over the four quarters: Q1's principal due is 29,025,000.003, and
        // Q1's margin (above) is 29,025,000: S = 0.003, rounding, which 'pay Notes.principal' counts as paid. Until
        // 2026-12-07 the step sold for any S above 0: 0.003 / 100k = 3e-8 coins, and the summary read a first sale.
        var deal = new SmallDeal(Source.Replace("balance 100m  coupon 8% fixed", "balance 116100000.012  coupon 0% fixed", StringComparison.Ordinal));
        Assert.Equal(29_025_000.003, deal.Ledger("Notes principal due", 0, "Base"), 1e-6);
        Assert.Equal(0, deal.Ledger("2 sell Bitcoin to cover Notes.principal raised", 0, "Base"));
        Assert.Equal(0, deal.Ledger("Bitcoin coins sold", 0, "Base"));
        CoinsSummary coins = deal.Outcomes["Base"].Coins.Single();
        Assert.Equal(0.0, coins.Sold);
        Assert.Null(coins.FirstSale);
        Assert.Null(deal.Outcomes["Base"].Tranches[0].FirstPrincipalShortfall);
    }

    [Fact]
    public void AnExactCoverSellsTheSmallerRootOfTheImpactQuadratic_Issue11()
    {
        // A shortfall the market can cover: 5m at 20k a coin, k = 0.0002. q = 2S / (P (1 + sqrt(1 − 4kS/P)))
        // = 10m / (20k × (1 + sqrt(1 − 4 × 0.0002 × 250))) = 10m / (20k × (1 + sqrt(0.8))) = 263.932 coins;
        // check: 263.932 × 20k × (1 − 0.0002 × 263.932) = 5,278,640 × 0.947214 = 5,000,000.
        double q = DealLang.Runtime.CoinSale.CoinsToSell(5e6, 20_000, 1000, 500, 0.10);
        Assert.Equal(263.93202250021, q, 9);
        Assert.Equal(5e6, DealLang.Runtime.CoinSale.Proceeds(q, 20_000, 500, 0.10), 1e-6);
        // Without an impact, S / P: 250 coins; with too few coins, all of them.
        Assert.Equal(250, DealLang.Runtime.CoinSale.CoinsToSell(5e6, 20_000, 1000, 0, 0));
        Assert.Equal(100, DealLang.Runtime.CoinSale.CoinsToSell(5e6, 20_000, 100, 500, 0.10));
        // Beyond what the market pays at most (q = depth / (2 × impact) = 2,500 coins: 2,500 × 20k × 0.5 = 25m), the
        // most it pays: 2,500 coins for a 30m shortfall with 10,000 held.
        Assert.Equal(2500, DealLang.Runtime.CoinSale.CoinsToSell(30e6, 20_000, 10_000, 500, 0.10), 9);
    }

    // A hosting contract whose 13m termination fee amortises to 7.42m over 2026-01-01 → 2028-01-01 (730 days); its
    // customer's recovery is 30%.
    private const string FeeSource = """
        deal Host {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Lab   { recovery 30% }
          party Owner { }
          fleet Hosted { units 1000 gpus  unit_cost 25k per gpu  depreciate straight_line 5y }
          contract Hosting on Hosted {
            customer Lab  units 1000 gpus  price 2.00 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 2y  termination_fee 13m amortising to 7.42m
          }
          tranche Loan { balance 1m  coupon 6% }
          equity  Eq   { contributed 25m  holders Owner 100% }
          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario EarlyDefault for Host { Lab defaults on 2026-04-01 }
        scenario LateDefault for Host { Lab defaults on 2027-07-01 }
        """;

    [Fact]
    public void ATerminationFeeAmortisesToItsFloorAtTwoDates_Issue11()
    {
        var deal = new SmallDeal(FeeSource);
        // 2026-04-01: 640 of 730 days left: 7.42m + (13m − 7.42m) × 640/730 = 7.42m + 4,892,054.79 = 12,312,054.79;
        // × 30% = 3,693,616.44, received in the period ending on 2026-04-01 (period 0).
        Assert.Equal(3_693_616.438356, deal.Ledger("termination fee Hosting", 0, "EarlyDefault"), 1e-3);
        // 2027-07-01: 184 days left: 7.42m + 5.58m × 184/730 = 7.42m + 1,406,465.75 = 8,826,465.75; × 30% =
        // 2,647,939.73, in the period ending on 2027-07-01 (period 5).
        Assert.Equal(2_647_939.726027, deal.Ledger("termination fee Hosting", 5, "LateDefault"), 1e-3);
        Assert.Equal(2_647_939.726027, deal.Outcomes["LateDefault"].Contracts.Single().TerminationFee, 1e-3);
    }
}
