namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// The parts of <see cref="ClosedStandardInput"/> that are not a call to the system, on every system: which descriptor
/// makes standard input the runtime's own pipe, and how Linux's /proc/self/fdinfo says a descriptor writes. The calls
/// themselves are run on Linux by <see cref="StandardInputTests"/> (a real <c>&lt;&amp;-</c>); macOS's and Windows'
/// are not run by this suite (docs/cli.md, "What is detected on each system").
/// </summary>
public sealed class ClosedStandardInputRulesTests
{
    [Fact]
    public void Standard_input_is_the_runtimes_pipe_only_when_a_descriptor_here_writes_to_that_same_pipe()
    {
        ClosedStandardInput.Descriptor Reads(string end) => new(end, Writes: false);
        ClosedStandardInput.Descriptor Writes(string end) => new(end, Writes: true);

        Assert.True(ClosedStandardInput.WriteEndHere("pipe:[7]", [Reads("pipe:[3]"), Writes("pipe:[7]")]));
        // A shell's pipe: its write end is in the other process; this one holds only other pipes, or reads this one.
        Assert.False(ClosedStandardInput.WriteEndHere("pipe:[7]", [Writes("pipe:[3]"), Reads("pipe:[7]")]));
        Assert.False(ClosedStandardInput.WriteEndHere("pipe:[7]", []));
    }

    [Fact]
    public void The_descriptors_are_read_only_until_the_write_end_is_found()
    {
        // Linux reads a descriptor's fdinfo only when asked: what comes after the write end is never looked at.
        int looked = 0;
        IEnumerable<ClosedStandardInput.Descriptor> Descriptors()
        {
            foreach (var d in new[] { new ClosedStandardInput.Descriptor("a", true), new("b", true), new("c", true) })
            {
                looked++;
                yield return d;
            }
        }

        Assert.True(ClosedStandardInput.WriteEndHere("b", Descriptors()));
        Assert.Equal(2, looked);
    }

    [Theory]
    [InlineData("flags:\t01", true)]          // O_WRONLY
    [InlineData("flags:\t02000001", true)]    // O_WRONLY | O_CLOEXEC, in octal
    [InlineData("flags:\t00", false)]         // O_RDONLY: a read end
    [InlineData("flags:\t02", false)]         // O_RDWR
    [InlineData("flags:\t0100002", false)]    // O_RDWR | O_LARGEFILE
    [InlineData("pos:\t0", null)]
    [InlineData("mnt_id:\t15", null)]
    public void Fdinfo_says_a_descriptor_writes_by_its_access_mode_in_octal(string line, bool? writes) =>
        Assert.Equal(writes, ClosedStandardInput.WritesOnly(line));
}
