using System.Runtime.InteropServices;
using System.Text;

namespace DealLang.Compiler;

/// <summary>
/// Whether a path names a pipe, a socket or a device rather than a regular file, where the system can say: .NET's
/// file status has no file type (a FIFO made with <c>mkfifo</c> reads as a "Normal" file of length 0, and opening
/// it blocks until someone writes to it), so on Linux this asks <c>statx(2)</c>, whose result has the same layout on
/// every architecture. Elsewhere, or when the call is not there, nothing is known (false).
/// </summary>
internal static partial class FileKinds
{
    const int AtFdCwd = -100;         // paths relative to the working folder, as .NET resolves them
    const uint StatxType = 0x1;       // STATX_TYPE: only the file type is asked for
    const int ModeOffset = 28;        // struct statx: stx_mode, a u16 after mask, blksize, attributes, nlink, uid, gid
    const int FileTypeMask = 0xF000;  // S_IFMT
    const int Regular = 0x8000;       // S_IFREG
    const int Directory = 0x4000;     // S_IFDIR

    static bool unavailable;

    /// <summary>True when <paramref name="path"/> (its links followed) is neither a regular file nor a folder: a FIFO,
    /// a socket, a character or block device. False when it is a file or a folder, is missing, or cannot be asked.</summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref unavailable))
        {
            return false;
        }

        byte[] name = new byte[Encoding.UTF8.GetByteCount(path) + 1]; // NUL-terminated
        Encoding.UTF8.GetBytes(path, name);
        byte[] buffer = new byte[256]; // struct statx is 256 bytes
        try
        {
            if (Native.Statx(AtFdCwd, name, 0, StatxType, buffer) != 0)
            {
                return false; // missing, or not ours to look at: its reader reports that
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref unavailable, true); // a C library without statx (before glibc 2.28)
            return false;
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & FileTypeMask; // in the machine's own byte order
        return type is not Regular and not Directory && type != 0;
    }

    static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] statxbuf);
    }
}
