using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// Source spans from ANTLR tokens and rule contexts. ANTLR counts lines from 1 and columns from 0;
/// spans count both from 1 and end at the last character (not one past it).
/// </summary>
internal sealed class Spans(string path)
{
    public string Path { get; } = path;

    public SourceSpan Of(IToken token)
    {
        int line = token.Line;
        int column = token.Column + 1;
        return new SourceSpan(Path, line, column, line, column + Math.Max(Length(token), 1) - 1);
    }

    /// <summary>From the rule's first token to its last. A rule cut short by a syntax error may have
    /// stopped before it started (nothing matched); then it is just the first token.</summary>
    public SourceSpan Of(ParserRuleContext context)
    {
        IToken start = context.Start;
        IToken? stop = context.Stop;
        if (stop is null || stop.TokenIndex < start.TokenIndex)
        {
            return Of(start);
        }

        SourceSpan first = Of(start);
        SourceSpan last = Of(stop);
        return first with { EndLine = last.EndLine, EndColumn = last.EndColumn };
    }

    /// <summary>From the start of one span to the end of another (both in this file).</summary>
    public static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first with { EndLine = last.EndLine, EndColumn = last.EndColumn };

    // Tokens never span lines (strings stop at a newline; comments and white space are not in the tree),
    // so the character count is the column count. EOF and conjured tokens have no characters.
    private static int Length(IToken token) =>
        token.Type == TokenConstants.EOF || token.StopIndex < token.StartIndex ? 0 : token.StopIndex - token.StartIndex + 1;
}
