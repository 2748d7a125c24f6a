using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>--out</c> writes all of a command's files or none, and a failure says what blocked it rather than
/// "access denied".
/// </summary>
public sealed class OutputTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string[] FilesIn(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_directory_in_the_way_of_one_report_is_named_and_no_report_is_written()
    {
        string blocking = Path.Combine(_directory, "Hyperion.summary.csv");
        Directory.CreateDirectory(blocking);
        File.WriteAllText(Path.Combine(_directory, "Hyperion.Base.ledger.csv"), "from an earlier run");

        var outcome = CliHarness.Run("run", Hyperion, "--format", "csv", "--ledger", "--out", _directory);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: cannot write {blocking}: it is a folder, not a file; nothing was written", outcome.Err.Trim());
        Assert.Equal("", outcome.Out);

        // Neither the other ledgers nor a temporary file; the earlier run's file untouched.
        Assert.Equal(["Hyperion.Base.ledger.csv"], FilesIn(_directory));
        Assert.Equal("from an earlier run", File.ReadAllText(Path.Combine(_directory, "Hyperion.Base.ledger.csv")));
        UsageErrorTests.AssertNoStackTrace(outcome);
    }

    [Fact]
    public void Build_writes_neither_the_source_nor_the_assembly_when_one_is_blocked()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "Deal_Hyperion.dll"));

        var outcome = CliHarness.Run("build", Hyperion, "--emit-cs", _directory, "--out", _directory);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("Deal_Hyperion.dll: it is a folder, not a file; nothing was written", outcome.Err, StringComparison.Ordinal);
        Assert.Empty(FilesIn(_directory));
    }

    [Fact]
    public void A_file_where_the_output_folder_should_be_is_named()
    {
        Directory.CreateDirectory(_directory);
        string file = Path.Combine(_directory, "report");
        File.WriteAllText(file, "");

        var inside = CliHarness.Run("run", Hyperion, "--out", Path.Combine(file, "sub"));

        Assert.Equal(ExitCodes.UsageError, inside.Exit);
        Assert.Equal($"deallang: error: cannot write into {Path.Combine(file, "sub")}: {file} is a file, not a folder; nothing was written", inside.Err.Trim());
    }

    [Fact]
    public void A_failure_while_writing_leaves_no_file_of_the_set()
    {
        Directory.CreateDirectory(_directory);
        var outputs = new OutputFiles(null);
        outputs.Add(Path.Combine(_directory, "first.csv"), "a");
        outputs.Add(Path.Combine(_directory, "no-such-folder", "second.csv"), "b");

        var error = Assert.Throws<UsageException>(() => outputs.Commit());

        // The file given and its missing folder named in words, not the hidden temporary file the OS failed to create.
        string second = Path.Combine(_directory, "no-such-folder", "second.csv");
        Assert.Equal($"cannot write {second}: the folder {Path.GetDirectoryName(second)} does not exist; nothing was written", error.Message);
        Assert.Empty(FilesIn(_directory));
    }

    // A link's file is replaced and the link stays a link (a rename over the link would have made it a plain file);
    // a dangling link's missing folder is the one named.
    [Fact]
    public void An_output_through_a_symbolic_link_replaces_its_file_and_keeps_the_link()
    {
        string real = Path.Combine(_directory, "real");
        Directory.CreateDirectory(real);
        string file = Path.Combine(real, "report.txt");
        File.WriteAllText(file, "old");
        string link = Path.Combine(_directory, "link.txt");
        File.CreateSymbolicLink(link, Path.Combine("real", "report.txt"));

        var outcome = CliHarness.Run("run", Hyperion, "-o", link);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Equal(Path.Combine("real", "report.txt"), new FileInfo(link).LinkTarget);
        Assert.StartsWith("== Hyperion: summary by scenario ==", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal(["link.txt", Path.Combine("real", "report.txt")], FilesIn(_directory));

        string dangling = Path.Combine(_directory, "dangling.txt");
        File.CreateSymbolicLink(dangling, Path.Combine("nowhere", "x.txt"));
        var broken = CliHarness.Run("run", Hyperion, "-o", dangling);
        Assert.Equal(ExitCodes.UsageError, broken.Exit);
        Assert.Equal($"deallang: error: cannot write {dangling}: the folder {Path.Combine(_directory, "nowhere")} does not exist; nothing was written", broken.Err.Trim());
    }

    // A replaced file keeps its permissions: a report readable by its owner alone stays so, where the rename from a
    // new temporary file gave it the umask's (world-readable).
    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        string report = Path.Combine(_directory, "private.txt");
        File.WriteAllText(report, "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var outcome = CliHarness.Run("run", Hyperion, "-o", report);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        Assert.StartsWith("== Hyperion: summary by scenario ==", File.ReadAllText(report), StringComparison.Ordinal);
    }

    // A device or a pipe is written into, never replaced: a rename over /dev/null as root would put a plain file in
    // its place (it did, over /dev/full). The pipe is this process's own, named under /proc/self/fd, so a regression
    // fails the rename there rather than replacing a device of the machine's.
    [Fact]
    public async Task An_output_into_a_pipe_is_written_into_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/fd is Linux's
        }

        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        string writeEnd = "/proc/self/fd/" + pipe.GetClientHandleAsString();
        string received = "";
        var reader = Task.Run(() =>
        {
            using var text = new StreamReader(pipe);
            received = text.ReadToEnd();
        });

        var outcome = CliHarness.Run("run", Hyperion, "-o", writeEnd);
        pipe.DisposeLocalCopyOfClientHandle(); // the last write end closed: the reader sees the end
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.StartsWith("== Hyperion: summary by scenario ==", received, StringComparison.Ordinal);
        // The line goes to standard error: on standard output it would join the report when the pipe is that stream
        // (-o /dev/stdout printed "wrote /dev/stdout" as the report's last line).
        Assert.Contains($"wrote {writeEnd}", outcome.Err, StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
        Assert.DoesNotContain("wrote", received, StringComparison.Ordinal);
    }

    // mc --paths-out into a pipe: the Parquet file is made in the temporary folder and copied into the pipe whole.
    [Fact]
    public async Task Paths_out_into_a_pipe_sends_the_whole_parquet_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        string writeEnd = "/proc/self/fd/" + pipe.GetClientHandleAsString();
        var received = new MemoryStream();
        var reader = pipe.CopyToAsync(received);

        var outcome = CliHarness.Run("mc", Hyperion, "--scenarios", Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios"),
            "--scenario", "StochasticRent", "--paths", "50", "--paths-out", writeEnd);
        pipe.DisposeLocalCopyOfClientHandle();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        byte[] bytes = received.ToArray();
        Assert.True(bytes.Length > 8, $"{bytes.Length} bytes");
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]); // Parquet's magic at both ends: the file arrived whole
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
    }

    // A process may be held to a file size (ulimit -f, set by some batch schedulers): .NET reports a write past it as
    // an ArgumentOutOfRangeException, which was an internal error (exit 3) with the temporary file left behind. It is
    // a usage error naming the file and the limit, and nothing is left. The CLI runs as a process of its own here,
    // under bash's ulimit (XFSZ ignored, so the write fails rather than the process dying; W^X off, as the runtime's
    // double-mapped code would be a file past the limit).
    [Theory]
    [InlineData("run", "20")]
    [InlineData("mc", "200")]
    public async Task A_file_past_the_process_file_size_limit_is_a_usage_error_and_leaves_nothing(string verb, string kilobytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        string output = Path.Combine(_directory, verb == "run" ? "ledger.csv" : "paths.parquet");
        string cli = Path.Combine(AppContext.BaseDirectory, "deallang.dll");
        string command = verb == "run"
            ? $"run '{Hyperion}' --scenario all --format csv --ledger -o '{output}'"
            : $"mc '{Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal")}' --scenario Stochastic --paths 20000 --paths-out '{output}'";
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"trap '' XFSZ; ulimit -f {kilobytes}; exec dotnet '{cli}' {command}");
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        await standardOutput;

        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {error}");
        Assert.Contains($"cannot write {output}: it would be larger than this process may write (its file-size limit, ulimit -f)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Empty(FilesIn(_directory));
    }

    // The system's message named the hidden temporary file ('…/.p.parquet.88903572f047.tmp'), not the path given.
    [Fact]
    public void Paths_out_in_a_missing_folder_names_the_path_given_and_the_folder()
    {
        string output = Path.Combine(_directory, "nodir", "sub", "p.parquet");

        var outcome = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "national-compute.deal"), "--scenario", "FiscalCost", "--paths", "2", "--paths-out", output);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: cannot write {output}: the folder {Path.GetDirectoryName(output)} does not exist; nothing was written", outcome.Err.Trim());
    }

    // A file output in a folder that does not exist was found out only when written, after the work: `mc … -o
    // out/r.txt` ran every path first (minutes on a large run), `test --junit out/j.xml` every deal, printing their
    // FAIL lines, and then said the folder was missing. It is refused before any work, as a folder given for a file is.
    [Theory]
    [InlineData("mc", "{deal}", "--scenario", "FiscalCost", "--paths", "2", "-v", "detailed", "-o", "{out}")]
    [InlineData("mc", "{deal}", "--scenario", "FiscalCost", "--paths", "2", "-v", "detailed", "--shard", "1/2", "--out", "{out}")]
    [InlineData("report", "{deal}", "--mc", "--scenario", "FiscalCost", "--paths", "2", "-v", "detailed", "-o", "{out}")]
    [InlineData("run", "{deal}", "-v", "detailed", "-o", "{out}")]
    [InlineData("test", "{deal}", "-v", "detailed", "--junit", "{out}")]
    public void A_file_output_in_a_missing_folder_is_refused_before_any_work(params string[] args)
    {
        string output = Path.Combine(_directory, "nodir", "r.txt");
        string deal = Path.Combine(RepoPaths.Examples, "national-compute.deal");

        var outcome = CliHarness.Run([.. args.Select(a => a.Replace("{deal}", deal, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal))]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: cannot write {output}: the folder {Path.GetDirectoryName(output)} does not exist; nothing was written", outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void Files_are_replaced_when_nothing_is_in_the_way()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Hyperion.summary.md"), "old");

        var outcome = CliHarness.Run("run", Hyperion, "--format", "md", "--out", _directory);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Equal(["Hyperion.summary.md"], FilesIn(_directory));
        Assert.StartsWith("### Hyperion", File.ReadAllText(Path.Combine(_directory, "Hyperion.summary.md")), StringComparison.Ordinal);
    }
}
