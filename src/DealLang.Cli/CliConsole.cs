namespace DealLang.Cli;

/// <summary>Where the CLI writes: injected so tests capture output instead of touching the real console.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
