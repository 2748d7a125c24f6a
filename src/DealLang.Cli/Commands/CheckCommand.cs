using System.CommandLine;
using DealLang.Compiler;
using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary><c>deallang check FILE [--scenarios FILE]… [--format text|json|sarif] [-o FILE]</c>: parse and check a deal
/// (with its imports and the scenario files given; a scenario file given alone with its deal, <see cref="ScenarioFileAlone"/>),
/// report every diagnostic; nothing is compiled or run. As text the
/// diagnostics go to standard error and a summary line to standard output; as JSON (<see cref="DiagnosticJson"/>) or
/// SARIF 2.1.0 (<see cref="DiagnosticSarif"/>) the diagnostics are the report, on standard output or in the file.</summary>
internal static class CheckCommand
{
    private static readonly string[] Formats = ["text", "json", "sarif"];

    public static Command Create(CliConsole console)
    {
        var file = CommonOptions.DealFileArgument();
        var scenarios = CommonOptions.ScenarioFilesOption();
        scenarios.Description = "A file of scenarios for the deal, checked with it (repeat for several); check runs nothing.";
        var format = new Option<string>("--format", "-f")
        {
            Description = "How diagnostics are reported: text (on standard error), json (an array) or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = CommonOptions.OutputOption();
        output.Description = "With --format json or sarif: write the diagnostics to this file instead of standard output.";
        var command = new Command("check", "Check a deal file and report every error with its location.") { file, scenarios, format, output };
        command.SetAction(parse =>
        {
            string chosen = parse.GetValue(format)!;
            string? outputFile = parse.GetValue(output);
            if (outputFile is not null && chosen == "text")
            {
                throw new UsageException("--output writes check's json or sarif report: give --format json or --format sarif (text diagnostics go to standard error)");
            }

            return ReportOutput.Run(console, outputFile, c => Execute(parse.GetValue(file)!, parse.GetValue(scenarios) ?? [], chosen, c), ExitCodes.DealErrors);
        });
        return command;
    }

    private static int Execute(string path, string[] scenarioFiles, string format, CliConsole console)
    {
        // A scenario file given alone is checked with its deal (the language server's pairing), not reported as a
        // file without a deal (DL0402).
        (path, scenarioFiles) = ScenarioFileAlone.Resolve("check", path, scenarioFiles, console);
        var compilation = DealFile.Compile(path, scenarioFiles, console);
        var result = DealCompiler.Check(compilation);
        if (format != "text")
        {
            // The diagnostics are the report: one document on standard output, whatever they say; the exit code says
            // whether there were errors.
            console.Out.Write(format == "json" ? DiagnosticJson.Render(result.Diagnostics) : DiagnosticSarif.Render(result.Diagnostics));
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.Ok;
        }

        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Model is null)
        {
            return ExitCodes.DealErrors;
        }

        var m = result.Model;
        string shown = DealFile.Shown(path);
        console.Out.WriteLine(
            $"{TerminalText.Escape(shown)}: ok: deal {m.Name}, {m.ScheduledPeriods} {m.Frequency.ToString().ToLowerInvariant()} periods " +
            $"{m.Closing}..{m.Maturity}" + Workout(m) + $", {m.Tranches.Length} tranche(s), {m.Scenarios.Length} scenario(s)"
            + (compilation.Entities.Count == 0 ? "" : $"; a chain with {string.Join(", ", compilation.Entities.Select(e => e.Name))}, which run before it"));
        return ExitCodes.Ok;
    }

    /// <summary>", up to 2 workout periods after a default": the periods past the maturity a late sale may need.</summary>
    static string Workout(DealLang.Compiler.Model.DealModel m) =>
        m.Periods > m.ScheduledPeriods ? $" (+ up to {m.Periods - m.ScheduledPeriods} workout period(s) after a default)" : "";
}
