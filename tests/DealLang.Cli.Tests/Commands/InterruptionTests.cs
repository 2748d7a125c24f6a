using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// Ctrl-C or SIGTERM during long work (<see cref="Interruption"/>): the work stops, the temporary files of its
/// outputs go with it, and the command ends with <c>deallang: interrupted</c> and exit 130 (143 for SIGTERM). Before,
/// the runtime ended the process on the spot: a progress display left the terminal's cursor hidden, and
/// <c>--paths-out</c> left its hidden temporary file, as large as the paths run so far. Here the test requests the
/// interruption itself, as the signal handler does.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-interrupt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The rows' file as Parquet or CSV (by its extension): either's temporary twin goes (PathsFile, one code for both).
    [Theory]
    [InlineData("paths.parquet")]
    [InlineData("paths.csv")]
    public async Task A_monte_carlo_run_interrupted_stops_writes_nothing_and_exits_130(string rows)
    {
        using var interruption = new Interruption();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error) { Interruption = interruption };
        string parquet = Path.Combine(folder, rows), report = Path.Combine(folder, "report.txt");

        // Far more paths than can run before the request: a run that ended on its own would write both files.
        Task<int> run = Task.Run(() => CliApp.Run(
            ["mc", Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"), "--scenario", "Stochastic", "--paths", "50000000",
             "--threads", "2", "--paths-out", parquet, "-o", report],
            console));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(run.IsCompleted, "the run ended before it was interrupted");
        interruption.Request();

        int exit = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Equal("deallang: interrupted", error.ToString().Trim());
        Assert.Equal("", output.ToString());
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)); // no report, no Parquet file, no temporary twin
    }

    // The handler as the runtime calls it: with nothing watched the signal does what it always did (the context is not
    // cancelled, so the runtime ends the process); while work is watched the first stops the work, and a second is
    // again the runtime's. SIGTERM's exit code is 143.
    [Fact]
    public void A_signal_stops_watched_work_once_and_is_otherwise_the_runtimes()
    {
        using var interruption = new Interruption();
        var unwatched = new System.Runtime.InteropServices.PosixSignalContext(System.Runtime.InteropServices.PosixSignal.SIGINT);
        interruption.Handle(unwatched);
        Assert.False(unwatched.Cancel);
        Assert.False(interruption.Requested);

        using (interruption.Watch())
        {
            var first = new System.Runtime.InteropServices.PosixSignalContext(System.Runtime.InteropServices.PosixSignal.SIGTERM);
            interruption.Handle(first);
            Assert.True(first.Cancel);
            Assert.True(interruption.Requested);
            Assert.True(interruption.Token.IsCancellationRequested);

            var second = new System.Runtime.InteropServices.PosixSignalContext(System.Runtime.InteropServices.PosixSignal.SIGINT);
            interruption.Handle(second);
            Assert.False(second.Cancel);
        }

        Assert.Equal(143, interruption.ExitCode);
    }
}
