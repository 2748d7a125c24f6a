using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>scenario Refuted for Hyperion { ... }</c>: deterministic overrides of the deal's assumptions.</summary>
public sealed record ScenarioSyntax(
    NameSyntax Name,
    NameSyntax Deal,
    ImmutableArray<ScenarioItemSyntax> Items,
    SourceSpan Span) : SyntaxNode(Span);
