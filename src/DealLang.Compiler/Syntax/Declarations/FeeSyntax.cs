using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>fee Opex { 0.5% of Campus.value per year escalating 2% per year }</c>, or without
/// <c>per year</c> (<see cref="PerYear"/> false) a per-period share of a flow: <c>fee Servicing { 2% of collections }</c>.
/// <see cref="UntilRepaid"/>: where <c>until repaid</c> is written (the fee accrues nothing once every tranche is
/// repaid, docs/language.md "fee"), or null; <see cref="UntilDefault"/>: where <c>until default</c> is written (it accrues
/// nothing from the period after an event of default), or null.</summary>
public sealed record FeeSyntax(
    NameSyntax Name,
    ExpressionSyntax Amount,
    ExpressionSyntax? Escalator,
    SourceSpan Span,
    bool PerYear = true,
    SourceSpan? UntilRepaid = null,
    SourceSpan? UntilDefault = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Fee;
}
