using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>waterfall { step* }</c>: the ordered priority of payments run each period.</summary>
public sealed record WaterfallSyntax(ImmutableArray<StepSyntax> Steps, SourceSpan Span) : DeclarationSyntax(Span);
