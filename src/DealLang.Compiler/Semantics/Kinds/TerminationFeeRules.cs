using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// A termination fee (<c>termination_fee 500m amortising to 100m</c>): the checks a contract's and a lease's rules share
/// (docs/language.md §5, "contract" and "lease"): the fee and the amount it amortises to are money, not negative,
/// and the amount it falls to does not exceed the fee (DL0753: it would grow).
/// </summary>
internal static class TerminationFeeRules
{
    /// <summary>Checks <paramref name="fee"/> and <paramref name="floor"/> of <paramref name="kind"/>
    /// <paramref name="name"/> (<c>contract</c> or <c>lease</c>); with <paramref name="inRenewal"/>, a lease's renewal
    /// terms' fee (<c>renewals ... with termination_fee 300m</c>), named so in the messages.</summary>
    public static void CheckTerms(ExpressionSyntax? fee, ExpressionSyntax? floor, TypeChecker checker, string kind, string name, bool inRenewal = false)
    {
        string owner = $"{kind} '{name}'";
        string item = inRenewal ? "renewal terms' termination_fee" : "termination_fee";
        checker.Term(fee, Unit.Money, $"the {item} of {owner}", TypeChecker.Range.NonNegative);
        checker.Term(floor, Unit.Money, $"the amount the {item} of {owner} amortises to", TypeChecker.Range.NonNegative);
        if (floor is not null && checker.Analysis.Bound.TryGetValue(floor, out BoundExpression? boundFloor)
            && boundFloor is ConstantExpression { Value: var f } && fee is not null
            && checker.Analysis.Bound.TryGetValue(fee, out BoundExpression? boundFee) && boundFee is ConstantExpression { Value: var amount } && f > amount)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.TerminationFeeFloorAboveFee(floor.Span, kind, name, amount, f,
                inRenewal ? "renewal terms' termination fee" : "termination fee"));
        }
    }
}
