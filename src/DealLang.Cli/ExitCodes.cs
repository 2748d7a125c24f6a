namespace DealLang.Cli;

/// <summary>The process exit codes, documented in docs/cli.md. Scripts and CI depend on them: never renumber.</summary>
public static class ExitCodes
{
    /// <summary>Success (warnings may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>The deal file has errors; the diagnostics were printed.</summary>
    public const int DealErrors = 1;

    /// <summary>The command line was wrong: unknown verb or flag, bad value, missing file, unknown scenario.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in DealLang itself (never the user's mistake): a one-line message, no stack trace
    /// unless DEALLANG_DEBUG=1.</summary>
    public const int InternalError = 3;

    /// <summary><c>solve</c> found no root in the range it searched (the message names the range and the
    /// objective at its ends).</summary>
    public const int NoSolution = 4;

    /// <summary>Ctrl-C (SIGINT) stopped the work (<see cref="Interruption"/>): 128 + 2, as a shell reports a command
    /// its signal ended; SIGTERM gives 143.</summary>
    public const int Interrupted = 130;
}
