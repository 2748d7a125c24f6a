namespace DealLang.Runtime;

/// <summary>Period lengths and names of <see cref="Frequency"/> values.</summary>
public static class Frequencies
{
    public static int MonthsPerPeriod(Frequency f) => f switch
    {
        Frequency.Monthly => 1,
        Frequency.Quarterly => 3,
        Frequency.Semiannual => 6,
        Frequency.Annual => 12,
        _ => throw Unknown(f),
    };

    public static int PeriodsPerYear(Frequency f) => 12 / MonthsPerPeriod(f);

    /// <summary>The DSL spelling: monthly, quarterly, semiannual, annual.</summary>
    public static string Name(Frequency f) => f switch
    {
        Frequency.Monthly => "monthly",
        Frequency.Quarterly => "quarterly",
        Frequency.Semiannual => "semiannual",
        Frequency.Annual => "annual",
        _ => throw Unknown(f),
    };

    /// <summary>Accepts exactly the names <see cref="Name"/> produces, in any letter case.</summary>
    public static bool TryParse(string? text, out Frequency f)
    {
        foreach (Frequency candidate in (ReadOnlySpan<Frequency>)[Frequency.Monthly, Frequency.Quarterly, Frequency.Semiannual, Frequency.Annual])
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                f = candidate;
                return true;
            }
        }

        f = default;
        return false;
    }

    private static ArgumentOutOfRangeException Unknown(Frequency f) => new(nameof(f), f, "Unknown frequency.");
}
