using System.Runtime.CompilerServices;
using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A deal's path building split in two (docs/language.md §10, "Scenarios"). Once per deal, here: each facility's
/// unstressed value curve, each period end's days and years from the closing (what the stresses read), each
/// lease's rent before any renewal choice, default or market-rent move (<see cref="LeasePlan"/>: month counts,
/// regular-period day weights and escalation already applied). Per path, <see cref="Fill"/>: the scenario's
/// stresses, renewals, defaults and sale terms applied to those, writing only into the caller's
/// <see cref="PathInputs"/> — no allocation. A path source (<see cref="ScenarioPaths"/>) also keeps, per set of
/// buffers, what a path computed from the scenario's numbers (<see cref="PathMemo"/>), so a path whose market rate,
/// stresses and default dates were seen before costs about a copy of the precompute, less than running the loop
/// (bench/HISTORY.md, "Building a path at numbers seen before, and at new ones"). A path at numbers never seen pays
/// one exponential per distinct lease-year reset of the renewals at market it reaches (leases sharing a reset share
/// it) and one per period of a deflating value: up to about 3x the loop in that section's 100-lease stress, and the
/// floor for these numbers bit for bit.
/// The numbers are those of the direct computation, bit for bit (PathSourceEquivalenceTests).
/// Immutable after construction, so one instance may serve several threads, each with its own inputs.
/// </summary>
public sealed class DealPaths
{
    static readonly ConditionalWeakTable<DealDescription, DealPaths> Cache = [];

    readonly double[][] unstressed;
    readonly double[] unstressedAtClosing;
    readonly int[] daysFromClosing;
    readonly double[] yearsFromClosing;
    readonly LeasePlan[] leases;

    // Each contract's rows as if its customer never defaults, and a row of zeros: what most paths share read-only.
    readonly ContractPlan[] contracts;
    readonly double[] zeros;

    // A row of −1, a loan's periods in no partial-payment window: what a path whose obligor pays in full shares.
    readonly double[] noWindow;

    // Each period's days over 365: a re-let's years in a period it runs through.
    readonly double[] periodYears;

    // Each index's level per period start under the deal's own terms: the row a path without levers on it shares.
    readonly double[][] indexLevels;

    // The distinct resets of the market-rent index over every lease at market (years from the closing, sorted):
    // a path memo's table of powers, one per reset, so leases sharing a reset share one exponential (MonthCount.DeflationFromLog).
    readonly double[] marketYears;

    // [from]: the periods' flags of a party in default from period 'from' on (PartyDefaults.Rows), shared read-only:
    // (periods + 1) × periods bytes, 1.4 MB for a century of months.
    readonly bool[][] defaultRows;

    // Whether a tranche can be called or converted (DealDescription.HasTrancheCalls scans the tranches): read once.
    readonly bool hasTrancheCalls;

    // Each party's own recovery, and the first scalar slots of the parties' recoveries and workout lags (FillParties).
    readonly double[] ownRecovery;
    readonly int partyRecoveryFirst;
    readonly int partyWorkoutFirst;

    // The scalar slots of the sale terms (SaleTerms.Quantities, each over the sales): what a memo replays (FillSales).
    readonly int[] saleSlots;

    /// <summary>The most doubles of shared rent rows a deal keeps (32 MB): far above a real deal's (1,000 leases of
    /// 5 renewal counts over 100 periods keep 500,000), so only a generated extreme falls back to copying.</summary>
    public const long SharedRowBudget = 4_000_000;

    public DealPaths(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deal = deal;
        Layout = InputLayout.Of(deal);
        hasTrancheCalls = deal.HasTrancheCalls;
        ownRecovery = [.. deal.Parties.Select(p => p.Recovery)];
        partyRecoveryFirst = Layout.FirstOf(InputQuantity.PartyRecovery);
        partyWorkoutFirst = Layout.FirstOf(InputQuantity.PartyWorkoutPeriods);
        saleSlots = [.. SaleTerms.Quantities.SelectMany(q => Enumerable.Range(0, deal.Sales.Length).Select(s => Layout.IndexOf(q, s)))];
        Date[] b = deal.Boundaries;
        int n = deal.Periods;
        daysFromClosing = new int[n];
        yearsFromClosing = new double[n];
        for (int t = 0; t < n; t++)
        {
            daysFromClosing[t] = Date.DaysBetween(deal.Closing, b[t + 1]);
            yearsFromClosing[t] = MonthCount.Years(deal.Closing, b[t + 1]);
        }

        indexLevels = new double[deal.Indices.Length][];
        for (int i = 0; i < indexLevels.Length; i++)
        {
            indexLevels[i] = new double[n];
            IndexLevels.Fill(IndexLevels.Terms.Of(deal.Indices[i], null), deal.Indices[i].AnchorIn(deal.Closing), b, indexLevels[i]);
        }

        unstressed = new double[deal.Facilities.Length][];
        unstressedAtClosing = new double[deal.Facilities.Length];
        for (int f = 0; f < unstressed.Length; f++)
        {
            unstressedAtClosing[f] = FacilityValues.Unstressed(deal.Facilities[f], deal.Closing);
            unstressed[f] = new double[n];
            for (int t = 0; t < n; t++)
            {
                unstressed[f][t] = FacilityValues.Unstressed(deal.Facilities[f], b[t + 1]);
            }
        }

        contracts = [.. deal.Contracts.Select(c => new ContractPlan(deal, c))];
        zeros = new double[n];
        noWindow = PartialPayments.NoWindowRow(n);
        defaultRows = PartyDefaults.Rows(n);
        periodYears = ContractRelets.PeriodYears(b, n);
        leases = new LeasePlan[deal.Leases.Length];
        for (int l = 0; l < leases.Length; l++)
        {
            leases[l] = new LeasePlan(deal, deal.Leases[l]);
        }

        var resets = new HashSet<double>();
        foreach (LeasePlan plan in leases)
        {
            plan.AddMarketYears(resets);
        }

        marketYears = [.. resets.Order()];
        foreach (LeasePlan plan in leases)
        {
            plan.BindYears(marketYears);
        }

        // Each lease's rent row per renewal count, shared by the paths the market rate leaves unchanged rather than
        // copied into each (what most of a path's filling was): kept when they fit the budget, else copied as before.
        if (leases.Sum(p => p.RowDoubles) <= SharedRowBudget)
        {
            foreach (LeasePlan plan in leases)
            {
                plan.KeepRows();
            }
        }
    }

    /// <summary>A party's loans' workout lag in periods for <paramref name="months"/> whole months (−1, each loan's own):
    /// rounded up to whole periods as a fixed lag is (docs/language.md §5 "loan", DL0489).</summary>
    internal static int WorkoutPeriods(DealDescription deal, int months)
    {
        if (months < 0)
        {
            return -1; // the scenario sets none (nearly every party and loan on every path): no frequency to look up
        }

        int perPeriod = Frequencies.MonthsPerPeriod(deal.Frequency);
        return (months + perPeriod - 1) / perPeriod;
    }

    /// <summary>The precompute of <paramref name="deal"/>, made on first use and kept while the description lives
    /// (what <see cref="PathBuilder.Build"/> uses, so that a caller holding only a description pays it once).</summary>
    public static DealPaths For(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Cache.GetValue(deal, d => new DealPaths(d));
    }

    public DealDescription Deal { get; }

    /// <summary>The slots <see cref="Fill"/> writes: every slot of the deal's layout.</summary>
    public InputLayout Layout { get; }

    /// <summary>Fills <paramref name="into"/> with <paramref name="scenario"/>'s path. Throws
    /// <see cref="ArgumentException"/> when the scenario does not fit the deal (<see cref="Shapes"/>) or the
    /// buffers were made for another deal.</summary>
    public void Fill(ScenarioSpec scenario, PathInputs into)
    {
        Shapes.Require(Deal, scenario);
        Shapes.Require(Deal, into);
        FillChecked(scenario, into, memo: null);
    }

    /// <summary>A memo for one set of buffers that a path source fills path after path (<see cref="PathMemo"/>).</summary>
    internal PathMemo NewMemo() =>
        new(marketYears, Deal.Periods, Deal.Facilities.Length, [.. Deal.Leases.Select(l => l.RenewalAtMarket)], Deal.Contracts.Length, Deal.Sales.Length);

    /// <summary><see cref="Fill"/> for a scenario and buffers already checked (a path source checks its
    /// scenarios once, not per path). With a <paramref name="memo"/> of these buffers (<see cref="NewMemo"/>), what a
    /// previous path computed at the same numbers is reused rather than recomputed: the same values, bit for bit.</summary>
    internal void FillChecked(ScenarioSpec scenario, PathInputs into, PathMemo? memo) =>
        FillDrawn(scenario, scenario.MarketRentDeflation, null, null, into, memo);

    /// <summary><see cref="FillChecked"/> for a Monte Carlo path (MonteCarlo.StochasticPaths): the same code at the
    /// path's drawn numbers. <paramref name="scenario"/> carries the path's default dates (drawn or the scenario's);
    /// <paramref name="marketRentDeflation"/> replaces the scenario's; a facility's entry of
    /// <paramref name="drawnDeflation"/> that is not NaN replaces its stress's deflation (its drop kept); an index
    /// flagged in <paramref name="drawnIndex"/> is left to the caller, who writes its row.</summary>
    internal void FillDrawn(ScenarioSpec scenario, double marketRentDeflation, double[]? drawnDeflation, bool[]? drawnIndex, PathInputs into, PathMemo? memo)
    {
        DealDescription deal = Deal;
        into.Scenario = scenario.Name;
        for (int f = 0; f < unstressed.Length; f++)
        {
            if (drawnDeflation is not null && !double.IsNaN(drawnDeflation[f]))
            {
                FillDrawnValue(f, scenario.FacilityStress[f], drawnDeflation[f], into);
            }
            else
            {
                FillValue(f, scenario.FacilityStress[f], into, memo);
            }

            // The value at the closing: no deflation has run yet, a drop dated on or before the closing is there in full.
            into.FacilityClosingValue[f] = unstressedAtClosing[f] * FacilityValues.AtClosing(scenario.FacilityStress[f], Deal.Closing);
        }

        if (memo is not null && marketRentDeflation != 0)
        {
            memo.UseMarketRate(marketRentDeflation);
        }

        for (int l = 0; l < leases.Length; l++)
        {
            Date? rvgDay = LeaseTerms.Apply(deal, leases[l], scenario, marketRentDeflation, l, into, memo);
            into.RvgValue[l] = rvgDay is { } day ? RvgValue(l, deal.Leases[l].Facility, day, scenario, drawnDeflation, memo) : 0.0;
            if (deal.ProjectsCfads)
            {
                LeaseTermRents.Fill(deal, leases[l], scenario, marketRentDeflation, l, into.LeaseTermRent[l]);
                BreakNotices.Fill(deal, leases[l], scenario, marketRentDeflation, l, into);
            }
        }

        for (int i = 0; i < indexLevels.Length; i++)
        {
            IndexOverride? levers = scenario.Indices.Length == 0 ? null : scenario.Indices[i];
            if (drawnIndex is null || !drawnIndex[i])
            {
                FillIndex(i, levers, into);
            }

            // The schedule a forward projection of a completion reads: the row without the path's draws, a drawn
            // index's too (docs/language.md §7, "Forward debt service"); the level row itself when nothing draws it.
            if (deal.ProjectsCompletion)
            {
                FillSchedule(i, levers, into);
            }
        }

        PartyDefaults.Fill(deal, scenario, into, defaultRows);
        FillParties(scenario, into.Scalars);

        for (int l = 0; l < deal.Loans.Length; l++)
        {
            into.LoanWorkoutPeriods[l] = WorkoutPeriods(deal, scenario.WorkoutMonthsOfLoan(l));
            // The date itself, not only its period: a loan with instalments, or its maturity, dated inside the deal's
            // periods receives those of its default period dated before it (a drawn default's date is the path's own,
            // set in the scenario).
            into.LoanDefaultDay[l] = scenario.PartyDefaults[deal.Loans[l].Obligor] is { } defaulted ? Date.DaysBetween(deal.Closing, defaulted) : -1;
            // Partial payments (docs/language.md §10, "Partial payments"): each window's periods are those whose ends
            // first reach its dates, as a guarantor's 'disowned from DATE' is; without the lever the obligor pays in full
            // and the path shares the row of no window.
            PartialPayments.Fill(deal, scenario, l, noWindow, into);
        }

        if (deal.HasGuarantees)
        {
            GuarantorTerms.Fill(deal, scenario, into);
        }

        if (hasTrancheCalls)
        {
            TrancheCalls.Fill(deal, scenario, into);
        }

        if (contracts.Length > 0)
        {
            // (the calls skipped where there is nothing to fill cost a deal without contracts or holdings 3 ns a path)
            ContractRelets.Fill(deal, contracts, zeros, periodYears, scenario, into, memo);
        }

        if (deal.ProjectsCfads)
        {
            for (int c = 0; c < contracts.Length; c++)
            {
                BreakNotices.FillContract(deal, contracts[c], scenario, c, into);
            }
        }

        FillSales(scenario, into, memo);

        // A holding's receipts and par come from the held entity's run on the same path (Running/ChainRunner,
        // HoldingFlows), written over these after this fill; a deal run alone holds nothing that pays.
        for (int h = 0; h < into.HoldingReceipts.Length; h++)
        {
            Array.Clear(into.HoldingReceipts[h]);
            Array.Clear(into.HoldingPar[h]);
            Array.Clear(into.HoldingDraws[h]);
            into.HoldingClosingPar[h] = 0.0;
        }

        if (deal.Holdings.Length > 0)
        {
            HoldingMarkets.Fill(deal, scenario, into);
        }
    }

    /// <summary>Each party's recovery (<see cref="ScenarioSpec.RecoveryOf"/>: the scenario's, else its own) and its loans'
    /// workout lag in periods (<see cref="WorkoutPeriods"/>: −1 unless the scenario sets one), written straight into their
    /// scalar slots with the scenario's arrays read once, where through the views and RecoveryOf each party's two slots cost
    /// a dozen loads and checks (a Monte Carlo path draws recoveries and lags into these arrays, so they are read per path).</summary>
    void FillParties(ScenarioSpec scenario, double[] scalars)
    {
        double?[] recoveries = scenario.PartyRecoveries;
        int?[] workouts = scenario.PartyWorkoutMonths;
        Span<double> recovery = scalars.AsSpan(partyRecoveryFirst, ownRecovery.Length);
        Span<double> workout = scalars.AsSpan(partyWorkoutFirst, ownRecovery.Length);
        for (int p = 0; p < recovery.Length; p++)
        {
            recovery[p] = p < recoveries.Length && recoveries[p] is { } r ? r : ownRecovery[p];
            workout[p] = p < workouts.Length && workouts[p] is { } months ? WorkoutPeriods(Deal, months) : -1;
        }
    }

    /// <summary>The sale terms (<see cref="SaleTerms.Fill"/>). They are the scenario's levers over the deal's sales, the same
    /// on every path of the scenario object unless a path draws a re-let's utilisation (<see cref="SaleTerms.FixedFor"/>):
    /// with a memo, the slots the first path of the scenario wrote are copied back from it rather than worked out again
    /// (18 slots a sale and a curve, each an override or the sale's own term, then written through its view: about 15 ns a
    /// sale a path; bench/HISTORY.md, session 2026-12-07i).</summary>
    void FillSales(ScenarioSpec scenario, PathInputs into, PathMemo? memo)
    {
        if (memo is null || !SaleTerms.FixedFor(Deal, scenario))
        {
            SaleTerms.Fill(Deal, scenario, into);
            return;
        }

        double[] scalars = into.Scalars;
        int[] slots = saleSlots;
        bool known = memo.SaleValues(scenario, out double[] values, out ReletCurve?[] curves);
        if (known)
        {
            for (int i = 0; i < slots.Length; i++)
            {
                scalars[slots[i]] = values[i];
            }

            // Each curve stored only where the slot holds another (nearly always the same object, path after path): a
            // span copy of references is a call of its own that takes the GC's write barrier for each (bench/HISTORY.md, session 2026-12-08 (perfcw)).
            ReletCurve?[] saleCurves = into.SaleReletCurve;
            for (int s = 0; s < curves.Length; s++)
            {
                if (!ReferenceEquals(saleCurves[s], curves[s]))
                {
                    saleCurves[s] = curves[s];
                }
            }

            return;
        }

        SaleTerms.Fill(Deal, scenario, into);
        for (int i = 0; i < slots.Length; i++)
        {
            values[i] = scalars[slots[i]];
        }

        into.SaleReletCurve.AsSpan().CopyTo(curves);
        memo.KeepSaleTerms(scenario);
    }

    /// <summary>
    /// The value of facility <paramref name="f"/> on <paramref name="day"/>, the day a lease on it ends, on this path
    /// (docs/language.md §5, "rvg-value"): its curve and the path's stresses evaluated on the day itself, each
    /// exact on any date (a straight line in months, a schedule in days, a deflation in days / 365.25, a drop in days),
    /// by the operations of the period ends' values (so the same bits on a period's end). An end before the closing (a
    /// lessee that defaulted before the deal began, seen in the first period) is valued on the closing.
    /// </summary>
    double RvgValue(int l, int f, Date day, ScenarioSpec scenario, double[]? drawnDeflation, PathMemo? memo)
    {
        if ((uint)f >= (uint)Deal.Facilities.Length)
        {
            // A hand-built description's lease may name a facility it lacks (as LeaseTerms.Lessee allows a lessee it
            // lacks): there is no value to measure, and its program reads none. A compiled deal's lease always has one.
            return 0.0;
        }

        ValueStress stress = scenario.FacilityStress[f];
        double deflatePerYear = drawnDeflation is not null && !double.IsNaN(drawnDeflation[f]) ? drawnDeflation[f] : stress.DeflatePerYear;
        // A lease running its term ends on the same day path after path: its value is the one a previous path computed
        // at the same numbers (a pure function of them, so the same bits), kept in the buffers' memo.
        if (memo is not null && memo.TryRvgValue(l, day, deflatePerYear, stress, out double kept))
        {
            return kept;
        }

        double value = FacilityValues.OnDate(Deal.Facilities[f], stress, deflatePerYear, Deal.Closing, Date.Max(Deal.Closing, day));
        memo?.KeepRvgValue(l, day, deflatePerYear, stress, value);
        return value;
    }

    /// <summary>An index's levels: the deal's row, shared, when the scenario leaves the index alone; else computed
    /// from the overridden terms into the buffers' own row.</summary>
    void FillIndex(int i, IndexOverride? levers, PathInputs inputs)
    {
        if (levers is null)
        {
            inputs.ShareIndexLevel(i, indexLevels[i]);
            return;
        }

        IndexLevels.Fill(IndexLevels.Terms.Of(Deal.Indices[i], levers), Deal.Indices[i].AnchorIn(Deal.Closing), Deal.Boundaries, inputs.OwnIndexLevel(i));
    }

    /// <summary>An index's schedule: as <see cref="FillIndex"/>, by the same terms and code (so a deterministic scenario's
    /// schedule is its level row, bit for bit), into the schedule's slot.</summary>
    void FillSchedule(int i, IndexOverride? levers, PathInputs inputs)
    {
        if (levers is null)
        {
            inputs.ShareIndexSchedule(i, indexLevels[i]);
            return;
        }

        IndexLevels.Fill(IndexLevels.Terms.Of(Deal.Indices[i], levers), Deal.Indices[i].AnchorIn(Deal.Closing), Deal.Boundaries, inputs.OwnIndexSchedule(i));
    }

    /// <summary>The unstressed curve times a drawn deflation and the stress's drop (no memo: a drawn rate is
    /// seldom seen twice).</summary>
    void FillDrawnValue(int f, ValueStress stress, double deflatePerYear, PathInputs inputs)
    {
        double[] curve = unstressed[f];
        double[] values = inputs.OwnFacilityValue(f);
        int span = FacilityValues.DropSpan(stress, Deal.Closing);
        bool deflates = deflatePerYear != 0;
        double log = deflates ? MonthCount.DeflationLog(deflatePerYear) : 0.0; // once for the curve, not once a period
        if (deflates && !(stress.DropFraction != 0 && stress.DropBy is not null))
        {
            // StressFromLog without a drop is its deflation alone (1.0 times it: the same bits), here without the
            // stress's tests and the call each period: Hyperion's drawn values, 68 periods, 376 to 301 ns a path (a probe
            // timing the fill's parts; bench/HISTORY.md, 2026-12-04).
            ReadOnlySpan<double> years = yearsFromClosing.AsSpan(0, values.Length);
            ReadOnlySpan<double> unstressedCurve = curve.AsSpan(0, values.Length);
            for (int t = 0; t < values.Length; t++)
            {
                values[t] = unstressedCurve[t] * MonthCount.DeflationFromLog(log, years[t]);
            }

            return;
        }

        for (int t = 0; t < values.Length; t++)
        {
            values[t] = curve[t] * FacilityValues.StressFromLog(stress, deflates, log, span, daysFromClosing[t], yearsFromClosing[t]);
        }
    }

    /// <summary>The unstressed curve times the scenario's deflation and drop (FacilityValues.StressFromLog, in its
    /// order of operations), from the period ends' precomputed days and years.</summary>
    void FillValue(int f, ValueStress stress, PathInputs inputs, PathMemo? memo)
    {
        double[] curve = unstressed[f];
        bool deflates = stress.DeflatePerYear != 0;
        bool drops = stress.DropFraction != 0 && stress.DropBy is not null;
        if (!deflates && !drops)
        {
            // A factor of exactly 1: the curve itself, shared read-only rather than copied.
            inputs.ShareFacilityValue(f, curve);
            return;
        }

        if (memo is null)
        {
            StressCurve(curve, stress, deflates, inputs.OwnFacilityValue(f));
            return;
        }

        // The memo's curve for these numbers (computed now if the last path stressed the facility otherwise), shared
        // read-only as the unstressed curve is, not copied: the memo belongs to these buffers alone, and it rewrites
        // the curve only while filling them for a later path, when this path's inputs are being replaced anyway.
        double[] kept = memo.Values(f, stress, out bool known);
        if (!known)
        {
            StressCurve(curve, stress, deflates, kept);
            memo.KeepValues(f, stress);
        }

        inputs.ShareFacilityValue(f, kept);
    }

    void StressCurve(double[] curve, ValueStress stress, bool deflates, double[] into)
    {
        int span = FacilityValues.DropSpan(stress, Deal.Closing);
        double log = deflates ? MonthCount.DeflationLog(stress.DeflatePerYear) : 0.0; // once for the curve, not once a period
        for (int t = 0; t < into.Length; t++)
        {
            into[t] = curve[t] * FacilityValues.StressFromLog(stress, deflates, log, span, daysFromClosing[t], yearsFromClosing[t]);
        }
    }
}
