using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Semantics;

/// <summary>"Did you mean" candidates: the closest name within Levenshtein distance 2 (first one wins a tie,
/// so suggestions follow declaration order and are stable).</summary>
internal static class NameSuggestions
{
    public const int MaxDistance = 2;

    public static string? Closest(string? name, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        string? best = null;
        int bestDistance = MaxDistance + 1;
        foreach (string candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                continue;
            }

            int d = Spelling.Distance(name, candidate, ignoreCase: false);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }
}
