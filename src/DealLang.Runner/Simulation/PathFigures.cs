using DealLang.Runner.Analytics;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// One path's figures, read from its finished <see cref="RunResult"/> (summary-only is enough) and its
/// <see cref="PathInputs"/> into buffers made once, with no allocation: per tranche its principal loss (and as a
/// share of the principal funded), its unpaid interest, IRR and WAL; per equity its IRR; what the run ended owing of
/// each fee, fleet's opex, commitment fee and guarantee fee (<see cref="Unpaid"/>); per party whether it had
/// defaulted by the end of the last period; the event of default and the sale. The IRR and WAL are those of the path's
/// <see cref="ScenarioOutcome"/> (<see cref="TrancheSummary"/>, <see cref="EquitySummary"/>) bit for bit: the same
/// flows, ACT/365F years from closing, the same solver, with the deal's flow times matched once
/// (<see cref="FlowTimes"/>). A Monte Carlo run's per-path rows (<c>--paths-out</c>) are these figures.
/// </summary>
public sealed class PathFigures
{
    // The IRR's flows: times[0] = 0 (closing) and times[t + 1] the end of period t in ACT/365F years, made once;
    // amounts rewritten for each tranche and equity of each path.
    readonly double[] times;
    readonly FlowTimes flowTimes;
    readonly double[] amounts;

    // [tranche]: the principal funded on the path read last (the balance at closing plus every draw).
    readonly double[] funded;

    // [tranche]: its issue price and balance at closing, read once rather than from the deal's records path after path.
    readonly double[] issuePrice;
    readonly double[] balance;

    // The flows of an equity (or LP class) with dated capital calls: the period ends, then each call at its own date
    // (docs/language.md §5 "Commitments drawn over time"), as the scenario's summary solves them (InvestorFlows).
    readonly double[] calledTimes;
    readonly double[] calledAmounts;

    /// <param name="deal">The deal whose paths are read.</param>
    /// <param name="solveEquityIrr">Whether to solve each equity's IRR (one solve per equity and path); when false
    /// they stay NaN.</param>
    public PathFigures(DealDescription deal, bool solveEquityIrr = true)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deal = deal;
        SolvesEquityIrr = solveEquityIrr;
        int tranches = deal.Tranches.Length;
        Loss = new double[tranches];
        funded = new double[tranches];
        issuePrice = [.. deal.Tranches.Select(t => t.IssuePrice)];
        balance = [.. deal.Tranches.Select(t => t.Balance)];
        LossShare = new double[tranches];
        UnpaidInterest = new double[tranches];
        Irr = new double[tranches];
        Wal = new double[tranches];
        EquityIrr = new double[deal.Equities.Length];
        Array.Fill(EquityIrr, double.NaN);
        PartyDefaulted = new bool[deal.Parties.Length];
        times = new double[deal.Periods + 1];
        amounts = new double[deal.Periods + 1];
        PeriodYears.Fill(deal, times.AsSpan(1));
        flowTimes = new FlowTimes(times);
        GuaranteeCost = new double[deal.Guarantees.Length];
        GuaranteeFee = new double[deal.Guarantees.Length];
        Held = HeldTranche.Of(deal);
        HoldersLoss = new double[Held.Length];
        HoldersLossShare = new double[Held.Length];
        HoldersUnpaidInterest = new double[Held.Length];
        HoldersIrr = new double[Held.Length];
        LpClasses = LpClass.Of(deal);
        Funds = [.. Enumerable.Range(0, deal.Equities.Length).Where(e => deal.Equities[e].Carry is not null)];
        GpCarry = new double[Funds.Length];
        CarryUnpaid = new double[Funds.Length];
        LpDistributions = new double[LpClasses.Length];
        LpIrr = new double[LpClasses.Length];
        LpLoss = new double[LpClasses.Length];
        datedCalls = [.. deal.Equities.Select(q => CarrySplit.CallsOf(deal, q))];
        int mostCalls = datedCalls.Length == 0 ? 0 : datedCalls.Max(c => c.Length);
        split = new LpClassSplit(deal.Periods, mostCalls, deal.Holdings.Length);
        calledTimes = new double[deal.Periods + 1 + mostCalls];
        calledAmounts = new double[calledTimes.Length];
        UnpaidItems = UnpaidAtEnd.Of(deal);
        Unpaid = new double[UnpaidItems.Length];
    }

    /// <summary>What the deal can end owing (<see cref="UnpaidAtEnd.Of"/>): the items of <see cref="Unpaid"/>.</summary>
    public UnpaidAtEnd[] UnpaidItems { get; }

    /// <summary>[item of <see cref="UnpaidItems"/>]: what the path ended owing of it, the summary's <c>unpaid at end</c>
    /// (a fee's), <c>opex unpaid at end</c>, <c>commitment fee unpaid at end</c> or <c>guarantee fee unpaid at end</c>
    /// to the bit: read from the stores the run writes once after its loop (docs/language.md, "unpaid at end").</summary>
    public double[] Unpaid { get; }

    // A fund's split of one path's distributions between an LP class and its GP, buffers made once (the summary's split).
    readonly LpClassSplit split;
    // Per equity, its dated calls at their times (ACT/365F from the closing, as the summary's).
    readonly CarrySplit.Call[][] datedCalls;

    /// <summary>[guarantee]: what its guarantor paid under it over the run less what it got back (its subrogation) and
    /// less the guarantee fee it was paid (<see cref="GuaranteeFee"/>): the guarantor's net cost, a state's fiscal cost,
    /// negative where it got back more than it paid, fees included (docs/language.md §12, "Monte Carlo results").</summary>
    public double[] GuaranteeCost { get; }

    /// <summary>[guarantee]: the guarantee fee the issuer paid its guarantor over the run (0 behind a lease or a
    /// contract), the summary's <c>guarantee fee received</c>.</summary>
    public double[] GuaranteeFee { get; }

    /// <summary>The tranches behind a guarantor, in guarantee order: the holders' figures below are theirs.</summary>
    public HeldTranche[] Held { get; }

    /// <summary>[held tranche]: its holders' principal loss, what neither the issuer nor the guarantor paid them, the
    /// issuer's loss less the guarantor's subrogated principal at the end, max(0, loss − S) (the summary's
    /// <c>holders' loss with guarantee</c> is it plus <see cref="HoldersUnpaidInterest"/>; docs/language.md §5 "Guarantors").</summary>
    public double[] HoldersLoss { get; }

    /// <summary>[held tranche]: <see cref="HoldersLoss"/> over the principal funded (as <see cref="LossShare"/>).</summary>
    public double[] HoldersLossShare { get; }

    /// <summary>[held tranche]: the holders' interest never paid them, max(0, unpaid interest − A), A the guarantor's
    /// interest arrears at the end.</summary>
    public double[] HoldersUnpaidInterest { get; }

    /// <summary>[held tranche]: the holders' IRR, on the issuer's interest and principal plus the guarantor's payments
    /// less what it got back, the summary's <c>holders' IRR with guarantee</c> (NaN where it has none).</summary>
    public double[] HoldersIrr { get; }

    /// <summary>The LP classes of the deal's funds (equities with a carry), in equity then holder order.</summary>
    public LpClass[] LpClasses { get; }

    /// <summary>The equities with a carry, in declaration order.</summary>
    public int[] Funds { get; }

    /// <summary>[fund]: the GP's carry over the run.</summary>
    public double[] GpCarry { get; }

    /// <summary>[fund]: its deal-by-deal carry still owed the GP at the run's end, deferred for want of a distribution and
    /// never paid (the LPs kept it), Σ over its LP classes as the summary's <c>carry unpaid at end</c>; 0 under a
    /// whole-fund carry, which the GP takes only from a distribution.</summary>
    public double[] CarryUnpaid { get; }

    /// <summary>[LP class]: what it received over the run (its share of the LPs' part).</summary>
    public double[] LpDistributions { get; }

    /// <summary>[LP class]: its IRR (NaN where it has none, or when equity IRRs are not solved).</summary>
    public double[] LpIrr { get; }

    /// <summary>[LP class]: its loss, its capital less what it received, never below 0.</summary>
    public double[] LpLoss { get; }

    public DealDescription Deal { get; }

    /// <summary>Whether each equity's IRR is solved.</summary>
    public bool SolvesEquityIrr { get; }

    /// <summary>The path read last (−1 before any).</summary>
    public int Path { get; private set; } = -1;

    /// <summary>[tranche]: principal never repaid.</summary>
    public double[] Loss { get; }

    /// <summary>[tranche]: the loss over the principal funded (the balance at closing plus every draw); NaN when
    /// nothing was funded.</summary>
    public double[] LossShare { get; }

    /// <summary>[tranche]: interest due and never paid.</summary>
    public double[] UnpaidInterest { get; }

    /// <summary>[tranche]: its IRR (NaN where it has none).</summary>
    public double[] Irr { get; }

    /// <summary>[tranche]: its WAL in years (NaN where no principal was paid).</summary>
    public double[] Wal { get; }

    /// <summary>[equity]: its IRR (NaN where it has none, or when not solved).</summary>
    public double[] EquityIrr { get; }

    /// <summary>[party]: whether it had defaulted by the end of the last period (its flag there: the horizon of a
    /// stochastic scenario's input PD, StochasticPaths.DefaultInputs).</summary>
    public bool[] PartyDefaulted { get; }

    /// <summary>Whether the path had an event of default.</summary>
    public bool EventOfDefault { get; private set; }

    /// <summary>Whether enforcement sold the collateral.</summary>
    public bool Sale { get; private set; }

    /// <summary>Reads path <paramref name="path"/>'s figures from its result and inputs.</summary>
    public void Read(int path, RunResult result, PathInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Read(result);
        int periods = Math.Clamp(result.PeriodsRun, 0, Deal.Periods);
        ReadGuarantees(result, periods);
        ReadFunds(result, periods, times.AsSpan(1, periods), inputs);
        Path = path;
        // Defaulted by the maturity's period: what the input PD to maturity (PartyDefaultInput.HorizonPd) predicts,
        // not by the end of the workout periods after it, which would count later defaults too.
        int last = Deal.ScheduledPeriods - 1;
        bool[][] defaulted = inputs.PartyDefaulted;
        for (int p = 0; p < PartyDefaulted.Length; p++)
        {
            PartyDefaulted[p] = last >= 0 && p < defaulted.Length && defaulted[p][last];
        }
    }

    /// <summary>Reads the result's tranche and equity figures (the guaranteed tranches' holders' too), what the run ended
    /// owing, and the events (the party flags, the guarantees' costs and the funds' LP figures are left as they were; the
    /// engine's <see cref="Read(int, RunResult, PathInputs)"/> reads those too).</summary>
    public void Read(RunResult result)
    {
        ReadInvestors(result);
        int periods = Math.Clamp(result.PeriodsRun, 0, Deal.Periods);
        if (Held.Length > 0)
        {
            ReadHolders(result, periods);
        }

        for (int u = 0; u < Unpaid.Length; u++)
        {
            Unpaid[u] = UnpaidItems[u].Read(result);
        }

        EventOfDefault = result.EventOfDefaultPeriod >= 0;
        Sale = result.SalePeriod >= 0;
    }

    /// <summary>Reads what <see cref="Running.PathSummaries"/> adds up and nothing else: each tranche's figures (its loss,
    /// IRR and WAL) and each equity's IRR. The guaranteed tranches' holders' figures (an IRR solve each), what the run
    /// ended owing, and the events are left as they were: the summaries read none of them (the events they read from the
    /// result), and a path's time around its loop is issue 8's target 3 (bench/README.md).</summary>
    internal void ReadInvestors(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.PrincipalLoss.Length != Loss.Length || result.Distributions.Length != EquityIrr.Length || result.Collections.Length != Deal.Periods)
        {
            throw new ArgumentException($"The result was made for another deal than '{Deal.Name}'.", nameof(result));
        }

        int periods = Math.Clamp(result.PeriodsRun, 0, Deal.Periods);
        ReadOnlySpan<double> years = times.AsSpan(1, periods);
        // The rows read as spans of the periods run, the same length as the flows written: no bounds check per period.
        Span<double> flows = amounts.AsSpan(1, periods);
        for (int i = 0; i < Loss.Length; i++)
        {
            ReadOnlySpan<double> interest = result.InterestPaid[i].AsSpan(0, flows.Length);
            ReadOnlySpan<double> principal = result.PrincipalPaid[i].AsSpan(0, flows.Length);
            ReadOnlySpan<double> drawn = result.TrancheDrawn[i].AsSpan(0, flows.Length);
            ReadOnlySpan<double> shares = result.TrancheConversion[i].AsSpan(0, flows.Length); // a convertible's shares, a flow to the holder (TrancheSummaries)
            double price = issuePrice[i];
            amounts[0] = -price * balance[i]; // bought at the issue price, each draw too (TrancheSummaries)

            // The flows, the draws, the WAL's sums (Wal.Compute's, in its order, so its figure to the bit) and the IRR's
            // scan (where the sign changes, and the two groups' moments at 0%) in one pass.
            Span<double> tranche = amounts.AsSpan(0, periods + 1);
            bool scanned = TrancheFlows.Form(times.AsSpan(0, periods + 1), tranche, interest, principal, shares, drawn, price,
                out double draws, out double weighted, out double repaid, out int split, out GroupMoments before, out GroupMoments after);

            // The balance plus the draws' sum, added in TrancheSummaries' order, so a path's loss share is the scenario
            // summary's to the bit (the balance first, then each draw, rounds differently).
            double funded = balance[i] + draws;
            this.funded[i] = funded;
            Loss[i] = result.PrincipalLoss[i];
            LossShare[i] = funded == 0 ? double.NaN : result.PrincipalLoss[i] / funded;
            UnpaidInterest[i] = result.UnpaidInterest[i];

            // Paid in (the price, any draws), then paid back: the scan is made. Otherwise (a flow not finite, nothing
            // back, a draw after a payment back) the solver scans the flows itself.
            Irr[i] = scanned
                ? Analytics.InvestorIrr.SolveScanned(flowTimes, tranche, split, before, after)
                : Analytics.InvestorIrr.Solve(flowTimes, tranche);
            Wal[i] = repaid == 0.0 ? double.NaN : weighted / repaid; // Wal.Compute over years and principal
        }

        for (int e = 0; e < (SolvesEquityIrr ? EquityIrr.Length : 0); e++)
        {
            ReadOnlySpan<double> distributions = result.Distributions[e].AsSpan(0, flows.Length);
            ReadOnlySpan<double> injections = result.Injections[e].AsSpan(0, flows.Length); // equity cures: paid in, a negative flow
            CarrySplit.Call[] dated = datedCalls[e];
            if (dated.Length > 0)
            {
                // capital calls: each at its date, as the summary counts them
                int made = CarrySplit.CallsReached(dated, years, periods);
                EquityIrr[e] = InvestorFlows.Irr(years, Deal.Equities[e].Contributed, dated.AsSpan(0, made), distributions, injections, periods, 1.0,
                    calledTimes, calledAmounts);
                continue;
            }

            amounts[0] = -Deal.Equities[e].Contributed;
            for (int t = 0; t < flows.Length; t++)
            {
                flows[t] = distributions[t] - injections[t] + 0.0;
            }

            EquityIrr[e] = Analytics.InvestorIrr.Solve(flowTimes, amounts.AsSpan(0, periods + 1));
        }
    }

    // Each guaranteed tranche's holders' figures, as the summary reads them (TrancheSummaries.WithGuarantee): the
    // issuer's shortfall less the guarantor's claim at the end (its subrogated principal S and interest arrears A), and
    // the IRR on the issuer's interest plus the guarantor's payments less its recoveries, then its principal and a
    // convertible's shares (HoldersFlows, the summary's), so a path's holders' IRR is the replayed summary's to the bit.
    void ReadHolders(RunResult result, int periods)
    {
        Span<double> flows = amounts.AsSpan(1, periods);
        for (int h = 0; h < Held.Length; h++)
        {
            int i = Held[h].Tranche, g = Held[h].Guarantee;
            double subrogated = periods == 0 ? 0.0 : result.GuarantorPrincipal[g][periods - 1];
            double arrears = periods == 0 ? 0.0 : result.GuarantorInterest[g][periods - 1];
            // Each under half a cent none, as the summary's (TrancheSummaries): after a guarantor pays the whole balance its
            // subrogated principal can sit a last bit below the issuer's loss, which a loss histogram would read as a loss.
            HoldersLoss[h] = periods == 0 ? 0.0 : Flows.Shortfall(Loss[i], subrogated);
            HoldersUnpaidInterest[h] = periods == 0 ? 0.0 : Flows.Shortfall(UnpaidInterest[i], arrears);
            HoldersLossShare[h] = funded[i] == 0 ? double.NaN : HoldersLoss[h] / funded[i];
            TrancheInfo tranche = Deal.Tranches[i];
            amounts[0] = -(tranche.IssuePrice * tranche.Balance);
            Analytics.HoldersFlows.Form(flows, result, i, g, tranche.IssuePrice);
            HoldersIrr[h] = Analytics.InvestorIrr.Solve(flowTimes, amounts.AsSpan(0, periods + 1));
        }
    }

    // What each guarantor paid over the run less what it got back and less the guarantee fee it was paid.
    void ReadGuarantees(RunResult result, int periods)
    {
        for (int g = 0; g < GuaranteeCost.Length; g++)
        {
            double paid = 0, recovered = 0;
            double[] paidRow = result.GuaranteePaid[g];
            double[] recoveredRow = result.GuaranteeRecovered[g];
            for (int t = 0; t < periods; t++)
            {
                paid += paidRow[t];
                recovered += recoveredRow[t];
            }

            // Its net cost, signed as the summary's (GuaranteeSummary.NetCost, bit for bit): a tranche's guarantor can get
            // back more than it paid (the coupon on its advance, docs/language.md §5 "Guarantors"), and its fees can
            // exceed both. GuaranteeTotals floors it for P(pays anything) only.
            GuaranteeFee[g] = GuaranteeSummaries.FeeReceived(Deal.Guarantees[g], result, periods);
            GuaranteeCost[g] = paid - recovered - GuaranteeFee[g];
        }
    }

    // Each fund's distributions split between LPs and GP as the summary splits them (EquitySummaries.WithCarry):
    // each LP class on its share of the distributions, the cures and the dated calls, on its own terms (its own or
    // the equity's); its capital (its share of the contribution, the calls made and any cures), its IRR and its loss.
    // A deal-by-deal carry is split per holding as the summary splits it, by the path's holdings' receipts, in buffers
    // made once (LpClassSplit.DealByDeal).
    void ReadFunds(RunResult result, int periods, ReadOnlySpan<double> years, PathInputs? inputs)
    {
        int lp = 0;
        for (int f = 0; f < Funds.Length; f++)
        {
            int e = Funds[f];
            EquityInfo equity = Deal.Equities[e];
            double[] distributions = result.Distributions[e];
            double[] injections = result.Injections[e];
            CarrySplit.Call[] dated = datedCalls[e];
            bool dealByDeal = equity.Carry!.DealByDeal && split.DealByDeal is not null && inputs is not null;
            if (dealByDeal)
            {
                split.DealByDeal!.Allocate(Deal, inputs, result, periods, e); // the fund's holdings on this path, for each class below
            }

            int made = CarrySplit.CallsReached(dated, years, periods);
            double calledIn = 0;
            for (int c = 0; c < made; c++)
            {
                calledIn += dated[c].Amount;
            }

            double paidIn = 0;
            for (int t = 0; t < periods; t++)
            {
                paidIn += injections[t];
            }

            double toGp = 0, unpaid = 0;
            for (; lp < LpClasses.Length && LpClasses[lp].Equity == e; lp++)
            {
                LpClass lpClass = LpClasses[lp];
                double share = lpClass.Share;
                split.Split(lpClass.Terms, share, equity.Contributed, dated.AsSpan(0, made), distributions, injections, years, periods, dealByDeal);
                double[] lpPart = split.Lps, gpPart = split.Gp;
                double toLps = 0;
                for (int t = 0; t < periods; t++)
                {
                    toLps += lpPart[t];
                    toGp += gpPart[t];
                }

                unpaid += split.Unpaid; // summed over the classes in their order, as EquitySummaries sums it
                double capital = share * (equity.Contributed + calledIn + paidIn);
                LpDistributions[lp] = toLps;
                LpLoss[lp] = Math.Max(0.0, capital - toLps);
                if (!SolvesEquityIrr)
                {
                    LpIrr[lp] = double.NaN;
                    continue;
                }

                if (dated.Length > 0)
                {
                    // as the equity's IRR: each call at its date, the summary's flows
                    LpIrr[lp] = InvestorFlows.Irr(years, equity.Contributed, dated.AsSpan(0, made), lpPart, injections, periods, share,
                        calledTimes, calledAmounts);
                    continue;
                }

                amounts[0] = -share * equity.Contributed;
                for (int t = 0; t < periods; t++)
                {
                    amounts[t + 1] = lpPart[t] - (share * injections[t]) + 0.0;
                }

                LpIrr[lp] = Analytics.InvestorIrr.Solve(flowTimes, amounts.AsSpan(0, periods + 1));
            }

            GpCarry[f] = toGp;
            CarryUnpaid[f] = unpaid;
        }
    }
}

/// <summary>One LP class of a fund (docs/language.md §5, "A fund's LPs"): equity <see cref="Equity"/>'s holder
/// <see cref="Holder"/> with its share of the LPs' part (the equity itself, share 1, without holders).</summary>
public sealed record LpClass(int Equity, string Holder, double Share, CarryTerms Terms)
{
    /// <summary>The LP classes of every equity with a carry, in equity then holder order.</summary>
    public static LpClass[] Of(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var classes = new List<LpClass>();
        for (int e = 0; e < deal.Equities.Length; e++)
        {
            EquityInfo equity = deal.Equities[e];
            if (equity.Carry is null)
            {
                continue;
            }

            if (equity.Holders.Length == 0)
            {
                classes.Add(new LpClass(e, equity.Name, 1.0, equity.Carry));
            }

            foreach (EquityHolder holder in equity.Holders)
            {
                string name = holder.Party >= 0 && holder.Party < deal.Parties.Length ? deal.Parties[holder.Party].Name : "party " + holder.Party.ToString(System.Globalization.CultureInfo.InvariantCulture);
                classes.Add(new LpClass(e, name, holder.Share, holder.Terms ?? equity.Carry));
            }
        }

        return [.. classes];
    }

    /// <summary>Its name in reports: <c>Investors LP Pension</c>, as the chain report's.</summary>
    public string Label(DealDescription deal) => deal.Equities[Equity].Name + " LP " + Holder;
}
