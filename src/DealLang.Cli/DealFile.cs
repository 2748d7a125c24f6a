using DealLang.Compiler;

namespace DealLang.Cli;

/// <summary>Reads the files a verb is given, turning file-system problems into one-line usage errors (exit 2),
/// and builds the compilation of a deal and its scenario files. The reading rules (not a directory, at most
/// 16 MiB, read in chunks so a device is refused) are the compiler's <see cref="DiskSourceFiles"/>, which also
/// reads the files they import (a problem there is a diagnostic at the import).</summary>
internal static class DealFile
{
    /// <summary>The largest deal file read (docs/cli.md).</summary>
    public const int MaxBytes = DiskSourceFiles.MaxBytes;

    /// <summary>The file's bytes; the compiler decodes them (<c>DealText</c>), so that bytes that are not UTF-8
    /// are reported where they stand (DL0133) rather than read as U+FFFD silently.</summary>
    public static byte[] Read(string path)
    {
        SourceFileRead read = DiskSourceFiles.Instance.Read(path);
        return read.Problem switch
        {
            SourceFileProblem.None when read.Bytes is not null => read.Bytes,
            SourceFileProblem.Directory => throw new UsageException($"'{path}' is a directory; give a .deal file"),
            SourceFileProblem.NotFound => throw new UsageException($"file not found: {path}"),
            SourceFileProblem.TooLarge => throw new UsageException(
                $"{path} is larger than {MaxBytes / (1024 * 1024)} MiB, the most a deal file may hold; is it the right file?"),
            _ => throw new UsageException($"cannot read {path}: {read.Detail}"),
        };
    }

    /// <summary>The deal file and the scenario files given with <c>--scenarios</c>, with everything they import,
    /// as one compilation. Each file given is read here first, so a wrong path is a usage error.</summary>
    public static Compilation Compile(string path, IReadOnlyList<string>? scenarioFiles = null)
    {
        SourceDocument root = SourceDocument.FromBytes(path, Read(path));
        SourceDocument[] others = [.. (scenarioFiles ?? []).Select(file => SourceDocument.FromBytes(file, Read(file)))];
        return Compilation.Create(root, DiskSourceFiles.Instance, others);
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
