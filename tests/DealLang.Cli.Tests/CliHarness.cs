using DealLang.Compiler.Emit;

namespace DealLang.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would run it from a shell.</summary>
internal static class CliHarness
{
    public static CliOutcome Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs with <paramref name="options"/> for the compiled-deal cache (e.g. a folder of the test's own).</summary>
    public static CliOutcome RunWith(CompileOptions? options, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = CliApp.Run(args, new CliConsole(output, error), options);
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliOutcome(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
