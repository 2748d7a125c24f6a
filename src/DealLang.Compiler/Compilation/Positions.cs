using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler;

/// <summary>Positions against spans, as the semantic model's queries compare them: a span runs from its first to
/// its last character, both included.</summary>
internal static class Positions
{
    public static bool Contains(SourceSpan span, int line, int column) =>
        span.Line > 0 && Before(span.Line, span.Column, line, column) && Before(line, column, span.EndLine, span.EndColumn);

    /// <summary>Whether <paramref name="inner"/> lies inside <paramref name="outer"/> (of the same file).</summary>
    public static bool Within(SourceSpan inner, SourceSpan outer) =>
        Before(outer.Line, outer.Column, inner.Line, inner.Column) && Before(inner.EndLine, inner.EndColumn, outer.EndLine, outer.EndColumn);

    // (line1, column1) at or before (line2, column2).
    private static bool Before(int line1, int column1, int line2, int column2) =>
        line1 < line2 || (line1 == line2 && column1 <= column2);
}
