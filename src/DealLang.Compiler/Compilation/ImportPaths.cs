namespace DealLang.Compiler;

/// <summary>
/// The rules for the path in <c>import "…"</c> (docs/language.md §2): relative to the importing file's folder,
/// written with '/', never absolute, so a folder of deals compiles wherever it is copied. <c>..</c> is allowed
/// (a shared <c>../common/parties.deal</c> is the point of importing). Paths are combined and tidied as text, so
/// a diagnostic names an imported file the way the user's own path names the root (<c>deals/common/x.deal</c>),
/// and a file reached by two spellings is recognised by its full path (<see cref="Identity"/>).
/// </summary>
internal static class ImportPaths
{
    /// <summary>Why <paramref name="written"/> cannot be imported, or null when it is a relative path.</summary>
    public static string? Problem(string written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return "the path is empty";
        }

        if (written.Any(c => char.IsControl(c)))
        {
            return "the path holds a control character";
        }

        if (written.Contains('\\'))
        {
            return "the path holds a backslash";
        }

        if (written.StartsWith('/') || Path.IsPathRooted(written) || (written.Length >= 2 && written[1] == ':' && char.IsAsciiLetter(written[0])))
        {
            return "it is an absolute path";
        }

        return null;
    }

    /// <summary>The imported file's path: <paramref name="written"/> in the importer's folder, with <c>.</c> and
    /// <c>name/..</c> segments removed (leading <c>..</c> kept).</summary>
    public static string Resolve(string importer, string written)
    {
        string folder = Path.GetDirectoryName(importer) ?? "";
        string path = Normalise(folder.Length == 0 ? written : folder + "/" + written);
        return path.Length == 0 ? "." : path; // import "." from the working folder: that folder, not an empty path
    }

    /// <summary>What makes two paths the same file: the full path (symbolic links are not followed).</summary>
    public static string Identity(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Normalise(string path)
    {
        bool rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (string part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        return (rooted ? "/" : "") + string.Join('/', parts);
    }
}
