using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// "Did you mean 'tranche'?": the keyword closest to a misspelt word by Levenshtein distance. Short words get
/// less room, or nearly any two-letter word would be "close" to 'pd', 'to' or 'x'.
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
            int distance = Spelling.Distance(word, keyword, ignoreCase: true);
            if (distance < bestDistance)
            {
                best = keyword;
                bestDistance = distance;
            }
        }

        return best;
    }
}
