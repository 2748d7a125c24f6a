using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One override inside a scenario.</summary>
public abstract record ScenarioItemSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>MetaLease renewals taken 1</c></summary>
public sealed record RenewalsTakenSyntax(NameSyntax Lease, int Count, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>Campus.value deflate 8% per year</c> or <c>market_rent deflate 8% per year</c></summary>
public sealed record DeflateSyntax(ReferenceSyntax Path, ExpressionSyntax Rate, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>Campus.value drop 70% by 2034-01-01</c>: a linear fall from closing to the date, held after.</summary>
public sealed record DropSyntax(ReferenceSyntax Path, ExpressionSyntax Fraction, DateSyntax By, SourceSpan Span)
    : ScenarioItemSyntax(Span);

/// <summary><c>Meta defaults on 2035-06-30</c></summary>
public sealed record PartyDefaultsSyntax(NameSyntax Party, DateSyntax On, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>enforcement haircut 50% lag 12m</c>, and the repo market's levers: <c>depth 800 gpus per month
/// impact 30%  limit 2000 gpus per month  costs 800 per gpu</c> (<see cref="Market"/>).</summary>
public sealed record EnforcementOverrideSyntax(ExpressionSyntax? Haircut, DurationSyntax? Lag, SourceSpan Span, MarketTermsSyntax? Market = null)
    : ScenarioItemSyntax(Span);
