using BenchmarkDotNet.Running;

namespace DealLang.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class here, so <c>--filter</c>,
/// <c>--list</c> and the other BenchmarkDotNet arguments work as documented in bench/README.md; or, with
/// <c>--interleaved [ROUNDS]</c>, the interleaved path-building measurement (<see cref="InterleavedPaths"/>); with
/// <c>--loop [ROUNDS]</c>, the generated loop against the hand-written one (<see cref="HandWritten.LoopVsHandWritten"/>).</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--interleaved")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            InterleavedPaths.Run(rounds, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--loop")
        {
            HandWritten.LoopVsHandWritten.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchConfig());
    }
}
