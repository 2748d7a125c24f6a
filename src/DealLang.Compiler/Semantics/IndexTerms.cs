using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// An index declaration's terms as the runtime's <see cref="IndexInfo"/> (docs/language.md §5, "index"): its level, its
/// drift as one deflation a year (<c>grow R</c> is a deflation of −R), its points and its launches in date order. The
/// lowering builds the index the runner reads from it, and an indexed lease's check of its base level (DL0492) reads
/// the same terms, so the base the checker accepts is the one the emitted code divides by.
/// </summary>
internal static class IndexTerms
{
    /// <summary>The terms of <paramref name="index"/> in the deal <paramref name="analysis"/> analyses, each expression's
    /// folded constant read by <paramref name="constant"/> (0 for a term the checks have reported as not constant); an
    /// index another entity of the chain declares keeps that deal's closing as its anchor
    /// (<see cref="DealAnalysis.DeclaringClosing"/>), unless it is this deal's own.</summary>
    public static IndexInfo Of(IndexSyntax index, string name, DealAnalysis analysis, Func<ExpressionSyntax?, double> constant) => new(
        name,
        constant(index.Level),
        // 0 − R rather than −R: a growth of 0% is the +0 a deflation of 0% is, and emits the same C#.
        index.Grow is { } grow ? 0 - constant(grow) : constant(index.Deflate),
        Points(index.Points, constant),
        Launches(index.Launches, constant))
    {
        // Only where it differs: an index declared in an entity closing the same day reads as the deal's own.
        Closing = analysis.DeclaringClosing(index) is { } declared && declared != analysis.Deal.Closing?.Value ? declared : null,
    };

    /// <summary>A points block (the deal's or a scenario's) as the runtime's <see cref="IndexPoints"/>.</summary>
    public static IndexPoints? Points(IndexPointsSyntax? points, Func<ExpressionSyntax?, double> constant) =>
        points is null ? null : new IndexPoints(
            points.Kind == PointsKind.Interpolated,
            [.. points.Points.Select(p => p.Date.Value)],
            [.. points.Points.Select(p => constant(p.Amount))]);

    /// <summary>Launches (the deal's or a scenario's) as the runtime's <see cref="IndexLaunch"/>es, in date order.</summary>
    public static IndexLaunch[] Launches(IEnumerable<LaunchSyntax> launches, Func<ExpressionSyntax?, double> constant) =>
        [.. launches.Select(l => new IndexLaunch(l.Date.Value, constant(l.Down))).OrderBy(l => l.Date)];
}
