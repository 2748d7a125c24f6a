namespace DealLang.Cli;

/// <summary>
/// Whether the process was started with its standard input closed (<c>deallang check - &lt;&amp;-</c>). The .NET runtime
/// opens pipes of its own as it starts, before any of DealLang's code runs, and the system gives them the lowest free
/// descriptor: with 0 closed, one of them becomes "standard input", and reading it waits forever for the runtime to
/// write. <c>fcntl(0, F_GETFD)</c> in <c>Main</c> is too late to tell (0 is open by then). What tells is the pipe
/// itself: standard input given by a shell or a parent is a pipe whose write end is in another process, while the
/// runtime's pipe has its write end here, in one of this process's descriptors (/proc/self/fdinfo says which are open
/// for writing). Linux only, where /proc says so; elsewhere false (nothing known).
/// </summary>
internal static class ClosedStandardInput
{
    const int AccessMode = 3;  // O_ACCMODE
    const int WriteOnly = 1;   // O_WRONLY

    /// <summary>True when descriptor 0 is a pipe whose write end this process holds: the runtime's, not an input.</summary>
    public static bool WasClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            string? target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null)
            {
                return false;
            }

            if (!target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false; // a file, a terminal, a socket: someone's input
            }

            foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (Path.GetFileName(entry) is var fd && fd != "0" && new FileInfo(entry).LinkTarget == target && OpenForWriting(fd))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /proc not mounted, or a descriptor closed while we looked: nothing known, read as before.
        }

        return false;
    }

    static bool OpenForWriting(string fd)
    {
        foreach (string line in File.ReadLines("/proc/self/fdinfo/" + fd))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                int flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8); // octal
                return (flags & AccessMode) == WriteOnly;
            }
        }

        return false;
    }

    /// <summary>Standard input, as <see cref="CliConsole.OpenInput"/> opens it; a usage error when the process has none
    /// (<see cref="WasClosed"/>), where reading the runtime's pipe would hang.</summary>
    public static Stream Open() => WasClosed()
        ? throw new UsageException("'-' reads the deal from standard input, which is closed (<&-); give the deal on standard input (< deal.deal) or as a file")
        : Console.OpenStandardInput();
}
