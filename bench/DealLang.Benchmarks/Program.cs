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
    /// <summary>0 when the measurement ran; <see cref="Arguments.UsageExitCode"/> (2) for a mistake in the arguments
    /// or setup, one line on standard error; BenchmarkDotNet's own code for its arguments.</summary>
    public static int Main(string[] args)
    {
        int code = 0;
        int usage = Arguments.Run(args, Console.Error, a => code = Dispatch(a));
        return usage != 0 ? usage : code;
    }

    // The arguments are checked (Arguments.Check) before this runs: the parses here cannot fail.
    static int Dispatch(string[] args)
    {
        string option = args.Length > 0 ? args[0] : "";
        switch (option)
        {
            case "--interleaved":
                InterleavedPaths.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--exp":
                ExpThroughput.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--irr":
                IrrRanges.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--philox":
                PhiloxThroughput.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--runner":
                RunnerOverhead.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--mc":
                McThroughput.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--chain":
                ChainOverhead.Run(Arguments.Rounds(args), Console.Out);
                return 0;
            case "--write-monthly-deal":
                // bench/cli/cold-compile.sh: the 50-lease, 50-tranche monthly deal (SyntheticMonthlyDeal), written to a file.
                File.WriteAllText(args[3], SyntheticMonthlyDeal.Text(Arguments.Count(option, "LEASES", args[1]), Arguments.Count(option, "TRANCHES", args[2])));
                return 0;
            case "--cold-compile-phases":
                ColdCompilePhases.Run(args[1], concurrent: args.Length < 3, Console.Out);
                return 0;
            case "--spin":
                Spin.Run(args[1], args[2], Arguments.Seconds(args[3]), Console.Out);
                return 0;
            case "--tiers":
                JitTierCheck.Run(args.Length > 1 ? args[1..] : JitTierCheck.Cases, Console.Out);
                return 0;
            case "--loop":
                var (rounds, launches, cases) = Arguments.Loop(args);
                if (launches is int n)
                {
                    HandWritten.LoopVsHandWritten.RunInProcesses(rounds, n, Console.Out, cases);
                }
                else
                {
                    HandWritten.LoopVsHandWritten.Run(rounds, Console.Out, cases);
                }

                return 0;
            default:
                // Every benchmark class reads the examples: no checkout is refused here, in a line, rather than in
                // each benchmark's process.
                RepoFiles.Root();
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchConfig());
                return 0;
        }
    }
}
