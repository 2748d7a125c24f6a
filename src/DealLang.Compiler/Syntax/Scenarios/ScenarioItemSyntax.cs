using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One override inside a scenario.</summary>
public abstract record ScenarioItemSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>MetaLease renewals taken 1</c></summary>
public sealed record RenewalsTakenSyntax(NameSyntax Lease, int Count, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>Campus.value deflate 8% per year</c>, <c>market_rent deflate 8% per year</c> or, for an index, <c>SOFR deflate 10% per year</c> (its drift replaced)</summary>
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

/// <summary><c>SOFR level 5%</c>: the index's level replaced (in the index's unit).</summary>
public sealed record IndexLevelOverrideSyntax(NameSyntax Index, ExpressionSyntax Level, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>H100Rent points interpolated { … }</c>: the index's points replaced (its drift then runs from their last).</summary>
public sealed record IndexPointsOverrideSyntax(NameSyntax Index, IndexPointsSyntax Points, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>H100Rent launch 2027-01-01 down 25%</c>: a launch added to the index's own (a shock).</summary>
public sealed record IndexLaunchOverrideSyntax(NameSyntax Index, LaunchSyntax Launch, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>SOFR shift +100bp</c>: a parallel shift added to the index's level at every date (in the index's unit).</summary>
public sealed record IndexShiftSyntax(NameSyntax Index, ExpressionSyntax Shift, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>MsftH100 utilisation 95%</c>: the share of a contract's hours used (paid above its take-or-pay share).</summary>
public sealed record UtilisationSyntax(NameSyntax Contract, ExpressionSyntax Utilisation, SourceSpan Span) : ScenarioItemSyntax(Span);

/// <summary><c>MsftH100 relet after 6m at 60%</c> (<see cref="After"/> and <see cref="Utilisation"/> given) or
/// <c>MsftH100 not relet</c> (both null): whether a contract's units are re-let at the spot index once it stops.</summary>
public sealed record ReletSyntax(NameSyntax Contract, DurationSyntax? After, ExpressionSyntax? Utilisation, SourceSpan Span) : ScenarioItemSyntax(Span);
