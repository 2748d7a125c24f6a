using System.Runtime.CompilerServices;
using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A lease under a scenario: how long it runs (renewals taken, or cut short by the lessee's default or break), the termination
/// fee its lessee's default or break pays (<see cref="TerminationReceipts"/>), the rent it pays per period (from its <see cref="LeasePlan"/>: a term of the deal's options precomputed, a default's
/// end worked out for the path), the period it ends in and whether its residual value
/// guarantee answers for that end. A path source passes its buffers' <see cref="PathMemo"/>, from which the
/// numbers a previous path computed at the same rate and default date are reused.
/// </summary>
static class LeaseTerms
{
    public static Date? Apply(DealDescription deal, LeasePlan plan, ScenarioSpec scenario, int l, PathInputs into, PathMemo? memo) =>
        Apply(deal, plan, scenario, scenario.MarketRentDeflation, l, into, memo);

    /// <summary><see cref="Apply(DealDescription, LeasePlan, ScenarioSpec, int, PathInputs, PathMemo?)"/> at the market-rent
    /// deflation <paramref name="marketRentDeflation"/> rather than the scenario's (a Monte Carlo path's drawn rate).
    /// Returns the day the lease ends when its RVG answers for that end inside the horizon (null otherwise): the day whose
    /// facility value the caller writes as <see cref="PathInputs.RvgValue"/>, which needs the path's facility stresses.</summary>
    public static Date? Apply(DealDescription deal, LeasePlan plan, ScenarioSpec scenario, double marketRentDeflation, int l, PathInputs into, PathMemo? memo)
    {
        LeaseInfo lease = deal.Leases[l];
        // The renewals taken were checked against the lease's options (Shapes.Require).
        int renewals = scenario.RenewalsTaken[l] ?? 0;

        // The lessee's break (a scenario's lever, checked against the lease's break dates) and its default: whichever
        // comes first ends the lease (TerminationReceipts.Break; the default's rules apply as an RVG's on its expiry date).
        Date? lesseeDefault = Lessee(deal, scenario, lease);
        int? breakMonths = l < scenario.LeaseBreaks.Length ? scenario.LeaseBreaks[l] : null;
        Date? broken = TerminationReceipts.Break(lease.Start, breakMonths, lesseeDefault);
        Date? defaulted = broken is null ? lesseeDefault : null;

        // The termination fee: owed on a default during the initial term, or during a renewal term taken when the
        // renewals carry their own (none after the lease ended), recovered as the lessee's other claims are, as a
        // contract's customer's is; or the break fee, paid in full by a performing lessee in the break's period. The row
        // of a lease that can receive neither is never written: it stays the zeros it was made with.
        if (plan.HasTerminationReceipts)
        {
            FillTermination(deal, lease, scenario, marketRentDeflation, renewals, breakMonths, broken, defaulted, into.LeaseTermination[l]);
        }

        if (broken is { } breakDate)
        {
            return ApplyBreak(deal, plan, lease, marketRentDeflation, breakMonths!.Value, breakDate, l, into, memo);
        }

        // On or before the expiry date (worked out only for a lease whose lessee defaults: the others' ends are
        // precomputed): a lessee in default on the day the guarantee falls due pays only what a
        // creditor recovers, whether the lease ran its term or the default cut it short (a strict < let a default
        // on the expiry date itself through at 100%). After the expiry the claim was owed by a performing lessee.
        if (defaulted is { } defaultDate && defaultDate <= plan.EndOf(renewals, out _))
        {
            // The rent stops on the default date and the lease is over; what the guarantor still pays on the
            // RVG claim is what a creditor of the defaulted lessee recovers.
            int cutEndPeriod;
            if (memo is not null)
            {
                // The memo's row cut on this day at this rate, shared rather than copied: a lessee defaulting on the
                // same day path after path (a deterministic scenario's, a stochastic one's fixed date) costs a compare.
                into.ShareLeaseRent(l, plan.SharedCutRow(defaultDate, marketRentDeflation, memo, l, out cutEndPeriod));
            }
            else
            {
                plan.FillTo(defaultDate, marketRentDeflation, into.OwnLeaseRent(l), memo, l);
                cutEndPeriod = EndPeriod(deal.Boundaries, defaultDate);
            }

            into.LeaseEndPeriod[l] = cutEndPeriod;

            bool rvgOwed = lease.RvgUntil is { } until && defaultDate <= until && defaultDate <= deal.Maturity;
            into.RvgApplies[l] = rvgOwed;
            into.RvgRecovery[l] = scenario.RecoveryOf(deal, lease.Lessee);
            into.RvgBreakTerms[l] = 0;
            if (deal.HasGuarantees)
            {
                FillGuaranteeDue(plan, renewals, marketRentDeflation, l, into);
            }

            // RvgDay's test on the values just written, from the locals rather than read back through the views.
            return rvgOwed && cutEndPeriod >= 0 ? defaultDate : null;
        }

        if (deal.HasGuarantees)
        {
            // A performing lessee leaves nothing for a guarantor to pay.
            into.LeaseGuaranteeDue[l].AsSpan().Clear();
        }

        // The lease runs its term and the renewals taken (ends, RVG and the cut period's rent precomputed). When the
        // market rate moves none of it, the row made once per deal is shared, not copied.
        int endPeriod;
        bool rvgApplies;
        if (plan.UnmovedRow(renewals, marketRentDeflation, out endPeriod, out rvgApplies) is { } row)
        {
            into.ShareLeaseRent(l, row);
        }
        else
        {
            plan.FillRenewed(renewals, marketRentDeflation, into.OwnLeaseRent(l), memo, l, out endPeriod, out rvgApplies);
        }

        into.LeaseEndPeriod[l] = endPeriod;
        into.RvgApplies[l] = rvgApplies;
        into.RvgRecovery[l] = 1.0;
        into.RvgBreakTerms[l] = 0;
        // An end inside the horizon is the expiry after exactly these renewals (the plan stops counting renewals only
        // past the horizon, or at a renewal term of 0 months, which never moves the end).
        return into.RvgApplies[l] && into.LeaseEndPeriod[l] >= 0 ? plan.EndOf(renewals, out _) : null;
    }

    /// <summary>The termination fee's row (<see cref="Apply(DealDescription, LeasePlan, ScenarioSpec, double, int, PathInputs, PathMemo?)"/>):
    /// a lease whose terms carry none never comes here, so the common path keeps its frame small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void FillTermination(DealDescription deal, LeaseInfo lease, ScenarioSpec scenario, double marketRentDeflation, int renewals, int? breakMonths,
        Date? broken, Date? defaulted, double[] termination)
    {
        termination.AsSpan().Clear();
        (int Period, double Amount)? received = broken is { } at
            ? TerminationReceipts.Of(deal, BreakFee(deal, lease, breakMonths!.Value, at, marketRentDeflation), at, 1.0)
            : defaulted is { } on ? TerminationReceipts.Of(deal, lease.TerminationClaim(on, renewals), on, scenario.RecoveryOf(deal, lease.Lessee)) : null;
        if (received is (int p, double amount))
        {
            termination[p] = amount;
        }
    }

    /// <summary>
    /// A lease its lessee breaks on <paramref name="breakDate"/>: the rent stops on the break date, prorated as a
    /// default's; no RVG (the break fee is what the lessee pays for leaving early) unless the break says 'with rvg', when
    /// the guarantee answers as for a lease ending on that date (within its 'until' and the deal's maturity), paid in full
    /// by the performing lessee; nothing for a guarantor to pay (the lessee performed), no renewal (after the one broken,
    /// for a break in a renewal term: the plan's rent runs through every renewal, and is cut on the date). Apart from
    /// <see cref="Apply(DealDescription, LeasePlan, ScenarioSpec, double, int, PathInputs, PathMemo?)"/>, as
    /// <see cref="FillTermination"/> is.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Date? ApplyBreak(DealDescription deal, LeasePlan plan, LeaseInfo lease, double marketRentDeflation, int breakMonths, Date breakDate, int l,
        PathInputs into, PathMemo? memo)
    {
        plan.FillTo(breakDate, marketRentDeflation, into.OwnLeaseRent(l), memo, l);
        into.LeaseEndPeriod[l] = EndPeriod(deal.Boundaries, breakDate);
        into.RvgApplies[l] = lease.RvgOwedAtBreak(breakMonths) && lease.RvgUntil is { } until
            && breakDate <= until && breakDate <= deal.Maturity;
        into.RvgRecovery[l] = 1.0;
        // The break's own RVG terms answer (the loop reads them only for a break that states some): the initial term's
        // or the renewal terms'.
        into.RvgBreakTerms[l] = lease.InRenewal(breakMonths) ? 2 : 1;
        if (deal.HasGuarantees)
        {
            into.LeaseGuaranteeDue[l].AsSpan().Clear();
        }

        return RvgDay(into, l, breakDate);
    }

    /// <summary>The day the lease ends, when its RVG is paid on this path; null when none is (none answers for the end,
    /// or the end is past the horizon).</summary>
    static Date? RvgDay(PathInputs into, int l, Date end) =>
        into.RvgApplies[l] && into.LeaseEndPeriod[l] >= 0 ? end : null;

    /// <summary>The fee for a break on <paramref name="at"/>, <paramref name="months"/> from the start: the initial term's
    /// (<see cref="LeaseInfo.BreakFee"/>), or in a renewal term the renewal terms' own, its amount or its months of the rent
    /// in force on the break date (escalated and, at market, at this path's market-rent index: <see cref="LeaseRents.AnnualOn"/>).</summary>
    static double BreakFee(DealDescription deal, LeaseInfo lease, int months, Date at, double marketRentDeflation) =>
        !lease.InRenewal(months) ? lease.BreakFee(at)
            : lease.RenewalBreakFeeAmount + (lease.RenewalBreakFeeMonths == 0 ? 0.0
                : lease.RenewalBreakFeeMonths / 12.0 * LeaseRents.AnnualOn(deal, lease, at, marketRentDeflation));

    /// <summary>
    /// What a guarantor of the lease is asked for (docs/language.md §5, "Guarantors"): per period, the rent the lease
    /// would have paid had its lessee not defaulted (its term and the renewals the scenario takes, at the path's market
    /// rate) less the rent it pays (the default cuts it on the day), so the default's own period asks for the days from
    /// the default on. Computed directly (no memo): only a path whose lessee defaults pays for it.
    /// </summary>
    static void FillGuaranteeDue(LeasePlan plan, int renewals, double marketRentDeflation, int l, PathInputs into)
    {
        double[] due = into.LeaseGuaranteeDue[l];
        plan.FillRenewed(renewals, marketRentDeflation, due, memo: null, l, out _, out _);
        double[] paid = into.LeaseRent[l];
        for (int t = 0; t < due.Length; t++)
        {
            due[t] = Math.Max(0.0, due[t] - paid[t]);
        }
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

    internal static Date? Lessee(DealDescription deal, ScenarioSpec scenario, LeaseInfo lease) =>
        lease.Lessee >= 0 && lease.Lessee < deal.Parties.Length ? scenario.PartyDefaults[lease.Lessee] : null;
}
