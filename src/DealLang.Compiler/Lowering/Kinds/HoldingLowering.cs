using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A holding as the runtime's <see cref="HoldingInfo"/>: the held entity and member by name (the runner
/// matches them to the entity's program), a face amount turned into the share it is of the tranche's face, and the
/// mark's index (−1: par), and whether the holder funds draws of it (a delayed draw that draws after its closing and by
/// its maturity).</summary>
internal sealed class HoldingLowering : DeclarationLowering<HoldingSyntax, HoldingInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Holding;

    protected override HoldingInfo Lower(HoldingSyntax holding, Symbol symbol, int index, Lowerer lowerer)
    {
        HeldTarget target = lowerer.HeldOf(holding);
        bool equity = target.Member.Declaration is EquitySyntax;
        double face = target.Member.Declaration is TrancheSyntax tranche ? HoldingRules.HeldFace(target.Entity, tranche) ?? 0 : 0;
        double share = holding.Face is { } f ? lowerer.ConstantOf(f) / face : lowerer.ConstantOf(holding.Share);
        HoldingMarketSyntax? market = holding.Market;

        // A delayed draw that draws after the closing and by the maturity: the holder funds its share of those draws
        // (HeldDraws). One whose draws all land by the closing, or after the maturity, adds nothing to the loop. LaterDraws is never null here: it is null only for a held
        // entity with an error of its own (no frequency, closing or maturity, a closing not before the maturity, a
        // term not constant), and then nothing is lowered.
        bool draws = target.Member.Declaration is TrancheSyntax { Commitment: not null } drawn
            && HoldingRules.LaterDraws(target.Entity, drawn, lowerer.Closing, lowerer.DealMaturity) is not { Amount: <= 0 };
        return new HoldingInfo(
            symbol.Name, target.Entity.DealName, target.Member.Name, equity, share, face, holding.Mark is null ? -1 : lowerer.IndexOfName(holding.Mark))
        {
            // Its market's terms, each 0 when not given: sold at its mark, with no price impact.
            Sold = lowerer.SoldBySteps.Contains(symbol.Name),
            SaleDiscount = market?.Discount is { } d ? lowerer.ConstantOf(d) : 0,
            Depth = market?.Depth is { } depth ? lowerer.ConstantOf(depth) : 0,
            Impact = market?.Impact is { } i ? lowerer.ConstantOf(i) : 0,
            Draws = draws,
            CalledFrom = draws ? CalledFrom(holding, lowerer) : -1,
        };
    }

    // The equity whose investors are called for the draws the holder's cash cannot fund: the one 'draws called from'
    // names, else the deal's only equity that states a commitment (−1: none, the draws wait for the cash; several and
    // none named is DL0795, so never lowered).
    private static int CalledFrom(HoldingSyntax holding, Lowerer lowerer)
    {
        if (holding.DrawsFrom is { } from)
        {
            return lowerer.IndexOfName(from);
        }

        var committed = HoldingRules.CommittedEquities(lowerer.SymbolsOf(DeclarationKind.Equity)).ToList();
        return committed.Count == 1 ? committed[0].Index : -1;
    }
}
