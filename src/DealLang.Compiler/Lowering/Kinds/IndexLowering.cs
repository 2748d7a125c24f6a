using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>An index as an <see cref="IndexModel"/>. Defaults: no drift (deflate 0%), no points, no launches. A
/// <c>grow R</c> is a deflation of −R (<see cref="Lowerer.DeflationOf"/>).</summary>
internal sealed class IndexLowering : DeclarationLowering<IndexSyntax, IndexModel>
{
    public override DeclarationKind Kind => DeclarationKind.Index;

    protected override IndexModel Lower(IndexSyntax index, Symbol symbol, int position, Lowerer lowerer)
    {
        BoundExpression? level = index.Level is null ? null : lowerer.BoundOf(index.Level);
        var info = new IndexInfo(
            symbol.Name,
            lowerer.ConstantOf(index.Level),
            index.Grow is { } grow ? lowerer.DeflationOf(grow, grows: true) : lowerer.ConstantOf(index.Deflate),
            Points(index.Points, lowerer),
            Launches(index.Launches, lowerer));
        return new IndexModel(info, level?.Unit ?? Unit.Number, level?.Dimension ?? default);
    }

    /// <summary>A points block (the deal's or a scenario's) as the runtime's <see cref="IndexPoints"/>.</summary>
    internal static IndexPoints? Points(IndexPointsSyntax? points, Lowerer lowerer)
    {
        if (points is null)
        {
            return null;
        }

        ImmutableArray<SchedulePointSyntax> list = points.Points;
        return new IndexPoints(
            points.Kind == PointsKind.Interpolated,
            [.. list.Select(p => p.Date.Value)],
            [.. list.Select(p => lowerer.ConstantOf(p.Amount))]);
    }

    /// <summary>Launches (the deal's or a scenario's) as the runtime's <see cref="IndexLaunch"/>es, in date order.</summary>
    internal static IndexLaunch[] Launches(IEnumerable<LaunchSyntax> launches, Lowerer lowerer) =>
        [.. launches.Select(l => new IndexLaunch(l.Date.Value, lowerer.ConstantOf(l.Down))).OrderBy(l => l.Date)];
}
