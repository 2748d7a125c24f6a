using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One .deal file: its deal declaration(s) and scenarios, in file order.</summary>
public sealed record CompilationUnitSyntax(
    ImmutableArray<DealSyntax> Deals,
    ImmutableArray<ScenarioSyntax> Scenarios,
    SourceSpan Span) : SyntaxNode(Span);
