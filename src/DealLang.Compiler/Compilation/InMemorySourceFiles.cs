using System.Text;

namespace DealLang.Compiler;

/// <summary>
/// Files held in memory, by path: for tests, and for a language server whose open buffers differ from the disk.
/// Paths are compared as <see cref="Compilation"/> resolves them (<c>Path.GetFullPath</c>), so
/// <c>deals/a.deal</c> and <c>deals/./a.deal</c> are one file.
/// </summary>
public sealed class InMemorySourceFiles : ISourceFiles
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a file's text (stored as UTF-8).</summary>
    public InMemorySourceFiles Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds or replaces a file's bytes.</summary>
    public InMemorySourceFiles Add(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        _files[Key(path)] = bytes;
        return this;
    }

    public SourceFileRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_files.TryGetValue(Key(path), out byte[]? bytes))
        {
            return bytes.Length > DiskSourceFiles.MaxBytes
                ? SourceFileRead.Failed(SourceFileProblem.TooLarge)
                : SourceFileRead.Of(bytes);
        }

        // A folder holding a stored file is a directory here as it would be on disk.
        string prefix = Key(path).TrimEnd('/') + "/";
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal))
            ? SourceFileRead.Failed(SourceFileProblem.Directory)
            : SourceFileRead.Failed(SourceFileProblem.NotFound);
    }

    private static string Key(string path) => ImportPaths.Identity(path);
}
