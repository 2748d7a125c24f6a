using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Format;

/// <summary>
/// What <see cref="DealFormatter.Format"/> gives: the formatted text, or null when the file was refused (it has a
/// syntax error, listed in <see cref="Diagnostics"/>, and is never rewritten); the parse's diagnostics either way
/// (warnings do not stop formatting); and whether the text changed.
/// </summary>
public sealed record FormatResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics, bool Changed)
{
    /// <summary>Whether the file was formatted (it parsed without errors).</summary>
    public bool Succeeded => Text is not null;
}
