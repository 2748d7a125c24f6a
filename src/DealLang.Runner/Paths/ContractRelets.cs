using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A scenario's levers on the contracts (docs/language.md §10): each contract's utilisation (its take-or-pay share
/// unless the scenario says), and, when the scenario re-lets its units, the years of each period they are re-let and
/// whether they are on each period's end; the renewals its customer takes (the years of each period inside them and
/// whether one runs at each period's end); the termination fee its customer's default pays; the years of each period in
/// its term and renewals up to that default (so the default's period pays for the days before it); and the prepayment
/// received at its start. Re-letting starts the
/// scenario's idle gap after the contract stops, at the end of its last renewal taken or on its customer's default
/// date, whichever is first, and runs to the end of the run. Allocation-free.
/// </summary>
static class ContractRelets
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        Date[] b = deal.Boundaries;
        for (int c = 0; c < deal.Contracts.Length; c++)
        {
            ContractInfo contract = deal.Contracts[c];
            ContractLevers levers = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[c]) ?? ContractLevers.None;
            into.ContractUtilisation[c] = levers.Utilisation ?? contract.TakeOrPay;
            into.ContractReletUtilisation[c] = levers.Relet ? levers.ReletUtilisation : 0.0;
            // The termination fee: owed on the customer's default date during the term, paid at its recovery, received
            // in the period the date falls in (the period whose end first reaches it).
            double[] termination = into.ContractTermination[c];
            termination.AsSpan().Clear();
            if (scenario.PartyDefaults[contract.Customer] is { } defaulted && contract.TerminationClaim(defaulted) is > 0 and double claim
                && Math.Max(0, Schedule.PeriodIndexOf(b, defaulted)) is int p && p < termination.Length)
            {
                termination[p] = claim * scenario.RecoveryOf(deal, contract.Customer);
            }

            // The term's days up to the customer's default date (none from it), the default's period prorated to its day.
            // The term's end once, not per period: ContractInfo.End is worked out from the start and the months
            // each time it is read (a calendar conversion), which per period cost more than the rest of the loop.
            Date? customerDefault = scenario.PartyDefaults[contract.Customer];
            Date start = contract.Start, end = contract.End;
            double[] termYears = into.ContractTermYears[c];
            for (int t = 0; t < termYears.Length; t++)
            {
                Date from = Date.Max(b[t], start), to = Cut(Date.Min(b[t + 1], end), customerDefault);
                termYears[t] = to > from ? Date.DaysBetween(from, to) / 365.0 : 0.0;
            }

            if (deal.HasGuarantees)
            {
                // What a guarantor of the contract is asked for: the term's years the customer's default took away.
                double[] lost = into.ContractGuaranteeYears[c];
                for (int t = 0; t < lost.Length; t++)
                {
                    Date from = Date.Max(b[t], start), to = Date.Min(b[t + 1], end);
                    lost[t] = to > from ? Math.Max(0.0, Date.DaysBetween(from, to) / 365.0 - termYears[t]) : 0.0;
                }
            }

            // The prepayment: paid on the start day, in the period the start falls in (the first for a start on the
            // closing), unless the customer defaulted on or before it.
            double[] prepaid = into.ContractPrepaid[c];
            prepaid.AsSpan().Clear();
            if (contract.Prepayment != 0 && !(customerDefault is { } gone && gone <= contract.Start)
                && Math.Max(0, Schedule.PeriodIndexOf(b, contract.Start)) is int paidIn && paidIn < prepaid.Length)
            {
                prepaid[paidIn] = contract.Prepayment;
            }

            // The renewals taken: from the end of the term to the end of the last one, up to the customer's default.
            Date renewedEnd = contract.EndAfter(levers.RenewalsTaken);
            double[] renewalYears = into.ContractRenewalYears[c], renewalLive = into.ContractRenewalLive[c];
            for (int t = 0; t < renewalYears.Length; t++)
            {
                Date from = Date.Max(b[t], end), to = Cut(Date.Min(b[t + 1], renewedEnd), customerDefault);
                renewalYears[t] = to > from ? Date.DaysBetween(from, to) / 365.0 : 0.0;
                renewalLive[t] = end <= b[t + 1] && b[t + 1] < renewedEnd ? 1.0 : 0.0;
            }

            double[] years = into.ContractReletYears[c];
            double[] live = into.ContractReletLive[c];
            if (!levers.Relet)
            {
                years.AsSpan().Clear();
                live.AsSpan().Clear();
                continue;
            }

            Date reletFrom = ReletStart(contract, scenario.PartyDefaults[contract.Customer], levers.ReletAfterMonths, levers.RenewalsTaken);
            for (int t = 0; t < years.Length; t++)
            {
                Date s = b[t], e = b[t + 1];
                Date from = Date.Max(s, reletFrom);
                years[t] = e > from ? Date.DaysBetween(from, e) / 365.0 : 0.0;
                live[t] = reletFrom <= e ? 1.0 : 0.0;
            }
        }
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
