namespace DealLang.Cli;

/// <summary>Reads a deal file for a verb, turning file-system problems into one-line usage errors.</summary>
internal static class DealFile
{
    /// <summary>The largest deal file read (docs/cli.md). Real deals are a few kilobytes; the cap keeps a wrong
    /// path (a log, an image, <c>/dev/zero</c>) from filling memory before the parser sees it.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The file's bytes; the compiler decodes them (<c>DealText</c>), so that bytes that are not UTF-8
    /// are reported where they stand (DL0133) rather than read as U+FFFD silently.</summary>
    public static byte[] Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"'{path}' is a directory; give a .deal file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"file not found: {path}");
        }

        try
        {
            return ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>The file's bytes, read in chunks and never more than <see cref="MaxBytes"/>: a device or a pipe
    /// has no length to check beforehand.</summary>
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var content = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > MaxBytes)
            {
                throw new UsageException($"{path} is larger than {MaxBytes / (1024 * 1024)} MiB, the most a deal file may hold; is it the right file?");
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }

    /// <summary>Creates an output folder, or fails with a usage error naming it.</summary>
    public static string EnsureDirectory(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                throw new UsageException($"'{path}' is a file; give a folder for the output");
            }

            Directory.CreateDirectory(path);
            return path;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot create output folder {path}: permission denied", e);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            // The usual cause is a file where a folder of the path should be: name it.
            string? blocker = FileInPath(path);
            throw new UsageException(
                blocker is null ? $"cannot create output folder {path}: {e.Message}" : $"cannot create output folder {path}: {blocker} is a file", e);
        }
    }

    private static string? FileInPath(string path)
    {
        for (string? part = Path.GetDirectoryName(path); !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }
        }

        return null;
    }

}
