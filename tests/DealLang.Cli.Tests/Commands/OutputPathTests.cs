using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// A folder given for an output file, a file for an output folder, and a file where a folder of an output's path
/// should be: one wording on every verb (<see cref="OutputPaths"/>), exit 2, nothing written. <c>report -o DIR</c>
/// said "DIR exists and is a directory", <c>run -o DIR</c> "--output DIR: it is a folder; give a file (…)", <c>run
/// --out FILE</c> "'FILE' is a file; give a folder for the output", and a file in an output file's path "the folder
/// F does not exist".
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string HyperionMc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-output-paths-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The verb's command line with <c>OUT</c> where the output goes.</summary>
    private string[] Line(string verb) => verb switch
    {
        "check" => ["check", Hyperion, "--format", "json", "-o", "OUT"],
        "run" => ["run", Hyperion, "--scenario", "Base", "-o", "OUT"],
        "mc" => ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "20", "-o", "OUT"],
        "mc --out" => ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "20", "--shard", "1/2", "--out", "OUT"],
        "mc --paths-out" => ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "20", "--paths-out", "OUT"],
        "merge" => ["merge", "shard-never-read.bin", "-o", "OUT"],
        "solve" => ["solve", Hyperion, "--hurdle", "MetaLease.rent", "--target", "Sponsor irr = 10%", "-o", "OUT"],
        "report" => ["report", Hyperion, "--scenario", "Base", "-o", "OUT"],
        "fmt" => ["fmt", Hyperion, "-o", "OUT"],
        "test" => ["test", Copy(), "--scenario", "Base", "--junit", "OUT"],
        "run --out" => ["run", Hyperion, "--scenario", "Base", "--out", "OUT"],
        "build --out" => ["build", Hyperion, "--out", "OUT"],
        "build --emit-cs" => ["build", Hyperion, "--emit-cs", "OUT"],
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "no such verb here"),
    };

    private CliOutcome Run(string verb, string output) => CliHarness.Run([.. Line(verb).Select(a => a == "OUT" ? output : a)]);

    // `test` writes its snapshots beside the deal: a copy, so that no mistake writes beside the example.
    private string Copy()
    {
        string deal = Path.Combine(folder, "deal", "hyperion.deal");
        Directory.CreateDirectory(Path.GetDirectoryName(deal)!);
        File.Copy(Hyperion, deal);
        return deal;
    }

    // Each is refused before the verb's work (compiling, running), except fmt's, whose -o is written at its end.
    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("mc")]
    [InlineData("mc --out")]
    [InlineData("mc --paths-out")]
    [InlineData("merge")]
    [InlineData("solve")]
    [InlineData("report")]
    [InlineData("fmt")]
    [InlineData("test")]
    public void A_folder_given_for_an_output_file(string verb)
    {
        string given = Path.Combine(folder, "a-folder");
        Directory.CreateDirectory(given);

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        Assert.Equal($"deallang: error: cannot write {given}: it is a folder, not a file; nothing was written", outcome.Err.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(given));
    }

    [Theory]
    [InlineData("run --out")]
    [InlineData("build --out")]
    [InlineData("build --emit-cs")]
    public void A_file_given_for_an_output_folder(string verb)
    {
        string given = Path.Combine(folder, "a-file");
        File.WriteAllText(given, "kept");

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        Assert.Equal($"deallang: error: cannot write into {given}: it is a file, not a folder; nothing was written", outcome.Err.Trim());
        Assert.Equal("kept", File.ReadAllText(given));
    }

    // /dev/null for a folder was "it is a file, not a folder": a device is named as one.
    [Theory]
    [InlineData("run --out")]
    [InlineData("build --out")]
    [InlineData("build --emit-cs")]
    public void A_device_given_for_an_output_folder(string verb)
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        CliOutcome outcome = Run(verb, "/dev/null");

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        Assert.Equal("deallang: error: cannot write into /dev/null: it is a device or a pipe, not a folder; nothing was written", outcome.Err.Trim());
    }

    // A file's output and a folder's alike, behind a file standing where a folder of the path should be: the file is
    // named (it was "the folder F does not exist" for a file output, F being there as a file).
    [Theory]
    [InlineData("check", "out.json")]
    [InlineData("run", "out.txt")]
    [InlineData("mc --paths-out", "paths.parquet")]
    [InlineData("report", "report.html")]
    [InlineData("fmt", "formatted.deal")]
    [InlineData("run --out", "reports")]
    [InlineData("build --out", "bin")]
    public void A_file_in_the_way_of_an_outputs_folder(string verb, string name)
    {
        string blocker = Path.Combine(folder, "a-file");
        File.WriteAllText(blocker, "kept");
        string given = Path.Combine(blocker, name);

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        string into = verb.EndsWith("--out", StringComparison.Ordinal) ? "into " : "";
        Assert.Equal($"deallang: error: cannot write {into}{given}: {blocker} is a file, not a folder; nothing was written", outcome.Err.Trim());
        Assert.Equal("kept", File.ReadAllText(blocker));
    }
    // -o named a blocking file by its full path and --out as given: a relative path gave two wordings of one mistake.
    // Both name it by its full path now, as a file output's missing folder is.
    [Theory]
    [InlineData("run", "out.txt")]
    [InlineData("run --out", "reports")]
    public void A_file_in_the_way_is_named_by_its_full_path_whichever_output_met_it(string verb, string name)
    {
        string blocker = Path.Combine(folder, "a-file");
        File.WriteAllText(blocker, "kept");
        string given = Path.Combine(Path.GetRelativePath(Environment.CurrentDirectory, blocker), name);
        Assert.False(Path.IsPathRooted(given));

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        string into = verb.EndsWith("--out", StringComparison.Ordinal) ? "into " : "";
        Assert.Equal($"deallang: error: cannot write {into}{given}: {blocker} is a file, not a folder; nothing was written", outcome.Err.Trim());
    }

    // A name longer than the file system allows (255 bytes on Linux and macOS): .NET's message ("The path '…' is too
    // long, or a component of the specified path is too long") quoted the path a second time; the error says why in
    // its own words, the path once.
    [Theory]
    [InlineData("run")]
    [InlineData("mc --out")]
    [InlineData("run --out")]
    public void A_path_too_long_for_the_file_system_is_named_once(string verb)
    {
        string given = Path.Combine(folder, new string('a', 300));

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        string into = verb == "run --out" ? "into " : "";
        Assert.Equal($"deallang: error: cannot write {into}{given}: the path, or a name in it, is longer than the file system allows; nothing was written", outcome.Err.Trim());
        Assert.Single(outcome.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // A file output into a folder whose name is longer than the file system allows said "the folder … does not exist",
    // sending the user to make a folder the system refuses; it says what is wrong, before any work (exit 2). Also with
    // the long name under a folder that does not exist (the system reports only the missing folder there), and a path
    // longer than the system allows as a whole (Linux's 4,096 bytes: 25 names of 200 bytes).
    [Theory]
    [InlineData("run", "long")]
    [InlineData("mc", "long")]
    [InlineData("mc --out", "long")]
    [InlineData("mc --paths-out", "long")]
    [InlineData("test", "long")]
    [InlineData("run", "missing/long")]
    [InlineData("run", "deep")]
    public void A_file_into_a_folder_whose_name_is_too_long_says_so(string verb, string shape)
    {
        string longName = new('a', 300);
        string into = shape switch
        {
            "long" => Path.Combine(folder, longName),
            "missing/long" => Path.Combine(folder, "missing", longName),
            _ => Path.Combine(folder, string.Join('/', Enumerable.Repeat(new string('b', 200), 25))),
        };
        string given = Path.Combine(into, "r.out");

        CliOutcome outcome = Run(verb, given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        Assert.Equal($"deallang: error: cannot write {given}: the path, or a name in it, is longer than the file system allows; nothing was written", outcome.Err.Trim());
        Assert.False(Directory.Exists(Path.Combine(folder, "missing")));
    }

    // A folder that is merely missing is still named as missing (the probe for a name too long does not misread it).
    [Fact]
    public void A_missing_folder_with_names_of_ordinary_length_is_still_missing()
    {
        string given = Path.Combine(folder, "missing", new string('c', 200), "r.out");

        CliOutcome outcome = Run("run", given);

        Assert.True(outcome.Exit == ExitCodes.UsageError, outcome.ToString());
        Assert.Equal($"deallang: error: cannot write {given}: the folder {Path.GetDirectoryName(given)} does not exist; nothing was written", outcome.Err.Trim());
    }
}
