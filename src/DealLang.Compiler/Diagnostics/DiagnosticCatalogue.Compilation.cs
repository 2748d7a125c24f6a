namespace DealLang.Compiler.Diagnostics;

// DL06xx: compilation and files. A compilation is a deal file, the files it imports and any scenario files given
// beside it; these are the mistakes in how those files fit together. Each is located at the import (or the
// declaration) that makes it, in the file that holds it.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0600: an <c>import</c> names a file that does not exist (the path is resolved relative to the
    /// importing file's folder).</summary>
    public static Diagnostic ImportNotFound(SourceSpan span, string written, string resolved) =>
        Error("DL0600", span, $"imported file '{written}' not found (looked for {resolved}); import paths are relative to this file's folder");

    /// <summary>DL0601: an <c>import</c> names something that cannot be read as a deal file: a directory, a device
    /// or a pipe (<see cref="StreamPaths"/>), a file larger than the 16 MiB a deal file may hold, or a file the system
    /// will not let us read.</summary>
    public static Diagnostic ImportUnreadable(SourceSpan span, string resolved, string reason) =>
        Error("DL0601", span, $"cannot import {resolved}: {reason}");

    /// <summary>DL0602: files import each other in a circle. The message names the chain from the file that is
    /// imported again, round to it.</summary>
    public static Diagnostic ImportCycle(SourceSpan span, IEnumerable<string> chain) =>
        Error("DL0602", span, "files import each other in a circle: " + string.Join(" -> ", chain) + "; remove one of these imports");

    /// <summary>DL0603: a file imports itself.</summary>
    public static Diagnostic ImportsItself(SourceSpan span, string path) =>
        Error("DL0603", span, $"{path} imports itself; remove this import");

    /// <summary>DL0604: an import path that is not a relative path written with '/': empty, absolute (a
    /// folder of deals must compile wherever it is copied) or with a backslash (which only Windows reads as a
    /// separator).</summary>
    public static Diagnostic ImportPathNotRelative(SourceSpan span, string written, string reason) =>
        Error("DL0604", span, $"cannot import '{written}': {reason}; write a path relative to this file, with '/', e.g. import \"common/parties.deal\"");

    /// <summary>DL0605: an <c>import</c> after a deal or scenario declaration. Imports come first in a file, so
    /// that what a file depends on is seen at its top; the misplaced import is not followed.</summary>
    public static Diagnostic ImportAfterDeclaration(SourceSpan span, string written) =>
        Error("DL0605", span, $"import \"{written}\" comes after a declaration; put every import at the top of the file");

    /// <summary>DL0606: a second deal in another file of the same compilation that is not an import of the deal's
    /// file (a scenario file given beside it; a deal its own file imports is an entity of a chain instead); DL0401 is
    /// the same mistake within one file.</summary>
    public static Diagnostic DealInAnotherFile(SourceSpan span, string name, string first, SourceSpan firstSpan) =>
        Error("DL0606", span, $"a compilation holds exactly one deal; deal '{name}' comes after deal '{first}' declared at {firstSpan} (a file that imports a deal or is given beside it must not declare another)");
}
