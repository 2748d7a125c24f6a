using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>enforcement { sell Campus haircut 20% lag 6m  waterfall { ... } }</c></summary>
public sealed record EnforcementSyntax(
    ImmutableArray<SellSyntax> Sales,
    WaterfallSyntax? Waterfall,
    SourceSpan Span) : DeclarationSyntax(Span);

/// <summary><c>sell Campus haircut 20% lag 6m</c>: collateral sold after the lag at value less the haircut; with
/// <see cref="Market"/>, a fleet's units sold month by month into the repo market; with <see cref="Spread"/>, coins
/// sold over several periods; with <see cref="Price"/>, each loan sold at a market price rather than par; with
/// <see cref="SubjectToLease"/> (<c>subject to lease</c>, its span), each facility sold only once the leases of it have
/// ended (docs/language.md §9, "subject-to-lease").</summary>
public sealed record SellSyntax(
    ImmutableArray<NameSyntax> Assets,
    ExpressionSyntax? Haircut,
    DurationSyntax? Lag,
    SourceSpan Span,
    MarketTermsSyntax? Market = null,
    SpreadSyntax? Spread = null,
    LoanPriceSyntax? Price = null,
    SourceSpan? SubjectToLease = null) : SyntaxNode(Span);

/// <summary>A loan's market price in an enforcement sale (docs/language.md §9, "A loan's market price"): <c>price yield
/// 14%</c> (<see cref="Yield"/>: the present value of its remaining payments at that yield) or <c>price LoanMarks</c>
/// (<see cref="Index"/>: its balance × that index's level, a price as a share of par). Exactly one is set.</summary>
public sealed record LoanPriceSyntax(ExpressionSyntax? Yield, NameSyntax? Index, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>over 4 periods</c>: a sale of coins spread over that many periods from the sale's first (docs/language.md
/// §9), <see cref="Periods"/> at least 1 (a count that is not is DL0106, and the sale has no spread); with
/// <c>half_life 3m</c> (<see cref="HalfLife"/>) the coins' market remembers each period's sale into the periods after it
/// (docs/language.md §9, "coin-impact-carry").</summary>
public sealed record SpreadSyntax(int Periods, SourceSpan Span, DurationSyntax? HalfLife = null) : SyntaxNode(Span);

/// <summary>The repo market a fleet's units are sold into (docs/language.md §9): <c>depth 1500 gpus per month</c>
/// (units a month it absorbs near the market price), <c>impact 20%</c> (the price cut when a month's sales equal the
/// depth), <c>limit 3000 gpus per month</c> (most units sold a month) and <c>costs 500 per gpu</c> (removal and
/// transport); the workout's <c>keep contracts</c> (<see cref="Keep"/>) and <c>reserve 12k per gpu</c>
/// (<see cref="Reserve"/>), <c>relet idle at 60% for 6m</c> (<see cref="Relet"/>) and <c>half_life 3m</c>
/// (<see cref="HalfLife"/>: the impact carried into the months after a sale, halving every 3 months). Null when none is
/// written.</summary>
public sealed record MarketTermsSyntax(
    ExpressionSyntax? Depth,
    ExpressionSyntax? Impact,
    ExpressionSyntax? Limit,
    ExpressionSyntax? Costs,
    ExpressionSyntax? Reserve = null,
    KeepContractsSyntax? Keep = null,
    ReletIdleSyntax? Relet = null,
    DurationSyntax? HalfLife = null)
{
    /// <summary>The terms' expressions, for walks.</summary>
    public IEnumerable<ExpressionSyntax?> Expressions => [Depth, Impact, Limit, Costs, Reserve, Relet?.Utilisation, Relet?.RampTo, Relet?.Price, .. Relet?.DrawnExpressions ?? [], .. Relet?.CurveExpressions ?? []];

    /// <summary>The first term written, for a message about the terms as a whole.</summary>
    public SourceSpan? FirstSpan => (Depth ?? Impact ?? Limit ?? Costs ?? Reserve)?.Span ?? Keep?.Span ?? Relet?.Span ?? HalfLife?.Span;
}

/// <summary><c>relet idle at 60% for 6m</c> (<see cref="Relets"/> true): from the sale date the fleet's free units are
/// re-let at its spot index at <see cref="Utilisation"/>, for <see cref="For"/> (null: until the run's last period),
/// and none is offered for sale meanwhile (docs/language.md §9, "Re-letting idle units"); in a scenario,
/// <c>enforcement not relet idle</c> (false: no re-let, the sale offers its free units at once). <c>rising to 80% over 12m</c>
/// ramps the utilisation from <see cref="Utilisation"/> to <see cref="RampTo"/> over the <see cref="RampOver"/> months from
/// the sale date; <c>price 85% of H100Rent</c> or <c>price H100Rent - 0.30</c> (<see cref="Price"/>) lets the units at that
/// price in place of the fleet's spot index (docs/language.md §9, "relet-ramp").</summary>
public sealed record ReletIdleSyntax(bool Relets, ExpressionSyntax? Utilisation, DurationSyntax? For, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The utilisation the ramp reaches (<c>rising to R1</c>); null for a flat utilisation.</summary>
    public ExpressionSyntax? RampTo { get; init; }

    /// <summary>The ramp's months from the sale date (<c>over M</c>); null for a flat utilisation.</summary>
    public DurationSyntax? RampOver { get; init; }

    /// <summary>The re-let's price per GPU-hour (<c>price …</c>); null for the fleet's spot index.</summary>
    public ExpressionSyntax? Price { get; init; }

    /// <summary><c>at beta mean 60% sd 15% [loading F γ]…</c>: the utilisation (the flat level, or a ramp's start) drawn
    /// per path from that beta in a stochastic scenario's <c>enforcement relet idle</c> (a sale's own is DL0527);
    /// <see cref="Utilisation"/> is then its mean (docs/language.md §9, "drawn-relet-utilisation").</summary>
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

/// <summary><c>keep contracts</c> (<see cref="KeepsContracts"/> true: the lender keeps the fleet's running compute
/// contracts and sells only idle and freed units) or, in a scenario, <c>enforcement sell all</c> (false: every unit
/// is sold, its contracts going with it).</summary>
public sealed record KeepContractsSyntax(bool KeepsContracts, SourceSpan Span) : SyntaxNode(Span);
