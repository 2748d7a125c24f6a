using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli;

/// <summary>Prints diagnostics in the editor format <c>path(line,col): error DL0123: message</c>, then a count.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine(d.ToString());
        }

        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count - errors;
        if (errors > 0 || warnings > 0)
        {
            writer.WriteLine($"{errors} error(s), {warnings} warning(s)");
        }
    }
}
