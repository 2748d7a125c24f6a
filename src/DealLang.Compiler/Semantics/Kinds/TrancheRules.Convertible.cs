using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

// A convertible tranche (docs/language.md §5 "tranche", "Convertible notes"): 'convertible at 12.43 against WULF
// early above 130%'. The conversion price is money per share, a constant above zero (DL0760, DL0761); the share price
// is money per share read at the period's start (an index, or an expression tying it to other indices); the early-conversion
// threshold a rate of at least 100% of the conversion price (DL0762); the share price money per share too (DL0763).
// A holder's put, 'put 2029-12-01 at 100%': the price a rate above 0% (DL0772), the dates inside the tranche's life
// (DL0770) and increasing (DL0771); the issuer's provisional call, 'call from 2028-12-01 above 130%': its date inside
// the tranche's life (DL0770), its threshold at least 100% of the conversion price (DL0775).
internal sealed partial class TrancheRules
{
    internal static readonly Dimension MoneyPerShare = new(1, 0, 0, 0, Shares: -1);

    private static void BindConvertible(TrancheSyntax tranche, Binder binder)
    {
        binder.BindTerms(tranche.Convertible?.Price, tranche.Convertible?.SharePrice, tranche.Convertible?.EarlyAbove, tranche.Convertible?.Call?.Above);
        foreach (ConvertiblePutSyntax put in SyntaxWalk.Safe(tranche.Convertible?.Puts ?? []))
        {
            binder.BindTerms(put.Price);
        }
    }

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

        foreach (ConvertiblePutSyntax put in SyntaxWalk.Safe(convertible.Puts))
        {
            checker.Term(put.Price, Unit.Rate, $"the put price of {t}", TypeChecker.Range.Any);
            if (put.Price is { } p && checker.Analysis.Bound.TryGetValue(p, out BoundExpression? putPrice) && putPrice is ConstantExpression { Value: <= 0 } zero)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.PutPriceNotPositive(p.Span, tranche.Name?.Text ?? "", zero.Value));
            }
        }

        checker.Term(convertible.Call?.Above, Unit.Rate, $"the provisional call threshold of {t}", TypeChecker.Range.NonNegative);
        if (convertible.Call?.Above is { } callAbove && checker.Analysis.Bound.TryGetValue(callAbove, out BoundExpression? callBound)
            && callBound is ConstantExpression { Value: < 1 } callLow)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.CallBelowConversionPrice(callAbove.Span, tranche.Name?.Text ?? "", callLow.Value));
        }
    }

    // The put and call dates: inside the tranche's life (after the closing, before its maturity: at the maturity the
    // notes are repaid or convert anyway), the puts in increasing order.
    private static void CheckConvertibleDates(TrancheSyntax tranche, DealChecks checks, string name)
    {
        if (tranche.Convertible is not { } convertible || checks.Closing is not { } closing
            || (tranche.Maturity?.Value ?? checks.Maturity) is not { } maturity)
        {
            return;
        }

        void RequireInLife(DateSyntax? date, string what)
        {
            if (date is not null && (date.Value <= closing || date.Value >= maturity))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ConvertibleDateOutsideLife(date.Span, what, name, date.Value.ToString(), closing.ToString(), maturity.ToString()));
            }
        }

        DateSyntax? previous = null;
        foreach (ConvertiblePutSyntax put in SyntaxWalk.Safe(convertible.Puts))
        {
            RequireInLife(put.Date, "a put date");
            if (put.Date is { } date && previous is not null && date.Value <= previous.Value)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.PutDatesNotIncreasing(date.Span, name, date.Value.ToString(), previous.Value.ToString()));
            }

            previous = put.Date ?? previous;
        }

        RequireInLife(convertible.Call?.From, "the provisional call date");
    }
}
