namespace DealLang.Runtime.Tests;

/// <summary>An indexed rent's pieces (<see cref="IndexedRent"/>, docs/language.md "Indexed rent"): the periods a yearly
/// ratio resets in, a lagged reading, and a collared reset's change, by hand.</summary>
public sealed class IndexedRentTests
{
    // Quarterly from 2026-01-01: period t starts 2026-01-01 + 3t months, nine boundaries, eight periods.
    private static readonly Date[] Quarters =
    [
        new(2026, 1, 1), new(2026, 4, 1), new(2026, 7, 1), new(2026, 10, 1), new(2027, 1, 1),
        new(2027, 4, 1), new(2027, 7, 1), new(2027, 10, 1), new(2028, 1, 1),
    ];

    [Fact]
    public void A_lease_starting_on_a_period_start_resets_on_its_anniversaries()
    {
        // Anniversaries 2027-01-01 (period 4's start); 2028-01-01 is the last boundary, after the last period's start.
        Assert.Equal([false, false, false, false, true, false, false, false], IndexedRent.Resets(new Date(2026, 1, 1), Quarters));
    }

    [Fact]
    public void A_lease_starting_inside_a_period_resets_at_the_next_period_start()
    {
        // Starts 2026-02-15: its first anniversary, 2027-02-15, falls inside period 4 (2027-01-01 to 2027-04-01), so the
        // reset is at period 5's start. Period 0 starts before the lease: no reset there either.
        Assert.Equal([false, false, false, false, false, true, false, false], IndexedRent.Resets(new Date(2026, 2, 15), Quarters));
    }

    [Fact]
    public void A_period_start_after_two_anniversaries_resets_once()
    {
        // An annual deal with a long first stub: 2026-01-01 → 2027-06-30, then 2028-06-30. A lease starting 2026-01-01 has
        // passed one anniversary (2027-01-01) at period 1's start and a second (2028-01-01) at period 2's.
        Date[] annual = [new(2026, 1, 1), new(2027, 6, 30), new(2028, 6, 30), new(2029, 6, 30)];
        Assert.Equal([false, true, true], IndexedRent.Resets(new Date(2026, 1, 1), annual));

        // Starting 2025-06-30 (two anniversaries by 2027-06-30): period 1 still resets once; the flags are per period.
        Assert.Equal([false, true, true], IndexedRent.Resets(new Date(2025, 6, 30), annual));
    }

    [Fact]
    public void A_lag_reads_the_path_k_periods_earlier_and_the_history_before()
    {
        double[] levels = [100, 101, 102, 103];
        double[] history = [98, 99];
        // k = 2: periods 0 and 1 read the history, period 2 reads period 0's 100, period 3 period 1's 101.
        Assert.Equal([98.0, 99.0, 100.0, 101.0], Enumerable.Range(0, 4).Select(t => IndexedRent.Lagged(levels, history, t)));
        Assert.Equal(102.0, IndexedRent.Lagged(levels, [], 2));
    }

    [Fact]
    public void A_collared_change_is_held_within_the_floor_and_the_cap()
    {
        // 109 / 103 = 1.058252 → 1.04 (cap 4%); 101 / 103 = 0.980583 → 1.01 (floor 1%); 104 / 103 = 1.009709 → 1.01;
        // 106 / 103 = 1.029126 inside.
        Assert.Equal(1.04, IndexedRent.Change(109, 103, 0.01, 0.04), 12);
        Assert.Equal(1.01, IndexedRent.Change(101, 103, 0.01, 0.04), 12);
        Assert.Equal(1.01, IndexedRent.Change(104, 103, 0.01, 0.04), 12);
        Assert.Equal(106.0 / 103, IndexedRent.Change(106, 103, 0.01, 0.04), 12);

        // Without a floor (−100%) or cap (+∞): the change itself; from a level of 0 it is no change, held in the collar.
        Assert.Equal(0.5, IndexedRent.Change(50, 100, -1, double.PositiveInfinity), 12);
        Assert.Equal(1.0, IndexedRent.Change(50, 0, -1, double.PositiveInfinity), 12);
        Assert.Equal(1.02, IndexedRent.Change(50, 0, 0.02, 0.04), 12);
    }

    [Fact]
    public void A_level_at_or_below_zero_or_na_reads_as_zero()
    {
        Assert.Equal(0.0, IndexedRent.Level(-3));
        Assert.Equal(0.0, IndexedRent.Level(double.NaN));
        Assert.Equal(0.0, IndexedRent.Ratio(-3, 100));
        Assert.Equal(1.05, IndexedRent.Ratio(105, 100), 12);
    }
}
