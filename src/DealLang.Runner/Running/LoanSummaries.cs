using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each loan's <see cref="LoanSummary"/> from a finished run (a ledger is not needed).</summary>
static class LoanSummaries
{
    public static ImmutableArray<LoanSummary> Build(DealDescription deal, RunResult result, ScenarioSpec scenario, int periods)
    {
        var summaries = ImmutableArray.CreateBuilder<LoanSummary>(deal.Loans.Length);
        for (int l = 0; l < deal.Loans.Length; l++)
        {
            LoanInfo loan = deal.Loans[l];
            bool defaulted = result.LoanDefaultPeriod[l] >= 0 && result.LoanDefaultPeriod[l] < periods;
            Date? defaults = defaulted && loan.Obligor < scenario.PartyDefaults.Length ? scenario.PartyDefaults[loan.Obligor] : null;
            // A loan in arrears at its maturity defaults after it without its obligor's default (docs/language.md §10,
            // "Partial payments"): on the end of the period it defaulted in.
            if (defaulted && defaults is null && loan.PaysInPart)
            {
                defaults = deal.Boundaries[result.LoanDefaultPeriod[l] + 1];
            }

            summaries.Add(new LoanSummary(
                loan.Name,
                PeriodYears.Sum(result.LoanInterest[l], periods),
                PeriodYears.Sum(result.LoanPrincipal[l], periods),
                PeriodYears.Sum(result.LoanRecovery[l], periods),
                defaulted ? result.LoanLoss[l] : 0.0,
                defaults,
                result.LoanSold[l],
                result.LoanOutstanding[l])
            {
                WorkoutInterest = result.LoanWorkoutInterest[l],
                WorkoutMonths = scenario.WorkoutMonthsOfLoan(l) is >= 0 and int months ? months : null,
                PeakArrears = result.LoanPeakArrears[l],
                ArrearsInterest = result.LoanArrearsInterest[l],
            });
        }

        return summaries.MoveToImmutable();
    }
}
