using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>cfads includes rvg</c>: one-off receipts that the deal's term sheet counts in CFADS (by default
/// CFADS is recurring cash only).</summary>
public sealed record CfadsRuleSyntax(ImmutableArray<NameSyntax> Included, SourceSpan Span) : DeclarationSyntax(Span);
