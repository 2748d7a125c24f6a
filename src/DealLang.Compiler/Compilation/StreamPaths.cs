namespace DealLang.Compiler;

/// <summary>
/// Paths that name a device or a pipe rather than a file: under <c>/dev/</c> or <c>/proc/</c> (<c>/dev/null</c>,
/// <c>/dev/stdin</c>, a shell's <c>/dev/fd/63</c>, <c>/proc/self/fd/0</c>), themselves or where their symbolic links
/// finally lead, and anywhere a FIFO (<c>mkfifo</c>), a socket or a device file, where the system says so
/// (<see cref="FileKinds"/>: Linux and macOS), and on Windows any name in the device namespace (<c>\\.\pipe\x</c>, a
/// named pipe; <c>NUL</c>, <c>CON</c>, <c>COM1</c>, which .NET's full path makes <c>\\.\NUL</c>…), where all of
/// Windows' pipes and devices are. .NET does not say whether a path is a device or a pipe (its file status has no
/// file type), so where the system cannot be asked the folders stand for it: they hold nothing else a deal or a
/// report would be. The CLI writes into such an output
/// rather than replacing it and never remembers a deal read from one; an import may not name one (a language
/// server's standard input is its protocol: an import of <c>/dev/stdin</c> would read the editor's messages).
/// </summary>
public static class StreamPaths
{
    /// <summary>Whether <paramref name="path"/> is under /dev/ or /proc/, itself or where its links lead, is a FIFO, a
    /// socket or a device file, or (Windows) is in the device namespace; false for a path that names no file at all (empty, or one the system cannot take),
    /// which its reader reports.</summary>
    public static bool IsStream(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Full(path) is not { } full)
        {
            return false;
        }

        return UnderStreams(full) || UnderStreams(FinalTarget(full)) || (OperatingSystem.IsWindows() && InWindowsDeviceNamespace(full))
            || FileKinds.IsSpecial(full);
    }

    /// <summary>The file <paramref name="path"/>'s symbolic links finally lead to (which need not exist), or the
    /// path itself, in full, when it is not a link.</summary>
    public static string FinalTarget(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Full(path) is not { } full)
        {
            return path;
        }

        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a loop of links, which leads to no file
        }
        catch (UnauthorizedAccessException)
        {
            return full; // a link in a folder we may not read
        }
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name one file: the same full path once their
    /// links are followed, or (Linux, macOS) the same device and inode, as a hard link to it has.</summary>
    public static bool SameFile(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(FinalTarget(a), FinalTarget(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return FileKinds.Identity(a) is { } left && FileKinds.Identity(b) is { } right && left == right;
    }

    static string? Full(string path)
    {
        try
        {
            return string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Whether a Windows full path is in the device namespace (<c>\\.\</c> or <c>\\?\</c>) and names a device
    /// or a pipe rather than a file on a volume: not <c>\\?\C:\…</c> (a long path), <c>\\?\UNC\…</c> (a share) or
    /// <c>\\?\Volume{…}\…</c>. A name alone, not an OS call: its rules are tested on any system.</summary>
    internal static bool InWindowsDeviceNamespace(string full)
    {
        if (!full.StartsWith(@"\\.\", StringComparison.Ordinal) && !full.StartsWith(@"\\?\", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = full[4..];
        bool onADrive = rest.Length >= 3 && char.IsAsciiLetter(rest[0]) && rest[1] == ':' && rest[2] == '\\';
        bool onAShare = rest.StartsWith(@"UNC\", StringComparison.OrdinalIgnoreCase);
        bool onAVolume = rest.StartsWith("Volume{", StringComparison.OrdinalIgnoreCase) && rest.IndexOf('\\') > 0;
        return !(onADrive || onAShare || onAVolume);
    }

    static bool UnderStreams(string full) =>
        full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);
}
