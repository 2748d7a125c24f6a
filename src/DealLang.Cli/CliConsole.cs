namespace DealLang.Cli;

/// <summary>Where the CLI writes: injected so tests capture output instead of touching the real console.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Whether standard error is a terminal (not redirected to a file or a pipe): only then does a long run
    /// draw a progress bar there. False unless the caller says (tests capture it; <c>Program.cs</c> asks the console).</summary>
    public bool ErrorIsTerminal { get; init; }
}
