using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/publishDiagnostics: every diagnostic the compilation reports in the document's own file, with its
/// code, severity and span, exactly as <c>deallang check</c> prints them. Mistakes in a file an open document imports
/// are published under that file's URI too while it is not open (<see cref="ForImports"/>: the problems list shows a
/// broken SPV beside the fund that imports it); once it is open its own compilation reports them. At the import, the
/// compiler already reports a file that cannot be read (DL0600–DL0604).
/// </summary>
internal static class DiagnosticsFeature
{
    public static PublishDiagnosticsParams For(OpenDocument document, Compilation compilation) =>
        new(document.Uri, [.. compilation.Diagnostics.Where(d => DocumentUris.SameFile(d.Span.Path, document.Path)).Select(ToLsp)],
            document.Version);

    /// <summary>The diagnostics the open documents' compilations report in files that are not open, by file (one
    /// publication each, without a version; a mistake two documents' compilations both report is published once).</summary>
    public static IEnumerable<PublishDiagnosticsParams> ForImports(IReadOnlyList<(OpenDocument Document, Compilation Compilation)> open, Func<string, string> uriOf)
    {
        var byFile = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
        foreach (var (_, compilation) in open)
        {
            foreach (Diagnostic diagnostic in compilation.Diagnostics)
            {
                string path = diagnostic.Span.Path;
                if (path.Length == 0 || open.Any(o => DocumentUris.SameFile(o.Document.Path, path)))
                {
                    continue;
                }

                string uri = uriOf(path);
                List<LspDiagnostic> list = byFile.TryGetValue(uri, out var found) ? found : byFile[uri] = [];
                LspDiagnostic lsp = ToLsp(diagnostic);
                if (!list.Contains(lsp))
                {
                    list.Add(lsp);
                }
            }
        }

        return byFile.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new PublishDiagnosticsParams(f.Key, [.. f.Value]));
    }

    public static LspDiagnostic ToLsp(Diagnostic diagnostic) =>
        new(TextPositions.ToRange(diagnostic.Span), diagnostic.Severity == Severity.Error ? 1 : 2, diagnostic.Code, "deallang", diagnostic.Message);
}
