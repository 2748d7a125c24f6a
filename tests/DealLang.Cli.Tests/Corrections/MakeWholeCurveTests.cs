using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A make-whole on a Treasury curve (docs/language.md §5, "The make-whole price"): <c>make_whole curve { 6m UST6M  2y
/// UST2Y  5y UST5Y } + 50bp</c> reads the curve's rate at the time from the redemption to the first call date, linear
/// between the points around it and flat beyond the ends, each point's index at the call period's start, plus the
/// spread. Each figure by hand; the runs check that cash is conserved every period.
/// </summary>
public sealed class MakeWholeCurveTests
{
    // CallScheduleTests' notes (semiannual 2026-01-01 → 2031-01-01, 30/360; 100m at 8%, callable at 104% from
    // 2028-01-01, 102% from 2029-01-01, par from 2030-01-01), the make-whole on a curve of three points.
    private const string Source = """
        deal Refi {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      semiannual
          daycount 30/360

          index UST6M { level 3.5% }
          index UST2Y { level 5% }
          index UST5Y { level 6% }

          party Tenant { recovery 0% }
          party Owner  { }
          facility Site { cost 500m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2026-01-01  term 5y }

          tranche Notes {
            balance 100m
            coupon  8% fixed
            callable from 2028-01-01 at 104%, from 2029-01-01 at 102%, from 2030-01-01 at 100% make_whole curve { 6m UST6M  2y UST2Y, 5y UST5Y } + 50bp
          }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario OneYear for Refi { Notes called on 2027-01-01 }
        scenario HalfYear for Refi { Notes called on 2027-07-01 }
        scenario Closing for Refi { Notes called on 2026-07-01 }
        scenario LongEnd for Refi {
          UST6M level 2%
          Notes called on 2027-01-01
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void A_year_before_the_first_call_the_rate_is_a_third_of_the_way_from_6m_to_2y()
    {
        // Called in period 1 (paid 2027-01-01), a year before 2028-01-01 (30/360: τ = 1): between 6m (3.5%) and 2y (5%),
        // w = (1 − 0.5) / (2 − 0.5) = 1/3: 3.5% + 1.5% / 3 = 4%, plus 50bp: y = 4.5%, CallScheduleTests' one rate. The
        // make-whole 0.04 / 1.0225 + 1.08 / 1.0225² = 0.039120 + 1.032992 = 107.21122%.
        Assert.Equal(1.0721121945, Deal.Value.Ledger("Notes call price", 1, "OneYear"), 10);
        Assert.Equal(7_211_219.45, Deal.Value.Ledger("Notes redemption premium", 1, "OneYear"), 0.01);
    }

    [Fact]
    public void Half_a_year_before_it_the_shortest_point_and_before_the_first_tenor_flat()
    {
        // Called in period 2 (paid 2027-07-01), τ = 0.5 = the 6m tenor: 3.5% + 50bp = 4%, 1.02 a half-year: the coupon of
        // period 3 and 104% on 2028-01-01, (0.04 + 1.04) / 1.02 = 105.88235%.
        Assert.Equal(1.08 / 1.02, Deal.Value.Ledger("Notes call price", 2, "HalfYear"), 10);
    }

    [Fact]
    public void From_the_closing_the_rate_is_between_the_6m_and_2y_points_at_a_year_and_a_half()
    {
        // Called in period 0 (paid 2026-07-01), τ = 1.5: w = (1.5 − 0.5) / 1.5 = 2/3, 3.5% + 1% = 4.5%, y = 5%, 1.025 a
        // half-year: 0.04 / 1.025 + 0.04 / 1.025² + 1.08 / 1.025³ = 0.039024 + 0.038073 + 1.002887 = 1.0799843.
        double expected = (0.04 / 1.025) + (0.04 / (1.025 * 1.025)) + (1.08 / Math.Pow(1.025, 3));
        Assert.Equal(1.0799843, expected, 7);
        Assert.Equal(expected, Deal.Value.Ledger("Notes call price", 0, "Closing"), 10);
    }

    [Fact]
    public void Each_point_is_its_own_index_as_a_scenario_sets_it()
    {
        // UST6M at 2%: at τ = 1, 2% + (5% − 2%) / 3 = 3%, y = 3.5%, 1.0175: 0.04 / 1.0175 + 1.08 / 1.0175² = 0.039312 +
        // 1.043170 = 108.24816%.
        double expected = (0.04 / 1.0175) + (1.08 / (1.0175 * 1.0175));
        Assert.Equal(1.0824816, expected, 7);
        Assert.Equal(expected, Deal.Value.Ledger("Notes call price", 1, "LongEnd"), 10);
    }

    [Theory]
    [InlineData(0.25, 0.035)] // before the first tenor: flat at it
    [InlineData(0.5, 0.035)]
    [InlineData(1.25, 0.0425)] // halfway from 6m to 2y
    [InlineData(3.5, 0.055)] // halfway from 2y to 5y
    [InlineData(7.0, 0.06)] // beyond the last: flat at it
    public void The_curve_is_linear_between_its_points_and_flat_beyond(double tau, double rate) =>
        Assert.Equal(rate, MakeWhole.Interpolate([0.5, 2.0, 5.0], [0.035, 0.05, 0.06], tau), 12);

    [Fact]
    public void A_point_that_is_not_available_prices_at_par()
    {
        // An n/a rate (NaN) makes the rate n/a, and the make-whole price par (MakeWhole.Price's rule for one rate).
        double rate = MakeWhole.Interpolate([0.5, 2.0], [double.NaN, 0.05], 1.0);
        Assert.True(double.IsNaN(rate));
        Date[] b = [new(2026, 1, 1), new(2026, 7, 1), new(2027, 1, 1), new(2027, 7, 1), new(2028, 1, 1)];
        Assert.Equal(1.0, MakeWhole.Price(rate, 0.08, 1.04, new Date(2028, 1, 1), 1, b, DayCount.Thirty360));
    }
}
