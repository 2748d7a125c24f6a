using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// A declaration whose keyword is misspelt: <c>tranch Loan { ... }</c>, <c>waterfal { ... }</c>, or at top level
/// <c>dael Mini { ... }</c>. Reported once while the tree is built (DL0109); its block is skipped unread. It is kept
/// so that later stages know what it was meant to declare: <see cref="Names"/> (the names between the word and the
/// brace, e.g. <c>Loan</c>, or <c>MetaLease</c> and <c>Campus</c> in <c>leas MetaLease on Campus {</c>) are names of
/// an unknown kind, whose uses are not reported again, and checks that its block might have satisfied stay quiet.
/// </summary>
public sealed record UnknownDeclarationSyntax(
    NameSyntax Word,
    ImmutableArray<NameSyntax> Names,
    SourceSpan Span) : DeclarationSyntax(Span);
