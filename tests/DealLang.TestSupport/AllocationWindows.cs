using Xunit;

namespace DealLang.TestSupport;

/// <summary>
/// Measures "this code allocates nothing" in up to a few windows of the same work, and passes when one window
/// allocates no byte on the current thread.
/// </summary>
/// <remarks>
/// Why not one window: <c>GC.GetAllocatedBytesForCurrentThread</c> also counts what the runtime itself allocates on the
/// thread — tiered compilation's rejit, a type initialised for the first time — and under the whole suite's load in a
/// clean-clone CI run such a one-off landed inside single windows (6,720 bytes in ChainMonteCarloTests, fixed in
/// 957d79a1 with three windows; 888 bytes over 100 adds in PathSummariesTests), which no run alone reproduced. Code
/// that allocates, even a byte, allocates in every window, so it still fails; a one-off of the runtime's does not
/// recur in the next window. Warm the code up before measuring, as before: the windows are no warm-up.
/// </remarks>
public static class AllocationWindows
{
    /// <summary>Runs <paramref name="window"/> (given the window's number, from 0) in up to <paramref name="tries"/>
    /// windows, stopping after the first that allocates nothing; returns the bytes each window allocated.</summary>
    public static IReadOnlyList<long> Measure(Action<int> window, int tries = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tries, 1);
        var bytes = new List<long>(tries); // sized now: adding to it never allocates between the reads
        for (int w = 0; w < tries; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            window(w);
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            if (bytes[w] == 0)
            {
                break;
            }
        }

        return bytes;
    }

    /// <inheritdoc cref="Measure(Action{int}, int)"/>
    public static IReadOnlyList<long> Measure(Action window, int tries = 3) => Measure(_ => window(), tries);

    /// <summary>Fails, listing every window's bytes, unless one of up to <paramref name="tries"/> windows of
    /// <paramref name="window"/> allocates nothing; returns how many windows ran (for tests that count the work
    /// done).</summary>
    /// <param name="what">The window's work, for the message: "bytes allocated in each window of {what}: …".</param>
    public static int AssertOneAllocatesNothing(string what, Action<int> window, int tries = 3)
    {
        IReadOnlyList<long> bytes = Measure(window, tries);
        Assert.True(bytes[^1] == 0, $"bytes allocated in each window of {what}: {string.Join(", ", bytes)}");
        return bytes.Count;
    }

    /// <inheritdoc cref="AssertOneAllocatesNothing(string, Action{int}, int)"/>
    public static int AssertOneAllocatesNothing(string what, Action window, int tries = 3) =>
        AssertOneAllocatesNothing(what, _ => window(), tries);
}
