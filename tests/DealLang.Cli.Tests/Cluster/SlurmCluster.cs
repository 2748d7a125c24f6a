namespace DealLang.Cli.Tests.Cluster;

/// <summary>
/// The single-node Slurm the Slurm tests share: found running (in CI, .ci/run started it) or started by
/// scripts/slurm/start.sh, which installs Debian's slurm-wlm and munge when missing; stopped at the end only if
/// started here.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private readonly bool startedHere;

    public SlurmCluster()
    {
        if (OperatingSystem.IsWindows())
        {
            Problem = "Slurm runs on Linux; its scripts are bash";
            return;
        }

        if (Bash("scripts/slurm/start.sh --check").Exit == 0)
        {
            return;
        }

        var started = Bash("scripts/slurm/start.sh");
        startedHere = started.Exit == 0;
        if (!startedHere)
        {
            Problem = $"a single-node Slurm could not be started (scripts/slurm/start.sh exit {started.Exit}): {started.Err.Trim()}";
        }
    }

    /// <summary>Why Slurm is not up, or null when it is.</summary>
    public string? Problem { get; }

    /// <summary>Skips the calling test, saying why, when Slurm is not up; in CI (CI=true) fails it instead.</summary>
    public void Require()
    {
        if (Problem is null)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", Problem + "; in CI (CI=true) Slurm must run");
        Skip.If(true, Problem + "; skipped outside CI");
    }

    public static (int Exit, string Out, string Err) Bash(string script) =>
        ClusterProcess.Run("bash", ["-c", script], timeout: TimeSpan.FromMinutes(5));

    public void Dispose()
    {
        if (startedHere)
        {
            Bash("scripts/slurm/stop.sh");
        }
    }
}
