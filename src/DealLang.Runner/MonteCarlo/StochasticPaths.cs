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
/// first path sizes its work arrays, later paths allocate nothing.
/// </summary>
public sealed class StochasticPaths : IPathSource
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

    readonly ConditionalWeakTable<PathInputs, Work> works = [];
    readonly ConditionalWeakTable<PathInputs, Work>.CreateValueCallback newWork;

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

        lowerNormal = Identity(k);
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
                IndexLevels.Fill(IndexLevels.Terms.Of(deal.Indices[factor.Entity], levers), deal.Closing, b, trend[f]);
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
            DefaultModel model = defaults[d];
            if ((uint)model.Party >= (uint)deal.Parties.Length)
            {
                throw Bad($"its default model {d + 1} names party {model.Party}, and the deal has {deal.Parties.Length}");
            }

            string party = deal.Parties[model.Party].Name;
            if (!(model.AnnualPd > 0 && model.AnnualPd < 1))
            {
                throw Bad($"party '{party}' has an annual PD of {model.AnnualPd}, not in (0%, 100%)");
            }

            if (scenario.PartyDefaults[model.Party] is not null)
            {
                throw Bad($"party '{party}' has both a drawn default time and a default date ('defaults on')");
            }

            if (model.Loadings is null || model.Loadings.Length != k)
            {
                throw Bad($"party '{party}' has {model.Loadings?.Length ?? 0} factor loadings, and the scenario has {k} factors");
            }

            if (!Array.TrueForAll(model.Loadings, double.IsFinite))
            {
                throw Bad($"party '{party}' has a loading that is not a number");
            }

            // Σ β_k Z_k has variance βᵀRβ, not Σβ², when the factors are correlated: the idiosyncratic weight is what
            // makes Z a standard normal, so that the default time keeps its PD (docs/language.md §10, "Defaults").
            loadedNormal[d] = Correlations.LoadedVariance(model.Loadings, s.Correlation?.Normal);
            loadedStress[d] = lowerStress is null ? loadedNormal[d] : Correlations.LoadedVariance(model.Loadings, s.Correlation!.Stress);
            double sum = Math.Max(loadedNormal[d], loadedStress[d]);
            if (sum > 1 + Correlations.Tolerance)
            {
                throw Bad($"party '{party}''s loadings give Σ β_k Z_k a variance of {sum} (βᵀRβ, the factors' correlations R), above 1");
            }

            PdStep[] steps = model.Steps ?? [];
            segmentStart[d] = new double[steps.Length + 1];
            hazard[d] = new double[steps.Length + 1];
            cumulative[d] = new double[steps.Length + 1];
            hazard[d][0] = -Math.Log(1 - model.AnnualPd);
            for (int i = 0; i < steps.Length; i++)
            {
                double start = Date.DaysBetween(deal.Closing, steps[i].From) / 365.0;
                if (!(start > segmentStart[d][i]) || !(steps[i].AnnualPd > 0 && steps[i].AnnualPd < 1))
                {
                    throw Bad($"party '{party}''s PD term structure is not dated after the closing in increasing order with PDs in (0%, 100%)");
                }

                segmentStart[d][i + 1] = start;
                hazard[d][i + 1] = -Math.Log(1 - steps[i].AnnualPd);
                cumulative[d][i + 1] = cumulative[d][i] + (hazard[d][i] * (start - segmentStart[d][i]));
            }

            if (model.Recovery is { } drawnRecovery)
            {
                (loadedRecoveries[d], outcomeRecoveries[d]) = RecoveryDraws(drawnRecovery, party, k, s.Correlation, lowerStress is not null);
            }

            idiosyncratic[d] = Math.Sqrt(Math.Max(0.0, 1 - loadedNormal[d]));
            inputs[d] = new PartyDefaultInput(party, model.Party, model.AnnualPd, -double.ExpM1(-CumulativeHazard(d, toMaturity)));
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
            RenewalModel model = renewals[r];
            (string kind, string name, int options, bool fixedToo) = RenewalHolder(deal, scenario, model, r);
            if (options < 1 || !(model.Probability >= 0 && model.Probability <= 1))
            {
                throw Bad($"{kind} '{name}''s renewals are drawn, but it has {options} renewal options and a probability of {model.Probability}, not in [0%, 100%]");
            }

            if (fixedToo)
            {
                throw Bad($"{kind} '{name}' has both drawn renewals and 'renewals taken'");
            }

            if (renewals.Take(r).Any(m => m.Of == model.Of && m.Entity == model.Entity))
            {
                throw Bad($"{kind} '{name}' has its renewals drawn twice");
            }

            if (model.Loadings is null || model.Loadings.Length != k || !Array.TrueForAll(model.Loadings, double.IsFinite))
            {
                throw Bad($"{kind} '{name}''s drawn renewals have {model.Loadings?.Length ?? 0} factor loadings (each a number), and the scenario has {k} factors");
            }

            renewalNormal[r] = Correlations.LoadedVariance(model.Loadings, s.Correlation?.Normal);
            renewalStress[r] = lowerStress is null ? renewalNormal[r] : Correlations.LoadedVariance(model.Loadings, s.Correlation!.Stress);
            double loaded = Math.Max(renewalNormal[r], renewalStress[r]);
            if (loaded > 1 + Correlations.Tolerance)
            {
                throw Bad($"{kind} '{name}''s drawn renewals' loadings give Σ β_k Z_k a variance of {loaded} (βᵀRβ), above 1");
            }

            if (model.Of == BreakOf.Contract)
            {
                ContractLevers own = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity]) ?? ContractLevers.None;
                renewalLevers[r] = [.. Enumerable.Range(0, options + 1).Select(t => own with { RenewalsTaken = t })];
            }

            renewalOptions[r] = options;
            renewalOwn[r] = Math.Sqrt(Math.Max(0.0, 1 - renewalNormal[r]));
            renewalThreshold[r] = model.Probability <= 0 ? double.NegativeInfinity
                : model.Probability >= 1 ? double.PositiveInfinity
                : NormalQuantile.Inverse(model.Probability);
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
            RecoveryModel model = datedRecoveries[m];
            if ((uint)model.Party >= (uint)deal.Parties.Length)
            {
                throw Bad($"its drawn recovery names party {model.Party}, and the deal has {deal.Parties.Length}");
            }

            string party = deal.Parties[model.Party].Name;
            if (scenario.PartyDefaults[model.Party] is null)
            {
                throw Bad($"party '{party}' has a drawn recovery and no default date ('defaults on')");
            }

            if (model.Recovery is null)
            {
                throw Bad($"party '{party}''s drawn recovery has no distribution");
            }

            (loadedDatedRecoveries[m], outcomeDatedRecoveries[m]) = RecoveryDraws(model.Recovery, party, k, s.Correlation, lowerStress is not null);
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
            BreakModel model = breaks[m];
            (string kind, string name, int[] offered, int renewalsTaken) = BreakHolder(deal, scenario, model, m);
            bool drawsRenewals = renewals.Any(r => r.Of == model.Of && r.Entity == model.Entity);
            if (model.Months is not { Length: > 0 } months || model.Probabilities is null || model.Probabilities.Length != months.Length
                || !Array.TrueForAll(months, at => Array.IndexOf(offered, at) >= 0)
                || !Enumerable.Range(1, months.Length - 1).All(j => months[j] > months[j - 1])
                || !Array.TrueForAll(model.Probabilities, p => p >= 0 && p <= 1))
            {
                string term = model.Renewal > 0 ? $"renewal {model.Renewal}'s" : "its";
                throw Bad($"{kind} '{name}''s drawn break is not a list of {term} break dates ({string.Join(", ", offered)} months from its start), increasing, each with a probability in [0%, 100%]");
            }

            if (model.Renewal == 0 && (renewalsTaken > 0 || drawsRenewals))
            {
                throw Bad($"{kind} '{name}' has a drawn break and renewals taken or drawn: a break ends it before any renewal");
            }

            if (model.Renewal > 0 && renewalsTaken < model.Renewal && !drawsRenewals)
            {
                throw Bad($"{kind} '{name}' has a drawn break in renewal {model.Renewal} and takes {renewalsTaken} of its renewals, none drawn: no path enters that renewal");
            }

            if (breaks.Take(m).Any(b => b.Of == model.Of && b.Entity == model.Entity))
            {
                throw Bad($"{kind} '{name}' has two drawn breaks");
            }

            if (model.Loadings is null || model.Loadings.Length != k || !Array.TrueForAll(model.Loadings, double.IsFinite))
            {
                throw Bad($"{kind} '{name}''s drawn break has {model.Loadings?.Length ?? 0} factor loadings (each a number), and the scenario has {k} factors");
            }

            breakNormal[m] = Correlations.LoadedVariance(model.Loadings, s.Correlation?.Normal);
            breakStress[m] = lowerStress is null ? breakNormal[m] : Correlations.LoadedVariance(model.Loadings, s.Correlation!.Stress);
            double loaded = Math.Max(breakNormal[m], breakStress[m]);
            if (loaded > 1 + Correlations.Tolerance)
            {
                throw Bad($"{kind} '{name}''s drawn break's loadings give Σ β_k Z_k a variance of {loaded} (βᵀRβ), above 1");
            }

            breakOwn[m] = Math.Sqrt(Math.Max(0.0, 1 - breakNormal[m]));
            breakThreshold[m] = [.. model.Probabilities.Select(p => p <= 0 ? double.NegativeInfinity : p >= 1 ? double.PositiveInfinity : NormalQuantile.Inverse(p))];
            if (model.Of == BreakOf.Contract)
            {
                ContractLevers own = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity]) ?? ContractLevers.None;
                ContractLevers[] Row(ContractLevers levers) => [.. months.Select(at => levers with { BreakMonths = at }), levers with { BreakMonths = null }];
                breakRenewalsDrawn[m] = drawsRenewals;
                breakLevers[m] = drawsRenewals
                    ? [.. Enumerable.Range(0, deal.Contracts[model.Entity].RenewalCount + 1).SelectMany(t => Row(own with { RenewalsTaken = t }))]
                    : Row(own);
            }
        }

        workouts = new DrawnWorkouts(deal, s.Workouts ?? [], k, s.Correlation, lowerStress is not null, Bad);
        if ((s.Workouts ?? []).Any(m => m.Loan >= 0) || (s.LoanWorkouts ?? []).Any(m => m.Loan < 0))
        {
            throw Bad("a party's drawn workout lag is listed with the loans' or a loan's with the parties'");
        }

        loanWorkouts = new DrawnWorkouts(deal, s.LoanWorkouts ?? [], k, s.Correlation, lowerStress is not null, Bad);
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
            return new Work(deal, scenario, plan, k, jumpFactors.Length, delays.Count);
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
        Work w = works.GetValue(into, newWork);
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

    /// <summary>
    /// Each drawn delay's outcome, after every other draw of the path (so no other draw moves): one uniform u from the
    /// path's stream, the first outcome j with u &lt; p_0 + … + p_j (on a mirrored path 1 − u: the mirror's delay is
    /// the other tail's). Under <c>sobol</c>, u is the delay's own dimension of the path's point, after the renewal
    /// options, so that 2^m paths draw each outcome in its share to within 2^−m. A loaded delay draws, at the same place,
    /// its own normal ε = Φ⁻¹(u) (negated on a mirrored path, as every normal) and compares U = Φ(√(1 − v) ε + Σ β_k Z_k)
    /// in u's stead (<see cref="FactorCopula"/>): the draws after it are the same whether or not it is loaded.
    /// </summary>
    void DrawDelays(ref PathStream rng, Work w, uint point)
    {
        for (int d = 0; d < delays.Count; d++)
        {
            w.DelayOutcome[d] = delays.Outcome(d, LoadedUniform(ref rng, w, point, delays.Copula(d), delayDimension + d));
        }
    }

    /// <summary>Each dated default's drawn recovery, after every other draw of the path (so no other draw moves): a beta
    /// variate (<see cref="BetaVariate"/>) in place of the party's recovery, exactly as a drawn default's is drawn (and,
    /// loaded on the factors, turned as one is: <see cref="LoadedRecovery"/>).</summary>
    void DrawDatedRecoveries(ref PathStream rng, Work w)
    {
        for (int m = 0; m < datedRecoveries.Length; m++)
        {
            w.Scenario.PartyRecoveries[datedRecoveries[m].Party] = DrawRecovery(ref rng, w, datedRecoveries[m].Recovery, loadedDatedRecoveries[m], outcomeDatedRecoveries[m]);
        }
    }

    /// <summary>One drawn recovery: from outcomes, the quantile of one uniform (<see cref="RecoveryOutcomeDraw"/>); a
    /// beta, its variate (<see cref="BetaVariate"/>), turned through its copula when loaded (<see cref="LoadedRecovery"/>).</summary>
    static double DrawRecovery(ref PathStream rng, Work w, RecoveryDraw recovery, LoadedRecovery? loaded, RecoveryOutcomeDraw? outcomes)
    {
        if (outcomes is not null)
        {
            return outcomes.Draw(ref rng, w.Shock, w.StressedShare);
        }

        double r = BetaVariate.Draw(ref rng, (RecoveryBeta)recovery);
        return loaded is { } l ? l.Draw(r, w.Shock, w.StressedShare) : r;
    }

    /// <summary>A drawn recovery's per-source draw: a beta's copula (null unloaded) and no outcomes, or outcomes' draw;
    /// throws for a beta that cannot exist or outcomes that are not a distribution (the compiler's DL0541, DL0552-DL0554).</summary>
    (LoadedRecovery? Loaded, RecoveryOutcomeDraw? Outcomes) RecoveryDraws(RecoveryDraw recovery, string party, int k, CorrelationSpec? correlation, bool regimes)
    {
        switch (recovery)
        {
            case RecoveryOutcomes outcomes:
                return (null, RecoveryOutcomeDraw.Of(outcomes, party, k, correlation, regimes, Bad));
            case RecoveryBeta r when r.Mean > 0 && r.Mean < 1 && r.Sd > 0 && r.Sd * r.Sd < r.Mean * (1 - r.Mean):
                return (LoadedRecovery.Of(r, party, k, correlation, regimes, Bad), null);
            case RecoveryBeta r:
                throw Bad($"party '{party}''s drawn recovery (mean {r.Mean}, sd {r.Sd}) is not a beta distribution");
            default:
                throw Bad($"party '{party}''s drawn recovery is of a kind the runner does not know ({recovery.GetType().Name})");
        }
    }

    /// <summary>
    /// Each drawn break, after every other draw of the path, a dated default's drawn recovery's too (so no other draw
    /// moves): its dates in order, date j taken when none before was and √(1 − v) ε_j + Σ β_k Z_k &lt; Φ⁻¹(p_j), v the
    /// loaded variance as a drawn renewal's and ε_j a normal of its own. Every date draws its normal, taken or not, so the
    /// stream's place after a break does not depend on its outcome, and a Sobol point has a fixed dimension per date
    /// (after the drawn delays). The month taken goes where a fixed <c>breaks at</c> puts it, so the deterministic code
    /// breaks the lease or contract (a default on or before it coming first).
    /// </summary>
    void DrawBreaks(ref PathStream rng, Work w, uint point)
    {
        int dimension = breakDimension;
        for (int m = 0; m < breaks.Length; m++)
        {
            if (breaks[m].Renewal == 0)
            {
                DrawBreak(ref rng, w, point, m, ref dimension, entered: true);
            }
        }
    }

    /// <summary>
    /// Each renewal term's drawn break (<c>L breaks drawn in renewal k at …</c>), after every other draw of the path, the
    /// drawn workout lags' too (so adding one moves no other number a path draws), drawn as an initial term's is
    /// (<see cref="DrawBreaks"/>): every date draws its normal, but a path that takes fewer than k renewals (fixed, or as
    /// <see cref="DrawRenewals"/> drew them) never breaks in renewal k. Under <c>sobol</c>, its dates' dimensions follow
    /// the drawn workout lags'.
    /// </summary>
    void DrawRenewalBreaks(ref PathStream rng, Work w, uint point)
    {
        int dimension = renewalBreakDimension;
        for (int m = 0; m < breaks.Length; m++)
        {
            BreakModel model = breaks[m];
            if (model.Renewal > 0)
            {
                // The path's own count: fixed, or as DrawRenewals drew it (a lease's, or a contract's levers).
                int taken = model.Of == BreakOf.Lease
                    ? w.Scenario.RenewalsTaken[model.Entity] ?? 0
                    : w.Scenario.Contracts.Length == 0 ? 0 : w.Scenario.Contracts[model.Entity]?.RenewalsTaken ?? 0;
                DrawBreak(ref rng, w, point, m, ref dimension, entered: taken >= model.Renewal);
            }
        }
    }

    /// <summary>Drawn break <paramref name="m"/> on the path: its dates' normals, the first date taken written where a
    /// fixed <c>breaks at</c> puts it, none unless the path <paramref name="entered"/> the term the dates are in.</summary>
    void DrawBreak(ref PathStream rng, Work w, uint point, int m, ref int dimension, bool entered)
    {
        BreakModel model = breaks[m];
        double[] beta = model.Loadings;
        double common = 0;
        for (int f = 0; f < beta.Length; f++)
        {
            common += beta[f] * w.Shock[f];
        }

        double own = OwnWeight(breakOwn[m], breakNormal[m], breakStress[m], w.StressedShare);
        double[] threshold = breakThreshold[m];
        int taken = threshold.Length; // none
        for (int j = 0; j < threshold.Length; j++)
        {
            double eps = sobolShift is null ? rng.Normal() : SobolNormal(point, dimension++);
            if (entered && taken == threshold.Length && (own * eps) + common < threshold[j])
            {
                taken = j;
            }
        }

        w.BreakOutcome[m] = taken;
        if (model.Of == BreakOf.Lease)
        {
            w.Scenario.LeaseBreaks[model.Entity] = taken < threshold.Length ? model.Months[taken] : null;
        }
        else
        {
            // A contract whose renewals are drawn keeps the path's count (DrawRenewals wrote it, before any renewal's break).
            int row = breakRenewalsDrawn[m] ? w.Scenario.Contracts[model.Entity]!.RenewalsTaken * (threshold.Length + 1) : 0;
            w.Scenario.Contracts[model.Entity] = breakLevers[m][row + taken];
        }
    }

    /// <summary>
    /// Each drawn workout lag, after every other draw of the path (so no other draw moves): one uniform u from the path's
    /// stream, the first lag j with u &lt; p_0 + … + p_j (on a mirrored path 1 − u), written as the party's lag in months
    /// for the path building to round to periods as a fixed lag is. Under <c>sobol</c>, u is the lag's own dimension of
    /// the path's point, after the drawn break dates. A loaded lag draws, at the same place, its own normal ε = Φ⁻¹(u)
    /// (negated on a mirrored path, as every normal) and compares U = Φ(√(1 − v) ε + Σ β_k Z_k) in u's stead, as a loaded
    /// delay does (<see cref="FactorCopula"/>): the draws after it are the same whether or not it is loaded.
    /// </summary>
    void DrawWorkouts(ref PathStream rng, Work w, uint point)
    {
        for (int m = 0; m < workouts.Count; m++)
        {
            w.Scenario.PartyWorkoutMonths[workouts[m].Party] = workouts.Months(m, LoadedUniform(ref rng, w, point, workouts.Copula(m), workoutDimension + m));
        }
    }

    /// <summary>
    /// Each loan's own drawn workout lag (<c>L workout drawn …</c>), drawn as a party's is (<see cref="DrawWorkouts"/>) but
    /// after every other draw of the path, the renewal terms' break dates too, so that a scenario without one draws what
    /// it drew before they existed; under <c>sobol</c>, its own dimension after those. Written as the loan's lag in
    /// months, which the loan reads in place of its obligor's.
    /// </summary>
    void DrawLoanWorkouts(ref PathStream rng, Work w, uint point)
    {
        for (int m = 0; m < loanWorkouts.Count; m++)
        {
            w.Scenario.LoanWorkoutMonths[loanWorkouts[m].Loan] = loanWorkouts.Months(m, LoadedUniform(ref rng, w, point, loanWorkouts.Copula(m), loanWorkoutDimension + m));
        }
    }

    // A drawn delay's or workout lag's uniform: the stream's next (1 − u on a mirrored path), or its Sobol dimension; a
    // loaded one's normal at the same place through its copula.
    double LoadedUniform(ref PathStream rng, Work w, uint point, FactorCopula? copula, int dimension) =>
        copula is { } loaded
            ? loaded.Uniform(sobolShift is null ? rng.Normal() : SobolNormal(point, dimension), w.Shock, w.StressedShare)
            : sobolShift is null ? rng.Uniform() : SobolUniform(point, dimension);

    /// <summary>Drawn break <paramref name="model"/>'s kind, name, break dates (months from its start: the initial term's,
    /// or renewal term k's, none when it offers fewer than k renewals) and renewals taken under
    /// <paramref name="scenario"/>; throws when it names no lease or contract of the deal.</summary>
    (string Kind, string Name, int[] Offered, int RenewalsTaken) BreakHolder(DealDescription deal, ScenarioSpec scenario, BreakModel model, int m)
    {
        if (model.Of == BreakOf.Lease && (uint)model.Entity < (uint)deal.Leases.Length)
        {
            LeaseInfo lease = deal.Leases[model.Entity];
            if (model.Entity < scenario.LeaseBreaks.Length && scenario.LeaseBreaks[model.Entity] is not null)
            {
                throw Bad($"lease '{lease.Name}' has both a drawn break and 'breaks at'");
            }

            return ("lease", lease.Name, TermBreaks(model.Renewal, lease.TermMonths, lease.BreakMonths, lease.RenewalCount, lease.RenewalTermMonths, lease.RenewalBreakMonths),
                scenario.RenewalsTaken[model.Entity] ?? 0);
        }

        if (model.Of == BreakOf.Contract && (uint)model.Entity < (uint)deal.Contracts.Length)
        {
            ContractInfo contract = deal.Contracts[model.Entity];
            ContractLevers? levers = scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity];
            if (levers?.BreakMonths is not null)
            {
                throw Bad($"contract '{contract.Name}' has both a drawn break and 'breaks at'");
            }

            return ("contract", contract.Name, TermBreaks(model.Renewal, contract.TermMonths, contract.BreakMonths, contract.RenewalCount, contract.RenewalTermMonths, contract.RenewalBreakMonths),
                levers?.RenewalsTaken ?? 0);
        }

        throw Bad($"its drawn break {m + 1} names {model.Of.ToString().ToLowerInvariant()} {model.Entity}, and the deal has {deal.Leases.Length} leases and {deal.Contracts.Length} contracts");
    }

    /// <summary>Drawn renewals <paramref name="model"/>'s kind, name, renewal options and whether <paramref name="scenario"/>
    /// also fixes its renewals taken; throws when it names no lease or contract of the deal.</summary>
    (string Kind, string Name, int Options, bool FixedToo) RenewalHolder(DealDescription deal, ScenarioSpec scenario, RenewalModel model, int r)
    {
        if (model.Of == BreakOf.Lease && (uint)model.Entity < (uint)deal.Leases.Length)
        {
            LeaseInfo lease = deal.Leases[model.Entity];
            return ("lease", lease.Name, lease.RenewalCount, scenario.RenewalsTaken[model.Entity] is not null);
        }

        if (model.Of == BreakOf.Contract && (uint)model.Entity < (uint)deal.Contracts.Length)
        {
            ContractInfo contract = deal.Contracts[model.Entity];
            int taken = scenario.Contracts.Length == 0 ? 0 : scenario.Contracts[model.Entity]?.RenewalsTaken ?? 0;
            return ("contract", contract.Name, contract.RenewalCount, taken != 0);
        }

        throw Bad($"its drawn renewals {r + 1} name {model.Of.ToString().ToLowerInvariant()} {model.Entity}, and the deal has {deal.Leases.Length} leases and {deal.Contracts.Length} contracts");
    }

    /// <summary>The break dates, in months from the start, of term <paramref name="renewal"/> (0 the initial term, k
    /// renewal term k, starting <paramref name="termMonths"/> + (k − 1) <paramref name="renewalMonths"/> in): none for a
    /// renewal beyond the <paramref name="renewals"/> offered (BreakDates' rule, one renewal term at a time).</summary>
    static int[] TermBreaks(int renewal, int termMonths, int[] termBreaks, int renewals, int renewalMonths, int[] renewalBreaks) =>
        renewal == 0 ? termBreaks
        : renewal > renewals ? []
        : [.. renewalBreaks.Select(at => TermStart(renewal, termMonths, renewalMonths) + at)];

    /// <summary>Drawn delay <paramref name="model"/>'s outcome on the path last filled into <paramref name="into"/>
    /// (an index into its months), for a chain's other entities, which delay the same index by the same months.</summary>
    internal int DelayOutcome(PathInputs into, int model)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return w.DelayOutcome[model];
    }

    /// <summary>The scenario's drawn delays, in the order written.</summary>
    internal DelayModel[] Delays => spec.Delays ?? [];

    /// <summary>The scenario's drawn breaks, in the order written.</summary>
    internal BreakModel[] Breaks => breaks;

    /// <summary>The scenario's drawn workout lags, in the order written.</summary>
    internal WorkoutModel[] Workouts => spec.Workouts ?? [];

    /// <summary>The scenario's loans' own drawn workout lags, in the order written.</summary>
    internal WorkoutModel[] LoanWorkouts => spec.LoanWorkouts ?? [];

    /// <summary>The scenario's drawn renewals, in the order written.</summary>
    internal RenewalModel[] Renewals => renewals;

    /// <summary>Every party whose recovery a path draws (<c>P defaults drawn … recovery beta …</c> or <c>P defaults on
    /// DATE recovery beta …</c>), in the deal's party order.</summary>
    internal int[] RecoveryParties => recoveryParties;

    /// <summary>What the path last filled into <paramref name="into"/> drew that its figures do not show, for its
    /// per-path row (<see cref="Simulation.PathDraws"/>): each drawn lease's or contract's renewals taken (<see cref="Renewals"/>'
    /// order), each drawn delay's months (<see cref="Delays"/>' order) and each drawn recovery
    /// (<see cref="RecoveryParties"/>' order, drawn on every path, whether or not the party defaults on it), the numbers
    /// <see cref="Drawn"/> runs it with. Allocates nothing.</summary>
    internal void ReadDraws(PathInputs into, Span<int> renewalsTaken, Span<int> delayMonths, Span<double> recoveries, Span<int> breakMonths = default,
        Span<int> workoutMonths = default, Span<int> loanWorkoutMonths = default)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        for (int r = 0; r < renewals.Length; r++)
        {
            // DrawRenewals wrote it: a lease's count, or a contract's levers
            renewalsTaken[r] = renewals[r].Of == BreakOf.Lease
                ? w.Scenario.RenewalsTaken[renewals[r].Entity]!.Value
                : w.Scenario.Contracts[renewals[r].Entity]!.RenewalsTaken;
        }

        for (int d = 0; d < delays.Count; d++)
        {
            delayMonths[d] = delays[d].Months[w.DelayOutcome[d]];
        }

        for (int p = 0; p < recoveryParties.Length; p++)
        {
            recoveries[p] = w.Scenario.PartyRecoveries[recoveryParties[p]]!.Value; // DrawRecoveries or DrawDatedRecoveries wrote it
        }

        for (int m = 0; m < breakMonths.Length; m++)
        {
            breakMonths[m] = BreakExercised(w, m);
        }

        for (int m = 0; m < workoutMonths.Length; m++)
        {
            workoutMonths[m] = w.Scenario.PartyWorkoutMonths[workouts[m].Party]!.Value; // DrawWorkouts wrote it
        }

        for (int m = 0; m < loanWorkoutMonths.Length; m++)
        {
            loanWorkoutMonths[m] = w.Scenario.LoanWorkoutMonths[loanWorkouts[m].Loan]!.Value; // DrawLoanWorkouts wrote it
        }
    }

    /// <summary>Drawn break <paramref name="m"/>'s month exercised on <paramref name="w"/>'s path, 0 for none: the month
    /// drawn, unless no date was drawn (or the path did not take the renewal it is in) or the lessee (customer) defaulted
    /// on or before it, as the deterministic code decides (<see cref="TerminationReceipts.Break"/>: a default comes
    /// first). Counted from the start of the term its dates are in, as the scenario writes them: a renewal's from that
    /// renewal term's start.</summary>
    int BreakExercised(Work w, int m)
    {
        BreakModel model = breaks[m];
        if (w.BreakOutcome[m] >= model.Months.Length)
        {
            return 0;
        }

        int months = model.Months[w.BreakOutcome[m]];
        (Date start, int party, int termStart) = model.Of == BreakOf.Lease
            ? (Deal.Leases[model.Entity].Start, Deal.Leases[model.Entity].Lessee, TermStart(model.Renewal, Deal.Leases[model.Entity].TermMonths, Deal.Leases[model.Entity].RenewalTermMonths))
            : (Deal.Contracts[model.Entity].Start, Deal.Contracts[model.Entity].Customer, TermStart(model.Renewal, Deal.Contracts[model.Entity].TermMonths, Deal.Contracts[model.Entity].RenewalTermMonths));
        Date? defaulted = party >= 0 && party < w.Scenario.PartyDefaults.Length ? w.Scenario.PartyDefaults[party] : null;
        return TerminationReceipts.Break(start, months, defaulted) is null ? 0 : months - termStart;
    }

    /// <summary>Months from the start to the start of term <paramref name="renewal"/> (0 the initial term).</summary>
    static int TermStart(int renewal, int termMonths, int renewalMonths) =>
        renewal == 0 ? 0 : termMonths + ((renewal - 1) * renewalMonths);

    /// <summary>The deterministic scenario that the path last filled into <paramref name="into"/> amounts to, its
    /// drawn index rows aside: the drawn default dates, renewals taken, market-rent deflation and facility deflations in place of
    /// the scenario's, no stochastic part. Running it through the deterministic path building gives that path's
    /// every other slot, bit for bit (PathSourceEquivalenceTests); party and loan summaries read its dates.
    /// Allocates: for reports and tests, not the path loop.</summary>
    public ScenarioSpec Drawn(PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        ValueStress[] stress = [.. scenario.FacilityStress];
        if (drawsDeflation)
        {
            for (int f = 0; f < stress.Length; f++)
            {
                if (!double.IsNaN(w.Deflation[f]))
                {
                    stress[f] = stress[f] with { DeflatePerYear = w.Deflation[f] };
                }
            }
        }

        // A drawn delay is the path's points moved by its months, as a fixed 'delayed' would move them.
        IndexOverride?[] indices = scenario.Indices;
        if (delays.Count > 0)
        {
            indices = scenario.Indices.Length == 0 ? new IndexOverride?[Deal.Indices.Length] : (IndexOverride?[])scenario.Indices.Clone();
            for (int d = 0; d < delays.Count; d++)
            {
                DelayModel model = delays[d];
                indices[model.Index] = DrawnDelays.Moved(Deal, model.Index, indices[model.Index], model.Months[w.DelayOutcome[d]], model.From);
            }
        }

        return w.Scenario with
        {
            Indices = indices,
            RenewalsTaken = (int?[])w.Scenario.RenewalsTaken.Clone(),
            PartyDefaults = (Date?[])w.Scenario.PartyDefaults.Clone(),
            PartyRecoveries = (double?[])w.Scenario.PartyRecoveries.Clone(),
            LeaseBreaks = (int?[])w.Scenario.LeaseBreaks.Clone(),
            Contracts = (ContractLevers?[])w.Scenario.Contracts.Clone(),
            PartyWorkoutMonths = (int?[])w.Scenario.PartyWorkoutMonths.Clone(),
            LoanWorkoutMonths = (int?[])w.Scenario.LoanWorkoutMonths.Clone(),
            FacilityStress = stress,
            MarketRentDeflation = w.Market,
            Stochastic = null,
        };
    }

    /// <summary>What the path last filled into <paramref name="into"/> drew, without copying (for a chain's other
    /// entities, filled from the same draws: ChainPaths): its scenario, whose default dates and recoveries are the
    /// path's, live until the next fill; the market-rent deflation it used; and whether it wrote index
    /// <paramref name="index"/>'s row itself. Allocates nothing.</summary>
    internal (ScenarioSpec Scenario, double MarketRentDeflation) LastDraw(PathInputs into)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return (w.Scenario, w.Market);
    }

    /// <summary>
    /// Drawn default <paramref name="d"/>'s date on the path last filled into <paramref name="into"/>, for a run whose
    /// last period ends on <paramref name="end"/>: the closing plus ⌈365 τ⌉ days (at least 1) when that is on or before
    /// <paramref name="end"/>, else none. The top deal's own date is this at its own horizon; a chain's entity whose run
    /// ends later reads its own (docs/language.md §10, "Stochastic scenarios in a chain"): a default drawn after the
    /// top's horizon still falls within a longer deal's.
    /// </summary>
    internal Date? DrawnDefault(PathInputs into, int d, Date end)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return DefaultDate(w.DefaultDays[d], Date.DaysBetween(Deal.Closing, end));
    }

    /// <summary>The closing plus <paramref name="days"/> (at least 1) when that is within <paramref name="lastDay"/>
    /// days of the closing; else none.</summary>
    Date? DefaultDate(double days, int lastDay) => days <= lastDay ? Deal.Closing.AddDays((int)Math.Max(1.0, days)) : null;

    /// <summary>Whether the scenario draws index <paramref name="index"/>'s row (a process or jumps on it).</summary>
    public bool DrawsIndex(int index) => drawnIndex[index];

    /// <summary>Whether the scenario draws the market-rent deflation.</summary>
    public bool DrawsMarketRent => marketFactor >= 0;

    /// <summary>True when each path draws its factors' path shocks directly (every factor a drawn rate, one regime):
    /// k normals a path rather than k a period.</summary>
    public bool DrawsPathShocksDirectly => direct;

    /// <summary>Every factor a drawn rate and one regime: the path shocks Z = L ξ from k independent normals ξ, the
    /// same joint distribution as the per-period sum Σ_t √(Δ_t / T) L ξ_t (its covariance L (Σ_t Δ_t / T) Lᵀ = LLᵀ).</summary>
    void DrawPathShocks(ref PathStream rng, Work w)
    {
        for (int f = 0; f < factors.Length; f++)
        {
            w.Xi[f] = rng.Normal();
        }

        Correlate(w);
    }

    /// <summary>The path shocks Z = L ξ from the normals in <see cref="Work.Xi"/>.</summary>
    void Correlate(Work w)
    {
        int k = factors.Length;
        double[] shock = w.Shock, xi = w.Xi, l = lowerNormal;
        for (int i = 0; i < k; i++)
        {
            double z = 0;
            for (int j = 0; j <= i; j++)
            {
                z += l[(i * k) + j] * xi[j];
            }

            shock[i] = z;
        }
    }

    /// <summary>True when path 2k+1 mirrors path 2k (<c>antithetic</c>): the paths come in dependent pairs.</summary>
    public bool Antithetic => spec.Antithetic;

    /// <inheritdoc/>
    public bool MirroredPairs => spec.Antithetic;

    /// <summary>True when path i's path shocks and default normals come from point i of the randomised Sobol sequence.</summary>
    public bool UsesSobol => sobolShift is not null;

    /// <summary>How the paths are drawn, as a run's frame records it (<see cref="Simulation.SimulationFrame.Sampling"/>).</summary>
    public string Sampling => UsesSobol ? Simulation.SimulationFrame.Sobol : Antithetic ? Simulation.SimulationFrame.Antithetic : Simulation.SimulationFrame.Independent;

    /// <summary>The digital shift of the first <paramref name="dimensions"/> Sobol dimensions under
    /// <paramref name="seed"/>: dimension j's is the first word of the Philox block with counter (j, 0, 0, 1), a counter
    /// no path stream uses (theirs end in 0), under the seed's key.</summary>
    public static uint[] SobolShift(ulong seed, int dimensions)
    {
        var shift = new uint[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            shift[j] = Philox.Block((uint)j, 0, 0, 1, (uint)seed, (uint)(seed >> 32)).X0;
        }

        return shift;
    }

    /// <summary>Dimension <paramref name="dimension"/> of point <paramref name="point"/>, shifted, as a standard normal:
    /// Φ⁻¹(((x ⊕ shift) + ½) / 2³²), never Φ⁻¹ of 0 or 1.</summary>
    double SobolNormal(uint point, int dimension) => NormalQuantile.Inverse(SobolUniform(point, dimension));

    /// <summary>Dimension <paramref name="dimension"/> of point <paramref name="point"/>, shifted, as a uniform in (0, 1):
    /// ((x ⊕ shift) + ½) / 2³².</summary>
    double SobolUniform(uint point, int dimension) =>
        ((SobolPoints.Point(point, dimension) ^ sobolShift![dimension]) + 0.5) * (1.0 / 4294967296.0);

    /// <summary>As the direct draw, ξ from point <paramref name="point"/>'s first k dimensions.</summary>
    void DrawPathShocks(uint point, Work w)
    {
        for (int f = 0; f < factors.Length; f++)
        {
            w.Xi[f] = SobolNormal(point, f);
        }

        Correlate(w);
    }

    /// <summary>Period by period, the regime switch and the factors' correlated shocks (each factor's path shock left
    /// in <see cref="Work.Shock"/>); then, factor by factor, each index factor's jumps and its level at each period's
    /// start.</summary>
    void DrawFactors(ref PathStream rng, Work w, PathInputs into)
    {
        int k = factors.Length;
        double[] shock = w.Shock;
        Array.Clear(shock);

        // The periods' draws first, in the order the periods take them (a regime's uniform, k normals, a uniform per
        // jump factor), taken four Philox blocks at a time (PathStream.Take), and their normals worked out four at a
        // time (PathStream.ToNormals): the same draws, bit for bit, with the stream at the same place after them.
        int jumps = jumpFactors.Length, regime = lowerStress is null ? 0 : 1, perPeriod = regime + k + jumps;
        Span<ulong> bits = w.Draws.AsSpan(0, periods * perPeriod);
        rng.Take(bits);
        double[] normals = w.NormalDraws;
        for (int t = 0; t < periods; t++)
        {
            for (int f = 0; f < k; f++)
            {
                normals[(t * k) + f] = PathStream.NormalLater(bits[(t * perPeriod) + regime + f]);
            }
        }

        rng.ToNormals(normals.AsSpan(0, periods * k));

        // Each period's correlated shocks ε = L ξ, L the regime's, into the normals' place (ε_i reads ξ_0 … ξ_i: the
        // last first), each added to its factor's path shock: the first four factors' sums in registers (a sum kept in
        // shock[] waits every period for its own store), the same additions in the same order.
        bool stressed = false;
        double shock0 = 0, shock1 = 0, shock2 = 0, shock3 = 0, stressedShare = 0;
        for (int t = 0; t < periods; t++)
        {
            if (regime == 1 && rng.Uniform(bits[t * perPeriod]) < (stressed ? switchToNormal! : switchToStress!)[t])
            {
                stressed = !stressed;
            }

            Span<double> xi = normals.AsSpan(t * k, k);
            double[] l = stressed ? lowerStress! : lowerNormal;
            double share = weight[t];
            stressedShare += stressed ? share * share : 0.0;
            for (int i = k - 1; i >= 0; i--)
            {
                double e = 0;
                for (int j = 0; j <= i; j++)
                {
                    e += l[(i * k) + j] * xi[j];
                }

                xi[i] = e;
                if (i >= 4)
                {
                    shock[i] += share * e;
                }
            }

            shock0 += k > 0 ? share * xi[0] : 0.0;
            shock1 += k > 1 ? share * xi[1] : 0.0;
            shock2 += k > 2 ? share * xi[2] : 0.0;
            shock3 += k > 3 ? share * xi[3] : 0.0;
        }

        ReadOnlySpan<double> sums = [shock0, shock1, shock2, shock3]; // on the stack
        sums[..Math.Min(k, sums.Length)].CopyTo(shock);
        w.StressedShare = stressedShare;

        // Then each index factor's row on its own: its level depends on its shocks and jumps alone, and a loop over one
        // factor's periods finds its process, its coefficients' rows and its jumps' once, where a loop over the factors
        // inside each period found them every period (CoreWeave's Stochastic path: draw and fill 5.2 to 4.5 µs,
        // bench/HISTORY.md, 2026-12-04). The same operations on the same numbers in the same order: the same bits.
        for (int f = 0; f < k; f++)
        {
            if (factors[f].Target == FactorTarget.Index)
            {
                Jumps(Array.IndexOf(jumpFactors, f), bits, regime + k, perPeriod, rng, w.JumpAt);
                IndexRow(f, normals, w.JumpAt, into.OwnIndexLevel(factors[f].Entity), w.Exponents);
            }
        }
    }

    /// <summary>
    /// Index factor <paramref name="f"/>'s level at each period's start into <paramref name="row"/>: its deterministic
    /// start, then each period's step from its shock (<paramref name="eps"/>, k a period) times the factor its jumps
    /// have left it (<paramref name="jumped"/>, <see cref="Jumps"/>).
    /// </summary>
    void IndexRow(int f, double[] eps, double[] jumped, double[] row, double[] exponents)
    {
        FactorSpec factor = factors[f];
        int k = factors.Length;
        double[] a = stepA[f], s = stepS[f], centre = trend[f];
        row[0] = centre[0];

        // The last period's step would set the level after the run: none is kept.
        int last = Math.Min(periods, row.Length) - 1;
        switch (factor.Process)
        {
            case FactorProcess.Gbm:
            {
                // The steps' exponents first, then their exponentials a row at a time (RowExp), then the levels.
                Span<double> step = exponents.AsSpan(0, Math.Max(last, 0));
                for (int t = 0; t < step.Length; t++)
                {
                    step[t] = a[t] + (s[t] * eps[(t * k) + f]);
                }

                RowExp.Exp(step);
                double level = centre[0];
                for (int t = 0; t < step.Length; t++)
                {
                    level *= step[t];
                    row[t + 1] = level * jumped[t];
                }

                break;
            }

            case FactorProcess.MeanReverting:
            {
                double level = centre[0], longRun = factor.LongRun;
                // A price's level is read at max(0, level) (FactorSpec.NeverNegative): the process runs on below zero,
                // what the deal pays or is paid at does not. A rate's is read as drawn.
                double lowest = factor.NeverNegative ? 0.0 : double.NegativeInfinity;
                for (int t = 0; t < last; t++)
                {
                    level = longRun + ((level - longRun) * a[t]) + (s[t] * eps[(t * k) + f]);
                    row[t + 1] = Math.Max(lowest, level) * jumped[t];
                }

                break;
            }

            default:
            {
                // log-OU: x reverts to 0, and the level is the trend times e^(x − v/2)
                // The recurrence on x first, then the exponentials a row at a time (RowExp), then the levels.
                double[] v = variance[f];
                Span<double> scale = exponents.AsSpan(0, Math.Max(last, 0));
                double x = 0;
                for (int t = 0; t < scale.Length; t++)
                {
                    x = (x * a[t]) + (s[t] * eps[(t * k) + f]);
                    scale[t] = x - (0.5 * v[t + 1]);
                }

                RowExp.Exp(scale);
                for (int t = 0; t < scale.Length; t++)
                {
                    row[t + 1] = centre[t + 1] * scale[t] * jumped[t];
                }

                break;
            }
        }
    }

    /// <summary>
    /// Into <paramref name="jumped"/>[t], the factor jump factor <paramref name="x"/>'s jumps have left its index at
    /// period t's end: one step down by its size for each jump of each period's Poisson count (drawn from the period's
    /// uniform for it, at <paramref name="jumpDraws"/> + <paramref name="x"/> in each period's
    /// <paramref name="perPeriod"/> draws); 1 throughout for a factor without jumps (<paramref name="x"/> −1).
    /// </summary>
    void Jumps(int x, ReadOnlySpan<ulong> bits, int jumpDraws, int perPeriod, in PathStream rng, double[] jumped)
    {
        if (x < 0)
        {
            Array.Fill(jumped, 1.0);
            return;
        }

        double[] mean = jumpMean[x], none = jumpNone[x];
        double down = 1 - factors[jumpFactors[x]].JumpDown;
        double jump = 1;
        // The last period's jumps would move the level after the run (IndexRow): none is kept.
        for (int t = 0; t < jumped.Length - 1; t++)
        {
            int n = Poisson(rng.Uniform(bits[(t * perPeriod) + jumpDraws + x]), mean[t], none[t]);
            for (int j = 0; j < n; j++)
            {
                jump *= down;
            }

            jumped[t] = jump;
        }
    }

    /// <summary>Each drawn party's default date: Z = Σ β_k Z_k + √(1 − v) η, v the variance of Σ β_k Z_k given the
    /// path's regimes (βᵀRβ with one regime; with regimes, the normal one's and the stress one's weighted by the share
    /// of the path's shock variance drawn in each, Σ_t Δ_t / T over the stressed periods), so that Z is a standard
    /// normal; the survival draw S = Φ(−Z) (a uniform), the time τ with H(τ) = −ln S (a constant hazard:
    /// τ = ln S / ln(1 − PD) years), and the date closing + ⌈365 τ⌉ days when it falls in the run.</summary>
    void DrawDefaults(ref PathStream rng, Work w, uint point)
    {
        Date?[] dates = w.Scenario.PartyDefaults;
        int k = factors.Length;
        for (int d = 0; d < defaults.Length; d++)
        {
            double[] beta = defaults[d].Loadings;
            double eta = sobolShift is null ? rng.Normal() : SobolNormal(point, k + d);
            double weightOwn = OwnWeight(idiosyncratic[d], loadedNormal[d], loadedStress[d], w.StressedShare);
            double z = weightOwn * eta;
            for (int f = 0; f < beta.Length; f++)
            {
                z += beta[f] * w.Shock[f];
            }

            double survival = NormalQuantile.Cdf(-z);
            double years = Time(d, -Math.Log(survival));
            double days = Math.Ceiling(years * 365.0);
            w.DefaultDays[d] = days;
            dates[defaults[d].Party] = DefaultDate(days, horizonDays);
        }
    }

    /// <summary>Each drawn recovery, after every default time (so the default times do not depend on whether a
    /// recovery is drawn): a beta variate (<see cref="BetaVariate"/>) in place of the party's recovery; loaded on the
    /// factors, that variate's uniform mixed with their path shocks (<see cref="LoadedRecovery"/>), drawing nothing more,
    /// so the draws after it are the same whether or not it is loaded.</summary>
    void DrawRecoveries(ref PathStream rng, Work w)
    {
        for (int d = 0; d < defaults.Length; d++)
        {
            if (defaults[d].Recovery is { } recovery)
            {
                w.Scenario.PartyRecoveries[defaults[d].Party] = DrawRecovery(ref rng, w, recovery, loadedRecoveries[d], outcomeRecoveries[d]);
            }
        }
    }

    /// <summary>
    /// Each drawn lease's (or contract's) renewals taken, in the scenario's order, leases' and contracts' together, after
    /// the drawn defaults' recoveries (so no earlier draw moves): its options in
    /// order, option j taken when the one before was and √(1 − v) ε_j + Σ β_k Z_k &lt; Φ⁻¹(p), v the loaded variance
    /// as a drawn default's (βᵀRβ, with regimes weighted by the path's stressed share) and ε_j a normal of its own. Every
    /// option draws its normal, taken or not, so the stream's place after a lease does not depend on its outcome, and a
    /// Sobol point has a fixed dimension per option (after the factors and the drawn defaults). A lease's count goes where
    /// <c>L renewals taken K</c> puts it, a contract's into its levers as <c>C renewals taken K</c> sets them, so the
    /// deterministic code takes them.
    /// </summary>
    void DrawRenewals(ref PathStream rng, Work w, uint point)
    {
        int dimension = factors.Length + defaults.Length;
        for (int r = 0; r < renewals.Length; r++)
        {
            double[] beta = renewals[r].Loadings;
            double common = 0;
            for (int f = 0; f < beta.Length; f++)
            {
                common += beta[f] * w.Shock[f];
            }

            double own = OwnWeight(renewalOwn[r], renewalNormal[r], renewalStress[r], w.StressedShare);
            int taken = 0;
            bool renewing = true;
            for (int j = 0; j < renewalOptions[r]; j++)
            {
                double eps = sobolShift is null ? rng.Normal() : SobolNormal(point, dimension++);
                renewing = renewing && (own * eps) + common < renewalThreshold[r];
                taken += renewing ? 1 : 0;
            }

            if (renewals[r].Of == BreakOf.Lease)
            {
                w.Scenario.RenewalsTaken[renewals[r].Entity] = taken;
            }
            else
            {
                w.Scenario.Contracts[renewals[r].Entity] = renewalLevers[r]![taken];
            }
        }
    }

    /// <summary>A copula's own weight √(1 − v) on a path (a drawn default's or a drawn renewal's), v the loaded variance
    /// weighted by the path's stressed share: <paramref name="ownNormal"/>, worked out once, where one regime's loadings
    /// (or none of the loaded factors' correlations moving) leave v the same.</summary>
    internal static double OwnWeight(double ownNormal, double loadedNormal, double loadedStress, double stressedShare) =>
        loadedStress == loadedNormal
            ? ownNormal
            : Math.Sqrt(Math.Max(0.0, 1 - (loadedNormal + (stressedShare * (loadedStress - loadedNormal)))));

    /// <summary>The cumulative hazard H(t) of drawn default <paramref name="d"/> at <paramref name="years"/>.</summary>
    double CumulativeHazard(int d, double years)
    {
        double[] start = segmentStart[d];
        int i = start.Length - 1;
        while (i > 0 && start[i] > years)
        {
            i--;
        }

        return cumulative[d][i] + (hazard[d][i] * (years - start[i]));
    }

    /// <summary>τ with H(τ) = <paramref name="target"/>: within the last piece whose start H reaches, linear in it.</summary>
    double Time(int d, double target)
    {
        double[] cum = cumulative[d];
        int i = cum.Length - 1;
        while (i > 0 && cum[i] > target)
        {
            i--;
        }

        return segmentStart[d][i] + ((target - cum[i]) / hazard[d][i]);
    }

    /// <summary>A drawn rate: mean + σ × the factor's path shock.</summary>
    static double Drawn(FactorSpec factor, double shock) => factor.LongRun + (factor.Volatility * shock);

    /// <summary>The Poisson(λ) count whose distribution function first reaches <paramref name="u"/> (inversion;
    /// at most 64, far beyond any yearly launch intensity over a period); <paramref name="none"/> is e^(−λ).</summary>
    static int Poisson(double u, double lambda, double none)
    {
        double p = none, cdf = p;
        int n = 0;
        while (u > cdf && n < 64)
        {
            n++;
            p *= lambda / n;
            cdf += p;
        }

        return n;
    }

    void Coefficients(FactorSpec factor, out double[] a, out double[] s, out double[] v)
    {
        a = new double[periods];
        s = new double[periods];
        v = new double[periods];
        double kappa = factor.Speed, sigma = factor.Volatility;
        for (int t = 0; t < periods; t++)
        {
            double h = dt[t];
            if (factor.Process == FactorProcess.Gbm)
            {
                a[t] = (factor.Drift - (0.5 * sigma * sigma)) * h;
                s[t] = sigma * Math.Sqrt(h);
                continue;
            }

            // Exact OU transition over the period; κ = 0 is its limit, a random walk σ√Δ.
            a[t] = Math.Exp(-kappa * h);
            double share = kappa > 0 ? -double.ExpM1(-2 * kappa * h) / (2 * kappa) : h;
            s[t] = sigma * Math.Sqrt(share);
            if (t + 1 < periods)
            {
                v[t + 1] = (v[t] * a[t] * a[t]) + (s[t] * s[t]);
            }
        }
    }

    void CheckFactor(DealDescription deal, FactorSpec factor)
    {
        int limit = factor.Target switch
        {
            FactorTarget.Index => deal.Indices.Length,
            FactorTarget.FacilityDeflation => deal.Facilities.Length,
            _ => 1,
        };
        if (factor.Target != FactorTarget.MarketRentDeflation && (uint)factor.Entity >= (uint)limit)
        {
            throw Bad($"factor '{factor.Name}' moves {factor.Target} {factor.Entity}, and the deal has {limit}");
        }

        bool indexProcess = factor.Process != FactorProcess.DrawnRate;
        if (indexProcess != (factor.Target == FactorTarget.Index))
        {
            throw Bad($"factor '{factor.Name}': an index takes gbm, mean reversion or log mean reversion, a deflation lever a drawn rate");
        }

        if (!(factor.Volatility >= 0 && double.IsFinite(factor.Volatility)) || !(factor.Speed >= 0 && double.IsFinite(factor.Speed))
            || !double.IsFinite(factor.Drift) || !double.IsFinite(factor.LongRun)
            || !(factor.JumpIntensity >= 0 && double.IsFinite(factor.JumpIntensity)) || !(factor.JumpDown >= 0 && factor.JumpDown <= 1))
        {
            throw Bad($"factor '{factor.Name}' has a negative or infinite volatility, speed or jump intensity, or a jump step-down outside [0%, 100%]");
        }
    }

    double[] Factor(double[] m, int k, string what) =>
        Correlations.Problem(m, k) is { } problem ? throw Bad($"its {what} matrix is not valid: {problem}") : Correlations.Cholesky(m, k);

    static double[] Identity(int k)
    {
        var m = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            m[(i * k) + i] = 1;
        }

        return m;
    }

    ArgumentException Bad(string what) => new($"Stochastic scenario '{scenario.Name}': {what}.", "scenario");

    /// <summary>One set of buffers' work arrays and its own copy of the scenario, whose default dates each path
    /// overwrites with its draws.</summary>
    sealed class Work(DealDescription deal, ScenarioSpec scenario, DealPaths plan, int k, int jumpFactors, int delays)
    {
        // Each drawn delay's outcome on the path (DrawDelays).
        public readonly int[] DelayOutcome = new int[delays];

        // Each drawn break's date taken on the path, its dates' count for none (DrawBreaks).
        public readonly int[] BreakOutcome = new int[scenario.Stochastic?.Breaks.Length ?? 0];

        public readonly ScenarioSpec Scenario = scenario with
        {
            RenewalsTaken = (int?[])scenario.RenewalsTaken.Clone(),
            PartyDefaults = (Date?[])scenario.PartyDefaults.Clone(),
            // The scenario's own recoveries (a solver's recovery lever) hold on every path; a drawn one overwrites its party's.
            PartyRecoveries = scenario.Stochastic is { } drawn && (drawn.Defaults.Any(m => m.Recovery is not null) || drawn.Recoveries.Length > 0)
                ? [.. Enumerable.Range(0, deal.Parties.Length).Select(p => p < scenario.PartyRecoveries.Length ? scenario.PartyRecoveries[p] : null)]
                : (double?[])scenario.PartyRecoveries.Clone(),
            // A drawn break writes its month where a fixed 'breaks at' does: one entry per lease (contract) when any is drawn.
            LeaseBreaks = scenario.Stochastic is { } withBreaks && withBreaks.Breaks.Any(b => b.Of == BreakOf.Lease) && scenario.LeaseBreaks.Length == 0
                ? new int?[deal.Leases.Length]
                : (int?[])scenario.LeaseBreaks.Clone(),
            Contracts = scenario.Stochastic is { } withContractDraws && (withContractDraws.Breaks.Any(b => b.Of == BreakOf.Contract) || withContractDraws.Renewals.Any(r => r.Of == BreakOf.Contract))
                && scenario.Contracts.Length == 0
                ? new ContractLevers?[deal.Contracts.Length]
                : (ContractLevers?[])scenario.Contracts.Clone(),
            // A drawn workout lag writes the party's months: one entry per party when any is drawn.
            PartyWorkoutMonths = scenario.Stochastic is { Workouts.Length: > 0 }
                ? [.. Enumerable.Range(0, deal.Parties.Length).Select(p => p < scenario.PartyWorkoutMonths.Length ? scenario.PartyWorkoutMonths[p] : null)]
                : (int?[])scenario.PartyWorkoutMonths.Clone(),
            // A loan's own drawn lag writes the loan's months: one entry per loan when any is drawn.
            LoanWorkoutMonths = scenario.Stochastic is { LoanWorkouts.Length: > 0 }
                ? [.. Enumerable.Range(0, deal.Loans.Length).Select(l => l < scenario.LoanWorkoutMonths.Length ? scenario.LoanWorkoutMonths[l] : null)]
                : (int?[])scenario.LoanWorkoutMonths.Clone(),
        };
        public readonly PathMemo Memo = plan.NewMemo();
        public readonly double[] Shock = new double[k], Xi = new double[k];

        // The share of the path shocks' variance drawn in the stress regime (DrawFactors; 0 with one regime).
        public double StressedShare;

        // Each drawn default's day after the closing, ⌈365 τ⌉, however far past the horizon (DrawDefaults).
        public readonly double[] DefaultDays = new double[(scenario.Stochastic?.Defaults.Length) ?? 0];

        // Per period, the factor an index factor's jumps have left it at the period's end (DrawFactors).
        public readonly double[] JumpAt = new double[deal.Periods];

        // An index factor's row of exponents, then of their exponentials (IndexRow).
        public readonly double[] Exponents = new double[deal.Periods];

        // A path's draws for its periods (DrawFactors): each period's regime uniform, k normals and jump uniforms as
        // drawn (a regime's or not, at most one more a period), and the normals (then each period's correlated shocks).
        public readonly ulong[] Draws = new ulong[deal.Periods * (1 + k + jumpFactors)];
        public readonly double[] NormalDraws = new double[deal.Periods * k];
        public readonly double[] Deflation = new double[deal.Facilities.Length];
        public double Market;
    }
}
