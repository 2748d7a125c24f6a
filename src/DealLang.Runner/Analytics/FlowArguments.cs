namespace DealLang.Runner.Analytics;

/// <summary>Checks shared by the analytics that take flows as parallel (years, amounts) spans.</summary>
static class FlowArguments
{
    public static void RequireSameLength(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        // Parallel spans of different lengths are always a caller's bug; silently truncating
        // would produce a plausible-looking wrong number.
        if (years.Length != amounts.Length)
        {
            throw new ArgumentException(
                $"Expected one time per amount, got {years.Length} times and {amounts.Length} amounts.",
                nameof(amounts));
        }
    }
}
