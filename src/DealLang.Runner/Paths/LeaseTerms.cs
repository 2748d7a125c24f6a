using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A lease under a scenario: how long it runs (renewals taken, or cut short by the lessee's default), the rent
/// it pays per period (from its <see cref="LeasePlan"/>), the period it ends in and whether its residual value
/// guarantee answers for that end.
/// </summary>
static class LeaseTerms
{
    public static void Apply(DealDescription deal, LeasePlan plan, ScenarioSpec scenario, int l, PathInputs into)
    {
        LeaseInfo lease = deal.Leases[l];
        // In long arithmetic: a renewal count in the thousands times a term of up to 10,000 years is no int.
        // The renewals taken were checked against the lease's options (Shapes.Require).
        long months = lease.TermMonths + ((long)(scenario.RenewalsTaken[l] ?? 0) * lease.RenewalTermMonths);

        // A term that runs past 9999-12-31 ends after every deal: end is then the calendar's last day, which the
        // rent runs to, but the lease never ends inside the deal.
        bool endsInCalendar = lease.Start.TryAddMonths((int)Math.Min(months, int.MaxValue), out Date end);

        double recovery = 1.0;
        // On or before the expiry date: a lessee in default on the day the guarantee falls due pays only what a
        // creditor recovers, whether the lease ran its term or the default cut it short (a strict < let a default
        // on the expiry date itself through at 100%). After the expiry the claim was owed by a performing lessee.
        if (Lessee(deal, scenario, lease) is { } defaulted && defaulted <= end)
        {
            // The rent stops on the default date and the lease is over; what the guarantor still pays on the
            // RVG claim is what a creditor of the defaulted lessee recovers.
            end = defaulted;
            endsInCalendar = true;
            recovery = deal.Parties[lease.Lessee].Recovery;
        }

        plan.Fill(end, scenario.MarketRentDeflation, into.LeaseRent[l]);
        into.LeaseEndPeriod[l] = endsInCalendar ? EndPeriod(deal.Boundaries, end) : -1;
        into.RvgApplies[l] = endsInCalendar && lease.RvgUntil is { } until && end <= until && end <= deal.Maturity;
        into.RvgRecovery[l] = recovery;
    }

    /// <summary>The period whose (start, end] holds <paramref name="end"/>; −1 past the horizon. An end on or
    /// before closing (a lessee that defaulted before the deal began) is seen in the first period, the earliest
    /// the period loop can act on it.</summary>
    public static int EndPeriod(Date[] boundaries, Date end)
    {
        if (end > boundaries[^1])
        {
            return -1;
        }

        return Math.Max(0, Schedule.PeriodIndexOf(boundaries, end));
    }

    static Date? Lessee(DealDescription deal, ScenarioSpec scenario, LeaseInfo lease) =>
        lease.Lessee >= 0 && lease.Lessee < deal.Parties.Length ? scenario.PartyDefaults[lease.Lessee] : null;
}
