// The path building of commit cd81aa8 (before the precompute split), kept as an oracle: PathSourceEquivalenceTests
// compares the precomputed path source with it, slot by slot and bit for bit, and bench/DealLang.Benchmarks links
// this file to measure "before" in the same process as "after". Only RegularPeriods differs from cd81aa8: it
// reads the regular grid from the schedule (ScheduledPeriods), as the runner does since the workout stopped
// depending on the scenarios, and rolls it from the dates as rolled (RolledBoundaries), as the runner does since a
// business day moving a month end stopped shifting the grid. Not product code: nothing under src/ uses it.
using DealLang.Runtime;

namespace DealLang.Reference.Paths;

/// <summary>
/// Applies a deterministic scenario to a deal's terms (docs/language.md §10, "Scenarios"), filling the
/// arrays the period loop reads. Allocation-free: it only writes into <paramref name="into"/>'s buffers, so a
/// runner can refill one <see cref="PathInputs"/> per path.
/// </summary>
internal static class ReferencePathBuilder
{
    /// <summary>Fills <paramref name="into"/> from <paramref name="deal"/> under <paramref name="scenario"/>.
    /// Throws <see cref="ArgumentException"/> when the scenario or the buffers were made for another deal
    /// (a programming error: the compiler sizes scenarios like the description).</summary>
    public static void Build(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(into);

        into.Scenario = scenario.Name;
        for (int f = 0; f < deal.Facilities.Length; f++)
        {
            FacilityValues.Fill(deal, deal.Facilities[f], scenario.FacilityStress[f], into.FacilityValue[f]);

            // Its value at the closing date itself (what a coupon reads at the first period's start).
            into.FacilityClosingValue[f] = FacilityValues.Unstressed(deal.Facilities[f], deal.Closing)
                * FacilityValues.Stress(scenario.FacilityStress[f], deal.Closing, deal.Closing);
        }

        for (int l = 0; l < deal.Leases.Length; l++)
        {
            LeaseTerms.Apply(deal, scenario, l, into);
            LeaseTerms.Termination(deal, scenario, l, into.LeaseTermination[l]);
            if (deal.ProjectsCfads)
            {
                LeaseTerms.TermRent(deal, scenario, l, into.LeaseTermRent[l]);
                LeaseTerms.Notice(deal, scenario, l, into);
            }
        }

        for (int i = 0; i < deal.Indices.Length; i++)
        {
            IndexLevels.Fill(deal, deal.Indices[i], scenario.Indices.Length == 0 ? null : scenario.Indices[i], into.IndexLevel[i]);

            // A forward projection's schedule of a completion index: the same row, under the levers alone.
            if (deal.ProjectsCompletion)
            {
                IndexLevels.Fill(deal, deal.Indices[i], scenario.Indices.Length == 0 ? null : scenario.Indices[i], into.IndexSchedule[i]);
            }
        }

        PartyDefaults.Fill(deal, scenario, into.PartyDefaulted);
        for (int p = 0; p < deal.Parties.Length; p++)
        {
            into.PartyRecovery[p] = PartyDefaults.Recovery(deal, scenario, p);

            // A drawn workout lag's months rounded up to whole periods, as a fixed lag's are; -1 for each loan's own.
            into.PartyWorkoutPeriods[p] = p < scenario.PartyWorkoutMonths.Length && scenario.PartyWorkoutMonths[p] is { } months
                ? (int)Math.Ceiling(months / (double)Frequencies.MonthsPerPeriod(deal.Frequency))
                : -1;
        }

        for (int l = 0; l < deal.Loans.Length; l++)
        {
            // A loan's own drawn lag, rounded as its party's is; -1 for its party's or its own.
            into.LoanWorkoutPeriods[l] = l < scenario.LoanWorkoutMonths.Length && scenario.LoanWorkoutMonths[l] is { } months
                ? (int)Math.Ceiling(months / (double)Frequencies.MonthsPerPeriod(deal.Frequency))
                : -1;

            // Its obligor's default date in days from the closing (counted by the BCL's calendar); -1 without one.
            into.LoanDefaultDay[l] = scenario.PartyDefaults[deal.Loans[l].Obligor] is { } d
                ? new DateOnly(d.Year, d.Month, d.Day).DayNumber - new DateOnly(deal.Closing.Year, deal.Closing.Month, deal.Closing.Day).DayNumber
                : -1;

            // Partial payments: the first window's share (1 without the lever), the periods whose (start, end] hold the
            // windows' dates, a scheduled date standing for its day paid (the first period without 'from'; -1 without the
            // lever), -1 for a last window to the maturity, and each period's share, written into the slot's own row:
            // that of the window holding it, -1 in none.
            PartialPayment[] windows = (l < scenario.LoanPayments.Length ? scenario.LoanPayments[l] : null) ?? [];
            double[] shares = into.OwnLoanPaysShareByPeriod(l);
            for (int t = 0; t < shares.Length; t++)
            {
                shares[t] = -1.0;
            }

            for (int w = 0; w < windows.Length; w++)
            {
                PartialPayment window = windows[w];
                int first = window.From is { } from ? FirstEndReaching(deal, from) : 0;
                int last = window.To is { } to ? FirstEndReaching(deal, to) : -1;
                // A share a path drew for the window (a stochastic scenario's 'pays beta …') in place of its own.
                double[]? drawn = l < scenario.LoanPaymentShares.Length ? scenario.LoanPaymentShares[l] : null;
                double share = drawn is not null && !double.IsNaN(drawn[w]) ? drawn[w] : window.Share;
                for (int t = first; t <= (last < 0 ? shares.Length - 1 : last); t++)
                {
                    shares[t] = share;
                }
            }

            into.LoanPaysFrom[l] = windows.Length == 0 ? -1 : windows[0].From is { } start ? FirstEndReaching(deal, start) : 0;
            into.LoanPaysTo[l] = windows.Length > 0 && windows[^1].To is { } end ? FirstEndReaching(deal, end) : -1;
            into.LoanArrearsPeriods[l] = windows.Length > 0 ? windows[^1].ArrearsPeriods : 1;
        }

        if (deal.HasGuarantees)
        {
            // Each party as a guarantor: the share it honours, and the period whose end first reaches the date it
            // disowns its guarantees from (the first period without a date; -1 when it does not disown them).
            for (int p = 0; p < deal.Parties.Length; p++)
            {
                GuarantorLevers levers = p < scenario.Guarantors.Length && scenario.Guarantors[p] is { } g ? g : GuarantorLevers.Honoured;
                into.GuarantorHonour[p] = levers.Honour;
                into.GuarantorDisownedPeriod[p] = !levers.Disowned ? -1 : levers.From is { } from ? FirstEndReaching(deal, from) : 0;
            }
        }

        if (deal.HasTrancheCalls)
        {
            // Each tranche's hard calls: in the period whose end first reaches a call date, the share called and the
            // call's price (elsewhere 0 and par); and the share its holders convert (all of it without the lever).
            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                for (int t = 0; t < deal.Periods; t++)
                {
                    into.TrancheCallPart[i][t] = 0.0;
                    into.TrancheCallPrice[i][t] = 1.0;
                }

                foreach (TrancheCall call in i < scenario.TrancheCalls.Length ? scenario.TrancheCalls[i] ?? [] : [])
                {
                    if (call.When is null)
                    {
                        int period = LeaseTerms.EndPeriod(deal.Boundaries, call.On);
                        into.TrancheCallPart[i][period] = call.Part;
                        into.TrancheCallPrice[i][period] = call.MakeWhole ? 0.0 : call.Price;
                    }
                }

                into.TrancheConvertPart[i] = i < scenario.TrancheConverts.Length && scenario.TrancheConverts[i] is { } part ? part : 1.0;
            }

            CallsWhen(deal, scenario, into);
        }

        SaleTerms.Fill(deal, scenario, into);
        for (int c = 0; c < deal.Contracts.Length; c++)
        {
            ContractInputs.Fill(deal, scenario, c, into);
            if (deal.ProjectsCfads)
            {
                ContractInputs.Notice(deal, scenario, c, into);
            }
        }

        // A holding's receipts and par are the held entity's (the chain runner's, HoldingFlows): a deal's own path
        // source leaves them at zero, as a deal run alone receives nothing from another.
        for (int h = 0; h < deal.Holdings.Length; h++)
        {
            Array.Fill(into.HoldingReceipts[h], 0.0);
            Array.Fill(into.HoldingPar[h], 0.0);
            Array.Fill(into.HoldingDraws[h], 0.0);
            into.HoldingClosingPar[h] = 0.0;

            // Its market for a forced sale (docs/language.md §5 "holding", "A forced sale"): each term the
            // scenario's lever gives, else the holding's own.
            HoldingLevers? levers = h < scenario.Holdings.Length ? scenario.Holdings[h] : null;
            into.HoldingSaleDiscount[h] = levers?.Discount ?? deal.Holdings[h].SaleDiscount;
            into.HoldingDepth[h] = levers?.Depth ?? deal.Holdings[h].Depth;
            into.HoldingImpact[h] = levers?.Impact ?? deal.Holdings[h].Impact;
        }
    }

    /// <summary>Each call decided in the run, from the index rows now in <paramref name="into"/> (a test copying a Monte
    /// Carlo path's drawn rows calls it again): the condition read directly at each period's start, from the period
    /// whose end first reaches the call's date to the one before the tranche's maturity period (and, on scheduled notes
    /// without a make-whole, from the one whose end first reaches the first step); the part, and the price of the last
    /// step on or before the period's end (0 before the first: the make-whole), or the call's own.</summary>
    public static void CallsWhen(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int i = 0; i < scenario.TrancheCalls.Length; i++)
        {
            foreach (TrancheCall call in scenario.TrancheCalls[i] ?? [])
            {
                if (call.When is not { } when)
                {
                    continue;
                }

                for (int t = 0; t < deal.Periods; t++)
                {
                    into.TrancheCallPart[i][t] = 0.0;
                    into.TrancheCallPrice[i][t] = 1.0;
                }

                Date earliest = call.Steps.Length > 0 && !call.MakeWhole && call.Steps[0].From > call.On ? call.Steps[0].From : call.On;
                if (earliest > deal.Boundaries[^1])
                {
                    continue;
                }

                int end = LeaseTerms.EndPeriod(deal.Boundaries, deal.Tranches[i].Maturity);
                for (int t = LeaseTerms.EndPeriod(deal.Boundaries, earliest); t < (end < 0 ? deal.Periods : end); t++)
                {
                    double rate = when.Constant;
                    for (int k = 0; k < when.Indices.Length; k++)
                    {
                        rate += when.Signs[k] * into.IndexLevel[when.Indices[k]][t];
                    }

                    if (when.OrEqual ? rate <= when.Below : rate < when.Below)
                    {
                        CallStepPrice? step = call.Steps.LastOrDefault(s => s.From <= deal.Boundaries[t + 1]);
                        into.TrancheCallPart[i][t] = call.Part;
                        into.TrancheCallPrice[i][t] = call.Steps.Length == 0 ? call.Price : step?.Price ?? 0.0;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The period a lever names by <paramref name="date"/> (a partial payments window's ends, a guarantor's
    /// <c>disowned from</c>): the first whose end as paid reaches it, or whose end as scheduled is it (a quarter end the
    /// business days move is that quarter's); −1 past the horizon.</summary>
    static int FirstEndReaching(DealDescription deal, Date date)
    {
        Date[] paid = deal.Boundaries;
        Date[] rolled = deal.RolledBoundaries;
        for (int t = 0; t + 1 < paid.Length; t++)
        {
            if (paid[t + 1] >= date || (t + 1 < rolled.Length && rolled[t + 1] == date))
            {
                return t;
            }
        }

        return -1;
    }
}

/// <summary>A contract's scenario inputs computed directly from docs/language.md §5 ("contract") and §10: the
/// utilisation (the take-or-pay share unless the scenario says), and when its units are re-let, the days of each
/// period from (stop + gap) over 365 and whether the period's end is re-let. The stop is the earlier of the
/// contract's end and its customer's default date, not before its start. Added with the contracts.</summary>
static class ContractInputs
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, int c, PathInputs into)
    {
        ContractInfo contract = deal.Contracts[c];
        ContractLevers? levers = scenario.Contracts.Length == 0 ? null : scenario.Contracts[c];
        into.ContractUtilisation[c] = levers?.Utilisation ?? contract.TakeOrPay;
        bool relet = levers is { Relet: true };
        // A utilisation a path drew ('relet after D at beta …', §5 "drawn-relet-utilisation") in place of the lever's:
        // contract c's level at 2c, its ramp's end at 2c + 1, NaN where none is drawn.
        double Drawn(int slot, double written) =>
            slot < scenario.ReletUtilisationsDrawn.Length && !double.IsNaN(scenario.ReletUtilisationsDrawn[slot]) ? scenario.ReletUtilisationsDrawn[slot] : written;
        into.ContractReletUtilisation[c] = relet ? Drawn(2 * c, levers!.ReletUtilisation) : 0;
        Date end = contract.Start.AddMonthsClamped(contract.TermMonths);
        // Renewals taken run from the term's end for K × the renewal term; re-letting starts after the last one.
        int taken = levers?.RenewalsTaken ?? 0;
        Date renewedEnd = contract.Start.AddMonthsClamped(contract.TermMonths + (taken * contract.RenewalTermMonths));
        // A break ('C breaks at D', added with the contracts' break option) on start + D months, unless the customer
        // defaulted on or before that day; it ends the contract on its day as a default would, so it stands for the
        // default date below, and a default after it does nothing to the contract.
        Date? brokenOn = levers?.BreakMonths is { } breakMonths ? contract.Start.AddMonthsClamped(breakMonths) : null;
        if (brokenOn is { } bo && scenario.PartyDefaults[contract.Customer] is { } early && early <= bo)
        {
            brokenOn = null;
        }

        Date? ended = brokenOn ?? scenario.PartyDefaults[contract.Customer];
        Date stop = ended is { } d && d < renewedEnd ? (d < contract.Start ? contract.Start : d) : renewedEnd;
        Date from = relet ? stop.AddMonthsClamped(levers!.ReletAfterMonths) : Date.MaxValue;
        // The re-let's shape (§5, "contract-relet-ramp", added with it): a ramp to ReletTo over its months from the
        // re-let's start (its day from the closing, read only with a ramp), flat at its own utilisation without one; the
        // price its own, else the fleet's generation at its level.
        // Written only for a program that reads them (ContractInfo.ReletShaped); the others' slots stay as made.
        bool ramps = relet && levers!.ReletRampMonths > 0;
        if (contract.ReletShaped)
        {
            into.ContractReletTo[c] = !relet ? 0 : ramps ? Drawn((2 * c) + 1, levers!.ReletTo) : Drawn(2 * c, levers!.ReletUtilisation);
            into.ContractReletRampMonths[c] = ramps ? levers!.ReletRampMonths : 0;
            // A curve (§5, "contract-relet-curve", added with it) counts its months from the same start.
            into.ContractReletCurve[c] = relet ? levers!.ReletCurve : null;
            into.ContractReletStartDay[c] = ramps || into.ContractReletCurve[c] is not null ? Date.DaysBetween(deal.Closing, from) : 0;
            ReletPrice? price = relet ? levers!.ReletPrice : null;
            into.ContractReletPriceIndex[c] = price?.Index ?? (relet ? Math.Max(0, deal.Fleets[contract.Fleet].Generation) : 0);
            into.ContractReletPriceShare[c] = price?.Share ?? (relet ? 1 : 0);
            into.ContractReletPriceSpread[c] = price?.Spread ?? 0;
        }
        // The termination fee: on a default in [start, end), the fee (× (end − date) / (end − start) days when
        // amortising) × the customer's recovery, in the period whose end first reaches the date.
        Date? defaulted = scenario.PartyDefaults[contract.Customer];
        bool owed = contract.TerminationFee != 0 && defaulted is { } dd && dd >= contract.Start && dd < end;
        // With 'amortising to F' it falls from the fee to F instead of 0: F + (fee − F) × days left / days in the term.
        double fee = !owed ? 0 : contract.FeeAmortising
            ? contract.FeeFloor + ((contract.TerminationFee - contract.FeeFloor) * Date.DaysBetween(defaulted!.Value, end) / Date.DaysBetween(contract.Start, end))
            : contract.TerminationFee;
        // The break fee, in full: the amount, or N/12 of a year's take-or-pay payments (units × price × hours ×
        // take-or-pay, less an applied prepayment's credit a year: the prepayment over the term's days / 365).
        double credit = contract.PrepaymentApplied ? contract.Prepayment / (Date.DaysBetween(contract.Start, end) / 365.0) : 0;
        double breakFee = contract.BreakFeeAmount
            + (contract.BreakFeeMonths / 12 * Math.Max(0, (contract.Units * contract.PriceSpread * contract.HoursPerYear * contract.TakeOrPay) - credit));
        // A break after the term's end is in a renewal term: the renewal terms' fee, an amount.
        if (brokenOn is { } inRenewal && inRenewal > end)
        {
            breakFee = contract.RenewalBreakFeeAmount;
        }

        for (int t = 0; t < deal.Periods; t++)
        {
            Date s = deal.Boundaries[t], e = deal.Boundaries[t + 1];
            into.ContractBroken[c][t] = brokenOn is { } bb && bb <= e ? 1 : 0;
            int days = relet ? Date.DaysBetween(s < from ? from : s, e) : 0;
            into.ContractReletYears[c][t] = days > 0 ? days / 365.0 : 0;
            into.ContractReletLive[c][t] = relet && from <= e ? 1 : 0;
            into.ContractRenewalLive[c][t] = end <= e && e < renewedEnd ? 1 : 0;
            bool defaultPeriod = owed && defaulted!.Value <= e && (t == 0 || defaulted.Value > s);
            into.ContractTermination[c][t] = defaultPeriod ? fee * PartyDefaults.Recovery(deal, scenario, contract.Customer) : 0;
            if (brokenOn is { } bp)
            {
                into.ContractTermination[c][t] = bp <= e && (t == 0 || bp > s) ? breakFee : 0;
            }

            // The days in the term and in the renewals taken, each up to the customer's default date (its period
            // prorated to its day: added with the prepayment).
            Date termTo = e < end ? e : end, renewedTo = e < renewedEnd ? e : renewedEnd;
            if (ended is { } cut)
            {
                termTo = cut < termTo ? cut : termTo;
                renewedTo = cut < renewedTo ? cut : renewedTo;
            }

            int termDays = Date.DaysBetween(s < contract.Start ? contract.Start : s, termTo);
            into.ContractTermYears[c][t] = termDays > 0 ? termDays / 365.0 : 0;
            if (deal.HasGuarantees)
            {
                // A guarantor is asked for the term's days the default took away (those to the term's end, less those paid).
                int fullDays = Date.DaysBetween(s < contract.Start ? contract.Start : s, e < end ? e : end);
                // None for a break: the customer left as the contract lets it.
                into.ContractGuaranteeYears[c][t] = fullDays > 0 && brokenOn is null ? Math.Max(0.0, fullDays / 365.0 - into.ContractTermYears[c][t]) : 0;
            }

            int renewedDays = Date.DaysBetween(s < end ? end : s, renewedTo);
            into.ContractRenewalYears[c][t] = renewedDays > 0 ? renewedDays / 365.0 : 0;

            // The prepayment, on the start day, in the period that date closes or falls inside (the first for a start
            // on the closing), unless the customer defaulted on or before the start.
            bool startsHere = contract.Start <= e && (t == 0 || contract.Start > s);
            bool paid = contract.Prepayment != 0 && !(defaulted is { } gone && gone <= contract.Start);
            into.ContractPrepaid[c][t] = startsHere && paid ? contract.Prepayment : 0;
        }
    }

    /// <summary>A break's notice as a forward CFADS reads it: served on start + (break − notice) months when the scenario
    /// breaks a contract with a notice and its customer has not defaulted on or before that date; the period holding the
    /// date (−1 when none is served) and the days of each period in [start, break) over 365 (zeros when none is).</summary>
    public static void Notice(DealDescription deal, ScenarioSpec scenario, int c, PathInputs into)
    {
        ContractInfo contract = deal.Contracts[c];
        Array.Clear(into.ContractNoticedYears[c]);
        into.ContractNoticePeriod[c] = -1;
        if (!(scenario.Contracts.Length > 0 && scenario.Contracts[c]?.BreakMonths is { } months))
        {
            return;
        }

        // A break after the term's months is in a renewal term, on the renewal terms' own notice.
        int notice = months > contract.TermMonths ? contract.RenewalBreakNoticeMonths : contract.BreakNoticeMonths;
        if (notice == 0)
        {
            return;
        }

        Date served = contract.Start.AddMonthsClamped(months - notice);
        if (scenario.PartyDefaults[contract.Customer] is { } defaulted && defaulted <= served)
        {
            return;
        }

        // The days of [start, break) in the term; for a break in a renewal term, after the term the days from each period's
        // start to its end, the end of the renewal running on that start, or the break, whichever is first.
        Date broken = contract.Start.AddMonthsClamped(months);
        Date end = contract.Start.AddMonthsClamped(contract.TermMonths);
        for (int t = 0; t < deal.Periods; t++)
        {
            Date s = deal.Boundaries[t], e = deal.Boundaries[t + 1];
            Date termTo = e < end ? e : end;
            int days = Date.DaysBetween(s < contract.Start ? contract.Start : s, termTo < broken ? termTo : broken);
            if (broken > end && s >= end)
            {
                // The renewal running on s (0 the first): the first whose end is after s.
                int renewal = 0;
                Date renewalEnd = contract.Start.AddMonthsClamped(contract.TermMonths + contract.RenewalTermMonths);
                while (renewalEnd <= s && renewal < contract.RenewalCount)
                {
                    renewal++;
                    renewalEnd = contract.Start.AddMonthsClamped(contract.TermMonths + ((renewal + 1) * contract.RenewalTermMonths));
                }

                Date to = e < renewalEnd ? e : renewalEnd;
                days = renewal < contract.RenewalCount ? Date.DaysBetween(s, to < broken ? to : broken) : 0;
            }

            into.ContractNoticedYears[c][t] = days > 0 ? days / 365.0 : 0;
        }

        into.ContractNoticePeriod[c] = LeaseTerms.EndPeriod(deal.Boundaries, served);
    }
}

/// <summary>An index's level at each period's start, computed directly from docs/language.md §5 ("index") and §10:
/// the base curve (level or points), the drift from its anchor, the deal's launches then the scenario's, the shift.
/// Added with the indices (not part of cd81aa8).</summary>
static class IndexLevels
{
    public static void Fill(DealDescription deal, IndexInfo index, IndexOverride? levers, double[] levels)
    {
        double level = levers?.Level ?? index.Level;
        double deflate = levers?.DeflatePerYear ?? index.DeflatePerYear;
        IndexPoints? points = levers?.Points ?? index.Points;
        // Stated at the closing of the deal that declares it (another entity's, for an index of a chain's: §5 "holding").
        Date closing = index.Closing ?? deal.Closing;
        Date anchor = closing;
        if (points is not null && points.Dates.Length > 0 && points.Dates[^1] > anchor)
        {
            anchor = points.Dates[^1];
        }

        for (int t = 0; t < levels.Length; t++)
        {
            Date d = deal.Boundaries[t];
            double value = BaseAt(closing, level, points, d);
            if (deflate != 0)
            {
                value *= Math.Pow(Math.Max(0.0, 1 - deflate), Math.Max(0, Date.DaysBetween(anchor, d)) / 365.0);
            }

            foreach (IndexLaunch launch in index.Launches)
            {
                value = launch.Date <= d ? value * (1 - launch.Down) : value;
            }

            foreach (IndexLaunch launch in levers?.AddedLaunches ?? [])
            {
                value = launch.Date <= d ? value * (1 - launch.Down) : value;
            }

            levels[t] = value + (levers?.Shift ?? 0);
        }
    }

    static double BaseAt(Date closing, double level, IndexPoints? points, Date d)
    {
        if (points is null || points.Dates.Length == 0)
        {
            return level;
        }

        // The last point at or before d (-1: before the first).
        int k = -1;
        while (k + 1 < points.Dates.Length && points.Dates[k + 1] <= d)
        {
            k++;
        }

        if (!points.Interpolated)
        {
            return k < 0 ? level : points.Values[k];
        }

        if (k == points.Dates.Length - 1)
        {
            return points.Values[k];
        }

        // Interpolated: from (closing, level) to the first point when that lies after the closing, else between points.
        (Date from, double a) = k < 0 ? (closing, level) : (points.Dates[k], points.Values[k]);
        if (k < 0 && (d <= closing || points.Dates[0] <= closing))
        {
            return level;
        }

        double share = Date.DaysBetween(from, d) / (double)Date.DaysBetween(from, points.Dates[k + 1]);
        return a + ((points.Values[k + 1] - a) * share);
    }
}

/// <summary>A facility's market value at each period end: the unstressed curve, then the scenario's
/// deflation and drop as multipliers.</summary>
static class FacilityValues
{
    public static void Fill(DealDescription deal, FacilityInfo facility, ValueStress stress, double[] values)
    {
        Date[] b = deal.Boundaries;
        for (int t = 0; t < values.Length; t++)
        {
            Date d = b[t + 1];
            values[t] = Unstressed(facility, d) * Stress(stress, deal.Closing, d);
        }
    }

    /// <summary>The deal file's own value curve at <paramref name="d"/>.</summary>
    public static double Unstressed(FacilityInfo facility, Date d) => facility.Value switch
    {
        StraightLineCurve line => StraightLine(facility.Cost, line, d),
        ScheduleCurve schedule => Interpolate(schedule.Dates, schedule.Values, d, facility.Cost),
        _ => throw new ArgumentOutOfRangeException(nameof(facility), facility.Value, "Unknown value curve."),
    };

    /// <summary>(1 − deflate)^(years since closing) × (1 − drop × min(1, elapsed share of closing→by)).</summary>
    public static double Stress(ValueStress stress, Date closing, Date d)
    {
        double factor = 1.0;
        if (stress.DeflatePerYear != 0)
        {
            factor *= MonthCount.Deflation(stress.DeflatePerYear, MonthCount.Years(closing, d));
        }

        if (stress.DropFraction != 0 && stress.DropBy is { } by)
        {
            int span = Date.DaysBetween(closing, by);

            // A drop dated on or before closing has already happened in full.
            double reached = span <= 0 ? 1.0 : Math.Clamp(Date.DaysBetween(closing, d) / (double)span, 0.0, 1.0);
            factor *= 1 - (stress.DropFraction * reached);
        }

        return factor;
    }

    static double StraightLine(double cost, StraightLineCurve line, Date d)
    {
        if (d <= line.Start)
        {
            return cost;
        }

        double elapsed = line.LifeMonths <= 0
            ? 1.0
            : Math.Min(1.0, MonthCount.Between(line.Start, d) / line.LifeMonths);
        return cost * (1 - ((1 - line.FloorFraction) * elapsed));
    }

    // Linear in the day number between points, flat before the first and after the last.
    static double Interpolate(Date[] dates, double[] values, Date d, double fallback)
    {
        if (dates.Length == 0)
        {
            return fallback;
        }

        if (d <= dates[0])
        {
            return values[0];
        }

        for (int i = 1; i < dates.Length; i++)
        {
            if (d <= dates[i])
            {
                double share = Date.DaysBetween(dates[i - 1], d) / (double)Date.DaysBetween(dates[i - 1], dates[i]);
                return values[i - 1] + ((values[i] - values[i - 1]) * share);
            }
        }

        return values[^1];
    }
}

/// <summary>
/// A lease under a scenario: how long it runs (renewals taken, or cut short by the lessee's default), the rent
/// it pays per period, the period it ends in and whether its residual value guarantee answers for that end.
/// </summary>
static class LeaseTerms
{
    // A lease's termination fee, as a contract's, over its initial term [start, start + term), and the renewal terms'
    // own over each renewal term taken: on a lessee's default there, the fee (falling linearly in days to the floor with 'amortising'), × the lessee's recovery, in the period
    // whose end first reaches the default (the first for a default on or before the closing).
    public static void Termination(DealDescription deal, ScenarioSpec scenario, int l, double[] into)
    {
        LeaseInfo lease = deal.Leases[l];
        Date end = lease.Start.AddMonthsClamped(lease.TermMonths);
        Date? defaulted = lease.Lessee >= 0 ? scenario.PartyDefaults[lease.Lessee] : null;
        // A break (the lever, not preceded by a default on or before its date) pays its fee in full instead; a default
        // after the break is nothing to this lease.
        Date? broken = Broken(scenario, l, lease, defaulted);
        if (broken is not null)
        {
            defaulted = null;
        }

        bool owed = lease.TerminationFee != 0 && defaulted is { } dd && dd >= lease.Start && dd < end;
        double fee = !owed ? 0 : lease.FeeAmortising
            ? lease.FeeFloor + ((lease.TerminationFee - lease.FeeFloor) * Date.DaysBetween(defaulted!.Value, end) / Date.DaysBetween(lease.Start, end))
            : lease.TerminationFee;

        // The renewal terms' own fee, on a default in a renewal term the path takes: over [from, to) of that term.
        if (lease.HasRenewalTerminationFee && defaulted is { } rd && rd >= end)
        {
            int taken = RenewalsTaken(scenario, l, lease);
            for (int k = 1; k <= taken && !owed; k++)
            {
                Date from = lease.Start.AddMonthsClamped(lease.TermMonths + ((k - 1) * lease.RenewalTermMonths));
                Date to = lease.Start.AddMonthsClamped(lease.TermMonths + (k * lease.RenewalTermMonths));
                if (rd >= from && rd < to)
                {
                    // Term k's own fee when the fee steps from term to term, else the one fee of every term.
                    double termFee = lease.RenewalTerminationFeeByTerm.Length == 0 ? lease.RenewalTerminationFee : lease.RenewalTerminationFeeByTerm[k - 1];
                    owed = true;
                    fee = lease.RenewalFeeAmortising
                        ? lease.RenewalFeeFloor + ((termFee - lease.RenewalFeeFloor) * Date.DaysBetween(rd, to) / Date.DaysBetween(from, to))
                        : termFee;
                }
            }
        }
        for (int t = 0; t < deal.Periods; t++)
        {
            Date s = deal.Boundaries[t], e = deal.Boundaries[t + 1];
            bool defaultPeriod = owed && defaulted!.Value <= e && (t == 0 || defaulted.Value > s);
            into[t] = defaultPeriod ? fee * PartyDefaults.Recovery(deal, scenario, lease.Lessee) : 0;
            if (broken is { } b && b <= e && (t == 0 || b > s))
            {
                into[t] = BreakFee(deal, lease, b, scenario.MarketRentDeflation);
            }
        }
    }

    /// <summary>The break fee on <paramref name="date"/>: the amount, plus the months of rent at the rent escalated once for
    /// each anniversary of the start on or before the date; after the initial term the renewal terms' own fee, on the
    /// rent in force then (at market, times the market-rent index of that lease year).</summary>
    static double BreakFee(DealDescription deal, LeaseInfo lease, Date date, double marketDeflation)
    {
        int years = 0;
        while (lease.Start.AddMonthsClamped((years + 1) * 12) <= date)
        {
            years++;
        }

        Date renewalsStart = lease.Start.AddMonthsClamped(lease.TermMonths);
        return date > renewalsStart
            ? lease.RenewalBreakFeeAmount + (lease.RenewalBreakFeeMonths / 12.0 * LeaseRents.AnnualRent(deal, lease, renewalsStart, marketDeflation, years, date))
            : lease.BreakFeeAmount + (lease.BreakFeeMonths / 12.0 * lease.RentPerYear * Math.Pow(1 + lease.Escalator, years));
    }

    /// <summary>The date the scenario breaks lease <paramref name="l"/> on, unless its lessee defaulted on or before it.</summary>
    static Date? Broken(ScenarioSpec scenario, int l, LeaseInfo lease, Date? defaulted) =>
        l < scenario.LeaseBreaks.Length && scenario.LeaseBreaks[l] is { } months
            && lease.Start.AddMonthsClamped(months) is var b && !(defaulted is { } d && d <= b)
            ? b : null;

    public static void Apply(DealDescription deal, ScenarioSpec scenario, int l, PathInputs into)
    {
        LeaseInfo lease = deal.Leases[l];
        // In long arithmetic: a renewal count in the thousands times a term of up to 10,000 years is no int.
        long months = lease.TermMonths + ((long)RenewalsTaken(scenario, l, lease) * lease.RenewalTermMonths);

        // A term that runs past 9999-12-31 ends after every deal: end is then the calendar's last day, which the
        // rent runs to, but the lease never ends inside the deal.
        bool endsInCalendar = lease.Start.TryAddMonths((int)Math.Min(months, int.MaxValue), out Date end);
        Date termEnd = end;

        double recovery = 1.0;
        Date? broken = Broken(scenario, l, lease, Lessee(deal, scenario, lease));
        if (broken is { } breakDate)
        {
            // Broken: the rent stops on the break date; no RVG unless that term's break says 'with rvg' (then as a
            // lease ending on the break date: within 'until' and the maturity, in full), nothing for a guarantor.
            LeaseRents.Fill(deal, lease, breakDate, scenario.MarketRentDeflation, into.LeaseRent[l]);
            into.LeaseEndPeriod[l] = EndPeriod(deal.Boundaries, breakDate);
            bool inRenewal = breakDate > lease.Start.AddMonthsClamped(lease.TermMonths);
            bool owesRvg = inRenewal ? lease.RenewalBreakOwesRvg : lease.BreakOwesRvg;
            into.RvgApplies[l] = owesRvg && lease.RvgUntil is { } window && breakDate <= window && breakDate <= deal.Maturity;
            into.RvgRecovery[l] = 1.0;
            into.RvgBreakTerms[l] = inRenewal ? 2 : 1; // the break's own RVG terms answer (the loop reads them only if it has some)
            into.RvgValue[l] = RvgValue(deal, scenario, l, breakDate, into);
            if (deal.HasGuarantees)
            {
                Array.Clear(into.LeaseGuaranteeDue[l]);
            }

            return;
        }

        // On or before the expiry date: a lessee in default on the day the guarantee falls due pays only what a
        // creditor recovers, whether the lease ran its term or the default cut it short (a strict < let a default
        // on the expiry date itself through at 100%). After the expiry the claim was owed by a performing lessee.
        if (Lessee(deal, scenario, lease) is { } defaulted && defaulted <= end)
        {
            // The rent stops on the default date and the lease is over; what the guarantor still pays on the
            // RVG claim is what a creditor of the defaulted lessee recovers.
            end = defaulted;
            endsInCalendar = true;
            recovery = PartyDefaults.Recovery(deal, scenario, lease.Lessee);
        }

        LeaseRents.Fill(deal, lease, end, scenario.MarketRentDeflation, into.LeaseRent[l]);
        into.LeaseEndPeriod[l] = endsInCalendar ? EndPeriod(deal.Boundaries, end) : -1;
        into.RvgApplies[l] = endsInCalendar && lease.RvgUntil is { } until && end <= until && end <= deal.Maturity;
        into.RvgRecovery[l] = recovery;
        into.RvgBreakTerms[l] = 0; // an expiry or a default: the lease's own RVG terms
        into.RvgValue[l] = RvgValue(deal, scenario, l, end, into);
        if (deal.HasGuarantees)
        {
            // What a guarantor is asked for: the rent had the lessee not defaulted, less the rent it pays.
            double[] due = into.LeaseGuaranteeDue[l];
            LeaseRents.Fill(deal, lease, termEnd, scenario.MarketRentDeflation, due);
            for (int t = 0; t < due.Length; t++)
            {
                due[t] = Math.Max(0.0, due[t] - into.LeaseRent[l][t]);
            }
        }
    }

    /// <summary>The facility's value on the day the lease ends (the closing for an end before it), when its RVG is paid
    /// on this path; else 0.</summary>
    static double RvgValue(DealDescription deal, ScenarioSpec scenario, int l, Date end, PathInputs into)
    {
        if (!into.RvgApplies[l] || into.LeaseEndPeriod[l] < 0)
        {
            return 0.0;
        }

        int f = deal.Leases[l].Facility;
        Date day = Date.Max(deal.Closing, end);
        return FacilityValues.Unstressed(deal.Facilities[f], day) * FacilityValues.Stress(scenario.FacilityStress[f], deal.Closing, day);
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

    /// <summary>The rent of each period in the term running at its start (the initial term before it; none after the
    /// last renewal taken), as if the lessee never defaults: a forward CFADS's lease input, computed period by period
    /// from the terms' ends (added with the forward CFADS).</summary>
    public static void TermRent(DealDescription deal, ScenarioSpec scenario, int l, double[] rent)
    {
        LeaseInfo lease = deal.Leases[l];
        int taken = RenewalsTaken(scenario, l, lease);
        Date[] b = deal.Boundaries;
        Date renewalsStart = lease.Start.AddMonthsClamped(lease.TermMonths);
        for (int t = 0; t < rent.Length; t++)
        {
            // The first term end after the period's start, among the initial term and the renewals taken.
            Date? termEnd = null;
            for (int j = 0; j <= taken && termEnd is null; j++)
            {
                Date endJ = lease.Start.AddMonthsClamped((int)Math.Min(lease.TermMonths + ((long)j * lease.RenewalTermMonths), int.MaxValue));
                if (endJ > b[t])
                {
                    termEnd = endJ;
                }
            }

            Date from = Date.Max(lease.Start, b[t]);
            Date to = termEnd is { } te ? Date.Min(te, b[t + 1]) : from;
            rent[t] = to > from ? LeaseRents.AccrueFor(deal, lease, renewalsStart, scenario.MarketRentDeflation, t, from, to) : 0.0;
        }
    }

    /// <summary>A break's notice as a forward CFADS reads it: served on start + (break − notice) months when the scenario
    /// breaks a lease with a notice and its lessee has not defaulted on or before that date; the period holding the date
    /// (−1 when none is served) and the rent to the break date, period by period (zeros when none is served).</summary>
    public static void Notice(DealDescription deal, ScenarioSpec scenario, int l, PathInputs into)
    {
        LeaseInfo lease = deal.Leases[l];
        Array.Clear(into.LeaseNoticedRent[l]);
        into.LeaseNoticePeriod[l] = -1;
        if (!(l < scenario.LeaseBreaks.Length && scenario.LeaseBreaks[l] is { } months))
        {
            return;
        }

        // A break after the initial term is the renewal terms' own, with their own notice.
        int notice = months > lease.TermMonths ? lease.RenewalBreakNoticeMonths : lease.BreakNoticeMonths;
        if (notice == 0)
        {
            return;
        }

        Date served = lease.Start.AddMonthsClamped(months - notice);
        if (Lessee(deal, scenario, lease) is { } defaulted && defaulted <= served)
        {
            return;
        }

        LeaseRents.Fill(deal, lease, lease.Start.AddMonthsClamped(months), scenario.MarketRentDeflation, into.LeaseNoticedRent[l]);
        into.LeaseNoticePeriod[l] = EndPeriod(deal.Boundaries, served);
    }

    static int RenewalsTaken(ScenarioSpec scenario, int l, LeaseInfo lease)
    {
        int taken = scenario.RenewalsTaken[l] ?? 0;
        if (taken < 0 || taken > lease.RenewalCount)
        {
            // The checker rejects this in a deal file (DL05xx); reaching here means a hand-built scenario is wrong.
            throw new ArgumentException(
                $"Scenario '{scenario.Name}' takes {taken} renewals of '{lease.Name}', which has {lease.RenewalCount}.", nameof(scenario));
        }

        return taken;
    }

    static Date? Lessee(DealDescription deal, ScenarioSpec scenario, LeaseInfo lease) =>
        lease.Lessee >= 0 && lease.Lessee < deal.Parties.Length ? scenario.PartyDefaults[lease.Lessee] : null;
}

/// <summary>
/// Rent accrued per period on the lease's own basis, never the tranches' day count (a deal on ACT/360 would
/// otherwise collect 365/360 of each year's rent): by default the annual rent in equal instalments, one per
/// regular payment period, a part of a regular period earning its share of actual days; or, when the lease states
/// a <c>daycount</c>, rent × that convention's year fraction. Either way the period is split at lease anniversaries
/// (where the escalator steps) and at the start of the renewal terms (where a renewal at market starts following
/// the market-rent index).
/// </summary>
static class LeaseRents
{
    public static void Fill(DealDescription deal, LeaseInfo lease, Date end, double marketDeflation, double[] rent)
    {
        Date[] b = deal.Boundaries;
        // Past 9999-12-31 the renewals never start inside the deal; the calendar's last day says as much here.
        Date renewalsStart = lease.Start.AddMonthsClamped(lease.TermMonths);
        for (int t = 0; t < rent.Length; t++)
        {
            Date from = Date.Max(lease.Start, b[t]);
            Date to = Date.Min(end, b[t + 1]);
            rent[t] = to > from ? Accrue(deal, lease, renewalsStart, marketDeflation, t, from, to) : 0.0;
        }
    }

    public static double AccrueFor(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int t, Date from, Date to) =>
        Accrue(deal, lease, renewalsStart, marketDeflation, t, from, to);

    static double Accrue(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int t, Date from, Date to)
    {
        int periodsPerYear = Frequencies.PeriodsPerYear(deal.Frequency);
        int year = Flows.WholeYearsBetween(lease.Start, from);
        double sum = 0.0;
        while (from < to)
        {
            // In the calendar's last year the next anniversary is past 9999-12-31: no step within the deal.
            Date anniversary = lease.Start.AddMonthsClamped((year + 1) * 12);
            Date segmentEnd = Date.Min(to, anniversary);
            if (from < renewalsStart && renewalsStart < segmentEnd)
            {
                segmentEnd = renewalsStart;
            }

            double share;
            if (lease.RentDayCount is { } dayCount)
            {
                share = DayCounts.YearFraction(dayCount, from, segmentEnd);
            }
            else
            {
                // One instalment per regular period, prorated on actual days within it. Days over (regular days ×
                // periods a year), one correctly rounded division, so a whole regular period is exactly 1/n.
                (Date regularStart, Date regularEnd) = RegularPeriods.Containing(deal, t, from);
                segmentEnd = Date.Min(segmentEnd, regularEnd);
                share = Date.DaysBetween(from, segmentEnd) / ((double)Date.DaysBetween(regularStart, regularEnd) * periodsPerYear);
            }

            sum += AnnualRent(deal, lease, renewalsStart, marketDeflation, year, from) * share;
            if (segmentEnd == anniversary)
            {
                year++;
            }

            from = segmentEnd;
        }

        return sum;
    }

    /// <summary>
    /// Rent per year in lease year <paramref name="year"/> (0-based): escalated once per completed lease year.
    /// In a renewal at market it is also scaled by the market-rent index, read at the start of the current
    /// lease year (or of the renewal, if later) so that, like the escalator, it steps once a year on the
    /// lease's own calendar instead of drifting with the deal's payment dates.
    /// </summary>
    internal static double AnnualRent(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int year, Date segmentStart)
    {
        double annual = lease.RentPerYear * Math.Pow(1 + lease.Escalator, year);
        if (lease.RenewalAtMarket && segmentStart >= renewalsStart && marketDeflation != 0)
        {
            Date reset = Date.Max(lease.Start.AddYears(year), renewalsStart);
            annual *= MonthCount.Deflation(marketDeflation, MonthCount.Years(deal.Closing, reset));
        }

        return annual;
    }
}

/// <summary>
/// The regular periods of a deal's payment frequency, against which a lease's rent instalments are prorated.
/// Every boundary but the closing and the maturity lies on the schedule's regular grid, so an inner period is
/// itself regular. The first period may be a stub (short or long): its regular periods are rolled back from its
/// end; the last period may be a stub too (a schedule with <c>first_payment</c>): rolled forward from its start.
/// A regular first or last period comes out as itself. "Last" is the maturity period: a workout period after it
/// is a regular period of its own.
/// <para>
/// The grid is rolled from the dates as the schedule rolls them (<see cref="DealDescription.RolledBoundaries"/>), not
/// from the dates as paid: a business day moves a payment, not the schedule, so a date moved off a month end must
/// neither stop the grid keeping month ends nor shift the dates rolled from it. A regular period that ends or starts on
/// a payment date ends or starts on it as paid, as every inner period does, so a whole first or last period still
/// earns its instalment (docs/language.md §5, "Rent").
/// </para>
/// </summary>
static class RegularPeriods
{
    /// <summary>The regular period [start, end) that holds the day starting at <paramref name="from"/>, which lies in
    /// period <paramref name="t"/> (from the period's start, inclusive, to its end, exclusive).</summary>
    public static (Date Start, Date End) Containing(DealDescription deal, int t, Date from)
    {
        Date[] b = deal.Boundaries;
        Date[] rolled = deal.RolledBoundaries;
        // The schedule's own periods (closing to maturity) set the grid; the workout periods after the maturity
        // are regular periods rolled from it, each its own regular period. Reading the grid from the schedule,
        // not from the whole horizon, keeps the rent independent of how many workout periods the deal has room for.
        int scheduled = Math.Clamp(deal.ScheduledPeriods, 1, b.Length - 1);
        int last = scheduled - 1;
        if (t > last)
        {
            return (b[t], b[t + 1]);
        }

        int months = Frequencies.MonthsPerPeriod(deal.Frequency);
        bool endOfMonth = KeepsMonthEnds(rolled, scheduled);
        if (t == 0)
        {
            // Rolled back from the first period's end until a regular start reaches `from`; the regular period
            // holding that end ends on it as paid. Before the closing no date is paid: the starts stay as rolled.
            Date end = b[1];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(rolled[1], -k * months, endOfMonth, out Date start))
                {
                    // Before 0001-01-01 the calendar stops: the period's own start bounds the last piece.
                    return (b[0], end);
                }

                if (start <= from)
                {
                    return (start, end);
                }

                end = start;
            }
        }

        if (t == last)
        {
            // Rolled forward from the last period's start until a regular end passes `from`; the regular period
            // starting there starts on it as paid, and one ending on the maturity as rolled ends on it as paid.
            Date start = b[t];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(rolled[t], k * months, endOfMonth, out Date end))
                {
                    // Past 9999-12-31: the calendar's last day closes the piece.
                    return (start, Date.MaxValue);
                }

                if (end == rolled[t + 1])
                {
                    end = b[t + 1];
                }

                if (end > from)
                {
                    return (start, end);
                }

                start = end;
            }
        }

        return (b[t], b[t + 1]);
    }

    // The schedule keeps month ends when its anchor was one (Schedule.Boundaries); the anchor is not recorded, but
    // then every inner date of the schedule as rolled (closing to maturity) is a month end, and otherwise (Hyperion's
    // 30 May / 30 November) some is not. The dates as paid cannot say: a month end moved to a business day is not one.
    static bool KeepsMonthEnds(Date[] rolled, int scheduled)
    {
        if (scheduled < 2)
        {
            return rolled[scheduled].IsEndOfMonth;
        }

        for (int i = 1; i < scheduled; i++)
        {
            if (!rolled[i].IsEndOfMonth)
            {
                return false;
            }
        }

        return true;
    }

    static bool TryRoll(Date anchor, int monthOffset, bool endOfMonth, out Date rolled)
    {
        if (!anchor.TryAddMonths(monthOffset, out rolled))
        {
            return false;
        }

        if (endOfMonth)
        {
            var (year, month, day) = rolled;
            rolled = rolled.AddDays(Date.DaysInMonth(year, month) - day);
        }

        return true;
    }
}

/// <summary>Per-period default flags: a party is in default from the period whose end reaches its default date.</summary>
static class PartyDefaults
{
    /// <summary>The party's recovery: the scenario's (a drawn one) where it gives one, else the party's own.</summary>
    public static double Recovery(DealDescription deal, ScenarioSpec scenario, int p) =>
        scenario.PartyRecoveries.Length == 0 || scenario.PartyRecoveries[p] is not double drawn ? deal.Parties[p].Recovery : drawn;

    public static void Fill(DealDescription deal, ScenarioSpec scenario, bool[][] flags)
    {
        Date[] b = deal.Boundaries;
        for (int p = 0; p < flags.Length; p++)
        {
            Date? date = scenario.PartyDefaults[p];
            bool[] row = flags[p];
            for (int t = 0; t < row.Length; t++)
            {
                row[t] = date is { } d && d <= b[t + 1];
            }
        }
    }
}

/// <summary>Enforcement sale terms: a scenario's <c>enforcement haircut … lag …</c> overrides every sale's own, its repo
/// market's levers those of a sale into a market, its re-let those of a sale that re-lets idle units.</summary>
static class SaleTerms
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int s = 0; s < deal.Sales.Length; s++)
        {
            into.SaleHaircut[s] = scenario.EnforcementHaircut ?? deal.Sales[s].Haircut;
            into.SaleLagMonths[s] = scenario.EnforcementLagMonths ?? deal.Sales[s].LagMonths;
            // The repo market's levers reach only a sale with a market (a scenario cannot give one to a sale without).
            SaleMarket? market = deal.Sales[s].Market;
            into.SaleDepth[s] = market is null ? 0 : scenario.EnforcementDepth ?? market.Depth;
            into.SaleImpact[s] = market is null ? 0 : scenario.EnforcementImpact ?? market.Impact;
            into.SaleLimit[s] = market is null ? 0 : scenario.EnforcementLimit ?? market.Limit;
            into.SaleCosts[s] = market is null ? 0 : scenario.EnforcementCosts ?? market.Costs;
            into.SaleKeepContracts[s] = market is not null && (scenario.EnforcementKeepContracts ?? market.KeepContracts) ? 1 : 0;
            into.SaleReserve[s] = market is null ? 0 : scenario.EnforcementReserve ?? market.Reserve;
            into.SaleYield[s] = deal.Sales[s].Price?.Yield is { } yield ? scenario.EnforcementYield ?? yield : 0;
            // A yield that reads an index reads it with weight 1; the scenario's constant yield replaces it whole.
            into.SaleYieldWeight[s] = deal.Sales[s].Price?.YieldIndex is not null && scenario.EnforcementYield is null ? 1 : 0;
            // The re-let lever reaches only a sale that re-lets its fleet's idle units.
            // A utilisation a path drew ('enforcement relet idle at beta …') in place of the lever's: the level in the drawn
            // slots' last but one, a ramp's end in the last (after two per contract), NaN where none is drawn.
            double[] drawn = scenario.ReletUtilisationsDrawn;
            double leverLevel = drawn.Length > 0 && !double.IsNaN(drawn[^2]) ? drawn[^2] : scenario.EnforcementReletUtilisation ?? 0;
            double leverEnd = drawn.Length > 0 && !double.IsNaN(drawn[^1]) ? drawn[^1] : scenario.EnforcementReletTo ?? 0;
            into.SaleReletUtilisation[s] = market is { Relet: > 0 } ? scenario.EnforcementReletUtilisation is null ? market.Relet : leverLevel : 0;
            into.SaleReletMonths[s] = market is { Relet: > 0 } ? scenario.EnforcementReletMonths ?? market.ReletMonths : 0;
            // Its ramp: the lever's, else the sale's (a flat re-let ramps to its own utilisation over 0 months).
            into.SaleReletTo[s] = market is { Relet: > 0 }
                ? scenario.EnforcementReletTo is null ? (market.ReletRampMonths > 0 ? market.ReletTo : market.Relet)
                    : scenario.EnforcementReletRampMonths > 0 ? leverEnd : leverLevel
                : 0;
            into.SaleReletRampMonths[s] = market is { Relet: > 0 } ? scenario.EnforcementReletRampMonths ?? market.ReletRampMonths : 0;
            // Its curve (§9, "relet-curve", added with it): a lever's shape replaces the sale's whole, its curve or none.
            into.SaleReletCurve[s] = market is { Relet: > 0 } ? scenario.EnforcementReletUtilisation is null ? market.ReletCurve : scenario.EnforcementReletCurve : null;
            // Its price: the lever's, else the sale's, else the sold fleet's generation at its level.
            if (market is { Relet: > 0 })
            {
                ReletPrice? price = scenario.EnforcementReletPrice ?? market.ReletPrice;
                into.SaleReletPriceIndex[s] = price is null ? deal.Fleets[deal.Sales[s].Collateral[0].Index].Generation : price.Index;
                into.SaleReletPriceShare[s] = price is null ? 1 : price.Share;
                into.SaleReletPriceSpread[s] = price is null ? 0 : price.Spread;
            }
            else
            {
                (into.SaleReletPriceIndex[s], into.SaleReletPriceShare[s], into.SaleReletPriceSpread[s]) = (0, 0, 0);
            }
            // The half-life lever reaches only a sale that carries its impact.
            into.SaleHalfLifeMonths[s] = market is { HalfLifeMonths: > 0 } ? scenario.EnforcementHalfLifeMonths ?? market.HalfLifeMonths : 0;
        }
    }
}

/// <summary>Calendar arithmetic the value curves need, kept allocation-free.</summary>
static class MonthCount
{
    /// <summary>
    /// Months from <paramref name="from"/> to <paramref name="to"/> (to ≥ from), counting whole calendar months
    /// (each rolled from the anchor in one step, as <see cref="Date.AddMonths"/> does) plus the elapsed share of
    /// the month in progress. Exact on monthly anniversaries, so 15 years of a 30-year straight line is exactly
    /// half, whatever the leap years in between.
    /// </summary>
    public static double Between(Date from, Date to)
    {
        if (to <= from)
        {
            return 0;
        }

        int whole = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (whole > 0 && from.AddMonths(whole) > to)
        {
            whole--;
        }

        Date monthStart = from.AddMonths(whole);
        if (monthStart == to)
        {
            return whole;
        }

        // The month in progress ends past 9999-12-31 only when it starts in December 9999, and a month from
        // a day of December to the same day of January always has 31 days.
        int monthDays = from.TryAddMonths(whole + 1, out Date monthEnd) ? Date.DaysBetween(monthStart, monthEnd) : 31;
        return whole + (Date.DaysBetween(monthStart, to) / (double)monthDays);
    }

    /// <summary>
    /// The factor (1 − <paramref name="ratePerYear"/>)^<paramref name="years"/> of a deflation. A deflation of
    /// 100% a year or more leaves nothing after the closing: the base stops at 0, where a negative one would make
    /// fractional powers NaN (a value or a rent that is not a number, and a run that cannot balance its cash).
    /// </summary>
    // As production computes it since 2026-12-03d (e^(t ln(1 − r)), one exponential where Math.Pow cost twice as much):
    // the one line of cd81aa8's code changed, so that the comparison stays bit for bit.
    public static double Deflation(double ratePerYear, double years) =>
        years == 0 ? 1.0 : Math.Exp(years * Math.Log(Math.Max(0.0, 1 - ratePerYear)));

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> as days / 365.25: the scenario
    /// stresses compound continuously in time, independent of the deal's day count.</summary>
    public static double Years(Date from, Date to) => Date.DaysBetween(from, to) / 365.25;
}
