namespace DealLang.Cli;

/// <summary>A path as the command line gave it: an empty or blank one (an unset shell variable, <c>-o "$OUT"</c>) is a
/// usage error that says so, where .NET's own refusal surfaced as an internal error ("The value cannot be an empty
/// string").</summary>
internal static class GivenPath
{
    /// <summary><paramref name="path"/>, or a usage error naming it as no <paramref name="kind"/>'s path.</summary>
    public static string Require(string path, string kind) =>
        string.IsNullOrWhiteSpace(path) ? throw new UsageException($"'{path}' is not a {kind}'s path") : path;
}
