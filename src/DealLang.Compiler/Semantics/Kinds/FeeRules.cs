using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>fee Opex { 0.5% of Campus.value per year escalating 2% per year }</c> or a per-period share of a flow,
/// <c>fee Servicing { 2% of collections }</c>: an amount the waterfall pays.</summary>
internal sealed class FeeRules : DeclarationRules<FeeSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Fee;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("due", Quantity.FeeDue, Unit.Money, true),
        new("paid", Quantity.FeePaid, Unit.Money, true),
    ]);

    protected override void Bind(FeeSyntax fee, Binder binder) => binder.BindTerms(fee.Amount, fee.Escalator);

    protected override void CheckTerms(FeeSyntax fee, TypeChecker checker)
    {
        string f = $"fee '{fee.Name?.Text}'";
        checker.Value(fee.Amount, Unit.Money, new ExpressionContext(ContextKind.FeeAmount, $"the amount of {f}"));
        checker.Term(fee.Escalator, Unit.Rate, $"the escalator of {f}", TypeChecker.Range.Any);
        CheckBasis(fee, checker);
    }

    protected override void CheckStructure(FeeSyntax fee, DealChecks checks)
    {
        if (fee.Amount is null)
        {
            checks.Missing(fee, "an amount per year (e.g. '{ 0.5% of Campus.value per year }')");
        }

        CheckUntilRepaid(fee, checks);
        CheckUntilDefault(fee, checks);
    }

    // 'until default' stops a fee from the period after an event of default (docs/language.md "fee"); a deal with no
    // default rule and no trigger's 'event_of_default' never defaults, so the term never applies and the fee runs to
    // the maturity: said, not refused (DL0229), as DL0593 says of 'until repaid'. Not said while a declaration is
    // unreadable: it may be the default rule.
    private static void CheckUntilDefault(FeeSyntax fee, DealChecks checks)
    {
        if (fee.UntilDefault is { } span && fee.Name is not null && !checks.Analysis.HasUnknownDeclarations && !checks.Analysis.CanDefault)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.FeeUntilDefaultWithoutDefault(span, fee.Name.Text, checks.Analysis.DealName));
        }
    }

    // 'until repaid' stops a fee once every tranche is repaid (docs/language.md §11, "Nothing owed"); a deal with no
    // tranche has no debt to repay, so the term never applies and the fee runs to the maturity: said, not refused
    // (DL0593). Not said while a declaration is unreadable ('tranch Notes {', DL0109): it may be the tranche.
    private static void CheckUntilRepaid(FeeSyntax fee, DealChecks checks)
    {
        var declarations = SyntaxWalk.Safe(checks.Analysis.Deal.Declarations);
        if (fee.UntilRepaid is { } span && fee.Name is not null && !checks.Analysis.HasUnknownDeclarations
            && !declarations.OfType<TrancheSyntax>().Any())
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.FeeUntilRepaidWithoutDebt(span, fee.Name.Text, checks.Analysis.DealName));
        }
    }

    // Which basis a fee's amount is on (docs/language.md, "fee"). A percentage of a flow (collections, rent, paid
    // amounts) is already a per-period amount, so it is written without 'per year' ('fee F { 2% of collections }');
    // 'per year' is for fixed amounts and percentages of stocks (balances, values), which the period loop scales by
    // the year fraction. '2% of collections per year' would take 1% of a half-year's collections: reported (DL0316),
    // as is a per-period fee that is not a share of a flow (DL0317), whose size would depend on the pay frequency.
    private static void CheckBasis(FeeSyntax fee, TypeChecker checker)
    {
        if (checker.Analysis.BoundOf(fee.Amount) is not { } amount || fee.Name is null)
        {
            return; // absent or already reported
        }

        string written = ExpressionPrinter.Print(fee.Amount);
        if (fee.PerYear && ReadsFlow(amount))
        {
            // Suggest their own amount only where dropping 'per year' makes it valid (not 'max(1m, 2% of collections)').
            string perPeriod = TypeChecker.IsFlow(amount) ? written : "2% of collections";
            checker.Diagnostics.Add(DiagnosticCatalogue.FlowFeePerYear(fee.Amount.Span, fee.Name.Text, written, perPeriod));
        }
        else if (!fee.PerYear && !TypeChecker.IsFlow(amount))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.PerPeriodFeeNotOfAFlow(fee.Amount.Span, fee.Name.Text, written));
        }
    }

    /// <summary>Whether any part of an expression reads a per-period flow. Iterative: operand chains can be long.</summary>
    private static bool ReadsFlow(BoundExpression expression) =>
        BoundExpressionWalk.PreOrder(expression).Any(e => e is QuantityExpression { IsFlow: true } or DurationOfExpression);
}
