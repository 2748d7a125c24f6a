using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// e^x for a drawn index's row (<see cref="StochasticPaths"/>: a GBM's or a log-OU's level each period), a row at a
/// time, eight or four lanes at once, with the same bits on every machine. <see cref="Math.Exp"/> is the C library's:
/// one call an exponent (about 3.7 ns each here, a twentieth of CoreWeave's Monte Carlo path for its rent row), and its
/// last bit may differ between library versions; .NET's vector exponentials round otherwise than it and depend on the
/// instruction set (bench/HISTORY.md, 2026-12-04b). This one is element-wise IEEE operations only, in a fixed order,
/// with no fused multiply-add: the scalar form and each lane of the vector forms do the same operations, and a
/// machine without 256-bit vectors (which runs them in software) gives the same bits.
/// <para>
/// The method (docs/language.md, "Processes, exact over each period"): n = x / ln 2 rounded to the nearest whole
/// number (by adding and taking away 1.5 × 2⁵²), r = x − n ln 2 in [−ln 2 / 2, ln 2 / 2] with ln 2 in two parts, the
/// first with enough trailing zeros that n times it is exact (Cody and Waite's reduction, fdlibm's split); e^r by its
/// Taylor series to r¹³ in Horner's form (the first term left out, r¹⁴ / 14!, is under 6 × 10⁻¹⁸ of e^r there); then
/// e^x = e^r × 2^n₁ × 2^n₂ with n₁ + n₂ = n, each power of two made from its bits, so that only the last multiplication
/// can round (into the subnormals, or to infinity). Within a unit of the last place of <see cref="Math.Exp"/>
/// (RowExpTests); NaN for NaN, +∞ from about 709.78 on, 0 below about −745.13.
/// </para>
/// </summary>
public static class RowExp
{
    // 1.5 × 2⁵² and its bits: x / ln 2 plus it is rounded to a whole number, which then sits in the sum's low bits.
    const double Shifter = 6755399441055744.0;
    const long ShifterBits = 0x4338000000000000;
    const double InverseLn2 = 1.4426950408889634;

    // ln 2 = Ln2High + Ln2Low; Ln2High's last 21 bits are zero, so n × Ln2High is exact for |n| ≤ 2²⁰.
    const double Ln2High = 6.93147180369123816490e-01;
    const double Ln2Low = 1.90821492927058770002e-10;

    // Past these e^x is +∞ or 0 however it rounds; clamped to them, n stays within ±1,077 and each half of it within a
    // double's normal exponents.
    const double Highest = 710.0;
    const double Lowest = -746.0;

    // 1 / k! for k = 2 … 13 (the terms of 1 and r are exact).
    const double C2 = 1.0 / 2;
    const double C3 = 1.0 / 6;
    const double C4 = 1.0 / 24;
    const double C5 = 1.0 / 120;
    const double C6 = 1.0 / 720;
    const double C7 = 1.0 / 5040;
    const double C8 = 1.0 / 40320;
    const double C9 = 1.0 / 362880;
    const double C10 = 1.0 / 3628800;
    const double C11 = 1.0 / 39916800;
    const double C12 = 1.0 / 479001600;
    const double C13 = 1.0 / 6227020800;

    /// <summary>e^<paramref name="x"/>: what each lane of <see cref="Exp(Span{double})"/> gives.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        double clamped = x > Highest ? Highest : x < Lowest ? Lowest : x;
        double shifted = (clamped * InverseLn2) + Shifter;
        double n = shifted - Shifter;
        double r = (clamped - (n * Ln2High)) - (n * Ln2Low);
        double p = (C13 * r) + C12;
        p = (p * r) + C11;
        p = (p * r) + C10;
        p = (p * r) + C9;
        p = (p * r) + C8;
        p = (p * r) + C7;
        p = (p * r) + C6;
        p = (p * r) + C5;
        p = (p * r) + C4;
        p = (p * r) + C3;
        p = (p * r) + C2;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        long whole = BitConverter.DoubleToInt64Bits(shifted) - ShifterBits;
        long half = whole >> 1;
        return p * PowerOfTwo(half) * PowerOfTwo(whole - half);
    }

    /// <summary>Each of <paramref name="x"/> replaced by its <see cref="Exp(double)"/>: eight at a time where 512-bit
    /// vectors are in hardware, else four where 256-bit ones are, the last few one by one.</summary>
    public static void Exp(Span<double> x)
    {
        ref double at = ref MemoryMarshal.GetReference(x);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Exp(Vector512.LoadUnsafe(ref at, (nuint)i)).StoreUnsafe(ref at, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Exp(Vector256.LoadUnsafe(ref at, (nuint)i)).StoreUnsafe(ref at, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            Unsafe.Add(ref at, i) = Exp(Unsafe.Add(ref at, i));
        }
    }

    // Exp(double)'s operations in each of eight lanes (a NaN lane is put back at the end).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Exp(Vector512<double> x)
    {
        Vector512<double> high = Vector512.Create(Highest), low = Vector512.Create(Lowest);
        Vector512<double> clamped = Vector512.ConditionalSelect(
            Vector512.GreaterThan(x, high), high, Vector512.ConditionalSelect(Vector512.LessThan(x, low), low, x));
        Vector512<double> shifter = Vector512.Create(Shifter);
        Vector512<double> shifted = (clamped * Vector512.Create(InverseLn2)) + shifter;
        Vector512<double> n = shifted - shifter;
        Vector512<double> r = (clamped - (n * Vector512.Create(Ln2High))) - (n * Vector512.Create(Ln2Low));
        Vector512<double> p = (Vector512.Create(C13) * r) + Vector512.Create(C12);
        p = (p * r) + Vector512.Create(C11);
        p = (p * r) + Vector512.Create(C10);
        p = (p * r) + Vector512.Create(C9);
        p = (p * r) + Vector512.Create(C8);
        p = (p * r) + Vector512.Create(C7);
        p = (p * r) + Vector512.Create(C6);
        p = (p * r) + Vector512.Create(C5);
        p = (p * r) + Vector512.Create(C4);
        p = (p * r) + Vector512.Create(C3);
        p = (p * r) + Vector512.Create(C2);
        p = (p * r) + Vector512<double>.One;
        p = (p * r) + Vector512<double>.One;
        Vector512<long> whole = shifted.AsInt64() - Vector512.Create(ShifterBits);
        Vector512<long> half = whole >> 1;
        Vector512<long> bias = Vector512.Create(1023L);
        Vector512<double> e = p * ((half + bias) << 52).AsDouble() * ((whole - half + bias) << 52).AsDouble();
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), e, x);
    }

    // The same in each of four lanes: every operation as the eight-lane form's (a change to one is a change to both;
    // RowExpTests holds each to the scalar form's bits).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> high = Vector256.Create(Highest), low = Vector256.Create(Lowest);
        Vector256<double> clamped = Vector256.ConditionalSelect(
            Vector256.GreaterThan(x, high), high, Vector256.ConditionalSelect(Vector256.LessThan(x, low), low, x));
        Vector256<double> shifter = Vector256.Create(Shifter);
        Vector256<double> shifted = (clamped * Vector256.Create(InverseLn2)) + shifter;
        Vector256<double> n = shifted - shifter;
        Vector256<double> r = (clamped - (n * Vector256.Create(Ln2High))) - (n * Vector256.Create(Ln2Low));
        Vector256<double> p = (Vector256.Create(C13) * r) + Vector256.Create(C12);
        p = (p * r) + Vector256.Create(C11);
        p = (p * r) + Vector256.Create(C10);
        p = (p * r) + Vector256.Create(C9);
        p = (p * r) + Vector256.Create(C8);
        p = (p * r) + Vector256.Create(C7);
        p = (p * r) + Vector256.Create(C6);
        p = (p * r) + Vector256.Create(C5);
        p = (p * r) + Vector256.Create(C4);
        p = (p * r) + Vector256.Create(C3);
        p = (p * r) + Vector256.Create(C2);
        p = (p * r) + Vector256<double>.One;
        p = (p * r) + Vector256<double>.One;
        Vector256<long> whole = shifted.AsInt64() - Vector256.Create(ShifterBits);
        Vector256<long> half = whole >> 1;
        Vector256<long> bias = Vector256.Create(1023L);
        Vector256<double> e = p * ((half + bias) << 52).AsDouble() * ((whole - half + bias) << 52).AsDouble();
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), e, x);
    }

    // 2^k for k within a double's normal exponents, from its bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double PowerOfTwo(long k) => BitConverter.Int64BitsToDouble((k + 1023) << 52);
}
