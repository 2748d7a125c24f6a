using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/publishDiagnostics: every diagnostic the compilation reports in the document's own file, with its
/// code, severity and span, exactly as <c>deallang check</c> prints them. Mistakes in an imported file are
/// published when that file is open (its own compilation reports them); at the import, the compiler already
/// reports a file that cannot be read (DL0600–DL0604).
/// </summary>
internal static class DiagnosticsFeature
{
    public static PublishDiagnosticsParams For(OpenDocument document, Compilation compilation) =>
        new(document.Uri, document.Version,
            [.. compilation.Diagnostics.Where(d => DocumentUris.SameFile(d.Span.Path, document.Path)).Select(ToLsp)]);

    public static LspDiagnostic ToLsp(Diagnostic diagnostic) =>
        new(TextPositions.ToRange(diagnostic.Span), diagnostic.Severity == Severity.Error ? 1 : 2, diagnostic.Code, "deallang", diagnostic.Message);
}
