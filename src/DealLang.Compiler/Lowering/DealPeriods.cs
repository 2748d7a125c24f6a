using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// The deal's periods as a loan's instalments are received in them (docs/language.md §5 "loan", §4 "Business days"):
/// <see cref="Boundaries"/> as paid, <see cref="AccrualDates"/> the dates the periods accrue between (the boundaries, or
/// their unadjusted dates when the deal accrues unadjusted), and for each instalment's due date the day it is paid on
/// (<see cref="PaidOn"/>: with business days, a due date on the schedule's own date with that date as paid, another not
/// a business day moved by the deal's roll), which places it in a period and dates it against a default, and the date
/// its interest piece ends on (<see cref="AccruedTo"/>). Without business days both are the due date itself.
/// </summary>
internal sealed record DealPeriods(Date[] Boundaries, Date[] AccrualDates, int ScheduledPeriods, Func<Date, Date> PaidOn, Func<Date, Date> AccruedTo)
{
    /// <summary>The deal's periods as the lowerer has them.</summary>
    public static DealPeriods Of(Lowerer lowerer) =>
        new(lowerer.Boundaries, lowerer.AccrualDates, lowerer.ScheduledPeriods, lowerer.PaidOn, lowerer.AccruedTo);

    /// <summary>The period an instalment due on <paramref name="due"/> is received in: the one the day it is paid falls in.</summary>
    public int PeriodOf(Date due) => Schedule.PeriodIndexOf(Boundaries, PaidOn(due));
}
