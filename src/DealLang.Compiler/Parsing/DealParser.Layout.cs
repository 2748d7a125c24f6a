using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Format;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

public static partial class DealParser
{
    /// <summary>Rules whose contexts are the members of a brace block: each starts a member
    /// (<see cref="LayoutRole.MemberStart"/>).</summary>
    internal static readonly HashSet<int> MemberRules =
    [
        DealLangParser.RULE_dealMember, DealLangParser.RULE_partyItem, DealLangParser.RULE_indexItem,
        DealLangParser.RULE_facilityItem, DealLangParser.RULE_schedulePoint, DealLangParser.RULE_leaseItem,
        DealLangParser.RULE_loanItem, DealLangParser.RULE_fleetItem, DealLangParser.RULE_contractItem,
        DealLangParser.RULE_coinsItem, DealLangParser.RULE_delivery, DealLangParser.RULE_trancheItem,
        DealLangParser.RULE_gridTier, DealLangParser.RULE_holdingItem, DealLangParser.RULE_equityItem,
        DealLangParser.RULE_accountItem, DealLangParser.RULE_step, DealLangParser.RULE_enforcementItem,
        DealLangParser.RULE_scenarioItem, DealLangParser.RULE_holderTerm, DealLangParser.RULE_curvePoint,
        DealLangParser.RULE_reletCurvePoint,
    ];

    /// <summary>Rules whose contexts stand on a line of their own.</summary>
    static readonly HashSet<int> OwnLineRules =
    [
        DealLangParser.RULE_importDecl, DealLangParser.RULE_dealDecl, DealLangParser.RULE_scenarioDecl,
        DealLangParser.RULE_unknownDecl, DealLangParser.RULE_dealMember,
    ];

    /// <summary>A declaration's items, 'keyword value': their values line up (<see cref="LayoutRole.ItemKey"/>).
    /// Not steps, scenario items or dated points, which read as sentences.</summary>
    static readonly HashSet<int> KeyedItemRules =
    [
        DealLangParser.RULE_headerItem, DealLangParser.RULE_partyItem, DealLangParser.RULE_indexItem,
        DealLangParser.RULE_facilityItem, DealLangParser.RULE_leaseItem, DealLangParser.RULE_loanItem,
        DealLangParser.RULE_fleetItem, DealLangParser.RULE_contractItem, DealLangParser.RULE_coinsItem,
        DealLangParser.RULE_trancheItem, DealLangParser.RULE_holdingItem, DealLangParser.RULE_equityItem,
        DealLangParser.RULE_accountItem,
    ];

    /// <summary>
    /// The file's tokens for the formatter (<see cref="DealFormatter"/>): every token but whitespace, comments
    /// included, each with the line breaks before it and its role in the parse tree. Null when the parse did not
    /// finish (the nesting limit); the caller refuses to format a file with any error in <paramref name="diagnostics"/>.
    /// </summary>
    internal static IReadOnlyList<LayoutToken>? Layout(string path, string text, DiagnosticBag diagnostics)
    {
        var (_, tokens, tree) = ParseWithTokens(path, text, diagnostics);
        if (tree is null)
        {
            return null;
        }

        var roles = new Dictionary<int, LayoutRole>();
        void Mark(IToken? token, LayoutRole role)
        {
            if (token is not null && token.Type != TokenConstants.EOF)
            {
                roles[token.TokenIndex] = roles.GetValueOrDefault(token.TokenIndex) | role;
            }
        }

        // Iterative, as expressions may nest up to the parser's limit.
        var stack = new Stack<IParseTree>();
        stack.Push(tree);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not ParserRuleContext context)
            {
                continue;
            }

            int rule = context.RuleIndex;
            if (MemberRules.Contains(rule))
            {
                Mark(context.Start, LayoutRole.MemberStart);
            }

            if (OwnLineRules.Contains(rule))
            {
                Mark(context.Start, LayoutRole.MemberStart | LayoutRole.OwnLine);
            }

            if (KeyedItemRules.Contains(rule))
            {
                Mark(context.Start, LayoutRole.ItemKey);
            }

            switch (context)
            {
                case DealLangParser.DealDeclContext deal when deal.dealMember().Length > 0:
                    Mark(deal.RBRACE()?.Symbol, LayoutRole.OwnLine);
                    break;
                case DealLangParser.FeeDeclContext fee:
                    // fee Trustee { 5m per year }: the amount is the block's one member.
                    Mark(fee.expr(0)?.Start, LayoutRole.MemberStart);
                    break;
                case DealLangParser.MarginGridContext grid:
                    Mark(grid.ELSE()?.Symbol, LayoutRole.MemberStart);
                    break;
                case DealLangParser.CallExprContext call:
                    Mark(call.LPAREN()?.Symbol, LayoutRole.CallParen);
                    break;
                case DealLangParser.NegateExprContext negate:
                    Mark(negate.op, LayoutRole.Sign);
                    break;
                case DealLangParser.IndexShiftItemContext shift:
                    Mark(shift.PLUS()?.Symbol, LayoutRole.Sign);
                    break;
                case DealLangParser.LoanDefaultInterestItemContext defaultInterest:
                    Mark(defaultInterest.PLUS()?.Symbol, LayoutRole.Sign); // 'default_interest +2%'
                    break;
                case DealLangParser.DelayOutcomeContext outcome:
                    Mark(outcome.MINUS()?.Symbol, LayoutRole.Sign); // '-6m', refused by DL0768, kept as written
                    break;
            }

            for (int i = context.ChildCount - 1; i >= 0; i--)
            {
                stack.Push(context.GetChild(i));
            }
        }

        var layout = new List<LayoutToken>();
        int newlines = 0;
        foreach (IToken token in tokens.GetTokens())
        {
            if (token.Type == TokenConstants.EOF)
            {
                break;
            }

            if (token.Type == DealLangLexer.WS)
            {
                newlines += token.Text.Count(c => c == '\n');
                continue;
            }

            LayoutTokenKind kind = token.Type switch
            {
                DealLangLexer.LINE_COMMENT => LayoutTokenKind.LineComment,
                DealLangLexer.BLOCK_COMMENT or DealLangLexer.UNTERMINATED_COMMENT => LayoutTokenKind.BlockComment,
                _ => LayoutTokenKind.Code,
            };
            layout.Add(new LayoutToken(token.Text, kind, newlines, roles.GetValueOrDefault(token.TokenIndex)));
            newlines = 0;
        }

        return layout;
    }
}
