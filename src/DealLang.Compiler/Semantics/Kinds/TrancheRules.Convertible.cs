using System.Globalization;
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
// the tranche's life (DL0770), its threshold at least 100% of the conversion price (DL0775). A conversion price reset,
// 'reset 2027-06-01, 2028-06-01 to 110% floor 8.00 per share': the dates increasing and inside the tranche's life
// (DL0570), the ratio a rate above 0% (DL0571), the floor money per share above zero and below the conversion price
// (DL0572), and only on a convertible (DL0573).
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

        binder.BindTerms(tranche.Reset?.Ratio, tranche.Reset?.Floor);
    }

    private static void CheckConvertible(TrancheSyntax tranche, TypeChecker checker, string t)
    {
        if (tranche.Convertible is not { } convertible)
        {
            CheckResetTerms(tranche, checker, t, null);
            return;
        }

        double? initial = checker.MeasureTerm(convertible.Price, MoneyPerShare, $"the conversion price of {t}", "12.43 per share", DiagnosticCatalogue.ConversionPriceUnit);
        if (initial is 0 && convertible.Price is { } price)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ConversionPriceZero(price.Span, tranche.Name?.Text ?? ""));
        }

        CheckResetTerms(tranche, checker, t, initial);

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

    // A reset's ratio and floor, typed even on a tranche that is not convertible (DL0573 is reported there, with the
    // dates): the ratio a rate above 0%, the floor money per share above zero and below the conversion price
    // written (null when there is none, or it is unreadable).
    private static void CheckResetTerms(TrancheSyntax tranche, TypeChecker checker, string t, double? price)
    {
        if (tranche.Reset is not { } reset)
        {
            return;
        }

        string name = tranche.Name?.Text ?? "";
        checker.Term(reset.Ratio, Unit.Rate, $"the reset ratio of {t}", TypeChecker.Range.Any);
        if (reset.Ratio is { } ratio && checker.Analysis.Bound.TryGetValue(ratio, out BoundExpression? bound) && bound is ConstantExpression { Value: <= 0 } low)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ResetRatioNotPositive(ratio.Span, name, low.Value));
        }

        double? floor = checker.MeasureTerm(reset.Floor, MoneyPerShare, $"the reset floor of {t}", "8.00 per share",
            (span, _, expected, actual, example) => DiagnosticCatalogue.ResetFloorOutOfRange(span, name, $"must be {expected} (e.g. 'floor {example}'), not {actual}"));
        if (reset.Floor is not { } floorSyntax || floor is not { } f)
        {
            return;
        }

        if (f <= 0)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ResetFloorOutOfRange(floorSyntax.Span, name, "must be above zero: the conversion price would fall as far as the share price"));
        }
        else if (price is { } initial && f >= initial)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ResetFloorOutOfRange(floorSyntax.Span, name, string.Create(CultureInfo.InvariantCulture,
                $"({f:0.####} per share) must be below the conversion price ({initial:0.####} per share), or the price could never fall")));
        }
    }

    // A reset only on a convertible; its dates increasing, after the closing and before the tranche's maturity (at the
    // maturity the notes convert or are repaid anyway).
    private static void CheckResetDates(TrancheSyntax tranche, DealChecks checks, string name)
    {
        if (tranche.Reset is not { } reset)
        {
            return;
        }

        if (tranche.Convertible is null)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ResetNotConvertible(reset.Span, name));
            return;
        }

        if (checks.Closing is not { } closing || (tranche.Maturity?.Value ?? checks.Maturity) is not { } maturity)
        {
            return;
        }

        DateSyntax? previous = null;
        foreach (DateSyntax date in SyntaxWalk.Safe(reset.Dates))
        {
            if (date.Value <= closing || date.Value >= maturity)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ResetDateOutOfTurn(date.Span, name, date.Value.ToString(),
                    $"must be after the closing ({closing}) and before the tranche's maturity ({maturity})"));
            }
            else if (previous is not null && date.Value <= previous.Value)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ResetDateOutOfTurn(date.Span, name, date.Value.ToString(),
                    $"is not after {previous.Value}: the reset dates must increase"));
            }

            previous = date;
        }
    }
}
