using System.Text;

namespace DealLang.Runner.Reports;

/// <summary>
/// Makes deal text safe in a Markdown report: a deal's title and ratings are the user's own words, and in Markdown
/// <c>&lt;b&gt;</c> is HTML, <c>*x*</c> emphasis, <c>[x](y)</c> a link and <c>|</c> the end of a table cell. Each such
/// character is written to show as itself (a backslash before ASCII punctuation, CommonMark's escape; an entity for
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, which a renderer that passes HTML through would otherwise read), after
/// <see cref="TerminalText.Escape"/> has made control characters visible.
/// </summary>
public static class MarkdownText
{
    /// <summary><paramref name="text"/> as Markdown that renders as the text itself; the same string when it holds
    /// nothing Markdown reads.</summary>
    public static string Escape(string text)
    {
        string visible = TerminalText.Escape(text);
        if (visible.AsSpan().IndexOfAny(Special) < 0)
        {
            return visible;
        }

        var escaped = new StringBuilder(visible.Length + 8);
        foreach (char c in visible)
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                _ when Special.Contains(c) => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    // What Markdown (CommonMark, with GitHub's tables) reads: emphasis, code, links and images, headings, HTML and
    // entities, table cells, and the escape itself.
    static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\`*_[]<>&|#!");
}
