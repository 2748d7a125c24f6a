using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// One path twice: the generated program's <c>Run</c> and the hand-written loop of its deal
/// (<see cref="HyperionLoop"/>, or <see cref="CoreWeaveLoop"/> for <c>CoreWeave/…</c>), each into its own
/// summary-only <see cref="RunResult"/>, over the same <see cref="PathInputs"/> (made by <see cref="PathCase"/>).
/// Made only if the two agree on every figure (<see cref="LoopCheck"/>): bit for bit on Hyperion and CoreWeave, to
/// <see cref="SyntheticTolerance"/> on the synthetic deals, whose collections the generated loop sums in a balanced
/// tree past 64 terms (and in the order lease, its RVG, next lease) where a hand-written loop sums lease by lease.
/// </summary>
public sealed class LoopCase : IDisposable
{
    /// <summary>What <c>--loop</c> and <see cref="LoopBenchmarks"/> measure.</summary>
    public static readonly string[] Names = Arguments.LoopCases;

    /// <summary>Relative tolerance on the synthetic deals' amounts.</summary>
    public const double SyntheticTolerance = 1e-12;

    readonly PathCase path;
    readonly Action<PathInputs, RunResult> hand;

    public LoopCase(string name)
    {
        path = new PathCase(name);
        try
        {
            HandWrittenType = name.StartsWith("CoreWeave/", StringComparison.Ordinal) ? typeof(CoreWeaveLoop) : typeof(HyperionLoop);
            hand = HandWrittenType == typeof(CoreWeaveLoop) ? new CoreWeaveLoop(path.Deal).Run : new HyperionLoop(path.Deal).Run;
            Generated = new RunResult(path.Deal, path.Program.Layout, fullLedger: false);
            HandWritten = new RunResult(path.Deal, path.Program.Layout, fullLedger: false);
            RunGenerated();
            RunHandWritten();
            double tolerance = name.StartsWith("Leases", StringComparison.Ordinal) ? SyntheticTolerance : 0.0;
            var differences = LoopCheck.Differences(Generated, HandWritten, tolerance);
            if (differences.Count > 0)
            {
                throw new InvalidOperationException($"{name}: the hand-written loop does not reproduce the generated program:\n  "
                    + string.Join("\n  ", differences));
            }
        }
        catch
        {
            path.Dispose();
            throw;
        }
    }

    public string Name => path.Name;

    public IDealProgram Program => path.Program;

    /// <summary>The hand-written loop's class (its <c>Run</c>'s JIT tier is shown beside the generated one's).</summary>
    public Type HandWrittenType { get; }

    public RunResult Generated { get; }

    public RunResult HandWritten { get; }

    /// <summary>The generated loop as a Monte Carlo driver calls it: <c>Run</c> alone (it starts its path itself).</summary>
    public int RunGenerated()
    {
        path.Program.Run(path.After, Generated);
        return Generated.PeriodsRun;
    }

    public int RunHandWritten()
    {
        hand(path.After, HandWritten);
        return HandWritten.PeriodsRun;
    }

    public void Dispose() => path.Dispose();
}
