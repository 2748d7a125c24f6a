using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DealLang.Runner.MonteCarlo;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--philox [ROUNDS]</c>: what a Philox4x32-10 block costs (two of a path's draws), the ways
/// <see cref="PathStream.Take(Span{ulong})"/> can make them: four blocks at a time in 256-bit lanes
/// (<see cref="Philox.Blocks(ulong, uint, uint, uint)"/>), eight as two groups of four with their rounds interleaved
/// (<see cref="Philox.Blocks(ulong, uint, uint, uint, out Philox.Words, out Philox.Words)"/>, what Take uses where
/// 512-bit vectors are not the hardware's) and eight in 512-bit lanes (<see cref="Philox.Blocks8"/>, where they are);
/// 4,096 blocks a call, interleaved, medians of 7 batches of at least 20 ms per round, the median of the rounds. Every
/// way's words are checked against the four-at-a-time ones first.
/// </summary>
public static class PhiloxThroughput
{
    const int Batches = 7;
    const int BlocksPerCall = 4096;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        Check();
        ulong sink = 0;
        var methods = new List<(string Name, Func<ulong> Call)>
        {
            ("four at a time (256-bit)", Four),
            ("eight, two groups of four (256-bit)", EightInTwoGroups),
        };
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            methods.Add(("eight at a time (512-bit)", Eight512));
        }

        int[] calls = [.. methods.Select(m => Timing.Calibrate(() => sink += m.Call(), MinBatch))];
        var perBlock = methods.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int m = 0; m < methods.Count; m++)
            {
                Func<ulong> call = methods[m].Call;
                perBlock[m].Add(Timing.MedianPerCall(() => sink += call(), calls[m], Batches) * 1e3 / BlocksPerCall);
            }
        }

        GC.KeepAlive(sink);
        output.WriteLine("| Philox blocks | ns a block | ratio to four at a time |");
        output.WriteLine("|---|---:|---:|");
        for (int m = 0; m < methods.Count; m++)
        {
            double ns = Timing.MedianOf(perBlock[m]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {methods[m].Name} | {ns:0.00} | {ns / Timing.MedianOf(perBlock[0]):0.00} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; Vector512 accelerated: {Vector512.IsHardwareAccelerated}; PathStream.Take: {(PathStream.Widest == 16 ? "eight blocks at a time" : "block by block")}"));
    }

    // The same counters (a path's stream from block 1000 on), stream and key in every way.
    const ulong From = 1000;
    const uint Stream = 7, K0 = 0x1234_5678, K1 = 0x9ABC_DEF0;

    static ulong Four()
    {
        Vector256<ulong> acc = Vector256<ulong>.Zero;
        for (ulong b = From; b < From + BlocksPerCall; b += 4)
        {
            var (x0, x1, x2, x3) = Philox.Blocks(b, Stream, K0, K1);
            acc ^= x0 ^ x1 ^ x2 ^ x3;
        }

        return acc.GetElement(0);
    }

    static ulong EightInTwoGroups()
    {
        Vector256<ulong> acc = Vector256<ulong>.Zero;
        for (ulong b = From; b < From + BlocksPerCall; b += 8)
        {
            Philox.Blocks(b, Stream, K0, K1, out Philox.Words low, out Philox.Words high);
            acc ^= low.X0 ^ low.X1 ^ low.X2 ^ low.X3 ^ high.X0 ^ high.X1 ^ high.X2 ^ high.X3;
        }

        return acc.GetElement(0);
    }

    static ulong Eight512()
    {
        Vector512<ulong> acc = Vector512<ulong>.Zero;
        for (ulong b = From; b < From + BlocksPerCall; b += 8)
        {
            var (x0, x1, x2, x3) = Philox.Blocks8(b, Stream, K0, K1);
            acc ^= x0 ^ x1 ^ x2 ^ x3;
        }

        return acc.GetElement(0);
    }

    // Each way's words for the first 64 blocks, against four at a time.
    static void Check()
    {
        for (ulong b = From; b < From + 64; b += 8)
        {
            var (a0, a1, a2, a3) = Philox.Blocks(b, Stream, K0, K1);
            var (c0, c1, c2, c3) = Philox.Blocks(b + 4, Stream, K0, K1);
            Philox.Blocks(b, Stream, K0, K1, out Philox.Words low, out Philox.Words high);
            var (e0, e1, e2, e3) = Philox.Blocks8(b, Stream, K0, K1);
            bool same = low == new Philox.Words(a0, a1, a2, a3) && high == new Philox.Words(c0, c1, c2, c3)
                && e0 == Vector512.Create(a0, c0) && e1 == Vector512.Create(a1, c1) && e2 == Vector512.Create(a2, c2) && e3 == Vector512.Create(a3, c3);
            if (!same)
            {
                throw new InvalidOperationException($"Philox's blocks from counter {b} differ between the ways of making them.");
            }
        }
    }
}
