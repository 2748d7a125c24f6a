using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// The period loop of examples/coreweave-ddtl2.deal written by hand, as a quant would write it for this one deal: its
/// terms as constants, plain <c>double</c> locals and arrays. Once per deal (the constructor) it works out what no
/// path changes: the fleet's delivered units, straight-line book value, each batch's market value before the rent
/// index moves it, power and maintenance cost and the unit-days held per period (in full: an idle unit-day's 15% is applied per path), each contract's years run per period (on a customer's default, from its period on, the path's years cut at the default date, to the day) and whether it runs at
/// each period's end, the loan's draws (80% of the cost of each batch delivered, against the contract it serves) and
/// the part of each that funds an investment-grade customer's contract. Per path (<see cref="Run"/>): the fleet's
/// market value from the H100 rent index's row, the contracts' revenue (fixed price, or the index plus a spread, at
/// the higher of take-or-pay and the scenario's utilisation; re-let capacity at the index), the loan's floating coupon
/// (3M SOFR floored at 0%, plus 6.25% on the investment-grade share of the balance and 13% on the rest), linear
/// amortisation after the interest-only period, the draws and the commitment fee on the undrawn amount, the waterfall
/// (opex, the fee, interest, principal, the cash trap's and the concentration's sweeps, the rest to the parent), the five tests and the three
/// triggers (the cash trap's breach and cure counts), and the default rules.
/// It is the limit the generated loop is measured against for this deal (issue 9's CoreWeave path benchmark).
/// <para>
/// It reads the same <see cref="PathInputs"/> as the generated program (the slots looked up once in
/// <see cref="InputLayout"/>) and writes the same figures into a summary-only <see cref="RunResult"/>, so
/// <see cref="LoopCheck"/> can compare the two. It covers the paths without an event of default (<c>Base</c>): on
/// one (a customer's default, an unpaid coupon, principal unpaid at the maturity: <c>MicrosoftLeaves</c>,
/// <c>RentCollapse</c>, <c>FireSale</c>) it stops with an exception, as the repo-market sale after it is not written here. A change to the example it does not follow
/// either fails the constructor's check of the terms or shows as a difference in <see cref="LoopCheck"/>
/// (<c>tests/DealLang.Cli.Tests/Loop/HandWrittenLoopTests.cs</c>).
/// </para>
/// </summary>
public sealed class CoreWeaveLoop
{
    // The terms of coreweave-ddtl2.deal.
    const int Batches = 4;
    const double BatchUnits = 41250.0;
    const double UnitCost = 37500.0;
    const double LifeYears = 72 / 12.0; // straight_line 6y
    const double PowerPerGpuHour = 0.7 * 1.3 * 0.07; // kW per GPU × PUE × $ per kWh (70 per MWh)
    const double Maintenance = 0.02;
    const double IdleCost = 0.15; // an idle unit's share of its power and maintenance (idle_cost 15%)
    const double MarketResidual = 0.9;
    const double MarketDecline = 0.18;
    const double DaysPerYear = 365.25;
    const double ContractUnits = 41250.0;
    const double HoursPerYear = 8760.0;
    const double PriceMsft1 = 2.60, PriceMsft2 = 2.50, PriceMsft3 = 2.40; // per GPU-hour
    const double MsftTakeOrPay = 0.95;
    const double LabSpread = 0.40; // Lab1: H100Rent + 0.40 per GPU-hour
    const double LabTakeOrPay = 0.80;
    const double IgMargin = 0.0625;
    const double NonIgMargin = 0.13;
    const double Commitment = 7500000000.0;
    const double AdvanceRate = 0.8; // draws against Gpus advance 80%
    const double CommitmentFee = 0.005;
    const double DscrTrap = 1.2;
    const int TrapAfter = 2;
    const int CureAfter = 2;
    const double ConcentrationLimit = 0.85;
    const double Sweep = 0.5;
    static readonly Date SweepFrom = new(2025, 6, 30);
    static readonly Date FirstPrincipalAfter = new(2025, 6, 30); // interest_only until
    static readonly Date AvailableUntil = new(2025, 12, 31);
    static readonly Date[] Delivered = [new(2024, 6, 30), new(2024, 9, 30), new(2024, 12, 31), new(2025, 3, 31)];
    static readonly Date[] ContractStarts = [new(2024, 6, 30), new(2024, 9, 30), new(2024, 12, 31), new(2025, 3, 31)];
    static readonly int[] ContractTermMonths = [36, 36, 36, 24];
    static readonly bool[] InvestmentGrade = [true, true, true, false]; // each batch serves its contract: Microsoft (AAA) three times, then AiLab (BB-)

    readonly int periods;
    readonly int scheduledPeriods;
    readonly int maturity;
    readonly int firstPrincipal;
    readonly int availableUntil;
    readonly Date[] ends;
    readonly double[] yearFractions;

    // Once per deal.
    readonly double[] delivered;
    readonly double[] bookValue;
    readonly double[] powerCost;
    readonly double[] maintenanceCost;
    readonly double[] heldUnitDays; // Σ units × days held: the unit-days the idle share divides by
    readonly double[][] batchMarket;
    readonly int[] deliveryPeriod = new int[Batches];
    readonly double[][] liveYears;
    readonly bool[][] liveAtEnd;
    readonly double[] draws;
    readonly double[] investmentGradeDraws;

    // The path inputs' slots.
    readonly int sofrSlot, rentSlot, microsoftSlot, labSlot;
    readonly int[] utilisationSlot = new int[4], reletYearsSlot = new int[4], termYearsSlot = new int[4], reletLiveSlot = new int[4], reletUtilisationSlot = new int[4];

    /// <summary>The loop for <paramref name="deal"/>, which must be coreweave-ddtl2.deal's.</summary>
    public CoreWeaveLoop(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Require(deal);
        periods = deal.Periods;
        scheduledPeriods = deal.ScheduledPeriods;
        maturity = scheduledPeriods - 1;
        ends = deal.Boundaries[1..];
        yearFractions = deal.YearFractions;
        firstPrincipal = Array.FindIndex(ends, e => e >= FirstPrincipalAfter); // principal from the period containing the interest-only date
        availableUntil = Array.FindIndex(ends, e => e >= AvailableUntil); // undrawn cancelled after the period containing this date

        delivered = new double[periods];
        bookValue = new double[periods];
        powerCost = new double[periods];
        maintenanceCost = new double[periods];
        heldUnitDays = new double[periods];
        batchMarket = [.. Enumerable.Range(0, Batches).Select(_ => new double[periods])];
        for (int b = 0; b < Batches; b++)
        {
            deliveryPeriod[b] = Array.FindIndex(ends, e => e >= Delivered[b]);
        }

        // Each batch in turn into each period's sums, as the fleet's figures add up.
        for (int t = 0; t < periods; t++)
        {
            Date start = deal.Boundaries[t], end = ends[t];
            for (int b = 0; b < Batches; b++)
            {
                if (Delivered[b] > end)
                {
                    continue;
                }

                double cost = BatchUnits * UnitCost;
                double age = Date.DaysBetween(Delivered[b], end) / DaysPerYear;
                int heldDays = Date.DaysBetween(Date.Max(start, Delivered[b]), end);
                delivered[t] += BatchUnits;
                bookValue[t] += cost * Math.Max(0.0, 1.0 - age / LifeYears);
                double market = cost * MarketResidual * Math.Pow(1.0 - MarketDecline, age);
                batchMarket[b][t] = market;
                powerCost[t] += BatchUnits * PowerPerGpuHour * 24.0 * heldDays;
                maintenanceCost[t] += cost * Maintenance * heldDays / DaysPerYear;
                heldUnitDays[t] += BatchUnits * heldDays;
            }
        }

        liveYears = new double[4][];
        liveAtEnd = new bool[4][];
        for (int c = 0; c < 4; c++)
        {
            liveYears[c] = new double[periods];
            liveAtEnd[c] = new bool[periods];
            Date from0 = ContractStarts[c], to0 = from0.AddMonthsClamped(ContractTermMonths[c]);
            for (int t = 0; t < periods; t++)
            {
                Date from = Date.Max(deal.Boundaries[t], from0), to = Date.Min(ends[t], to0);
                liveYears[c][t] = to > from ? Date.DaysBetween(from, to) / 365.0 : 0.0;
                liveAtEnd[c][t] = from0 <= ends[t] && ends[t] < to0;
            }
        }

        // Drawn at the end of the period a batch is delivered in: the advance rate times its cost.
        draws = new double[periods];
        investmentGradeDraws = new double[periods];
        for (int b = 0; b < Batches; b++)
        {
            double draw = AdvanceRate * (BatchUnits * UnitCost);
            draws[deliveryPeriod[b]] += draw;
            investmentGradeDraws[deliveryPeriod[b]] += InvestmentGrade[b] ? draw : 0.0;
        }

        var layout = InputLayout.Of(deal);
        sofrSlot = layout.IndexOf(InputQuantity.IndexLevel, 0);
        rentSlot = layout.IndexOf(InputQuantity.IndexLevel, 1);
        microsoftSlot = layout.IndexOf(InputQuantity.PartyDefaulted, 0);
        labSlot = layout.IndexOf(InputQuantity.PartyDefaulted, 1);
        for (int c = 0; c < 4; c++)
        {
            utilisationSlot[c] = layout.IndexOf(InputQuantity.ContractUtilisation, c);
            reletYearsSlot[c] = layout.IndexOf(InputQuantity.ContractReletYears, c);
            termYearsSlot[c] = layout.IndexOf(InputQuantity.ContractTermYears, c);
            reletLiveSlot[c] = layout.IndexOf(InputQuantity.ContractReletLive, c);
            reletUtilisationSlot[c] = layout.IndexOf(InputQuantity.ContractReletUtilisation, c);
        }
    }

    /// <summary>One path: <paramref name="input"/>'s scenario through the period loop into <paramref name="result"/>.</summary>
    public void Run(PathInputs input, RunResult result)
    {
        double[][] series = input.Series;
        double[] sofr = series[sofrSlot];
        double[] rent = series[rentSlot];
        bool[] microsoftDefaulted = input.Flags[microsoftSlot];
        bool[] labDefaulted = input.Flags[labSlot];
        double[] scalars = input.Scalars;
        double utilisation1 = Math.Max(MsftTakeOrPay, scalars[utilisationSlot[0]]);
        double utilisation2 = Math.Max(MsftTakeOrPay, scalars[utilisationSlot[1]]);
        double utilisation3 = Math.Max(MsftTakeOrPay, scalars[utilisationSlot[2]]);
        double utilisationLab = Math.Max(LabTakeOrPay, scalars[utilisationSlot[3]]);
        double[] reletYears1 = series[reletYearsSlot[0]], reletYears2 = series[reletYearsSlot[1]], reletYears3 = series[reletYearsSlot[2]], reletYearsLab = series[reletYearsSlot[3]];
        double[] reletLive1 = series[reletLiveSlot[0]], reletLive2 = series[reletLiveSlot[1]], reletLive3 = series[reletLiveSlot[2]], reletLiveLab = series[reletLiveSlot[3]];
        double reletUtilisation1 = scalars[reletUtilisationSlot[0]], reletUtilisation2 = scalars[reletUtilisationSlot[1]];
        double reletUtilisation3 = scalars[reletUtilisationSlot[2]], reletUtilisationLab = scalars[reletUtilisationSlot[3]];
        double[] live1 = liveYears[0], live2 = liveYears[1], live3 = liveYears[2], liveLab = liveYears[3];
        // The term's years as the path cut them at a customer's default date (to the day in the period it falls in,
        // none after): the loop sees the default only as a flag from that period on, so on a flagged period it reads
        // these rather than the uncut years above. Base never reads them.
        double[] term1 = series[termYearsSlot[0]], term2 = series[termYearsSlot[1]], term3 = series[termYearsSlot[2]], termLab = series[termYearsSlot[3]];
        bool[] atEnd1 = liveAtEnd[0], atEnd2 = liveAtEnd[1], atEnd3 = liveAtEnd[2], atEndLab = liveAtEnd[3];

        double[] outCollections = result.Collections;
        double[] outInterest = result.InterestPaid[0];
        double[] outPrincipal = result.PrincipalPaid[0];
        double[] outBalance = result.TrancheBalance[0];
        double[] outInterestShort = result.InterestShortfall[0];
        double[] outPrincipalShort = result.PrincipalShortfall[0];
        double[] outDrawn = result.TrancheDrawn[0];
        double[] outDistributed = result.Distributions[0];
        double[] outDscr = result.TestValues[0], outBookLtv = result.TestValues[1], outMarketLtv = result.TestValues[2];
        double[] outConcentration = result.TestValues[3], outIdle = result.TestValues[4];
        bool[] outCashTrap = result.TriggerActive[0], outConcentrated = result.TriggerActive[1], outCustomerDefault = result.TriggerActive[2];
        double[] outRevenue1 = result.ContractRevenue[0], outRevenue2 = result.ContractRevenue[1], outRevenue3 = result.ContractRevenue[2], outRevenueLab = result.ContractRevenue[3];
        int[] outStop = result.ContractStopPeriod;
        result.EventOfDefaultPeriod = -1;
        result.SalePeriod = -1;
        result.SaleProceeds = 0.0;
        result.FleetUnitsSold[0] = 0.0;
        result.FleetSaleProceeds[0] = 0.0;
        result.FleetMarketValue[0] = 0.0;
        result.FleetBookValue[0] = 0.0;
        outStop[0] = outStop[1] = outStop[2] = outStop[3] = -1;

        double loan = 0.0, undrawn = Commitment, investmentGradeShare = 0.0;
        double unpaidInterest = 0.0, unpaidPrincipal = 0.0, feeUnpaid = 0.0, opexUnpaid = 0.0;
        double units = 0.0, units1 = 0.0, units2 = 0.0, units3 = 0.0, unitsLab = 0.0;
        bool trap = false, accelerated = false;
        int breaches = 0, passes = 0;
        int periodsRun = periods;

        for (int t = 0; t < periods; t++)
        {
            Date periodEnd = ends[t];
            double yf = yearFractions[t];
            double sofrNow = sofr[t];
            double rentNow = rent[t];
            double startBalance = loan;

            // The fleet: nothing is sold on these paths, so every unit delivered is held.
            units = delivered[t];
            double book = bookValue[t];
            double market = 0.0;
            for (int b = 0; b < Batches; b++)
            {
                double value = batchMarket[b][t];
                if (value != 0.0)
                {
                    double then = rent[deliveryPeriod[b]];
                    market += then > 0.0 ? value * (rentNow / then) : value;
                }
            }

            // The contracts: units × price × hours × years run × max(take-or-pay, utilisation); re-let units at the index.
            // A customer's default stops its contracts' years on the default date: in the period it falls in, the days
            // up to it (the path's cut row), none after.
            bool microsoftOut = microsoftDefaulted[t], labOut = labDefaulted[t];
            double years1 = microsoftOut ? term1[t] : live1[t], years2 = microsoftOut ? term2[t] : live2[t], years3 = microsoftOut ? term3[t] : live3[t];
            double yearsLab = labOut ? termLab[t] : liveLab[t];
            double revenue1 = ContractUnits * PriceMsft1 * HoursPerYear * years1 * utilisation1 + ContractUnits * rentNow * HoursPerYear * reletYears1[t] * reletUtilisation1;
            double revenue2 = ContractUnits * PriceMsft2 * HoursPerYear * years2 * utilisation2 + ContractUnits * rentNow * HoursPerYear * reletYears2[t] * reletUtilisation2;
            double revenue3 = ContractUnits * PriceMsft3 * HoursPerYear * years3 * utilisation3 + ContractUnits * rentNow * HoursPerYear * reletYears3[t] * reletUtilisation3;
            double revenueLab = ContractUnits * (rentNow + LabSpread) * HoursPerYear * yearsLab * utilisationLab + ContractUnits * rentNow * HoursPerYear * reletYearsLab[t] * reletUtilisationLab;
            units1 = (microsoftOut || !atEnd1[t] ? 0.0 : ContractUnits) + ContractUnits * reletLive1[t];
            units2 = (microsoftOut || !atEnd2[t] ? 0.0 : ContractUnits) + ContractUnits * reletLive2[t];
            units3 = (microsoftOut || !atEnd3[t] ? 0.0 : ContractUnits) + ContractUnits * reletLive3[t];
            unitsLab = (labOut || !atEndLab[t] ? 0.0 : ContractUnits) + ContractUnits * reletLiveLab[t];
            double idle = Math.Max(0.0, units - (units1 + units2 + units3 + unitsLab));
            // Opex over the period's days: a unit-day in use costs its full power and maintenance, an idle one IdleCost
            // of it; each contract's units are in use for the days it runs (its term's, its re-let's).
            double days1 = ContractUnits * (years1 + reletYears1[t]) * 365.0;
            double days2 = ContractUnits * (years2 + reletYears2[t]) * 365.0;
            double days3 = ContractUnits * (years3 + reletYears3[t]) * 365.0;
            double daysLab = ContractUnits * (yearsLab + reletYearsLab[t]) * 365.0;
            double held = heldUnitDays[t];
            double costShare = held > 0.0 ? 1.0 - (1.0 - IdleCost) * Math.Max(0.0, held - (days1 + days2 + days3 + daysLab)) / held : 1.0;
            // This period's opex (what cfads deducts), and what is due with the opex carried unpaid.
            double opexAccrued = (powerCost[t] + maintenanceCost[t]) * costShare;
            double opex = opexAccrued + opexUnpaid;
            double collections = revenue1 + revenue2 + revenue3 + revenueLab;
            double microsoft = revenue1 + revenue2 + revenue3;
            double largestShare = collections > 0.0 ? Math.Max(microsoft, revenueLab) / collections : 0.0;

            // The loan: SOFR floored at 0%, plus each margin on the share of the balance it applies to; linear
            // principal after the interest-only period.
            double floored = Math.Max(sofrNow, 0.0);
            double coupon = investmentGradeShare * (floored + IgMargin) + (1.0 - investmentGradeShare) * (floored + NonIgMargin);
            double interest = loan * coupon * yf;
            double scheduled = Scheduled(loan - unpaidPrincipal, t);
            double interestDue = interest + unpaidInterest;
            double principalDue = accelerated ? loan : Math.Min(loan, scheduled + unpaidPrincipal);
            double feeDue = undrawn * CommitmentFee * yf + feeUnpaid;
            double drawn = Math.Min(draws[t], undrawn);

            // Tests and triggers.
            // cfads deducts this period's opex; what was carried unpaid was deducted in its own period.
            double dscr = Flows.Ratio(collections - opexAccrued, interest + scheduled);
            outDscr[t] = dscr;
            outBookLtv[t] = Flows.Ratio(startBalance, book);
            outMarketLtv[t] = Flows.Ratio(startBalance, market);
            outConcentration[t] = largestShare;
            outIdle[t] = Flows.Ratio(idle, units);
            bool breached = dscr < DscrTrap;
            if (!trap)
            {
                breaches = breached ? breaches + 1 : 0;
                if (breaches >= TrapAfter)
                {
                    trap = true;
                    passes = 0;
                }
            }
            else
            {
                passes = breached ? 0 : passes + 1;
                if (passes >= CureAfter)
                {
                    trap = false;
                    breaches = 0;
                }
            }

            outCashTrap[t] = trap;
            bool concentrated = periodEnd >= SweepFrom && largestShare > ConcentrationLimit;
            outConcentrated[t] = concentrated;
            outCustomerDefault[t] = microsoftOut;
            accelerated |= microsoftOut;

            // The waterfall.
            double available = collections;
            double opexPaid = Math.Min(available, Math.Max(0.0, opex));
            available -= opexPaid;
            double feePaid = Math.Min(available, Math.Max(0.0, feeDue));
            available -= feePaid;
            double interestPaid = Math.Min(available, Math.Max(0.0, interestDue));
            available -= interestPaid;
            double principalPaid = Math.Min(available, Math.Min(loan, Math.Max(0.0, principalDue)));
            available -= principalPaid;
            loan -= principalPaid;
            if (trap)
            {
                // The cash trap sweeps all that is left to the loan (the triggers' sweeps in the deal's order, each on
                // what the one before left).
                double swept = Math.Min(available, loan);
                principalPaid += swept;
                loan -= swept;
                available -= swept;
            }

            if (concentrated)
            {
                double swept = Math.Min(available * Sweep, loan);
                principalPaid += swept;
                loan -= swept;
                available -= swept;
            }

            double distributed = available;

            // What was not paid carries to the next period.
            opexUnpaid = Flows.Shortfall(opex, opexPaid);
            unpaidInterest = Flows.Shortfall(interestDue, interestPaid);
            unpaidPrincipal = Flows.Shortfall(principalDue, principalPaid);
            feeUnpaid = Flows.Shortfall(feeDue, feePaid);
            // The deal's default rule (unpaid interest, or principal still unpaid at the maturity) and the trigger on
            // Microsoft's default.
            if (t < scheduledPeriods && (microsoftOut || unpaidInterest > 0.0 || (unpaidPrincipal > 0.0 && t >= maturity)))
            {
                throw new NotSupportedException($"An event of default at the end of period {t}: the hand-written CoreWeave loop covers the paths without one (Base).");
            }

            // The draw is funded at the period's end, and the investment-grade share moves with it; what is undrawn
            // after the availability period is cancelled.
            if (loan + drawn > 0.0)
            {
                double draw = draws[t];
                investmentGradeShare = (investmentGradeShare * loan + (draw > 0.0 ? drawn * investmentGradeDraws[t] / draw : 0.0)) / (loan + drawn);
            }

            loan += drawn;
            undrawn -= drawn;
            if (t >= availableUntil)
            {
                undrawn = 0.0;
            }

            outCollections[t] = collections;
            outRevenue1[t] = revenue1;
            outRevenue2[t] = revenue2;
            outRevenue3[t] = revenue3;
            outRevenueLab[t] = revenueLab;
            Stopped(outStop, 0, t, live1, atEnd1, microsoftOut);
            Stopped(outStop, 1, t, live2, atEnd2, microsoftOut);
            Stopped(outStop, 2, t, live3, atEnd3, microsoftOut);
            Stopped(outStop, 3, t, liveLab, atEndLab, labOut);
            outInterest[t] = interestPaid;
            outPrincipal[t] = principalPaid;
            outBalance[t] = loan;
            outInterestShort[t] = unpaidInterest;
            outPrincipalShort[t] = unpaidPrincipal;
            outDrawn[t] = drawn;
            outDistributed[t] = distributed;
            if (t == maturity)
            {
                result.FleetMarketValue[0] = market;
                result.FleetBookValue[0] = book;
                periodsRun = t + 1;
                break;
            }
        }

        result.FleetUnits[0] = units;
        result.ContractUnits[0] = units1;
        result.ContractUnits[1] = units2;
        result.ContractUnits[2] = units3;
        result.ContractUnits[3] = unitsLab;
        result.PeriodsRun = periodsRun;
        result.PrincipalLoss[0] = loan;
        result.UnpaidInterest[0] = unpaidInterest;
    }

    // Linear principal on what is outstanding and not already in arrears: nothing while interest-only, the rest at
    // maturity.
    double Scheduled(double outstanding, int t) =>
        t >= maturity ? outstanding
        : t >= firstPrincipal ? Math.Min(outstanding, outstanding / (maturity - t + 1))
        : 0.0;

    // The first period a contract that has run stops running (expiry, or its customer's default).
    static void Stopped(int[] stop, int c, int t, double[] live, bool[] atEnd, bool defaulted)
    {
        if (stop[c] < 0 && (live[t] > 0.0 || atEnd[t]) && (defaulted || !atEnd[t]))
        {
            stop[c] = t;
        }
    }

    // The deal the constants above describe: refuse any other, naming what differs.
    static void Require(DealDescription deal)
    {
        var problems = new List<string>();
        if (deal.Name != "CoreWeaveDdtl2")
        {
            problems.Add($"the deal is '{deal.Name}'");
        }

        if (deal.Fleets.Length != 1 || deal.Fleets[0].Batches.Length != Batches || deal.Fleets[0].LifeMonths != 72
            || deal.Fleets[0].IdleCost != IdleCost || deal.Fleets[0].Maintenance != Maintenance
            || deal.Fleets[0].Batches.Select((b, i) => b.Delivered != Delivered[i] || b.Units != BatchUnits || b.UnitCost != UnitCost).Any(x => x))
        {
            problems.Add("the fleet's deliveries, depreciation, maintenance or idle cost differ");
        }

        if (deal.Contracts.Length != 4 || deal.Contracts.Select((c, i) => c.Start != ContractStarts[i] || c.TermMonths != ContractTermMonths[i] || c.Units != ContractUnits).Any(x => x))
        {
            problems.Add("the contracts differ");
        }

        if (deal.Tranches.Length != 1 || deal.Equities.Length != 1 || deal.Indices.Length != 2 || deal.Parties.Length < 2)
        {
            problems.Add($"{deal.Tranches.Length} tranches, {deal.Equities.Length} equities, {deal.Indices.Length} indices (the loop knows 1, 1 and 2)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The hand-written CoreWeave loop knows only examples/coreweave-ddtl2.deal's terms: " + string.Join("; ", problems) + ".", nameof(deal));
        }
    }
}
