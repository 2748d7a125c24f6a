using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// A scenario's dated default against a loan's workout (docs/language.md §5 "loan"): when the recovery, or its last
// instalment, falls after the deal's last scheduled period, a run that ends at the maturity never receives it (DL0491).
// Only a dated default is knowable here: a drawn one falls on each path's own date. PeriodEndOf places a loan's
// scheduled principal in its period for the interest-only check (DL0436).
internal sealed partial class DealChecks
{
    private void CheckRecoveryAfterTheRun(PartyDefaultsSyntax defaults, string scenario)
    {
        if (Closing is not { } closing || Maturity is not { } maturity || _analysis.Frequency is not { } frequency
            || defaults.On?.Value is not { } on || on > maturity || defaults.Party?.Text is not { } party)
        {
            return;
        }

        int perPeriod = Frequencies.MonthsPerPeriod(frequency);
        // The schedule as the lowering builds it (a first payment outside (closing, maturity] is an error of its own).
        Date? first = _analysis.Deal.FirstPayment?.Value is { } fp && fp > closing && fp <= maturity ? fp : null;
        Date[] boundaries = Schedule.Boundaries(closing, maturity, frequency, first);
        int last = boundaries.Length - 2;
        int defaultPeriod = PeriodEndingOnOrAfter(boundaries, on);
        foreach (LoanSyntax loan in SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<LoanSyntax>())
        {
            int lagMonths = DurationRules.WholeMonths(loan.RecoveryLag);
            int instalments = loan.RecoveryInstalments?.Count ?? 1;
            if (loan.Obligor?.Text != party || (lagMonths == 0 && instalments == 1) || lagMonths > DurationRules.MaxWorkoutMonths)
            {
                continue;
            }

            // A loan repaid by its maturity before its obligor defaults has no claim to recover.
            Date loanMaturity = loan.Maturity?.Value is { } m && m <= maturity ? m : maturity;
            if (defaultPeriod > PeriodEndingOnOrAfter(boundaries, loanMaturity))
            {
                continue;
            }

            // Instalments beyond the longest workout are DL0498's: a due date is only given within it.
            long received = defaultPeriod + DurationRules.LagPeriods(lagMonths, perPeriod) + (long)instalments - 1;
            if (received > last && (received - defaultPeriod) * perPeriod <= DurationRules.MaxWorkoutMonths)
            {
                Date due = maturity.AddMonthsClamped((int)(received - last) * perPeriod);
                _diagnostics.Add(DiagnosticCatalogue.RecoveryAfterTheRun(defaults.Span, scenario, loan.Name?.Text ?? "",
                    on.ToString(), due.ToString(), maturity.ToString()));
            }
        }
    }

    /// <summary>The period (0-based) whose end is the first on or after <paramref name="date"/>, as a default's.</summary>
    /// <summary>The end of the period <paramref name="date"/> falls in (the first period end on or after it), on the
    /// schedule the lowering builds; null without the deal's dates or for a date outside (closing, maturity].</summary>
    internal Date? PeriodEndOf(Date date)
    {
        if (Closing is not { } closing || Maturity is not { } maturity || _analysis.Frequency is not { } frequency
            || date <= closing || date > maturity)
        {
            return null;
        }

        Date? first = _analysis.Deal.FirstPayment?.Value is { } fp && fp > closing && fp <= maturity ? fp : null;
        Date[] boundaries = Schedule.Boundaries(closing, maturity, frequency, first);
        return boundaries[PeriodEndingOnOrAfter(boundaries, date) + 1];
    }

    private static int PeriodEndingOnOrAfter(Date[] boundaries, Date date)
    {
        for (int i = 1; i < boundaries.Length; i++)
        {
            if (boundaries[i] >= date)
            {
                return i - 1;
            }
        }

        return boundaries.Length - 2;
    }
}
