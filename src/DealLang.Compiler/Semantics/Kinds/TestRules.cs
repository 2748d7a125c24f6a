using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>test Dscr = cfads / debt_service over trailing 12m from 2030-11-30</c>: a ratio or amount worked out
/// each period, read by its bare name.</summary>
internal sealed class TestRules : DeclarationRules<TestSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Test;

    /// <summary>The unit is the test's own (Number here); the type checker fills it in where the test is read.</summary>
    public override KindReading Reading { get; } = new KindReading.ByName(Quantity.TestValue, Unit.Number);

    protected override void Bind(TestSyntax test, Binder binder) => binder.BindTerms(test.Expression);

    /// <summary>Tests are bound in dependency order before the declarations are walked (TypeChecker.CheckDeclarations),
    /// so this finds a declared test already bound; a duplicate is still checked for what it says.</summary>
    protected override void CheckTerms(TestSyntax test, TypeChecker checker) => checker.CheckTest(test);

    protected override void CheckStructure(TestSyntax test, DealChecks checks)
    {
        if (test.Trailing is { } trailing)
        {
            CheckTrailing(test, trailing, checks);
        }

        checks.RequireWithinDeal(test.From, $"the 'from' date of test '{test.Name?.Text}'", checks.Maturity, "the deal's maturity");
    }

    private static void CheckTrailing(TestSyntax test, DurationSyntax trailing, DealChecks checks)
    {
        if (DurationRules.Months(trailing) <= 0)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DurationNotPositive(trailing.Span, $"the trailing window of test '{test.Name?.Text}'"));
            return;
        }

        if (checks.Analysis.Frequency is { } frequency)
        {
            int periods = DurationRules.TrailingPeriods(trailing, checks.Analysis.MonthsPerPeriod, out bool exact);
            if (!exact)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.TrailingNotWholePeriods(trailing.Span, trailing.Text ?? "", Frequencies.Name(frequency), periods));
            }
        }
    }
}
