namespace DealLang.Compiler.Diagnostics;

// DL09xx: internal errors. None of these is the user's mistake: each means the compiler produced something it
// should not have. They are reported as diagnostics (never as an exception), so the CLI can exit with code 3 and
// print something worth pasting into a bug report.
public static partial class DiagnosticCatalogue
{
    /// <summary>
    /// DL0901: the C# generated for a valid deal did not compile. Always a bug in the emitter (or a mismatch
    /// between the emitter and DealLang.Runtime); the message carries the first Roslyn errors to locate it.
    /// </summary>
    public static Diagnostic GeneratedCodeDoesNotCompile(string path, string typeName, IReadOnlyList<string> firstErrors) =>
        Error("DL0901", FileSpan(path),
            "internal error: the C# generated for " + typeName + " does not compile (please report this bug): "
            + string.Join("; ", firstErrors));

    /// <summary>
    /// DL0902: the emitter stopped on a deal model that breaks one of its invariants (an index out of range, a
    /// name that is not an identifier). A bug in the stage that built the model; the message says what broke.
    /// </summary>
    public static Diagnostic EmitFailed(string path, string reason) =>
        Error("DL0902", FileSpan(path), "internal error while generating C# for this deal (please report this bug): " + reason);

    // Internal errors belong to the file as a whole, not to a place in it.
    private static SourceSpan FileSpan(string path) => new(path, 1, 1, 1, 1);
}
