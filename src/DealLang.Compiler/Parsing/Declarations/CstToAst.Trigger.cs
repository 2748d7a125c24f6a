using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The trigger kind's parsing: triggers: 'trigger CashTrap when Dscr < 1.10x => trap'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // triggerDecl : TRIGGER name=ident WHEN expr (FROM DATE)? (TRIPS AFTER trips=NUMBER)? (CURES AFTER cures=NUMBER)?
    //               ARROW effect=ident ;
    private TriggerSyntax? VisitTriggerDecl(TriggerDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? condition = VisitExpr(context.expr());
        DateSyntax? from = VisitDate(context.DATE());
        int? trips = context.trips is null ? null : VisitWholeNumber(Matched(context.trips), "the breaches that trip a trigger ('trips after N')", minimum: 1);
        int? cures = context.cures is null ? null : VisitWholeNumber(Matched(context.cures), "the passes that cure a trigger ('cures after N')", minimum: 1);
        NameSyntax? effect = VisitIdent(context.effect);
        // As for a fee: an unreadable condition (reported) keeps the trigger, so 'if CashTrap' is not reported too.
        return name is null || effect is null
            ? null
            : new TriggerSyntax(name, condition!, from, effect, Span(context), trips, cures);
    }
}
