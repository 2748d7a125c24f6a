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
}
