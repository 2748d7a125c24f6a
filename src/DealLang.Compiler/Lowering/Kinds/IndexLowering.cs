using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>An index as an <see cref="IndexModel"/>. Defaults: no drift (deflate 0%), no points, no launches. A
/// <c>grow R</c> is a deflation of −R. The terms are read by <see cref="IndexTerms"/>, which an indexed lease's check
/// of its base level (DL0492) shares.</summary>
internal sealed class IndexLowering : DeclarationLowering<IndexSyntax, IndexModel>
{
    public override DeclarationKind Kind => DeclarationKind.Index;

    protected override IndexModel Lower(IndexSyntax index, Symbol symbol, int position, Lowerer lowerer)
    {
        BoundExpression? level = index.Level is null ? null : lowerer.BoundOf(index.Level);
        IndexInfo info = IndexTerms.Of(index, symbol.Name, lowerer.Analysis, e => lowerer.ConstantOf(e));
        return new IndexModel(info, level?.Unit ?? Unit.Number, level?.Dimension ?? default);
    }

    /// <summary>A points block (the deal's or a scenario's) as the runtime's <see cref="IndexPoints"/>.</summary>
    internal static IndexPoints? Points(IndexPointsSyntax? points, Lowerer lowerer) => IndexTerms.Points(points, e => lowerer.ConstantOf(e));

    /// <summary>Launches (the deal's or a scenario's) as the runtime's <see cref="IndexLaunch"/>es, in date order.</summary>
    internal static IndexLaunch[] Launches(IEnumerable<LaunchSyntax> launches, Lowerer lowerer) => IndexTerms.Launches(launches, e => lowerer.ConstantOf(e));
}
