namespace DealLang.Cli;

/// <summary>Where the CLI writes: injected so tests capture output instead of touching the real console.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Whether standard error is a terminal (not redirected to a file or a pipe): only then does a long run
    /// draw its progress there. False unless the caller says (tests capture it; <c>Program.cs</c> asks the console).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Opens standard input, read when a verb is given <c>-</c> as its deal file (<c>Program.cs</c>: the
    /// process's; tests give a stream of their own). Null: no standard input, and <c>-</c> is a usage error.</summary>
    public Func<Stream>? OpenInput { get; init; }

    /// <summary>Ctrl-C and SIGTERM, for the work that watches for them (<see cref="Interruption"/>; <c>Program.cs</c>: the
    /// process's signals); null: none are listened to (tests, unless they make one).</summary>
    public Interruption? Interruption { get; init; }

    /// <summary>The environment's variables (<c>NO_COLOR</c>); tests give their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The files the command has read, which none of its outputs may replace (<see cref="InputFiles"/>); shared
    /// by the copies a verb makes (<c>console with { Out = … }</c>).</summary>
    public InputFiles Inputs { get; init; } = new();

    /// <summary><c>-v/--verbosity</c>, set by <see cref="CliApp"/> once the command line is parsed.</summary>
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>A line a user may do without (<c>wrote FILE</c>, a <c>note:</c>, a cache warning): written unless
    /// <c>--verbosity quiet</c>.</summary>
    public void Info(TextWriter writer, string line)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Verbosity != Verbosity.Quiet)
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>The <c>wrote FILE</c> line of an output the verb wrote: on standard output, or on standard error when
    /// the output was a device or a pipe (<c>-o /dev/stdout</c>), whose stream the line would otherwise join.</summary>
    public void Wrote(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        Info(OutputTargets.IsStream(written) ? Error : Out, "wrote " + DealLang.Runner.Reports.TerminalText.Escape(written));
    }

    /// <summary>A line of <c>--verbosity detailed</c> (files read, how long each stage took), on standard error after
    /// <c>deallang: </c>.</summary>
    public void Detail(string line)
    {
        if (Verbosity == Verbosity.Detailed)
        {
            Error.WriteLine("deallang: " + line);
        }
    }

    /// <summary>Whether a long run draws its progress: standard error is a terminal, <c>NO_COLOR</c> is unset or empty
    /// (https://no-color.org), and the verbosity is not quiet.</summary>
    public bool ShowsProgress => ErrorIsTerminal && string.IsNullOrEmpty(Environment("NO_COLOR")) && Verbosity != Verbosity.Quiet;
}
