namespace DealLang.Compiler.Semantics;

/// <summary>
/// The rating scales a party's <c>rating</c> is read on when a tranche's margin depends on it (docs/language.md §5
/// "tranche", "Margin by what a draw funds"): S&amp;P/Fitch (<c>AAA</c> … <c>BBB-</c> investment grade; <c>BB+</c> …
/// <c>D</c>, <c>SD</c>, <c>RD</c> not) and Moody's (<c>Aaa</c> … <c>Baa3</c>; <c>Ba1</c> … <c>C</c>), as written by
/// the agencies (case matters: <c>Aaa</c> is Moody's, <c>AAA</c> S&amp;P's); <c>NR</c> (not rated, the default) and
/// <c>WR</c> (withdrawn) are not investment grade. Surrounding spaces are ignored.
/// </summary>
internal static class CreditRatings
{
    private static readonly HashSet<string> InvestmentGrade = new(StringComparer.Ordinal)
    {
        "AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-",
        "Aaa", "Aa1", "Aa2", "Aa3", "A1", "A2", "A3", "Baa1", "Baa2", "Baa3",
    };

    private static readonly HashSet<string> SpeculativeGrade = new(StringComparer.Ordinal)
    {
        "BB+", "BB", "BB-", "B+", "B", "B-", "CCC+", "CCC", "CCC-", "CC", "C", "RD", "SD", "D",
        "Ba1", "Ba2", "Ba3", "B1", "B2", "B3", "Caa1", "Caa2", "Caa3", "Ca",
        "NR", "WR",
    };

    /// <summary>True for BBB-/Baa3 or better, false below (or not rated), null for a string on neither scale.</summary>
    public static bool? IsInvestmentGrade(string? rating)
    {
        string r = (rating ?? "NR").Trim();
        return InvestmentGrade.Contains(r) ? true : SpeculativeGrade.Contains(r) ? false : null;
    }
}
