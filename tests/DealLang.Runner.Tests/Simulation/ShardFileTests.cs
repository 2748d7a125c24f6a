using System.Text;
using System.Text.Json.Nodes;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>Shard files: exact round trips, damaged files refused, and the merge's mistakes named.</summary>
public sealed class ShardFileTests
{
    const int Paths = 1000;

    static (SimulationFrame Frame, SimulationEngine Engine) Setup(ulong seed = 5)
    {
        var program = new LossProgram();
        DealDescription deal = program.Description;
        return (SimulationFrame.Of(deal, "abc123", "Random", seed, Paths), new SimulationEngine(program, new RandomSource(deal, (int)seed, Paths)));
    }

    static ShardResult ShardOf((SimulationFrame Frame, SimulationEngine Engine) run, int i, int k)
    {
        Shard shard = Shard.Of(i, k, Paths);
        return new ShardResult(run.Frame, shard, run.Engine.Run(shard.From, shard.To, threads: 1));
    }

    [Fact]
    public void AShardReadBackWritesTheSameBytes()
    {
        byte[] bytes = ShardFile.Write(ShardOf(Setup(), 2, 3));
        ShardResult read = ShardFile.Read(bytes);
        Assert.Equal(bytes, ShardFile.Write(read));
        Assert.Equal(new Shard(2, 3, 333, 666), read.Shard);
        Assert.Equal(333, read.Totals.Paths);
        Assert.StartsWith("{\"format\":\"deallang-mc-shard\",\"version\":10,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAntitheticRunsShardsMergedInAnyOrderPrintTheRunsReportByteForByte()
    {
        // Each histogram's buckets keep their smallest and largest values (version 4), which merge by min and max: the
        // report of an antithetic run (its quantiles read inside those extremes, their ± from its pairs' histograms) is
        // the same bytes from one thread, two, and 2, 3 or 5 shards written, read back and given in any order.
        var program = new LossProgram();
        DealDescription deal = program.Description;
        SimulationFrame frame = SimulationFrame.Of(deal, "abc123", "Mirrored", 11, Paths) with { Sampling = SimulationFrame.Antithetic };
        var engine = new SimulationEngine(program, new MirroredSource(deal, 11, Paths));
        string[] Reports(SimulationFrame f, SimulationTotals totals)
        {
            CreditMetrics metrics = CreditMetrics.Compute(f, totals);
            return [.. new[] { ReportFormat.Table, ReportFormat.Json, ReportFormat.Csv }.Select(format => MonteCarloReport.Render(metrics, format))];
        }

        string[] single = Reports(frame, engine.Run(0, Paths, threads: 1));
        Assert.Equal(single, Reports(frame, engine.Run(0, Paths, threads: 2)));
        foreach (int k in new[] { 2, 3, 5 })
        {
            var files = Enumerable.Range(1, k).Select(i =>
            {
                Shard shard = Shard.Of(i, k, Paths, pairs: true);
                return ShardFile.Write(new ShardResult(frame, shard, engine.Run(shard.From, shard.To, threads: 1)));
            }).ToArray();
            foreach (int[] order in (int[][])[[.. Enumerable.Range(0, k)], [.. Enumerable.Range(0, k).Reverse()], [.. Enumerable.Range(0, k).Select(i => (i * 2) % k)]])
            {
                if (order.Distinct().Count() != k)
                {
                    continue; // (2i mod k) is no order for k = 2
                }

                var (merged, totals) = ShardMerge.Merge([.. order.Select(i => ($"s{i}", ShardFile.Read(files[i])))]);
                Assert.Equal(single, Reports(merged, totals));
            }
        }
    }

    [Fact]
    public void AFansHistogramsAreWrittenWithoutExtremesAndTheMeasuresWithThem()
    {
        // Version 5: an index fan's histogram is its smallest and largest values and its buckets' counts (it keeps no
        // extremes per bucket); a tranche's keeps them. Read back, each is of its kind and the same bits.
        ShardResult shard = ShardOf(Setup(), 1, 2);
        JsonNode root = JsonNode.Parse(ShardFile.Write(shard))!;
        JsonObject fan = root["totals"]!["indexLevels"]![0]![0]!.AsObject();
        JsonObject loss = root["totals"]!["tranches"]![0]!["lossHistogram"]!.AsObject();
        Assert.Equal(["bits", "min", "max", "buckets"], fan.Select(p => p.Key));
        Assert.Equal(["bits", "buckets", "extremes"], loss.Select(p => p.Key));

        SimulationTotals read = ShardFile.Read(ShardFile.Write(shard)).Totals;
        Assert.False(read.IndexLevels[0][0].KeepsExtremes);
        Assert.True(read.IndexLevels[0][0].SameAs(shard.Totals.IndexLevels[0][0]));
        Assert.True(read.Tranches[0].LossHistogram.KeepsExtremes);

        // A fan's smallest value outside its buckets (its levels are all ≥ 0: −1 lies in none of them) is refused.
        fan["min"] = "-1";
        var e = Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(root.ToJsonString())));
        Assert.Contains("smallest and largest values do not fall in its buckets", e.Message, StringComparison.Ordinal);

        // Each kind has exactly its own fields: a fan's histogram given a measure's "extremes" (with its own fields
        // intact), or a measure's given a fan's "min", is refused rather than read with the extra field ignored.
        fan["min"] = JsonNode.Parse(ShardFile.Write(shard))!["totals"]!["indexLevels"]![0]![0]!["min"]!.DeepClone();
        fan["extremes"] = new JsonArray();
        e = Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(root.ToJsonString())));
        Assert.Contains("a histogram without its buckets' extremes has an unexpected field \"extremes\"", e.Message, StringComparison.Ordinal);
        fan.Remove("extremes");
        loss["min"] = "0";
        e = Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(root.ToJsonString())));
        Assert.Contains("a histogram with its buckets' extremes has an unexpected field \"min\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("{\"format\":\"something-else\"}", "not a shard file")]
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":1}", "version 1")] // before a guarantee's signed net cost
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":2}", "version 2; this DealLang reads version 10; run the shard again")] // before an antithetic run's pair histograms
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":3}", "version 3; this DealLang reads version 10; run the shard again")] // before a histogram's per-bucket extremes
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":4}", "version 4; this DealLang reads version 10; run the shard again")] // before a fan's histograms went without them
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":5}", "version 5; this DealLang reads version 10; run the shard again")] // before a fund's carry unpaid at the end
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":6}", "version 6; this DealLang reads version 10; run the shard again")] // before its checksum
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":7}", "version 7; this DealLang reads version 10; run the shard again")] // before a guaranteed tranche's holders' totals
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":8}", "version 8; this DealLang reads version 10; run the shard again")] // before what each path ended owing
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":9}", "version 9; this DealLang reads version 10; run the shard again")] // before a guarantee's net cost netted its fees
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":11}", "version 11")]
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":10}", "damaged (it does not end with its checksum")]
    public void AFileThatIsNotAShardIsRefusedWithAReason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ShardFile.Read(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShardChangedAfterItWasWrittenIsRefusedByItsChecksum()
    {
        // One digit of a sum changed leaves a file that reads and adds up (the fuzz3 hunt merged six such into reports
        // that differed from the run's): its checksum, the SHA-256 of every byte before it, no longer matches.
        byte[] bytes = ShardFile.Write(ShardOf(Setup(), 1, 2));
        string text = Encoding.UTF8.GetString(bytes);
        Assert.Matches("^\\{.*,\"sha256\":\"[0-9a-f]{64}\"\\}\n$", text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, text.LastIndexOf(",\"sha256\"", StringComparison.Ordinal)))),
            text[(text.LastIndexOf(":\"", StringComparison.Ordinal) + 2)..^3]);

        int digit = text.IndexOf("\"to\":500", StringComparison.Ordinal) + 6;
        byte[] changed = (byte[])bytes.Clone();
        changed[digit] = (byte)'4'; // "to":540
        var e = Assert.Throws<FormatException>(() => ShardFile.Read(changed));
        Assert.Equal("its contents are damaged (its checksum does not match them: the file was changed after it was written)", e.Message);

        byte[] checksumChanged = (byte[])bytes.Clone();
        checksumChanged[^4] = checksumChanged[^4] == (byte)'0' ? (byte)'1' : (byte)'0';
        Assert.Throws<FormatException>(() => ShardFile.Read(checksumChanged));

        // Sealed again, the same file reads as written; trailing white space after it is no change.
        Assert.Equal(bytes, ShardFile.Seal(bytes));
        Assert.Equal(500, ShardFile.Read([.. bytes, (byte)' ', (byte)'\r', (byte)'\n']).Shard.To);
    }

    // Each field of a real shard in turn made null, another kind or missing: read, or refused with a FormatException
    // (what 'deallang merge' names as a damaged file), never another exception. A null where a string belongs once
    // failed further on with a NullReferenceException, an internal error.
    [Fact]
    public void EveryFieldDamagedInTurnIsReadOrRefusedAsDamaged()
    {
        string text = Encoding.UTF8.GetString(ShardFile.Write(ShardOf(Setup(), 1, 2)));
        var nodes = new List<JsonNode>();
        Collect(JsonNode.Parse(text)!, nodes);
        Assert.True(nodes.Count > 100, $"only {nodes.Count} fields");
        int refused = 0;
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (Func<JsonNode?> replacement in Replacements)
            {
                JsonNode copy = JsonNode.Parse(text)!;
                var inCopy = new List<JsonNode>();
                Collect(copy, inCopy);
                Replace(inCopy[i], replacement);
                try
                {
                    ShardFile.Read(Sealed(copy.ToJsonString()));
                }
                catch (FormatException)
                {
                    refused++;
                }
            }
        }

        Assert.True(refused > nodes.Count, $"{refused} of {nodes.Count * Replacements.Length} damaged files refused");
    }

    // Counts edited so that they no longer add up (each still a valid number): a statistic's paths, a histogram bucket's
    // count, the defaults. Merged, they would print figures no run made.
    [Theory]
    [InlineData("irr", "paths")]
    [InlineData("lossShare", "undefined")]
    [InlineData("lossHistogram", "buckets")]
    [InlineData("walHistogram", "buckets")]
    public void CountsThatDoNotAddUpAreRefused(string field, string part)
    {
        JsonNode shard = JsonNode.Parse(ShardFile.Write(ShardOf(Setup(), 1, 2)))!;
        JsonNode tranche = shard["totals"]!["tranches"]![0]!;
        if (part == "buckets")
        {
            JsonArray buckets = tranche[field]![part]!.AsArray();
            Assert.True(buckets.Count >= 2, $"{field} has no bucket");
            buckets[1] = buckets[1]!.GetValue<int>() + 1; // (bucket, count) pairs: the first bucket's count
        }
        else
        {
            tranche[field]![part] = tranche[field]![part]!.GetValue<long>() + 1;
        }

        var e = Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(shard.ToJsonString())));
        Assert.Contains("its totals do not add up: tranche 0's statistics do not each count the 500 paths", e.Message, StringComparison.Ordinal);
    }

    // null marks the field to be removed (Replace).
    static readonly Func<JsonNode?>[] Replacements = [() => null, () => JsonValue.Create("x"), () => JsonValue.Create(-1), () => new JsonArray(), () => Missing];

    static readonly JsonNode Missing = JsonValue.Create("missing-marker")!;

    static void Collect(JsonNode node, List<JsonNode> into)
    {
        if (node.Parent is not null)
        {
            into.Add(node);
        }

        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode? child in children)
        {
            if (child is not null)
            {
                Collect(child, into);
            }
        }
    }

    static void Replace(JsonNode node, Func<JsonNode?> replacement)
    {
        JsonNode? value = replacement();
        switch (node.Parent)
        {
            case JsonObject o when ReferenceEquals(value, Missing):
                o.Remove(node.GetPropertyName());
                break;
            case JsonObject o:
                o[node.GetPropertyName()] = value?.DeepClone();
                break;
            case JsonArray a when ReferenceEquals(value, Missing):
                a.RemoveAt(node.GetElementIndex());
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = value?.DeepClone();
                break;
        }
    }

    [Fact]
    public void ATamperedCountIsRefused()
    {
        string text = Encoding.UTF8.GetString(ShardFile.Write(ShardOf(Setup(), 1, 2)));
        string tampered = text.Replace("\"to\":500", "\"to\":600", StringComparison.Ordinal);
        Assert.NotEqual(text, tampered);
        Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(tampered)));
        Assert.Throws<FormatException>(() => ShardFile.Read(Encoding.UTF8.GetBytes(text[..(text.Length / 2)])));
    }

    [Fact]
    public void MergeNamesOverlapsGapsAndOtherRuns()
    {
        var run = Setup();
        ShardResult one = ShardOf(run, 1, 4), two = ShardOf(run, 2, 4), three = ShardOf(run, 3, 4), four = ShardOf(run, 4, 4);

        string overlap = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([("a", one), ("b", two), ("c", two), ("d", three), ("e", four)])).Message;
        Assert.Contains("overlaps", overlap, StringComparison.Ordinal);
        Assert.Contains("paths 250 to 499 are in both", overlap, StringComparison.Ordinal);

        string missing = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([("a", one), ("b", two), ("d", four)])).Message;
        Assert.Equal("paths 500 to 749 are in no shard given (missing shard 3/4)", missing);
        string last = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([("a", one), ("b", two), ("c", three)])).Message;
        Assert.Equal("paths 750 to 999 are in no shard given (missing shard 4/4)", last);

        ShardResult otherSeed = ShardOf(Setup(seed: 6), 4, 4);
        string seed = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([("a", one), ("b", two), ("c", three), ("x", otherSeed)])).Message;
        Assert.Equal("x is not a shard of the same run as a: seed 6, not 5", seed);

        ShardResult otherDeal = four with { Frame = four.Frame with { DealHash = "fff000" } };
        Assert.Contains("as compiled from other files", Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([("a", one), ("x", otherDeal)])).Message, StringComparison.Ordinal);

        // Shards of two splits that tile the paths merge (1/2 is 1/4 and 2/4).
        var (_, totals) = ShardMerge.Merge([("h", ShardOf(run, 1, 2)), ("c", three), ("d", four)]);
        Assert.Equal(Paths, totals.Paths);
    }

    [Fact]
    public void AMergerHoldsNoShardItHasAdded()
    {
        // deallang merge adds each file's totals as it reads it: a merge of 1,001 shards of a 1,000-path run (corpus 017,
        // the fuzz3 hunt's) held every file's totals, 3.2 GB, before adding any. Once added, a shard (other than the
        // first, whose totals are the shape the others are checked against) is garbage, and the run is the same.
        var run = Setup();
        var merger = new ShardMerger();
        merger.Add("s1", [ShardOf(run, 1, 10)]);
        var added = new List<WeakReference>();
        for (int i = 2; i <= 10; i++)
        {
            AddShard(merger, run, i, added);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(added, w => Assert.False(w.IsAlive));

        var (_, totals) = merger.Finish()[0];
        var (_, whole) = ShardMerge.Merge([("all", ShardOf(run, 1, 1))]);
        Assert.Equal(Paths, totals.Paths);
        Assert.Equal(
            MonteCarloReport.Render(CreditMetrics.Compute(run.Frame, whole), ReportFormat.Json),
            MonteCarloReport.Render(CreditMetrics.Compute(run.Frame, totals), ReportFormat.Json));
    }

    // Not inlined, so that no local of the caller's frame keeps the shard alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void AddShard(ShardMerger merger, (SimulationFrame Frame, SimulationEngine Engine) run, int i, List<WeakReference> added)
    {
        ShardResult shard = ShardOf(run, i, 10);
        added.Add(new WeakReference(shard.Totals));
        merger.Add($"s{i}", [shard]);
    }

    /// <summary>A chain's shard of two entities: the same program under two names (frames differ by deal name only).</summary>
    static ChainShardResult ChainShardOf(int i, int k, ulong seed = 5)
    {
        var run = Setup(seed);
        ShardResult shard = ShardOf(run, i, k);
        SimulationFrame spv = run.Frame with { Deal = "Spv" };
        return new ChainShardResult(shard.Shard, [(spv, ShardOf(run, i, k).Totals), (run.Frame, shard.Totals)]);
    }

    [Fact]
    public void AChainsShardReadBackWritesTheSameBytesWithEveryEntityInRunOrder()
    {
        byte[] bytes = ShardFile.WriteChain(ChainShardOf(2, 3));
        IReadOnlyList<ShardResult> read = ShardFile.ReadRun(bytes);
        Assert.Equal(["Spv", read[1].Frame.Deal], read.Select(e => e.Frame.Deal));
        Assert.All(read, e => Assert.Equal(new Shard(2, 3, 333, 666), e.Shard));
        Assert.Equal(bytes, ShardFile.WriteChain(new ChainShardResult(read[0].Shard, [.. read.Select(e => (e.Frame, e.Totals))])));
        Assert.Contains(",\"entities\":[{\"frame\":", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        // A single deal's file reads as a run of one entity; a chain's is not a single deal's.
        Assert.Single(ShardFile.ReadRun(ShardFile.Write(ShardOf(Setup(), 1, 2))));
        Assert.Contains("a chain's shard file", Assert.Throws<FormatException>(() => ShardFile.Read(bytes)).Message, StringComparison.Ordinal);

        // A chain of one entity is damaged; so is an entity whose totals do not count the shard's paths.
        string text = Encoding.UTF8.GetString(bytes);
        string one = text[..text.IndexOf(",{\"frame\":", StringComparison.Ordinal)] + "]}";
        Assert.Contains("a chain has two or more", Assert.Throws<FormatException>(() => ShardFile.ReadRun(Sealed(one))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChainsShardsMergePerEntityAndNotWithAnotherRunsOrADealsAlone()
    {
        var files = new List<(string, IReadOnlyList<ShardResult>)>();
        for (int i = 1; i <= 3; i++)
        {
            files.Add(($"c{i}", ShardFile.ReadRun(ShardFile.WriteChain(ChainShardOf(i, 3)))));
        }

        var merged = ShardMerge.MergeRun(files);
        Assert.Equal(2, merged.Length);
        Assert.All(merged, e => Assert.Equal(Paths, e.Totals.Paths));
        Assert.Equal("Spv", merged[0].Frame.Deal);

        var otherSeed = ("x", ShardFile.ReadRun(ShardFile.WriteChain(ChainShardOf(3, 3, seed: 6))));
        Assert.Equal("x is not a shard of the same run as c1: seed 6, not 5",
            Assert.Throws<ShardMergeException>(() => ShardMerge.MergeRun([files[0], files[1], otherSeed])).Message);

        var alone = ("d", ShardFile.ReadRun(ShardFile.Write(ShardOf(Setup(), 3, 3))));
        Assert.Equal($"d is not a shard of the same run as c1: deal {merged[1].Frame.Deal}, not the chain Spv, {merged[1].Frame.Deal}",
            Assert.Throws<ShardMergeException>(() => ShardMerge.MergeRun([files[0], files[1], alone])).Message);
        Assert.Equal("paths 666 to 999 are in no shard given (missing shard 3/3)",
            Assert.Throws<ShardMergeException>(() => ShardMerge.MergeRun([files[0], files[1]])).Message);
    }

    // An edited shard's JSON with its checksum made again (ShardFile.Seal), so the reading gets past it to the check the
    // edit is aimed at; a shard changed without it is refused by its checksum (ShardFileTests).
    static byte[] Sealed(string json) => ShardFile.Seal(Encoding.UTF8.GetBytes(json));
}
