using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// The holders' behaviour at a convertible's conversion, a scenario's lever: <c>Converts converts 60%</c> makes only
/// <see cref="Part"/> of the balance convert when the rule says the holder converts (at maturity, or early); the rest is
/// repaid in cash (docs/language.md §5, "A partial conversion").
/// </summary>
public sealed record TrancheConvertsSyntax(NameSyntax Tranche, ExpressionSyntax Part, SourceSpan Span) : ScenarioItemSyntax(Span);
