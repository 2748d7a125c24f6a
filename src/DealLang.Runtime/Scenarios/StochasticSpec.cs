namespace DealLang.Runtime;

/// <summary>
/// The stochastic part of a scenario (docs/language.md §10, "Stochastic scenarios"): the factors it draws per path,
/// the correlation of their shocks (one matrix, or a normal and a stress matrix with a regime process), and the
/// parties whose default times it draws. Run-time data like the rest of <see cref="ScenarioSpec"/>: a Monte Carlo path
/// source (DealLang.Runner.MonteCarlo.StochasticPaths) turns it into each path's inputs.
/// </summary>
/// <param name="Paths">The scenario's <c>paths N</c>; null when it does not say.</param>
/// <param name="Seed">The scenario's <c>seed S</c>; null when it does not say.</param>
/// <param name="Antithetic">Path 2k+1 mirrors path 2k's draws (its normals negated).</param>
/// <param name="Factors">The factors, in the order their shocks are drawn (the correlation matrices' order).</param>
/// <param name="Correlation">The shocks' correlation; null for independent shocks.</param>
/// <param name="Defaults">The parties whose default time is drawn.</param>
public sealed record StochasticSpec(
    int? Paths,
    ulong? Seed,
    bool Antithetic,
    FactorSpec[] Factors,
    CorrelationSpec? Correlation,
    DefaultModel[] Defaults)
{
    /// <summary>Paths run when neither the scenario nor the command line says.</summary>
    public const int DefaultPaths = 10_000;

    /// <summary>The seed used when neither the scenario nor the command line says.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Path i's factors' path shocks, drawn defaults' and renewal options' normals, drawn delays' uniforms, drawn
    /// break dates' normals and drawn workout lags' uniforms come from point i of a Sobol sequence with
    /// a digital shift drawn from the seed (<c>sobol</c>), not from its Philox stream; only with every factor a drawn
    /// rate, one regime and no <see cref="Antithetic"/>.</summary>
    public bool Sobol { get; init; }

    /// <summary>The leases whose renewals are drawn per path (<c>MetaLease renewals drawn 60%</c>), in the order written;
    /// empty for none. Their normals come after every other draw of a path (docs/language.md §10, "Drawn renewals").</summary>
    public RenewalModel[] Renewals { get; init; } = [];

    /// <summary>The indices whose dated points move by a delay drawn per path (<c>Built delayed drawn 0m with 50%, 6m
    /// with 50%</c>), in the order written; empty for none. Each takes one uniform (a loaded one, its normal at the same
    /// place) after every other draw of a path but a dated default's drawn recovery and the drawn breaks (under
    /// <see cref="Sobol"/>, its own dimension; docs/language.md §10, "Drawn delays").</summary>
    public DelayModel[] Delays { get; init; } = [];

    /// <summary>The parties whose default is dated (<c>Tenant defaults on 2031-06-30 recovery beta mean 40% sd 20%</c>)
    /// and whose recovery is drawn per path, in the order written; empty for none. Each draws its beta variate after
    /// every other draw of a path but the drawn breaks (docs/language.md §10, "Stochastic scenarios").</summary>
    public RecoveryModel[] Recoveries { get; init; } = [];

    /// <summary>The leases and contracts whose break is drawn per path (<c>L breaks drawn at 60m with 20%, 120m with
    /// 30%</c>), in the order written; empty for none. Their normals come after every other draw of a path, a dated
    /// default's drawn recovery's too (under <see cref="Sobol"/>, a dimension per break date after the drawn delays;
    /// docs/language.md §10, "Drawn breaks").</summary>
    public BreakModel[] Breaks { get; init; } = [];

    /// <summary>The parties whose loans' workout lag is drawn per path (<c>Obligor workout drawn 6m with 30%, 18m with
    /// 70%</c>), in the order written; empty for none. Each takes one uniform (a loaded one, its normal at the same
    /// place) after every other draw of a path (under
    /// <see cref="Sobol"/>, its own dimension after the drawn break dates; docs/language.md §10, "Drawn workout
    /// lags").</summary>
    public WorkoutModel[] Workouts { get; init; } = [];

    /// <summary>The loans whose own workout lag is drawn per path (<c>Loan workout drawn 36m with 20%, 60m with 80%</c>,
    /// each with its <see cref="WorkoutModel.Loan"/>), in the order written; empty for none. Each takes one uniform (a
    /// loaded one, its normal at the same place) after every other draw of a path, the renewal terms' drawn breaks'
    /// too, so a scenario without one draws what it drew before they existed (under <see cref="Sobol"/>, its own
    /// dimension after those; docs/language.md §10, "Drawn workout lags").</summary>
    public WorkoutModel[] LoanWorkouts { get; init; } = [];

    /// <summary>The partial-payment windows whose share is drawn per path (<c>MinerLoan pays beta mean 60% sd 15% from …</c>),
    /// in the order written; empty for none. Each draws its beta variate (a loaded one turned through its copula, drawing
    /// nothing more) after every other draw of a path, a loan's own drawn workout lag's too, so a scenario without one
    /// draws what it drew before they existed; under <see cref="Sobol"/> from the Philox stream, as a drawn recovery,
    /// taking no dimension (docs/language.md §10, "Partial payments").</summary>
    public PaymentShareModel[] PaymentShares { get; init; } = [];

    /// <summary>The re-lets' utilisations drawn per path (<c>H100s relet after 3m at beta mean 60% sd 15% …</c>, <c>rising
    /// to beta …</c>, a scenario's <c>enforcement relet idle at beta …</c>), in the order written (a re-let's <c>at</c>
    /// before its <c>rising to</c>); empty for none. Each draws its beta variate (a loaded one turned through its copula,
    /// drawing nothing more) after every other draw of a path, the drawn shares' too, so a scenario without one draws
    /// what it drew before they existed; under <see cref="Sobol"/> from the Philox stream, as a drawn share, taking no
    /// dimension (docs/language.md §5, "drawn-relet-utilisation").</summary>
    public ReletUtilisationModel[] ReletUtilisations { get; init; } = [];
}

/// <summary>
/// A re-let's utilisation drawn per path: contract <see cref="Contract"/>'s re-let (null: the scenario's <c>enforcement
/// relet idle</c>, every sale that re-lets idle units), its level (its flat utilisation, or its ramp's start) or with
/// <see cref="RampEnd"/> the level its ramp reaches, drawn once per path from <see cref="Utilisation"/>, a beta by the
/// method of moments with its loadings on the factors (as a drawn recovery's: a positive loading gives the lower
/// utilisations on the paths where the factor's shock is low), in place of the one written (its mean).
/// </summary>
public sealed record ReletUtilisationModel(int? Contract, bool RampEnd, RecoveryBeta Utilisation);

/// <summary>
/// A partial payment's share drawn per path: window <see cref="Window"/> (0 the first, the scenario's
/// <see cref="ScenarioSpec.LoanPayments"/> order) of loan <see cref="Loan"/> pays, in each of its periods, a share drawn
/// once per path from <see cref="Share"/>, a beta by the method of moments with its loadings on the factors (as a drawn
/// recovery's: a positive loading gives the lower shares on the paths where the factor's shock is low), in place of the
/// window's own share (its mean).
/// </summary>
public sealed record PaymentShareModel(int Loan, int Window, RecoveryBeta Share);

/// <summary>What a factor moves.</summary>
public enum FactorTarget
{
    /// <summary>An index's level row (<see cref="FactorSpec.Entity"/> is the index).</summary>
    Index,

    /// <summary>A facility's value deflation per year, drawn once per path (<see cref="FactorSpec.Entity"/> is the facility).</summary>
    FacilityDeflation,

    /// <summary>The market-rent deflation per year (leases renewing at market), drawn once per path.</summary>
    MarketRentDeflation,
}

/// <summary>How a factor moves (docs/language.md §10, "Stochastic scenarios", for each formula).</summary>
public enum FactorProcess
{
    /// <summary>Geometric Brownian motion from the index's level at the closing: drift μ and volatility σ per year.</summary>
    Gbm,

    /// <summary>Ornstein–Uhlenbeck (Vasicek) on the level: speed κ per year toward the long-run level θ, volatility σ
    /// in the index's unit per √year.</summary>
    MeanReverting,

    /// <summary>Log-OU toward the index's own deterministic row (its level, points, deflation and launches):
    /// log deviation mean-reverting at speed κ with volatility σ per √year, mean-corrected.</summary>
    LogMeanReverting,

    /// <summary>A rate drawn once per path: mean + σ × the factor's path shock (a deflation lever).</summary>
    DrawnRate,
}

/// <summary>
/// One factor: its name (what a correlation matrix and a loading call it), what it moves, and its process's
/// parameters as fractions per year (volatilities per √year; an OU volatility and long-run level in the index's unit).
/// Jumps (Poisson launches: <see cref="JumpIntensity"/> a year, each multiplying the level by 1 − <see cref="JumpDown"/>)
/// apply to an index factor of any process.
/// </summary>
public sealed record FactorSpec(string Name, FactorTarget Target, int Entity, FactorProcess Process)
{
    public double Drift { get; init; }
    public double Volatility { get; init; }
    public double Speed { get; init; }
    public double LongRun { get; init; }
    public double JumpIntensity { get; init; }
    public double JumpDown { get; init; }

    /// <summary>The level read is max(0, X): an index of a price (money, or money per unit) or a ratio, which an
    /// arithmetic (<see cref="FactorProcess.MeanReverting"/>) process can take below zero, while a price never goes
    /// there; the process itself runs on from X (a rate's index is read as drawn, below zero included).</summary>
    public bool NeverNegative { get; init; }
}

/// <summary>
/// The shocks' correlation: <see cref="Normal"/> (row-major, factors × factors), and optionally a
/// <see cref="Stress"/> matrix with Markov switching between the two regimes at yearly intensities (a path starts
/// in the normal regime).
/// </summary>
public sealed record CorrelationSpec(double[] Normal, double[]? Stress, double ToStressPerYear, double ToNormalPerYear);

/// <summary>
/// A party's drawn default time: a constant hazard from <see cref="AnnualPd"/>, correlated with the factors through
/// a Gaussian copula with one loading per factor (the scenario's factor order; βᵀRβ ≤ 1, R the factors' correlations).
/// </summary>
public sealed record DefaultModel(int Party, double AnnualPd, double[] Loadings)
{
    /// <summary>A term structure: from each step's date on (dates increasing, after the closing), its annual PD in
    /// place of the one before; empty for a constant hazard.</summary>
    public PdStep[] Steps { get; init; } = [];

    /// <summary>The party's recovery drawn per path from this distribution (a beta, or outcomes) in place of its fixed
    /// one; null: the party's <c>recovery</c>.</summary>
    public RecoveryDraw? Recovery { get; init; }

    // Records compare arrays by reference; a model is compared by its numbers.
    public bool Equals(DefaultModel? other) => other is not null && Party == other.Party && AnnualPd.Equals(other.AnnualPd)
        && Loadings.AsSpan().SequenceEqual(other.Loadings) && Steps.AsSpan().SequenceEqual(other.Steps) && Recovery == other.Recovery;

    public override int GetHashCode() => HashCode.Combine(Party, AnnualPd, Loadings.Length, Steps.Length);
}

/// <summary>
/// A lease's (or a compute contract's) renewals drawn per path: each of its options is taken, given the one before was,
/// when √(1 − βᵀRβ) ε_j + Σ β_k Z_k &lt; Φ⁻¹(<see cref="Probability"/>), ε_j a normal of its own per option and Z_k the
/// factors' path shocks, as a drawn default reads them (one loading per factor, the scenario's factor order).
/// <see cref="Entity"/> is the lease or the contract (by <see cref="Of"/>) in the description's order.
/// </summary>
public sealed record RenewalModel(int Entity, double Probability, double[] Loadings)
{
    /// <summary>Whose options are drawn: a lease's lessee's (the default) or a contract's customer's.</summary>
    public BreakOf Of { get; init; }

    // Records compare arrays by reference; a model is compared by its numbers.
    public bool Equals(RenewalModel? other) => other is not null && Of == other.Of && Entity == other.Entity && Probability.Equals(other.Probability)
        && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Of, Entity, Probability, Loadings.Length);
}

/// <summary>
/// A completion delay drawn per path: index <see cref="Index"/>'s dated points move later by <c>Months[j]</c> whole
/// months (as a scenario's <c>delayed</c> moves them) with probability <c>Probabilities[j]</c>; the probabilities add
/// up to 1 and the months are distinct, each in [0, 120]. With <see cref="From"/>, only the points on or after it move.
/// </summary>
public sealed record DelayModel(int Index, int[] Months, double[] Probabilities)
{
    /// <summary><c>from DATE</c>: the first dated point that moves (the later buildings'); null, every point.</summary>
    public Date? From { get; init; }

    /// <summary>The delay's loadings β on the factors' path shocks (one per factor, the scenario's factor order,
    /// βᵀRβ ≤ 1; the months then increasing): outcome j is drawn where Φ(√(1 − βᵀRβ) ε + Σ β_k Z_k) first falls below
    /// p_0 + … + p_j, ε the delay's own normal. Empty (or all 0): independent of the factors, its uniform compared
    /// as it is.</summary>
    public double[] Loadings { get; init; } = [];

    // Records compare arrays by reference; a model is compared by its numbers.
    public bool Equals(DelayModel? other) => other is not null && Index == other.Index && From == other.From
        && Months.AsSpan().SequenceEqual(other.Months) && Probabilities.AsSpan().SequenceEqual(other.Probabilities)
        && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Index, Months.Length);
}

/// <summary>
/// A workout lag drawn per path: each loan party <see cref="Party"/> owes with a workout lag (<c>recovery R after D</c>)
/// receives its recovery <c>Months[j]</c> months after the default in place of D, with probability
/// <c>Probabilities[j]</c>; the probabilities add up to 1 and the months increase, each in [1, 120].
/// </summary>
public sealed record WorkoutModel(int Party, int[] Months, double[] Probabilities)
{
    /// <summary>The lag's loadings β on the factors' path shocks (one per factor, the scenario's factor order,
    /// βᵀRβ ≤ 1), as a drawn delay's (<see cref="DelayModel.Loadings"/>): outcome j is drawn where
    /// Φ(√(1 − βᵀRβ) ε + Σ β_k Z_k) first falls below p_0 + … + p_j, ε the lag's own normal, so a positive β draws the
    /// longer lags where factor k's shock is high. Empty (or all 0): independent of the factors, its uniform compared
    /// as it is.</summary>
    public double[] Loadings { get; init; } = [];

    /// <summary>A loan's own lag (<c>L workout drawn …</c>): the loan (the description's order) whose lag it draws, in
    /// place of its obligor's (<see cref="Party"/>, then the loan's obligor) for that loan only; −1 (the default) for a
    /// party's lag, reaching every loan it owes with a lag.</summary>
    public int Loan { get; init; } = -1;

    // Records compare arrays by reference; a model is compared by its numbers.
    public bool Equals(WorkoutModel? other) => other is not null && Party == other.Party && Loan == other.Loan
        && Months.AsSpan().SequenceEqual(other.Months) && Probabilities.AsSpan().SequenceEqual(other.Probabilities)
        && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Party, Months.Length);
}

/// <summary>Whose option a drawn break (or drawn renewals) exercises: a lease's lessee's or a contract's customer's.</summary>
public enum BreakOf
{
    Lease,
    Contract,
}

/// <summary>
/// A break drawn per path: lease or contract <see cref="Entity"/> (by <see cref="Of"/>) is broken at the first of its
/// break dates <c>Months[j]</c> (months from its start, increasing) with √(1 − βᵀRβ) ε_j + Σ β_k Z_k &lt;
/// Φ⁻¹(<c>Probabilities[j]</c>), the probability of breaking there given it was not broken before; ε_j a normal of its
/// own per date and Z_k the factors' path shocks, as a drawn default reads them (one loading per factor). With
/// <see cref="Renewal"/> k above 0, the dates are renewal term k's (still counted from the start), taken only on a path
/// that takes at least k renewals.
/// </summary>
public sealed record BreakModel(BreakOf Of, int Entity, int[] Months, double[] Probabilities, double[] Loadings)
{
    /// <summary>The renewal term (1 the first) whose break dates <see cref="Months"/> are; 0 for the initial term's. A
    /// renewal's break draws after every other draw of the path (StochasticPaths.DrawRenewalBreaks).</summary>
    public int Renewal { get; init; }

    // Records compare arrays by reference; a model is compared by its numbers.
    public bool Equals(BreakModel? other) => other is not null && Of == other.Of && Entity == other.Entity && Renewal == other.Renewal
        && Months.AsSpan().SequenceEqual(other.Months) && Probabilities.AsSpan().SequenceEqual(other.Probabilities)
        && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Of, Entity, Months.Length);
}

/// <summary>A dated default's recovery drawn per path: party <see cref="Party"/>'s recovery, in place of its fixed one,
/// drawn from <see cref="Recovery"/> as a drawn default's is (the scenario dates the party's default).</summary>
public sealed record RecoveryModel(int Party, RecoveryDraw Recovery);

/// <summary>One step of a PD term structure: the annual PD from <see cref="From"/> on.</summary>
public sealed record PdStep(Date From, double AnnualPd);

/// <summary>
/// A default's recovery drawn per path, from a distribution on [0, 1] whose quantile a uniform U is turned into: a beta
/// (<see cref="RecoveryBeta"/>) or outcomes (<see cref="RecoveryOutcomes"/>).
/// </summary>
public abstract record RecoveryDraw
{
    /// <summary>The recovery's loadings γ on the factors' path shocks (wrong-way risk: one per factor, the scenario's
    /// factor order, γᵀRγ ≤ 1), its uniform U = Φ(√(1 − γᵀRγ) η + Σ γ_k Z_k) and R the distribution's quantile at U;
    /// empty: independent of the factors.</summary>
    public double[] Loadings { get; init; } = [];

    /// <summary>Whether the recovery loads on any factor.</summary>
    public bool IsLoaded => Array.Exists(Loadings, g => g != 0);
}

/// <summary>
/// A recovery drawn per path from the beta distribution of mean <see cref="Mean"/> and standard deviation
/// <see cref="Sd"/> (0 &lt; mean &lt; 1, 0 &lt; sd² &lt; mean (1 − mean)), by the method of moments:
/// α = mean × ν and β = (1 − mean) × ν with ν = mean (1 − mean) / sd² − 1. Without loadings, R is the beta variate
/// itself.
/// </summary>
public sealed record RecoveryBeta(double Mean, double Sd) : RecoveryDraw
{
    // Records compare arrays by reference; a recovery is compared by its numbers.
    public bool Equals(RecoveryBeta? other) => other is not null && Mean.Equals(other.Mean) && Sd.Equals(other.Sd)
        && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Mean, Sd, Loadings.Length);

    /// <summary>α + β.</summary>
    public double Concentration => (Mean * (1 - Mean) / (Sd * Sd)) - 1;

    public double Alpha => Mean * Concentration;

    public double Beta => (1 - Mean) * Concentration;
}
