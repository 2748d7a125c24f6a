using System.Globalization;
using DealLang.Runner.Analytics;
using NewtonIrr = DealLang.Reference.Analytics.NewtonIrr;
using OldIrr = DealLang.Reference.Analytics.BrentIrr;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--irr [ROUNDS]</c>: what one IRR solve costs by where its rate lies, since the solver goes on above 1000% (to
/// <see cref="Irr.HighestRate"/>, 10⁴) for flows with no rate up to it (session 2026-12-05g). Every case is 25 flows
/// half a year apart (a 12-year semiannual deal's period ends, solved over <see cref="FlowTimes"/> prepared once, as a
/// Monte Carlo path's are); interleaved, medians of 7 batches of at least 20 ms per round, the median of the rounds,
/// and each case's ratio to the first (a tranche-like rate in range, what nearly every path solves):
/// <list type="bullet">
/// <item><c>in range, one change</c>: 100 paid in, a 6% coupon half-yearly and the principal at the end (6.09% a year);</item>
/// <item><c>in range, equity-like</c>: 100 paid in, 12 a half-year for 24 half-years (about 23% a year);</item>
/// <item><c>above 1000%, one change</c>: 1 paid in, 20 back after half a year and 0.01 every half-year after
/// (about 39,900% a year): Newton's fallback to its end, the ends of the range, the cap and the bracketed solver;</item>
/// <item><c>above 10⁴, n/a</c>: 1 paid in, 10⁶ back after half a year and 0.01 every half-year after (about 10¹² a
/// year): the same search, finding nothing;</item>
/// <item><c>several changes, in range</c>: −100, then +15 and −5 alternating, the last +110: the grid scan up to 1000%;</item>
/// <item><c>several changes, above 1000%</c>: −1, +20, −1, +20, … (a promote's flows, every root above 1000%): the
/// scan up to 1000% finds nothing and goes on to 10⁴ (<c>HighGridSteps</c> more steps).</item>
/// </list>
/// Also each case's rate (so a reader sees which branch it took), the bytes a solve allocates (0 is the rule), and the
/// same flows solved by the solver issue 8 measured (f7cdaf7's Brent, <c>old IRR</c>) and by 73815ec's Newton, both as
/// <c>--runner</c> links them, timed in the same rounds: the ratio old / today's is the issue's "10x cheaper", by case.
/// </summary>
public static class IrrRanges
{
    const int Batches = 7;
    const int Flows = 25;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        var years = new double[Flows];
        for (int i = 0; i < Flows; i++)
        {
            years[i] = 0.5 * i;
        }

        var times = new FlowTimes(years);
        (string Name, double[] Amounts)[] cases =
        [
            ("in range, one change", Flat(-100, 3, last: 103)),
            ("in range, equity-like", Flat(-100, 12, last: 12)),
            ("above 1000%, one change", Head(Flat(-1, 0.01, last: 0.01), 20)),
            ("above 10^4, n/a", Head(Flat(-1, 0.01, last: 0.01), 1e6)),
            ("several changes, in range", Alternating(-100, 15, -5, last: 110)),
            ("several changes, above 1000%", Alternating(-1, 20, -1, last: 20)),
        ];

        var solvers = new (string Name, Func<double[], double> Solve)[]
        {
            ("today's", a => Irr.Solve(times, a)),
            ("old", a => OldIrr.Solve(years, a)),
            ("Newton", a => NewtonIrr.Solve(years, a)),
        };
        var calls = new int[cases.Length, solvers.Length];
        for (int c = 0; c < cases.Length; c++)
        {
            for (int s = 0; s < solvers.Length; s++)
            {
                double[] amounts = cases[c].Amounts;
                Func<double[], double> solve = solvers[s].Solve;
                calls[c, s] = Timing.Calibrate(() => solve(amounts), MinBatch);
            }
        }

        var perCall = new List<double>[cases.Length, solvers.Length];
        var ratios = cases.Select(_ => new List<double>()).ToArray();
        var oldRatios = cases.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            var round = new double[cases.Length, solvers.Length];
            for (int c = 0; c < cases.Length; c++)
            {
                for (int s = 0; s < solvers.Length; s++)
                {
                    double[] amounts = cases[c].Amounts;
                    Func<double[], double> solve = solvers[s].Solve;
                    round[c, s] = Timing.MedianPerCall(() => solve(amounts), calls[c, s], Batches);
                    (perCall[c, s] ??= []).Add(round[c, s]);
                }
            }

            for (int c = 0; c < cases.Length; c++)
            {
                ratios[c].Add(round[c, 0] / round[0, 0]);
                oldRatios[c].Add(round[c, 1] / round[c, 0]);
            }
        }

        output.WriteLine("| flows (25, half a year apart) | rate | per solve | / in range, one change | old IRR | Newton IRR | old / today's | B/solve |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int c = 0; c < cases.Length; c++)
        {
            double[] amounts = cases[c].Amounts;
            double rate = Irr.Solve(times, amounts);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Irr.Solve(times, amounts);
            }

            long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {(double.IsNaN(rate) ? "n/a" : rate.ToString("P2", CultureInfo.InvariantCulture))} | {Timing.Time(Timing.MedianOf(perCall[c, 0]), "0.000")} | {Timing.MedianOf(ratios[c]):0.0} | {Timing.Time(Timing.MedianOf(perCall[c, 1]), "0.000")} | {Timing.Time(Timing.MedianOf(perCall[c, 2]), "0.000")} | {Timing.MedianOf(oldRatios[c]):0.0} | {bytes} |"));
        }

        output.WriteLine($"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
    }

    // first at t = 0, then `each` every half-year, the last flow `last`.
    static double[] Flat(double first, double each, double last)
    {
        var amounts = new double[Flows];
        Array.Fill(amounts, each);
        amounts[0] = first;
        amounts[^1] = last;
        return amounts;
    }

    // the flow after half a year replaced by `second`.
    static double[] Head(double[] amounts, double second)
    {
        amounts[1] = second;
        return amounts;
    }

    // first at t = 0, then `odd` and `even` alternating, the last flow `last`.
    static double[] Alternating(double first, double odd, double even, double last)
    {
        var amounts = new double[Flows];
        for (int i = 1; i < Flows; i++)
        {
            amounts[i] = i % 2 == 1 ? odd : even;
        }

        amounts[0] = first;
        amounts[^1] = last;
        return amounts;
    }
}
