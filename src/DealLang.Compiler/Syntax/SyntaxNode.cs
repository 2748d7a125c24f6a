using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>Base of the immutable syntax tree. Every node knows where it came from, so any later
/// stage can report a located diagnostic without going back to the parse tree.</summary>
public abstract record SyntaxNode(SourceSpan Span);
