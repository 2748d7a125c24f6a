using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// The period a scenario lever names by a date, "the period whose end first reaches DATE" (docs/language.md §4
/// "Business days", business-days-scenario-levers): a loan's partial payments window (<c>pays X from D1 to D2</c>) and
/// a guarantor's <c>disowned from DATE</c>. Such a date names a period by its end, so a date written on one of the
/// schedule's dates as rolled stands for that date as paid: quarterly on month ends under <c>preceding</c>, Saturday
/// 2029-06-30 is the quarter paid on Friday 06-29, not the next one. Any other date is compared as written with the
/// ends as paid (it is no payment, so a weekend is not moved: Sunday 2029-07-01 stays after that Friday). An event
/// (a default, a break, a lease's end) is not placed here: it falls where it falls. Without business days the rolled
/// dates are the boundaries, and every date is placed as written.
/// </summary>
static class LeverPeriods
{
    /// <summary>The period whose end first reaches <paramref name="date"/>, read as above; −1 past the horizon, 0 for a
    /// date on or before the closing (as <see cref="LeaseTerms.EndPeriod"/>).</summary>
    public static int FirstReaching(DealDescription deal, Date date) =>
        LeaseTerms.EndPeriod(deal.Boundaries, Schedule.NamedByDate(deal.RolledBoundaries, deal.Boundaries, date));
}
