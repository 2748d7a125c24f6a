using System.Globalization;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A loan's market price in an enforcement sale (docs/language.md §9, "A loan's market price"): a constant yield in
// [0, 100%), a yield read from a rate index plus a constant spread ('SOFR + 6%'), or an index whose level is a price as a
// share of par (a rate or a ratio, as a holding's mark).
internal sealed partial class TypeChecker
{
    /// <summary>The highest yield a loan may be sold at, exclusive: at 100% a year a two-year bullet at 8% fetches about
    /// 60% of par, the price of a distressed claim rather than of a performing loan, which the obligor's default and
    /// recovery (or a haircut) state; a negative yield would have the buyer pay more than it receives.</summary>
    internal const double MaxLoanSaleYield = 1.0;

    internal void LoanPrice(LoanPriceSyntax? price, string where)
    {
        if (price is null)
        {
            return;
        }

        SaleYield(price.Yield, where);
        if (price.Index is { } name && _analysis.Symbols.TryLookup(name.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Index
            && symbol.Declaration is IndexSyntax index)
        {
            BoundExpression level = IndexLevel(index);
            if (level is not BadExpression && level.Unit is not (Unit.Rate or Unit.Ratio))
            {
                _diagnostics.Add(DiagnosticCatalogue.LoanPriceNotAPrice(name.Span, $"index '{name.Text}' {where}",
                    $"its level is {UnitNames.Described(level)}; a loan's price is a share of par, e.g. 'index LoanMarks {{ level 85% }}'"));
            }
        }
    }

    /// <summary>The deal's own yield of a sale: a constant rate (<see cref="LoanYield"/>), or a rate index plus or minus a
    /// constant spread (<c>SOFR + 6%</c>, the shape of a contract's <c>index + spread</c> price, <see cref="ContractRules.Price"/>),
    /// read at the start of the sale period as a floating coupon reads it; any other shape is DL0227. The yield at the
    /// index's declared level must itself be one (in [0, 100%)); a scenario or a process that moves the index past the
    /// bounds has its yield held in them at run time.</summary>
    private void SaleYield(ExpressionSyntax? yield, string where)
    {
        if (yield is null)
        {
            return;
        }

        string what = $"the yield {where}";
        Value(yield, Unit.Rate, new ExpressionContext(ContextKind.PeriodStart, what));
        BoundExpression bound = _analysis.BoundOf(yield) ?? BadExpression.Instance;
        if (bound is BadExpression)
        {
            return;
        }

        if (bound is ConstantExpression { Value: var value })
        {
            YieldInRange(yield, value, where);
            return;
        }

        if (ContractRules.Price(bound) is not { Index: >= 0 } shape)
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPriceNotAPrice(yield.Span, $"the yield {ExpressionPrinter.Print(yield)} {where}",
                "a loan's sale yield is a constant rate ('14%') or a rate index plus or minus a constant spread ('SOFR + 6%'), read at the start of the sale period"));
            return;
        }

        Symbol? index = _analysis.Symbols.OfKind(SymbolKind.Index).FirstOrDefault(s => s.Index == shape.Index);
        if (index?.Declaration is IndexSyntax declared && IndexLevel(declared) is ConstantExpression { Value: var level }
            && level + shape.Spread is not (>= 0 and < MaxLoanSaleYield))
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPriceNotAPrice(yield.Span,
                string.Create(CultureInfo.InvariantCulture, $"the yield {ExpressionPrinter.Print(yield)} {where}, {(level + shape.Spread) * 100:0.##}% at {index.Name}'s level {level * 100:0.##}%,"),
                "a loan's sale yield is a rate of at least 0 and below 100% a year (at a higher yield the price is a distressed claim's: sell it at a haircut, or let the obligor's default and recovery price it)"));
        }
    }

    /// <summary>A yield (of a sale, or a scenario's override of it): a constant rate in [0, <see cref="MaxLoanSaleYield"/>).</summary>
    internal void LoanYield(ExpressionSyntax? yield, string where)
    {
        string what = $"the yield {where}";
        Term(yield, Unit.Rate, what, Range.Any);
        if (yield is not null && _analysis.BoundOf(yield) is ConstantExpression { Value: var value })
        {
            YieldInRange(yield, value, where);
        }
    }

    private void YieldInRange(ExpressionSyntax yield, double value, string where)
    {
        if (value is not (>= 0 and < MaxLoanSaleYield))
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPriceNotAPrice(yield.Span, $"the yield {ExpressionPrinter.Print(yield)} {where}",
                "a loan's sale yield is a rate of at least 0 and below 100% a year (at a higher yield the price is a distressed claim's: sell it at a haircut, or let the obligor's default and recovery price it)"));
        }
    }
}
