namespace DealLang.Cli.Tests.Cluster;

/// <summary>
/// The integration test of issue 10's "beyond one machine": a real Slurm (Debian's slurm-wlm, controller and daemon
/// on localhost, <see cref="SlurmCluster"/>) runs <c>deallang mc</c> as a 4-task job array and <c>deallang merge</c>
/// in a job that depends on it (scripts/slurm/mc-array.sh), and the merged report is the single run's byte for
/// byte. Where Slurm cannot start (not root, no apt-get) the tests are skipped saying why, except in CI
/// (<c>CI=true</c>), where they fail.
/// </summary>
public sealed class SlurmArrayTests(SlurmCluster slurm) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-slurm-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (int Exit, string Out, string Err) McArray(int shards, IEnumerable<string> mcArguments) => SlurmCluster.Bash(
        $"source scripts/slurm/env.sh && scripts/slurm/mc-array.sh --shards {shards} --out {Quote(folder)} --wait --cli {Quote(ClusterProcess.Cli)} -- "
        + string.Join(' ', mcArguments.Select(Quote)));

    [SkippableFact]
    public void FourShardsAsAJobArrayMergeToTheSingleRunsReportByteForByte()
    {
        slurm.Require();
        string single = ClusterProcess.SingleRun();
        var array = McArray(4, ClusterProcess.McArguments);
        Assert.True(array.Exit == 0, $"mc-array.sh exit {array.Exit}: {array.Err}{Logs()}");
        Assert.Matches(@"^shards: job array \d+ \(4 tasks\); merge: waiting; report: .*/report\.txt\n$", array.Out.ReplaceLineEndings("\n"));

        // Each task ran its own shard (task i, shard i+1 of 4) and said so in its own log.
        for (int i = 1; i <= 4; i++)
        {
            int from = (i - 1) * ClusterProcess.Paths / 4, to = (i * ClusterProcess.Paths / 4) - 1;
            Assert.Equal(
                $"wrote {Path.Combine(folder, $"shard-{i}.json")} (shard {i}/4: paths {from} to {to} of {ClusterProcess.Paths})\n",
                File.ReadAllText(Path.Combine(folder, "logs", $"shard-{i - 1}.log")).ReplaceLineEndings("\n"));
        }

        Assert.Contains("Hyperion: Monte Carlo, scenario StochasticRent, 4,000 paths, seed 42", single, StringComparison.Ordinal);
        Assert.Equal(single, File.ReadAllText(Path.Combine(folder, "report.txt")));
    }

    [SkippableFact]
    public void AFailedShardFailsTheRunAndNoReportIsWritten()
    {
        // The merge depends on every shard (afterok): tasks that fail (an unknown scenario) mean no merge, and
        // mc-array.sh --wait says so instead of waiting for ever or printing a report of nothing.
        slurm.Require();
        var array = McArray(2, ["examples/hyperion.deal", "--scenario", "NoSuchScenario", "--paths", "100"]);
        Assert.Equal(1, array.Exit);
        Assert.Contains("the run failed: no " + Path.Combine(folder, "report.txt"), array.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.txt")));
        Assert.Contains("unknown scenario 'NoSuchScenario'", File.ReadAllText(Path.Combine(folder, "logs", "shard-0.log")), StringComparison.Ordinal);
    }

    private string Logs() => Directory.Exists(Path.Combine(folder, "logs"))
        ? string.Concat(Directory.GetFiles(Path.Combine(folder, "logs")).Order().Select(f => $"\n--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
        : "";

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
