using DealLang.TestSupport;
using YamlDotNet.RepresentationModel;

namespace DealLang.Cli.Tests.Cluster;

/// <summary>
/// scripts/kubernetes/ (docs/cluster.md): no cluster runs here, so the manifests are parsed and held to what the
/// docs promise (an Indexed Job of K pods on a shared claim, its shard count the same in completions, parallelism
/// and the <c>--shard</c> expression), and the containers' own shell commands are run here, one per completion
/// index as Kubernetes would set <c>JOB_COMPLETION_INDEX</c>, with the shared volume and image paths mapped onto a
/// temporary folder and this checkout: the merge they produce must be the single run's report byte for byte.
/// </summary>
public sealed class KubernetesJobTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "scripts", "kubernetes");

    private readonly string shards = Directory.CreateTempSubdirectory("deallang-k8s-test-").FullName;

    public void Dispose() => Directory.Delete(shards, recursive: true);

    private static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (object step in path)
        {
            node = step switch
            {
                string key => ((YamlMappingNode)node).Children[new YamlScalarNode(key)],
                int index => ((YamlSequenceNode)node).Children[index],
                _ => throw new ArgumentException(step.ToString()),
            };
        }

        return node;
    }

    private static string Scalar(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static YamlNode Container(YamlMappingNode job) => At(job, "spec", "template", "spec", "containers", 0);

    [Fact]
    public void TheShardsAreAnIndexedJobOnASharedClaimAndTheMergeReadsTheSameClaim()
    {
        var shardDocs = Documents("mc-shards.yaml");
        var claim = shardDocs.Single(d => Scalar(d, "kind") == "PersistentVolumeClaim");
        var job = shardDocs.Single(d => Scalar(d, "kind") == "Job");
        var merge = Documents("mc-merge.yaml").Single();

        Assert.Equal("ReadWriteMany", Scalar(claim, "spec", "accessModes", 0));
        Assert.Equal(("batch/v1", "Indexed", "Never"), (Scalar(job, "apiVersion"), Scalar(job, "spec", "completionMode"), Scalar(job, "spec", "template", "spec", "restartPolicy")));
        string k = Scalar(job, "spec", "completions");
        Assert.Equal(k, Scalar(job, "spec", "parallelism"));
        string command = Scalar(Container(job), "command", 2);
        Assert.Contains($"--shard \"$((JOB_COMPLETION_INDEX + 1))/{k}\"", command, StringComparison.Ordinal);

        // Both jobs mount the claim where their commands read and write the shard files.
        foreach (var j in new[] { job, merge })
        {
            Assert.Equal(Scalar(claim, "metadata", "name"), Scalar(j, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
            Assert.Equal("/shards", Scalar(Container(j), "volumeMounts", 0, "mountPath"));
            Assert.Equal(Scalar(j, "spec", "template", "spec", "volumes", 0, "name"), Scalar(Container(j), "volumeMounts", 0, "name"));
            Assert.Equal(Scalar(Container(job), "image"), Scalar(Container(j), "image"));
        }
    }

    [Fact]
    public async Task TheContainersCommandsRunAsTheJobsWouldMergeToTheSingleRunsReport()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the containers' commands are POSIX sh
        }

        var job = Documents("mc-shards.yaml").Single(d => Scalar(d, "kind") == "Job");
        var merge = Documents("mc-merge.yaml").Single();
        int k = int.Parse(Scalar(job, "spec", "completions"), System.Globalization.CultureInfo.InvariantCulture);
        var env = ((YamlSequenceNode)At(Container(job), "env")).Children.ToDictionary(e => Scalar(e, "name"), e => Scalar(e, "value"));
        Assert.Equal(("1000000", ClusterProcess.Seed), (env["PATHS"], env["SEED"]));
        env["PATHS"] = ClusterProcess.Paths.ToString(System.Globalization.CultureInfo.InvariantCulture); // a quick run, same seed

        // The image's /opt/deallang is this build's CLI, its /deallang (the working folder) this checkout, the
        // claim a temporary folder.
        string Mapped(YamlMappingNode j) => Scalar(Container(j), "command", 2)
            .Replace("/opt/deallang/deallang.dll", ClusterProcess.Cli, StringComparison.Ordinal)
            .Replace("/shards", shards, StringComparison.Ordinal);
        Assert.Equal(("sh", "-c", "/deallang"), (Scalar(Container(job), "command", 0), Scalar(Container(job), "command", 1), Scalar(Container(job), "workingDir")));

        // The pods at once, as parallelism lets them run.
        var pods = Enumerable.Range(0, k).Select(index => Task.Run(() => ClusterProcess.Run(
            "sh", ["-c", Mapped(job)], new Dictionary<string, string>(env) { ["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) }))).ToArray();
        for (int index = 0; index < k; index++)
        {
            var pod = await pods[index];
            Assert.True(pod.Exit == 0, pod.Err);
            Assert.StartsWith($"wrote {shards}/shard-{index + 1}.json (shard {index + 1}/{k}: ", pod.Out, StringComparison.Ordinal);
        }

        var merged = ClusterProcess.Run("sh", ["-c", Mapped(merge)]);
        Assert.True(merged.Exit == 0, merged.Err);
        string single = ClusterProcess.SingleRun();
        Assert.Equal(single, merged.Out);
        Assert.Equal(single, File.ReadAllText(Path.Combine(shards, "report.txt")));
    }
}
