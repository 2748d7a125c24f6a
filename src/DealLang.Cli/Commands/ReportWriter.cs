using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary>
/// Sends rendered reports to files (one per report, with --out) or to standard output. On standard output,
/// several JSON reports are combined into one JSON object so the output stays one valid document; other
/// formats are separated by a title line. Files are written all or nothing (<see cref="OutputFiles"/>).
/// </summary>
internal static class ReportWriter
{
    public static void Write(IReadOnlyList<(string Title, string FileStem, string Text)> reports, ReportFormat format, string? outDir, CliConsole console)
    {
        if (outDir is not null)
        {
            OutputPaths.Folder(outDir);
            var outputs = new OutputFiles(console.Inputs);
            foreach (var (_, stem, text) in reports)
            {
                outputs.Add(Path.Combine(outDir, FileStem(stem) + "." + Extension(format)), text);
            }

            foreach (string written in outputs.Commit())
            {
                console.Wrote(written);
            }

            return;
        }

        if (format == ReportFormat.Json)
        {
            console.Out.WriteLine("{");
            for (int i = 0; i < reports.Count; i++)
            {
                string key = System.Text.Json.JsonSerializer.Serialize(reports[i].FileStem);
                string separator = i < reports.Count - 1 ? "," : "";
                console.Out.WriteLine($"  {key}: {Indent(reports[i].Text.TrimEnd())}{separator}");
            }

            console.Out.WriteLine("}");
            return;
        }

        for (int i = 0; i < reports.Count; i++)
        {
            if (i > 0)
            {
                console.Out.WriteLine();
            }

            console.Out.WriteLine(format switch
            {
                ReportFormat.Markdown => $"## {MarkdownText.Escape(reports[i].Title)}",
                ReportFormat.Csv => $"# {reports[i].Title}",
                _ => $"== {reports[i].Title} ==",
            });
            console.Out.Write(reports[i].Text);
        }
    }

    /// <summary>The values of a report verb's <c>--format</c> (run, mc, merge, solve), one per <see cref="ReportFormat"/>.</summary>
    internal static readonly string[] Formats = ["table", "csv", "json", "md"];

    /// <summary>A report verb's <c>--format</c>, one of <see cref="Formats"/>, as a <see cref="ReportFormat"/>.</summary>
    internal static ReportFormat ParseFormat(string text) => text switch
    {
        "csv" => ReportFormat.Csv,
        "json" => ReportFormat.Json,
        "md" => ReportFormat.Markdown,
        _ => ReportFormat.Table,
    };

    private static string Indent(string json) => json.ReplaceLineEndings("\n  ");

    private static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Json => "json",
        ReportFormat.Markdown => "md",
        _ => "txt",
    };

    /// <summary>Longest report file stem written as is; file systems stop at 255 bytes a name, and a deal's or
    /// scenario's name has no length limit.</summary>
    private const int MaxFileStem = 120;

    /// <summary>The stem, or for a longer one its first 100 characters, '.' and 16 hex digits of its SHA-256: still
    /// recognisable, stable from run to run, and distinct for different long names.</summary>
    private static string FileStem(string stem)
    {
        if (stem.Length <= MaxFileStem)
        {
            return stem;
        }

        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stem));
        return stem[..100] + "." + Convert.ToHexStringLower(hash, 0, 8);
    }
}
