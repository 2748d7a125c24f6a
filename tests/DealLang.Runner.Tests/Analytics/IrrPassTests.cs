using DealLang.Reference.Analytics;
using CsCheck;
using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>
/// The log form's first step from x = 0 (<see cref="Irr.Step"/> with <c>fromZero</c>): the quartic's own root, its
/// series reversion to the fifth power of u, which for Hyperion's notes in the <c>Refuted</c> scenario lands close
/// enough to the rate for one pass over the flows to finish the solve where a9213fd's (<see cref="LogIrr"/>, the
/// reversion alone) took two; the rule that a step is the last when the terms it leaves out are below the rate's
/// last bit (Hyperion's Base notes in one pass); and the pieces a pass is made of: the groups' moments by index, four flows at a time
/// (<see cref="FlowMoments"/>), and the discount factors in four chains (<see cref="DiscountChain.Moments"/>).
/// </summary>
public sealed class IrrPassTests
{
    // Hyperion's notes on the Refuted path (examples/hyperion.deal, as PathFigures reads them): bought at par for 27.3bn
    // at closing, a stub coupon, 6.581% a year paid half-yearly, more after the step-up, and what the sale recovered at
    // the end; ACT/365F years from the closing. Rate 5.5308197…% (x = ln 1.0553… = 0.0538328…).
    static readonly double[] Years = [0, 0.08493150684931507, 0.5808219178082191, 1.084931506849315, 1.5808219178082192, 2.084931506849315, 2.5835616438356164, 3.0876712328767124, 3.5835616438356164, 4.087671232876712, 4.583561643835616, 5.087671232876712, 5.583561643835616, 6.087671232876712, 6.586301369863014, 7.090410958904109, 7.586301369863014, 8.09041095890411, 8.586301369863014, 9.09041095890411, 9.586301369863014, 10.09041095890411, 10.58904109589041, 11.093150684931507, 11.58904109589041];

    static readonly double[] Amounts = [-27300000000, 149717749.99999997, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 1252707419.8994515, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994515, 1252707419.8994513, 18390896675.609047, 362458206.74333084, 362458206.74333084, 362458206.74333084, 314337505.4862591, 0, 0, 3220811610.8172097];

    // Hyperion's notes and its equity on the Base path (as PathFigures reads them): the notes bought at par, the coupon
    // and the amortisation to 2049; the equity's 2.45bn at closing, nothing while the reserve fills, then what the
    // waterfall leaves. ACT/365F years from the closing.
    static readonly double[] BaseYears = [0, 0.08493150684931507, 0.5808219178082191, 1.084931506849315, 1.5808219178082192, 2.084931506849315, 2.5835616438356164, 3.0876712328767124, 3.5835616438356164, 4.087671232876712, 4.583561643835616, 5.087671232876712, 5.583561643835616, 6.087671232876712, 6.586301369863014, 7.090410958904109, 7.586301369863014, 8.09041095890411, 8.586301369863014, 9.09041095890411, 9.586301369863014, 10.09041095890411, 10.58904109589041, 11.093150684931507, 11.58904109589041, 12.093150684931507, 12.58904109589041, 13.093150684931507, 13.58904109589041, 14.093150684931507, 14.591780821917808, 15.095890410958905, 15.591780821917808, 16.095890410958905, 16.59178082191781, 17.095890410958905, 17.59178082191781, 18.095890410958905, 18.594520547945205, 19.0986301369863, 19.594520547945205, 20.0986301369863, 20.594520547945205, 21.0986301369863, 21.594520547945205, 22.0986301369863, 22.5972602739726, 23.101369863013698, 23.5972602739726];

    static readonly double[] BaseNotes = [-27300000000, 149717749.99999997, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 1252707419.8994515, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994515, 1252707419.8994513, 1252707419.8994515, 1252707419.8994515, 1252707419.8994517, 1252707419.8994517, 1252707419.8994517, 1252707419.899452, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994524, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994522, 1252707419.8994524, 1252707419.8994524, 1252707419.8994524, 1252707419.8994527, 1252707419.8994527, 1252707419.8994527, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.899453, 1252707419.8994534];

    static readonly double[] BaseEquity = [-2450000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 81205146.72501922, 397256526.11235905, 397436526.11235857, 430332817.9913962, 430512817.99139595, 464063435.7080133, 464243435.7080128, 498461465.77896285, 498641465.77896285, 533540256.4513314, 533720256.45133114, 569313422.9371476, 569493422.9371476, 605794852.7526803, 605974852.7526804, 642998711.1645236, 643178711.1645231, 680939446.7446039, 681119446.7446039, 719631797.0362854, 719811797.0362854, 759090794.3338007, 759270794.3338006, 799331771.5772665, 799511771.577266, 840370368.365601, 840550368.3656012, 882222537.0897024, 882402537.0897026, 924904549.1882865, 925084549.1882864, 968433001.5288422, 968613001.5288422, 1012824822.916209, 1013004822.916209, 2395564883.729844];

    [Fact]
    public void The_quartics_root_from_zero_lands_within_reach_of_the_rate()
    {
        double x = Math.Log(1.0 + LogIrr.Solve(Years, Amounts));
        int changes = Irr.Scan(Years, Amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        Assert.True(valid);
        Assert.Equal(1, changes);
        Assert.Equal(1, split); // the price at closing, then every flow back

        // The step to u⁴ (what later steps take) is off by about 1.1e-6 here; the first step's extra term, to u⁵, by
        // about 1.1e-7: the evaluation after it is the last.
        double shorter = Irr.Step(before, after, 0.0, out bool last);
        double first = Irr.Step(before, after, 0.0, out bool lastFirst, fromZero: true);
        Assert.False(last);
        Assert.False(lastFirst); // a step of 5% leaves out far more than a bit
        Assert.InRange(Math.Abs(shorter - x), 1e-6, 1e-5);
        Assert.InRange(Math.Abs(first - x), 0, 2e-7);

        // It is the documented series for the quartic's root, u − δ + p δ² − q δ³ + r δ⁴ = 0, to the fifth power of u
        // (docs/language.md, "IRR and BEY"): δ = u (1 + p u + (2p² − q) u² + (5p³ − 5pq + r) u³
        // + (14p⁴ − 21p² q + 6pr + 3q²) u⁴), here u ≈ 0.0522, p ≈ 0.531, q ≈ −0.302.
        double inverseA = 1.0 / before.W0, inverseB = 1.0 / after.W0;
        double meanA = before.W1 * inverseA, meanB = after.W1 * inverseB;
        double varianceA = (before.W2 * inverseA) - (meanA * meanA), varianceB = (after.W2 * inverseB) - (meanB * meanB);
        double skewA = (before.W3 * inverseA) - (meanA * ((3 * varianceA) + (meanA * meanA)));
        double skewB = (after.W3 * inverseB) - (meanB * ((3 * varianceB) + (meanB * meanB)));
        double kurtosisA = Fourth(before, meanA) - (3 * varianceA * varianceA);
        double kurtosisB = Fourth(after, meanB) - (3 * varianceB * varianceB);
        double c1 = meanB - meanA;
        double u = Math.Log(-after.W0 / before.W0) / c1, p = 0.5 * (varianceB - varianceA) / c1, q = (skewB - skewA) / (6 * c1);
        double r = (kurtosisB - kurtosisA) / (24 * c1);
        double series = u * (1 + (p * u) + (((2 * p * p) - q) * u * u) + (((5 * p * ((p * p) - q)) + r) * u * u * u)
            + (((14 * p * p * p * p) - (21 * p * p * q) + (6 * p * r) + (3 * q * q)) * u * u * u * u));
        Assert.Equal(0.0522, u, 1e-4);
        Assert.Equal(0.531, p, 1e-3);
        Assert.Equal(-0.302, q, 1e-3);
        Assert.Equal(series, first, 1e-15);

        // The fourth central moment about the group's mean, from its raw moments.
        static double Fourth(GroupMoments g, double mean) =>
            (g.W4 / g.W0) - (4 * mean * g.W3 / g.W0) + (6 * mean * mean * g.W2 / g.W0) - (3 * mean * mean * mean * mean);
    }

    [Fact]
    public void Hyperions_refuted_notes_are_a9213fds_rate_in_one_pass()
    {
        double expected = LogIrr.Solve(Years, Amounts);
        double actual = SolveCountingPasses(new FlowTimes(Years), Amounts, 1); // a9213fd's took two from the reversion's step
        Assert.Equal(0.0553081972728526, actual, 1e-15);
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Max(1.0, Math.Abs(expected)), $"a9213fd {expected:R}, today {actual:R}");
        Assert.Equal(actual, Irr.Solve(Years, Amounts)); // prepared or not, the same bits
    }

    [Fact]
    public void A_step_whose_left_out_terms_are_below_the_last_bit_is_the_last()
    {
        // Hyperion's Base notes: the first step lands about 2e-6 from the rate, too far to stop (2e-6 to the fifth power
        // times the series' scale is not below a bit); the step from there leaves out about 64 |u| (S |u|)⁴ < 1e-19, so
        // it is the last: one evaluation, where 1515619's rule (a step under 1e-6) took a second. The rate is the exact
        // one to within a few units of the last place (6.68587883027392264…%, the NPV's root in 60-digit arithmetic).
        var prepared = new FlowTimes(BaseYears);
        double notes = SolveCountingPasses(prepared, BaseNotes, 1);

        // The equity's first step is about 2.6e-4 off (a rate of 16%, flows over 24 years): the step from there leaves
        // out about 1e-15, so a second evaluation, whose step is the last. 17.37088922358112776…% exactly.
        double equity = SolveCountingPasses(prepared, BaseEquity, 2);
        Assert.Equal(0.066858788302739226, notes, 2e-16);
        Assert.Equal(0.17370889223581128, equity, 2e-16);
        Assert.Equal(notes, Irr.Solve(BaseYears, BaseNotes)); // prepared or not, the same bits
        Assert.Equal(equity, Irr.Solve(BaseYears, BaseEquity));
    }

    [Fact]
    public void Flows_before_and_after_the_change_are_the_groups_at_zero()
    {
        // −100 at 0, 0 at 1, 30 at 2 and 90 at 3 (one change, at index 2, a zero before it):
        // before: W = −100 + 0 = −100, Σ W τ^k = 0 (τ = 0) and 0 × 1 = 0;
        // after: W = 30 + 90 = 120, Σ W τ = 60 + 270 = 330, Σ W τ² = 120 + 810 = 930, Σ W τ³ = 240 + 2430 = 2670,
        // Σ W τ⁴ = 480 + 7290 = 7770.
        int changes = Irr.Scan([0.0, 1.0, 2.0, 3.0], [-100.0, 0.0, 30.0, 90.0], out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        Assert.True(valid);
        Assert.Equal(1, changes);
        Assert.Equal(2, split);
        Assert.Equal(new GroupMoments(-100.0, 0.0, 0.0, 0.0, 0.0), before);
        Assert.Equal(new GroupMoments(120.0, 330.0, 930.0, 2670.0, 7770.0), after);

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

    [Fact]
    public void Eight_rates_at_once_are_each_rates_value_bit_for_bit()
    {
        // DiscountChain.Values, the grid scan's evaluation (flows that change sign more than once), against Evaluate at
        // each rate alone: the same sign at every grid point is what keeps the scan's brackets, and so every rate it
        // returns, as they were. Any flows FlowGen draws (on whole days, off the grid, long and short), prepared as a
        // path's are; eight rates anywhere in the solver's range, all on one side of 0 (the chains side by side) or
        // straddling it (each alone).
        var lanes = Gen.Double[-9.3, 9.3].Array[DiscountChain.Lanes];
        Gen.Select(FlowGen.Any, lanes, Gen.Bool).Sample((flows, rates, oneSide) =>
        {
            var order = flows.Years.Select((t, i) => (t, i)).OrderBy(p => p.t).ThenBy(p => p.i).ToArray();
            double[] years = [.. order.Select(p => p.t)];
            double[] amounts = [.. order.Select(p => flows.Amounts[p.i])];
            double[] x = oneSide ? [.. rates.Select(Math.Abs)] : rates;
            var prepared = new FlowTimes(years);
            var chain = new DiscountChain(
                years, amounts, prepared.Slots, prepared.Gaps, new double[DiscountChain.MaxGaps], new double[years.Length], onGrid: prepared.OffGridFrom >= years.Length);
            var values = new double[DiscountChain.Lanes];
            chain.Values(x, values);
            for (int j = 0; j < DiscountChain.Lanes; j++)
            {
                chain.Evaluate(x[j], out double alone, out _);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(alone) == BitConverter.DoubleToInt64Bits(values[j]),
                    $"rate {j} (x = {x[j]:R}): {values[j]:R} at once, {alone:R} alone");
            }
        }, iter: 2000);
    }

    // The rate over times prepared once, checking in a Debug build (which counts them) the passes over the flows after
    // the scan's; a Release build has no counter.
    static double SolveCountingPasses(FlowTimes times, double[] amounts, int passes)
    {
#if DEBUG
        DiscountChain.Passes = 0;
#endif
        double rate = Irr.Solve(times, amounts);
#if DEBUG
        Assert.Equal(passes, DiscountChain.Passes);
#else
        _ = passes;
#endif
        return rate;
    }

    static GroupMoments Direct(double[] t, double[] a, double[] d, double origin, int from, int to)
    {
        double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
        for (int i = from; i < to; i++)
        {
            double w = a[i] * d[i], tau = t[i] - origin;
            w0 += w;
            w1 += w * tau;
            w2 += w * tau * tau;
            w3 += w * tau * tau * tau;
            w4 += w * tau * tau * tau * tau;
        }

        return new GroupMoments(w0, w1, w2, w3, w4);
    }
}
