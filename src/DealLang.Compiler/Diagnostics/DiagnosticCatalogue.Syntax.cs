using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// DL01xx: syntax and literals, reported while a file is parsed and its syntax tree is built (Parsing/).
public static partial class DiagnosticCatalogue
{
    /// <summary>
    /// DL0101: the text does not follow the grammar (an unexpected token, a missing brace, a character the
    /// language does not use). The message names what was found and what could come instead; parsing goes on,
    /// so one run reports every such place (at most one per line, to hide cascades).
    /// </summary>
    public static Diagnostic SyntaxError(SourceSpan span, string message) =>
        Error("DL0101", span, message);

    /// <summary>
    /// DL0102: a number carries a unit suffix this position does not accept: an unknown one (<c>5q</c>), or a
    /// duration suffix where a value is expected (<c>balance 4y</c>; a duration only makes a value as
    /// <c>6m of debt_service</c>). The message lists the suffixes that are valid here.
    /// </summary>
    public static Diagnostic UnknownUnit(SourceSpan span, string literal, string validSuffixes, string? hint = null) =>
        Error("DL0102", span, hint is null
            ? $"unknown unit in '{literal}'; write the number with one of: {validSuffixes}"
            : $"'{literal}' {hint}; write the number with one of: {validSuffixes}");

    /// <summary>
    /// DL0103: a date literal that is not on the calendar (<c>2025-02-30</c>, month 13). The tree keeps the
    /// nearest valid date so that later checks can go on.
    /// </summary>
    public static Diagnostic InvalidDate(SourceSpan span, string text) =>
        Error("DL0103", span, $"{text} is not a valid date");

    /// <summary>
    /// DL0104: where the grammar needs a length of time (<c>term</c>, <c>renewals N x D</c>,
    /// <c>straight_line D</c>, <c>over trailing D</c>, <c>lag D</c>) the number has a suffix other than
    /// d (days), w (weeks), m (months) or y (years).
    /// </summary>
    public static Diagnostic ExpectedDuration(SourceSpan span, string literal) =>
        Error("DL0104", span, $"expected a duration such as 6m or 4y (d days, w weeks, m months, y years), found '{literal}'");

    /// <summary>
    /// DL0105: a single-valued item is given twice in one declaration (two <c>coupon</c> in a tranche, two
    /// <c>closing</c> in the header). The first one is kept; the message says where it is.
    /// </summary>
    public static Diagnostic DuplicateItem(SourceSpan span, string item, string container, int firstLine) =>
        Error("DL0105", span, string.Create(CultureInfo.InvariantCulture,
            $"'{item}' is given twice in {container} (first at line {firstLine})"));

    /// <summary>
    /// DL0106: a count must be a whole number within range (<c>renewals N x D</c> and
    /// <c>renewals taken N</c> at least 0, <c>seniority N</c> at least 1), and the number written is not.
    /// </summary>
    public static Diagnostic ExpectedWholeNumber(SourceSpan span, string what, string literal, int minimum) =>
        Error("DL0106", span, string.Create(CultureInfo.InvariantCulture,
            $"{what} must be a whole number of at least {minimum}, found '{literal}'"));

    /// <summary>
    /// DL0107: a number too large to hold (more than about 1.8e308 once its unit is applied).
    /// </summary>
    public static Diagnostic NumberOutOfRange(SourceSpan span, string literal) =>
        Error("DL0107", span, $"'{ShortenLiteral(literal)}' is too large a number");

    /// <summary>
    /// DL0108: brackets and operators (<paramref name="expressions"/>), or blocks (<c>if</c> steps, braces), nest
    /// deeper than the compiler follows (hundreds of levels; no real deal comes close). Reported once; the rest of
    /// the file is not read, so nothing can overflow the stack (and nothing else is reported).
    /// </summary>
    public static Diagnostic NestedTooDeeply(SourceSpan span, int limit, bool expressions) =>
        Error("DL0108", span, expressions
            ? string.Create(CultureInfo.InvariantCulture, $"expressions nest more than {limit} levels deep here; simplify the expression")
            : string.Create(CultureInfo.InvariantCulture, $"blocks ('if' steps and braces) nest more than {limit} levels deep here; flatten them"));

    /// <summary>
    /// DL0109: a word that is not a keyword stands where a declaration starts and opens a block
    /// (<c>tranch Loan { ... }</c>, <c>waterfal { ... }</c>, <c>scenaro Stress for Mini { ... }</c>): almost always a
    /// misspelt keyword. The message suggests the closest keyword valid there (<paramref name="suggestion"/>), or
    /// else names the declarations that may stand there. The block is skipped unchecked; the rest of the file is
    /// checked as usual.
    /// </summary>
    public static Diagnostic UnknownDeclaration(SourceSpan span, string word, string? suggestion, IReadOnlyList<string> valid) =>
        Error("DL0109", span, suggestion is not null
            ? $"unknown declaration '{word}'; did you mean '{suggestion}'?"
            : valid.Count == 2
                ? $"unknown declaration '{word}'; expected '{valid[0]}' or '{valid[1]}'"
                : $"unknown declaration '{word}'; expected one of: {string.Join(", ", valid.Select(v => $"'{v}'"))}");

    // A pathological literal (thousands of digits) must not turn a message into a wall of text.
    private static string ShortenLiteral(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");

    /// <summary>
    /// DL0110 (warning): a string holds an invisible control character: C0 (U+0000-U+001F), DEL, C1
    /// (U+0080-U+009F) or a bidirectional override (U+202A-U+202E, U+2066-U+2069). A terminal obeys them, so a
    /// title could clear the screen, forge a line of a report or reorder the text shown; reports print them
    /// escaped (<c>\u001b</c>). The span is the first such character.
    /// </summary>
    public static Diagnostic ControlCharacterInString(SourceSpan span, int codePoint) =>
        Warning("DL0110", span, string.Create(CultureInfo.InvariantCulture,
            $"this string holds the invisible control character U+{codePoint:X4}, which reports print as \\u{codePoint:x4}; remove it"));

    /// <summary>
    /// DL0120: one expression has more terms (operands of its operators) than the compiler accepts (tens of
    /// thousands; a real deal's longest has a handful). Such text comes from a script gone wrong; compiling it
    /// would take minutes. Reported at the expression, which is still checked; nothing is compiled.
    /// </summary>
    public static Diagnostic ExpressionTooLong(SourceSpan span, int terms, int limit) =>
        Error("DL0120", span, string.Create(CultureInfo.InvariantCulture,
            $"this expression has {terms:N0} terms, more than the {limit:N0} the compiler accepts; sum fewer terms, or split them into several fees or tests"));

    /// <summary>
    /// DL0121: a compute-unit literal whose amount has the wrong suffix: a price per unit is money (<c>2.35 per
    /// gpu_hour</c>, <c>30k per gpu</c>), a measure is a bare number (<c>1.2 MW</c>, <c>0.7 kW per gpu</c>); a rate
    /// or a ratio per unit, or money in kW, means nothing the checker could count.
    /// </summary>
    public static Diagnostic BadMeasureAmount(SourceSpan span, string literal, string expected) =>
        Error("DL0121", span, $"'{literal}' is not a quantity DealLang knows: {expected}");

    /// <summary>
    /// DL0130: a length of time longer than 10,000 years (<see cref="MaxDurationYears"/>), the longest DealLang
    /// accepts: no deal runs that long, and the cap keeps month counts within range.
    /// </summary>
    public static Diagnostic DurationTooLong(SourceSpan span, string literal) =>
        Error("DL0130", span, string.Create(CultureInfo.InvariantCulture,
            $"'{ShortenLiteral(literal)}' is longer than {MaxDurationYears:N0} years, the longest duration DealLang accepts"));

    /// <summary>The cap DL0130 enforces, in years (docs/language.md, "Literals and units").</summary>
    public const int MaxDurationYears = 10_000;

    /// <summary>
    /// DL0131: a name holding a letter outside ASCII (<c>tranche Ünï</c>). Names are ASCII letters, digits and
    /// <c>_</c>; the name is still declared as written, so its uses are not reported again, and each such name
    /// is reported once, where it first appears.
    /// </summary>
    public static Diagnostic NonAsciiName(SourceSpan span, string name) =>
        Error("DL0131", span, $"'{ShortenLiteral(name)}' is not a valid name: names are made of ASCII letters, digits and _ (and start with a letter or _)");

    /// <summary>
    /// DL0132: a <c>/*</c> block comment never closed with <c>*/</c>: the rest of the file is comment. Reported
    /// where the comment starts; the errors at the end of the file that it causes are not reported.
    /// </summary>
    public static Diagnostic UnterminatedComment(SourceSpan span) =>
        Error("DL0132", span, "unterminated block comment: this '/*' is never closed with '*/', so the rest of the file is a comment");

    /// <summary>
    /// DL0134 (warning): a money literal (or a bare number, money where it meets money) of <see cref="MaxCentExactMoney"/> or more (2^46, about 70 trillion in the
    /// deal's currency). Money is a double; from 2^46 two neighbouring doubles are more than a cent apart, so the
    /// cents a report prints are no longer exact. No deal is that large: it is almost always a suffix slip
    /// (<c>27300bn</c> for <c>27300m</c>). The deal still compiles and runs.
    /// </summary>
    public static Diagnostic MoneyBeyondCents(SourceSpan span, string literal) =>
        Warning("DL0134", span, string.Create(CultureInfo.InvariantCulture,
            $"'{ShortenLiteral(literal)}' is 70 trillion or more: as money, from 2^46 a double no longer holds a cent, so printed cents are not exact; check the suffix (bn, m, k)"));

    /// <summary>The money DL0134 warns from: 2^46, the smallest double whose next neighbour is more than a cent away.</summary>
    public const double MaxCentExactMoney = 70_368_744_177_664.0;

    /// <summary>
    /// DL0135 (warning): a rate literal (<c>%</c> or <c>bp</c>) of <see cref="MaxPlausibleRate"/> or more, 1000%. Every
    /// rate a deal writes is a coupon, a spread, a share, a price against an index, a growth, a drift or a volatility,
    /// and none comes near ten times what it applies to: it is almost always a slip of the digits or the suffix
    /// (<c>65000%</c>, <c>50000bp</c>). A coupon that large overflows the run's arithmetic, which then shows only as n/a
    /// or a Monte Carlo run stopped (exit 2); the warning names the literal where it is written. The deal still
    /// compiles and runs.
    /// </summary>
    public static Diagnostic RateBeyondTenfold(SourceSpan span, string literal) =>
        Warning("DL0135", span, string.Create(CultureInfo.InvariantCulture,
            $"'{ShortenLiteral(literal)}' is 1000% or more: no coupon, spread, share, price, growth or volatility comes near ten times what it applies to; check the digits and the suffix (% or bp)"));

    /// <summary>The rate DL0135 warns from, as a fraction: 10, that is 1000% (100,000bp).</summary>
    public const double MaxPlausibleRate = 10.0;

    /// <summary>
    /// DL0133 (warning): the file is not valid UTF-8. Each invalid byte sequence is read as U+FFFD; the first
    /// one is reported, with how many there are. The file should be saved as UTF-8.
    /// </summary>
    public static Diagnostic InvalidUtf8(SourceSpan span, int count) =>
        Warning("DL0133", span, count == 1
            ? "this file is not valid UTF-8: the byte here is not a character and is read as U+FFFD; save the file as UTF-8"
            : string.Create(CultureInfo.InvariantCulture,
                $"this file is not valid UTF-8: the byte here and {count - 1} more are not characters and are read as U+FFFD; save the file as UTF-8"));
}
