using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// A guarantor's lever in a scenario: <c>Google guarantees honoured</c> (in full), <c>Google guarantees honoured 50%</c>
/// (<see cref="Share"/>: that share of what falls due), <c>State guarantees disowned</c> (<see cref="Disowned"/>: nothing
/// paid) or <c>State guarantees disowned from 2031-01-01</c> (nothing paid from <see cref="From"/>).
/// </summary>
public sealed record GuaranteeLeverSyntax(NameSyntax Party, LiteralSyntax? Share, bool Disowned, DateSyntax? From, SourceSpan Span)
    : ScenarioItemSyntax(Span);
