using System.CommandLine;
using DealLang.Compiler;
using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary><c>deallang check FILE [--scenarios FILE]…</c>: parse and check a deal (with its imports and the scenario
/// files given), print every diagnostic; nothing is compiled or run.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var file = CommonOptions.DealFileArgument();
        var scenarios = CommonOptions.ScenarioFilesOption();
        var command = new Command("check", "Check a deal file and report every error with its location.") { file, scenarios };
        command.SetAction(parse => Execute(parse.GetValue(file)!, parse.GetValue(scenarios) ?? [], console));
        return command;
    }

    private static int Execute(string path, string[] scenarioFiles, CliConsole console)
    {
        var compilation = DealFile.Compile(path, scenarioFiles);
        var result = DealCompiler.Check(compilation);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Model is null)
        {
            return ExitCodes.DealErrors;
        }

        var m = result.Model;
        console.Out.WriteLine(
            $"{TerminalText.Escape(path)}: ok: deal {m.Name}, {m.ScheduledPeriods} {m.Frequency.ToString().ToLowerInvariant()} periods " +
            $"{m.Closing}..{m.Maturity}" + Workout(m) + $", {m.Tranches.Length} tranche(s), {m.Scenarios.Length} scenario(s)"
            + (compilation.Entities.Count == 0 ? "" : $"; a chain with {string.Join(", ", compilation.Entities.Select(e => e.Name))}, which run before it"));
        return ExitCodes.Ok;
    }

    /// <summary>", up to 2 workout periods after a default": the periods past the maturity a late sale may need.</summary>
    static string Workout(DealLang.Compiler.Model.DealModel m) =>
        m.Periods > m.ScheduledPeriods ? $" (+ up to {m.Periods - m.ScheduledPeriods} workout period(s) after a default)" : "";
}
