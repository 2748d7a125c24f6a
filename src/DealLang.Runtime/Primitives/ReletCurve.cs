namespace DealLang.Runtime;

/// <summary>
/// A re-let whose utilisation follows a curve (docs/language.md §9, "relet-curve"): <c>at curve { 0m 30%  3m 55%  9m 75% }</c>,
/// a level <see cref="Levels"/>[i] at <see cref="Months"/>[i] whole months from the re-let's start (the sale date, or a
/// contract's stop plus its idle gap), the first at 0 months, the months strictly increasing. The utilisation of the
/// period that starts re-letting on day d is read at m, the whole calendar months from the start to d
/// (<see cref="ReletRamp.WholeMonths"/>, as a straight ramp reads it), linear in m between the two points around it and
/// flat after the last: u = L_i + (L_{i+1} − L_i) × min(1, (m − M_i) / (M_{i+1} − M_i)), i the last segment whose start
/// M_i is at most m. Each segment is a straight ramp, read by the ramp's own formula (<see cref="ReletRamp.Along"/>), so
/// that a curve of two points is that ramp bit for bit. Never changed once made: one curve is shared
/// by every path. Made by the lowering (and a scenario's codec) as written; <see cref="Fits()"/> is what the path sources' shape check
/// (Shapes) holds a scenario's to, as the checks hold a deal's (DL0514, DL0515).
/// </summary>
/// <param name="Months">The points' whole months from the re-let's start, the first 0, strictly increasing.</param>
/// <param name="Levels">The points' utilisations, each in (0, 1].</param>
public sealed record ReletCurve(int[] Months, double[] Levels)
{
    /// <summary>The utilisation at its start (the first point's level): what a re-let's utilisation slot holds, so that a
    /// re-let of a curve is a re-let (above 0) wherever only that is asked.</summary>
    public double Start => Levels[0];

    /// <summary>Whether the points make a curve: at least two, as many levels as months, the first at 0 months, the
    /// months strictly increasing and every level above 0 and at most 1.</summary>
    public bool Fits() =>
        Months is { Length: >= 2 } months && Levels is { } levels && levels.Length == months.Length && months[0] == 0
        && Enumerable.Range(1, months.Length - 1).All(i => months[i] > months[i - 1])
        && levels.All(l => l is > 0 and <= 1);

    /// <summary>The utilisation on <paramref name="day"/> of a re-let that started on <paramref name="start"/>.
    /// Allocation-free, called by the generated loop.</summary>
    public double Utilisation(Date start, Date day) => At(ReletRamp.WholeMonths(start, day));

    /// <summary>The utilisation <paramref name="m"/> whole months after the re-let's start (of a curve that fits).</summary>
    public double At(int m)
    {
        int[] months = Months;
        double[] levels = Levels;
        int i = 0;
        while (i < months.Length - 2 && months[i + 1] <= m)
        {
            i++;
        }

        return ReletRamp.Along(levels[i], levels[i + 1], m - months[i], months[i + 1] - months[i]);
    }

    /// <summary>Whether <paramref name="other"/> has the same points.</summary>
    public bool SamePoints(ReletCurve? other) =>
        other is not null && Months.AsSpan().SequenceEqual(other.Months) && Levels.AsSpan().SequenceEqual(other.Levels);

    public override string ToString() =>
        "curve { " + string.Join("  ", Months.Select((m, i) => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m "
            + (Levels[i] * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%")) + " }";
}
