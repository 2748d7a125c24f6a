namespace DealLang.Cli;

/// <summary>
/// Where an output goes, in one wording for every verb (docs/cli.md, "Every verb"): a file output (<c>-o</c>, a
/// shard's <c>--out</c>, <c>--paths-out</c>, <c>--junit</c>, a report in <c>run --out</c>'s folder) that is a folder,
/// a folder output (<c>run --out</c>, <c>build --out</c> and <c>--emit-cs</c>) that is a file or cannot be made, and a
/// file in the way of a folder on an output's path. Each is a usage error (exit 2) saying
/// <c>cannot write PATH: …; nothing was written</c> (<c>cannot write into DIR</c> for a folder), where <c>report -o
/// DIR</c>, <c>run -o DIR</c> and <c>run --out FILE</c> had worded theirs three ways.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Why a path too long for the file system cannot be written, in one line: .NET's own message
    /// (<see cref="PathTooLongException"/>) quotes the whole path again after the one the error names.</summary>
    public const string TooLong = "the path, or a name in it, is longer than the file system allows";

    /// <summary>A usage error when the file output <paramref name="path"/> is a folder, or goes into a folder that does
    /// not exist (<see cref="MissingFolder"/>): asked before the run (<see cref="InputFiles.Plan"/>), so that a long
    /// Monte Carlo run is not made to find at its end that its <c>-o out/r.txt</c> cannot be written, as it did.</summary>
    public static void RequireFile(string path, string consequence = "nothing was written")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"cannot write {path}: it is a folder, not a file; {consequence}");
        }

        // The folder the file is written in: its link's target's, as the write does (OutputFiles); a device or a pipe
        // is written into where it is.
        if (!OutputTargets.IsStream(path) && Path.GetDirectoryName(Path.GetFullPath(OutputTargets.Resolve(path))) is { } folder
            && !Directory.Exists(folder))
        {
            throw MissingFolder(path, folder, consequence, null);
        }
    }

    /// <summary>The usage error for the file output <paramref name="path"/> whose <paramref name="folder"/> is not there
    /// (<see cref="DirectoryNotFoundException"/>): a file standing where a folder of that path should be, named; else a
    /// folder whose name (or the whole path) is too long for the file system, which could never exist (<see
    /// cref="TooLong"/>: "the folder … does not exist" sent the user to make a folder the system refuses); else the
    /// folder missing.</summary>
    public static UsageException MissingFolder(string path, string folder, string consequence, Exception? cause)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string message = FileInPath(folder) is { } blocker
            ? $"cannot write {path}: {blocker} is a file, not a folder; {consequence}"
            : IsTooLong(folder) ? $"cannot write {path}: {TooLong}; {consequence}"
            : $"cannot write {path}: the folder {folder} does not exist; {consequence}";
        return cause is null ? new UsageException(message) : new UsageException(message, cause);
    }

    /// <summary>The folder output <paramref name="path"/>, made if missing (with the folders above it), or a usage
    /// error naming what is in the way.</summary>
    public static string Folder(string path)
    {
        GivenPath.RequireOutput(path, "folder");
        if (File.Exists(path))
        {
            // /dev/null and a FIFO exist as files too, but "it is a file" misnames them.
            string what = OutputTargets.IsStream(path) ? "a device or a pipe" : "a file";
            throw new UsageException($"cannot write into {path}: it is {what}, not a folder; nothing was written");
        }

        try
        {
            Directory.CreateDirectory(path);
            return path;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot write into {path}: permission denied in {NearestFolder(path)}; nothing was written", e);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            // The usual cause is a file where a folder of the path should be: name it, by its full path as a file
            // output's blocker and missing folder are (MissingFolder), so -o and --out word it alike.
            throw new UsageException(FileInPath(Path.GetFullPath(path)) is { } blocker
                ? $"cannot write into {path}: {blocker} is a file, not a folder; nothing was written"
                : $"cannot write into {path}: {(e is PathTooLongException ? TooLong : e.Message.TrimEnd('.', ' '))}; nothing was written", e);
        }
    }

    // Whether the missing folder could not be made because the file system refuses its length: asked of the file system
    // itself (ENAMETOOLONG, which .NET raises as PathTooLongException), not of a guessed limit, for the whole path and
    // for each missing name in the deepest folder that exists (under a missing folder the system reports only that it
    // is missing). Names vary in their limit by file system (255 bytes on ext4 and APFS; 143 under eCryptfs).
    private static bool IsTooLong(string folder)
    {
        string full = Path.GetFullPath(folder);
        if (RefusedAsTooLong(full))
        {
            return true;
        }

        string existing = NearestFolder(Path.Combine(full, "x"));
        string rest = Path.GetRelativePath(existing, full);
        return rest.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
            .Any(name => name != ".." && RefusedAsTooLong(Path.Combine(existing, name)));
    }

    private static bool RefusedAsTooLong(string path)
    {
        try
        {
            File.GetAttributes(path);
            return false;
        }
        catch (PathTooLongException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // missing, or refused for another reason: not a name too long
        }
    }

    // The first file met going up from folder (itself included), where a folder was needed; null when none is.
    private static string? FileInPath(string folder)
    {
        for (string? part = folder; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }
        }

        return null;
    }

    // The deepest folder of path that exists: where a folder could not be made.
    private static string NearestFolder(string path)
    {
        string full = Path.GetFullPath(path);
        for (string? part = Path.GetDirectoryName(full); !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (Directory.Exists(part))
            {
                return part;
            }
        }

        return full;
    }
}
