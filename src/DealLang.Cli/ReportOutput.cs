namespace DealLang.Cli;

/// <summary>
/// <c>-o/--output FILE</c> (docs/cli.md, "Every verb"): a verb's report — everything it would print on standard output
/// — written to FILE instead. The verb runs with a console whose standard output is captured; only when it succeeds
/// (exit 0; or an exit the verb names, such as <c>check</c>'s 1, whose JSON or SARIF report is the diagnostics) is the
/// file written, all or nothing (<see cref="OutputFiles"/>), and <c>wrote FILE</c> printed. A failing verb writes no
/// file: its errors are on standard error as ever.
/// </summary>
internal static class ReportOutput
{
    public static int Run(CliConsole console, string? output, Func<CliConsole, int> verb, int reportedFailure = ExitCodes.Ok)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(verb);
        if (output is null)
        {
            return verb(console);
        }

        console.Inputs.Plan(output); // -, a blank path and a folder refused now, a file the verb reads as soon as it reads it
        using var captured = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = console.Out.NewLine };
        int exit = verb(console with { Out = captured });
        if (exit == ExitCodes.Ok || exit == reportedFailure)
        {
            var files = new OutputFiles(console.Inputs);
            files.Add(output, captured.ToString());
            foreach (string written in files.Commit())
            {
                console.Wrote(written);
            }
        }

        return exit;
    }
}
