namespace DealLang.LanguageServer;

/// <summary>
/// Document URIs to the paths the compiler names files by, and back. A <c>file:</c> URI is its local path; any
/// other (an unsaved <c>untitled:</c> buffer) keeps the URI's text as its path, so its diagnostics still find it,
/// and its imports resolve from the server's working folder.
/// </summary>
internal static class DocumentUris
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile)
        {
            return Path.GetFullPath(parsed.LocalPath);
        }

        return uri;
    }

    public static string FromPath(string path) =>
        Path.IsPathFullyQualified(path) ? new Uri(path).AbsoluteUri : path;

    /// <summary>Whether two of the compiler's paths are one file (<c>a/./b.deal</c> is <c>a/b.deal</c>).</summary>
    public static bool SameFile(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    public static string Key(string path) => Path.IsPathFullyQualified(path) ? Path.GetFullPath(path) : path;
}
