using BenchmarkDotNet.Attributes;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>The generated period loop against <see cref="HyperionLoop"/> under BenchmarkDotNet: one path,
/// summary-only, per <see cref="LoopCase"/> (checked to agree in setup). <c>--loop</c> is the interleaved form.</summary>
[MemoryDiagnoser]
public class LoopBenchmarks
{
    LoopCase loop = null!;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = LoopCase.Names[0];

    public static IEnumerable<string> Cases => LoopCase.Names;

    [GlobalSetup]
    public void Setup() => loop = new LoopCase(Case);

    [GlobalCleanup]
    public void Cleanup() => loop.Dispose();

    [Benchmark(Baseline = true)]
    public int HandWritten() => loop.RunHandWritten();

    [Benchmark]
    public int Generated() => loop.RunGenerated();
}
