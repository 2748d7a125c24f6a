using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>account Dsra { target 6m of debt_service  initial 0  earns 4% }</c></summary>
public sealed record AccountSyntax(
    NameSyntax Name,
    ExpressionSyntax? Target,
    ExpressionSyntax? Initial,
    ExpressionSyntax? Earns,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Account;
}
