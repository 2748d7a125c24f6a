using BenchmarkDotNet.Running;

namespace DealLang.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class here, so <c>--filter</c>,
/// <c>--list</c> and the other BenchmarkDotNet arguments work as documented in bench/README.md; or, with
/// <c>--interleaved [ROUNDS]</c>, the interleaved path-building measurement (<see cref="InterleavedPaths"/>); with
/// <c>--runner [ROUNDS]</c>, the runner's overhead per path (<see cref="RunnerOverhead"/>); with <c>--mc [ROUNDS]</c>, Monte Carlo throughput with its breakdown and hand-written limit (<see cref="McThroughput"/>); with <c>--chain [ROUNDS]</c>, a four-entity chain's path against its entities' paths alone (<see cref="ChainOverhead"/>); with <c>--exp [ROUNDS]</c>, one exponential, scalar against vector (<see cref="ExpThroughput"/>); with <c>--philox [ROUNDS]</c>, a Philox block each way the draw makes them (<see cref="PhiloxThroughput"/>); with <c>--irr [ROUNDS]</c>, one IRR solve by where its rate lies (<see cref="IrrRanges"/>); with <c>--spin CASE PART SECONDS</c>, one part of a runner case called over and over for a profiler (<see cref="Spin"/>); with <c>--loop [ROUNDS] [--launches N] [CASES]</c>,
/// the generated loop against the hand-written one (<see cref="HandWritten.LoopVsHandWritten"/>; with <c>--launches</c>,
/// in N processes one after the other); and the CLI
/// measurements' helpers <c>--write-monthly-deal</c> and <c>--cold-compile-phases</c> (bench/cli/).</summary>
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

        if (args.Length > 0 && args[0] == "--exp")
        {
            ExpThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--irr")
        {
            IrrRanges.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--philox")
        {
            PhiloxThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--runner")
        {
            RunnerOverhead.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length == 4 && args[0] == "--write-monthly-deal")
        {
            // bench/cli/cold-compile.sh: the 50-lease, 50-tranche monthly deal (SyntheticMonthlyDeal), written to a file.
            File.WriteAllText(args[3], SyntheticMonthlyDeal.Text(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        if (args.Length >= 2 && args[0] == "--cold-compile-phases")
        {
            ColdCompilePhases.Run(args[1], concurrent: args.Length < 3 || args[2] != "serial", Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--mc")
        {
            McThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--chain")
        {
            ChainOverhead.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
            return;
        }

        if (args.Length == 4 && args[0] == "--spin")
        {
            Spin.Run(args[1], args[2], double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--tiers")
        {
            JitTierCheck.Run(args.Length > 1 ? args[1..] : JitTierCheck.Cases, Console.Out);
            return;
        }

        if (args.Length > 0 && args[0] == "--loop")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            string[] rest = [.. args.Skip(2)];
            if (rest.Length >= 2 && rest[0] == "--launches")
            {
                HandWritten.LoopVsHandWritten.RunInProcesses(rounds, int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out, rest[2..]);
                return;
            }

            HandWritten.LoopVsHandWritten.Run(rounds, Console.Out, rest);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchConfig());
    }
}
