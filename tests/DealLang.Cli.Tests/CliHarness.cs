using DealLang.Cli;

namespace DealLang.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would run it from a shell.</summary>
internal static class CliHarness
{
    public static CliOutcome Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = CliApp.Run(args, new CliConsole(output, error));
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliOutcome(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
