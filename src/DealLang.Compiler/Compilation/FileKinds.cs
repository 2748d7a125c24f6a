using System.Runtime.InteropServices;
using System.Text;

namespace DealLang.Compiler;

/// <summary>
/// Whether a path names a pipe, a socket or a device rather than a regular file, and which file it is (device and
/// inode), where the system can say. .NET's file status has no file type (a FIFO made with <c>mkfifo</c> reads as a
/// "Normal" file of length 0, and opening it blocks until someone writes to it) and no inode, so this asks the system
/// itself, in one small call per system: <c>statx(2)</c> on Linux (<see cref="Linux"/>), <c>stat(2)</c> on macOS
/// (<see cref="MacOS"/>); the file type is read from the mode as POSIX defines it (<see cref="IsSpecialMode"/>, the
/// same bits on both). Windows has no FIFOs in its file system: its pipes and devices are names in the device
/// namespace (<c>\\.\pipe\x</c>, <c>NUL</c>), which <see cref="StreamPaths"/> tells by the name. Elsewhere, or when the
/// call is not there, nothing is known (false, null).
/// </summary>
internal static partial class FileKinds
{
    const int FileTypeMask = 0xF000;  // S_IFMT
    const int Regular = 0x8000;       // S_IFREG
    const int Directory = 0x4000;     // S_IFDIR

    static bool unavailable;

    /// <summary>What the system says of a file: its mode (null when not said), device and inode (null when not said).</summary>
    internal readonly record struct Status(int? Mode, (ulong Device, ulong Inode)? Identity);

    /// <summary>True when <paramref name="path"/> (its links followed) is neither a regular file nor a folder: a FIFO,
    /// a socket, a character or block device. False when it is a file or a folder, is missing, or cannot be asked.</summary>
    public static bool IsSpecial(string path) => Ask(path) is { Mode: { } mode } && IsSpecialMode(mode);

    /// <summary>The device and inode of the file <paramref name="path"/> names (its links followed), which two paths
    /// share when they are one file (a hard link, a bind mount); null where the system cannot say (Windows, a missing
    /// file).</summary>
    public static (ulong Device, ulong Inode)? Identity(string path) => Ask(path)?.Identity;

    /// <summary>Whether a POSIX mode's file type is neither a regular file nor a folder (0, no type, is not known).</summary>
    internal static bool IsSpecialMode(int mode)
    {
        int type = mode & FileTypeMask;
        return type is not Regular and not Directory && type != 0;
    }

    static Status? Ask(string path)
    {
        if (Volatile.Read(ref unavailable) || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return null;
        }

        byte[] name = new byte[Encoding.UTF8.GetByteCount(path) + 1]; // NUL-terminated
        Encoding.UTF8.GetBytes(path, name);
        try
        {
            return OperatingSystem.IsLinux() ? Linux.Stat(name) : MacOS.Stat(name);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref unavailable, true); // a C library without the call (statx before glibc 2.28)
            return null;
        }
    }

    /// <summary>Linux: <c>statx(AT_FDCWD, path, 0, STATX_TYPE | STATX_INO)</c>, whose result has the same layout on every
    /// architecture.</summary>
    static class Linux
    {
        const int AtFdCwd = -100;       // paths relative to the working folder, as .NET resolves them
        const uint StatxType = 0x1;     // STATX_TYPE
        const uint StatxIno = 0x100;    // STATX_INO
        const int ModeOffset = 28;      // struct statx: stx_mode, a u16 after mask, blksize, attributes, nlink, uid, gid
        const int InodeOffset = 32;     // stx_ino, a u64 after stx_mode and a spare u16
        const int DeviceOffset = 136;   // stx_dev_major then stx_dev_minor, two u32s

        public static Status? Stat(byte[] name)
        {
            byte[] buffer = new byte[256]; // struct statx is 256 bytes
            if (Statx(AtFdCwd, name, 0, StatxType | StatxIno, buffer) != 0)
            {
                return null; // missing, or not ours to look at: its reader reports that
            }

            // stx_mask says what the file system filled in; each field in the machine's own byte order.
            uint mask = BitConverter.ToUInt32(buffer, 0);
            ulong device = ((ulong)BitConverter.ToUInt32(buffer, DeviceOffset) << 32) | BitConverter.ToUInt32(buffer, DeviceOffset + 4);
            return new Status(
                (mask & StatxType) != 0 ? BitConverter.ToUInt16(buffer, ModeOffset) : null,
                (mask & StatxIno) != 0 ? (device, BitConverter.ToUInt64(buffer, InodeOffset)) : null);
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] statxbuf);
    }

    /// <summary>macOS: <c>stat(path)</c> with 64-bit inodes (<c>stat$INODE64</c> on Intel, where plain <c>stat</c> is the
    /// old 32-bit-inode call; plain <c>stat</c> on Apple silicon). Not run by the project's tests, whose machines are
    /// Linux: the layout is sys/stat.h's <c>struct stat</c> (st_dev an i32 at 0, st_mode a u16 at 4, st_ino a u64 at 8;
    /// 144 bytes).</summary>
    static class MacOS
    {
        const int ModeOffset = 4;
        const int InodeOffset = 8;

        public static Status? Stat(byte[] name)
        {
            byte[] buffer = new byte[144];
            int result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? StatInode64(name, buffer) : StatArm64(name, buffer);
            return result != 0 ? null
                : new Status(BitConverter.ToUInt16(buffer, ModeOffset), (BitConverter.ToUInt32(buffer, 0), BitConverter.ToUInt64(buffer, InodeOffset)));
        }

        [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int StatInode64(byte[] pathname, [Out] byte[] buffer);

        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        static extern int StatArm64(byte[] pathname, [Out] byte[] buffer);
    }
}
