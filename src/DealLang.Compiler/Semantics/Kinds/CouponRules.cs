using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// The rules of a coupon's terms (<c>coupon SOFR + 6.00% floor 0% cap 12%</c>), one set for a tranche's and a loan's:
/// the rate is fixed when it folds to a constant and floats when it reads deal state, evaluated at each period's start
/// (docs/language.md, tranche); the floor and cap are constant rates, the floor at or below the cap. What is added to
/// it, step-ups (<c>step_up 1% from DATE</c>, <c>step_up 2% while Trigger</c>) and a margin grid on a test, is checked
/// here too, once for both kinds.
/// </summary>
internal static class CouponRules
{
    /// <summary>The rate, floor and cap's units and timing; a fixed rate may not be negative unless floored, a floor or
    /// cap not below 0% (DL0595).
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

        // A coupon is never below 0% (the zero floor on the rate payable, CouponCode): a floor below it does nothing, a
        // cap below it holds the coupon at 0% (DL0595), neither of which a deal means by writing one.
        foreach (var (bound, name) in new[] { (floor, "floor"), (cap, "cap") })
        {
            if (checker.Analysis.BoundOf(bound) is ConstantExpression { Value: < 0 } below)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.CouponBoundBelowZero(bound!.Span, owner, name, below.Value));
            }
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
        analysis.BoundOf(rate) is { } and not ConstantExpression;

    /// <summary>Whether the coupon is worked out each period: its rate reads deal state, or step-ups or margins are
    /// added to it (a level amortisation then cannot be worked out at closing, DL0311's <c>LevelNeedsFixedCoupon</c>).</summary>
    public static bool Floats(ExpressionSyntax? rate, ImmutableArray<StepUpSyntax> stepUps, MarginGridSyntax? grid, DealAnalysis analysis) =>
        analysis.BoundOf(rate) is not null && (ReadsDealState(rate, analysis) || StepUpsOf(stepUps).Any() || grid is not null);

    /// <summary>The names a coupon's step-ups and margin grid read: a step-up's trigger, the grid's test.</summary>
    public static void BindMargins(ImmutableArray<StepUpSyntax> stepUps, MarginGridSyntax? grid, Binder binder, string owner)
    {
        foreach (StepUpSyntax stepUp in StepUpsOf(stepUps))
        {
            binder.BindTerms(stepUp.Rate);
            binder.RequireKind(stepUp.Trigger, SymbolKind.Trigger, $"a step-up of {owner} 'while' a condition holds needs a trigger");
        }

        if (grid is not null)
        {
            binder.RequireKind(grid.Test, SymbolKind.Test, $"the margin grid of {owner} reads a test");
            binder.BindTerms(grid.Else);
            foreach (GridTierSyntax tier in SyntaxWalk.Safe(grid.Tiers))
            {
                binder.BindTerms(tier.Bound, tier.Margin);
            }
        }
    }

    /// <summary>The units of a coupon's step-ups and margin grid: rates, and the grid's bounds in its test's unit.</summary>
    public static void CheckMarginTerms(ImmutableArray<StepUpSyntax> stepUps, MarginGridSyntax? grid, TypeChecker checker, string owner)
    {
        foreach (StepUpSyntax stepUp in StepUpsOf(stepUps))
        {
            checker.Term(stepUp.Rate, Unit.Rate, $"a step-up of {owner}", TypeChecker.Range.Any);
        }

        if (grid is null)
        {
            return;
        }

        // Bounds are in the test's unit, and compare with its value as numbers; a ratio test (a loan-to-value) takes
        // its bounds in % as well as x: 50% and 0.50x are the same bound.
        Unit testUnit = grid.Test is { } testName && checker.Analysis.Names.TryGetValue(testName, out Symbol? test)
            && test.Declaration is TestSyntax testSyntax && checker.Analysis.BoundOf(testSyntax.Expression) is { } value
            ? value.Unit : Unit.Ratio;
        foreach (GridTierSyntax tier in SyntaxWalk.Safe(grid.Tiers))
        {
            Unit boundUnit = testUnit == Unit.Ratio && tier.Bound is LiteralSyntax { Kind: LiteralKind.Rate } ? Unit.Rate : testUnit;
            checker.Term(tier.Bound, boundUnit, $"a bound of the margin grid of {owner}", TypeChecker.Range.Any);
            checker.Term(tier.Margin, Unit.Rate, $"a margin of the margin grid of {owner}", TypeChecker.Range.Any);
        }

        checker.Term(grid.Else, Unit.Rate, $"the 'else' margin of the margin grid of {owner}", TypeChecker.Range.Any);
    }

    /// <summary>A step-up's date within the deal; a margin grid with an 'else' margin (the first period's, and an
    /// n/a test's, DL0486) and tiers in increasing bounds (DL0487).</summary>
    public static void CheckMarginStructure(ImmutableArray<StepUpSyntax> stepUps, MarginGridSyntax? grid, DealChecks checks, string owner)
    {
        foreach (StepUpSyntax stepUp in StepUpsOf(stepUps))
        {
            checks.RequireWithinDeal(stepUp.From, $"the step-up date of {owner}", checks.Maturity, "the deal's maturity");
        }

        if (grid is null)
        {
            return;
        }

        if (grid.Else is null)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.MarginGridWithoutElse(grid.Span, owner));
        }

        double previous = double.NegativeInfinity;
        foreach (GridTierSyntax tier in SyntaxWalk.Safe(grid.Tiers))
        {
            if (checks.Analysis.BoundOf(tier.Bound) is not ConstantExpression bound)
            {
                continue;
            }

            if (bound.Value <= previous)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.MarginGridBoundsNotIncreasing(tier.Bound!.Span, owner));
            }

            previous = bound.Value;
        }
    }

    private static IEnumerable<StepUpSyntax> StepUpsOf(ImmutableArray<StepUpSyntax> stepUps) =>
        SyntaxWalk.Safe(stepUps.IsDefault ? [] : stepUps);
}
