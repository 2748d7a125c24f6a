namespace DealLang.Compiler.Tests.Compiling;

/// <summary>
/// The parts of <see cref="FileKinds"/> and <see cref="StreamPaths"/> that are not a call to the system, on every system:
/// a POSIX mode's file type (Linux's statx and macOS's stat give the same bits), and which Windows full paths are in the
/// device namespace, where all of Windows' pipes and devices are. The calls themselves are run on Linux by the FIFO
/// tests (ImportTests, the CLI's); macOS's and Windows' are not run by this suite (docs/cli.md).
/// </summary>
public sealed class FileKindsRulesTests
{
    [Theory]
    [InlineData(0x81A4, false)]  // S_IFREG | 0644: a file
    [InlineData(0x41ED, false)]  // S_IFDIR | 0755: a folder
    [InlineData(0x11A4, true)]   // S_IFIFO | 0644: mkfifo
    [InlineData(0x21B6, true)]   // S_IFCHR | 0666: /dev/null, /dev/zero
    [InlineData(0x61B0, true)]   // S_IFBLK | 0660: a disk
    [InlineData(0xC1ED, true)]   // S_IFSOCK | 0755: a socket
    [InlineData(0x01A4, false)]  // no type given: nothing known
    public void A_mode_that_is_neither_a_file_nor_a_folder_is_special(int mode, bool special) =>
        Assert.Equal(special, FileKinds.IsSpecialMode(mode));

    [Theory]
    [InlineData(@"\\.\pipe\deal", true)]          // a named pipe
    [InlineData(@"\\.\NUL", true)]                // GetFullPath("NUL"), "nul.deal" on older Windows
    [InlineData(@"\\.\CON", true)]
    [InlineData(@"\\.\COM1", true)]
    [InlineData(@"\\.\C:", true)]                 // the volume itself, read raw
    [InlineData(@"\\?\GLOBALROOT\Device\Null", true)]
    [InlineData(@"\\.\PhysicalDrive0", true)]
    [InlineData(@"\\?\C:\deals\hyperion.deal", false)]   // a long path on a drive
    [InlineData(@"\\.\C:\deals\hyperion.deal", false)]
    [InlineData(@"\\?\UNC\server\share\a.deal", false)]  // a share
    [InlineData(@"\\?\Volume{01234567-89ab-cdef-0123-456789abcdef}\a.deal", false)]
    [InlineData(@"C:\deals\hyperion.deal", false)]
    [InlineData(@"\\server\share\a.deal", false)]
    [InlineData("/dev/null", false)]               // a Unix path: the /dev rule's, not this one's
    public void A_windows_path_in_the_device_namespace_is_a_stream(string full, bool stream) =>
        Assert.Equal(stream, StreamPaths.InWindowsDeviceNamespace(full));
}
