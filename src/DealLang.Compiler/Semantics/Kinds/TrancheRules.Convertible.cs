using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

// A convertible tranche (docs/language.md §5 "tranche", "Convertible notes"): 'convertible at 12.43 against WULF
// early above 130%'. The conversion price is money per share, a constant above zero (DL0760, DL0761); the share price
// is money per share read at the period's start (an index, or an expression tying it to other indices); the early-conversion
// threshold a rate of at least 100% of the conversion price (DL0762); the share price money per share too (DL0763).
internal sealed partial class TrancheRules
{
    internal static readonly Dimension MoneyPerShare = new(1, 0, 0, 0, Shares: -1);

    private static void BindConvertible(TrancheSyntax tranche, Binder binder) =>
        binder.BindTerms(tranche.Convertible?.Price, tranche.Convertible?.SharePrice, tranche.Convertible?.EarlyAbove);

    private static void CheckConvertible(TrancheSyntax tranche, TypeChecker checker, string t)
    {
        if (tranche.Convertible is not { } convertible)
        {
            return;
        }

        if (checker.MeasureTerm(convertible.Price, MoneyPerShare, $"the conversion price of {t}", "12.43 per share", DiagnosticCatalogue.ConversionPriceUnit) is 0
            && convertible.Price is { } price)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ConversionPriceZero(price.Span, tranche.Name?.Text ?? ""));
        }

        checker.MeasureValue(convertible.SharePrice, MoneyPerShare, new ExpressionContext(ContextKind.PeriodStart, $"the share price {t} converts against"),
            "WULF, with index WULF { level 10.50 per share }", DiagnosticCatalogue.SharePriceUnit);
        checker.Term(convertible.EarlyAbove, Unit.Rate, $"the early-conversion threshold of {t}", TypeChecker.Range.NonNegative);
        if (convertible.EarlyAbove is { } above && checker.Analysis.Bound.TryGetValue(above, out BoundExpression? bound)
            && bound is ConstantExpression { Value: < 1 } low)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.EarlyConversionBelowPrice(above.Span, tranche.Name?.Text ?? "", low.Value));
        }
    }
}
