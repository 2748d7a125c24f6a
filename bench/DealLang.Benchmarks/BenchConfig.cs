using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DealLang.Benchmarks;

/// <summary>
/// One short in-process job for the whole suite. The machine has 2 cores and is shared with concurrent builds:
/// <list type="bullet">
/// <item>ShortRun (1 launch, 3 warm-ups, 3 measured iterations) keeps each benchmark to seconds; a default run
/// (up to 100 iterations, several launches) would take far longer than the numbers are worth here. The price is
/// wide error bars, stated in bench/README.md, "Configuration".</item>
/// <item>In-process: BenchmarkDotNet's default toolchain generates and builds a second project (about a minute
/// on this machine, writing into every referenced project's bin/obj under the shared checkout); running in the
/// host process avoids both. The benchmarks measure steady-state code, which the toolchain does not change.</item>
/// </list>
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
