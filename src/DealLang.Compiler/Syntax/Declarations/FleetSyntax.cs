using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>fleet Cluster { deliveries { 2025-03-31 4000 gpus at 31k per gpu … }  depreciate straight_line 6y
/// power 0.7 kW per gpu  pue 1.3  power_price 80 per MWh  maintenance 2% per year  idle_cost 15%
/// generation H100Rent  market_value 90% declining 18% per year }</c>: GPUs the deal owns, delivered in batches (or one batch at
/// closing: <see cref="Units"/> and <see cref="UnitCost"/>), with their book and market value and their running
/// costs (<see cref="IdleCost"/>: the share of them an idle unit still costs); its <see cref="Generation"/> is the rent index whose moves (drift, launches) move its market value.
/// </summary>
public sealed record FleetSyntax(
    NameSyntax Name,
    ImmutableArray<DeliverySyntax> Deliveries,
    SourceSpan? DeliveriesSpan,
    ExpressionSyntax? Units,
    ExpressionSyntax? UnitCost,
    DepreciationSyntax? Depreciation,
    ExpressionSyntax? Power,
    ExpressionSyntax? Pue,
    ExpressionSyntax? PowerPrice,
    ExpressionSyntax? Maintenance,
    ExpressionSyntax? IdleCost,
    MarketValueSyntax? MarketValue,
    NameSyntax? Generation,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Fleet;
}

/// <summary>One batch of a fleet: <c>2025-03-31 4000 gpus at 31k per gpu</c>.</summary>
public sealed record DeliverySyntax(DateSyntax Date, ExpressionSyntax? Units, ExpressionSyntax? Cost, SourceSpan Span) : SyntaxNode(Span);

/// <summary>How a fleet's book value falls from its cost.</summary>
public abstract record DepreciationSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>depreciate straight_line 6y</c>: to zero over the life, from each batch's delivery.</summary>
public sealed record StraightLineDepreciationSyntax(DurationSyntax Life, SourceSpan Span) : DepreciationSyntax(Span);

/// <summary><c>depreciate declining 30% per year</c>: the book value falls by the rate a year, compounded.</summary>
public sealed record DecliningDepreciationSyntax(ExpressionSyntax? Rate, SourceSpan Span) : DepreciationSyntax(Span);

/// <summary><c>market_value 90% declining 30% per year</c>: a unit's market value is its cost × the first share ×
/// (1 − the decline) to the power of its age in years.</summary>
public sealed record MarketValueSyntax(ExpressionSyntax? Residual, ExpressionSyntax? Decline, SourceSpan Span) : SyntaxNode(Span);
