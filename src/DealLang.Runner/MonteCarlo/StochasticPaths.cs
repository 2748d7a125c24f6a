using System.Runtime.CompilerServices;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>A party with a drawn default time: its annual PD and the PD over the deal's horizon it implies,
/// 1 − (1 − PD)^T with T the years (ACT/365F) from the closing to the maturity (the summary's "PD to maturity") —
/// what a simulated default rate is compared with: the share of paths on which the party has defaulted by the
/// maturity, <c>PartyDefaulted[PartyIndex][ScheduledPeriods − 1]</c>, exactly that probability in expectation.</summary>
public sealed record PartyDefaultInput(string Party, int PartyIndex, double AnnualPd, double HorizonPd);

/// <summary>
/// A stochastic scenario as a path source (docs/language.md §10, "Stochastic scenarios"): path i draws its factors
/// and default times from its own Philox stream (seed, i) (<see cref="PathStream"/>; antithetic: path 2k+1 mirrors
/// stream k), writes the index rows it draws itself, and hands the drawn default dates, market-rent deflation and
/// facility deflations to the deterministic path building (<see cref="DealPaths"/>), which derives from them every
/// other input exactly as it does for a deterministic scenario's levers (leases, contracts, relets, RVGs, sales).
/// Path i depends only on (seed, i). Thread-safe for threads filling their own <see cref="PathInputs"/>; a buffer's
/// first path sizes its work arrays, later paths allocate nothing. This file holds the fields, the construction and
/// <see cref="Fill"/>; the draws are in StochasticPaths.Factors.cs, .Defaults.cs, .Options.cs, .Lags.cs, .Shares.cs and .Relets.cs, the
/// stream or Sobol point they read in .Sampling.cs, what a filled path drew is read back in .Replay.cs and .FactorDraws.cs, and a
/// buffer's work arrays are in .Work.cs.
/// </summary>
public sealed partial class StochasticPaths : IPathSource
{
    readonly DealPaths plan;
    readonly ScenarioSpec scenario;
    readonly StochasticSpec spec;
    readonly FactorSpec[] factors;
    readonly int periods;
    readonly double[] lowerNormal;
    readonly double[]? lowerStress;

    // Per period, computed once: the probability of switching regime, −expm1(−λΔ_t), from the normal regime and
    // from the stress one (what each path's switch compares its uniform with).
    readonly double[]? switchToStress, switchToNormal;

    // Per period: its years (ACT/365F between its boundaries) and √(years / T), the weight of its shock in a
    // factor's path shock (the factor's Brownian motion at the horizon over √T, a standard normal).
    readonly double[] dt;
    readonly double[] weight;

    // Per factor and period: the step's coefficients (docs: GBM a = (μ − σ²/2)Δ, s = σ√Δ; OU and log-OU
    // a = e^(−κΔ), s = σ√((1 − e^(−2κΔ)) / 2κ)), log-OU's variance at each period start, and the index's
    // deterministic row (the start level, or log-OU's trend).
    readonly double[][] stepA, stepS, variance, trend;
    readonly int[] jumpFactors;

    // Per jump factor (jumpFactors' order) and period: the Poisson mean λΔ_t and e^(−λΔ_t), its probability of no
    // jump, computed once rather than per path.
    readonly double[][] jumpMean, jumpNone;
    readonly bool[] drawnIndex;
    readonly bool drawsDeflation;
    readonly int marketFactor;

    // Every factor a drawn rate, one regime: nothing reads a factor's per-period shocks, only its path shock, so each
    // path draws the k path shocks directly, Z = L ξ (docs/language.md §10, "Factors"), instead of k normals a period.
    readonly bool direct;

    // `sobol`: the digital shift of each Sobol dimension (factors, drawn defaults, renewal options, drawn delays),
    // drawn from the seed once, and null without `sobol` (docs/language.md §10, "Sobol points").
    readonly uint[]? sobolShift;

    // Drawn defaults: party, loadings, the variance βᵀRβ of Σ β_k Z_k under each regime's correlations R (the normal
    // one, and the stress one with regimes), √(1 − βᵀRβ) under the normal, and the hazard's pieces: from
    // segmentStart[d][i] years on the hazard is hazard[d][i] = −ln(1 − PD_i), with cumulative[d][i] the cumulative
    // hazard at its start.
    readonly DefaultModel[] defaults;
    readonly double[][] segmentStart, hazard, cumulative;
    readonly double[] idiosyncratic, loadedNormal, loadedStress;
    readonly int horizonDays;

    // Drawn renewals (docs/language.md §10, "Drawn renewals"): per model, its lease's (contract's) renewal options, Φ⁻¹
    // of its probability (−∞ at 0%, +∞ at 100%), and its copula's weights as a drawn default's (the loaded variance under
    // each regime, √(1 − βᵀRβ) under the normal one); for a contract's, the levers each count taken writes (the
    // scenario's own with the renewals taken set), made once so that a path allocates nothing; null for a lease's.
    readonly RenewalModel[] renewals;
    readonly int[] renewalOptions;
    readonly double[] renewalThreshold, renewalOwn, renewalNormal, renewalStress;
    readonly ContractLevers[]?[] renewalLevers;

    // Drawn completion delays (docs/language.md §10, "Drawn delays"): each model's rows per outcome, and the indices
    // whose level rows the path source writes itself, drawn by a factor or moved by a drawn delay.
    readonly DrawnDelays delays;
    readonly bool[] writtenIndex;

    // Under `sobol`, the first drawn delay's dimension (after the factors, drawn defaults and renewal options).
    readonly int delayDimension;

    // Drawn breaks (docs/language.md §10, "Drawn breaks"): per model, Φ⁻¹ of each break date's conditional probability
    // (−∞ at 0%, +∞ at 100%), its copula's weights as a drawn renewal's, and the contract levers each outcome writes (the
    // scenario's own with the break month set; the last entry of a row, not broken), made once so that a path allocates
    // nothing: one row, or, for a contract whose renewals are drawn too (a break in a renewal term), one row per count
    // of renewals taken t (0 … N), row t at t × (dates + 1), each with that count set.
    readonly BreakModel[] breaks;
    readonly double[][] breakThreshold;
    readonly double[] breakOwn, breakNormal, breakStress;
    readonly ContractLevers?[][] breakLevers;
    readonly bool[] breakRenewalsDrawn;

    // Under `sobol`, the first drawn break date's dimension (after the drawn delays), and the first renewal term's drawn
    // break date's (after the drawn workout lags).
    readonly int breakDimension, renewalBreakDimension;

    // Drawn workout lags (docs/language.md §10, "Drawn workout lags"): per model, its party and outcomes; under `sobol`,
    // the first one's dimension (after the drawn break dates).
    readonly DrawnWorkouts workouts;
    readonly int workoutDimension;

    // A loan's own drawn workout lag (L workout drawn): per model, its loan and outcomes, drawn after every other draw
    // of the path (the renewal terms' break dates too); under `sobol`, the first one's dimension (after those).
    readonly DrawnWorkouts loanWorkouts;
    readonly int loanWorkoutDimension;

    // Partial payments' shares drawn per path (`L pays beta mean m sd s …`), in the order written, each a beta variate after
    // every other draw of the path (a loan's own drawn workout lag's too), and each one's copula (null unloaded).
    readonly PaymentShareModel[] paymentShares;
    readonly LoadedRecovery?[] loadedShares;

    // Re-lets' utilisations drawn per path (`C relet after D at beta …`, `enforcement relet idle at beta …`), in the order
    // written, each a beta variate after every other draw of the path (the drawn shares' too), and each one's copula.
    readonly ReletUtilisationModel[] reletUtilisations;
    readonly LoadedRecovery?[] loadedRelets;

    // Recoveries drawn for parties whose default the scenario dates (`Tenant defaults on DATE recovery beta …`), in the
    // order written: each a beta variate after every other draw of the path.
    readonly RecoveryModel[] datedRecoveries;

    // Each drawn recovery's loadings on the factors (wrong-way risk), by drawn default and by dated recovery: null for
    // one loaded on none, drawn as the beta variate itself, and for one drawn from outcomes.
    readonly LoadedRecovery?[] loadedRecoveries, loadedDatedRecoveries;

    // Each recovery drawn from outcomes (`recovery drawn at …`), by drawn default and by dated recovery: null for a beta.
    readonly RecoveryOutcomeDraw?[] outcomeRecoveries, outcomeDatedRecoveries;

    // Every party whose recovery a path draws (a drawn default's or a dated default's), in the deal's party order, for
    // its per-path row (ReadDraws).
    readonly int[] recoveryParties;
    readonly bool projectsCompletion;

    // One set of work arrays per set of buffers filled (Work), kept in this table (what a replay or a path's row reads
    // back, ReadFactorDraws) and on the buffers themselves (PathInputs.SourceMemo, tagged with this source's token), where
    // the next path finds it in a load rather than a lookup (as ScenarioPaths keeps its memo). The token rather than the
    // source itself, so that buffers do not keep a source alive.
    readonly ConditionalWeakTable<PathInputs, Work> works = [];
    readonly ConditionalWeakTable<PathInputs, Work>.CreateValueCallback newWork;
    readonly object token = new();

    /// <summary>The stochastic terms this source draws from (its scenario's).</summary>
    internal StochasticSpec Stochastic => scenario.Stochastic!;

    /// <summary>True when <paramref name="scenario"/> has stochastic items (a Monte Carlo scenario).</summary>
    public static bool IsStochastic(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Stochastic is not null;
    }

    /// <summary>The scenario's <c>paths N</c>, else <see cref="StochasticSpec.DefaultPaths"/> (10,000).</summary>
    public static int DefaultPaths(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Stochastic?.Paths ?? StochasticSpec.DefaultPaths;
    }

    /// <summary>The scenario's <c>seed S</c>, else <see cref="StochasticSpec.DefaultSeed"/> (1).</summary>
    public static ulong DefaultSeed(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Stochastic?.Seed ?? StochasticSpec.DefaultSeed;
    }

    /// <summary>Throws <see cref="ArgumentException"/> (a message fit for a user) when the scenario does not fit the
    /// deal, is not stochastic, or its numbers are out of range (what the compiler's checks also reject).</summary>
    public StochasticPaths(DealDescription deal, ScenarioSpec scenario, ulong seed, int paths)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(paths);
        Shapes.Require(deal, scenario);
        if (scenario.Stochastic is not { } s)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no stochastic items: run it with 'deallang run'.", nameof(scenario));
        }

        plan = DealPaths.For(deal);
        this.scenario = scenario;
        spec = s;
        factors = s.Factors;
        Seed = seed;
        Count = paths;
        periods = deal.Periods;
        int k = factors.Length;

        Date[] b = deal.Boundaries;
        horizonDays = Date.DaysBetween(deal.Closing, b[^1]);
        double horizon = horizonDays / 365.0;
        double toMaturity = Date.DaysBetween(deal.Closing, deal.Maturity) / 365.0;
        dt = new double[periods];
        weight = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            dt[t] = Date.DaysBetween(b[t], b[t + 1]) / 365.0;
            weight[t] = horizon > 0 ? Math.Sqrt(dt[t] / horizon) : 0.0;
        }

        lowerNormal = Correlations.Identity(k);
        if (s.Correlation is { } c)
        {
            lowerNormal = Factor(c.Normal, k, "correlation");
            if (c.Stress is not null)
            {
                lowerStress = Factor(c.Stress, k, "stress correlation");
                if (!(c.ToStressPerYear >= 0 && c.ToNormalPerYear >= 0 && double.IsFinite(c.ToStressPerYear) && double.IsFinite(c.ToNormalPerYear)))
                {
                    throw Bad("its regime intensities are not finite rates of 0 or more a year");
                }

                switchToStress = new double[periods];
                switchToNormal = new double[periods];
                for (int t = 0; t < periods; t++)
                {
                    switchToStress[t] = -double.ExpM1(-c.ToStressPerYear * dt[t]);
                    switchToNormal[t] = -double.ExpM1(-c.ToNormalPerYear * dt[t]);
                }
            }
        }

        stepA = new double[k][];
        stepS = new double[k][];
        variance = new double[k][];
        trend = new double[k][];
        drawnIndex = new bool[deal.Indices.Length];
        marketFactor = -1;
        var jumps = new List<int>();
        for (int f = 0; f < k; f++)
        {
            FactorSpec factor = factors[f];
            CheckFactor(deal, factor);
            if (factor.Target == FactorTarget.Index)
            {
                drawnIndex[factor.Entity] = true;
                trend[f] = new double[periods];
                IndexOverride? levers = scenario.Indices.Length == 0 ? null : scenario.Indices[factor.Entity];
                IndexLevels.Fill(IndexLevels.Terms.Of(deal.Indices[factor.Entity], levers), deal.Indices[factor.Entity].AnchorIn(deal.Closing), b, trend[f]);
                Coefficients(factor, out stepA[f], out stepS[f], out variance[f]);
                if (factor.JumpIntensity > 0)
                {
                    jumps.Add(f);
                }
            }
            else if (factor.Target == FactorTarget.FacilityDeflation)
            {
                drawsDeflation = true;
            }
            else
            {
                marketFactor = f;
            }
        }

        jumpFactors = [.. jumps];
        direct = lowerStress is null && Array.TrueForAll(factors, f => f.Process == FactorProcess.DrawnRate);
        jumpMean = new double[jumpFactors.Length][];
        jumpNone = new double[jumpFactors.Length][];
        for (int j = 0; j < jumpFactors.Length; j++)
        {
            jumpMean[j] = new double[periods];
            jumpNone[j] = new double[periods];
            for (int t = 0; t < periods; t++)
            {
                jumpMean[j][t] = factors[jumpFactors[j]].JumpIntensity * dt[t];
                jumpNone[j][t] = Math.Exp(-jumpMean[j][t]);
            }
        }

        defaults = s.Defaults;
        segmentStart = new double[defaults.Length][];
        hazard = new double[defaults.Length][];
        cumulative = new double[defaults.Length][];
        idiosyncratic = new double[defaults.Length];
        loadedNormal = new double[defaults.Length];
        loadedStress = new double[defaults.Length];
        loadedRecoveries = new LoadedRecovery?[defaults.Length];
        outcomeRecoveries = new RecoveryOutcomeDraw?[defaults.Length];
        var inputs = new PartyDefaultInput[defaults.Length];
        for (int d = 0; d < defaults.Length; d++)
        {
            inputs[d] = SetUpDefault(deal, scenario, s, k, d, toMaturity);
        }

        DefaultInputs = inputs;
        renewals = s.Renewals ?? [];
        renewalOptions = new int[renewals.Length];
        renewalThreshold = new double[renewals.Length];
        renewalOwn = new double[renewals.Length];
        renewalNormal = new double[renewals.Length];
        renewalStress = new double[renewals.Length];
        renewalLevers = new ContractLevers[]?[renewals.Length];
        for (int r = 0; r < renewals.Length; r++)
        {
            SetUpRenewal(deal, scenario, s, k, r);
        }

        delays = new DrawnDelays(deal, scenario, s.Delays ?? [], drawnIndex, k, s.Correlation, lowerStress is not null, Bad);
        writtenIndex = (bool[])drawnIndex.Clone();
        for (int d = 0; d < delays.Count; d++)
        {
            writtenIndex[delays[d].Index] = true;
        }

        datedRecoveries = s.Recoveries ?? [];
        loadedDatedRecoveries = new LoadedRecovery?[datedRecoveries.Length];
        outcomeDatedRecoveries = new RecoveryOutcomeDraw?[datedRecoveries.Length];
        for (int m = 0; m < datedRecoveries.Length; m++)
        {
            SetUpDatedRecovery(deal, scenario, s, k, m);
        }

        breaks = s.Breaks ?? [];
        breakThreshold = new double[breaks.Length][];
        breakOwn = new double[breaks.Length];
        breakNormal = new double[breaks.Length];
        breakStress = new double[breaks.Length];
        breakLevers = new ContractLevers?[breaks.Length][];
        breakRenewalsDrawn = new bool[breaks.Length];
        for (int m = 0; m < breaks.Length; m++)
        {
            SetUpBreak(deal, scenario, s, k, m);
        }

        workouts = new DrawnWorkouts(deal, s.Workouts ?? [], k, s.Correlation, lowerStress is not null, Bad);
        if ((s.Workouts ?? []).Any(m => m.Loan >= 0) || (s.LoanWorkouts ?? []).Any(m => m.Loan < 0))
        {
            throw Bad("a party's drawn workout lag is listed with the loans' or a loan's with the parties'");
        }

        loanWorkouts = new DrawnWorkouts(deal, s.LoanWorkouts ?? [], k, s.Correlation, lowerStress is not null, Bad);
        paymentShares = s.PaymentShares ?? [];
        loadedShares = new LoadedRecovery?[paymentShares.Length];
        for (int m = 0; m < paymentShares.Length; m++)
        {
            SetUpPaymentShare(deal, scenario, k, s.Correlation, m);
        }

        reletUtilisations = s.ReletUtilisations ?? [];
        loadedRelets = new LoadedRecovery?[reletUtilisations.Length];
        for (int m = 0; m < reletUtilisations.Length; m++)
        {
            SetUpReletUtilisation(deal, scenario, k, s.Correlation, m);
        }

        var drawsRecovery = new bool[deal.Parties.Length];
        foreach (DefaultModel model in defaults.Where(m => m.Recovery is not null))
        {
            drawsRecovery[model.Party] = true;
        }

        foreach (RecoveryModel model in datedRecoveries)
        {
            drawsRecovery[model.Party] = true;
        }

        recoveryParties = [.. Enumerable.Range(0, deal.Parties.Length).Where(p => drawsRecovery[p])];
        projectsCompletion = deal.ProjectsCompletion;
        // The Sobol dimensions in the order a path takes them: factors, drawn defaults, renewal options, drawn delays,
        // the initial terms' drawn breaks' dates, drawn workout lags, the renewal terms' drawn breaks' dates, the loans'
        // own drawn workout lags.
        delayDimension = k + defaults.Length + renewalOptions.Sum();
        breakDimension = delayDimension + delays.Count;
        workoutDimension = breakDimension + breaks.Where(b => b.Renewal == 0).Sum(b => b.Months.Length);
        renewalBreakDimension = workoutDimension + workouts.Count;
        loanWorkoutDimension = renewalBreakDimension + breaks.Where(b => b.Renewal > 0).Sum(b => b.Months.Length);
        int sobolDimensions = loanWorkoutDimension + loanWorkouts.Count;
        if (s.Sobol)
        {
            if (s.Antithetic || !direct || sobolDimensions > SobolPoints.MaxDimensions)
            {
                throw Bad($"'sobol' needs every factor a drawn rate, one regime, no 'antithetic' and at most {SobolPoints.MaxDimensions} factors, drawn defaults, drawn renewal options, drawn delays, drawn break dates and drawn workout lags together");
            }

            sobolShift = SobolShift(seed, sobolDimensions);
        }

        // The buffers' shape is checked when their work is made, once (as ScenarioPaths checks them with their memo).
        newWork = buffers =>
        {
            Shapes.Require(deal, buffers);
            return new Work(deal, scenario, plan, k, jumpFactors.Length, delays.Count) { Source = token };
        };
    }

    public DealDescription Deal => plan.Deal;

    public int Count { get; }

    public ulong Seed { get; }

    /// <summary>Each party with a drawn default time, in the scenario's order.</summary>
    public IReadOnlyList<PartyDefaultInput> DefaultInputs { get; }

    public void Fill(int path, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        Work w = WorkOf(into);
        uint stream = spec.Antithetic ? (uint)(path >> 1) : (uint)path;
        var rng = new PathStream(Seed, stream, spec.Antithetic && (path & 1) == 1);
        if (sobolShift is not null)
        {
            DrawPathShocks((uint)path, w);
        }
        else if (direct)
        {
            DrawPathShocks(ref rng, w);
        }
        else
        {
            DrawFactors(ref rng, w, into);
        }

        DrawDefaults(ref rng, w, (uint)path);
        DrawRecoveries(ref rng, w);
        DrawRenewals(ref rng, w, (uint)path);
        DrawDelays(ref rng, w, (uint)path);
        DrawDatedRecoveries(ref rng, w);
        DrawBreaks(ref rng, w, (uint)path);
        DrawWorkouts(ref rng, w, (uint)path);
        DrawRenewalBreaks(ref rng, w, (uint)path);
        DrawLoanWorkouts(ref rng, w, (uint)path);
        DrawPaymentShares(ref rng, w);
        DrawReletUtilisations(ref rng, w);

        double market = marketFactor >= 0 ? Drawn(factors[marketFactor], w.Shock[marketFactor]) : scenario.MarketRentDeflation;
        w.Market = market;
        double[]? deflation = null;
        if (drawsDeflation)
        {
            deflation = w.Deflation;
            Array.Fill(deflation, double.NaN);
            for (int f = 0; f < factors.Length; f++)
            {
                if (factors[f].Target == FactorTarget.FacilityDeflation)
                {
                    deflation[factors[f].Entity] = Drawn(factors[f], w.Shock[f]);
                }
            }
        }

        plan.FillDrawn(w.Scenario, market, deflation, writtenIndex, into, w.Memo);
        for (int d = 0; d < delays.Count; d++)
        {
            // The path's delayed row is its levels and, where a forward test reads the completion ahead, its schedule
            // too: the delay is drawn at the closing, so the path knows its own schedule from the start.
            double[] row = delays.Row(d, w.DelayOutcome[d]);
            into.ShareIndexLevel(delays[d].Index, row);
            if (projectsCompletion)
            {
                into.ShareIndexSchedule(delays[d].Index, row);
            }
        }

        // A call decided in the run reads the path's own levels, drawn and delayed ones written only now.
        TrancheCalls.FillWhen(plan.Deal, w.Scenario, into);
    }

    /// <summary>The buffers' work arrays: those kept on them when this source filled them last, else the table's (made
    /// on first use), then kept on them.</summary>
    Work WorkOf(PathInputs into)
    {
        if (into.SourceMemo is Work kept && ReferenceEquals(kept.Source, token))
        {
            return kept;
        }

        Work w = works.GetValue(into, newWork);
        into.SourceMemo = w;
        return w;
    }

    ArgumentException Bad(string what) => new($"Stochastic scenario '{scenario.Name}': {what}.", "scenario");
}
