using DealLang.Runtime;

namespace DealLang.Runtime.Tests;

/// <summary>
/// <see cref="LeaseEnds.AllEnded"/>: the period from which every lease a sale subject to several leases waits for has
/// ended (docs/language.md §9, "subject-to-lease"), read from the path's scalar slots.
/// </summary>
public class LeaseEndsTests
{
    [Fact]
    public void The_last_end_of_the_leases_in_their_slots()
    {
        // Slots 1, 3 and 4 hold end periods 5, 7 and 2: all have ended from period 7. Slots 0 and 2 are not the leases'.
        double[] scalars = [99, 5, 99, 7, 2];
        Assert.Equal(7, LeaseEnds.AllEnded(scalars, [1, 3, 4]));
        Assert.Equal(5, LeaseEnds.AllEnded(scalars, [4, 1]));
    }

    [Fact]
    public void A_lease_running_past_the_run_makes_the_sale_wait_for_the_runs_end()
    {
        // An end period of −1 is a lease past the run's last period: the answer is −1 whatever the others.
        double[] scalars = [5, -1, 7];
        Assert.Equal(-1, LeaseEnds.AllEnded(scalars, [0, 1, 2]));
    }
}
