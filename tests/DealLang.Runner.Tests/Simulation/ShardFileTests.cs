using System.Text;
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
        Assert.StartsWith("{\"format\":\"deallang-mc-shard\",\"version\":1,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("{\"format\":\"something-else\"}", "not a shard file")]
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":2}", "version 2")]
    [InlineData("{\"format\":\"deallang-mc-shard\",\"version\":1}", "damaged")]
    public void AFileThatIsNotAShardIsRefusedWithAReason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ShardFile.Read(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATamperedCountIsRefused()
    {
        string text = Encoding.UTF8.GetString(ShardFile.Write(ShardOf(Setup(), 1, 2)));
        string tampered = text.Replace("\"to\":500", "\"to\":600", StringComparison.Ordinal);
        Assert.NotEqual(text, tampered);
        Assert.Throws<FormatException>(() => ShardFile.Read(Encoding.UTF8.GetBytes(tampered)));
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
}
