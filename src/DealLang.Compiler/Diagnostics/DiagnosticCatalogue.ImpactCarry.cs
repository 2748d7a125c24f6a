namespace DealLang.Compiler.Diagnostics;

// A repo market's impact carried from one month to the next ('impact 20% half_life 3m', docs/language.md §9): DL0557
// its half-life, DL0558 a half-life with no impact to carry. A 'half_life' on a sale of anything but one fleet, or
// without a depth, is the repo market's DL0464 or DL0465: it is one of the market's terms. A coin spread sale's
// half-life ('over 3 periods half_life 3m', "coin-impact-carry") is checked by the same two codes.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0557: a half-life of the price impact that is not a whole number of months above 0 (the carry is
    /// stepped a month at a time): <paramref name="what"/> names the term, <paramref name="why"/> says what is wrong.</summary>
    public static Diagnostic HalfLifeNotWholeMonths(SourceSpan span, string what, string why) =>
        Error("DL0557", span, $"{what} {why}");

    /// <summary>DL0558: a half-life with no impact to carry: on a sale whose market has no impact (or 0%), or in a
    /// scenario of a deal none of whose sales carries its impact.</summary>
    public static Diagnostic HalfLifeWithoutImpact(SourceSpan span, string what, string why) =>
        Error("DL0558", span, $"{what}, but {why}");
}
