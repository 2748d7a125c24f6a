namespace DealLang.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic DealLang can report, one method each, with a stable code documented in
/// docs/diagnostics.md. Codes are grouped by stage:
/// DL01xx syntax and literals, DL02xx names and declarations, DL03xx units and types,
/// DL04xx deal structure, DL05xx scenarios, DL06xx compilation and files, DL09xx internal.
/// The catalogue is split into partial files by stage; a test asserts every code is unique and documented.
/// </summary>
public static partial class DiagnosticCatalogue
{
    private static Diagnostic Error(string code, SourceSpan span, string message) =>
        new(code, Severity.Error, span, message);

    private static Diagnostic Warning(string code, SourceSpan span, string message) =>
        new(code, Severity.Warning, span, message);
}
