using System.Collections.Immutable;
using System.Diagnostics;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Declarations inside a deal: each kind's visitor is in Declarations/CstToAst.<Kind>.cs and is found through
// KindParsers; the deal-wide rules (default rule, cfads rule) are here, waterfall and enforcement in CstToAst.Waterfall.
internal sealed partial class CstToAst
{
    /// <summary>The parsing of each declaration kind: its keyword, whether its items sit in braces, the grammar rule's
    /// context and the visitor that turns it into the kind's syntax node. The one list a new kind's parsing is added
    /// to (error recovery takes the keywords and braces from it too); <c>KindRegistryTests</c> fails when a kind is
    /// missing or a <c>dealMember</c> alternative has no visitor.</summary>
    internal static readonly IReadOnlyList<KindParser> KindParsers =
    [
        KindParser.Of<PartyDeclContext, PartySyntax>(DeclarationKind.Party, PARTY, Braced, (b, c) => b.VisitPartyDecl(c)),
        KindParser.Of<IndexDeclContext, IndexSyntax>(DeclarationKind.Index, INDEX, Braced, (b, c) => b.VisitIndexDecl(c)),
        KindParser.Of<FacilityDeclContext, FacilitySyntax>(DeclarationKind.Facility, FACILITY, Braced, (b, c) => b.VisitFacilityDecl(c)),
        KindParser.Of<LeaseDeclContext, LeaseSyntax>(DeclarationKind.Lease, LEASE, Braced, (b, c) => b.VisitLeaseDecl(c)),
        KindParser.Of<LoanDeclContext, LoanSyntax>(DeclarationKind.Loan, LOAN, Braced, (b, c) => b.VisitLoanDecl(c)),
        KindParser.Of<FleetDeclContext, FleetSyntax>(DeclarationKind.Fleet, FLEET, Braced, (b, c) => b.VisitFleetDecl(c)),
        KindParser.Of<ContractDeclContext, ContractSyntax>(DeclarationKind.Contract, CONTRACT, Braced, (b, c) => b.VisitContractDecl(c)),
        KindParser.Of<HoldingDeclContext, HoldingSyntax>(DeclarationKind.Holding, HOLDING, Braced, (b, c) => b.VisitHoldingDecl(c)),
        KindParser.Of<CoinsDeclContext, CoinsSyntax>(DeclarationKind.Coins, COINS, Braced, (b, c) => b.VisitCoinsDecl(c)),
        KindParser.Of<TrancheDeclContext, TrancheSyntax>(DeclarationKind.Tranche, TRANCHE, Braced, (b, c) => b.VisitTrancheDecl(c)),
        KindParser.Of<EquityDeclContext, EquitySyntax>(DeclarationKind.Equity, EQUITY, Braced, (b, c) => b.VisitEquityDecl(c)),
        KindParser.Of<AccountDeclContext, AccountSyntax>(DeclarationKind.Account, ACCOUNT, Braced, (b, c) => b.VisitAccountDecl(c)),
        KindParser.Of<FeeDeclContext, FeeSyntax>(DeclarationKind.Fee, FEE, Braced, (b, c) => b.VisitFeeDecl(c)),
        KindParser.Of<TestDeclContext, TestSyntax>(DeclarationKind.Test, TEST, Unbraced, (b, c) => b.VisitTestDecl(c)),
        KindParser.Of<TriggerDeclContext, TriggerSyntax>(DeclarationKind.Trigger, TRIGGER, Unbraced, (b, c) => b.VisitTriggerDecl(c)),
    ];

    private const bool Braced = true;
    private const bool Unbraced = false;

    private static readonly Dictionary<Type, KindParser> KindParsersByContext = KindParsers.ToDictionary(p => p.ContextType);

    /// <summary>The parsing of the kind whose grammar rule made <paramref name="rule"/>; null for other rules.</summary>
    internal static KindParser? KindParserOf(ParserRuleContext rule) => KindParsersByContext.GetValueOrDefault(rule.GetType());

    // dealMember : headerItem | partyDecl | facilityDecl | ... | enforcementDecl | unknownDecl ;
    // (VisitDealDecl reads header items and unknown declarations itself.)
    private DeclarationSyntax? VisitDeclaration(DealMemberContext member) => member.GetChild(0) switch
    {
        ParserRuleContext rule when KindParserOf(rule) is { } kind => kind.Visit(this, rule),
        DefaultRuleContext rule => VisitDefaultRule(rule),
        CfadsRuleContext cfads => VisitCfadsRule(cfads),
        WaterfallDeclContext waterfall => VisitWaterfallDecl(waterfall),
        EnforcementDeclContext enforcement => VisitEnforcementDecl(enforcement),

        // A member cut short by a syntax error (already reported): nothing, or tokens skipped while recovering.
        null or ITerminalNode => null,
        IParseTree other => throw new UnreachableException(
            $"The grammar's {other.GetType().Name} has no visitor in CstToAst.VisitDeclaration."),
    };

    // schedulePoint : DATE expr COMMA? ;   (a facility's value schedule, a tranche's amortisation schedule)
    private ImmutableArray<SchedulePointSyntax> VisitSchedulePoints(SchedulePointContext[] points)
    {
        var result = ImmutableArray.CreateBuilder<SchedulePointSyntax>(points.Length);
        foreach (SchedulePointContext point in points)
        {
            DateSyntax? date = VisitDate(point.DATE());
            ExpressionSyntax? amount = VisitExpr(point.expr());
            if (date is not null && amount is not null)
            {
                result.Add(new SchedulePointSyntax(date, amount, Spans.Join(date.Span, amount.Span)));
            }
        }

        return result.ToImmutable();
    }

    // defaultRule : DEFAULT WHEN expr (GRACE duration)? ;
    private DefaultRuleSyntax? VisitDefaultRule(DefaultRuleContext context) =>
        VisitExpr(context.expr()) is { } condition
            ? new DefaultRuleSyntax(condition, VisitDuration(context.duration()), Span(context))
            : null;

    // cfadsRule : CFADS INCLUDES cfadsItem (COMMA cfadsItem)* ;  cfadsItem : RVG | ident ;
    private CfadsRuleSyntax VisitCfadsRule(CfadsRuleContext context) =>
        new([.. context.cfadsItem().Select(item => item.ident() is { } name ? VisitIdent(name) : new NameSyntax(item.GetText(), Span(item))).OfType<NameSyntax>()], Span(context));
}
