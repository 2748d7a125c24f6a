using CsCheck;
using DealLang.Reference.Analytics;
using DealLang.Runner.Analytics;
using Xunit.Abstractions;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>
/// Today's <see cref="Irr.Solve"/> against the solver it replaced (<see cref="BrentIrr"/>, kept as the oracle) over
/// random flows of every family in <see cref="FlowGen"/>: both say "no rate" (NaN) for the same flows, and otherwise
/// agree to <see cref="Tolerance"/> on the annual rate, or, where they differ by more, the new rate is the more
/// exact one: its NPV is no larger in magnitude than the oracle's. That happens where the NPV is flat in the rate:
/// the oracle stops once |NPV| / Σ|a_i| is below 10⁻¹³, which a flat NPV reaches more than 10⁻⁹ from the root
/// (−0.000125 today and 100 in 38 years: the oracle says 43.000363187%, the root is 43.000363000539%, what the
/// new solver returns). The reports print a rate to 10⁻⁴ (0.01%) for people and in full for machines.
/// </summary>
public sealed class IrrOracleTests(ITestOutputHelper output)
{
    /// <summary>Agreement required between the two solvers, on the annual rate.</summary>
    public const double Tolerance = 1e-9;

    const int Iterations = 4000;

    [Fact]
    public void Bonds_agree_with_the_oracle() => Agree(FlowGen.Bond);

    [Fact]
    public void Equity_like_flows_agree_with_the_oracle() => Agree(FlowGen.Equity);

    [Fact]
    public void Losses_down_to_no_rate_agree_with_the_oracle() => Agree(FlowGen.Loss);

    [Fact]
    public void Yields_near_zero_agree_with_the_oracle() => Agree(FlowGen.NearZero);

    [Fact]
    public void Flows_changing_sign_several_times_agree_with_the_oracle() => Agree(FlowGen.MultipleSignChanges, Iterations / 4);

    [Fact]
    public void Flows_out_of_time_order_agree_with_the_oracle() => Agree(FlowGen.Shuffled);

    [Fact]
    public void Times_off_the_day_grid_agree_with_the_oracle() => Agree(FlowGen.OffGrid);

    [Fact]
    public void Rates_above_a_thousand_percent_agree_with_the_oracle() => Agree(FlowGen.HighRate);

    [Fact]
    public void Rates_above_a_thousand_percent_are_the_yield_the_flows_were_priced_at()
    {
        // Each draw is priced at a yield y from 1000% to about 2.7 × 10⁴ (FlowGen.HighRate), its one rate. Up to the
        // 10⁴ ceiling the solve is y to 10⁻¹³ relative (the price is a sum of Math.Pow discounts, each within a few
        // units of the last place: the rate it implies is y to about 10⁻¹⁵); above it, n/a. Within 10⁻¹² of the
        // ceiling either is right: the rounding of the price decides which side of it the flows' rate is.
        int solved = 0, none = 0;
        FlowGen.HighRate.Sample(f =>
        {
            double y = FlowGen.PricedYield(f);
            double rate = Irr.Solve(f.Years, f.Amounts);
            lock (output)
            {
                solved += double.IsNaN(rate) ? 0 : 1;
                none += double.IsNaN(rate) ? 1 : 0;
            }

            if (Math.Abs(y - Irr.HighestRate) <= 1e-12 * Irr.HighestRate)
            {
                return double.IsNaN(rate) || Math.Abs(rate - y) <= 1e-13 * y;
            }

            return y > Irr.HighestRate ? double.IsNaN(rate) : Math.Abs(rate - y) <= 1e-13 * y;
        }, iter: Iterations, print: f => $"{f}\nsolved {Irr.Solve(f.Years, f.Amounts):R}");
        output.WriteLine($"{solved} solved above 1000%, {none} past the ceiling");
        Assert.True(solved > Iterations / 2 && none > 0, $"{solved}, {none}");
    }

    [Fact]
    public void The_families_cover_no_rate_negative_high_and_several_sign_change_cases()
    {
        // The comparison means little if every draw has a plain positive rate: count what the families produce (above
        // 1000%: the oracle's scan carried on to 10⁴, BrentIrr.AboveTheRange).
        int none = 0, negative = 0, veryNegative = 0, nearZero = 0, high = 0;
        FlowGen.Any.Sample(f =>
        {
            double rate = BrentIrr.Solve(f.Years, f.Amounts);
            none += double.IsNaN(rate) ? 1 : 0;
            negative += rate < 0 ? 1 : 0;
            veryNegative += rate < -0.9 ? 1 : 0;
            nearZero += Math.Abs(rate) < 1e-3 ? 1 : 0;
            high += rate > 10.0 ? 1 : 0;
        }, iter: 3000, threads: 1);

        // Each draw is from a random seed: 3,000 of them, so the rarest family (below −90%, about 25 in 1,000: 22-30 in
        // four runs; 62 in 3,000 twice) stands about 4 standard deviations above its bound; 1,000 with a bound of 10 failed a clean-clone CI
        // run at 5d734d0 with 9.
        output.WriteLine($"of 3000: {none} without a rate, {negative} negative, {veryNegative} below -90%, {nearZero} within 0.1% of zero, {high} above 1000%");
        Assert.True(none > 60 && negative > 300 && veryNegative > 30 && nearZero > 60 && high > 150, $"{none}, {negative}, {veryNegative}, {nearZero}, {high}");
    }

    [Fact]
    public void Prepared_times_give_the_same_rate_bit_for_bit()
    {
        // A path that ends early solves over a prefix of the deal's times, prepared once for all of them.
        Gen.Select(FlowGen.Bond, FlowGen.Equity, FlowGen.Loss, Gen.Int[0, 20]).Sample((bond, equity, loss, cut) =>
        {
            foreach (Flows f in new[] { bond, equity, loss })
            {
                var prepared = new FlowTimes([.. f.Years, .. Enumerable.Range(1, 5).Select(k => f.Years[^1] + (k * 0.5))]);
                int n = Math.Max(2, f.Years.Length - cut);
                double direct = Irr.Solve(f.Years.AsSpan(0, n), f.Amounts.AsSpan(0, n));
                double viaPrepared = Irr.Solve(prepared, f.Amounts.AsSpan(0, n));
                if (!direct.Equals(viaPrepared))
                {
                    return false;
                }
            }

            return true;
        }, iter: Iterations / 4);
    }

    void Agree(Gen<Flows> flows, int iterations = Iterations)
    {
        double worst = 0;
        Flows? worstAt = null;
        flows.Sample(f =>
        {
            double expected = BrentIrr.Solve(f.Years, f.Amounts);
            double actual = Irr.Solve(f.Years, f.Amounts);
            if (double.IsNaN(expected) || double.IsNaN(actual))
            {
                return double.IsNaN(expected) && double.IsNaN(actual);
            }

            double gap = Math.Abs(actual - expected);
            lock (output)
            {
                if (gap > worst)
                {
                    (worst, worstAt) = (gap, f);
                }
            }

            // Where the oracle stopped short, the new root must be the more exact: its NPV no larger (the NPV
            // evaluated the oracle's way, a Math.Pow per flow).
            return gap <= Tolerance
                || Math.Abs(Irr.Npv(actual, f.Years, f.Amounts)) <= Math.Abs(Irr.Npv(expected, f.Years, f.Amounts));
        }, iter: iterations, print: f => $"{f}\nold {BrentIrr.Solve(f.Years, f.Amounts):R}, new {Irr.Solve(f.Years, f.Amounts):R}");
        output.WriteLine($"largest difference {worst:E2} at {worstAt}");
    }
}
