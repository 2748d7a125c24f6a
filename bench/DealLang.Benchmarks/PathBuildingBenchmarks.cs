using BenchmarkDotNet.Attributes;

namespace DealLang.Benchmarks;

/// <summary>
/// Building one path's inputs next to running it, per <see cref="PathCase"/>: <c>BuildBefore</c> is the path
/// building of cd81aa8 (everything from the terms, per path), <c>BuildAfter</c> the path source over the deal's
/// precompute, <c>Run</c> the summary-only period loop over the built inputs. The target: building a path costs no
/// more than running it. <c>--interleaved</c> (<see cref="InterleavedPaths"/>) measures the same three alternately.
/// </summary>
[MemoryDiagnoser]
public class PathBuildingBenchmarks
{
    PathCase path = null!;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = PathCase.Names[0];

    public static IEnumerable<string> Cases => PathCase.Names;

    [GlobalSetup]
    public void Setup() => path = new PathCase(Case);

    [GlobalCleanup]
    public void Cleanup() => path.Dispose();

    [Benchmark]
    public void BuildBefore() => path.BuildBefore();

    [Benchmark]
    public void BuildAfter() => path.BuildAfter();

    [Benchmark]
    public int Run() => path.Run();
}
