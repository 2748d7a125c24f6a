using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A contract's prepayment and a forward CFADS (docs/language.md §5 "contract", §7 'over next'): DL0488 a prepayment
// above what the contract is worth, DL0320 what a forward CFADS leaves out. Kept together as one feature.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0488 (warning): a contract's prepayment above its total contracted value (units × price × hours a year
    /// × take-or-pay × the term's years, an index price at the index's starting level): the customer would prepay
    /// more than it can owe, and applied over the term the credit would exceed every payment.</summary>
    public static Diagnostic ContractPrepaymentAboveValue(SourceSpan span, string contract, double prepayment, double value) =>
        Warning("DL0488", span, string.Create(CultureInfo.InvariantCulture,
            $"the prepayment of contract '{contract}' ({prepayment:#,0.##}) is more than its total contracted value ({value:#,0.##}: units × price × hours a year × take_or_pay × the term's years)"));

    /// <summary>DL0320 (warning): a forward CFADS in a deal with a per-period fee that is a share of a flow the
    /// projection does not know ahead (not collections, a lease's rent, a contract's revenue, a loan's interest or
    /// principal): the projection leaves it out and overstates what is left for debt service.</summary>
    public static Diagnostic ForwardCfadsLeavesOutFee(SourceSpan span, string test, string fee) =>
        Warning("DL0320", span,
            $"test '{test}' projects cfads, which leaves out fee '{fee}': it is a share of a flow not known ahead (a forward cfads projects collections, a lease's rent, a contract's revenue and a loan's interest or principal); state the fee as an amount per year to have it projected");
}
