namespace DealLang.Compiler.Emit;

/// <summary>
/// The compiled-deal cache folder: where it is by default, and whether it is safe to trust. Whoever can write
/// into the folder decides what code a later run loads, so it must be the user's own: per user by default
/// (never the shared temp folder), created private (0700), and refused if group or others may write to it or
/// if we cannot (then someone else owns it). Refusing only costs a compilation in memory.
/// </summary>
internal static class CacheFolder
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// The platform's per-user cache folder plus <c>deallang</c>: <c>%LOCALAPPDATA%\DealLang\cache</c> on
    /// Windows, <c>$XDG_CACHE_HOME/deallang</c> or <c>~/.cache/deallang</c> elsewhere. Null without a home folder.
    /// </summary>
    public static string? UserDefault(Func<string, string?> variable)
    {
        if (OperatingSystem.IsWindows())
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Combine(local, "DealLang", "cache");
        }

        // The XDG spec ignores a relative XDG_CACHE_HOME, and so do we.
        string? xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "deallang");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "deallang");
    }

    /// <summary>Creates <paramref name="directory"/> if missing (private on Unix) and returns null if it may be
    /// used, else why not (one clause, for a warning).</summary>
    public static string? Prepare(string directory)
    {
        // A relative folder is a different folder from each working directory: a cache per project by accident,
        // and one in whatever folder a command is run from (a checkout others write to, a shared mount). The XDG spec
        // ignores a relative XDG_CACHE_HOME (UserDefault); a relative DEALLANG_CACHE_DIR is refused, with the reason.
        if (!Path.IsPathFullyQualified(directory))
        {
            return "it is a relative path, which names another folder from each working directory; give a full path";
        }

        try
        {
            if (File.Exists(directory))
            {
                return "it is a file, not a folder";
            }

            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, Private);
                }
            }

            if (!OperatingSystem.IsWindows())
            {
                UnixFileMode mode = File.GetUnixFileMode(directory);
                if ((mode & WritableByOthers) != 0)
                {
                    return $"it is writable by group or others (mode {Octal(mode)}); make it private (chmod 700) or delete it";
                }
            }

            // .NET cannot ask who owns a folder. A folder nobody else may write to, in which we can create a file,
            // is ours (or we are root): proving that with a file just created is portable and needs no P/Invoke.
            return CanCreateFileIn(directory) ? null : "it is not writable by you (it belongs to another user?)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "it cannot be created or read: " + e.Message;
        }
    }

    /// <summary>Opens a file for writing that did not exist, private to the user on Unix (0600).</summary>
    public static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>True if group or others may read or write <paramref name="path"/> (never on Windows, whose
    /// per-user folder is protected by its ACL).</summary>
    public static bool IsSharedFile(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    public static string TemporaryName(string directory, string stem) =>
        Path.Combine(directory, stem + "." + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture) + ".tmp");

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover file is harmless: temporary names are never read, and a bad entry fails authentication again.
        }
    }

    private static bool CanCreateFileIn(string directory)
    {
        string probe = TemporaryName(directory, ".probe");
        try
        {
            using (CreatePrivateFile(probe))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            TryDelete(probe);
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
