using BenchmarkDotNet.Running;

namespace DealLang.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class here, so <c>--filter</c>,
/// <c>--list</c> and the other BenchmarkDotNet arguments work as documented in bench/README.md.</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchConfig());
}
