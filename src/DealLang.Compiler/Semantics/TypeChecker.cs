using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Gives every expression in the deal a unit and a bound tree (<see cref="BoundExpression"/>): terms must be
/// constants of their expected unit (folded here: <c>100m * 2</c> is 2e8), conditions must be true/false, and
/// each expression may only read what is known at its point in the period. This file walks the declarations;
/// the expression rules are in TypeChecker.Expressions.cs and the unit algebra in TypeChecker.Units.cs.
/// </summary>
internal sealed partial class TypeChecker
{
    private readonly DealAnalysis _analysis;
    private readonly DiagnosticBag _diagnostics;

    // Tests are bound on first use (a test's unit is needed wherever it is read); the in-progress set stops a
    // cycle from recursing forever. DealChecks reports the cycle itself.
    private readonly Dictionary<int, BoundExpression> _tests = [];
    private readonly HashSet<int> _testsInProgress = [];

    private TypeChecker(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        _analysis = analysis;
        _diagnostics = diagnostics;
    }

    /// <summary>How strictly a constant term's value is bounded.</summary>
    private enum Range
    {
        Any,
        NonNegative,
        Fraction,
    }

    public static void Check(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        var checker = new TypeChecker(analysis, diagnostics);
        checker.CheckDeclarations();
        checker.CheckScenarios();
    }

    private void CheckDeclarations()
    {
        // Tests first, each after those it reads, so reading a test finds it already bound and a long chain
        // of tests does not nest one binding inside another. Tests in a cycle are bound below, on the way.
        IReadOnlyList<Symbol> tests = _analysis.Symbols.OfKind(SymbolKind.Test);
        foreach (int index in TestOrder.Order(_analysis))
        {
            BindTest(tests[index]);
        }

        foreach (DeclarationSyntax declaration in SyntaxWalk.Safe(_analysis.Deal.Declarations))
        {
            switch (declaration)
            {
                case PartySyntax party:
                    string p = $"party '{party.Name?.Text}'";
                    Term(party.Pd, Unit.Rate, $"the pd of {p}", Range.Fraction);
                    Term(party.Recovery, Unit.Rate, $"the recovery of {p}", Range.Fraction);
                    break;
                case FacilitySyntax facility:
                    CheckFacility(facility);
                    break;
                case LeaseSyntax lease:
                    CheckLease(lease);
                    break;
                case TrancheSyntax tranche:
                    string t = $"tranche '{tranche.Name?.Text}'";
                    Term(tranche.Balance, Unit.Money, $"the balance of {t}", Range.NonNegative);
                    Term(tranche.Coupon, Unit.Rate, $"the coupon of {t}", Range.NonNegative);
                    foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Amortization?.Schedule ?? []))
                    {
                        Term(point.Amount, Unit.Money, $"a scheduled principal amount of {t}", Range.NonNegative);
                    }

                    break;
                case EquitySyntax equity:
                    string e = $"equity '{equity.Name?.Text}'";
                    Term(equity.Contributed, Unit.Money, $"the contribution to {e}", Range.NonNegative);
                    foreach (HolderSyntax holder in SyntaxWalk.Safe(equity.Holders))
                    {
                        Term(holder.Share, Unit.Rate, $"the share of {holder.Party?.Text} in {e}", Range.Fraction);
                    }

                    break;
                case AccountSyntax account:
                    string a = $"account '{account.Name?.Text}'";
                    Value(account.Target, Unit.Money, new ExpressionContext(ContextKind.AccountTarget, $"the target of {a}"));
                    Term(account.Initial, Unit.Money, $"the initial balance of {a}", Range.NonNegative);
                    Term(account.Earns, Unit.Rate, $"the interest rate earned by {a}", Range.NonNegative);
                    break;
                case FeeSyntax fee:
                    string f = $"fee '{fee.Name?.Text}'";
                    Value(fee.Amount, Unit.Money, new ExpressionContext(ContextKind.FeeAmount, $"the amount of {f}"));
                    Term(fee.Escalator, Unit.Rate, $"the escalator of {f}", Range.Any);
                    CheckFeeBasis(fee);
                    break;
                case TestSyntax test:
                    if (_analysis.Symbols.For(test) is { } symbol)
                    {
                        BindTest(symbol);
                    }
                    else
                    {
                        BindTestExpression(test, null); // a duplicate: still check what it says
                    }

                    break;
                case TriggerSyntax trigger:
                    Condition(trigger.Condition, new ExpressionContext(
                        ContextKind.Trigger, $"the condition of trigger '{trigger.Name?.Text}'", _analysis.Symbols.For(trigger)));
                    break;
                case DefaultRuleSyntax rule:
                    Condition(rule.Condition, new ExpressionContext(ContextKind.DefaultRule, "the default rule"));
                    break;
                case WaterfallSyntax waterfall:
                    Steps(waterfall.Steps);
                    break;
                case EnforcementSyntax enforcement:
                    foreach (SellSyntax sale in SyntaxWalk.Safe(enforcement.Sales))
                    {
                        Term(sale.Haircut, Unit.Rate, "the haircut of the enforcement sale", Range.Fraction);
                    }

                    Steps(enforcement.Waterfall?.Steps ?? []);
                    break;
            }
        }
    }

    private void CheckFacility(FacilitySyntax facility)
    {
        string f = $"facility '{facility.Name?.Text}'";
        Term(facility.Cost, Unit.Money, $"the cost of {f}", Range.NonNegative);
        switch (facility.Value)
        {
            case StraightLineValueSyntax line:
                Term(line.Floor, Unit.Rate, $"the value floor of {f}", Range.Fraction);
                break;
            case ScheduleValueSyntax schedule:
                foreach (SchedulePointSyntax point in SyntaxWalk.Safe(schedule.Points))
                {
                    Term(point.Amount, Unit.Money, $"a value in the schedule of {f}", Range.NonNegative);
                }

                break;
        }
    }

    private void CheckLease(LeaseSyntax lease)
    {
        string l = $"lease '{lease.Name?.Text}'";
        Term(lease.Rent, Unit.Money, $"the rent of {l}", Range.NonNegative);
        Term(lease.Escalator, Unit.Rate, $"the rent escalator of {l}", Range.Any);
        if (lease.Rvg is { } rvg)
        {
            Value(rvg.Guarantees, Unit.Money, new ExpressionContext(
                ContextKind.RvgGuarantee, $"the amount guaranteed by the residual value guarantee of {l}"));
            Term(rvg.Cap, Unit.Money, $"the residual value guarantee cap of {l}", Range.NonNegative);
        }
    }

    private void Steps(ImmutableArray<StepSyntax> steps)
    {
        foreach (StepSyntax step in SyntaxWalk.Steps(steps))
        {
            if (step is IfStepSyntax branch)
            {
                Condition(branch.Condition, new ExpressionContext(
                    ContextKind.WaterfallCondition, $"the condition of 'if {ExpressionPrinter.Print(branch.Condition)}'"));
            }
        }
    }

    private void CheckScenarios()
    {
        foreach (ScenarioSyntax scenario in SyntaxWalk.Safe(_analysis.Scenarios))
        {
            string s = $"scenario '{scenario.Name?.Text}'";
            foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
            {
                switch (item)
                {
                    case DeflateSyntax deflate:
                        Term(deflate.Rate, Unit.Rate, $"the deflation of {ExpressionPrinter.Print(deflate.Path)} in {s}", Range.Any);
                        break;
                    case DropSyntax drop:
                        Term(drop.Fraction, Unit.Rate, $"the drop of {ExpressionPrinter.Print(drop.Path)} in {s}", Range.Fraction);
                        break;
                    case EnforcementOverrideSyntax enforcement:
                        Term(enforcement.Haircut, Unit.Rate, $"the enforcement haircut in {s}", Range.Fraction);
                        break;
                }
            }
        }
    }

    /// <summary>A test's bound expression, binding it on first use; null while it is being bound (a cycle).</summary>
    private BoundExpression? BindTest(Symbol test)
    {
        if (_tests.TryGetValue(test.Index, out BoundExpression? bound))
        {
            return bound;
        }

        if (!_testsInProgress.Add(test.Index))
        {
            return null;
        }

        bound = BindTestExpression((TestSyntax)test.Declaration, test);
        _testsInProgress.Remove(test.Index);
        _tests[test.Index] = bound;
        return bound;
    }

    private BoundExpression BindTestExpression(TestSyntax test, Symbol? self)
    {
        if (test.Expression is null)
        {
            return BadExpression.Instance;
        }

        BoundExpression bound = Bind(test.Expression, new ExpressionContext(ContextKind.Test, $"test '{test.Name?.Text}'", self));
        if (bound is not BadExpression && bound.Unit is Unit.Date or Unit.Bool)
        {
            _diagnostics.Add(DiagnosticCatalogue.TestNotNumeric(test.Expression.Span, test.Name?.Text ?? "", UnitNames.Described(bound.Unit)));
            bound = BadExpression.Instance;
        }

        Record(test.Expression, bound);
        return bound;
    }

    /// <summary>A term fixed by the deal: binds, checks the unit, requires a constant and checks its range.</summary>
    private void Term(ExpressionSyntax? expression, Unit expected, string what, Range range)
    {
        if (expression is null)
        {
            return;
        }

        BoundExpression bound = Expect(Bind(expression, new ExpressionContext(ContextKind.Term, what)), expected, what, expression);
        if (bound is BadExpression)
        {
            return;
        }

        if (bound is not ConstantExpression constant)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotConstant(expression.Span, what));
            return;
        }

        if (range == Range.NonNegative && constant.Value < 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.NegativeAmount(expression.Span, what));
        }
        else if (range == Range.Fraction && constant.Value is < 0 or > 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.FractionOutOfRange(expression.Span, what, constant.Value));
        }

        Record(expression, constant);
    }

    /// <summary>An amount that may read deal state (a target, a fee, an RVG's guaranteed amount).</summary>
    private void Value(ExpressionSyntax? expression, Unit expected, ExpressionContext context)
    {
        if (expression is null)
        {
            return;
        }

        Record(expression, Expect(Bind(expression, context), expected, context.Owner, expression));
    }

    /// <summary>A trigger condition, the default rule or a waterfall <c>if</c>: must be true/false.</summary>
    private void Condition(ExpressionSyntax? expression, ExpressionContext context)
    {
        if (expression is null)
        {
            return;
        }

        BoundExpression bound = Bind(expression, context);
        if (bound is not BadExpression && bound.Unit != Unit.Bool)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConditionNotBool(expression.Span, context.Owner, UnitNames.Described(bound.Unit)));
            bound = BadExpression.Instance;
        }

        Record(expression, bound);
    }

    private void Record(ExpressionSyntax expression, BoundExpression bound)
    {
        if (bound is not BadExpression)
        {
            _analysis.Bound[expression] = bound;
        }
    }
}
