using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// A deal file with terminal control characters (tests/corpus/malformed/160: a title that clears the screen and
/// sets the window title, a rating with a right-to-left override) is warned about at check (DL0110), and nothing
/// the CLI prints for people carries such a character raw.
/// </summary>
public class ControlCharacterTests
{
    private static readonly string Hostile = Path.Combine(RepoPaths.Root, "tests", "corpus", "malformed", "160-control-characters-in-strings.deal");

    private static void AssertPrintable(string text)
    {
        foreach (char c in text)
        {
            Assert.False(DealLang.Runtime.ControlCharacters.Is(c) && c != '\n', $"U+{(int)c:X4} reached the terminal:\n{text}");
        }
    }

    [Fact]
    public void Check_warns_at_each_string_with_a_control_character()
    {
        var outcome = CliHarness.Run("check", Hostile);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Contains("(5,32): warning DL0110: this string holds the invisible control character U+001B", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("(12,29): warning DL0110: this string holds the invisible control character U+202E", outcome.Err, StringComparison.Ordinal);
        AssertPrintable(outcome.Err);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("md")]
    public void Run_prints_the_title_and_rating_escaped(string format)
    {
        var outcome = CliHarness.Run("run", Hostile, "--format", format);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        AssertPrintable(outcome.Out);
        AssertPrintable(outcome.Err);
        // In Markdown the visible escape is itself escaped (its backslash and brackets), so that it renders as written.
        string Shown(string visible) => format == "md" ? DealLang.Runner.Reports.MarkdownText.Escape(visible) : visible;
        Assert.Contains(Shown("Mini warehouse loan\\u001b[2J\\u001b]0;pwned\\u0007"), outcome.Out, StringComparison.Ordinal);
        Assert.Contains(Shown("BBB\\u202e+"), outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_quoted_by_a_syntax_error_is_printed_escaped()
    {
        string file = Path.Combine(Path.GetTempPath(), "deallang-escape-" + Guid.NewGuid().ToString("N") + ".deal");
        File.WriteAllText(file, File.ReadAllText(Hostile).Replace("currency USD", "currency USD \u001b[2J", StringComparison.Ordinal));
        try
        {
            var outcome = CliHarness.Run("check", file);

            Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
            Assert.Contains("error DL0101", outcome.Err, StringComparison.Ordinal);
            Assert.Contains("\\u001b", outcome.Err, StringComparison.Ordinal);
            AssertPrintable(outcome.Err);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
