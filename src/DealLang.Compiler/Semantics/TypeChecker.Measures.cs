using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A term fixed by the deal in compute units (a fleet's units, cost per GPU, power per GPU, power price): a constant
// of one Dimension. A bare number adopts it, as a bare number adopts money.
internal sealed partial class TypeChecker
{
    /// <summary>The diagnostic a term in the wrong compute unit gets: a fleet's DL0333 by default, the coins' DL0750.</summary>
    internal delegate Diagnostic UnitMisuse(SourceSpan span, string what, string expected, string actual, string example);

    /// <summary>Binds a constant term of <paramref name="expected"/> compute units (or plain money, for
    /// <see cref="Dimension.MoneyOnly"/>); reports any other unit (DL0333), a term that is not constant and a
    /// negative one. Returns its value, or null when it has none.</summary>
    internal double? MeasureTerm(ExpressionSyntax? expression, Dimension expected, string what, string example, UnitMisuse? misuse = null)
    {
        if (expression is null)
        {
            return null;
        }

        BoundExpression bound = Bind(expression, new ExpressionContext(ContextKind.Term, what));
        if (bound is BadExpression)
        {
            return null;
        }

        bool matches = bound.Unit == Unit.Number
            || (expected == Dimension.MoneyOnly ? bound.Unit == Unit.Money : bound.Unit == Unit.Measure && bound.Dimension == expected);
        if (!matches)
        {
            string noun = expected == Dimension.MoneyOnly ? "money" : expected.Noun();
            _diagnostics.Add((misuse ?? DiagnosticCatalogue.FleetTermUnit)(expression.Span, what, noun, UnitNames.Described(bound), example));
            return null;
        }

        if (bound is not ConstantExpression constant)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotConstant(expression.Span, what));
            return null;
        }

        if (constant.Value < 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.NegativeAmount(expression.Span, what));
            return null;
        }

        Unit unit = expected == Dimension.MoneyOnly ? Unit.Money : Unit.Measure;
        Record(expression, new ConstantExpression(constant.Value, unit) { Dimension = expected == Dimension.MoneyOnly ? default : expected });
        return constant.Value;
    }

    /// <summary>Binds an amount in <paramref name="expected"/> compute units that may read the deal's state at the
    /// period's start (a contract's price: an index plus a spread); a bare number adopts the unit. Reports any
    /// other unit (DL0333) and returns the bound expression, or null.</summary>
    internal BoundExpression? MeasureValue(ExpressionSyntax? expression, Dimension expected, ExpressionContext context, string example, UnitMisuse? misuse = null)
    {
        if (expression is null)
        {
            return null;
        }

        BoundExpression bound = Bind(expression, context);
        if (bound is BadExpression)
        {
            return null;
        }

        if (bound.Unit == Unit.Number && bound is ConstantExpression number)
        {
            bound = new ConstantExpression(number.Value, Unit.Measure) { Dimension = expected };
        }
        else if (bound.Unit != Unit.Measure || bound.Dimension != expected)
        {
            _diagnostics.Add((misuse ?? DiagnosticCatalogue.FleetTermUnit)(expression.Span, context.Owner, expected.Noun(), UnitNames.Described(bound), example));
            return null;
        }

        Record(expression, bound);
        return bound;
    }

    /// <summary>The repo market's terms (a sale's or a scenario's): depth and limit in GPUs (a month) above 0
    /// (DL0336), impact a rate, costs and the reserve money per GPU, at least 0, a re-let's utilisation a rate.</summary>
    internal void MarketTerms(MarketTermsSyntax? market, string where)
    {
        if (market is null)
        {
            return;
        }

        Positive(market.Depth, $"the market depth {where}", "1500 gpus per month");
        Term(market.Impact, Unit.Rate, $"the price impact {where}", Range.NonNegative);
        Positive(market.Limit, $"the monthly sales limit {where}", "3000 gpus per month");
        MeasureTerm(market.Costs, Kinds.FleetRules.MoneyPerGpu, $"the removal and transport costs {where}", "500 per gpu");
        MeasureTerm(market.Reserve, Kinds.FleetRules.MoneyPerGpu, $"the reserve price {where}", "12k per gpu");
        // Its range, (0, 100%], is DealChecks' (DL0439): a share of 0 is 'not relet idle'. The ramp's end likewise (DL0574).
        Term(market.Relet?.Utilisation, Unit.Rate, $"the re-let utilisation {where}", Range.Any);
        Term(market.Relet?.RampTo, Unit.Rate, $"the re-let's end utilisation {where}", Range.Any);
        // A curve's levels after its first (the Utilisation above) are utilisations too; their range is DealChecks' (DL0514).
        ReletCurveTerms(market.Relet?.CurveExpressions, $"the re-let's curve {where}");
        ReletPrice(market.Relet?.Price, $"the re-let price {where}");
        // A drawn utilisation's mean is the Utilisation (or RampTo) above; its sd and loadings are shares, as a drawn share's.
        ReletDrawTerms(market.Relet?.Drawn, market.Relet?.DrawnTo, $"the re-let utilisation {where}");
    }

    // A re-let's curve's levels after the first (docs/language.md §9, "relet-curve"), <paramref name="what"/> naming the curve.
    private void ReletCurveTerms(IEnumerable<ExpressionSyntax?>? levels, string what)
    {
        foreach (ExpressionSyntax? level in levels ?? [])
        {
            Term(level, Unit.Rate, $"a level of {what}", Range.Any);
        }
    }

    // A re-let's drawn utilisations' sds and loadings (shares; their ranges are the draw's own checks, DL0526, DL0534),
    // <paramref name="what"/> naming the utilisation.
    private void ReletDrawTerms(BetaRecoverySyntax? at, BetaRecoverySyntax? to, string what)
    {
        foreach ((BetaRecoverySyntax beta, bool rampEnd) in ReletDraws.Of(at, to))
        {
            string drawn = rampEnd ? $"the end of {what}" : what;
            Term(beta.Sd, Unit.Rate, $"the standard deviation of {drawn}", Range.Any);
            foreach (LoadingSyntax loading in SyntaxWalk.Safe(beta.Loadings))
            {
                Term(loading.Beta, Unit.Rate, $"the loading of {drawn} on {ExpressionPrinter.Print(loading.Factor)}", Range.Any);
            }
        }
    }

    // 'price 85% of H100Rent' / 'price H100Rent - 0.30': money per GPU-hour read at the period's start (as a contract's
    // price is), of a shape ReletPrices reads (DL0576), a share of its index above 0 (DL0577).
    private void ReletPrice(ExpressionSyntax? price, string what)
    {
        if (MeasureValue(price, Kinds.FleetRules.MoneyPerGpuHour, new ExpressionContext(ContextKind.PeriodStart, what), "85% of H100Rent",
                (span, owner, _, actual, _) => DiagnosticCatalogue.ReletPriceNotPerGpuHour(span, owner, $"is {actual}, not money per GPU-hour"))
            is not { } bound)
        {
            return;
        }

        if (ReletPrices.Of(bound) is not { } shape)
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletPriceNotPerGpuHour(price!.Span, what, "reads no index in a shape a re-let follows"));
        }
        else if (!(shape.Share > 0))
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletPriceShareNotPositive(price!.Span, what, shape.Share));
        }
    }

    private void Positive(ExpressionSyntax? expression, string what, string example)
    {
        if (MeasureTerm(expression, Kinds.FleetRules.Gpus, what, example) is 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.MarketVolumeNotPositive(expression!.Span, what));
        }
    }
}
