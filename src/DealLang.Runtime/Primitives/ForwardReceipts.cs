using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// A forward CFADS's pieces (<c>test X = cfads over next 12m</c>, docs/language.md §7): the receipts contracted to
/// the end of each lease's and contract's current term, and the fixed fees and opex ahead, summed over a forward
/// test's window. A term is the initial term (also before it starts: the contract is signed) or one of the renewals
/// offered; <see cref="TermEndPeriods"/> says, per period, the last period of the term running at its end, and the
/// loop sums a row up to the earlier of that and the window's last period. Allocation-free in the loop.
/// </summary>
public static class ForwardReceipts
{
    /// <summary>Σ <paramref name="row"/>[p] for p = t + 1 … min(<paramref name="last"/>, <paramref name="stop"/>):
    /// the periods of the window inside the current term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(double[] row, int t, int last, int stop)
    {
        ArgumentNullException.ThrowIfNull(row);
        int end = Math.Min(Math.Min(last, stop), row.Length - 1);
        double sum = 0.0;
        for (int p = t + 1; p <= end; p++)
        {
            sum += row[p];
        }

        return sum;
    }

    /// <summary>Σ <paramref name="row"/>[p] × <paramref name="shares"/>.At(p) for p = t + 1 … min(<paramref name="last"/>,
    /// <paramref name="stop"/>): a phased lease's rent in the window, each period's on the share of its buildings
    /// completed at that period's start as known at t (<see cref="CompletionShares.Projected"/>, the shares a
    /// <c>completion</c> tranche's forward debt service reads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumScaled(double[] row, CompletionShares shares, int t, int last, int stop)
    {
        ArgumentNullException.ThrowIfNull(row);
        int end = Math.Min(Math.Min(last, stop), row.Length - 1);
        double sum = 0.0;
        for (int p = t + 1; p <= end; p++)
        {
            sum += row[p] * shares.At(p);
        }

        return sum;
    }

    /// <summary>Σ <paramref name="row"/>[p] for p = t + 1 … <paramref name="last"/>: the whole window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(double[] row, int t, int last) => Sum(row, t, last, int.MaxValue);

    /// <summary>The end of term <paramref name="j"/>: the initial term's (j = 0) or the j-th renewal's, each renewal
    /// <paramref name="renewalMonths"/> long (in long arithmetic, clamped to the calendar as a contract's end is).</summary>
    public static Date TermEnd(Date start, int termMonths, int renewalMonths, int j) =>
        start.AddMonthsClamped((int)Math.Min(termMonths + ((long)j * renewalMonths), int.MaxValue));

    /// <summary>The term running on <paramref name="day"/> (its days are [start of term, end of term)): 0 before the
    /// initial term ends (before the start too), j for the j-th renewal, −1 after the last renewal offered.</summary>
    public static int TermAt(Date day, Date start, int termMonths, int renewalCount, int renewalMonths)
    {
        for (int j = 0; j <= renewalCount; j++)
        {
            if (day < TermEnd(start, termMonths, renewalMonths, j))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Per period t: the period whose (start, end] holds the end of the term running at t's end (the
    /// last period of the horizon if it ends later); t itself when no term runs then (past the last renewal
    /// offered), so the window is empty.</summary>
    public static int[] TermEndPeriods(Date start, int termMonths, int renewalCount, int renewalMonths, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        int n = Math.Max(0, boundaries.Length - 1);
        var stop = new int[n];
        for (int t = 0; t < n; t++)
        {
            int j = TermAt(boundaries[t + 1], start, termMonths, renewalCount, renewalMonths);
            stop[t] = j < 0 ? t : Math.Clamp(Schedule.PeriodIndexOf(boundaries, TermEnd(start, termMonths, renewalMonths, j)), t, n - 1);
        }

        return stop;
    }

    /// <summary>A lease's <see cref="TermEndPeriods"/>, from its start, term and renewals offered.</summary>
    public static int[] TermEndPeriods(LeaseInfo lease, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return TermEndPeriods(lease.Start, lease.TermMonths, lease.RenewalCount, lease.RenewalTermMonths, boundaries);
    }

    /// <summary>A contract's <see cref="TermEndPeriods"/>, from its start, term and renewals offered.</summary>
    public static int[] TermEndPeriods(ContractInfo contract, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return TermEndPeriods(contract.Start, contract.TermMonths, contract.RenewalCount, contract.RenewalTermMonths, boundaries);
    }

    /// <summary>An annual fee's weight per period: its year fraction × (1 + escalator)^k, k the whole years from the
    /// closing to the period's start, as the fee is due (docs/language.md §5 "fee"); the fee's amount a year times
    /// the weights of a window is what it costs over it.</summary>
    public static double[] FeeWeights(double escalator, Date closing, Date[] boundaries, double[] yearFractions)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(yearFractions);
        var weights = new double[yearFractions.Length];
        for (int p = 0; p < weights.Length; p++)
        {
            weights[p] = escalator == 0 ? yearFractions[p] : yearFractions[p] * Flows.Escalation(closing, boundaries[p], escalator);
        }

        return weights;
    }
}
