using System.Text;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// Standard output that the system refuses to take (a full disk behind <c>&gt; results.csv</c>): a usage error naming
/// the stream and the reason, exit 2, where it was an internal error ("a bug in DealLang", exit 3). Standard error
/// refusing is dropped, as there is nowhere left to say it.
/// </summary>
public sealed class StandardStreamTests
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    // What the console's writer does on a full disk: it throws the system's error.
    private sealed class FullDisk : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void A_full_disk_behind_standard_output_is_a_usage_error_naming_it()
    {
        using var error = new StringWriter();
        int exit = CliApp.Run(["run", Hyperion, "--scenario", "Base"], new CliConsole(StandardStream.Output(new FullDisk()), error));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Equal("deallang: error: cannot write standard output: No space left on device", error.ToString().Trim());
    }

    [Fact]
    public void A_full_disk_behind_standard_error_is_dropped()
    {
        using var output = new StringWriter();
        int exit = CliApp.Run(["check", Hyperion], new CliConsole(output, StandardStream.Error(new FullDisk())));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith(Hyperion + ": ok: deal Hyperion", output.ToString(), StringComparison.Ordinal);
    }
}
