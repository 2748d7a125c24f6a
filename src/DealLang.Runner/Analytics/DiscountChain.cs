namespace DealLang.Runner.Analytics;

/// <summary>
/// The flows of one IRR solve, in time order, with their times prepared once so that each evaluation of the NPV
/// costs a few <see cref="Math.Exp"/> calls and one multiplication per flow, instead of a <see cref="Math.Pow"/>
/// per flow.
/// <para>
/// The NPV is evaluated in the continuous rate x = ln(1 + r): g(x) = Σ a_i e^(−x τ_i), τ_i the years from the first
/// flow. Each flow's discount factor is the previous one's times e^(−|x| Δ_i), Δ_i the gap to the previous flow, so
/// only the distinct gaps need an exponential. Gaps are matched on a grid of 1/<see cref="GridPerYear"/> of a year
/// (365 × 12: whole days of ACT/365F, months, quarters, half-years and years all fall on it), at most
/// <see cref="MaxGaps"/> of them (a deal's periods have a handful: 181 to 184 days for semiannual ones); a gap off
/// the grid, or past the table, gets its own exponential. Each gap on the grid is taken as its grid value, which
/// differs from the subtraction of the two times by their rounding only (under 10⁻¹⁵ of a year here).
/// </para>
/// <para>
/// The chain runs forward from the first flow for x ≥ 0 and backward from the last for x &lt; 0, so every factor is
/// at most 1 and nothing overflows near −100% however long the flows; the backward sum is g(x) e^(x τ_n), a positive
/// multiple of g, so it has the same sign and the same roots. Rounding: one relative error of about 10⁻¹⁶ per
/// multiplication, so a factor n flows down the chain is within n × 10⁻¹⁶ of e^(−x τ_i).
/// </para>
/// </summary>
internal readonly ref struct DiscountChain
{
    /// <summary>Gaps are matched in units of a year / (365 × 12).</summary>
    public const double GridPerYear = 365.0 * 12.0;

    /// <summary>Distinct gaps given a table entry; a deal's flows have far fewer.</summary>
    public const int MaxGaps = 16;

    /// <summary>A gap off the grid or past the table: its own exponential.</summary>
    const byte NoSlot = byte.MaxValue;

    // Off the grid by more than this many grid units, a gap is not on it (a time rounded to double is off by
    // about 10⁻¹¹ units).
    const double OnGrid = 1e-6;

    readonly ReadOnlySpan<double> times;
    readonly ReadOnlySpan<double> amounts;
    readonly ReadOnlySpan<byte> slots;
    readonly ReadOnlySpan<double> gaps;
    readonly Span<double> factors;

    /// <param name="times">The flows' times in years, in ascending order.</param>
    /// <param name="amounts">The flows.</param>
    /// <param name="slotScratch">One byte per flow, the caller's: each flow's gap's entry in the table.</param>
    /// <param name="gapScratch"><see cref="MaxGaps"/> doubles, the caller's: the table of distinct gaps.</param>
    /// <param name="factorScratch"><see cref="MaxGaps"/> doubles, the caller's: each gap's factor at the rate evaluated.</param>
    public DiscountChain(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, Span<byte> slotScratch, Span<double> gapScratch, Span<double> factorScratch)
    {
        this.times = times;
        this.amounts = amounts;
        int count = 0;
        Span<int> keys = stackalloc int[MaxGaps];
        for (int i = 1; i < times.Length; i++)
        {
            double units = (times[i] - times[i - 1]) * GridPerYear;
            double whole = Math.Round(units);
            slotScratch[i] = NoSlot;
            if (Math.Abs(units - whole) > OnGrid || whole > int.MaxValue)
            {
                continue;
            }

            int key = (int)whole;
            int slot = keys[..count].IndexOf(key);
            if (slot < 0 && count < MaxGaps)
            {
                slot = count;
                keys[count] = key;
                gapScratch[count++] = key / GridPerYear;
            }

            if (slot >= 0)
            {
                slotScratch[i] = (byte)slot;
            }
        }

        slots = slotScratch;
        gaps = gapScratch[..count];
        factors = factorScratch;
    }

    /// <summary>Years from the first flow to the last.</summary>
    public double Span => times[^1] - times[0];

    /// <summary>
    /// A positive multiple of the NPV at the continuous rate <paramref name="x"/> (its sign and roots are the
    /// NPV's) and that multiple's derivative in <paramref name="x"/>.
    /// </summary>
    public void Evaluate(double x, out double value, out double slope)
    {
        double decay = Math.Abs(x);
        for (int k = 0; k < gaps.Length; k++)
        {
            factors[k] = Math.Exp(-decay * gaps[k]);
        }

        int n = times.Length;
        double sum = 0;
        double moment = 0;
        double factor = 1;
        if (x >= 0)
        {
            // Forward from the first flow: Σ a_i e^(−x τ_i), slope −Σ τ_i a_i e^(−x τ_i).
            double origin = times[0];
            sum = amounts[0];
            for (int i = 1; i < n; i++)
            {
                factor *= Factor(i, decay);
                double term = amounts[i] * factor;
                sum += term;
                moment += (times[i] - origin) * term;
            }
        }
        else
        {
            // Backward from the last flow: Σ a_i e^(−x (τ_i − τ_n)), every exponent ≤ 0 since x < 0.
            double end = times[n - 1];
            sum = amounts[n - 1];
            for (int i = n - 2; i >= 0; i--)
            {
                factor *= Factor(i + 1, decay);
                double term = amounts[i] * factor;
                sum += term;
                moment += (times[i] - end) * term;
            }
        }

        value = sum;
        slope = -moment;
    }

    /// <summary>e^(−decay × the gap between flow <paramref name="i"/> − 1 and flow <paramref name="i"/>).</summary>
    double Factor(int i, double decay)
    {
        byte slot = slots[i];
        return slot != NoSlot ? factors[slot] : Math.Exp(-decay * (times[i] - times[i - 1]));
    }
}
