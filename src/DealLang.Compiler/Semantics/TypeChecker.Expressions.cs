using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// expr : ( expr ) | - expr | expr of expr | expr (* | /) expr | expr (+ | -) expr | expr (< <= > >= == !=) expr
//      | not expr | expr and expr | expr or expr | if expr then expr else expr | ident ( args ) | QUANTITY | NUMBER
//      | DATE | reference
internal sealed partial class TypeChecker
{
    private BoundExpression Bind(ExpressionSyntax? expression, ExpressionContext context) => expression switch
    {
        LiteralSyntax literal => new ConstantExpression(literal.Value, UnitOf(literal.Kind)),
        MeasureLiteralSyntax measure => MeasureUnits.Bind(measure),
        DateLiteralSyntax date => new DateConstantExpression(date.Value),
        ReferenceSyntax reference => BindReference(reference, context),
        UnaryExpressionSyntax unary => BindUnary(unary, context),
        BinaryExpressionSyntax binary => BindBinary(binary, context),
        CallExpressionSyntax call => BindCall(call, context),
        DurationOfSyntax durationOf => BindDurationOf(durationOf, context),
        ConditionalExpressionSyntax conditional => BindConditional(conditional, context),
        _ => BadExpression.Instance, // absent (a syntax error already reported) or unknown
    };

    /// <summary>A literal's own unit, from its suffix (a bare number is a number until it meets something).</summary>
    internal static Unit UnitOf(LiteralKind kind) => kind switch
    {
        LiteralKind.Money => Unit.Money,
        LiteralKind.Rate => Unit.Rate,
        LiteralKind.Ratio => Unit.Ratio,
        _ => Unit.Number,
    };

    private BoundExpression BindReference(ReferenceSyntax reference, ExpressionContext context)
    {
        if (!_analysis.References.TryGetValue(reference, out ResolvedReference? resolved))
        {
            return BadExpression.Instance; // the binder reported why
        }

        if (!IsKnownAt(reference, resolved, context))
        {
            return BadExpression.Instance;
        }

        MemberInfo member = resolved.Member;
        if (member.Quantity == Quantity.TestValue && resolved.Symbol is { } test)
        {
            // A test's value has the test's unit; it is a stock (a trailing test sums the flows inside it, not its value).
            BoundExpression? value = BindTest(test);
            return value is null or BadExpression
                ? BadExpression.Instance
                : new QuantityExpression(Quantity.TestValue, test.Index, value.Unit, IsFlow: false) { Dimension = value.Dimension };
        }

        if (member.Quantity == Quantity.IndexLevel && resolved.Symbol is { Declaration: IndexSyntax index })
        {
            // An index's level has its level's unit (a rate, money, a compute price); a stock, read at the period's start.
            BoundExpression level = IndexLevel(index);
            return level is BadExpression
                ? BadExpression.Instance
                : new QuantityExpression(Quantity.IndexLevel, resolved.Index, level.Unit, IsFlow: false) { Dimension = level.Dimension };
        }

        return new QuantityExpression(member.Quantity, resolved.Index, member.Unit, member.IsFlow) { Dimension = member.Dimension };
    }

    /// <summary>
    /// Whether the quantity is already known where the expression is evaluated. A fee is worked out before
    /// cfads (which subtracts the fees), an RVG is paid with the period's collections, tests run before
    /// triggers, and triggers in declaration order.
    /// </summary>
    private bool IsKnownAt(ReferenceSyntax reference, ResolvedReference resolved, ExpressionContext context)
    {
        Quantity q = resolved.Member.Quantity;
        string name = ExpressionPrinter.Print(reference);
        switch (context.Kind)
        {
            case ContextKind.Test when q == Quantity.TriggerActive:
                _diagnostics.Add(DiagnosticCatalogue.TestReadsTrigger(reference.Span, context.Self?.Name ?? "", name));
                return false;
            case ContextKind.Trigger when q == Quantity.TriggerActive && context.Self is { } self
                                          && resolved.Symbol is { } other && other.Index >= self.Index:
                _diagnostics.Add(DiagnosticCatalogue.TriggerReadsLaterTrigger(reference.Span, self.Name, other.Name));
                // the user meant to read it (two triggers reading each other in a cycle, or one itself): the error says
                // what to fix, and DL0225 on the trigger read, or on the one it reads back, would say nothing reads it
                _analysis.NamedInError.Add(other);
                return false;
            case ContextKind.FeeAmount when IsDueOrLater(q) || q == Quantity.AccountTarget:
                _diagnostics.Add(DiagnosticCatalogue.NotYetKnown(reference.Span, name, context.Owner,
                    "fees are worked out with the period's amounts due, before cfads, debt service, account targets, tests and triggers"));
                return false;
            case ContextKind.RvgGuarantee when IsDueOrLater(q) || q is Quantity.Collections or Quantity.LeaseRent or Quantity.AccountTarget:
                _diagnostics.Add(DiagnosticCatalogue.NotYetKnown(reference.Span, name, context.Owner,
                    "the guarantee is paid as part of the period's collections, before rent, amounts due, tests and triggers are known (the scheduled principal is known: use T.scheduled_balance)"));
                return false;
            case ContextKind.PeriodStart when !IsKnownAtPeriodStart(q):
                _diagnostics.Add(DiagnosticCatalogue.NotYetKnown(reference.Span, name, context.Owner,
                    "a tranche's coupon, PIK toggle and target balance are worked out before the period's cash, from what is known then (balances at the period's start, index levels, collateral values (at the period's start in a coupon or PIK condition, at its end in a target balance), dates, defaults), before collections, amounts due, coupons, draws, tests and triggers"));
                return false;
            case ContextKind.AccountTarget when q is Quantity.TestValue or Quantity.TriggerActive:
                // worked out before the tests and triggers: it would read last period's (DL0231)
                _diagnostics.Add(DiagnosticCatalogue.TargetReadsTestOrTrigger(reference.Span, context.Owner, name, q == Quantity.TriggerActive));
                return false;
            case ContextKind.AccountTarget when q == Quantity.AccountTarget:
                _diagnostics.Add(DiagnosticCatalogue.NotYetKnown(reference.Span, name, context.Owner,
                    "an account's target cannot depend on an account's target"));
                return false;
            default:
                return true;
        }
    }

    /// <summary>Whether a quantity is known at the period's start, when tranches' interest is worked out (step 2a):
    /// not what the period's collections, amounts due, tests, triggers or waterfall work out, nor a coupon (each
    /// tranche's is set in the same step). A quantity not listed here is a stock or a path input.</summary>
    private static bool IsKnownAtPeriodStart(Quantity q) => !(IsDueOrLater(q) || q is Quantity.Collections
        or Quantity.AccountTarget or Quantity.FeePaid or Quantity.TrancheScheduledBalance or Quantity.TrancheCoupon
        or Quantity.TrancheInterestPaid or Quantity.TranchePrincipalPaid or Quantity.TrancheDrawn or Quantity.TrancheCommitmentFee or Quantity.TrancheGuaranteeFee
        or Quantity.LeaseRent or Quantity.LeaseActive or Quantity.LeaseEnded
        or Quantity.LoanInterest or Quantity.LoanPrincipal or Quantity.LoanRecovery or Quantity.LoanLoss
        or Quantity.LoanDefaulted or Quantity.CoinsMined or Quantity.CoinsRevenue or Quantity.CoinsPowerCost);

    /// <summary>Quantities worked out at or after the amounts due (step 2 of the period loop).</summary>
    private static bool IsDueOrLater(Quantity q) => q is Quantity.Cfads or Quantity.DebtService
        or Quantity.TrancheInterestDue or Quantity.TranchePrincipalDue or Quantity.TrancheDebtService
        or Quantity.FeeDue or Quantity.TestValue or Quantity.TriggerActive;

    private BoundExpression BindUnary(UnaryExpressionSyntax unary, ExpressionContext context)
    {
        BoundExpression operand = Bind(unary.Operand, context);
        if (operand is BadExpression)
        {
            return operand;
        }

        if (unary.Operator == UnaryOperator.Not)
        {
            if (operand.Unit != Unit.Bool)
            {
                _diagnostics.Add(DiagnosticCatalogue.LogicNeedsConditions(unary.Span, "not", UnitNames.Described(operand)));
                return BadExpression.Instance;
            }

            return new UnaryExpression(BoundUnaryOperator.Not, operand, Unit.Bool);
        }

        if (!UnitNames.IsNumeric(operand.Unit))
        {
            _diagnostics.Add(DiagnosticCatalogue.OperatorNotApplicable(unary.Span, "-", UnitNames.Described(operand)));
            return BadExpression.Instance;
        }

        return operand is ConstantExpression c
            ? new ConstantExpression(-c.Value, c.Unit) { Dimension = c.Dimension }
            : new UnaryExpression(BoundUnaryOperator.Negate, operand, operand.Unit) { Dimension = operand.Dimension };
    }

    /// <summary>
    /// A chain such as <c>a + b + c + ...</c> is a left-deep tree as long as the chain (the parser builds it in a
    /// loop), so the left spine is walked in a loop too; only right operands, whose nesting the parser bounds,
    /// recurse.
    /// </summary>
    private BoundExpression BindBinary(BinaryExpressionSyntax binary, ExpressionContext context)
    {
        WarnOfRepeatedConditions(binary);
        var spine = new Stack<BinaryExpressionSyntax>();
        ExpressionSyntax? innermost = binary;
        while (innermost is BinaryExpressionSyntax node)
        {
            spine.Push(node);
            innermost = node.Left;
        }

        BoundExpression left = Bind(innermost, context);
        while (spine.TryPop(out BinaryExpressionSyntax? node))
        {
            left = Combine(node, left, Bind(node.Right, context));
        }

        return left;
    }

    private BoundExpression Combine(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            return BindLogical(binary, left, right);
        }

        if (left is BadExpression || right is BadExpression)
        {
            return BadExpression.Instance;
        }

        return binary.Operator switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract => BindAdditive(binary, left, right),
            BinaryOperator.Multiply or BinaryOperator.Of => BindMultiply(binary, left, right),
            BinaryOperator.Divide => BindDivide(binary, left, right),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                or BinaryOperator.Equal or BinaryOperator.NotEqual => BindComparison(binary, left, right),
            _ => BadExpression.Instance,
        };
    }

    private BoundExpression BindLogical(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        string op = binary.Operator == BinaryOperator.And ? "and" : "or";
        bool ok = true;
        foreach ((BoundExpression side, ExpressionSyntax? syntax) in new[] { (left, binary.Left), (right, binary.Right) })
        {
            if (side is BadExpression)
            {
                ok = false;
            }
            else if (side.Unit != Unit.Bool)
            {
                _diagnostics.Add(DiagnosticCatalogue.LogicNeedsConditions(syntax?.Span ?? binary.Span, op, UnitNames.Described(side.Unit)));
                ok = false;
            }
        }

        return ok ? new BinaryExpression(BoundOperators.Of(binary.Operator), left, right, Unit.Bool) : BadExpression.Instance;
    }

    // min(a, b, ...), max(a, b, ...), abs(a)
    private BoundExpression BindCall(CallExpressionSyntax call, ExpressionContext context)
    {
        var arguments = SyntaxWalk.Safe(call.Arguments).Select(a => (Syntax: a, Bound: Bind(a, context))).ToList();
        string name = call.Function?.Text ?? "";
        BuiltinFunction? function = name switch
        {
            "min" => BuiltinFunction.Min,
            "max" => BuiltinFunction.Max,
            "abs" => BuiltinFunction.Abs,
            "years_between" => BuiltinFunction.YearsBetween,
            _ => null,
        };
        if (function is not { } fn)
        {
            if (call.Function is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.UnknownFunction(call.Function.Span, name, NameSuggestions.Closest(name, Builtins.Functions)));
            }

            return BadExpression.Instance;
        }

        if (fn == BuiltinFunction.YearsBetween)
        {
            return BindYearsBetween(call, arguments);
        }

        if (fn == BuiltinFunction.Abs && arguments.Count != 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.WrongArgumentCount(call.Span, name, "one value", arguments.Count));
            return BadExpression.Instance;
        }

        if (fn != BuiltinFunction.Abs && arguments.Count < 2)
        {
            _diagnostics.Add(DiagnosticCatalogue.WrongArgumentCount(call.Span, name, "at least two values", arguments.Count));
            return BadExpression.Instance;
        }

        if (arguments.Exists(a => a.Bound is BadExpression))
        {
            return BadExpression.Instance;
        }

        // Bare numbers adopt the unit of the others, as in + and -.
        BoundExpression typed = arguments.Select(a => a.Bound).FirstOrDefault(b => b.Unit != Unit.Number, arguments[0].Bound);
        Unit unit = typed.Unit;
        Dimension dimension = typed.Dimension;
        var bound = ImmutableArray.CreateBuilder<BoundExpression>(arguments.Count);
        foreach ((ExpressionSyntax syntax, BoundExpression argument) in arguments)
        {
            if (!UnitNames.IsNumeric(argument.Unit)
                || ((argument.Unit != unit || argument.Dimension != dimension) && argument.Unit != Unit.Number))
            {
                _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                    call.Span, $"take the {name} of {UnitNames.Noun(typed)} and {UnitNames.Noun(argument)}"));
                return BadExpression.Instance;
            }

            if (!TryAdopt(argument, unit, syntax, out BoundExpression adopted, dimension))
            {
                return BadExpression.Instance;
            }

            bound.Add(adopted);
        }

        ImmutableArray<BoundExpression> args = bound.MoveToImmutable();
        if (args.All(a => a is ConstantExpression))
        {
            double value = fn switch
            {
                BuiltinFunction.Min => args.Min(a => ((ConstantExpression)a).Value),
                BuiltinFunction.Max => args.Max(a => ((ConstantExpression)a).Value),
                _ => Math.Abs(((ConstantExpression)args[0]).Value),
            };
            return new ConstantExpression(value, unit) { Dimension = dimension };
        }

        return new CallExpression(fn, args, unit) { Dimension = dimension };
    }

    /// <summary><c>years_between(d1, d2)</c>: two dates (DL0329) → a number of years, the days between over 365.</summary>
    private BoundExpression BindYearsBetween(CallExpressionSyntax call, List<(ExpressionSyntax Syntax, BoundExpression Bound)> arguments)
    {
        if (arguments.Count != 2)
        {
            _diagnostics.Add(DiagnosticCatalogue.WrongArgumentCount(call.Span, "years_between", "two dates", arguments.Count));
            return BadExpression.Instance;
        }

        bool ok = true;
        foreach ((ExpressionSyntax syntax, BoundExpression argument) in arguments)
        {
            if (argument is not BadExpression && argument.Unit != Unit.Date)
            {
                _diagnostics.Add(DiagnosticCatalogue.YearsBetweenNeedsDates(syntax.Span, UnitNames.Described(argument)));
                ok = false;
            }
        }

        return ok && !arguments.Exists(a => a.Bound is BadExpression)
            ? new CallExpression(BuiltinFunction.YearsBetween, [arguments[0].Bound, arguments[1].Bound], Unit.Number)
            : BadExpression.Instance;
    }

    /// <summary>
    /// <c>if C then A else B</c>: C a condition (DL0304); A and B of one unit and dimension (DL0328), a bare number
    /// adopting the other branch's unit as in <c>+</c>. Not a flow (<c>6m of</c> needs a plain one); inside a
    /// trailing test each flow it reads, in the condition too, is its sum over the window, as everywhere there.
    /// </summary>
    private BoundExpression BindConditional(ConditionalExpressionSyntax conditional, ExpressionContext context)
    {
        BoundExpression condition = Bind(conditional.Condition, context);
        BoundExpression whenTrue = Bind(conditional.WhenTrue, context);
        BoundExpression whenFalse = Bind(conditional.WhenFalse, context);
        if (condition is not BadExpression && condition.Unit != Unit.Bool)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConditionNotBool(
                conditional.Condition?.Span ?? conditional.Span, "the condition of 'if … then … else'", UnitNames.Described(condition)));
            return BadExpression.Instance;
        }

        if (condition is BadExpression || whenTrue is BadExpression || whenFalse is BadExpression)
        {
            return BadExpression.Instance;
        }

        BoundExpression typed = whenTrue.Unit == Unit.Number ? whenFalse : whenTrue;
        foreach (BoundExpression branch in new[] { whenTrue, whenFalse })
        {
            bool numeric = UnitNames.IsNumeric(typed.Unit) && branch.Unit == Unit.Number;
            if (!numeric && (branch.Unit != typed.Unit || branch.Dimension != typed.Dimension))
            {
                _diagnostics.Add(DiagnosticCatalogue.ConditionalBranchesDiffer(
                    conditional.Span, UnitNames.Described(whenTrue), UnitNames.Described(whenFalse)));
                return BadExpression.Instance;
            }
        }

        if (!TryAdopt(whenTrue, typed.Unit, conditional.WhenTrue, out BoundExpression adoptedTrue, typed.Dimension)
            || !TryAdopt(whenFalse, typed.Unit, conditional.WhenFalse, out BoundExpression adoptedFalse, typed.Dimension))
        {
            return BadExpression.Instance;
        }

        return new ConditionalExpression(condition, adoptedTrue, adoptedFalse, typed.Unit) { Dimension = typed.Dimension };
    }

    // `6m of debt_service`: six months' worth of a per-period flow.
    private BoundExpression BindDurationOf(DurationOfSyntax durationOf, ExpressionContext context)
    {
        BoundExpression flow = Bind(durationOf.Flow, context);
        if (flow is BadExpression || durationOf.Duration is null)
        {
            return BadExpression.Instance;
        }

        if (flow.Unit != Unit.Money || !IsFlow(flow))
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationOfNeedsFlow(
                durationOf.Span, durationOf.Duration.Text, ExpressionPrinter.Print(durationOf.Flow)));
            return BadExpression.Instance;
        }

        return new DurationOfExpression(DurationRules.Months(durationOf.Duration) / _analysis.MonthsPerPeriod, flow);
    }

    /// <summary>Whether an expression is a per-period amount: a flow, a sum of flows, or a flow scaled by a
    /// constant. Loops down left spines, which can be as long as a chain of additions.</summary>
    internal static bool IsFlow(BoundExpression expression)
    {
        BoundExpression current = expression;
        while (true)
        {
            switch (current)
            {
                case QuantityExpression q:
                    return q.IsFlow;
                case DurationOfExpression:
                    return true;
                case UnaryExpression { Operator: BoundUnaryOperator.Negate } u:
                    current = u.Operand;
                    break;
                case BinaryExpression { Operator: BoundBinaryOperator.Add or BoundBinaryOperator.Subtract } b:
                    if (!IsFlow(b.Right))
                    {
                        return false;
                    }

                    current = b.Left;
                    break;
                case BinaryExpression { Operator: BoundBinaryOperator.Multiply, Right: ConstantExpression } b:
                    current = b.Left;
                    break;
                case BinaryExpression { Operator: BoundBinaryOperator.Multiply, Left: ConstantExpression } b:
                    current = b.Right;
                    break;
                case BinaryExpression { Operator: BoundBinaryOperator.Divide, Right: ConstantExpression } b:
                    current = b.Left;
                    break;
                case CallExpression c:
                    return c.Arguments.All(IsFlow);
                default:
                    return false;
            }
        }
    }
}
