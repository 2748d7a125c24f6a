namespace DealLang.Compiler;

/// <summary>
/// Deal files on disk, read under the rules the CLI has always applied to the file it is given: not a
/// directory, at most <see cref="MaxBytes"/>, read in chunks so that a device (<c>/dev/zero</c>) or a pipe, which
/// have no length to check beforehand, is refused as too large rather than read into memory.
/// </summary>
public sealed class DiskSourceFiles : ISourceFiles
{
    /// <summary>The largest deal file read (docs/cli.md). Real deals are a few kilobytes; the cap keeps a wrong
    /// path (a log, an image, <c>/dev/zero</c>) from filling memory before the parser sees it.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static readonly DiskSourceFiles Instance = new();

    public SourceFileRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return SourceFileRead.Failed(SourceFileProblem.Directory);
        }

        if (!File.Exists(path))
        {
            return SourceFileRead.Failed(SourceFileProblem.NotFound);
        }

        try
        {
            return ReadBounded(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // A symbolic link to nothing exists as a link (File.Exists is true) but has no file to read: not found, as a
            // missing file is, not "cannot read x: Could not find file '/full/path/x'".
            return SourceFileRead.Failed(SourceFileProblem.NotFound);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return SourceFileRead.Failed(SourceFileProblem.Unreadable, SystemReason(e));
        }
    }

    /// <summary>The system's reason a file could not be read, for a message that names the file itself: .NET's own
    /// ends with the path again (<c>Input/output error : '/proc/self/mem'</c>, which read "cannot read /proc/self/mem:
    /// Input/output error : '/proc/self/mem'") and a full stop; both are left out.</summary>
    public static string SystemReason(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.Message.TrimEnd();
        int quoted = message.EndsWith('\'') ? message.LastIndexOf(" : '", StringComparison.Ordinal) : -1;
        return (quoted > 0 ? message[..quoted] : message).TrimEnd('.', ' ');
    }

    private static SourceFileRead ReadBounded(string path) =>
        ReadAtMost(path, MaxBytes) is { } bytes ? SourceFileRead.Of(bytes) : SourceFileRead.Failed(SourceFileProblem.TooLarge);

    /// <summary>The bytes of the file at <paramref name="path"/>, read in chunks, or null as soon as it holds more than
    /// <paramref name="maxBytes"/> (another kind of file's limit: a shard's, a snapshot's). The system's refusals
    /// (a missing file, permissions) are thrown, for the caller to name in its own words.</summary>
    public static byte[]? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadAtMost(stream, maxBytes);
    }

    /// <summary>A stream's bytes, read in chunks, or null as soon as it holds more than <see cref="MaxBytes"/>: a
    /// file's, or standard input's for the CLI's <c>-</c>.</summary>
    public static byte[]? ReadAtMost(Stream stream) => ReadAtMost(stream, MaxBytes);

    /// <summary>A stream's bytes, read in chunks, or null as soon as it holds more than <paramref name="maxBytes"/>
    /// (another kind of file's limit: a shard file's, say).</summary>
    public static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength);
        using var content = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }
}
