namespace DealLang.Compiler.Diagnostics;

/// <summary>The edit distance behind every "did you mean" (keywords in the parser, names in the binder), in the
/// one place both stages may depend on.</summary>
internal static class Spelling
{
    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions).</summary>
    public static int Distance(string a, string b, bool ignoreCase)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                bool same = ignoreCase
                    ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1])
                    : a[i - 1] == b[j - 1];
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
