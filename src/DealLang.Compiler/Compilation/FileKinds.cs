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
    const uint StatxIno = 0x100;      // STATX_INO
    const int InodeOffset = 32;       // stx_ino, a u64 after stx_mode and a spare u16
    const int DeviceOffset = 136;     // stx_dev_major then stx_dev_minor, two u32s

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

    /// <summary>The device and inode of the file <paramref name="path"/> names (its links followed), which two paths
    /// share when they are one file (a hard link, a bind mount); null where the system cannot say (not Linux, a
    /// missing file).</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref unavailable))
        {
            return null;
        }

        byte[] name = new byte[Encoding.UTF8.GetByteCount(path) + 1]; // NUL-terminated
        Encoding.UTF8.GetBytes(path, name);
        byte[] buffer = new byte[256];
        try
        {
            if (Native.Statx(AtFdCwd, name, 0, StatxIno, buffer) != 0 || (BitConverter.ToUInt32(buffer, 0) & StatxIno) == 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref unavailable, true);
            return null;
        }

        ulong device = ((ulong)BitConverter.ToUInt32(buffer, DeviceOffset) << 32) | BitConverter.ToUInt32(buffer, DeviceOffset + 4);
        return (device, BitConverter.ToUInt64(buffer, InodeOffset));
    }

    static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] statxbuf);
    }
}
