using DealLang.Runner.Reports;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Reports;

/// <summary>
/// A deal's strings reach the reports for people (table, Markdown) with every terminal control character
/// escaped: a hostile title cannot clear the screen, set the window title, overwrite a line or reorder text.
/// </summary>
public class ControlCharacterTests
{
    // Clears the screen, homes the cursor, sets the window title (OSC ... BEL), returns to the line start to
    // print over it, then reverses the rest of the line (RLO).
    const string Hostile = "Notes\u001b[2J\u001b[H\u001b]0;pwned\u0007\rFAKE: no loss\u202e)";

    static readonly DealDescription HostileDeal = WithHostileText(Outcomes.Deal);

    static DealDescription WithHostileText(DealDescription d) => new()
    {
        Name = d.Name,
        Title = Hostile,
        Currency = d.Currency,
        Closing = d.Closing,
        Maturity = d.Maturity,
        Frequency = d.Frequency,
        DayCount = d.DayCount,
        Boundaries = d.Boundaries,
        YearFractions = d.YearFractions,
        Parties = [.. d.Parties.Select(p => p with { Rating = p.Rating.Length > 0 ? p.Rating + "\u009b31m\u2066" : "" })],
        Facilities = d.Facilities,
        Leases = d.Leases,
        Tranches = d.Tranches,
        Equities = d.Equities,
        Accounts = d.Accounts,
        Fees = d.Fees,
        Tests = d.Tests,
        Triggers = d.Triggers,
        Sales = d.Sales,
    };

    public static TheoryData<ReportFormat> HumanFormats => new() { ReportFormat.Table, ReportFormat.Markdown };

    static void AssertNoControlCharacters(string text)
    {
        foreach (char c in text)
        {
            Assert.False(DealLang.Runtime.ControlCharacters.Is(c) && c != '\n', $"U+{(int)c:X4} reached the output:\n{text}");
        }
    }

    [Theory]
    [MemberData(nameof(HumanFormats))]
    public void HostileTitleAndRatingsArePrintedEscaped(ReportFormat format)
    {
        var outcomes = ScenarioRunner(HostileDeal);
        string ledger = LedgerReport.Render(HostileDeal, Outcomes.Program.Layout, outcomes[0], format);
        string summary = SummaryReport.Render(HostileDeal, outcomes, format);

        // In Markdown the visible escape is itself escaped (its backslash and brackets), so that it renders as written.
        string Shown(string visible) => format == ReportFormat.Markdown ? MarkdownText.Escape(visible) : visible;
        foreach (string text in new[] { ledger, summary })
        {
            AssertNoControlCharacters(text);
            Assert.Contains(Shown("Notes\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007\\u000dFAKE: no loss\\u202e)"), text, StringComparison.Ordinal);
        }

        Assert.Contains(Shown("BB\\u009b31m\\u2066"), summary, StringComparison.Ordinal);
    }

    // A deal's own words in a Markdown report render as themselves: HTML, emphasis, links, code and table pipes are
    // escaped (a title of '</script><script>…' was HTML in a renderer that passes it through).
    [Theory]
    [InlineData("plain words, 1.25x (50%)", "plain words, 1.25x (50%)")]
    [InlineData("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y")]
    [InlineData("*a* _b_ `c` [d](e) | #f !g \\h", "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| \\#f \\!g \\\\h")]
    [InlineData("ESC\u001b[2J", "ESC\\\\u001b\\[2J")]
    public void MarkdownTextRendersAsWritten(string text, string markdown) =>
        Assert.Equal(markdown, MarkdownText.Escape(text));

    [Fact]
    public void EscapedCellsStillLineUp()
    {
        string table = SummaryReport.Render(HostileDeal, ScenarioRunner(HostileDeal), ReportFormat.Table);
        string[] lines = Outcomes.Lines(table);
        int rule = Array.FindIndex(lines, l => l.StartsWith("---", StringComparison.Ordinal));
        Assert.True(rule > 0);

        // The second column starts at the same place on every line: the label column was measured escaped.
        int secondColumn = lines[rule].IndexOf("  -", StringComparison.Ordinal);
        string? ratingLine = lines.FirstOrDefault(l => l.Contains("\\u2066", StringComparison.Ordinal));
        Assert.NotNull(ratingLine);
        Assert.Equal(' ', ratingLine[secondColumn]);
        Assert.NotEqual(' ', ratingLine[secondColumn + 2]);
    }

    [Theory]
    [InlineData("\u0000", "\\u0000")]
    [InlineData("\u001f", "\\u001f")]
    [InlineData("\u007f", "\\u007f")]
    [InlineData("\u0080", "\\u0080")]
    [InlineData("\u009f", "\\u009f")]
    [InlineData("\u202a\u202e", "\\u202a\\u202e")]
    [InlineData("\u2066\u2069", "\\u2066\\u2069")]
    [InlineData("a\tb", "a\\u0009b")]
    public void EscapeWritesEachControlCharacterVisibly(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text));

    [Theory]
    [InlineData("Beignet Investor LLC - Meta Hyperion campus notes")]
    [InlineData("AA-")]
    [InlineData("Société Générale ½ ü € \u00a0 \u2029")]
    [InlineData(" \u007e\u00a0\u2065\u206a\u2029\u202f")]
    public void OrdinaryTextIsUnchanged(string text) =>
        Assert.Same(text, TerminalText.Escape(text));

    static IReadOnlyList<DealLang.Runner.Running.ScenarioOutcome> ScenarioRunner(DealDescription deal) =>
        DealLang.Runner.Running.ScenarioRunner.RunAll(Outcomes.Program, [ScenarioSpec.AsWritten(deal), FourPeriodProgram.TenantDefaults(deal)]);
}
