using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Scenarios: deterministic overrides of a deal's assumptions.
internal sealed partial class CstToAst
{
    // scenarioDecl : SCENARIO name=ident FOR deal=ident LBRACE scenarioItem* RBRACE ;
    private ScenarioSyntax? VisitScenarioDecl(ScenarioDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name || VisitIdent(context.deal) is not { } deal)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<ScenarioItemSyntax>();
        foreach (ScenarioItemContext item in context.scenarioItem())
        {
            if (VisitScenarioItem(item, name) is { } syntax)
            {
                items.Add(syntax);
            }
        }

        return new ScenarioSyntax(name, deal, items.ToImmutable(), Span(context));
    }

    // scenarioItem
    //     : lease=ident RENEWALS TAKEN NUMBER          # renewalsTakenItem
    //     | path=reference DEFLATE expr perYear        # deflateItem
    //     | path=reference DROP expr BY DATE           # dropItem
    //     | party=ident DEFAULTS ON DATE               # partyDefaultsItem
    //     | ENFORCEMENT sellTerm+                      # enforcementOverrideItem
    //     | ENFORCEMENT SELL ALL                       # enforcementSellAllItem
    //     | index=ident LEVEL expr                                        # indexLevelOverrideItem
    //     | index=ident POINTS pointsKind LBRACE schedulePoint* RBRACE    # indexPointsOverrideItem
    //     | index=ident LAUNCH DATE DOWN expr                             # indexLaunchOverrideItem
    //     | index=ident SHIFT PLUS? expr                                  # indexShiftItem
    //     | contract=ident UTILISATION expr                               # utilisationItem
    //     | contract=ident RELET AFTER duration AT expr                   # reletItem
    //     | contract=ident NOT RELET                                      # notReletItem
    //     ;
    private ScenarioItemSyntax? VisitScenarioItem(ScenarioItemContext context, NameSyntax scenario)
    {
        switch (context)
        {
            case RenewalsTakenItemContext taken:
            {
                NameSyntax? lease = VisitIdent(taken.lease);
                int? count = VisitWholeNumber(Matched(taken.NUMBER()), "the number of renewals taken", minimum: 0);
                return lease is null || count is null ? null : new RenewalsTakenSyntax(lease, count.Value, Span(taken));
            }

            case DeflateItemContext deflate:
            {
                ReferenceSyntax? path = VisitReference(deflate.path);
                ExpressionSyntax? rate = VisitExpr(deflate.expr());
                return path is null || rate is null ? null : new DeflateSyntax(path, rate, Span(deflate));
            }

            case DropItemContext drop:
            {
                ReferenceSyntax? path = VisitReference(drop.path);
                ExpressionSyntax? fraction = VisitExpr(drop.expr());
                DateSyntax? by = VisitDate(drop.DATE());
                return path is null || fraction is null || by is null ? null : new DropSyntax(path, fraction, by, Span(drop));
            }

            case UtilisationItemContext utilisation:
            {
                NameSyntax? contract = VisitIdent(utilisation.contract);
                ExpressionSyntax? share = VisitExpr(utilisation.expr());
                return contract is null || share is null ? null : new UtilisationSyntax(contract, share, Span(utilisation));
            }

            case ReletItemContext relet:
            {
                NameSyntax? contract = VisitIdent(relet.contract);
                DurationSyntax? after = VisitDuration(relet.duration());
                ExpressionSyntax? share = VisitExpr(relet.expr());
                return contract is null || after is null || share is null ? null : new ReletSyntax(contract, after, share, Span(relet));
            }

            case NotReletItemContext notRelet:
            {
                NameSyntax? contract = VisitIdent(notRelet.contract);
                return contract is null ? null : new ReletSyntax(contract, null, null, Span(notRelet));
            }

            case PartyDefaultsItemContext defaults:
            {
                NameSyntax? party = VisitIdent(defaults.party);
                DateSyntax? on = VisitDate(defaults.DATE());
                return party is null || on is null ? null : new PartyDefaultsSyntax(party, on, Span(defaults));
            }

            case EnforcementOverrideItemContext enforcement:
            {
                (ExpressionSyntax? haircut, DurationSyntax? lag, MarketTermsSyntax? market) = VisitSellTerms(
                    enforcement.sellTerm(), $"the enforcement override of scenario '{scenario.Text}'");
                return haircut is null && lag is null && market is null
                    ? null
                    : new EnforcementOverrideSyntax(haircut, lag, Span(enforcement), market);
            }

            // 'enforcement sell all': the lender keeps no contract running (the repo market's keep-contracts lever off).
            case EnforcementSellAllItemContext sellAll:
                return new EnforcementOverrideSyntax(null, null, Span(sellAll),
                    new MarketTermsSyntax(null, null, null, null, null, new KeepContractsSyntax(false, Span(sellAll))));

            case IndexLevelOverrideItemContext level:
            {
                NameSyntax? index = VisitIdent(level.index);
                ExpressionSyntax? value = VisitExpr(level.expr());
                return index is null || value is null ? null : new IndexLevelOverrideSyntax(index, value, Span(level));
            }

            case IndexPointsOverrideItemContext points:
            {
                NameSyntax? index = VisitIdent(points.index);
                IndexPointsSyntax? value = VisitPoints(points.pointsKind(), points.schedulePoint(), points);
                return index is null || value is null ? null : new IndexPointsOverrideSyntax(index, value, Span(points));
            }

            case IndexLaunchOverrideItemContext launch:
            {
                NameSyntax? index = VisitIdent(launch.index);
                LaunchSyntax? value = VisitLaunch(launch.DATE(), launch.expr(), launch);
                return index is null || value?.Down is null ? null : new IndexLaunchOverrideSyntax(index, value, Span(launch));
            }

            case IndexShiftItemContext shift:
            {
                // '+100bp': the sign is part of the lever as written; the value is the expression's.
                NameSyntax? index = VisitIdent(shift.index);
                ExpressionSyntax? value = VisitExpr(shift.expr());
                return index is null || value is null ? null : new IndexShiftSyntax(index, value, Span(shift));
            }

            default:
                return null;
        }
    }
}
