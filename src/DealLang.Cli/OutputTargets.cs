using DealLang.Compiler;

namespace DealLang.Cli;

/// <summary>
/// Where an output file's bytes go. A file (or a path with nothing there yet) is replaced whole: written under a
/// temporary name beside it, with the old file's permissions, and renamed into place, so a failure leaves the old
/// file as it was and a private report stays private. When the path is a
/// symbolic link, the file it finally points to is the one replaced, beside itself, and the link stays a link. A
/// device or a pipe cannot be replaced, and a rename would put a plain file in its place (as root, over /dev/null):
/// a path under <c>/dev/</c> or <c>/proc/</c> (<c>/dev/null</c>, <c>/dev/stdout</c>, a shell's <c>/dev/fd/63</c>,
/// <c>/proc/self/fd/1</c>) is written into instead. .NET does not say whether a path is a device or a pipe, so the
/// folders stand for it (<see cref="StreamPaths"/>).
/// </summary>
internal static class OutputTargets
{
    /// <summary>Whether <paramref name="path"/> is written into rather than replaced: under /dev/ or /proc/, itself or
    /// where its links lead (<see cref="StreamPaths"/>).</summary>
    public static bool IsStream(string path) => StreamPaths.IsStream(path);

    /// <summary>The file a replacement of <paramref name="path"/> writes: the path itself, or the file its symbolic
    /// links finally lead to (which need not exist yet); a loop of links leads to none, and the link named is
    /// replaced.</summary>
    public static string Resolve(string path) => StreamPaths.FinalTarget(path);

    /// <summary>Whether <paramref name="e"/>, thrown while writing a file, is the system refusing the write rather than a
    /// fault of ours: an I/O error (a full disk), permissions, or the file grown past the process's file-size limit
    /// (<see cref="TooLarge"/>).</summary>
    public static bool Refused(Exception e) => e is IOException or UnauthorizedAccessException || TooLarge(e);

    /// <summary>Whether <paramref name="e"/> is a write past the process's file-size limit (<c>ulimit -f</c>, set by
    /// some batch schedulers), which .NET reports as an <see cref="ArgumentOutOfRangeException"/> on its
    /// <c>value</c> ("Specified file length was too large for the file system"), not as an I/O error.</summary>
    public static bool TooLarge(Exception e) => e is ArgumentOutOfRangeException { ParamName: "value" };

    /// <summary>What went wrong, in words, for <see cref="Refused"/> exceptions: the system's message (the
    /// <paramref name="temporary"/> name it may hold replaced by <paramref name="path"/>), or the file-size limit.</summary>
    public static string Reason(Exception e, string temporary, string path) => TooLarge(e)
        ? "it would be larger than this process may write (its file-size limit, ulimit -f)"
        : e is PathTooLongException ? OutputPaths.TooLong // .NET's message quotes the whole path again
        : e.Message.Replace(temporary, path, StringComparison.Ordinal)
            .Replace($" : '{path}'", "", StringComparison.Ordinal) // .NET's IOException names the file again, which the message does first
            .TrimEnd('.', ' ');

    /// <summary>Writes <paramref name="content"/> into a device or pipe (<see cref="IsStream"/>).</summary>
    public static void WriteInto(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(content);
    }

    /// <summary>Copies the file at <paramref name="from"/> into a device or pipe (<see cref="IsStream"/>).</summary>
    public static void CopyInto(string from, string path)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        source.CopyTo(stream);
    }

    /// <summary>Creates <paramref name="temporary"/>, the twin that will replace <paramref name="file"/>, with
    /// <paramref name="file"/>'s permissions when it exists (from the start, so its content is never readable by
    /// more than the old file's), else the umask's.</summary>
    public static FileStream CreateTemporary(string temporary, string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            options.UnixCreateMode = File.GetUnixFileMode(file);
        }

        return new FileStream(temporary, options);
    }

    /// <summary>Creates a scratch file readable and writable by its owner alone (in a shared folder).</summary>
    public static FileStream CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>Gives <paramref name="temporary"/> the permissions of the file it is about to replace, when there is
    /// one, exactly (the umask may have taken bits from <see cref="CreateTemporary"/>'s): a report kept readable by
    /// its owner alone stays so; a new file gets the umask's, as any other.</summary>
    public static void KeepMode(string file, string temporary)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(file));
        }
    }
}
