using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>An equity as the runtime's <see cref="EquityInfo"/>, its holders as party indexes with their shares.</summary>
internal sealed class EquityLowering : DeclarationLowering<EquitySyntax, EquityInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Equity;

    protected override EquityInfo Lower(EquitySyntax equity, Symbol symbol, int index, Lowerer lowerer)
    {
        // the hurdle defaults to 0 (carry on every profit) and the catch-up to none
        CarryTerms? carry = equity.Carry is { Partner: { } partner } c
            ? new CarryTerms(
                equity.Hurdle is null ? 0.0 : lowerer.ConstantOf(equity.Hurdle),
                lowerer.ConstantOf(c.Rate),
                lowerer.IndexOfName(partner),
                c.CatchUp is null ? 0.0 : lowerer.ConstantOf(c.CatchUp)) { DealByDeal = c.DealByDeal }
            : null;
        return new EquityInfo(
            symbol.Name,
            lowerer.ConstantOf(equity.Contributed),
            [.. SyntaxWalk.Safe(equity.Holders).Select(h => new EquityHolder(lowerer.IndexOfName(h.Party), lowerer.ConstantOf(h.Share))
            {
                // a class's own terms replace the equity's one by one; the GP and deal-by-deal stay the equity's
                Terms = carry is not null && h.HasOwnTerms
                    ? carry with
                    {
                        Hurdle = h.Hurdle is null ? carry.Hurdle : lowerer.ConstantOf(h.Hurdle),
                        Rate = h.Carry is null ? carry.Rate : lowerer.ConstantOf(h.Carry),
                        CatchUp = h.CatchUp is null ? carry.CatchUp : lowerer.ConstantOf(h.CatchUp),
                    }
                    : null,
            })])
        {
            Carry = carry,
            Commitment = equity.Commitment is null ? double.NaN : lowerer.ConstantOf(equity.Commitment),
            Calls = [.. SyntaxWalk.Safe(equity.Calls).Select(k => new CapitalCall(k.Date.Value, lowerer.ConstantOf(k.Amount)))],
        };
    }
}
