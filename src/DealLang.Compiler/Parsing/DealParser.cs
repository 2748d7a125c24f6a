using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// The Parsing stage: deal text in, immutable syntax tree out. Every syntax error in the file is reported
/// (ANTLR recovers and goes on), then the tree is built from whatever parsed; nothing here throws for
/// any input.
/// </summary>
public static partial class DealParser
{
    /// <summary>Rules nested deeper than this end the parse with DL0108; real deals use about a dozen.</summary>
    internal const int MaxNesting = 200;

    public static CompilationUnitSyntax Parse(string path, string text, DiagnosticBag diagnostics) =>
        ParseWithTokens(path, text, diagnostics).Unit;

    /// <summary>The parse, with the token stream (every channel, comments and whitespace included) and the parse
    /// tree for <see cref="Layout"/>; the tree is null when the nesting limit ended the parse.</summary>
    private static (CompilationUnitSyntax Unit, CommonTokenStream Tokens, DealLangParser.CompilationUnitContext? Tree) ParseWithTokens(
        string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var spans = new Spans(path);
        var listener = new SyntaxErrorListener(spans, diagnostics);

        // UTF-16 code units, not code points: columns then match what editors count.
        var lexer = new DealLangLexer(new AntlrInputStream(LineBreaks.Normalise(text)), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);

        // Lexed up front (the parser would buffer every token anyway) so that a comment left open is reported
        // where it starts, and the end of the file it swallowed is not reported as well.
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        if (tokens.GetTokens().FirstOrDefault(t => t.Type == DealLangLexer.UNTERMINATED_COMMENT) is { } comment)
        {
            diagnostics.Add(DiagnosticCatalogue.UnterminatedComment(spans.Of(comment) with { EndLine = comment.Line, EndColumn = comment.Column + 2 }));
            listener.IgnoreEndOfFile = true;
        }

        var parser = new GuardedParser(tokens, MaxNesting)
        {
            ErrorHandler = new SyntaxErrorStrategy(),
        };
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);

        DealLangParser.CompilationUnitContext tree;
        try
        {
            tree = parser.compilationUnit();
        }
        catch (NestingTooDeepException e)
        {
            diagnostics.Add(DiagnosticCatalogue.NestedTooDeeply(spans.Of(e.Token), MaxNesting, e.InExpression));
            return (new CompilationUnitSyntax([], [], [], new SourceSpan(path, 1, 1, 1, 1)) { Unread = true }, tokens, null);
        }

        return (new CstToAst(spans, diagnostics, listener.LinesWithErrors).VisitCompilationUnit(tree), tokens, tree);
    }
}
