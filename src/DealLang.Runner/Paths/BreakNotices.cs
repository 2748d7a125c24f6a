using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A lease's or a contract's break notice as a forward CFADS reads it (docs/language.md §5, "Break option"; filled only in a deal that
/// projects cfads): when the scenario exercises the break at <c>b</c> and the lease has <c>notice N</c>, the lessee serves
/// notice on <c>b − N</c>, and from the period holding that date on a forward CFADS reads the lease's rent as stopping
/// on <c>b</c>, prorated as the loop prorates it. The notice is a fact once served: it is served unless the lessee has
/// defaulted on or before the notice date, whether or not a later default (on or before <c>b</c>) then comes first and
/// the break is never made, so that nothing the forward test reads depends on what the path does after the test. A
/// contract's customer alike: from its notice period a forward CFADS reads the term's years (its take-or-pay revenue) as
/// stopping on <c>b</c>; a re-let after the break is not contracted then, and not read.
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

    /// <summary>Contract <paramref name="c"/>'s notice slots: its notice period (−1 when none is served on this path) and
    /// the years of each period of its term up to the break date (zeros when none is served); for a break in a renewal
    /// term, after the term the years of the renewal running on each period's start, to the break date too.</summary>
    public static void FillContract(DealDescription deal, ContractPlan plan, ScenarioSpec scenario, int c, PathInputs into)
    {
        ContractInfo contract = deal.Contracts[c];
        int? breakMonths = scenario.Contracts.Length == 0 ? null : scenario.Contracts[c]?.BreakMonths;
        into.ContractNoticePeriod[c] = -1;
        if (contract.BreakNoticeMonths == 0 && contract.RenewalBreakNoticeMonths == 0)
        {
            // A contract without 'notice' sees its break only as it ends (its broken flag): its row is never written.
            return;
        }

        // The notice of the break exercised: the renewal terms' own for a break in a renewal term (0, none, when only the
        // other break has one).
        int notice = breakMonths is { } exercised ? contract.BreakNoticeFor(exercised) : 0;
        Date served = contract.Start.AddMonthsClamped((breakMonths ?? 0) - notice);
        if (breakMonths is not { } months || notice == 0 || (scenario.PartyDefaults[contract.Customer] is { } defaulted && defaulted <= served))
        {
            // No notice on this path: nothing of the previous path's may survive in the row.
            into.ContractNoticedYears[c].AsSpan().Clear();
            return;
        }

        // The term's years to the break date as if the customer never defaults, what ContractRelets writes for a break, so
        // the period holding the break reads its days before it.
        Date breakDate = contract.Start.AddMonthsClamped(months);
        double[] noticed = into.ContractNoticedYears[c];
        ContractRelets.FillTermYears(deal.Boundaries, contract.Start, plan.End, breakDate, noticed);
        if (contract.InRenewal(months))
        {
            // After the term (where the term's years are 0), the renewal's: the days from each period's start in the
            // renewal running on it to the earlier of the period's end, that renewal's end and the break date, as
            // ContractCurves.RenewalTermYears counts them uncut (a forward CFADS reads it in their place once noticed).
            Date[] b = deal.Boundaries;
            for (int t = 0; t < noticed.Length; t++)
            {
                int j = ForwardReceipts.TermAt(b[t], contract.Start, contract.TermMonths, contract.RenewalCount, contract.RenewalTermMonths);
                if (j >= 1)
                {
                    Date to = Date.Min(Date.Min(b[t + 1], ForwardReceipts.TermEnd(contract.Start, contract.TermMonths, contract.RenewalTermMonths, j)), breakDate);
                    noticed[t] += to > b[t] ? Date.DaysBetween(b[t], to) / 365.0 : 0.0;
                }
            }
        }

        into.ContractNoticePeriod[c] = LeaseTerms.EndPeriod(deal.Boundaries, served);
    }
}
