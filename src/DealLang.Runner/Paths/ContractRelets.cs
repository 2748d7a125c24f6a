using System.Runtime.CompilerServices;
using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A scenario's levers on the contracts (docs/language.md §10): each contract's utilisation (its take-or-pay share
/// unless the scenario says), and, when the scenario re-lets its units, the years of each period they are re-let and
/// whether they are on each period's end; the renewals its customer takes (the years of each period inside them and
/// whether one runs at each period's end); the termination fee its customer's default pays; the years of each period in
/// its term and renewals up to that default (so the default's period pays for the days before it); and the prepayment
/// received at its start. A break (<c>C breaks at 24m</c>) stops the contract on its date as a default does, its fee
/// received in full instead of the default's, unless the customer defaulted on or before it (the default comes first);
/// a break in a renewal term (<c>C breaks in renewal 1 at 12m</c>) alike, on its date in that renewal, against its fee.
/// Re-letting starts the scenario's idle gap after the contract stops, at the end of its last renewal taken or on its
/// customer's default or break date, whichever is first, and runs to the end of the run. Allocation-free.
/// </summary>
static class ContractRelets
{
    /// <summary>Fills contract <c>c</c>'s rows for <paramref name="scenario"/>: a row no lever of this path changes is the
    /// deal's own (<paramref name="plans"/>, or <paramref name="zeros"/>), shared; a row the path changes is worked out into
    /// the buffers' own row, the re-let rows into <paramref name="memo"/>'s, kept for a later path with the same re-let
    /// start (every path of a scenario). <paramref name="periodYears"/>: the deal's <see cref="PeriodYears"/>. A row a
    /// customer's default cuts is the plan's up to the default's period (<see cref="CutAtDefault"/>).</summary>
    public static void Fill(DealDescription deal, ContractPlan[] plans, double[] zeros, double[] periodYears, ScenarioSpec scenario, PathInputs into, PathMemo? memo)
    {
        for (int c = 0; c < deal.Contracts.Length; c++)
        {
            FillContract(deal, plans[c], zeros, periodYears, scenario, into, memo, c);
        }
    }

    /// <summary>Contract <paramref name="c"/>'s rows (<see cref="Fill"/>). What a path whose customer neither defaults nor
    /// breaks does is here; what a default or a break changes is worked out in methods of their own (<see cref="FillStopped"/>,
    /// <see cref="FillGuaranteeYears"/>, <see cref="FillBroken"/>, <see cref="FillRenewalsTaken"/>), so that this one keeps
    /// its few values in registers: written as one method for all the contracts, CoreWeave's four contracts' fill
    /// spilled and reloaded them around every row it shared, about 15 ns a contract (bench/HISTORY.md, session 2026-12-07i).
    /// The eight rows are gathered and shared in one call at the end (<see cref="PathInputs.ShareContractRows"/>): a row
    /// worked out into the buffers' own row is already in its slot, so sharing it again is a compare.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void FillContract(DealDescription deal, ContractPlan plan, double[] zeros, double[] periodYears, ScenarioSpec scenario, PathInputs into, PathMemo? memo, int c)
    {
        ContractInfo contract = deal.Contracts[c];
        ContractLevers levers = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[c]) ?? ContractLevers.None;
        into.ContractUtilisation[c] = levers.Utilisation ?? contract.TakeOrPay;
        // A utilisation a stochastic scenario drew for the path ('relet after D at beta …') in place of the lever's (its mean).
        into.ContractReletUtilisation[c] = levers.Relet ? scenario.ReletUtilisationOf(ScenarioSpec.ReletDrawSlot(c, false, deal.Contracts.Length), levers.ReletUtilisation) : 0.0;
        // The customer's break and its default: whichever comes first (TerminationReceipts.Break) stops the contract
        // on its date (the term's, renewals' and re-let's rows are cut at 'stopped').
        Date? customerDefault = scenario.PartyDefaults[contract.Customer];
        Date? broken = TerminationReceipts.Break(contract.Start, levers.BreakMonths, customerDefault);
        Date? stopped = broken ?? customerDefault;
        ContractRowSet rows = default;
        if (stopped is null)
        {
            // No termination fee (neither a default nor a break owes one), and the whole term's years: the deal's rows.
            rows[ContractRowSet.Termination] = zeros;
            rows[ContractRowSet.TermYears] = plan.TermYears;
        }
        else
        {
            (rows[ContractRowSet.Termination], rows[ContractRowSet.TermYears]) =
                FillStopped(deal, contract, plan, levers, scenario, customerDefault, broken, stopped.Value, zeros, into, c);
        }

        if (deal.HasGuarantees)
        {
            FillGuaranteeYears(deal.Boundaries, contract, plan, customerDefault, broken, rows[ContractRowSet.TermYears], zeros, into, c);
        }

        // The prepayment: paid on the start day, in the period the start falls in (the first for a start on the
        // closing), unless the customer defaulted on or before it.
        bool prepaid = plan.PrepaidIn is not null && !(customerDefault is { } gone && gone <= contract.Start);
        rows[ContractRowSet.Prepaid] = prepaid ? plan.Prepaid : zeros;

        // Broken: 1 from the break's period on, its units idle from that period's end (read only by a contract with a
        // break option, DL0428 refusing a break on another).
        rows[ContractRowSet.Broken] = broken is { } brokenOn ? FillBroken(deal.Boundaries, brokenOn, into, c) : zeros;

        // The renewals taken: from the end of the term to the end of the last one, up to the customer's default or
        // break (a break in the term: none of them runs; in a renewal term: that one runs to the break date).
        int taken = levers.RenewalsTaken;
        bool offered = taken >= 0 && taken < plan.RenewedEnd.Length;
        if (stopped is null && offered)
        {
            rows[ContractRowSet.RenewalYears] = plan.RenewalYears[taken];
            rows[ContractRowSet.RenewalLive] = plan.RenewalLive[taken];
        }
        else
        {
            (rows[ContractRowSet.RenewalYears], rows[ContractRowSet.RenewalLive]) =
                FillRenewalsTaken(deal.Boundaries, contract, plan, stopped, taken, offered, into, c);
        }

        if (contract.ReletShaped)
        {
            // Read only by a program some scenario of whose deal shapes the contract's re-let (Shapes refuses a ramp or
            // a price of its own for any other): four contracts' six slots were a tenth of CoreWeave's fill.
            FillReletShape(deal, contract, levers, scenario, stopped, taken, into, c);
        }

        if (!levers.Relet)
        {
            rows[ContractRowSet.ReletYears] = zeros;
            rows[ContractRowSet.ReletLive] = zeros;
        }
        else if (memo is null)
        {
            double[] years = into.OwnContractRow(InputQuantity.ContractReletYears, c), live = into.OwnContractRow(InputQuantity.ContractReletLive, c);
            FillRelet(deal.Boundaries, periodYears, ReletStart(contract, stopped, levers.ReletAfterMonths, taken), years, live);
            rows[ContractRowSet.ReletYears] = years;
            rows[ContractRowSet.ReletLive] = live;
        }
        else
        {
            // The re-let start is a function of the stop date (default or break), the gap and the renewals taken (calendar
            // conversions): the memo is keyed on those, so a path seen before works out no date.
            var (years, live) = memo.Relet(c, stopped, levers.ReletAfterMonths, taken, out bool known);
            if (!known)
            {
                FillRelet(deal.Boundaries, periodYears, ReletStart(contract, stopped, levers.ReletAfterMonths, taken), years, live);
            }

            rows[ContractRowSet.ReletYears] = years;
            rows[ContractRowSet.ReletLive] = live;
        }

        into.ShareContractRows(c, rows);
    }

    /// <summary>A contract its customer's default or break stopped on <paramref name="stopped"/>: the termination fee, owed
    /// on the customer's default date during the term, paid at its recovery; or the break fee, paid in full (the customer
    /// performs); received in the period the date falls in (the period whose end first reaches it). And the term's days up
    /// to that date (none from it), that period prorated to its day. Returns the two rows (the buffers' own, or zeros).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static (double[] Termination, double[] TermYears) FillStopped(DealDescription deal, ContractInfo contract, ContractPlan plan, ContractLevers levers, ScenarioSpec scenario,
        Date? customerDefault, Date? broken, Date stopped, double[] zeros, PathInputs into, int c)
    {
        (int Period, double Amount)? fee = broken is { } at
            ? TerminationReceipts.Of(deal, contract.BreakFeeFor(levers.BreakMonths!.Value), at, 1.0)
            : customerDefault is { } defaulted ? TerminationReceipts.Of(deal, contract.TerminationClaim(defaulted), defaulted, scenario.RecoveryOf(deal, contract.Customer)) : null;
        double[] termination = zeros;
        if (fee is (int p, double received))
        {
            termination = into.OwnContractRow(InputQuantity.ContractTermination, c);
            termination.AsSpan().Clear();
            termination[p] = received;
        }

        // The term's end once, not per period: ContractInfo.End is worked out from the start and the months each time it
        // is read (a calendar conversion), which per period cost more than the rest of the loop.
        Date[] b = deal.Boundaries;
        double[] termYears = into.OwnContractRow(InputQuantity.ContractTermYears, c);
        if (CutAtDefault(b, stopped, plan.TermYears, termYears) is int cut && cut < termYears.Length)
        {
            termYears[cut] = YearsIn(b, cut, contract.Start, plan.End, stopped);
        }

        return (termination, termYears);
    }

    /// <summary>What a guarantor of the contract is asked for: the term's years the customer's default took away. No
    /// default, nothing taken away: the term's row is the plan's, each period's days in the term / 365, and each period's
    /// max(0, the same less itself) would be 0; the row of zeros, shared. A break took nothing away that the guarantor
    /// answers for: the customer left as the contract lets it. <paramref name="termYears"/>: the term's row as filled
    /// (<see cref="FillStopped"/>), cut at the default.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void FillGuaranteeYears(Date[] b, ContractInfo contract, ContractPlan plan, Date? customerDefault, Date? broken, double[] termYears, double[] zeros, PathInputs into, int c)
    {
        if (customerDefault is null || broken is not null)
        {
            into.ShareContractRow(InputQuantity.ContractGuaranteeYears, c, zeros);
            return;
        }

        double[] lost = into.OwnContractRow(InputQuantity.ContractGuaranteeYears, c);
        Date start = contract.Start, end = plan.End;
        for (int t = 0; t < lost.Length; t++)
        {
            Date from = Date.Max(b[t], start), to = Date.Min(b[t + 1], end);
            lost[t] = to > from ? Math.Max(0.0, Date.DaysBetween(from, to) / 365.0 - termYears[t]) : 0.0;
        }
    }

    /// <summary>A broken contract's flags: 1 from the break's period on (the buffers' own row, returned).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static double[] FillBroken(Date[] b, Date brokenOn, PathInputs into, int c)
    {
        double[] brokenRow = into.OwnContractRow(InputQuantity.ContractBroken, c);
        int from = Math.Min(Math.Max(0, Schedule.PeriodIndexOf(b, brokenOn)), brokenRow.Length);
        brokenRow.AsSpan(0, from).Clear();
        brokenRow.AsSpan(from).Fill(1.0);
        return brokenRow;
    }

    /// <summary>The renewals taken when the plan's rows do not answer: cut at the customer's default or break, or a count of
    /// renewals the contract does not offer. Returns the two rows (the buffers' own, or the plan's flags).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static (double[] Years, double[] Live) FillRenewalsTaken(Date[] b, ContractInfo contract, ContractPlan plan, Date? stopped, int taken, bool offered, PathInputs into, int c)
    {
        Date end = plan.End;
        if (stopped is { } renewalsCut && offered)
        {
            // The default cuts the renewals' years, not the flags of a renewal running at a period's end.
            double[] renewalYears = into.OwnContractRow(InputQuantity.ContractRenewalYears, c);
            if (CutAtDefault(b, renewalsCut, plan.RenewalYears[taken], renewalYears) is int cut && cut < renewalYears.Length)
            {
                renewalYears[cut] = YearsIn(b, cut, end, plan.RenewedEnd[taken], renewalsCut);
            }

            return (renewalYears, plan.RenewalLive[taken]);
        }

        double[] years = into.OwnContractRow(InputQuantity.ContractRenewalYears, c), live = into.OwnContractRow(InputQuantity.ContractRenewalLive, c);
        FillRenewals(b, end, offered ? plan.RenewedEnd[taken] : contract.EndAfter(taken), stopped, years, live);
        return (years, live);
    }

    /// <summary>
    /// The re-let's shape (docs/language.md §5, "contract-relet-ramp"): the utilisation it ramps to (its own for a flat
    /// re-let) over the ramp's months, or the curve it follows ("contract-relet-curve"), counted from the day it starts on
    /// this path (days from the closing, worked out only for a ramp or a curve: a flat one never reads it), and its price, share × index + spread (without <c>price</c>, the fleet's
    /// generation index at its level). Read by the generated loop only for a contract a scenario re-lets so.
    /// </summary>
    static void FillReletShape(DealDescription deal, ContractInfo contract, ContractLevers levers, ScenarioSpec scenario, Date? stopped, int taken, PathInputs into, int c)
    {
        bool relet = levers.Relet;
        bool ramps = relet && levers.ReletRampMonths > 0;
        // A curve (docs/language.md §5, "contract-relet-curve") counts its months from the re-let's start as a ramp does.
        ReletCurve? curve = relet ? levers.ReletCurve : null;
        into.ContractReletCurve[c] = curve;
        // A flat re-let ramps to its own utilisation, drawn or not (filled above); a ramp's end may be drawn ('rising to beta …').
        into.ContractReletTo[c] = !relet ? 0.0 : ramps ? scenario.ReletUtilisationOf(ScenarioSpec.ReletDrawSlot(c, true, deal.Contracts.Length), levers.ReletTo) : into.ContractReletUtilisation[c];
        into.ContractReletRampMonths[c] = ramps ? levers.ReletRampMonths : 0;
        into.ContractReletStartDay[c] = ramps || curve is not null ? Date.DaysBetween(deal.Closing, ReletStart(contract, stopped, levers.ReletAfterMonths, taken)) : 0;
        ReletPrice? price = relet ? levers.ReletPrice : null;
        into.ContractReletPriceIndex[c] = price?.Index ?? (relet ? Math.Max(0, deal.Fleets[contract.Fleet].Generation) : 0);
        into.ContractReletPriceShare[c] = price?.Share ?? (relet ? 1.0 : 0.0);
        into.ContractReletPriceSpread[c] = price?.Spread ?? 0.0;
    }

    /// <summary>The years of each period in the term [<paramref name="start"/>, <paramref name="end"/>), cut at the
    /// customer's default date.</summary>
    public static void FillTermYears(Date[] b, Date start, Date end, Date? customerDefault, double[] termYears)
    {
        for (int t = 0; t < termYears.Length; t++)
        {
            termYears[t] = YearsIn(b, t, start, end, customerDefault);
        }
    }

    /// <summary>Period <paramref name="t"/>'s years in [<paramref name="start"/>, <paramref name="end"/>) (the term,
    /// or the renewals after it), cut at the customer's default date.</summary>
    static double YearsIn(Date[] b, int t, Date start, Date end, Date? customerDefault)
    {
        Date from = Date.Max(b[t], start), to = Cut(Date.Min(b[t + 1], end), customerDefault);
        return to > from ? Date.DaysBetween(from, to) / 365.0 : 0.0;
    }

    /// <summary>
    /// A row of the plan (the customer never defaulting) cut at the customer's default date <paramref name="defaulted"/>
    /// into <paramref name="into"/>: the periods before the one the date falls in (Schedule.PeriodIndexOf) keep the
    /// plan's figures, as the cut changes nothing there, and those after it have none, as everything after the date is
    /// cut. Returns that period, whose figure the caller works out (the deal's periods when the date is after them all);
    /// the same numbers, bit for bit, as working out every period, at the cost of a copy.
    /// </summary>
    static int CutAtDefault(Date[] b, Date defaulted, double[] plan, double[] into)
    {
        int p = Math.Max(0, Schedule.PeriodIndexOf(b, defaulted));
        if (p >= into.Length)
        {
            plan.AsSpan().CopyTo(into);
            return into.Length;
        }

        plan.AsSpan(0, p).CopyTo(into);
        into.AsSpan(p + 1).Clear();
        return p;
    }

    /// <summary>The period the prepayment is received in, or null when there is none on this path (no prepayment, the
    /// customer defaulted on or before the start, or the start is past the last period).</summary>
    public static int? PrepaidPeriod(Date[] b, ContractInfo contract, Date? customerDefault) =>
        contract.Prepayment != 0 && !(customerDefault is { } gone && gone <= contract.Start)
            && Math.Max(0, Schedule.PeriodIndexOf(b, contract.Start)) is int paidIn && paidIn < b.Length - 1
            ? paidIn : null;

    /// <summary>The renewals from <paramref name="end"/> (the term's) to <paramref name="renewedEnd"/>, cut at the
    /// customer's default date: their years in each period, and 1 where one runs at the period's end.</summary>
    public static void FillRenewals(Date[] b, Date end, Date renewedEnd, Date? customerDefault, double[] renewalYears, double[] renewalLive)
    {
        for (int t = 0; t < renewalYears.Length; t++)
        {
            renewalYears[t] = YearsIn(b, t, end, renewedEnd, customerDefault);
            renewalLive[t] = end <= b[t + 1] && b[t + 1] < renewedEnd ? 1.0 : 0.0;
        }
    }

    /// <summary>Re-let from <paramref name="reletFrom"/> to the end of the run: its years in each period, and 1 where it
    /// runs at the period's end. Before the period the start falls in (Schedule.PeriodIndexOf) neither; after it, each
    /// whole period's years (<paramref name="periodYears"/>, days / 365) and 1; that period is worked out.</summary>
    public static void FillRelet(Date[] b, double[] periodYears, Date reletFrom, double[] years, double[] live)
    {
        int n = years.Length;
        int p = Math.Min(Math.Max(0, Schedule.PeriodIndexOf(b, reletFrom)), n);
        years.AsSpan(0, p).Clear();
        live.AsSpan(0, p).Clear();
        if (p == n)
        {
            return;
        }

        Date from = Date.Max(b[p], reletFrom), e = b[p + 1];
        years[p] = e > from ? Date.DaysBetween(from, e) / 365.0 : 0.0;
        live[p] = reletFrom <= e ? 1.0 : 0.0;
        periodYears.AsSpan(p + 1, n - p - 1).CopyTo(years.AsSpan(p + 1));
        live.AsSpan(p + 1).Fill(1.0);
    }

    /// <summary>Each period's days over 365: a re-let's years in a period it runs through (<see cref="FillRelet"/>).</summary>
    public static double[] PeriodYears(Date[] b, int periods)
    {
        var years = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            years[t] = Date.DaysBetween(b[t], b[t + 1]) / 365.0;
        }

        return years;
    }

    /// <summary>The earlier of <paramref name="day"/> and the customer's default date: the contract pays for the days
    /// before the default only.</summary>
    static Date Cut(Date day, Date? customerDefault) => customerDefault is { } d && d < day ? d : day;

    /// <summary>The day re-letting starts: the contract's stop (the end of its last renewal taken, or its customer's
    /// default date if earlier, but not before it starts) plus the idle gap.</summary>
    public static Date ReletStart(ContractInfo contract, Date? customerDefault, int gapMonths, int renewalsTaken = 0)
    {
        Date stop = contract.EndAfter(renewalsTaken);
        if (customerDefault is { } d && d < stop)
        {
            stop = Date.Max(d, contract.Start);
        }

        return stop.AddMonthsClamped(gapMonths);
    }
}
