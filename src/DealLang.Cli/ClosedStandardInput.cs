using System.Runtime.InteropServices;

namespace DealLang.Cli;

/// <summary>
/// Whether the process was started with its standard input closed (<c>deallang check - &lt;&amp;-</c>), where the system
/// can say (docs/cli.md, "What is detected on each system").
/// <para>On Unix the .NET runtime opens pipes of its own as it starts, before any of DealLang's code runs, and the
/// system gives them the lowest free descriptor: with 0 closed, one of them becomes "standard input", and reading it
/// waits forever for the runtime to write. <c>fcntl(0, F_GETFD)</c> in <c>Main</c> is too late to tell (0 is open by
/// then). What tells is the pipe itself: standard input given by a shell or a parent is a pipe whose write end is in
/// another process, while the runtime's pipe has its write end here, in one of this process's descriptors
/// (<see cref="WriteEndHere"/>). Linux says which descriptors are which pipe's ends, and which are open for writing, in
/// /proc/self (<see cref="Linux"/>); macOS in <c>proc_pidinfo</c> and <c>proc_pidfdinfo</c> (<see cref="MacOS"/>, which
/// also takes a descriptor 0 still closed as closed).</para>
/// <para>On Windows a process started without a standard input has no handle for it (<c>GetStdHandle</c> gives none,
/// <see cref="Windows"/>); nothing takes its place, so nothing would hang, but '-' is told what it is.</para>
/// Elsewhere false: nothing known, read as before.
/// </summary>
internal static class ClosedStandardInput
{
    /// <summary>One of this process's descriptors other than 0: which pipe end it is, as <see cref="WriteEndHere"/>
    /// compares them, and whether it is open for writing (only).</summary>
    internal readonly record struct Descriptor(string End, bool Writes);

    /// <summary>True when standard input was closed when the process started: descriptor 0 is a pipe whose write end
    /// this process holds (the runtime's, not an input), or there is no standard input at all.</summary>
    public static bool WasClosed()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Linux.WasClosed()
                : OperatingSystem.IsMacOS() ? MacOS.WasClosed()
                : OperatingSystem.IsWindows() && Windows.WasClosed();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // /proc not mounted, a descriptor closed while we looked, a system without the call: nothing known.
            return false;
        }
    }

    /// <summary>Whether one of <paramref name="others"/> is open for writing on the pipe end <paramref name="inputsWriteEnd"/>
    /// names (the write end of the pipe at descriptor 0, in the terms each system's descriptors are given in): then
    /// this process feeds its own standard input, which no one else will write to. Read lazily, in order, and stops at
    /// the first.</summary>
    internal static bool WriteEndHere(string inputsWriteEnd, IEnumerable<Descriptor> others) =>
        others.Any(d => d.Writes && d.End == inputsWriteEnd);

    /// <summary>Whether a line of /proc/self/fdinfo/N says the descriptor is open for writing only: <c>flags:</c> in
    /// octal, its access mode (O_ACCMODE, 3) O_WRONLY (1). Null for any other line.</summary>
    internal static bool? WritesOnly(string fdinfoLine) =>
        fdinfoLine.StartsWith("flags:", StringComparison.Ordinal)
            ? (Convert.ToInt32(fdinfoLine["flags:".Length..].Trim(), 8) & 3) == 1
            : null;

    /// <summary>Linux: descriptor 0 links to <c>pipe:[inode]</c>, as both ends of that pipe do in /proc/self/fd.</summary>
    static class Linux
    {
        public static bool WasClosed()
        {
            string? target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false; // a file, a terminal, a socket: someone's input
            }

            return WriteEndHere(target, Directory.EnumerateFileSystemEntries("/proc/self/fd")
                .Select(Path.GetFileName)
                .Where(fd => fd != "0")
                .Select(fd => (Fd: fd!, Target: new FileInfo("/proc/self/fd/" + fd).LinkTarget))
                .Where(d => d.Target == target) // only then is its fdinfo read
                .Select(d => new Descriptor(d.Target!, OpenForWriting(d.Fd))));
        }

        static bool OpenForWriting(string fd) =>
            File.ReadLines("/proc/self/fdinfo/" + fd).Select(WritesOnly).FirstOrDefault(w => w is not null) ?? false;
    }

    /// <summary>macOS (not run by the project's tests, whose machines are Linux): libproc's view of this process's
    /// descriptors. <c>proc_pidinfo(PROC_PIDLISTFDS)</c> lists them with their kinds (8 bytes each: the descriptor, then
    /// its kind, 6 a pipe); <c>proc_pidfdinfo(PROC_PIDFDPIPEINFO)</c> gives a pipe end's <c>struct pipe_fdinfo</c>: its
    /// open flags at 0 (FWRITE 2), its own handle at 160 and its peer's at 168 (after <c>struct proc_fileinfo</c>, 24
    /// bytes, and <c>struct vinfo_stat</c>, 136). Standard input's write end is its peer's handle.</summary>
    static class MacOS
    {
        const int ListFds = 1;          // PROC_PIDLISTFDS
        const int PipeKind = 6;         // PROX_FDTYPE_PIPE
        const int PipeInfo = 6;         // PROC_PIDFDPIPEINFO
        const int PipeInfoSize = 184;   // sizeof(struct pipe_fdinfo)
        const int HandleOffset = 160;   // pipeinfo.pipe_handle
        const int PeerOffset = 168;     // pipeinfo.pipe_peerhandle
        const int FWrite = 2;           // FWRITE in proc_fileinfo.fi_openflags
        const int GetFd = 1;            // F_GETFD

        public static bool WasClosed()
        {
            if (Fcntl(0, GetFd) == -1)
            {
                return true; // descriptor 0 is not open at all: no standard input
            }

            int pid = Environment.ProcessId;
            byte[] input = new byte[PipeInfoSize];
            if (ProcPidFdInfo(pid, 0, PipeInfo, input, PipeInfoSize) != PipeInfoSize)
            {
                return false; // not a pipe: a file, a terminal, a socket
            }

            byte[] list = new byte[8 * 1024];
            int listed = ProcPidInfo(pid, ListFds, 0, list, list.Length);
            var others = new List<Descriptor>();
            for (int at = 0; at + 8 <= listed; at += 8)
            {
                int fd = BitConverter.ToInt32(list, at);
                byte[] end = new byte[PipeInfoSize];
                if (fd != 0 && BitConverter.ToInt32(list, at + 4) == PipeKind && ProcPidFdInfo(pid, fd, PipeInfo, end, PipeInfoSize) == PipeInfoSize)
                {
                    others.Add(new Descriptor(BitConverter.ToUInt64(end, HandleOffset).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        (BitConverter.ToUInt32(end, 0) & FWrite) != 0));
                }
            }

            return WriteEndHere(BitConverter.ToUInt64(input, PeerOffset).ToString(System.Globalization.CultureInfo.InvariantCulture), others);
        }

        [DllImport("libc", EntryPoint = "proc_pidinfo")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int ProcPidInfo(int pid, int flavor, ulong arg, [Out] byte[] buffer, int size);

        [DllImport("libc", EntryPoint = "proc_pidfdinfo")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int ProcPidFdInfo(int pid, int fd, int flavor, [Out] byte[] buffer, int size);

        [DllImport("libc", EntryPoint = "fcntl")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int Fcntl(int fd, int command); // F_GETFD takes no third argument
    }

    /// <summary>Windows: <c>GetStdHandle(STD_INPUT_HANDLE)</c> is null, or INVALID_HANDLE_VALUE, when the process has no
    /// standard input.</summary>
    static class Windows
    {
        const int StdInput = -10;

        public static bool WasClosed() => GetStdHandle(StdInput) is var handle && (handle == IntPtr.Zero || handle == new IntPtr(-1));

        [DllImport("kernel32", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        static extern IntPtr GetStdHandle(int which);
    }

    /// <summary>Standard input, as <see cref="CliConsole.OpenInput"/> opens it; a usage error when the process has none
    /// (<see cref="WasClosed"/>), where reading the runtime's pipe would hang.</summary>
    public static Stream Open() => WasClosed()
        ? throw new UsageException("'-' reads the deal from standard input, which is closed (<&-); give the deal on standard input (< deal.deal) or as a file")
        : Console.OpenStandardInput();
}
