using DealLang.Reference.Analytics;
using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>
/// The log form's first step from x = 0 (<see cref="Irr.Step"/> with <c>fromZero</c>): the cubic's own root, its series
/// reversion to the fifth power of u, which for Hyperion's notes in the <c>Refuted</c> scenario lands close
/// enough to the rate for one pass over the flows to finish the solve where a9213fd's (<see cref="LogIrr"/>, the
/// reversion alone) took two; and the pieces a pass is made of: the groups' moments by index, four flows at a time
/// (<see cref="FlowMoments"/>), and the discount factors in four chains (<see cref="DiscountChain.Moments"/>).
/// </summary>
public sealed class IrrPassTests
{
    // Hyperion's notes on the Refuted path (examples/hyperion.deal, as PathFigures reads them): bought at par for 27.3bn
    // at closing, a stub coupon, 6.581% a year paid half-yearly, more after the step-up, and what the sale recovered at
    // the end; ACT/365F years from the closing. Rate 5.5308197…% (x = ln 1.0553… = 0.0538328…).
    static readonly double[] Years = [0, 0.08493150684931507, 0.5808219178082191, 1.084931506849315, 1.5808219178082192, 2.084931506849315, 2.5835616438356164, 3.0876712328767124, 3.5835616438356164, 4.087671232876712, 4.583561643835616, 5.087671232876712, 5.583561643835616, 6.087671232876712, 6.586301369863014, 7.090410958904109, 7.586301369863014, 8.09041095890411, 8.586301369863014, 9.09041095890411, 9.586301369863014, 10.09041095890411, 10.58904109589041, 11.093150684931507, 11.58904109589041];

    static readonly double[] Amounts = [-27300000000, 149717749.99999997, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 1252707419.8994515, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994515, 1252707419.8994513, 18390896675.609047, 362458206.74333084, 362458206.74333084, 362458206.74333084, 314337505.4862591, 0, 0, 3220811610.8172097];

    [Fact]
    public void The_cubic_root_from_zero_lands_within_reach_of_the_rate_where_the_reversion_does_not()
    {
        double x = Math.Log(1.0 + LogIrr.Solve(Years, Amounts));
        int changes = Irr.Scan(Years, Amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        Assert.True(valid);
        Assert.Equal(1, changes);
        Assert.Equal(1, split); // the price at closing, then every flow back

        // The reversion (to u³) is off by about 1.3e-5: its pass's step would be over ConvergedLog, and a second pass
        // needed; the cubic's root to u⁵ is off by about 5e-8, under it.
        double reversion = Irr.Step(before, after);
        double cubic = Irr.Step(before, after, fromZero: true);
        Assert.InRange(Math.Abs(reversion - x), 2 * Irr.ConvergedLog, 1e-4);
        Assert.InRange(Math.Abs(cubic - x), 0, Irr.ConvergedLog / 2);

        // It is the documented series for the cubic's root, u − δ + p δ² − q δ³ = 0, to the fifth power of u
        // (docs/language.md, "IRR and BEY"): δ = u (1 + p u + (2p² − q) u² + 5p (p² − q) u³ + (14p⁴ − 21p² q + 3q²) u⁴),
        // here u ≈ 0.0522, p ≈ 0.531, q ≈ −0.302.
        double inverseA = 1.0 / before.W0, inverseB = 1.0 / after.W0;
        double meanA = before.W1 * inverseA, meanB = after.W1 * inverseB;
        double varianceA = (before.W2 * inverseA) - (meanA * meanA), varianceB = (after.W2 * inverseB) - (meanB * meanB);
        double skewA = (before.W3 * inverseA) - (meanA * ((3 * varianceA) + (meanA * meanA)));
        double skewB = (after.W3 * inverseB) - (meanB * ((3 * varianceB) + (meanB * meanB)));
        double c1 = meanB - meanA;
        double u = Math.Log(-after.W0 / before.W0) / c1, p = 0.5 * (varianceB - varianceA) / c1, q = (skewB - skewA) / (6 * c1);
        double series = u * (1 + (p * u) + (((2 * p * p) - q) * u * u) + (5 * p * ((p * p) - q) * u * u * u)
            + (((14 * p * p * p * p) - (21 * p * p * q) + (3 * q * q)) * u * u * u * u));
        Assert.Equal(0.0522, u, 1e-4);
        Assert.Equal(series, cubic, 1e-15);
    }

    [Fact]
    public void Hyperions_refuted_notes_are_a9213fds_rate_in_one_pass()
    {
        double expected = LogIrr.Solve(Years, Amounts);
        var prepared = new FlowTimes(Years);
#if DEBUG
        DiscountChain.Passes = 0;
#endif
        double actual = Irr.Solve(prepared, Amounts);
#if DEBUG
        Assert.Equal(1, DiscountChain.Passes); // a9213fd's took two from the reversion's step
#endif
        Assert.Equal(0.0553081972728526, actual, 1e-15);
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Max(1.0, Math.Abs(expected)), $"a9213fd {expected:R}, today {actual:R}");
        Assert.Equal(actual, Irr.Solve(Years, Amounts)); // prepared or not, the same bits
    }

    [Fact]
    public void Flows_before_and_after_the_change_are_the_groups_at_zero()
    {
        // −100 at 0, 0 at 1, 30 at 2 and 90 at 3 (one change, at index 2, a zero before it):
        // before: W = −100 + 0 = −100, Σ W τ^k = 0 (τ = 0) and 0 × 1 = 0;
        // after: W = 30 + 90 = 120, Σ W τ = 60 + 270 = 330, Σ W τ² = 120 + 810 = 930, Σ W τ³ = 240 + 2430 = 2670.
        int changes = Irr.Scan([0.0, 1.0, 2.0, 3.0], [-100.0, 0.0, 30.0, 90.0], out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        Assert.True(valid);
        Assert.Equal(1, changes);
        Assert.Equal(2, split);
        Assert.Equal(new GroupMoments(-100.0, 0.0, 0.0, 0.0), before);
        Assert.Equal(new GroupMoments(120.0, 330.0, 930.0, 2670.0), after);

        // A second change (a flow of the first sign after the split): no moments, and still valid.
        Assert.Equal(2, Irr.Scan([0.0, 1.0, 2.0], [-100.0, 150.0, -40.0], out valid, out _, out _, out _));
        Assert.True(valid);

        // A NaN amount: invalid, whatever its place.
        Irr.Scan([0.0, 1.0, 2.0, 3.0, 4.0], [-100.0, 10.0, double.NaN, 10.0, 90.0], out valid, out _, out _, out _);
        Assert.False(valid);
    }

    [Fact]
    public void The_groups_moments_four_at_a_time_are_the_sums_one_by_one()
    {
        // Integers, so every sum is exact in any order: 11 flows (two blocks of four and three after them), split at 6.
        double[] times = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] amounts = [-5, -3, 0, -2, -1, -4, 2, 0, 7, 1, 3];
        double[] discounts = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
        double nonFinite = FlowMoments.Sum(times, amounts, discounts, 1.0, 6, out GroupMoments before, out GroupMoments after);
        Assert.Equal(0.0, nonFinite);
        Assert.Equal(Direct(times, amounts, discounts, 1.0, 0, 6), before);
        Assert.Equal(Direct(times, amounts, discounts, 1.0, 6, 11), after);
        Assert.True(double.IsNaN(FlowMoments.Sum(times, [.. amounts[..10], double.PositiveInfinity], default, 0.0, 6, out _, out _)));
        Assert.Equal(6, FlowMoments.IndexOfSign(amounts, negative: false)); // the 2 at 6
        Assert.Equal(-1, FlowMoments.IndexOfSign(amounts.AsSpan(6), negative: true));
    }

    [Theory]
    [InlineData(0.07)]
    [InlineData(-0.4)]
    public void The_four_chains_discount_every_flow_as_its_exponential_does(double x)
    {
        // Half-years of 181 to 184 days (four entries in the table), 1 to 13 flows: the chains' start, their blocks of
        // four and the flows after them, forward (x ≥ 0, from the first flow) and backward (from the last).
        var start = new DateOnly(2025, 1, 15);
        for (int n = 1; n <= 13; n++)
        {
            double[] years = [.. Enumerable.Range(0, n).Select(i => (start.AddMonths(6 * i).DayNumber - start.DayNumber) / 365.0)];
            double[] amounts = [.. Enumerable.Range(0, n).Select(i => i == 0 ? -100.0 : 7.0 + i)];
            var prepared = new FlowTimes(years);
            var factors = new double[DiscountChain.MaxGaps];
            var discounts = new double[n];
            var chain = new DiscountChain(years, amounts, prepared.Slots, prepared.Gaps, factors, discounts, onGrid: prepared.OffGridFrom >= n);
            chain.Moments(x, Math.Min(1, n), out GroupMoments before, out GroupMoments after);
            double origin = x >= 0 ? years[0] : years[^1];
            for (int i = 0; i < n; i++)
            {
                double exact = Math.Exp(-x * (years[i] - origin));
                Assert.True(Math.Abs(discounts[i] - exact) <= 1e-15 * (i + 1) * exact, $"{n} flows, flow {i}: {discounts[i]:R} against {exact:R}");
            }

            Assert.Equal(amounts[0] * discounts[0], before.W0, 1e-12);
            Assert.Equal(Enumerable.Range(1, n - 1).Sum(i => amounts[i] * discounts[i]), after.W0, 1e-12);
        }
    }

    static GroupMoments Direct(double[] t, double[] a, double[] d, double origin, int from, int to)
    {
        double w0 = 0, w1 = 0, w2 = 0, w3 = 0;
        for (int i = from; i < to; i++)
        {
            double w = a[i] * d[i], tau = t[i] - origin;
            w0 += w;
            w1 += w * tau;
            w2 += w * tau * tau;
            w3 += w * tau * tau * tau;
        }

        return new GroupMoments(w0, w1, w2, w3);
    }
}
