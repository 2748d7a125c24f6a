using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// A break option, one set of rules on a lease and on a contract (docs/language.md §5, "Break option"): dates in whole
/// months from the start, inside the initial term (DL0425), strictly increasing (DL0426); a fee above 0 (DL0427) in
/// months of what the kind pays (<c>rent</c> on a lease, <c>revenue</c> on a contract: DL0437) or in money; a
/// notice in whole months (DL0220), no longer than the time to the first break (DL0221). A lease's or a contract's
/// renewal terms' own break (<c>renewals ... with break_option at 36m</c>) follows the same rules, its dates counted from
/// the start of each renewal term and inside one (DL0222). <c>with rvg</c> only on a lease with an RVG (DL0555), never on
/// a contract (DL0556); its own terms (<c>with rvg guarantees 90m cap 20m</c>) without an <c>until</c> (DL0585).
/// </summary>
internal static class BreakOptionRules
{
    /// <summary><c>with rvg</c> on a break (<paramref name="option"/>, the initial term's or the renewal terms'): a lessee
    /// that breaks owes the lease's RVG as if the lease had ended there, so the lease must have one (DL0555); a contract has
    /// no RVG at all (DL0556). <paramref name="hasRvg"/> is whether the lease states an <c>rvg</c> item.</summary>
    public static void CheckRvg(BreakOptionSyntax? option, DealChecks checks, string kind, string name, bool hasRvg, bool inRenewal = false)
    {
        if (option?.WithRvg is not { } span)
        {
            return;
        }

        if (kind == "contract")
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakRvgOnContract(span, name, inRenewal));
        }
        else if (!hasRvg)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakRvgWithoutRvg(span, name, inRenewal));
        }
        else if (option.RvgTerms?.Until is { } until)
        {
            // The break's own terms replace the lease's amount and cap; its window is the lease's (DL0585).
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakRvgUntil(until.Span, name, inRenewal));
        }
    }

    /// <summary>A lease's break's own RVG terms (<c>with rvg guarantees 90m cap 20m</c>): the names they read are
    /// resolved.</summary>
    public static void BindRvgTerms(BreakOptionSyntax? option, Binder binder) =>
        binder.BindTerms(option?.RvgTerms?.Guarantees, option?.RvgTerms?.Cap);

    /// <summary>A lease's break's own RVG terms: the amount guaranteed is money read from the deal's state when the lease
    /// ends (as the lease's <c>guarantees</c>), the cap a constant amount of money, not negative (as the lease's).</summary>
    public static void CheckRvgTerms(BreakOptionSyntax? option, TypeChecker checker, string lease, bool inRenewal)
    {
        if (option?.RvgTerms is not { } terms)
        {
            return;
        }

        string at = $"the RVG owed at the {(inRenewal ? "renewal terms' break" : "break")} of {lease}";
        checker.Value(terms.Guarantees, Unit.Money, new ExpressionContext(ContextKind.RvgGuarantee, $"the amount guaranteed by {at}"));
        checker.Term(terms.Cap, Unit.Money, $"the cap of {at}", TypeChecker.Range.NonNegative);
    }

    /// <summary>A break fee written as an amount: money, above 0.</summary>
    public static void CheckTerms(BreakOptionSyntax? option, TypeChecker checker, string kind, string name, string party)
    {
        if (option?.FeeAmount is not { } amount)
        {
            return;
        }

        checker.Term(amount, Unit.Money, $"the break fee of {kind} '{name}'", TypeChecker.Range.Any);
        if (checker.Analysis.BoundOf(amount) is ConstantExpression { Value: var fee } && !(fee > 0))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.BreakFeeNotPositive(amount.Span, kind, name, ExpressionPrinter.Print(amount), party));
        }
    }

    /// <summary>A lease's or a contract's <c>notice D</c>: a whole number of months (DL0220; <c>0m</c> allowed, the default), at most the
    /// months from the start to the first break date (DL0221), so that it is served during the lease; with
    /// <paramref name="inRenewal"/>, the renewal terms' notice, whose break dates count from each renewal term's start.</summary>
    private static void CheckNotice(BreakOptionSyntax option, DealChecks checks, string kind, string name, bool inRenewal)
    {
        if (option.Notice is not { } notice)
        {
            return;
        }

        int months = DurationRules.WholeMonths(notice, out bool exact);
        // Days or weeks never make whole months but zero: a notice is counted in the months the break dates are.
        if (!exact || (notice.Unit is TimeUnit.Days or TimeUnit.Weeks && DurationRules.Months(notice) != 0))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakNoticeNotWholeMonths(notice.Span, kind, name, notice.Text ?? ""));
            return;
        }

        if (option.At.Length > 0 && option.At[0] is var first && months > DurationRules.WholeMonths(first))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakNoticeTooLong(notice.Span, kind, name, notice.Text ?? "", first.Text ?? "", inRenewal));
        }
    }

    /// <summary>The dates against <paramref name="term"/> (the initial term; null when missing, reported elsewhere) and a fee
    /// in months, which must be of <paramref name="basis"/> (<c>rent</c>, <c>revenue</c>). With <paramref name="inRenewal"/>,
    /// the break of the renewal terms: <paramref name="term"/> is one renewal term, a date outside it DL0222.</summary>
    public static void CheckStructure(BreakOptionSyntax? option, DurationSyntax? term, DealChecks checks, string kind, string name, string party, string basis,
        bool inRenewal = false)
    {
        if (option is null)
        {
            return;
        }

        int? termMonths = term is null ? null : DurationRules.WholeMonths(term, out _);
        DurationSyntax? previous = null;
        int previousMonths = 0;
        foreach (DurationSyntax at in option.At)
        {
            int months = checks.MonthsOf(at, inRenewal ? $"the renewal terms' break date of {kind} '{name}'" : $"the break date of {kind} '{name}'");
            if (months > 0 && termMonths is { } t && months >= t)
            {
                checks.Diagnostics.Add(inRenewal
                    ? DiagnosticCatalogue.RenewalBreakOutsideTerm(at.Span, kind, name, at.Text ?? "", t)
                    : DiagnosticCatalogue.BreakOutsideTerm(at.Span, kind, name, at.Text ?? "", t));
            }

            if (previous is not null && months <= previousMonths)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.BreaksNotIncreasing(at.Span, kind, name, at.Text ?? "", previous.Text ?? ""));
            }

            (previous, previousMonths) = (at, months);
        }

        CheckNotice(option, checks, kind, name, inRenewal);

        if (option.FeeMonths is not { } feeMonths)
        {
            return;
        }

        if (option.FeeBasis is { } written && written.Text != basis)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakFeeBasis(written.Span, kind, name, written.Text, $"{feeMonths.Text} of {basis}"));
        }

        if (!(DurationRules.Months(feeMonths) > 0))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.BreakFeeNotPositive(feeMonths.Span, kind, name, $"{feeMonths.Text} of {option.FeeBasis?.Text ?? basis}", party));
        }
    }
}
