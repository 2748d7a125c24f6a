using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Gives every expression in the deal a unit and a bound tree (<see cref="BoundExpression"/>): terms must be
/// constants of their expected unit (folded here: <c>100m * 2</c> is 2e8), conditions must be true/false, and
/// each expression may only read what is known at its point in the period. This file walks the declarations (a
/// named one's terms are its kind's rules, Semantics/Kinds/) and offers those rules Term, Value and Condition;
/// the expression rules are in TypeChecker.Expressions.cs and the unit algebra in TypeChecker.Units.cs; compute-unit
/// terms in .Measures.cs, a loan's sale price in .LoanPrice.cs, a call decided in the run in .CallWhen.cs, and the
/// repeated-condition warning in .RepeatedConditions.cs.
/// </summary>
internal sealed partial class TypeChecker
{
    private readonly DealAnalysis _analysis;
    private readonly DiagnosticBag _diagnostics;

    // Tests are bound on first use (a test's unit is needed wherever it is read); the in-progress set stops a
    // cycle from recursing forever. DealChecks reports the cycle itself.
    private readonly Dictionary<int, BoundExpression> _tests = [];
    private readonly HashSet<int> _testsInProgress = [];

    // An index's level, bound on first use: wherever the index is read (its unit is the reader's), or by its rules.
    private readonly Dictionary<IndexSyntax, BoundExpression> _indexLevels = new(ReferenceEqualityComparer.Instance);

    // The index levels being bound (a level reading an index binds that index's level first), and whether one was read
    // while being bound: a cycle, reported by the level that closes it (IndexLevel, BindIndexLevel).
    private readonly HashSet<IndexSyntax> _levelsBeingBound = new(ReferenceEqualityComparer.Instance);
    private bool _levelCycle;

    private TypeChecker(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        _analysis = analysis;
        _diagnostics = diagnostics;
    }

    /// <summary>What the passes have learnt so far, for a kind's rules (Semantics/Kinds/).</summary>
    internal DealAnalysis Analysis => _analysis;

    internal DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>How strictly a constant term's value is bounded.</summary>
    internal enum Range
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
                case NamedDeclarationSyntax named:
                    KindRules.For(named.Kind).CheckTerms(named, this);
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
                        MarketTerms(sale.Market, "of the enforcement sale");
                        LoanPrice(sale.Price, "of the enforcement sale");
                    }

                    Steps(enforcement.Waterfall?.Steps ?? []);
                    break;
            }
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
                    case DeflateSyntax { Grows: true } grow:
                        // On an index, a facility's value or market_rent alike: [0%, 100%] (DL0767).
                        IndexRules.CheckGrowth(grow.Rate, $"the growth of {ExpressionPrinter.Print(grow.Path)} in {s}", this);
                        Term(grow.Volatility, Unit.Rate, $"the volatility of the growth of {ExpressionPrinter.Print(grow.Path)} in {s}", Range.NonNegative);
                        break;
                    case DeflateSyntax deflate when IndexNamed(deflate.Path?.Name) is not null:
                        IndexRules.CheckDeflate(deflate.Rate, $"the deflation of {ExpressionPrinter.Print(deflate.Path)} in {s}", this);
                        break;
                    case DeflateSyntax deflate:
                        Term(deflate.Rate, Unit.Rate, $"the deflation of {ExpressionPrinter.Print(deflate.Path)} in {s}", Range.Any);
                        Term(deflate.Volatility, Unit.Rate, $"the volatility of the deflation of {ExpressionPrinter.Print(deflate.Path)} in {s}", Range.NonNegative);
                        break;
                    case IndexProcessSyntax process when IndexNamed(process.Index) is { } index:
                        string of = $"index '{process.Index.Text}' in {s}";
                        Term(process.Drift, Unit.Rate, $"the drift of {of}", Range.Any);
                        Term(process.Speed, Unit.Rate, $"the speed of mean reversion of {of}", Range.NonNegative);
                        if (process.Toward is not null)
                        {
                            // Ornstein–Uhlenbeck on the level itself: the long-run level and the volatility are in the index's unit.
                            IndexValue(process.Toward, index, $"the long-run level of {of}");
                            IndexValue(process.Volatility, index, $"the volatility of {of}", IndexValueKind.AnySign);
                        }
                        else
                        {
                            Term(process.Volatility, Unit.Rate, $"the volatility of {of}", Range.NonNegative);
                        }

                        break;
                    case JumpsSyntax jumps:
                        Term(jumps.Rate, Unit.Rate, $"the yearly intensity of the jumps of index '{jumps.Index?.Text}' in {s}", Range.NonNegative);
                        Term(jumps.Down, Unit.Rate, $"the step down of each jump of index '{jumps.Index?.Text}' in {s}", Range.Fraction);
                        break;
                    case CorrelateSyntax correlate:
                        Term(correlate.Normal, Unit.Rate, $"the correlation of {ExpressionPrinter.Print(correlate.A)} and {ExpressionPrinter.Print(correlate.B)} in {s}", Range.Any);
                        Term(correlate.Stress, Unit.Rate, $"the stress correlation of {ExpressionPrinter.Print(correlate.A)} and {ExpressionPrinter.Print(correlate.B)} in {s}", Range.Any);
                        break;
                    case RegimesSyntax regimes:
                        Term(regimes.ToStress, Unit.Rate, $"the yearly intensity of switching to stress in {s}", Range.NonNegative);
                        Term(regimes.ToNormal, Unit.Rate, $"the yearly intensity of switching back to normal in {s}", Range.NonNegative);
                        break;
                    case IndexDelayDrawnSyntax drawnDelay:
                        foreach (DelayOutcomeSyntax outcome in SyntaxWalk.Safe(drawnDelay.Outcomes))
                        {
                            Term(outcome.Probability, Unit.Rate, $"the probability of a delay of {outcome.Delay.Text} of index '{drawnDelay.Index?.Text}' in {s}", Range.Fraction);
                        }

                        foreach (LoadingSyntax loading in SyntaxWalk.Safe(drawnDelay.Loadings))
                        {
                            Term(loading.Beta, Unit.Rate, $"the loading of {drawnDelay.Index?.Text}'s drawn delay on {ExpressionPrinter.Print(loading.Factor)} in {s}", Range.Any);
                        }

                        break;
                    case WorkoutDrawnSyntax workout:
                        // A party's lag, or a loan's own ('L workout drawn').
                        string owner = _analysis.Symbols.TryLookup(workout.Party?.Text, out Symbol drawnOwner) && drawnOwner.Kind == SymbolKind.Loan ? "loan" : "party";
                        foreach (DelayOutcomeSyntax outcome in SyntaxWalk.Safe(workout.Outcomes))
                        {
                            Term(outcome.Probability, Unit.Rate, $"the probability of a workout lag of {outcome.Delay.Text} of {owner} '{workout.Party?.Text}' in {s}", Range.Fraction);
                        }

                        foreach (LoadingSyntax loading in SyntaxWalk.Safe(workout.Loadings))
                        {
                            Term(loading.Beta, Unit.Rate, $"the loading of {workout.Party?.Text}'s drawn workout lag on {ExpressionPrinter.Print(loading.Factor)} in {s}", Range.Any);
                        }

                        break;
                    case BreaksDrawnSyntax drawnBreaks:
                        foreach (BreakChanceSyntax chance in SyntaxWalk.Safe(drawnBreaks.Chances))
                        {
                            Term(chance.Probability, Unit.Rate, $"the probability that {drawnBreaks.Lease?.Text} is broken {(drawnBreaks.Renewal is { } renewal ? $"in renewal {renewal} " : "")}at {chance.At.Text} in {s}", Range.Fraction);
                        }

                        foreach (LoadingSyntax loading in SyntaxWalk.Safe(drawnBreaks.Loadings))
                        {
                            Term(loading.Beta, Unit.Rate, $"the loading of {drawnBreaks.Lease?.Text}'s drawn break on {ExpressionPrinter.Print(loading.Factor)} in {s}", Range.Any);
                        }

                        break;
                    case RenewalsDrawnSyntax drawnRenewals:
                        Term(drawnRenewals.Probability, Unit.Rate, $"the probability that {drawnRenewals.Lease?.Text}'s {(_analysis.Symbols.TryLookup(drawnRenewals.Lease?.Text, out Symbol renewed) && renewed.Kind == SymbolKind.Contract ? "customer" : "lessee")} takes each renewal in {s}", Range.Fraction);
                        foreach (LoadingSyntax loading in SyntaxWalk.Safe(drawnRenewals.Loadings))
                        {
                            Term(loading.Beta, Unit.Rate, $"the loading of {drawnRenewals.Lease?.Text}'s drawn renewals on {ExpressionPrinter.Print(loading.Factor)} in {s}", Range.Any);
                        }

                        break;
                    case DrawnDefaultsSyntax drawn:
                        Term(drawn.Pd, Unit.Rate, $"the annual PD of {drawn.Party?.Text}'s drawn default in {s}", Range.Fraction);
                        foreach (PdStepSyntax step in SyntaxWalk.Safe(drawn.Steps))
                        {
                            Term(step.Pd, Unit.Rate, $"the annual PD of {drawn.Party?.Text}'s drawn default from {step.From?.Value} in {s}", Range.Fraction);
                        }

                        foreach (LoadingSyntax loading in SyntaxWalk.Safe(drawn.Loadings))
                        {
                            Term(loading.Beta, Unit.Rate, $"the loading of {drawn.Party?.Text}'s default on {ExpressionPrinter.Print(loading.Factor)} in {s}", Range.Any);
                        }

                        if (drawn.Recovery is { } recovery)
                        {
                            RecoveryDraw(recovery, drawn.Party?.Text, s);
                        }

                        break;
                    case PartyDefaultsSyntax { Recovery: { } datedRecovery } dated:
                        RecoveryDraw(datedRecovery, dated.Party?.Text, s);
                        break;
                    case IndexLevelOverrideSyntax level when IndexNamed(level.Index) is { } index:
                        IndexValue(level.Level, index, $"the level of index '{level.Index.Text}' in {s}");
                        break;
                    case IndexPointsOverrideSyntax points when IndexNamed(points.Index) is { } index:
                        IndexRules.CheckPoints(points.Points, index, $"a point of index '{points.Index.Text}' in {s}", this);
                        break;
                    case IndexLaunchOverrideSyntax launch:
                        IndexRules.CheckDown(launch.Launch, $"the step down of index '{launch.Index?.Text}' at the launch on {launch.Launch?.Date?.Value} in {s}", this);
                        break;
                    case IndexShiftSyntax shift when IndexNamed(shift.Index) is { } index:
                        IndexValue(shift.Shift, index, $"the shift of index '{shift.Index.Text}' in {s}", IndexValueKind.AnySign);
                        break;
                    case GuaranteeLeverSyntax guarantee:
                        Term(guarantee.Share, Unit.Rate, $"the share of its guarantees that {guarantee.Party?.Text} honours in {s}", Range.Fraction);
                        break;
                    case TrancheCalledSyntax called:
                        Term(called.Price, Unit.Rate, $"the call price of tranche '{called.Tranche?.Text}' in {s}", Range.Any);
                        Term(called.Part, Unit.Rate, $"the share of tranche '{called.Tranche?.Text}' called in {s}", Range.Any);
                        break;
                    case TrancheCalledWhenSyntax calledWhen:
                        CallWhen(calledWhen, scenario.Name?.Text ?? "", s);
                        break;
                    case TrancheConvertsSyntax converts:
                        Term(converts.Part, Unit.Rate, $"the share of tranche '{converts.Tranche?.Text}' its holders convert in {s}", Range.Any);
                        break;
                    case LoanPaysSyntax { Drawn: { } drawnShare } pays:
                        // A drawn share's mean is its Share (DL0599 holds it inside (0, 100%)), its loadings a recovery's.
                        BetaTerms(drawnShare, $"the share loan '{pays.Loan?.Text}''s obligor pays", s);
                        DrawLoadings(drawnShare, $"loan '{pays.Loan?.Text}''s drawn share", s);
                        break;
                    case LoanPaysSyntax pays:
                        Term(pays.Share, Unit.Rate, $"the share of what falls due that the obligor of loan '{pays.Loan?.Text}' pays in {s}", Range.Any);
                        break;
                    case HoldingMarketLeverSyntax market:
                        HoldingRules.CheckMarket(market.Market, $"holding '{market.Holding?.Text}' in {s}", this);
                        break;
                    case UtilisationSyntax utilisation:
                        Term(utilisation.Utilisation, Unit.Rate, $"the utilisation of contract '{utilisation.Contract?.Text}' in {s}", Range.Fraction);
                        break;
                    case ReletSyntax relet:
                        // A drawn utilisation's mean is its Utilisation, its range the beta's (DL0526), not a fraction's.
                        // A curve's first level is its Utilisation, its range the curve's (DL0514) as every level's.
                        Term(relet.Utilisation, Unit.Rate, $"the utilisation of contract '{relet.Contract?.Text}' once re-let in {s}", relet.Drawn is null && relet.Curve is null ? Range.Fraction : Range.Any);
                        ReletCurveTerms(relet.CurveExpressions, $"the re-let of contract '{relet.Contract?.Text}' in {s}");
                        ReletDrawTerms(relet.Drawn, relet.DrawnTo, $"the utilisation of contract '{relet.Contract?.Text}' once re-let in {s}");
                        // Its ramp's end's range, (0, 100%], is DealChecks' (DL0574), as a sale's re-let's is; its price the same rules (DL0576, DL0577).
                        Term(relet.RampTo, Unit.Rate, $"the re-let's end utilisation of contract '{relet.Contract?.Text}' in {s}", Range.Any);
                        ReletPrice(relet.Price, $"the re-let price of contract '{relet.Contract?.Text}' in {s}");
                        break;
                    case DropSyntax drop:
                        Term(drop.Fraction, Unit.Rate, $"the drop of {ExpressionPrinter.Print(drop.Path)} in {s}", Range.Fraction);
                        break;
                    case EnforcementOverrideSyntax enforcement:
                        Term(enforcement.Haircut, Unit.Rate, $"the enforcement haircut in {s}", Range.Fraction);
                        LoanYield(enforcement.Yield, $"of the enforcement override in {s}");
                        MarketTerms(enforcement.Market, $"of the enforcement override in {s}");
                        break;
                }
            }
        }
    }

    // A drawn recovery's terms: a beta's mean and sd, or each outcome's rate and probability (shares; their ranges are
    // the drawn recovery's own checks, DL0541 and DL0552-DL0554, which say what a recovery needs), then its loadings.
    private void RecoveryDraw(RecoveryDrawSyntax recovery, string? party, string scenario)
    {
        switch (recovery)
        {
            case BetaRecoverySyntax beta:
                BetaTerms(beta, $"{party}'s drawn recovery", scenario);
                break;
            case OutcomesRecoverySyntax drawn:
                foreach (RecoveryOutcomeSyntax outcome in SyntaxWalk.Safe(drawn.Outcomes))
                {
                    Term(outcome.Recovery, Unit.Rate, $"an outcome of {party}'s drawn recovery in {scenario}", Range.Any);
                    Term(outcome.Probability, Unit.Rate, $"the probability of an outcome of {party}'s drawn recovery in {scenario}", Range.Any);
                }

                if (drawn.Rest is { } rest)
                {
                    BetaTerms(rest, $"the beta after the outcomes of {party}'s drawn recovery", scenario);
                }

                break;
        }

        DrawLoadings(recovery, $"{party}'s drawn recovery", scenario);
    }

    // A drawn beta's mean and sd (shares; their ranges are the draw's own checks), <paramref name="what"/> naming it.
    private void BetaTerms(BetaRecoverySyntax beta, string what, string scenario)
    {
        Term(beta.Mean, Unit.Rate, $"the mean of {what} in {scenario}", Range.Any);
        Term(beta.Sd, Unit.Rate, $"the standard deviation of {what} in {scenario}", Range.Any);
    }

    // A drawn recovery's or share's loadings on the factors (wrong-way risk): a share, of either sign, as a drawn
    // default's; <paramref name="what"/> names what is drawn.
    private void DrawLoadings(RecoveryDrawSyntax drawn, string what, string scenario)
    {
        foreach (LoadingSyntax loading in SyntaxWalk.Safe(drawn.Loadings))
        {
            Term(loading.Beta, Unit.Rate, $"the loading of {what} on {ExpressionPrinter.Print(loading.Factor)} in {scenario}", Range.Any);
        }
    }

    /// <summary>The index a scenario's lever names, once the binder has resolved it to one (else null: reported there).</summary>
    private IndexSyntax? IndexNamed(NameSyntax? name) =>
        name is not null && _analysis.Names.TryGetValue(name, out Symbol? symbol) && symbol.Declaration is IndexSyntax index ? index : null;

    /// <summary>A test declaration: bound already if it is declared (tests are bound first, in dependency order); a
    /// duplicate, left out of the symbols, is still checked for what it says.</summary>
    internal void CheckTest(TestSyntax test)
    {
        if (_analysis.Symbols.For(test) is { } symbol)
        {
            BindTest(symbol);
        }
        else
        {
            BindTestExpression(test, null);
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
            _diagnostics.Add(DiagnosticCatalogue.TestNotNumeric(test.Expression.Span, test.Name?.Text ?? "", UnitNames.Described(bound)));
            bound = BadExpression.Instance;
        }

        Record(test.Expression, bound);
        return bound;
    }

    /// <summary>A term fixed by the deal: binds, checks the unit, requires a constant and checks its range.</summary>
    internal void Term(ExpressionSyntax? expression, Unit expected, string what, Range range)
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
    internal void Value(ExpressionSyntax? expression, Unit expected, ExpressionContext context)
    {
        if (expression is null)
        {
            return;
        }

        Record(expression, Expect(Bind(expression, context), expected, context.Owner, expression));
    }

    /// <summary>A trigger condition, the default rule or a waterfall <c>if</c>: must be true/false.</summary>
    internal void Condition(ExpressionSyntax? expression, ExpressionContext context)
    {
        if (expression is null)
        {
            return;
        }

        BoundExpression bound = Bind(expression, context);
        if (bound is not BadExpression && bound.Unit != Unit.Bool)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConditionNotBool(expression.Span, context.Owner, UnitNames.Described(bound)));
            bound = BadExpression.Instance;
        }

        Record(expression, bound);
    }

    /// <summary>An index's level: a constant of a unit its readers can use (money, rate, ratio or a compute measure),
    /// bound once; <see cref="BadExpression"/> when it is missing or wrong (reported here, once: DL0318).</summary>
    internal BoundExpression IndexLevel(IndexSyntax index)
    {
        if (_indexLevels.TryGetValue(index, out BoundExpression? known))
        {
            return known;
        }

        if (!_levelsBeingBound.Add(index))
        {
            // A level that reads its own index, directly or through another index's level (`level Rent` in Rent): no
            // level, and the level being bound says it is not a constant (BindIndexLevel).
            _levelCycle = true;
            return BadExpression.Instance;
        }

        BoundExpression level;
        try
        {
            level = BindIndexLevel(index);
        }
        finally
        {
            _levelsBeingBound.Remove(index);
        }

        _indexLevels[index] = level;
        return level;
    }

    private BoundExpression BindIndexLevel(IndexSyntax index)
    {
        if (index.Level is not { } expression)
        {
            return BadExpression.Instance; // DealChecks reports the missing level
        }

        string what = $"the level of index '{index.Name?.Text}'";
        BoundExpression bound = Bind(expression, new ExpressionContext(ContextKind.Term, what));
        if (bound is BadExpression)
        {
            if (_levelCycle)
            {
                // The level read an index whose level is being bound (itself, or one reading it): said once, here.
                _levelCycle = false;
                _diagnostics.Add(DiagnosticCatalogue.NotConstant(expression.Span, what));
            }

            return bound;
        }

        if (bound.Unit is not (Unit.Money or Unit.Rate or Unit.Ratio or Unit.Measure))
        {
            _diagnostics.Add(DiagnosticCatalogue.IndexLevelUnit(expression.Span, index.Name?.Text ?? "", UnitNames.Described(bound)));
            return BadExpression.Instance;
        }

        if (bound is not ConstantExpression constant)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotConstant(expression.Span, what));
            return BadExpression.Instance;
        }

        if (constant.Value < 0 && constant.Unit != Unit.Rate)
        {
            // A price (money, money per unit) or a ratio is never below zero; a rate may be.
            _diagnostics.Add(DiagnosticCatalogue.NegativeAmount(expression.Span, what));
        }

        Record(expression, constant);
        return constant;
    }

    /// <summary>What a value given for an index is, for the sign it may take (<see cref="IndexValue"/>).</summary>
    internal enum IndexValueKind
    {
        /// <summary>A level (a point, a scenario's level, a process's long-run level): not negative unless the index is
        /// a rate, since a price is never below zero (DL0312).</summary>
        Level,

        /// <summary>A scenario's shift (the level it leaves is read at max(0, level) for a price) or a process's
        /// volatility (its sign is DL0530's): any sign here.</summary>
        AnySign,
    }

    /// <summary>A value given for an index (a point; a scenario's level, points or shift; a process's long-run level or
    /// volatility): a constant of the index's own unit, its level's (DL0319 otherwise), and a level not below zero
    /// unless the index is a rate (DL0312). Nothing is said when the level itself is bad.</summary>
    internal void IndexValue(ExpressionSyntax? expression, IndexSyntax index, string what, IndexValueKind kind = IndexValueKind.Level)
    {
        if (expression is null)
        {
            return;
        }

        BoundExpression bound = Bind(expression, new ExpressionContext(ContextKind.Term, what));
        if (bound is BadExpression)
        {
            return;
        }

        if (bound is not ConstantExpression constant)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotConstant(expression.Span, what));
            return;
        }

        BoundExpression level = IndexLevel(index);
        if (level is BadExpression)
        {
            return;
        }

        if (constant.Unit != level.Unit || constant.Dimension != level.Dimension)
        {
            _diagnostics.Add(DiagnosticCatalogue.IndexValueUnit(
                expression.Span, what, index.Name?.Text ?? "", UnitNames.Described(constant), UnitNames.Described(level)));
            return;
        }

        if (constant.Value < 0 && kind == IndexValueKind.Level && level.Unit != Unit.Rate)
        {
            _diagnostics.Add(DiagnosticCatalogue.NegativeAmount(expression.Span, what));
            return;
        }

        Record(expression, constant);
    }

    private void Record(ExpressionSyntax expression, BoundExpression bound)
    {
        if (bound is not BadExpression)
        {
            _analysis.Bound[expression] = bound;
        }
    }
}
