using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One override inside a scenario.</summary>
public abstract record ScenarioItemSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>MetaLease renewals taken 1</c></summary>
public sealed record RenewalsTakenSyntax(NameSyntax Lease, int Count, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>MetaLease renewals drawn 60% loading Campus.value 30%</c>: each renewal option taken with
/// <see cref="Probability"/> given the one before was, drawn per path through a Gaussian copula with these loadings
/// (a stochastic item).</summary>
public sealed record RenewalsDrawnSyntax(NameSyntax Lease, ExpressionSyntax Probability, System.Collections.Immutable.ImmutableArray<LoadingSyntax> Loadings, SourceSpan Span)
    : ScenarioItemSyntax(Span);

/// <summary><c>MetaLease breaks at 60m</c>: the lessee exercises the lease's break option at that duration from its start;
/// <c>MetaLease breaks in renewal 1 at 36m</c>: the renewal terms' break, at that duration from the start of renewal
/// term <see cref="Renewal"/> (1-based).</summary>
public sealed record LeaseBreaksSyntax(NameSyntax Lease, DurationSyntax At, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    /// <summary>The renewal term broken (1 the first), or null for a break in the initial term.</summary>
    public int? Renewal { get; init; }
}

/// <summary><c>Campus.value deflate 8% per year</c>, <c>market_rent deflate 8% per year</c> or, for an index, <c>SOFR deflate 10% per year</c> (its drift replaced); with <c>volatility 3% per year</c> (a facility or market_rent) the rate is drawn per path (<see cref="Volatility"/>).
/// <see cref="Grows"/>: written <c>grow</c> (<c>market_rent grow 3% per year</c>), the same drift rising: a deflation of −<see cref="Rate"/>.</summary>
public sealed record DeflateSyntax(ReferenceSyntax Path, ExpressionSyntax Rate, SourceSpan Span, ExpressionSyntax? Volatility = null, bool Grows = false) : ScenarioItemSyntax(Span)
{
    /// <summary>The word written: <c>deflate</c> or <c>grow</c>.</summary>
    public string Verb => Grows ? "grow" : "deflate";
}

/// <summary><c>Campus.value drop 70% by 2034-01-01</c>: a linear fall from closing to the date, held after.</summary>
public sealed record DropSyntax(ReferenceSyntax Path, ExpressionSyntax Fraction, DateSyntax By, SourceSpan Span)
    : ScenarioItemSyntax(Span);

/// <summary><c>Meta defaults on 2035-06-30</c>, with <c>recovery beta mean 40% sd 20%</c> its recovery drawn per path
/// (<see cref="Recovery"/>: a stochastic item).</summary>
public sealed record PartyDefaultsSyntax(NameSyntax Party, DateSyntax On, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    /// <summary><c>recovery beta mean 40% sd 20%</c>: the party's recovery drawn per path from a beta distribution, as a
    /// drawn default's is, in place of its fixed <c>recovery</c>; null when not given.</summary>
    public RecoveryDrawSyntax? Recovery { get; init; }

    /// <summary>Loadings written before <c>recovery</c> (<c>Tenant defaults on 2031-06-30 loading H100Rent 60%</c>):
    /// they would load the default time, which a dated default does not draw, so each is reported (DL0512); empty when
    /// none is written.</summary>
    public System.Collections.Immutable.ImmutableArray<LoadingSyntax> DateLoadings { get; init; } = [];
}

/// <summary><c>enforcement haircut 50% lag 12m</c>, and the repo market's levers: <c>depth 800 gpus per month
/// impact 30%  limit 2000 gpus per month  costs 800 per gpu</c> (<see cref="Market"/>), and the yield the loans sold at one
/// are priced at: <c>price yield 16%</c> (<see cref="Yield"/>).</summary>
public sealed record EnforcementOverrideSyntax(ExpressionSyntax? Haircut, DurationSyntax? Lag, SourceSpan Span, MarketTermsSyntax? Market = null)
    : ScenarioItemSyntax(Span)
{
    /// <summary><c>price yield Y</c>: the yield of every sale that prices its loans at one; null when not written.</summary>
    public ExpressionSyntax? Yield { get; init; }
}

/// <summary><c>SOFR level 5%</c>: the index's level replaced (in the index's unit).</summary>
public sealed record IndexLevelOverrideSyntax(NameSyntax Index, ExpressionSyntax Level, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>H100Rent points interpolated { … }</c>: the index's points replaced (its drift then runs from their last).</summary>
public sealed record IndexPointsOverrideSyntax(NameSyntax Index, IndexPointsSyntax Points, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>H100Rent launch 2027-01-01 down 25%</c>: a launch added to the index's own (a shock).</summary>
public sealed record IndexLaunchOverrideSyntax(NameSyntax Index, LaunchSyntax Launch, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>Built delayed 6m</c>: the index's dated points (the deal's, or this scenario's if it set them before)
/// move later by the duration: a construction delay when the index is a share of buildings completed. With
/// <see cref="From"/> (<c>from 2027-06-30</c>), only the points on or after that date move: the later buildings.</summary>
public sealed record IndexDelayedSyntax(NameSyntax Index, DurationSyntax Delay, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    public DateSyntax? From { get; init; }
}

/// <summary><c>SOFR shift +100bp</c>: a parallel shift added to the index's level at every date (in the index's unit).</summary>
public sealed record IndexShiftSyntax(NameSyntax Index, ExpressionSyntax Shift, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>MsftH100 utilisation 95%</c>: the share of a contract's hours used (paid above its take-or-pay share).</summary>
public sealed record UtilisationSyntax(NameSyntax Contract, ExpressionSyntax Utilisation, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>MsftH100 relet after 6m at 60%</c> (<see cref="After"/> and <see cref="Utilisation"/> given) or
/// <c>MsftH100 not relet</c> (both null): whether a contract's units are re-let at the spot index once it stops.
/// <c>rising to 80% over 12m</c> ramps the utilisation from <see cref="Utilisation"/> to <see cref="RampTo"/> over the
/// <see cref="RampOver"/> months from the re-let's start, and <c>price 85% of H100Rent</c> (<see cref="Price"/>) lets the
/// units at that price in place of the spot index, as a sale's re-let of idle units (docs/language.md §5,
/// "contract-relet-ramp").</summary>
public sealed record ReletSyntax(NameSyntax Contract, DurationSyntax? After, ExpressionSyntax? Utilisation, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    /// <summary>The utilisation the ramp reaches (<c>rising to R1</c>); null for a flat utilisation.</summary>
    public ExpressionSyntax? RampTo { get; init; }

    /// <summary>The ramp's months from the re-let's start (<c>over M</c>); null for a flat utilisation.</summary>
    public DurationSyntax? RampOver { get; init; }

    /// <summary>The re-let's price per GPU-hour (<c>price …</c>); null for the fleet's spot index.</summary>
    public ExpressionSyntax? Price { get; init; }

    /// <summary><c>at beta mean 60% sd 15% [loading F γ]…</c>: the utilisation (the flat level, or a ramp's start) drawn
    /// per path from that beta, a stochastic item; <see cref="Utilisation"/> is then its mean (docs/language.md §5,
    /// "drawn-relet-utilisation").</summary>
    public BetaRecoverySyntax? Drawn { get; init; }

    /// <summary><c>rising to beta mean 70% sd 15% … over M</c>: the ramp's end drawn per path, as <see cref="Drawn"/>;
    /// <see cref="RampTo"/> is then its mean.</summary>
    public BetaRecoverySyntax? DrawnTo { get; init; }

    /// <summary>The drawn utilisations' sds and loadings (their means are <see cref="Utilisation"/> and <see cref="RampTo"/>), for walks.</summary>
    public IEnumerable<ExpressionSyntax?> DrawnExpressions => ReletDraws.Expressions(Drawn, DrawnTo);

    /// <summary><c>at curve { 0m 30%  3m 55% … }</c>: the utilisation follows that curve from the re-let's start, in place of a
    /// flat level or a straight ramp (docs/language.md §9, "relet-curve"); <see cref="Utilisation"/> is then the first
    /// point's level. Null for a flat level or a straight ramp.</summary>
    public ReletCurveSyntax? Curve { get; init; }

    /// <summary>The curve's levels after the first (which is <see cref="Utilisation"/>), for walks.</summary>
    public IEnumerable<ExpressionSyntax?> CurveExpressions => Curve?.Levels.Skip(1) ?? [];
}

/// <summary><c>paths 100000</c>: a stochastic scenario's number of paths (the command line may override it).</summary>
public sealed record PathsSyntax(int Count, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>seed 42</c>: a stochastic scenario's seed (the command line may override it).</summary>
public sealed record SeedSyntax(ulong Seed, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>antithetic</c>: path 2k+1 mirrors path 2k's draws.</summary>
public sealed record AntitheticSyntax(SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>sobol</c>: path i's factor shocks and default normals from point i of a randomised Sobol sequence.</summary>
public sealed record SobolSyntax(SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary>An index's process: <c>H100Rent gbm drift -10% per year volatility 30% per year</c>
/// (<see cref="Drift"/> set), <c>Sofr reverts to 4% speed 50% per year volatility 1% per year</c> (Ornstein–Uhlenbeck:
/// <see cref="Toward"/> set, its volatility in the index's unit), or <c>H100Rent reverts to trend speed 100% per year
/// volatility 25% per year</c> (log-OU toward the index's own deterministic row: neither set).</summary>
public sealed record IndexProcessSyntax(NameSyntax Index, ExpressionSyntax? Drift, ExpressionSyntax? Toward, ExpressionSyntax? Speed,
    ExpressionSyntax Volatility, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    public bool IsGbm => Drift is not null;

    public bool ToTrend => Drift is null && Toward is null;
}

/// <summary><c>H100Rent jumps 50% per year down 30%</c>: launches as a Poisson process, each a step down.</summary>
public sealed record JumpsSyntax(NameSyntax Index, ExpressionSyntax Rate, ExpressionSyntax Down, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>correlate H100Rent with Campus.value 50% stress 90%</c>: one entry (and its mirror) of the
/// factors' correlation matrix, in the normal regime and, optionally, in the stress regime.</summary>
public sealed record CorrelateSyntax(ReferenceSyntax A, ReferenceSyntax B, ExpressionSyntax Normal, ExpressionSyntax? Stress, SourceSpan Span)
    : ScenarioItemSyntax(Span);

/// <summary><c>regimes stress 20% per year normal 100% per year</c>: the Markov switching intensities.</summary>
public sealed record RegimesSyntax(ExpressionSyntax ToStress, ExpressionSyntax ToNormal, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>Meta defaults drawn pd 2% per year loading H100Rent 40%</c>: the party's default time drawn from a
/// constant hazard (its own <c>pd</c> unless given), through a Gaussian copula with these loadings.</summary>
public sealed record DrawnDefaultsSyntax(NameSyntax Party, ExpressionSyntax? Pd, System.Collections.Immutable.ImmutableArray<LoadingSyntax> Loadings, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    /// <summary>The PD's term structure after the first: <c>until 2028-01-01 then 3% per year</c>, each from its date on.</summary>
    public System.Collections.Immutable.ImmutableArray<PdStepSyntax> Steps { get; init; } = [];

    /// <summary><c>recovery beta mean 40% sd 20%</c>: the party's recovery drawn per path from a beta distribution
    /// with that mean and standard deviation, in place of its fixed <c>recovery</c>; null when not given.</summary>
    public RecoveryDrawSyntax? Recovery { get; init; }
}

/// <summary>A default's recovery drawn per path (<see cref="BetaRecoverySyntax"/> or <see cref="OutcomesRecoverySyntax"/>),
/// with <c>loading H100Rent 60%</c> after it the recovery's own loadings on the factors (wrong-way risk; empty:
/// independent of them).</summary>
public abstract record RecoveryDrawSyntax(SourceSpan Span) : SyntaxNode(Span)
{
    public System.Collections.Immutable.ImmutableArray<LoadingSyntax> Loadings { get; init; } = [];
}

/// <summary><c>recovery beta mean 40% sd 20%</c>: drawn from the beta distribution of that mean and sd.</summary>
public sealed record BetaRecoverySyntax(ExpressionSyntax Mean, ExpressionSyntax Sd, SourceSpan Span) : RecoveryDrawSyntax(Span);

/// <summary><c>until 2028-01-01 then 3% per year</c>: the annual PD of a drawn default from <see cref="From"/> on.</summary>
public sealed record PdStepSyntax(DateSyntax From, ExpressionSyntax Pd, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>loading H100Rent 40%</c></summary>
public sealed record LoadingSyntax(ReferenceSyntax Factor, ExpressionSyntax Beta, SourceSpan Span) : SyntaxNode(Span);
