using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A lease's rent in its current term, for a forward CFADS (docs/language.md §7, <c>cfads over next D</c>; filled only
/// in a deal that projects cfads): each period's rent under the lease's terms, the renewals the scenario takes and the path's
/// market rate (the scenario's, or a Monte Carlo path's drawn one), as if the lessee never defaults (a default not yet happened is not known at the test date; one that
/// has happened ends the lease, which the loop sees). A period in which a term ends and a renewal taken begins holds
/// the ending term's days only: a forward sum from inside that term stops there, and one from the renewal starts after
/// it. Allocation-free.
/// </summary>
static class LeaseTermRents
{
    public static void Fill(DealDescription deal, LeasePlan plan, ScenarioSpec scenario, double marketRentDeflation, int l, double[] into)
    {
        LeaseInfo lease = deal.Leases[l];
        int renewals = Math.Min(scenario.RenewalsTaken[l] ?? 0, lease.RenewalCount);
        plan.FillRenewed(renewals, marketRentDeflation, into, memo: null, l, out _, out _);
        Date[] b = deal.Boundaries;
        int patched = -1;
        for (int j = 0; j < renewals; j++)
        {
            Date end = ForwardReceipts.TermEnd(lease.Start, lease.TermMonths, lease.RenewalTermMonths, j);
            int q = Schedule.PeriodIndexOf(b, end);
            if (q < 0 || q >= into.Length || b[q + 1] == end || q == patched)
            {
                // On a boundary (no period holds two terms), outside the horizon, or a second end in a period
                // already cut at the first (the term running at the period's start is the one that counts).
                continue;
            }

            Date from = Date.Max(lease.Start, b[q]);
            into[q] = end > from ? LeaseRents.Accrue(deal, lease, plan.RenewalsStart, marketRentDeflation, q, from, end) : 0.0;
            patched = q;
        }
    }
}
