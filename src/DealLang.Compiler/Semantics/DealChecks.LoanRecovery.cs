using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// A scenario's dated default against a loan's workout (docs/language.md §5 "loan"): when the recovery, or its last
// instalment, falls after the deal's last scheduled period, a run that ends at the maturity never receives it (DL0491),
// if the loan is still owed something by its schedule when its obligor defaults. Only a dated default is knowable here:
// a drawn one falls on each path's own date. PeriodEndOf places a loan's scheduled principal in its period for the
// interest-only check (DL0436).
internal sealed partial class DealChecks
{
    /// <param name="paidInPart">The loans the scenario has pay in part: one may leave arrears at its maturity, a claim
    /// even though its maturity came before the default.</param>
    private void CheckRecoveryAfterTheRun(PartyDefaultsSyntax defaults, string scenario, IReadOnlySet<string> paidInPart)
    {
        if (Maturity is not { } maturity || _analysis.Frequency is not { } frequency
            || defaults.On?.Value is not { } on || on > maturity || defaults.Party?.Text is not { } party
            || _analysis.ScheduledBoundaries() is not { } boundaries)
        {
            return;
        }

        int perPeriod = Frequencies.MonthsPerPeriod(frequency);
        int last = boundaries.Length - 2;
        int defaultPeriod = PeriodEndingOnOrAfter(boundaries, on);
        foreach (LoanSyntax loan in SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<LoanSyntax>())
        {
            int lagMonths = DurationRules.WholeMonths(loan.RecoveryLag);
            // The periods the instalments are received over (more than one a period at a finer frequency).
            long instalments = loan.RecoveryInstalments?.Periods(perPeriod) ?? 1;
            if (loan.Obligor?.Text != party || (lagMonths == 0 && instalments == 1) || lagMonths > DurationRules.MaxWorkoutMonths)
            {
                continue;
            }

            // A loan its schedule has repaid before its obligor defaults (by its maturity, or a schedule of amounts that
            // reaches nothing owed earlier) has no claim to recover: the run defaults it only if it is still owed.
            // A maturity paid before the default date, inside the default period, repaid it too: the run does not default a
            // loan its instalments dated before the default repaid (docs/language.md §5, "loan", a default inside a
            // period), unless the scenario has its obligor pay in part, which may leave arrears (a claim) at the maturity.
            Date loanMaturity = loan.Maturity?.Value is { } m && m <= maturity ? m : maturity;
            bool repaidBefore = _analysis.PaidOn(loanMaturity) < on && !paidInPart.Contains(loan.Name?.Text ?? "");
            if (repaidBefore || !OwedAtTheDefault(loan, boundaries, defaultPeriod, PeriodEndingOnOrAfter(boundaries, _analysis.PaidOn(loanMaturity))))
            {
                continue;
            }

            // Instalments beyond the longest workout are DL0498's: a due date is only given within it.
            long received = defaultPeriod + DurationRules.LagPeriods(lagMonths, perPeriod) + instalments - 1;
            if (received > last && (received - defaultPeriod) * perPeriod <= DurationRules.MaxWorkoutMonths)
            {
                Date due = maturity.AddMonthsClamped((int)(received - last) * perPeriod);
                _diagnostics.Add(DiagnosticCatalogue.RecoveryAfterTheRun(defaults.Span, scenario, loan.Name?.Text ?? "",
                    on.ToString(), due.ToString(), maturity.ToString()));
            }
        }
    }

    /// <summary>The loans a scenario has pay in part (<c>L pays 60% …</c>).</summary>
    private static HashSet<string> PaidInPart(ScenarioSyntax scenario) =>
        [.. SyntaxWalk.Safe(scenario.Items).OfType<LoanPaysSyntax>().Select(p => p.Loan?.Text ?? "")];

    /// <summary>
    /// Whether <paramref name="loan"/> is still owed something at the start of its obligor's default period by its schedule
    /// (the run's rule: a default takes the period's opening balance). The obligor pays in full until it defaults, so
    /// the opening balance is the loan's balance less each earlier period's scheduled principal: nothing once the
    /// maturity period is past, and, under <c>amortize schedule { … }</c>, each amount (at most what is left) in the
    /// period holding its date from the first period after any interest-only date, as the lowering and the loop take
    /// them. Nothing owed is under half a cent (a schedule adding up to the balance leaves only rounding).
    /// </summary>
    private bool OwedAtTheDefault(LoanSyntax loan, Date[] boundaries, int defaultPeriod, int maturityPeriod)
    {
        if (defaultPeriod > maturityPeriod)
        {
            return false;
        }

        double owed = _analysis.ConstantOf(loan.Balance, 0);

        if (loan.Amortization is { Kind: AmortizationKind.Schedule } amortization)
        {
            // A schedule of shares is of the original balance, as the lowering takes it (AmortizationLowering).
            double scale = amortization.InShares ? owed : 1.0;
            // Each date as it is paid (DealAnalysis.PaidOn), as the lowering places it.
            Date? interestOnlyUntil = loan.InterestOnlyUntil?.Value is { } io ? _analysis.PaidOn(io) : null;
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(amortization.Schedule))
            {
                int period = point.Date?.Value is { } date ? Schedule.PeriodIndexOf(boundaries, _analysis.PaidOn(date)) : -1;
                // A period ending on or before the interest-only date pays no scheduled principal (AmortizationLowering's
                // first principal period).
                if (period >= 0 && period < defaultPeriod && (interestOnlyUntil is not { } until || boundaries[period + 1] > until))
                {
                    owed -= Math.Min(Math.Max(0.0, owed), _analysis.ConstantOf(point.Amount, 0) * scale);
                }
            }
        }

        return owed >= 0.005;
    }

    /// <summary>The end of the period <paramref name="date"/> falls in (the first period end on or after it), on the
    /// schedule the lowering builds (<see cref="DealAnalysis.ScheduledBoundaries"/>: as paid); null without the deal's
    /// dates or for a date outside (closing, maturity].</summary>
    internal Date? PeriodEndOf(Date date)
    {
        if (Closing is not { } closing || Maturity is not { } maturity || date <= closing || date > maturity
            || _analysis.ScheduledBoundaries() is not { } boundaries)
        {
            return null;
        }

        return boundaries[PeriodEndingOnOrAfter(boundaries, date) + 1];
    }

    /// <summary>The period (0-based) whose end is the first on or after <paramref name="date"/>, as a default's.</summary>
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
