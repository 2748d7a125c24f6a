using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The test kind's parsing: tests: 'test Dscr = cfads / debt_service over trailing 12m'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // testDecl : TEST name=ident ASSIGN expr (OVER (TRAILING | forward=NEXT) duration)? (FROM DATE)? ;
    private TestSyntax? VisitTestDecl(TestDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? expression = VisitExpr(context.expr());
        DurationSyntax? window = VisitDuration(context.duration());
        bool forward = context.forward is not null;
        DateSyntax? from = VisitDate(context.DATE());
        // As for a fee: an unreadable expression (reported) keeps the test, so its readers are not reported too.
        return name is null ? null : new TestSyntax(name, expression!, forward ? null : window, from, Span(context)) { Next = forward ? window : null };
    }
}
