using System.Diagnostics;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;

namespace DealLang.Compiler.Format;

/// <summary>
/// The canonical formatter behind <c>deallang fmt</c> and the language server's formatting request: a .deal or
/// .scenarios file's text in, the same tokens in the canonical layout out (<see cref="LayoutWriter"/> has the rules).
/// Only whitespace between tokens changes, so the formatted file parses to the same tree and compiles to the same
/// model; every comment stays where it was, in order. A file with a syntax error is refused, never rewritten.
/// </summary>
public static class DealFormatter
{
    /// <summary>
    /// Formats <paramref name="text"/>, the contents of the file at <paramref name="path"/> (the path only locates
    /// diagnostics; nothing is read from disk, imports are not followed). Returns the formatted text (the file's own
    /// line ends, those of its first line: LF, or CRLF; one final newline), or a null text and the errors when the file
    /// does not parse. Never throws for any input.
    /// </summary>
    public static FormatResult Format(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);

        var bag = new DiagnosticBag();
        var tokens = DealParser.Layout(path, text, bag);
        var diagnostics = bag.Sorted();
        if (tokens is null || bag.HasErrors)
        {
            return new FormatResult(null, diagnostics, Changed: false);
        }

        string formatted = LayoutWriter.Write(tokens);
        RequireSameTokens(path, tokens, formatted);
        if (EndsLinesWithCrLf(text))
        {
            formatted = formatted.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return new FormatResult(formatted, diagnostics, Changed: !string.Equals(formatted, text, StringComparison.Ordinal));
    }

    // A file keeps its own line ends, as rustfmt's and clang-format's defaults do: those of its first line, CRLF for a
    // file that Git checked out on Windows (autocrlf), which 'fmt --check' would otherwise report line by line as
    // unformatted. Everything else is LF.
    static bool EndsLinesWithCrLf(string text)
    {
        int lf = text.IndexOf('\n', StringComparison.Ordinal);
        return lf > 0 && text[lf - 1] == '\r';
    }

    /// <summary>The guarantee behind "never changes meaning", checked on every call: the output reads back as the
    /// same tokens, code and comments, in the same order. A difference is a bug in the layout, never written out.</summary>
    static void RequireSameTokens(string path, IReadOnlyList<LayoutToken> before, string formatted)
    {
        var again = DealParser.Layout(path, formatted, new DiagnosticBag());
        if (again is null || again.Count != before.Count)
        {
            throw new UnreachableException($"deallang fmt: the formatted {path} reads as {again?.Count ?? 0} tokens instead of {before.Count} (a formatter bug; the file was not written)");
        }

        for (int i = 0; i < before.Count; i++)
        {
            if (again[i].Kind != before[i].Kind || !string.Equals(LayoutWriter.CommentText(again[i]), LayoutWriter.CommentText(before[i]), StringComparison.Ordinal))
            {
                throw new UnreachableException($"deallang fmt: the formatted {path} reads '{again[i].Text}' where '{before[i].Text}' stood (a formatter bug; the file was not written)");
            }
        }
    }
}
