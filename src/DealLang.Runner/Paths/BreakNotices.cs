using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A lease's break notice as a forward CFADS reads it (docs/language.md §5, "Break option"; filled only in a deal that
/// projects cfads): when the scenario exercises the break at <c>b</c> and the lease has <c>notice N</c>, the lessee serves
/// notice on <c>b − N</c>, and from the period holding that date on a forward CFADS reads the lease's rent as stopping
/// on <c>b</c>, prorated as the loop prorates it. The notice is a fact once served: it is served unless the lessee has
/// defaulted on or before the notice date, whether or not a later default (on or before <c>b</c>) then comes first and
/// the break is never made, so that nothing the forward test reads depends on what the path does after the test.
/// </summary>
static class BreakNotices
{
    public static void Fill(DealDescription deal, LeasePlan plan, ScenarioSpec scenario, double marketRentDeflation, int l, PathInputs into)
    {
        LeaseInfo lease = deal.Leases[l];
        int? breakMonths = l < scenario.LeaseBreaks.Length ? scenario.LeaseBreaks[l] : null;
        into.LeaseNoticePeriod[l] = -1;
        if (lease.BreakNoticeMonths == 0 && lease.RenewalBreakNoticeMonths == 0)
        {
            // A lease without 'notice' sees its break only as it ends (the loop's end period): its row is never written,
            // and stays the zeros it was made with.
            return;
        }

        // The notice of the break exercised: the renewal terms' own for a break in a renewal term (0, none, when only the
        // other break has one). The notice date from the start, as the break date is (a start on the 31st clamps both the
        // same way).
        int notice = breakMonths is { } exercised ? lease.BreakNoticeFor(exercised) : 0;
        Date served = lease.Start.AddMonthsClamped((breakMonths ?? 0) - notice);
        if (breakMonths is not { } months || notice == 0 || (LeaseTerms.Lessee(deal, scenario, lease) is { } defaulted && defaulted <= served))
        {
            // No notice on this path: nothing of the previous path's may survive in the row.
            into.LeaseNoticedRent[l].AsSpan().Clear();
            return;
        }

        // The rent to the break date as if the lessee never defaults, what LeaseTerms writes for a break (FillTo), so the
        // period holding the break reads the days before it. No memo: a path pays for it only when it serves notice.
        plan.FillTo(lease.Start.AddMonthsClamped(months), marketRentDeflation, into.LeaseNoticedRent[l], memo: null, l);
        into.LeaseNoticePeriod[l] = LeaseTerms.EndPeriod(deal.Boundaries, served);
    }
}
