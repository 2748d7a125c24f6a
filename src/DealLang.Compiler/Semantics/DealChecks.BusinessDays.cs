using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// business_days ROLL [ACCRUAL] [holidays { DATE, ... }] (docs/language.md §4, "Business days").
internal sealed partial class DealChecks
{
    private void CheckBusinessDays()
    {
        if (Deal.BusinessDays is not { } syntax)
        {
            return;
        }

        if (!BusinessDayRules.TryRoll(syntax.Roll.Text, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownBusinessDayWord(syntax.Roll.Span, syntax.Roll.Text ?? "", "roll",
                "following, modified_following, preceding or modified_preceding", NameSuggestions.Closest(syntax.Roll.Text, BusinessDayRules.Rolls)));
        }

        if (syntax.Accrual is { } accrual && !BusinessDayRules.IsAccrual(accrual.Text))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownBusinessDayWord(accrual.Span, accrual.Text ?? "", "accrual",
                "adjusted or unadjusted", NameSuggestions.Closest(accrual.Text, BusinessDayRules.Accruals)));
        }

        for (int i = 1; i < syntax.Holidays.Length; i++)
        {
            if (syntax.Holidays[i].Value <= syntax.Holidays[i - 1].Value)
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayNotInOrder(
                    syntax.Holidays[i].Span, syntax.Holidays[i].Value.ToString(), syntax.Holidays[i - 1].Value.ToString()));
            }
        }

        if (_analysis.BusinessDays is not { } calendar || Closing is not { } closing || Maturity is not { } maturity
            || _analysis.Frequency is not { } frequency)
        {
            return; // a word, a date or the frequency is wrong, and reported
        }

        // The schedule as the lowering builds it (a first payment outside (closing, maturity] is an error of its own).
        Date? first = Deal.FirstPayment?.Value is { } fp && fp > closing && fp <= maturity ? fp : null;
        Date[] rolled = Schedule.Boundaries(closing, maturity, frequency, first);
        Date[] paid = calendar.AdjustPaymentDates(rolled);
        for (int i = 1; i < paid.Length; i++)
        {
            if (paid[i] <= paid[i - 1])
            {
                _diagnostics.Add(DiagnosticCatalogue.PaymentDateCollapses(
                    syntax.Roll.Span, rolled[i].ToString(), paid[i].ToString(), paid[i - 1].ToString()));
                break;
            }
        }

        // A holiday on the maturity as rolled moves it when a backward roll pays it earlier (preceding; modified
        // following at a month's end), so the last date a holiday can move is the later of the two.
        Date last = Date.Max(rolled[^1], paid[^1]);
        foreach (DateSyntax holiday in syntax.Holidays)
        {
            if (holiday.Value <= closing || holiday.Value > last)
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayOutsideDeal(
                    holiday.Span, holiday.Value.ToString(), closing.ToString(), last.ToString(), paid[^1] >= rolled[^1]));
            }
        }
    }
}
