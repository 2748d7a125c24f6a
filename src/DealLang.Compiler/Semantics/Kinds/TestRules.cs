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

        if (test.Next is { } next)
        {
            CheckForward(test, next, checks);
        }

        checks.RequireWithinDeal(test.From, $"the 'from' date of test '{test.Name?.Text}'", checks.Maturity, "the deal's maturity");
    }

    /// <summary><c>over next D</c>: D positive, whole months, not longer than the deal; and only debt service and
    /// cfads read as flows (the flows the test can project from what is known at its date). A projected cfads that
    /// leaves out a per-period fee (a share of a flow it does not project) is warned about (DL0320).</summary>
    private static void CheckForward(TestSyntax test, DurationSyntax next, DealChecks checks)
    {
        string name = test.Name?.Text ?? "";
        int months = DurationRules.WholeMonths(next, out bool exact);
        if (DurationRules.Months(next) <= 0)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DurationNotPositive(next.Span, $"the forward window of test '{name}'"));
        }
        else if (!exact || next.Unit is TimeUnit.Days or TimeUnit.Weeks)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ForwardWindowNotWholeMonths(next.Span, name, next.Text ?? ""));
        }
        else if (checks.Closing is { } closing && checks.Maturity is { } maturity && months > MonthsBetween(closing, maturity))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ForwardWindowBeyondDeal(next.Span, name, months, MonthsBetween(closing, maturity)));
        }

        ReferenceSyntax? cfads = null;
        foreach (ReferenceSyntax reference in References(test.Expression))
        {
            if (checks.Analysis.References.TryGetValue(reference, out ResolvedReference? resolved)
                && resolved.Member is { IsFlow: true, Quantity: not (Quantity.DebtService or Quantity.TrancheDebtService or Quantity.Cfads) })
            {
                string flow = reference.Member is { } member ? reference.Name.Text + "." + member.Text : reference.Name.Text;
                checks.Diagnostics.Add(DiagnosticCatalogue.ForwardFlowNotProjected(reference.Span, name, flow));
            }
            else if (cfads is null && resolved?.Member is { Quantity: Quantity.Cfads })
            {
                cfads = reference;
            }
        }

        if (cfads is not null)
        {
            CheckForwardCfads(name, cfads, checks);
        }
    }

    /// <summary>What a forward CFADS cannot project, once per test at its first <c>cfads</c>: a per-period fee that is
    /// a share of a flow it does not project (<see cref="ForwardFlows"/>: not known ahead).</summary>
    private static void CheckForwardCfads(string test, ReferenceSyntax cfads, DealChecks checks)
    {
        foreach (FeeSyntax fee in SyntaxWalk.Safe(checks.Analysis.Deal.Declarations).OfType<FeeSyntax>()
            .Where(f => !f.PerYear && checks.Analysis.BoundOf(f.Amount) is { } amount && !ForwardFlows.Projects(amount)))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ForwardCfadsLeavesOutFee(cfads.Span, test, fee.Name?.Text ?? ""));
        }
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (a part month not counted,
    /// but month ends count whole: 2025-01-31 to 2025-02-28 is one).</summary>
    private static int MonthsBetween(Date from, Date to)
    {
        int months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day && !to.IsEndOfMonth ? months - 1 : months;
    }

    /// <summary>The references in an expression, walked iteratively (a long sum is as deep as it is long).</summary>
    private static IEnumerable<ReferenceSyntax> References(ExpressionSyntax? root)
    {
        var pending = new Stack<ExpressionSyntax?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ReferenceSyntax reference:
                    yield return reference;
                    break;
                case UnaryExpressionSyntax unary:
                    pending.Push(unary.Operand);
                    break;
                case BinaryExpressionSyntax binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case CallExpressionSyntax call:
                    foreach (ExpressionSyntax argument in SyntaxWalk.Safe(call.Arguments))
                    {
                        pending.Push(argument);
                    }

                    break;
                case DurationOfSyntax durationOf:
                    pending.Push(durationOf.Flow);
                    break;
                case ConditionalExpressionSyntax conditional:
                    pending.Push(conditional.WhenFalse);
                    pending.Push(conditional.WhenTrue);
                    pending.Push(conditional.Condition);
                    break;
            }
        }
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
