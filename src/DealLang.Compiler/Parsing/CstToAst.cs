using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// Builds the immutable syntax tree from ANTLR's parse tree, at once, so that no parse-tree type leaves
/// Parsing/. Split by grammar area (CstToAst.Deal, .Declarations, .Waterfall, .Expressions, .Scenarios,
/// .Literals, .Unknown); each Visit method carries the rule it handles.
/// <para>
/// A rule cut short by a syntax error has missing children (null contexts, tokens ANTLR conjured while
/// recovering). Such a node is skipped: it becomes null, and its parent drops it or is skipped in turn
/// if it cannot stand without it. The syntax error itself was already reported, so nothing is said here.
/// </para>
/// Literal problems the grammar lets through (units, dates, counts, repeated items) are reported here,
/// as DL0102–DL0107.
/// </summary>
internal sealed partial class CstToAst(Spans spans, DiagnosticBag diagnostics, IReadOnlySet<int> syntaxErrorLines)
{
    // The names with a letter outside ASCII already reported (DL0131): each is reported once.
    private readonly HashSet<string> _nonAsciiNames = new(StringComparer.Ordinal);

    // compilationUnit : (importDecl | dealDecl | scenarioDecl | unknownDecl)* EOF ;
    public CompilationUnitSyntax VisitCompilationUnit(CompilationUnitContext context)
    {
        var imports = ImmutableArray.CreateBuilder<ImportSyntax>();
        var deals = ImmutableArray.CreateBuilder<DealSyntax>();
        var scenarios = ImmutableArray.CreateBuilder<ScenarioSyntax>();
        var unknown = ImmutableArray.CreateBuilder<UnknownDeclarationSyntax>();
        bool declared = false; // a deal, scenario or unknown declaration came before (even one too broken to keep)
        foreach (IParseTree child in Children(context))
        {
            switch (child)
            {
                case ImportDeclContext import:
                    imports.Add(VisitImportDecl(import, afterDeclaration: declared));
                    break;
                case DealDeclContext deal when VisitDealDecl(deal) is { } syntax:
                    deals.Add(syntax);
                    break;
                case ScenarioDeclContext scenario when VisitScenarioDecl(scenario) is { } syntax:
                    scenarios.Add(syntax);
                    break;
                case UnknownDeclContext declaration when VisitUnknownDecl(declaration, UnknownDeclarations.TopLevel) is { } syntax:
                    unknown.Add(syntax);
                    break;
            }

            declared |= child is DealDeclContext or ScenarioDeclContext or UnknownDeclContext;
        }

        // The file's span runs from its first token to the end-of-file position.
        return new CompilationUnitSyntax(deals.ToImmutable(), scenarios.ToImmutable(), unknown.ToImmutable(), Span(context))
        {
            Imports = imports.ToImmutable(),
        };
    }

    // importDecl : IMPORT STRING ;
    // Imports come first; one after a declaration is reported here (DL0605) and kept, marked, so the compilation
    // does not follow it (what it meant to bring in is a guess once the file's order is wrong).
    private ImportSyntax VisitImportDecl(ImportDeclContext context, bool afterDeclaration)
    {
        StringLiteralSyntax? path = VisitString(context.STRING());
        if (afterDeclaration && path is not null)
        {
            Report(DiagnosticCatalogue.ImportAfterDeclaration(Span(context), path.Value));
        }

        return new ImportSyntax(path, Span(context)) { Misplaced = afterDeclaration };
    }

    private SourceSpan Span(ParserRuleContext context) => spans.Of(context);

    private SourceSpan Span(IToken token) => spans.Of(token);

    private void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    private bool HasSyntaxError(int line) => syntaxErrorLines.Contains(line);

    /// <summary>A token the parser really matched: not absent, not conjured by error recovery
    /// (token index -1), not junk it skipped over while recovering (an error node).</summary>
    private static IToken? Matched(ITerminalNode? node) =>
        node is null || node is IErrorNode ? null : Matched(node.Symbol);

    private static IToken? Matched(IToken? token) => token is null || token.TokenIndex < 0 ? null : token;

    private static IEnumerable<IParseTree> Children(ParserRuleContext context) =>
        context.children ?? (IEnumerable<IParseTree>)[];

    /// <summary>
    /// Remembers which single-valued items one declaration has given, and reports any given again (DL0105).
    /// The first one stays; later ones are read (so their own mistakes are reported) and dropped.
    /// An item on a line with a syntax error may be an artefact of the parser's recovery ('renewals 2 5y at
    /// lessee option' can leave a 'lessee' item behind): it is never reported as a repeat, nor is a later
    /// item reported as repeating it.
    /// </summary>
    private sealed class ItemSet(CstToAst owner, string container)
    {
        private readonly Dictionary<string, int> _firstLines = new(StringComparer.Ordinal);

        public bool IsFirst(string item, SourceSpan span)
        {
            if (_firstLines.TryGetValue(item, out int firstLine))
            {
                if (owner.HasSyntaxError(span.Line))
                {
                    return false;
                }

                if (owner.HasSyntaxError(firstLine))
                {
                    _firstLines[item] = span.Line; // the clean one replaces the doubtful one
                    return true;
                }

                owner.Report(DiagnosticCatalogue.DuplicateItem(span, item, container, firstLine));
                return false;
            }

            _firstLines[item] = span.Line;
            return true;
        }

        /// <summary>Stores <paramref name="value"/> in <paramref name="slot"/> unless the item was given before.</summary>
        public void Keep<T>(ref T? slot, string item, ParserRuleContext context, T? value)
            where T : class
        {
            if (IsFirst(item, owner.Span(context)))
            {
                slot = value;
            }
        }
    }
}
