using System.Diagnostics;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Cluster;

/// <summary>
/// Runs the scripts and commands the cluster tests check, as a cluster would: a separate process, from the
/// checkout's root, with the CLI this test assembly was built with (its <c>deallang.dll</c>, beside the test's own,
/// the same sources <c>./deallang</c> publishes, so CI does not publish them a second time).
/// </summary>
internal static class ClusterProcess
{
    /// <summary>The CLI these tests run: <c>dotnet</c> and this path.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "deallang.dll");

    /// <summary>The Hyperion Monte Carlo run both tests split into 4 shards: few paths, so it takes seconds.</summary>
    public const int Paths = 4000;

    public const string Seed = "42";

    public static (int Exit, string Out, string Err) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeout ?? TimeSpan.FromMinutes(5)}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The single run's report: what every merge of its shards must print byte for byte.</summary>
    public static string SingleRun()
    {
        var single = Run("dotnet", [Cli, "mc", .. McArguments, "--threads", "2"]);
        Assert.True(single.Exit == 0, single.Err);
        return single.Out;
    }

    /// <summary><c>deallang mc</c>'s deal, scenario, paths and seed, as the cluster runs them.</summary>
    public static string[] McArguments =>
    [
        "examples/hyperion.deal", "--scenarios", "examples/hyperion-mc.scenarios", "--scenario", "StochasticRent",
        "--paths", Paths.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", Seed,
    ];
}
