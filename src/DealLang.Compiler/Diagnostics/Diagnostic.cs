using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

/// <summary>One finding about a deal file. Created only through <see cref="DiagnosticCatalogue"/>,
/// so every code has one message shape and one documented meaning.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message)
{
    /// <summary>The MSBuild/VS format editors and CI log parsers understand.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Span}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}");
}
