using CsCheck;
using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>
/// A tranche's flows formed with their scan in one pass (<see cref="TrancheFlows.Form"/>, what
/// <c>PathFigures.Read</c> solves a tranche's IRR from): the flows, the draws' and the WAL's sums and the IRR's scan
/// each what the separate passes make, bit for bit, so the rate from the caller's scan (<see cref="Irr.SolveScanned"/>,
/// <see cref="InvestorIrr.SolveScanned"/>) is the solver's own; and the investor IRR over prepared times, whose
/// nothing-back test reads the scan's sum of what came back, the unprepared figure in every case of a total loss.
/// </summary>
public sealed class TrancheFlowsTests
{
    static readonly DateOnly Closing = new(2025, 1, 15);

    // A tranche's rows on a path: interest, principal, a convertible's shares and draws, each row a generator. A draw
    // or a share paid is rare; a flow not finite rarer; zeros often (a period with nothing paid).
    static readonly Gen<double> Amount = Gen.Frequency(
        (6, Gen.Double[0.0, 2e8]), (3, Gen.Const(0.0)), (1, Gen.Double[0.0, 0.004]), (1, Gen.Double[0.0, 3e9]));

    static readonly Gen<double> Rare = Gen.Frequency(
        (12, Gen.Const(0.0)), (2, Gen.Double[0.0, 5e8]), (1, Gen.OneOf(Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity))));

    // A delayed draw: drawn in its first periods (a flow below 0 where the draw is over what the period pays), then
    // as rarely as any other.
    static readonly Gen<Rows> AnyRows =
        from periods in Gen.Int[0, 30]
        from drawing in Gen.Frequency((2, Gen.Const(0)), (1, Gen.Int[0, 8]))
        from interest in Amount.Array[periods]
        from principal in Amount.Array[periods]
        from shares in Rare.Array[periods]
        from early in Gen.Double[0.0, 5e8].Array[Math.Min(drawing, periods)]
        from later in Rare.Array[periods - Math.Min(drawing, periods)]
        from price in Gen.OneOf(Gen.Const(1.0), Gen.Const(0.985), Gen.Const(0.0))
        from balance in Gen.OneOf(Gen.Const(1e9), Gen.Const(27.3e9), Gen.Const(0.0))
        select new Rows(interest, principal, shares, [.. early, .. later], price, balance);

    [Fact]
    public void The_flows_and_their_scan_are_the_separate_passes_bit_for_bit()
    {
        // Any rows: 0 to 30 periods (fewer than four, the lanes and the flows after them), with zeros, draws early or
        // rarely (bought at the price: a flow below 0, before the first flow back or after it), shares, flows that are not
        // finite, and a price at closing of 0 (nothing funded then). Half-yearly period ends after a month's stub, as
        // Hyperion's (gaps in the table).
        AnyRows.Sample(rows =>
        {
            int n = rows.Interest.Length;
            double[] times = [0.0, .. Enumerable.Range(0, n).Select(t => (Closing.AddMonths(1 + (6 * t)).DayNumber - Closing.DayNumber) / 365.0)];
            double opening = -rows.Price * rows.Balance;
            double[] amounts = new double[n + 1];
            amounts[0] = opening;
            bool scanned = TrancheFlows.Form(times, amounts, rows.Interest, rows.Principal, rows.Shares, rows.Drawn, rows.Price,
                out double draws, out double weighted, out double repaid, out int split, out GroupMoments before, out GroupMoments after);

            // The loop PathFigures.Read ran before, flow after flow.
            double expectedDraws = 0, expectedWeighted = 0, expectedRepaid = 0;
            for (int t = 0; t < n; t++)
            {
                double expected = rows.Interest[t] + rows.Principal[t] + rows.Shares[t] - (rows.Price * rows.Drawn[t]);
                Assert.Equal(Bits(expected), Bits(amounts[t + 1]));
                expectedDraws += rows.Drawn[t];
                expectedWeighted += times[t + 1] * rows.Principal[t];
                expectedRepaid += rows.Principal[t];
            }

            Assert.Equal(Bits(opening), Bits(amounts[0]));
            Assert.Equal(Bits(expectedDraws), Bits(draws));
            Assert.Equal(Bits(expectedWeighted), Bits(weighted));
            Assert.Equal(Bits(expectedRepaid), Bits(repaid));

            // The scan: made exactly when the solver's own finds the flows valid, changing sign once, from below 0; then
            // its split and groups are the pass's, bit for bit.
            int changes = Irr.Scan(times, amounts, out bool valid, out int scannedSplit, out GroupMoments first, out GroupMoments then);
            Assert.Equal(changes == 1 && valid && first.W0 < 0, scanned);
            var prepared = new FlowTimes(times);
            double unprepared = InvestorIrr.Solve(times, amounts);
            Assert.Equal(Bits(unprepared), Bits(InvestorIrr.Solve(prepared, amounts)));
            if (scanned)
            {
                Assert.Equal(scannedSplit, split);
                Assert.Equal(Moments(first), Moments(before));
                Assert.Equal(Moments(then), Moments(after));
                Assert.Equal(Bits(unprepared), Bits(InvestorIrr.SolveScanned(prepared, amounts, split, before, after)));
                Assert.Equal(Bits(Irr.Solve(times, amounts)), Bits(Irr.SolveScanned(prepared, amounts, 1, split, before, after)));
            }
        }, iter: 4000);
    }

    [Fact]
    public void Hyperions_refuted_notes_from_their_rows_are_the_solvers_rate()
    {
        // The notes of IrrPassTests (27.3bn at par, 24 half-years): every flow after the price is interest here, so the
        // WAL has no principal (NaN) and the rate is the flows' own, 5.5308197…%.
        double[] years = [0.08493150684931507, 0.5808219178082191, 1.084931506849315, 1.5808219178082192, 2.084931506849315, 2.5835616438356164, 3.0876712328767124, 3.5835616438356164, 4.087671232876712, 4.583561643835616, 5.087671232876712, 5.583561643835616, 6.087671232876712, 6.586301369863014, 7.090410958904109, 7.586301369863014, 8.09041095890411, 8.586301369863014, 9.09041095890411, 9.586301369863014, 10.09041095890411, 10.58904109589041, 11.093150684931507, 11.58904109589041];
        double[] interest = [149717749.99999997, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 898306499.9999999, 1252707419.8994515, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994513, 1252707419.8994515, 1252707419.8994513, 18390896675.609047, 362458206.74333084, 362458206.74333084, 362458206.74333084, 314337505.4862591, 0, 0, 3220811610.8172097];
        double[] none = new double[years.Length];
        double[] times = [0.0, .. years];
        double[] amounts = new double[times.Length];
        amounts[0] = -27.3e9;
        Assert.True(TrancheFlows.Form(times, amounts, interest, none, none, none, 1.0,
            out double draws, out _, out double repaid, out int split, out GroupMoments before, out GroupMoments after));
        Assert.Equal(0.0, draws);
        Assert.Equal(0.0, repaid);
        Assert.Equal(interest, amounts[1..]);
        Assert.Equal(1, split);
        Assert.Equal(new GroupMoments(-27.3e9, 0, 0, 0, 0), before);
        double rate = InvestorIrr.SolveScanned(new FlowTimes(times), amounts, split, before, after);
        Assert.Equal(0.0553081972728526, rate, 1e-15);
        Assert.Equal(Bits(Irr.Solve(times, amounts)), Bits(rate));
    }

    [Theory]
    // 10⁹ paid in at closing and one amount back 20 years later (ACT/365F: 7,305 days, 20.0137 years), r = (back /
    // 10⁹)^(1 / 20.0137) − 1:
    // 0.004 back: −72.6% in range, but under half a cent came back, a total loss: −100% (the nothing-back test's pass);
    [InlineData(0.004, -1.0)]
    // 0.007: (7 × 10⁻¹²)^(1/20.0137) − 1 = e^(−25.685 / 20.0137) − 1 = −72.29%, half a cent or more back: the rate (the
    // scan's sum under a cent, so the test's pass decides);
    [InlineData(0.007, -0.7229)]
    // 0.02: e^(−24.635 / 20.0137) − 1 = −70.80%, a cent or more back: the rate, no pass;
    [InlineData(0.02, -0.7080)]
    // nothing back: one sign, no rate, a total loss;
    [InlineData(0.0, -1.0)]
    // 3 × 10⁹: e^(ln 3 / 20.0137) − 1 = +5.64%.
    [InlineData(3e9, 0.0564)]
    public void Over_prepared_times_a_total_loss_is_what_it_is_unprepared(double back, double expected)
    {
        double end = (Closing.AddYears(20).DayNumber - Closing.DayNumber) / 365.0;
        double[] times = [0.0, 10.0, end];
        double[] amounts = [-1e9, 0.0, back];
        double prepared = InvestorIrr.Solve(new FlowTimes(times), amounts);
        Assert.Equal(Bits(InvestorIrr.Solve(times, amounts)), Bits(prepared));
        Assert.Equal(expected, prepared, 1e-4);
    }

    [Fact]
    public void Flows_that_change_sign_twice_or_are_not_finite_are_what_they_are_unprepared()
    {
        // −100, +230, −132 a year apart: NPV = −100 + 230 v − 132 v², v = 1 / (1 + r), zero at v = (230 ± √(52900 −
        // 52800)) / 264 = (230 ± 10) / 264: v = 0.9091 (r = 10%) or 0.8333 (r = 20%); the one nearer 10% is 10%.
        double[] times = [0.0, 1.0, 2.0];
        double[] twice = [-100.0, 230.0, -132.0];
        var prepared = new FlowTimes(times);
        Assert.Equal(0.1, InvestorIrr.Solve(prepared, twice), 1e-12);
        Assert.Equal(Bits(InvestorIrr.Solve(times, twice)), Bits(InvestorIrr.Solve(prepared, twice)));

        // A NaN: no rate and no total loss; no flows: none either.
        double[] notFinite = [-100.0, double.NaN, 120.0];
        Assert.True(double.IsNaN(InvestorIrr.Solve(prepared, notFinite)));
        Assert.True(double.IsNaN(InvestorIrr.Solve(prepared, [])));
        Assert.Throws<ArgumentException>(() => InvestorIrr.Solve(prepared, [-1.0, 1.0, 1.0, 1.0]));
    }

    static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    static long[] Moments(GroupMoments g) => [Bits(g.W0), Bits(g.W1), Bits(g.W2), Bits(g.W3), Bits(g.W4)];

    sealed record Rows(double[] Interest, double[] Principal, double[] Shares, double[] Drawn, double Price, double Balance);
}
