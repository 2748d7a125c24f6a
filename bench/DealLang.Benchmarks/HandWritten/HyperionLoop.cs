using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// The Hyperion period loop written by hand, as a quant would write it for this one deal: the terms of
/// examples/hyperion.deal as constants, plain <c>double</c> locals, the trailing DSCR from last period's figures
/// instead of a history buffer. It is the limit the generated loop is measured against (issue 8, target 1).
/// <para>
/// It reads the same <see cref="PathInputs"/> as the generated program and writes the same figures into a
/// summary-only <see cref="RunResult"/> (per-period collections, tranche, equity and account figures, the test's
/// values and the triggers' flags, the run's events and losses), for periods 0 .. <c>PeriodsRun - 1</c>, so
/// <see cref="LoopCheck"/> can compare the two. It also runs the synthetic deals of <c>SyntheticDeal</c>
/// (Hyperion with its lease split into <c>n</c>): lease 0 then carries the RVG and is the one <c>LeaseEnded</c>
/// watches. Not written here: the history buffers (the generated loop's scratch) and the ledger.
/// </para>
/// <para>
/// Hyperion's RVG is settled on a remarketing sale (<c>against remarketing cost 3%</c>): when the lease ends inside
/// the RVG's window the campus is sold that day at its value less the cost, the RVG tops those proceeds up to the
/// notes' scheduled balance (times Meta's recovery if it has defaulted), and the campus is gone from then on. The
/// synthetic deals' RVG is measured against the appraised value, as the loop reads from the lease's terms.
/// </para>
/// </summary>
public sealed class HyperionLoop
{
    // The terms of hyperion.deal.
    const double Coupon = 0.06581;
    const double AccountRate = 0.04;
    const double TrusteeFee = 5000000.0;
    const double AssetMgmtRate = 0.001;
    const double RvgCap = 28000000000.0;
    const double InitialNotes = 27300000000.0;
    const double InitialInterestReserve = 6900000000.0;
    const double DscrTrap = 1.1;
    const int DscrWindow = 2;
    static readonly Date TestsFrom = new(2030, 11, 30);

    readonly int periods;
    readonly int scheduledPeriods;
    readonly bool remarketing;
    readonly double remarketingCost;
    readonly bool subjectToLease;
    readonly int leases;
    readonly int firstPrincipal;
    readonly int maturity;
    readonly Date[] ends;
    readonly double[] yearFractions;
    readonly double[] levelRates;
    readonly double[] levelWeights;
    readonly double[] growth;
    readonly double[] paymentsAtMaturity;
    readonly double[] trusteeEscalation;

    /// <summary>The loop for <paramref name="deal"/>: Hyperion, or one of its synthetic many-lease variants.</summary>
    public HyperionLoop(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.Tranches.Length != 1 || deal.Accounts.Length != 3 || deal.Fees.Length != 2 || deal.Sales.Length != 1
            || deal.Facilities.Length != 1 || deal.Leases.Length == 0 || deal.Tranches[0].Coupon != Coupon)
        {
            throw new ArgumentException($"'{deal.Name}' is not Hyperion-shaped: the hand-written loop knows only Hyperion's terms.", nameof(deal));
        }

        periods = deal.Periods;
        scheduledPeriods = deal.ScheduledPeriods;
        leases = deal.Leases.Length;
        ends = deal.Boundaries[1..];
        yearFractions = deal.YearFractions;
        maturity = scheduledPeriods - 1;
        firstPrincipal = Array.FindIndex(deal.Boundaries, b => b == new Date(2029, 11, 30));

        // Hyperion's RVG is settled on a remarketing sale; the synthetic deals' on the appraised value (lease 0's RVG).
        remarketing = deal.Leases[0].RvgRemarketing;
        remarketingCost = deal.Leases[0].RemarketingCost;
        // Hyperion's enforcement sale is subject to the lease: it waits for every lease of the campus to end.
        subjectToLease = deal.Sales[0].SubjectToLease;

        // The level annuity's tables, once per deal (the loop then pays O(1) a period, no Math.Pow).
        levelRates = Annuity.PeriodRates(Coupon, yearFractions);
        levelWeights = Annuity.PeriodWeights(deal.DayCount, 12 / Frequencies.PeriodsPerYear(deal.Frequency), deal.Boundaries);
        (growth, paymentsAtMaturity) = Annuity.LevelSums(levelRates, levelWeights, maturity);
        trusteeEscalation = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            trusteeEscalation[t] = Flows.Escalation(deal.Closing, deal.Boundaries[t], 0.02);
        }
    }

    /// <summary>One path: <paramref name="input"/>'s scenario through the period loop into <paramref name="result"/>.</summary>
    public void Run(PathInputs input, RunResult result)
    {
        double[] value = input.FacilityValue[0];
        double[][] rents = input.LeaseRent;
        int leaseEnd = input.LeaseEndPeriod[0];
        bool rvgApplies = input.RvgApplies[0];
        double rvgRecovery = input.RvgRecovery[0];
        double rvgValue = input.RvgValue[0]; // the campus's value on the day the lease ends
        double haircut = input.SaleHaircut[0];
        int lagMonths = input.SaleLagMonths[0];

        double[] outCollections = result.Collections;
        double[] outInterest = result.InterestPaid[0];
        double[] outPrincipal = result.PrincipalPaid[0];
        double[] outBalance = result.TrancheBalance[0];
        double[] outInterestShort = result.InterestShortfall[0];
        double[] outPrincipalShort = result.PrincipalShortfall[0];
        double[] outDistributed = result.Distributions[0];
        double[] outReserve = result.AccountBalance[0];
        double[] outDsra = result.AccountBalance[1];
        double[] outTrap = result.AccountBalance[2];
        double[] outDscr = result.TestValues[0];
        bool[] outCashTrap = result.TriggerActive[0];
        bool[] outLeaseEnded = result.TriggerActive[1];
        result.EventOfDefaultPeriod = -1;
        result.SalePeriod = -1;
        result.SaleProceeds = 0.0;
        result.RvgPaid[0] = 0.0;
        if (remarketing)
        {
            result.RemarketingProceeds[0] = 0.0;
        }

        double notes = InitialNotes, unpaidInterest = 0.0, unpaidPrincipal = 0.0;
        double reserve = InitialInterestReserve, dsra = 0.0, trap = 0.0;
        double trusteeUnpaid = 0.0, assetMgmtUnpaid = 0.0;
        double lastCfads = 0.0, lastDebtService = 0.0;
        bool eventOfDefault = false, sold = false;
        int remarketedIn = -1; // the period the remarketing sold the campus in
        Date saleDate = default;
        int periodsRun = periods;

        for (int t = 0; t < periods; t++)
        {
            Date periodEnd = ends[t];
            double yf = yearFractions[t];
            bool afterDefault = eventOfDefault;
            double startBalance = notes;

            // Notes: interest, and level principal from the first amortising period (all of it at maturity).
            double scheduledInterest = notes * Coupon * yf;
            double interestDue = scheduledInterest + unpaidInterest;
            double owedPrincipal = notes - unpaidPrincipal;
            double scheduledPrincipal = 0.0;
            if (t >= maturity)
            {
                scheduledPrincipal = owedPrincipal;
            }
            else if (t >= firstPrincipal)
            {
                double level = 0.0;
                if (owedPrincipal > 0.0)
                {
                    double payment = owedPrincipal * growth[t] / paymentsAtMaturity[t];
                    level = Math.Clamp((levelWeights[t] * payment) - (owedPrincipal * levelRates[t]), 0.0, owedPrincipal);
                }

                scheduledPrincipal = Math.Min(owedPrincipal, level);
            }

            double principalDue = Math.Min(notes, scheduledPrincipal + unpaidPrincipal);

            // Collections: rent until the campus is sold, the RVG in the period the lease ends, account interest.
            double rent = 0.0;
            if (!sold)
            {
                rent = rents[0][t];
                for (int l = 1; l < leases; l++)
                {
                    rent += rents[l][t];
                }
            }

            bool leaseEnded = sold || (leaseEnd >= 0 && t >= leaseEnd);
            double rvg = 0.0, remarketed = 0.0;
            if (t == leaseEnd && rvgApplies)
            {
                // The RVG guarantees the notes' scheduled balance after this period's principal, which the rent pays.
                // Against remarketing the campus is sold on the lease's last day at its value then less the cost, and
                // Meta owes the shortfall below those net proceeds; else the shortfall below the appraised value.
                double measure = rvgValue;
                if (remarketing)
                {
                    remarketed = rvgValue * (1.0 - remarketingCost);
                    remarketedIn = t;
                    result.RemarketingProceeds[0] = remarketed;
                    measure = remarketed;
                }

                rvg = Math.Min(RvgCap, Math.Max(0.0, startBalance - scheduledPrincipal - measure)) * rvgRecovery;
                result.RvgPaid[0] = rvg;
            }

            double reserveInterest = reserve * AccountRate * yf;
            double dsraInterest = dsra * AccountRate * yf;
            double trapInterest = trap * AccountRate * yf;
            double collections = rent + rvg + remarketed + reserveInterest + dsraInterest + trapInterest;
            double available = collections;
            double recurring = collections - rvg - remarketed; // one-offs: cfads counts neither the RVG nor the building sold

            // The campus's value as the fees read it: 0 from the period after the remarketing sold it.
            double campusValue = remarketedIn >= 0 && t > remarketedIn ? 0.0 : value[t];

            // A regular period that starts with the notes repaid and nothing due on them ("Nothing owed", docs/language.md
            // §11): the trustee's fee ('until repaid') accrues nothing, no account keeps cash, the trap's cash is distributed.
            bool debtRepaid = !afterDefault
                && notes <= Flows.ShortfallTolerance && interestDue <= Flows.ShortfallTolerance && principalDue <= Flows.ShortfallTolerance;

            // cfads deducts this period's fees; what is carried unpaid was deducted in its own period.
            double trusteeAccrued = debtRepaid ? 0.0 : TrusteeFee * yf * trusteeEscalation[t];
            double assetMgmtAccrued = (AssetMgmtRate * campusValue) * yf;
            double trusteeDue = trusteeAccrued + trusteeUnpaid;
            double assetMgmtDue = assetMgmtAccrued + assetMgmtUnpaid;
            double debtService = scheduledInterest + scheduledPrincipal;
            double cfads = recurring - trusteeAccrued - assetMgmtAccrued;
            double dsraTarget = debtService;

            // DSCR over the trailing two half-years, from 2030-11-30; the cash trap under 1.10x.
            double dscr = double.NaN;
            if (periodEnd >= TestsFrom)
            {
                double trailingDebtService = t >= DscrWindow - 1 ? lastDebtService + debtService : debtService;
                double trailingCfads = t >= DscrWindow - 1 ? lastCfads + cfads : cfads;
                dscr = trailingDebtService == 0 ? double.NaN : trailingCfads / trailingDebtService;
            }

            lastCfads = cfads;
            lastDebtService = debtService;
            bool cashTrap = periodEnd >= TestsFrom && dscr < DscrTrap;
            outDscr[t] = dscr;
            outCashTrap[t] = cashTrap;
            outLeaseEnded[t] = leaseEnded;

            double interestPaid = 0.0, principalPaid = 0.0, distributed = 0.0, trusteePaid = 0.0, assetMgmtPaid = 0.0;
            if (!afterDefault)
            {
                // The last scheduled period, or one with nothing owed: no account keeps cash, what the trap would hold
                // is distributed.
                bool last = t == scheduledPeriods - 1 || debtRepaid;
                if (last)
                {
                    available += reserve;
                    available += dsra;
                    available += trap;
                    reserve = dsra = trap = 0.0;
                }

                trusteePaid = Math.Min(available, Math.Max(0.0, trusteeDue));
                available -= trusteePaid;
                assetMgmtPaid = Math.Min(available, Math.Max(0.0, assetMgmtDue));
                available -= assetMgmtPaid;

                // Interest: cash, then InterestReserve, then the DSRA.
                double due = Math.Max(0.0, interestDue);
                double paid = Math.Min(available, due);
                available -= paid;
                double owed = due - paid;
                double draw = Math.Min(reserve, owed);
                reserve -= draw;
                owed -= draw;
                paid += draw;
                draw = Math.Min(dsra, owed);
                dsra -= draw;
                owed -= draw;
                paid += draw;
                interestPaid = owed == 0.0 ? due : paid;

                // Scheduled principal: cash, then the DSRA.
                due = Math.Min(notes, Math.Max(0.0, principalDue));
                paid = Math.Min(available, due);
                available -= paid;
                owed = due - paid;
                draw = Math.Min(dsra, owed);
                dsra -= draw;
                owed -= draw;
                paid += draw;
                paid = owed == 0.0 ? due : paid;
                principalPaid = paid;
                notes -= paid;

                if (leaseEnded)
                {
                    // Sweep: once the lease is over there is no rent left to reserve for, so everything goes to the
                    // notes, the trap's and then the DSRA's cash too, before anything else.
                    due = notes;
                    paid = Math.Min(available, due);
                    available -= paid;
                    owed = due - paid;
                    draw = Math.Min(trap, owed);
                    trap -= draw;
                    owed -= draw;
                    paid += draw;
                    draw = Math.Min(dsra, owed);
                    dsra -= draw;
                    owed -= draw;
                    paid += draw;
                    paid = owed == 0.0 ? due : paid;
                    principalPaid += paid;
                    notes -= paid;
                }
                else
                {
                    double fill = last ? 0.0 : Math.Min(available, Math.Max(0.0, dsraTarget - dsra));
                    available -= fill;
                    dsra += fill;
                }

                if (cashTrap)
                {
                    double held = last ? 0.0 : available;
                    trap += held;
                    available -= held;
                }
                else
                {
                    available += trap;
                    trap = 0.0;
                }

                distributed = available;
            }

            unpaidInterest = Flows.Shortfall(interestDue, interestPaid);
            unpaidPrincipal = Flows.Shortfall(principalDue, principalPaid);
            trusteeUnpaid = Flows.Shortfall(trusteeDue, trusteePaid);
            assetMgmtUnpaid = Flows.Shortfall(assetMgmtDue, assetMgmtPaid);
            // hyperion.deal's default rule (the synthetic deals keep it): unpaid interest or scheduled principal.
            if (!eventOfDefault && t < scheduledPeriods && (unpaidInterest > 0.0 || unpaidPrincipal > 0.0))
            {
                eventOfDefault = true;
                result.EventOfDefaultPeriod = t;
                saleDate = periodEnd.AddMonthsClamped(lagMonths);
            }

            if (eventOfDefault)
            {
                // Enforcement: the campus sells at the first period end on or after the sale date; the accounts are
                // collateral; fees, interest and the whole balance are paid from it all, the rest to the sponsor.
                bool enforcing = afterDefault;
                if (!sold && periodEnd >= saleDate && (!subjectToLease || LeasesEnded(input, t) || t == periods - 1))
                {
                    // Nothing for the campus once the remarketing has sold it (this period or before).
                    double proceeds = (remarketedIn >= 0 ? 0.0 : value[t]) * (1.0 - haircut);
                    collections += proceeds;
                    available += proceeds;
                    result.SaleProceeds += proceeds;
                    result.SalePeriod = t;
                    sold = true;
                    enforcing = true;
                }

                if (enforcing)
                {
                    available += reserve;
                    available += dsra;
                    available += trap;
                    reserve = dsra = trap = 0.0;
                    double paid = Math.Min(available, Math.Max(0.0, trusteeDue - trusteePaid));
                    available -= paid;
                    trusteePaid += paid;
                    paid = Math.Min(available, Math.Max(0.0, assetMgmtDue - assetMgmtPaid));
                    available -= paid;
                    assetMgmtPaid += paid;
                    paid = Math.Min(available, Math.Max(0.0, interestDue - interestPaid));
                    available -= paid;
                    interestPaid += paid;
                    paid = Math.Min(available, notes);
                    available -= paid;
                    principalPaid += paid;
                    notes -= paid;
                    distributed += available;
                    unpaidInterest = Flows.Shortfall(interestDue, interestPaid);
                    unpaidPrincipal = Flows.Shortfall(principalDue, principalPaid);
                    trusteeUnpaid = Flows.Shortfall(trusteeDue, trusteePaid);
                    assetMgmtUnpaid = Flows.Shortfall(assetMgmtDue, assetMgmtPaid);
                }
            }

            outCollections[t] = collections;
            outInterest[t] = interestPaid;
            outPrincipal[t] = principalPaid;
            outBalance[t] = notes;
            outInterestShort[t] = unpaidInterest;
            outPrincipalShort[t] = unpaidPrincipal;
            outDistributed[t] = distributed;
            outReserve[t] = reserve;
            outDsra[t] = dsra;
            outTrap[t] = trap;

            if ((!eventOfDefault && t == scheduledPeriods - 1) || sold)
            {
                periodsRun = t + 1;
                break;
            }
        }

        result.PeriodsRun = periodsRun;
        result.PrincipalLoss[0] = notes;
        result.UnpaidInterest[0] = unpaidInterest;
    }

    // Whether every lease of the campus has ended by period t on this path (−1: it runs past the run), the wait of a sale
    // subject to the lease; read only once the sale's date has come.
    bool LeasesEnded(PathInputs input, int t)
    {
        for (int l = 0; l < leases; l++)
        {
            int end = input.LeaseEndPeriod[l];
            if (end < 0 || t < end)
            {
                return false;
            }
        }

        return true;
    }
}
