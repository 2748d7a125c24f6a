using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a loan the deal owns paid it in one scenario, in the deal's currency, unrounded: interest and scheduled
/// principal over the periods run, and, if its obligor defaulted while it was outstanding, the recovery received
/// then (or when its workout lag has run) and the rest of the balance written off; or the balance an enforcement sale sold; and what was left when the
/// run ended. Principal received + recovery + loss + sold + outstanding is always the balance lent, plus what a
/// recovery claim accrued during its workout (<see cref="WorkoutInterest"/>).
/// </summary>
/// <param name="Loss">The balance outstanding at the obligor's default less the recovery; zero if it never defaulted.</param>
/// <param name="DefaultDate">The date the scenario makes its obligor default, when the loan was still outstanding
/// then (and the deal still running); null otherwise, e.g. when the loan had already been repaid.</param>
/// <param name="Sold">The balance an enforcement sale sold, at par before the sale's haircut (the proceeds are the
/// sale's); zero if no sale sold it.</param>
/// <param name="Outstanding">The balance left when the run ended (after a default, at the last enforcement sale,
/// for a loan no sale sold: DL0471; or a recovery claim whose workout lag outlasted the run); zero for a loan repaid,
/// written off or sold.</param>
public sealed record LoanSummary(
    string Name,
    double InterestReceived,
    double PrincipalReceived,
    double Recovery,
    double Loss,
    Date? DefaultDate,
    double Sold,
    double Outstanding)
{
    /// <summary>The interest the recovery claim accrued during the workout (<c>accruing 8%</c>), within the recovery,
    /// sold and outstanding figures: principal received + recovery + loss + sold + outstanding is the balance lent
    /// plus this. 0 for a claim that accrues nothing.</summary>
    public double WorkoutInterest { get; init; }

    /// <summary>The loan's own workout lag in whole months, where a Monte Carlo path drew it (<c>L workout drawn …</c>,
    /// docs/language.md §10, "A loan's own drawn lag"); null where none was drawn for it.</summary>
    public int? WorkoutMonths { get; init; }

    /// <summary>The largest arrears at a period's end (docs/language.md §10, "Partial payments"); 0 when the obligor
    /// paid in full.</summary>
    public double PeakArrears { get; init; }

    /// <summary>The interest among the arrears when they became a claim at a default, were sold, were left at the run's
    /// end, or were capitalised (docs/language.md §10, "Partial payments", "Arrears rescheduled"), within the principal
    /// received (capitalised), recovery, loss, sold and outstanding figures:
    /// principal received + recovery + loss + sold + outstanding is the balance lent plus this and
    /// <see cref="WorkoutInterest"/>. 0 when the obligor paid in full, or cured its arrears.</summary>
    public double ArrearsInterest { get; init; }
}
