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
        Assert.Equal($"deallang: error: {blocking} exists and is a directory; nothing was written", outcome.Err.Trim());
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
        Assert.Contains("Deal_Hyperion.dll exists and is a directory; nothing was written", outcome.Err, StringComparison.Ordinal);
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
        Assert.Equal($"deallang: error: cannot create output folder {Path.Combine(file, "sub")}: {file} is a file", inside.Err.Trim());
    }

    [Fact]
    public void A_failure_while_writing_leaves_no_file_of_the_set()
    {
        Directory.CreateDirectory(_directory);
        var outputs = new OutputFiles();
        outputs.Add(Path.Combine(_directory, "first.csv"), "a");
        outputs.Add(Path.Combine(_directory, "no-such-folder", "second.csv"), "b");

        var error = Assert.Throws<UsageException>(() => outputs.Commit());

        // The file given and its missing folder named in words, not the hidden temporary file the OS failed to create.
        string second = Path.Combine(_directory, "no-such-folder", "second.csv");
        Assert.Equal($"cannot write {second}: the folder {Path.GetDirectoryName(second)} does not exist; nothing was written", error.Message);
        Assert.Empty(FilesIn(_directory));
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
