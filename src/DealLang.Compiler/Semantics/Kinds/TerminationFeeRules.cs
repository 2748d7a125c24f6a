using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// A termination fee (<c>termination_fee 500m amortising to 100m</c>): the checks a contract's and a lease's rules share
/// (docs/language.md §5, "contract" and "lease"): the fee and the amount it amortises to are money, not negative,
/// and the amount it falls to does not exceed the fee (DL0753: it would grow); a lease's renewal terms' fee, one
/// amount or one per renewal term (DL0578).
/// </summary>
internal static class TerminationFeeRules
{
    /// <summary>Checks <paramref name="fee"/> and <paramref name="floor"/> of <paramref name="kind"/>
    /// <paramref name="name"/> (<c>contract</c> or <c>lease</c>).</summary>
    public static void CheckTerms(ExpressionSyntax? fee, ExpressionSyntax? floor, TypeChecker checker, string kind, string name) =>
        CheckTerms(fee is null ? [] : [fee], floor, checker, kind, name, "termination_fee", "termination fee");

    /// <summary>A lease's renewal terms' fees (<c>renewals 2 x 5y ... with termination_fee 300m, 150m amortising to
    /// 50m</c>), named so in the messages: each fee as the initial term's, the one amount they fall to against each
    /// (every term's fee falls to it), and one amount or one per renewal term (DL0578, at the first fee).</summary>
    public static void CheckRenewalTerms(RenewalsSyntax? renewals, TypeChecker checker, string name)
    {
        if (renewals is null)
        {
            return;
        }

        CheckTerms(renewals.TerminationFees, renewals.FeeFloor, checker, "lease", name, "renewal terms' termination_fee", "renewal terms' termination fee");
        if (renewals.TerminationFees.Count > 1 && renewals.TerminationFees.Count != renewals.Count)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.RenewalFeeCountMismatch(renewals.TerminationFees[0].Span, name,
                renewals.TerminationFees.Count, renewals.Count));
        }
    }

    private static void CheckTerms(IReadOnlyList<ExpressionSyntax> fees, ExpressionSyntax? floor, TypeChecker checker, string kind, string name,
        string item, string what)
    {
        string owner = $"{kind} '{name}'";
        foreach (ExpressionSyntax fee in fees)
        {
            checker.Term(fee, Unit.Money, $"the {item} of {owner}", TypeChecker.Range.NonNegative);
        }

        checker.Term(floor, Unit.Money, $"the amount the {item} of {owner} amortises to", TypeChecker.Range.NonNegative);
        if (floor is null || !checker.Analysis.Bound.TryGetValue(floor, out BoundExpression? boundFloor) || boundFloor is not ConstantExpression { Value: var f })
        {
            return;
        }

        // Each fee falls to the one floor: reported once, against the first fee it exceeds.
        foreach (ExpressionSyntax fee in fees)
        {
            if (checker.Analysis.Bound.TryGetValue(fee, out BoundExpression? boundFee) && boundFee is ConstantExpression { Value: var amount } && f > amount)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.TerminationFeeFloorAboveFee(floor.Span, kind, name, amount, f, what));
                return;
            }
        }
    }
}
