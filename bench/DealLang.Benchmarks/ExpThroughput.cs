using System.Globalization;
using System.Runtime.Intrinsics;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--exp [ROUNDS]</c>: what one exponential costs, the scalar <see cref="Math.Exp"/> every drawn index row and
/// drawn value curve takes once a period (the Monte Carlo draw's log-OU rows, a drawn value's deflation) against
/// .NET's vector <see cref="Vector256.Exp(Vector256{double})"/> and <see cref="Vector512.Exp(Vector512{double})"/> over
/// a row of 100 exponents in [−0.5, 0.5), as a row would take them once its exponents are known; interleaved, medians
/// of 7 batches of at least 20 ms per round, the median of the rounds. Also how many of the row's 100 values the
/// vector forms give otherwise than <see cref="Math.Exp"/> (to the bit): what moving a draw to them would change. And
/// the draw's own <see cref="Runner.MonteCarlo.RowExp"/>, over the row (eight or four at a time, what the index rows
/// take) and one by one: the same bits either way, and on every machine, which .NET's vector forms are not.
/// </summary>
public static class ExpThroughput
{
    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        var exponents = new double[100];
        var values = new double[exponents.Length];
        var random = new Random(1);
        for (int i = 0; i < exponents.Length; i++)
        {
            exponents[i] = random.NextDouble() - 0.5;
        }

        var methods = new (string Name, Action Call)[]
        {
            ("Math.Exp", () => Scalar(exponents, values)),
            ("Vector256.Exp", () => Wide256(exponents, values)),
            ("Vector512.Exp", () => Wide512(exponents, values)),
            ("RowExp, the row", () => Row(exponents, values)),
            ("RowExp, one by one", () => RowOneByOne(exponents, values)),
        };

        int[] calls = [.. methods.Select(m => Timing.Calibrate(m.Call, MinBatch))];
        var perExp = methods.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int m = 0; m < methods.Length; m++)
            {
                perExp[m].Add(Timing.MedianPerCall(methods[m].Call, calls[m], Batches) * 1e3 / exponents.Length);
            }
        }

        Scalar(exponents, values);
        double[] scalar = [.. values];
        output.WriteLine("| exponential | ns each | ratio to Math.Exp | values differing from Math.Exp (of 100) |");
        output.WriteLine("|---|---:|---:|---:|");
        for (int m = 0; m < methods.Length; m++)
        {
            methods[m].Call();
            int differing = values.Zip(scalar).Count(p => !p.First.Equals(p.Second));
            double ns = Timing.MedianOf(perExp[m]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {methods[m].Name} | {ns:0.00} | {ns / Timing.MedianOf(perExp[0]):0.00} | {differing} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; Vector512 accelerated: {Vector512.IsHardwareAccelerated}"));
    }

    static void Scalar(double[] exponents, double[] values) => OneByOne(exponents, values, 0);

    // The draw's own exponential over the row, eight or four at a time (what StochasticPaths' index rows take).
    static void Row(double[] exponents, double[] values)
    {
        exponents.CopyTo(values, 0);
        Runner.MonteCarlo.RowExp.Exp(values);
    }

    // Its scalar form, one call an exponent: the same bits.
    static void RowOneByOne(double[] exponents, double[] values)
    {
        for (int i = 0; i < exponents.Length; i++)
        {
            values[i] = Runner.MonteCarlo.RowExp.Exp(exponents[i]);
        }
    }

    // Math.Exp from exponents[from] on: the whole row, or the few a vector form leaves.
    static void OneByOne(double[] exponents, double[] values, int from)
    {
        for (int i = from; i < exponents.Length; i++)
        {
            values[i] = Math.Exp(exponents[i]);
        }
    }

    // Four at a time, the last few (under four) one by one.
    static void Wide256(double[] exponents, double[] values)
    {
        int i = 0;
        for (; i + 4 <= exponents.Length; i += 4)
        {
            Vector256.Exp(Vector256.Create(exponents.AsSpan(i, 4))).CopyTo(values.AsSpan(i, 4));
        }

        OneByOne(exponents, values, i);
    }

    // Eight at a time, the last few one by one.
    static void Wide512(double[] exponents, double[] values)
    {
        int i = 0;
        for (; i + 8 <= exponents.Length; i += 8)
        {
            Vector512.Exp(Vector512.Create(exponents.AsSpan(i, 8))).CopyTo(values.AsSpan(i, 8));
        }

        OneByOne(exponents, values, i);
    }
}
