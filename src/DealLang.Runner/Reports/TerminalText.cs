using System.Globalization;
using System.Text;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// Makes deal text safe to print for people. A deal file's strings (titles, ratings) may hold characters a
/// terminal obeys rather than shows (escape sequences clear the screen or set the window title; a carriage
/// return lets a line overwrite another; bidirectional overrides reorder text), so the table and Markdown
/// reports and the CLI's messages print each one visibly as <c>\u001b</c>. CSV and JSON have escapes of their own.
/// The set is C0, DEL, C1 and the bidirectional overrides and isolates, the same set the compiler warns about
/// (DL0110): <see cref="ControlCharacters"/>.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character written as <c>\uXXXX</c> (lower-case hex);
    /// the same string when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = ControlCharacters.IndexOfFirst(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (ControlCharacters.Is(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
