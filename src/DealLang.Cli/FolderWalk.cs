using DealLang.Compiler;
using System.IO.Enumeration;

namespace DealLang.Cli;

/// <summary>
/// The files a command finds under a folder it is given (<c>test DIR</c>, <c>fmt DIR</c>): at any depth, in ordinal
/// path order, passing over names that start with '.' (<c>.git</c>, an editor's backups) and not following a link to
/// a folder, as <c>find</c> does not; a link to a file is that file. .NET's own walk follows links to folders: a link
/// back up the tree (<c>loop -> ..</c>) had the same deals found forty times over, down to the system's limit of
/// links. A pipe or a device with a deal's name (a FIFO made with <c>mkfifo</c>, a link to <c>/dev/zero</c>;
/// <see cref="StreamPaths"/>) is passed over, as <c>find -type f</c> does: reading it would wait on a writer, or
/// never end.
/// </summary>
internal static class FolderWalk
{
    /// <summary>The files under <paramref name="folder"/> whose names end with one of <paramref name="extensions"/>
    /// (case-sensitive, with the dot), as paths that start with <paramref name="folder"/> as given. A folder under it that
    /// cannot be read is a usage error naming it, not passed over: a deal left out of <c>test</c> would pass unseen.</summary>
    public static List<string> Files(string folder, params string[] extensions)
    {
        try
        {
            return Walk(folder, extensions);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"cannot read every folder under {folder}: {e.Message.TrimEnd('.')}", e);
        }
    }

    static List<string> Walk(string folder, string[] extensions)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var found = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !entry.FileName.StartsWith(".", StringComparison.Ordinal) && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && !entry.FileName.StartsWith(".", StringComparison.Ordinal) && HasExtension(entry.FileName, extensions),
        };
        return [.. found.Where(path => !StreamPaths.IsStream(path)).Order(StringComparer.Ordinal)];
    }

    static bool HasExtension(ReadOnlySpan<char> name, string[] extensions)
    {
        foreach (string extension in extensions)
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
