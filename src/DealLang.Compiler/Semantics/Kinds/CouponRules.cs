using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// The rules of a coupon's terms (<c>coupon SOFR + 6.00% floor 0% cap 12%</c>), one set for a tranche's and a loan's:
/// the rate is fixed when it folds to a constant and floats when it reads deal state, evaluated at each period's start
/// (docs/language.md, tranche); the floor and cap are constant rates, the floor at or below the cap.
/// </summary>
internal static class CouponRules
{
    /// <summary>The rate, floor and cap's units and timing; a fixed rate may not be negative unless floored.
    /// <paramref name="owner"/> names the declaration: "tranche 'Notes'", "loan 'MinerLoan'".</summary>
    public static void CheckTerms(TypeChecker checker, ExpressionSyntax? rate, ExpressionSyntax? floor, ExpressionSyntax? cap, string owner)
    {
        checker.Value(rate, Unit.Rate, new ExpressionContext(ContextKind.PeriodStart, $"the coupon of {owner}"));
        checker.Term(floor, Unit.Rate, $"the coupon floor of {owner}", TypeChecker.Range.Any);
        checker.Term(cap, Unit.Rate, $"the coupon cap of {owner}", TypeChecker.Range.Any);
        if (checker.Analysis.BoundOf(rate) is ConstantExpression { Value: < 0 } && floor is null)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.NegativeAmount(rate!.Span, $"the coupon of {owner}"));
        }
    }

    /// <summary>DL0480 when both bounds are constants and the floor is above the cap.</summary>
    public static void CheckFloorBelowCap(DealChecks checks, ExpressionSyntax? floor, ExpressionSyntax? cap, string owner)
    {
        if (checks.Analysis.BoundOf(floor) is ConstantExpression f && checks.Analysis.BoundOf(cap) is ConstantExpression c && f.Value > c.Value)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CouponFloorAboveCap(floor!.Span, owner, f.Value, c.Value));
        }
    }

    /// <summary>Whether the rate reads deal state (an index, a balance): it is then reset each period.</summary>
    public static bool ReadsDealState(ExpressionSyntax? rate, DealAnalysis analysis) =>
        analysis.BoundOf(rate) is { } bound and not ConstantExpression;
}
