namespace DealLang.Cli;

/// <summary>A path as the command line gave it: an empty or blank one (an unset shell variable, <c>-o "$OUT"</c>) is a
/// usage error that says so, where .NET's own refusal surfaced as an internal error ("The value cannot be an empty
/// string").</summary>
internal static class GivenPath
{
    /// <summary><paramref name="path"/>, or a usage error naming it as no <paramref name="kind"/>'s path.</summary>
    public static string Require(string path, string kind) =>
        string.IsNullOrWhiteSpace(path) ? throw new UsageException($"'{path}' is not a {kind}'s path") : path;

    /// <summary>
    /// <paramref name="path"/> as an output (<paramref name="kind"/> "file" or "folder"), or a usage error. Beside
    /// <see cref="Require"/>'s blank path, '-' is refused: every verb reads it as standard input, and as an output it
    /// made a file or folder named '-' in the working folder (<c>fmt - -o -</c>, <c>report -o -</c>,
    /// <c>--paths-out -</c>, <c>run --out -</c>) where standard output was meant. <c>./-</c> still names one.
    /// </summary>
    public static string RequireOutput(string path, string kind) => path == DealFile.StandardInput
        ? throw new UsageException(kind == "folder"
            ? "'-' is standard input, not a folder to write into: give the folder's path (./- for a folder named '-')"
            : "'-' is standard input, not a file to write: give the file's path (./- for a file named '-', /dev/stdout for standard output)")
        : Require(path, kind);
}
