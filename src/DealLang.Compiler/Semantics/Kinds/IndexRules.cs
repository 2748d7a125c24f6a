using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>index H100Rent { level 2.35 per gpu_hour  deflate 15% per year  points stepped { … }  launch DATE down 20% }</c>:
/// a market series read by its bare name, with its level's unit (docs/language.md §5, "index").</summary>
internal sealed class IndexRules : DeclarationRules<IndexSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Index;

    // The unit is the index's own (its level's); the type checker fills it in where the index is read. The level is
    // a path input known from the period's start, so any expression may read it.
    public override KindReading Reading { get; } = new KindReading.ByName(Quantity.IndexLevel, Unit.Number);

    protected override void Bind(IndexSyntax index, Binder binder)
    {
        binder.BindTerms(index.Level, index.Deflate, index.Grow);
        BindPoints(index.Points, binder);
        foreach (LaunchSyntax launch in SyntaxWalk.Safe(index.Launches))
        {
            binder.BindTerms(launch.Down);
        }
    }

    /// <summary>The amounts of a points block (the deal's or a scenario's).</summary>
    internal static void BindPoints(IndexPointsSyntax? points, Binder binder)
    {
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(points?.Points ?? []))
        {
            binder.BindTerms(point.Amount);
        }
    }

    protected override void CheckTerms(IndexSyntax index, TypeChecker checker)
    {
        string i = $"index '{index.Name?.Text}'";
        checker.IndexLevel(index);
        CheckDeflate(index.Deflate, $"the deflation of {i}", checker);
        CheckGrowth(index.Grow, $"the growth of {i}", checker);
        CheckPoints(index.Points, index, $"a point of {i}", checker);
        foreach (LaunchSyntax launch in SyntaxWalk.Safe(index.Launches))
        {
            CheckDown(launch, $"the step down of {i} at its launch on {launch.Date?.Value}", checker);
        }
    }

    /// <summary>A drift: a constant rate in [0%, 100%) a year (DL0473).</summary>
    internal static void CheckDeflate(ExpressionSyntax? deflate, string what, TypeChecker checker)
    {
        checker.Term(deflate, Unit.Rate, what, TypeChecker.Range.Any);
        if (deflate is not null && checker.Analysis.Bound.TryGetValue(deflate, out BoundExpression? bound)
            && bound is ConstantExpression { Value: var rate } && rate is < 0 or >= 1)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.IndexDeflateOutOfRange(deflate.Span, what, rate));
        }
    }

    /// <summary>A growth (<c>grow R per year</c>, an index's drift rising, or a facility's value or market_rent): a
    /// constant rate in [0%, 100%] a year (DL0767). Unlike a deflation it has no limit that would break the formula:
    /// (1 + R)^years is finite for any R; the bound catches a unit slipped (300% for 3%), since more than doubling
    /// every year is no credit analyst's drift (at 100% a 10-year deal already ends × 1,024).</summary>
    internal static void CheckGrowth(ExpressionSyntax? grow, string what, TypeChecker checker)
    {
        checker.Term(grow, Unit.Rate, what, TypeChecker.Range.Any);
        if (grow is not null && checker.Analysis.Bound.TryGetValue(grow, out BoundExpression? bound)
            && bound is ConstantExpression { Value: var rate } && rate is < 0 or > 1)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.GrowthOutOfRange(grow.Span, what, rate));
        }
    }

    /// <summary>Each point's value in the index's unit (DL0319).</summary>
    internal static void CheckPoints(IndexPointsSyntax? points, IndexSyntax index, string what, TypeChecker checker)
    {
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(points?.Points ?? []))
        {
            checker.IndexValue(point.Amount, index, $"{what} on {point.Date?.Value}");
        }
    }

    /// <summary>A launch's step down: a constant rate in [0%, 100%) (DL0474).</summary>
    internal static void CheckDown(LaunchSyntax? launch, string what, TypeChecker checker)
    {
        checker.Term(launch?.Down, Unit.Rate, what, TypeChecker.Range.Any);
        if (launch?.Down is { } down && checker.Analysis.Bound.TryGetValue(down, out BoundExpression? bound)
            && bound is ConstantExpression { Value: var share } && share is < 0 or >= 1)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.LaunchDownOutOfRange(down.Span, what, share));
        }
    }

    protected override void CheckStructure(IndexSyntax index, DealChecks checks)
    {
        string name = index.Name?.Text ?? "";
        if (index.Level is null)
        {
            checks.Missing(index, "a level (e.g. 'level 4.30%' or 'level 2.35 per gpu_hour')");
        }

        if (index is { Deflate: { } deflate, Grow: { } grow })
        {
            // One drift: point at whichever was written second.
            bool growLater = (grow.Span.Line, grow.Span.Column).CompareTo((deflate.Span.Line, deflate.Span.Column)) > 0;
            checks.Diagnostics.Add(DiagnosticCatalogue.IndexDeflateAndGrow(growLater ? grow.Span : deflate.Span, name));
        }

        CheckPointDates(index.Points, $"the points of index '{name}'", checks);
        foreach (LaunchSyntax launch in SyntaxWalk.Safe(index.Launches))
        {
            checks.RequireWithinDeal(launch.Date, $"the launch date of index '{name}'", checks.Maturity, "the deal's maturity");
        }
    }

    /// <summary>At least one point, dates strictly increasing (no date twice).</summary>
    internal static void CheckPointDates(IndexPointsSyntax? points, string what, DealChecks checks)
    {
        if (points is not null)
        {
            checks.CheckSchedule(points.Points, points.Span, what);
        }
    }
}
