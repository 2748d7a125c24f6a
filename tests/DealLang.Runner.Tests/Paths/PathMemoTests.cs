using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>A path source reuses what earlier paths into the same buffers computed from the same numbers
/// (PathMemo: market-rent powers, rescaled rents, a default's cut rent, stressed values). Whatever the order of
/// the paths, each must come out as the memo-free building (<see cref="PathBuilder.Build"/>) makes it, bit for bit:
/// a rate, a default date or a stress that changes must never let a kept number through.</summary>
public sealed class PathMemoTests
{
    // Leases at market and not, starting on different days (their lease years reset on different dates) and on the
    // same day (they share resets), two lessees.
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party("A"), TestDeals.Party("B", recovery: 0.3)],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
        leases:
        [
            Lease(0, new Date(2026, 2, 15), atMarket: true, escalator: 0.02),
            Lease(1, new Date(2026, 2, 15), atMarket: true, escalator: 0.01),
            Lease(0, new Date(2027, 7, 3), atMarket: true, escalator: 0.03),
            Lease(1, new Date(2028, 11, 29), atMarket: false, escalator: 0.02),
        ]);

    static LeaseInfo Lease(int lessee, Date start, bool atMarket, double escalator) =>
        new("L", 0, lessee, 4e8, escalator, start, 48, 4, 48, atMarket, new Date(2040, 1, 1), 28e9);

    static ScenarioSpec Scenario(DealDescription deal, string name, int?[] renewals, double rate, Date? defaultA, ValueStress stress) =>
        new(name, renewals, [stress], rate, [defaultA, null], null, null);

    static ScenarioSpec[] Scenarios(DealDescription deal)
    {
        var drop = new ValueStress(0.05, 0.3, new Date(2032, 1, 1));
        return
        [
            Scenario(deal, "A", [1, 4, 2, 3], 0.03, new Date(2038, 6, 15), drop),
            // A's numbers under another name: every memo hits.
            Scenario(deal, "A again", [1, 4, 2, 3], 0.03, new Date(2038, 6, 15), new ValueStress(0.05, 0.3, new Date(2032, 1, 1))),
            // Same rate, more renewals taken: the rescaled rows must be extended, not read past what was filled.
            Scenario(deal, "More renewals", [4, 4, 4, 4], 0.03, null, drop),
            // Same rate, another default date: the cut rent must be recomputed.
            Scenario(deal, "Earlier default", [4, 4, 4, 4], 0.03, new Date(2036, 3, 1), drop),
            // Another rate: every power and row recomputed.
            Scenario(deal, "Other rate", [1, 4, 2, 3], 0.031, new Date(2038, 6, 15), drop),
            // No market move at all, then the first rate again.
            Scenario(deal, "Flat", [1, 4, 2, 3], 0.0, new Date(2038, 6, 15), ValueStress.None),
            Scenario(deal, "Back to A", [1, 4, 2, 3], 0.03, new Date(2038, 6, 15), drop),
            // The stress's drop date alone changes.
            Scenario(deal, "Other drop", [0, 1, 2, 3], 0.03, new Date(2038, 6, 15), new ValueStress(0.05, 0.3, new Date(2033, 1, 1))),
            Scenario(deal, "Deflate only", [0, 1, 2, 3], -0.02, new Date(2026, 1, 1), new ValueStress(0.05, 0.0, null)),
        ];
    }

    [Fact]
    public void EveryPathInAnyOrderIsTheMemoFreeBuildingBitForBit()
    {
        var deal = Deal();
        ScenarioSpec[] scenarios = Scenarios(deal);
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var actual = new PathInputs(deal);
        var expected = new PathInputs(deal);

        // Forwards, backwards and interleaved, so each path follows paths that share some numbers and not others.
        int n = scenarios.Length;
        int[] order = [.. Enumerable.Range(0, n), .. Enumerable.Range(0, n).Reverse(), .. Enumerable.Range(0, n).Select(i => (i * 4) % n), 0, 0];
        foreach (int path in order)
        {
            source.Fill(path, actual);
            PathBuilder.Build(deal, scenarios[path], expected);
            AssertBitIdentical(expected, actual, scenarios[path].Name);
        }
    }

    [Fact]
    public void BuffersOfTheirOwnKeepMemosOfTheirOwn()
    {
        // Two buffers filled alternately with paths at different rates: neither may see the other's powers.
        var deal = Deal();
        ScenarioSpec[] scenarios = Scenarios(deal);
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var first = new PathInputs(deal);
        var second = new PathInputs(deal);
        var expected = new PathInputs(deal);
        for (int i = 0; i < 3; i++)
        {
            source.Fill(0, first);
            source.Fill(4, second);
        }

        PathBuilder.Build(deal, scenarios[0], expected);
        AssertBitIdentical(expected, first, "A");
        PathBuilder.Build(deal, scenarios[4], expected);
        AssertBitIdentical(expected, second, "Other rate");
    }

    [Fact]
    public void BuffersFilledByTwoSourcesInTurnFindEachItsOwnMemo()
    {
        // A source keeps its memo on the buffers it fills (PathInputs.SourceMemo) and looks there first: another source
        // filling the same buffers in between must not have its memo taken for the first one's (here the two sources'
        // path 0 differ in rate, default date and stress, so a borrowed memo would let another path's numbers through).
        var deal = Deal();
        ScenarioSpec[] scenarios = Scenarios(deal);
        var one = new ScenarioPaths(new DealPaths(deal), scenarios);
        var other = new ScenarioPaths(new DealPaths(deal), [.. scenarios.Reverse()]);
        var shared = new PathInputs(deal);
        var expected = new PathInputs(deal);
        for (int i = 0; i < 3; i++)
        {
            one.Fill(0, shared);
            PathBuilder.Build(deal, scenarios[0], expected);
            AssertBitIdentical(expected, shared, "A, by the first source");
            other.Fill(0, shared);
            PathBuilder.Build(deal, scenarios[^1], expected);
            AssertBitIdentical(expected, shared, "Deflate only, by the second source");
        }
    }

    [Fact]
    public void ALesseesDefaultIsTheMemosRowSharedAndRecutForAnotherDay()
    {
        // Lease 2's lessee A defaults inside its term (2038-06-15, two renewals taken: to 2039-07-03): the rent row is
        // the memo's, cut on that day, shared by the buffers rather than copied into their own row; filled again on the
        // same day the buffers point at the same row, on another day at a row recut for it (the memo-free building's
        // numbers both times, EveryPathInAnyOrder… above).
        var deal = Deal();
        ScenarioSpec[] scenarios = Scenarios(deal);
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var inputs = new PathInputs(deal);
        double[] own = inputs.LeaseRent[2];
        source.Fill(0, inputs);
        double[] cut = inputs.LeaseRent[2];
        Assert.NotSame(own, cut);
        Assert.Same(cut, inputs.Series[inputs.Layout.IndexOf(InputQuantity.LeaseRent, 2)]);
        source.Fill(1, inputs); // the same day, rate and renewals under another name
        Assert.Same(cut, inputs.LeaseRent[2]);

        var expected = new PathInputs(deal);
        source.Fill(3, inputs); // "Earlier default": 2036-03-01, four renewals taken
        PathBuilder.Build(deal, scenarios[3], expected);
        AssertBitIdentical(expected, inputs, "Earlier default");
        Assert.Equal(0.0, inputs.LeaseRent[2][^1]); // cut: nothing after the default's period
    }

    static void AssertBitIdentical(PathInputs expected, PathInputs actual, string scenario)
    {
        for (int s = 0; s < expected.Series.Length; s++)
        {
            for (int t = 0; t < expected.Series[s].Length; t++)
            {
                long e = BitConverter.DoubleToInt64Bits(expected.Series[s][t]);
                long a = BitConverter.DoubleToInt64Bits(actual.Series[s][t]);
                Assert.True(e == a, $"{scenario}: series {s}, period {t}: {expected.Series[s][t]:R} expected, {actual.Series[s][t]:R} filled\n{string.Join(" ", expected.Series[s])}\n{string.Join(" ", actual.Series[s])}");
            }
        }

        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(
            expected.Scalars.Select(BitConverter.DoubleToInt64Bits),
            actual.Scalars.Select(BitConverter.DoubleToInt64Bits));
    }
}
