namespace DealLang.Cli;

/// <summary>Reads a deal file for a verb, turning file-system problems into one-line usage errors.</summary>
internal static class DealFile
{
    public static string Read(string path)
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
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}", e);
        }
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot create output folder {path}: {e.Message}", e);
        }
    }

    public static void Write(string path, string content) => Write(path, () => File.WriteAllText(path, content));

    public static void Write(string path, byte[] content) => Write(path, () => File.WriteAllBytes(path, content));

    private static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}", e);
        }
    }
}
