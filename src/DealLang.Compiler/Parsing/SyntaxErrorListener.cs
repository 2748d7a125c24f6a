using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// Receives every lexer and parser error (in place of ANTLR's console listeners) and records it as a
/// located DL0101 diagnostic. After the first error on a line, later ones on the same line are dropped:
/// they are almost always the parser recovering from the first, and one clear message per line reads
/// better than a cascade.
/// </summary>
internal sealed class SyntaxErrorListener(Spans spans, DiagnosticBag diagnostics)
    : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
{
    private const string LexerErrorPrefix = "token recognition error at: ";

    private readonly HashSet<int> _linesWithErrors = [];

    /// <summary>Set when a block comment is never closed (DL0132): the parser then meets the end of the file
    /// inside the deal, and what it finds missing there is the comment's doing, already reported.</summary>
    public bool IgnoreEndOfFile { get; set; }

    /// <summary>The lines with a syntax error, so that building the tree can tell recovery noise from mistakes.</summary>
    public IReadOnlySet<int> LinesWithErrors => _linesWithErrors;

    // Parser errors: the message comes from SyntaxErrorStrategy, already written for people.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
        int charPositionInLine, string msg, RecognitionException e)
    {
        if (IgnoreEndOfFile && offendingSymbol?.Type == TokenConstants.EOF)
        {
            return;
        }

        SourceSpan span = offendingSymbol is null
            ? new SourceSpan(spans.Path, line, charPositionInLine + 1, line, charPositionInLine + 1)
            : spans.Of(offendingSymbol);
        Report(span, msg);
    }

    // Lexer errors: the grammar's UNEXPECTED_CHAR rule turns any stray character into a token, so this is
    // a safety net should that rule ever change.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line,
        int charPositionInLine, string msg, RecognitionException e)
    {
        string message = msg.StartsWith(LexerErrorPrefix, StringComparison.Ordinal)
            ? "unexpected character " + msg[LexerErrorPrefix.Length..]
            : msg;
        Report(new SourceSpan(spans.Path, line, charPositionInLine + 1, line, charPositionInLine + 1), message);
    }

    private void Report(SourceSpan span, string message)
    {
        if (!_linesWithErrors.Add(span.Line))
        {
            return;
        }

        diagnostics.Add(DiagnosticCatalogue.SyntaxError(span, message));
    }
}
