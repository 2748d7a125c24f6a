using System.Reflection;
using System.Text.Json;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli;

/// <summary>
/// <c>deallang check --format sarif</c>: the diagnostics as a SARIF 2.1.0 log (OASIS, the format code-scanning
/// services and CI systems read): one run whose tool driver is <c>deallang</c> with one rule per DL code reported
/// (its <c>help</c> naming the code's section of docs/diagnostics.md), and one result per diagnostic with its
/// <c>ruleId</c>, <c>ruleIndex</c>, <c>level</c> (<c>error</c> or <c>warning</c>), message and location: the file as a
/// relative or absolute URI as given, and the region's 1-based <c>startLine</c>/<c>startColumn</c> and
/// <c>endLine</c>/<c>endColumn</c> (SARIF's end column is the one after the last character).
/// </summary>
internal static class DiagnosticSarif
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        string[] rules = [.. diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string version = typeof(DiagnosticSarif).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "deallang");
            w.WriteString("version", version);
            w.WriteStartArray("rules");
            foreach (string rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule);
                w.WriteStartObject("help");
                w.WriteString("text", $"docs/diagnostics.md, section {rule}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (Diagnostic d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteNumber("ruleIndex", Array.IndexOf(rules, d.Code));
                w.WriteString("level", DiagnosticJson.Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                if (!string.IsNullOrEmpty(d.Span.Path) && d.Span.Line > 0)
                {
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", Uri(d.Span.Path));
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", d.Span.Line);
                    w.WriteNumber("startColumn", Math.Max(1, d.Span.Column));
                    if (d.Span.EndLine >= d.Span.Line && d.Span.EndColumn > 0)
                    {
                        w.WriteNumber("endLine", d.Span.EndLine);
                        w.WriteNumber("endColumn", d.Span.EndColumn + 1);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A file path as a SARIF artifact URI: forward slashes, each segment percent-encoded (a space is
    /// <c>%20</c>); an absolute path becomes a <c>file://</c> URI.</summary>
    static string Uri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }
}
