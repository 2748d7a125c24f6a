using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The trigger kind's parsing: triggers: 'trigger CashTrap when Dscr < 1.10x => trap, sweep 50% to Notes'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // triggerDecl : TRIGGER name=ident WHEN expr (FROM DATE)? (TRIPS AFTER trips=NUMBER)? (CURES AFTER cures=NUMBER)?
    //               (CURE BY curer=ident UP TO times=NUMBER TIMES cureDestination?)? ARROW triggerEffect (COMMA triggerEffect)* ;
    // cureDestination : PREPAYING ident (COMMA ident)* (THEN INTO rest=ident)? | INTO ident ;
    private TriggerSyntax? VisitTriggerDecl(TriggerDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? condition = VisitExpr(context.expr());
        DateSyntax? from = VisitDate(context.DATE());
        int? trips = context.trips is null ? null : VisitWholeNumber(Matched(context.trips), "the breaches that trip a trigger ('trips after N')", minimum: 1);
        int? cures = context.cures is null ? null : VisitWholeNumber(Matched(context.cures), "the passes that cure a trigger ('cures after N')", minimum: 1);
        EquityCureSyntax? cure = context.CURE() is null || VisitIdent(context.curer) is not { } equity
            ? null
            : new EquityCureSyntax(equity, context.times is null ? null
                : VisitWholeNumber(Matched(context.times), "the cures an equity may make ('cure by E up to N times')", minimum: 1), Span(context.CURE().Symbol),
                context.cureDestination() is CurePrepayingContext prepaying ? VisitNames([.. prepaying.ident().Where(i => i != prepaying.rest)]) : default,
                context.cureDestination() switch
                {
                    CureIntoContext into => VisitIdent(into.ident()),
                    CurePrepayingContext { rest: { } rest } => VisitIdent(rest),
                    _ => null,
                });
        var effects = ImmutableArray.CreateBuilder<TriggerEffectSyntax>();
        foreach (TriggerEffectContext effect in context.triggerEffect())
        {
            if (VisitTriggerEffect(effect) is { } syntax)
            {
                effects.Add(syntax);
            }
        }

        // As for a fee: an unreadable condition (reported) keeps the trigger, so 'if CashTrap' is not reported too.
        return name is null || effects.Count == 0
            ? null
            : new TriggerSyntax(name, condition!, from, effects.ToImmutable(), Span(context), trips, cures, cure);
    }

    // triggerEffect : SWEEP share=QUANTITY TO ident | ACCELERATE (LPAREN ident (COMMA ident)* RPAREN)? | effect=ident ;
    private TriggerEffectSyntax? VisitTriggerEffect(TriggerEffectContext context)
    {
        switch (context)
        {
            case SweepEffectContext sweep:
                return Matched(sweep.share) is { } token && VisitQuantityValue(token, Literals.ValueSuffixes) is { } share
                    && VisitIdent(sweep.ident()) is { } swept
                    ? new SweepEffectSyntax(share, swept, Span(sweep))
                    : null;
            case AccelerateEffectContext accelerate:
                var tranches = ImmutableArray.CreateBuilder<NameSyntax>();
                foreach (IdentContext ident in accelerate.ident())
                {
                    if (VisitIdent(ident) is { } tranche)
                    {
                        tranches.Add(tranche);
                    }
                }

                return new AccelerateEffectSyntax(tranches.ToImmutable(), Span(accelerate));
            case NamedEffectContext named:
                return VisitIdent(named.effect) is { } word ? new NamedEffectSyntax(word, Span(named)) : null;
            default:
                return null;
        }
    }
}
