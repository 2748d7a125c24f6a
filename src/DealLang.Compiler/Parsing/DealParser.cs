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
public static class DealParser
{
    /// <summary>Rules nested deeper than this end the parse with DL0108; real deals use about a dozen.</summary>
    internal const int MaxNesting = 200;

    public static CompilationUnitSyntax Parse(string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var spans = new Spans(path);
        var listener = new SyntaxErrorListener(spans, diagnostics);

        // UTF-16 code units, not code points: columns then match what editors count.
        var lexer = new DealLangLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);

        var parser = new GuardedParser(new CommonTokenStream(lexer), MaxNesting)
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
            diagnostics.Add(DiagnosticCatalogue.NestedTooDeeply(spans.Of(e.Token), MaxNesting));
            return new CompilationUnitSyntax([], [], [], new SourceSpan(path, 1, 1, 1, 1));
        }

        return new CstToAst(spans, diagnostics, listener.LinesWithErrors).VisitCompilationUnit(tree);
    }
}
