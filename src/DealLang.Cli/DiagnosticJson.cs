using System.Text.Json;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli;

/// <summary>
/// <c>deallang check --format json</c>: the diagnostics as one JSON array, in the order <c>check</c> prints them, each
/// <c>{ "code", "severity" ("error" or "warning"), "message", "file", "line", "column", "endLine", "endColumn" }</c>
/// (1-based; the end is the last character's; a diagnostic with no place in a file has <c>file</c> null and zeros).
/// An empty array when the deal is clean (docs/cli.md, "check").
/// </summary>
internal static class DiagnosticJson
{
    public static string Render(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (Diagnostic d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("severity", Level(d.Severity));
                w.WriteString("message", d.Message);
                if (string.IsNullOrEmpty(d.Span.Path))
                {
                    w.WriteNull("file");
                }
                else
                {
                    w.WriteString("file", d.Span.Path);
                }

                w.WriteNumber("line", d.Span.Line);
                w.WriteNumber("column", d.Span.Column);
                w.WriteNumber("endLine", d.Span.EndLine);
                w.WriteNumber("endColumn", d.Span.EndColumn);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>"error" or "warning": SARIF's level names too.</summary>
    public static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";
}
