using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Reports;

namespace DealLang.Cli;

/// <summary>Prints diagnostics in the editor format <c>path(line,col): error DL0123: message</c>, then a count;
/// control characters escaped (<see cref="TerminalText"/>).</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var d in diagnostics)
        {
            // A message may quote the file's text (an unexpected character), which must not reach the terminal raw.
            writer.WriteLine(TerminalText.Escape(d.ToString()));
        }

        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count - errors;
        if (errors > 0 || warnings > 0)
        {
            writer.WriteLine($"{errors} error(s), {warnings} warning(s)");
        }
    }
}
