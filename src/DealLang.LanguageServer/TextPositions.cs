using DealLang.Compiler.Diagnostics;
using DealLang.LanguageServer.Protocol;
using Range = DealLang.LanguageServer.Protocol.Range;

namespace DealLang.LanguageServer;

/// <summary>
/// The protocol's positions (0-based line, 0-based UTF-16 character) against the compiler's (1-based line and
/// column, in UTF-16 code units too, <see cref="SourceSpan"/>, whose end is the last character). A line ends at
/// <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as the compiler counts them.
/// </summary>
internal static class TextPositions
{
    public static Range ToRange(SourceSpan span)
    {
        if (span.Line <= 0)
        {
            return new Range(new Position(0, 0), new Position(0, 0));
        }

        var start = new Position(span.Line - 1, Math.Max(0, span.Column - 1));
        var end = span.EndLine >= span.Line ? new Position(span.EndLine - 1, Math.Max(0, span.EndColumn)) : start;
        return new Range(start, end);
    }

    /// <summary>The offset in <paramref name="text"/> of a protocol position, clamped to the text.</summary>
    public static int ToOffset(string text, Position position)
    {
        int line = 0;
        int i = 0;
        while (line < position.Line && i < text.Length)
        {
            char c = text[i++];
            if (c == '\n' || (c == '\r' && (i >= text.Length || text[i] != '\n')))
            {
                line++;
            }
        }

        int lineEnd = i;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        return Math.Min(i + Math.Max(0, position.Character), lineEnd);
    }

    /// <summary>The position just past the end of the text (what a whole-document edit replaces up to).</summary>
    public static Position End(string text)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Position(line, text.Length - lineStart);
    }

    /// <summary>Where the name being typed at <paramref name="offset"/> starts (letters, digits, '_').</summary>
    public static int WordStart(string text, int offset)
    {
        int start = Math.Clamp(offset, 0, text.Length);
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        return start;
    }
}
