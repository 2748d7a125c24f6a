using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>An equity as the runtime's <see cref="EquityInfo"/>, its holders as party indexes with their shares.</summary>
internal sealed class EquityLowering : DeclarationLowering<EquitySyntax, EquityInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Equity;

    protected override EquityInfo Lower(EquitySyntax equity, Symbol symbol, int index, Lowerer lowerer) => new(
        symbol.Name,
        lowerer.ConstantOf(equity.Contributed),
        [.. SyntaxWalk.Safe(equity.Holders).Select(h => new EquityHolder(lowerer.IndexOfName(h.Party), lowerer.ConstantOf(h.Share)))])
    {
        // the hurdle defaults to 0 (carry on every profit) and the catch-up to none
        Carry = equity.Carry is { Partner: { } partner } carry
            ? new CarryTerms(
                equity.Hurdle is null ? 0.0 : lowerer.ConstantOf(equity.Hurdle),
                lowerer.ConstantOf(carry.Rate),
                lowerer.IndexOfName(partner),
                carry.CatchUp is null ? 0.0 : lowerer.ConstantOf(carry.CatchUp))
            : null,
    };
}
