namespace DealLang.Runtime;

/// <summary>
/// When an enforcement sale subject to several leases may sell (docs/language.md §9, "subject-to-lease"): the period
/// from which every one of them has ended on the path. Read once a path from the leases' end periods, so that the
/// sale's condition is one comparison however many leases it waits for (a condition of one term per lease, a thousand
/// of them in a large deal, is a method the JIT will not optimise).
/// </summary>
public static class LeaseEnds
{
    /// <summary>The last of the leases' end periods, each read from <paramref name="scalars"/> at one of
    /// <paramref name="slots"/> (the path's <c>LeaseEndPeriod</c> of each lease), or −1 when one of them runs past the
    /// run (its end period −1), so that the sale waits for the run's last period.</summary>
    public static int AllEnded(double[] scalars, int[] slots)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        ArgumentNullException.ThrowIfNull(slots);
        int last = -1;
        foreach (int slot in slots)
        {
            int end = (int)scalars[slot];
            if (end < 0)
            {
                return -1;
            }

            last = Math.Max(last, end);
        }

        return last;
    }
}
