namespace DealLang.Compiler.Parsing;

/// <summary>
/// "Did you mean 'tranche'?": the keyword closest to a misspelt word by Levenshtein distance. Short words get
/// less room, or nearly any two-letter word would be "close" to 'pd', 'to' or 'x'.
/// (The binder has its own copy for names; the parser should not reach into the semantic stage.)
/// </summary>
internal static class KeywordSuggestions
{
    /// <summary>The closest of <paramref name="keywords"/> within distance 2 (1 for a three-letter word, none
    /// for shorter ones); the first one wins a tie, so suggestions are stable. Case is ignored: 'Tranche'
    /// suggests 'tranche'.</summary>
    public static string? Closest(string word, IEnumerable<string> keywords)
    {
        int maxDistance = word.Length switch
        {
            < 3 => 0,
            3 => 1,
            _ => 2,
        };

        string? best = null;
        int bestDistance = maxDistance + 1;
        foreach (string keyword in keywords)
        {
            int distance = Distance(word, keyword);
            if (distance < bestDistance)
            {
                best = keyword;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions), ignoring case.</summary>
    public static int Distance(string a, string b)
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
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
