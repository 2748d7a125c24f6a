using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A termination fee received (docs/language.md §5, "contract" and "lease"): the fee owed on the obligor's default
/// date (<see cref="TerminationFees.Claim"/>) × the obligor's recovery on the path, received in the period the date
/// falls in (the period whose end first reaches it; the first for a date on or before the closing); nothing when no
/// fee is owed or the date is past the last period. One home for a contract's customer and a lease's lessee.
/// </summary>
static class TerminationReceipts
{
    /// <summary>The period the fee is received in and the amount, or null when nothing is received on this path.</summary>
    public static (int Period, double Amount)? Of(DealDescription deal, double claim, Date defaulted, double recovery) =>
        claim > 0 && Math.Max(0, Schedule.PeriodIndexOf(deal.Boundaries, defaulted)) is int p && p < deal.Periods
            ? (p, claim * recovery)
            : null;

    /// <summary>
    /// The date a break exercised <paramref name="months"/> after <paramref name="start"/> ends the agreement (a lease's
    /// or a contract's, <c>breaks at 60m</c>), or null when it is not exercised or its counterparty defaulted on or
    /// before it: a default comes first (a party in default on the day the break fee falls due cannot be assumed to
    /// pay it; the default's rules apply), and one after the break finds the agreement ended.
    /// </summary>
    public static Date? Break(Date start, int? months, Date? defaulted) =>
        months is { } m && start.AddMonthsClamped(m) is var on && !(defaulted is { } d && d <= on) ? on : null;
}
