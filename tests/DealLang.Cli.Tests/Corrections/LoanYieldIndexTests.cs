namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan sold in enforcement at a yield read from an index (docs/language.md §9, "A loan's market price"):
/// <c>price yield SOFR + 6%</c> prices each loan at the present value of its payments at SOFR's level at the start of the
/// sale period plus the spread, held in [0, 100%]; a scenario moving SOFR (a shift, points, a process) moves the yield, and
/// its <c>enforcement price yield Y</c> replaces the whole yield, index and all.
/// </summary>
public sealed class LoanYieldIndexTests
{
    // Quarterly, 30/360: every year fraction is 0.25, so a yield Y compounded per period discounts a quarter by 1 + Y / 4.
    // Loan: 100m at 10% bullet to 2027-12-31, 2.5m of interest a quarter. The test trips in 2026Q4 (t = 3, whose start
    // is 2026-09-30): the event of default at that period's end, the sale there (lag 0), one year after the closing, with
    // four quarters (2.5m, 2.5m, 2.5m, 102.5m) left. SOFR's level is 4%, so the yield is 4% + 6% = 10%.
    private const string Source = """
        deal Fund {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Cloud   { rating "BB" pd 3%  recovery 45% }
          party Sponsor { }

          index SOFR { level 4% }

          loan Loan { obligor Cloud  balance 100m  coupon 10% fixed  amortize bullet  maturity 2027-12-31 }

          tranche Notes { balance 90m  coupon 5% }
          equity Owners { contributed 10m  holders Sponsor 100% }

          default when Trigger > 0
          test Trigger = if period_start >= 2026-09-30 then 1 else 0
          enforcement { sell Loan price yield SOFR + 6% lag 0m }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Fund { }
        scenario SofrUp for Fund { SOFR shift +2% }
        scenario Lever for Fund {
          SOFR shift +2%
          enforcement price yield 14%
        }
        scenario PointAtStart for Fund { SOFR points stepped { 2026-09-30 6% } }
        scenario PointInside for Fund { SOFR points stepped { 2026-10-01 8% } }
        scenario SofrNegative for Fund { SOFR shift -12% }
        scenario SofrMoves for Fund {
          paths 1
          seed  3
          SOFR reverts to 4% speed 50% per year volatility 4% per year
        }
        """;

    private const int SalePeriod = 3;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    /// <summary>The price of the loan's four quarters left at yield <paramref name="y"/>: 2.5m a quarter and 100m at the
    /// last, each discounted by (1 + y / 4) a quarter.</summary>
    private static double PriceAt(double y)
    {
        double q = 1 + y / 4;
        return 2.5e6 / q + 2.5e6 / (q * q) + 2.5e6 / (q * q * q) + 102.5e6 / (q * q * q * q);
    }

    [Fact]
    public void At_the_index_level_plus_the_spread_equal_to_the_coupon_the_loan_sells_at_par()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // 4% + 6% = 10% = the coupon, paid and discounted quarterly: 2.5% a quarter both ways, so the price is par.
        Assert.Equal(100e6, Deal.Value.Ledger("sale proceeds", SalePeriod, "Base"), 1e-3);
        Assert.Equal(100e6, PriceAt(0.10), 1e-3);
        var price = Deal.Value.Description.Sales[0].Price!;
        Assert.Equal((0.06, null, 0), (price.Yield!.Value, price.Index, price.YieldIndex));
    }

    [Fact]
    public void A_scenario_moving_the_index_moves_the_yield()
    {
        // SOFR shifted to 6%: the yield is 12%, 3% a quarter: 1.03^−4 = 0.888487, the annuity (1 − 1.03^−4) / 0.03 =
        // 3.717098; 2.5m × 3.717098 + 100m × 0.888487 = 9.292746m + 88.848705m = 98.141451m.
        Assert.Equal(98_141_450.80, Deal.Value.Ledger("sale proceeds", SalePeriod, "SofrUp"), 0.01);

        // A point at the sale period's start moves it alike; one inside the period (2026-10-01) does not: the yield reads
        // the level at the period's start (2026-09-30), as a floating coupon does, so the price stays par.
        Assert.Equal(98_141_450.80, Deal.Value.Ledger("sale proceeds", SalePeriod, "PointAtStart"), 0.01);
        Assert.Equal(100e6, Deal.Value.Ledger("sale proceeds", SalePeriod, "PointInside"), 1e-3);
    }

    [Fact]
    public void The_scenarios_yield_replaces_the_whole_yield_index_and_all()
    {
        // 'enforcement price yield 14%' with SOFR shifted too: 14%, not 8% + 6% nor 14% + 8%. 3.5% a quarter:
        // 1.035^−4 = 0.871442, the annuity 3.673079; 2.5m × 3.673079 + 100m × 0.871442 = 9.182698m + 87.144223m = 96.326921m.
        Assert.Equal(96_326_920.79, Deal.Value.Ledger("sale proceeds", SalePeriod, "Lever"), 0.01);
    }

    [Fact]
    public void A_yield_the_index_takes_below_0_is_held_at_0()
    {
        // SOFR shifted to −8%: −8% + 6% = −2%, held at 0%: the plain sum of the payments left, 4 × 2.5m + 100m = 110m.
        Assert.Equal(110e6, Deal.Value.Ledger("sale proceeds", SalePeriod, "SofrNegative"), 1e-3);
    }

    [Fact]
    public void A_path_moving_the_index_moves_the_price()
    {
        // `run` runs the stochastic scenario as its path 0: SOFR follows its Ornstein–Uhlenbeck path from 4%, and the
        // sale reads that path's level at the start of the sale period (the ledger's SOFR in that period), no new draw.
        double level = Deal.Value.Ledger("SOFR", SalePeriod, "SofrMoves");
        Assert.True(Math.Abs(level - 0.04) > 0.005, $"the path should move SOFR, at {level}");
        Assert.Equal(PriceAt(level + 0.06), Deal.Value.Ledger("sale proceeds", SalePeriod, "SofrMoves"), 1e-3);
    }

    [Fact]
    public void The_proceeds_are_collected_and_cash_is_conserved()
    {
        // SmallDeal runs with the cash check on (every period conserves cash, the last leaves nothing). Beyond it: the
        // sale period's collections are the loan's quarter of interest (2.5m) and the proceeds.
        Assert.Equal(2.5e6 + 98_141_450.80, Deal.Value.Ledger("collections", SalePeriod, "SofrUp"), 0.01);
    }
}
