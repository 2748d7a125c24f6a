using Xunit;

namespace DealLang.Runtime.Tests;

/// <summary>A forward test's window (<see cref="ForwardWindow"/>) and a tranche's debt service over it
/// (<see cref="ForwardDebtService"/>), by hand.</summary>
public sealed class ForwardTests
{
    // Quarterly, month-end: t0 ends 2028-02-29, t1 2028-05-31, t2 2028-08-31, t3 2028-11-30, t4 2029-02-28.
    private static readonly Date[] Quarters =
    [
        new(2027, 11, 30), new(2028, 2, 29), new(2028, 5, 31), new(2028, 8, 31), new(2028, 11, 30), new(2029, 2, 28),
    ];

    [Fact]
    public void AMonthEndWindowEndsAtAMonthEnd()
    {
        // t0 ends 2028-02-29; + 3m is 2028-05-31 (a month-end stays one; 2028-05-29 would leave t1 out): t1.
        // t1 + 3m = 2028-08-31: t2. All five periods scheduled.
        Assert.Equal([1, 2, 3, 4, 4], ForwardWindow.LastPeriods(Quarters, 3, 5));

        // 6m: t0 → 2028-08-31 (t2), t1 → 2028-11-30 (t3), t2 → 2029-02-28 (t4), then cut at the last period.
        Assert.Equal([2, 3, 4, 4, 4], ForwardWindow.LastPeriods(Quarters, 6, 5));
    }

    [Fact]
    public void TheWindowStopsAtTheScheduledPeriods()
    {
        // Three scheduled periods (t3, t4 the workout): nothing after t2 is foreseen; t3 and t4 see no period.
        Assert.Equal([2, 2, 2, 3, 4], ForwardWindow.LastPeriods(Quarters, 12, 3));

        // A window shorter than the next period: empty (the last period is t itself).
        Date[] annual = [new(2025, 12, 31), new(2026, 12, 31), new(2027, 12, 31)];
        Assert.Equal([0, 1], ForwardWindow.LastPeriods(annual, 6, 2));
    }

    [Fact]
    public void AScheduleTrancheOwesItsScheduleAndItsMaturity()
    {
        // Year fractions 0.25; 8% a year (2% a quarter); schedule 1m in t1 and t2, maturity t3; b = 5m after t0.
        double[] yf = [0.25, 0.25, 0.25, 0.25, 0.25];
        double[] schedule = [0, 1e6, 1e6, 0, 0];

        // t1: 5m × 2% = 100,000 + 1m; t2: 4m × 2% = 80,000 + 1m; t3 (maturity): 3m × 2% = 60,000 + 3m.
        //   = 1,100,000 + 1,080,000 + 3,060,000 = 5,240,000.
        Assert.Equal(5_240_000, ForwardDebtService.Schedule(5e6, 0.08, 1.0, yf, 0, 3, 1, 3, schedule), 1e-6);

        // Only t1 in the window: 1,100,000. Before the first principal period (from t2): interest only, 100,000.
        Assert.Equal(1_100_000, ForwardDebtService.Schedule(5e6, 0.08, 1.0, yf, 0, 1, 1, 3, schedule), 1e-6);
        Assert.Equal(100_000, ForwardDebtService.Schedule(5e6, 0.08, 1.0, yf, 0, 1, 2, 3, schedule), 1e-6);
    }

    [Fact]
    public void ACashShareScalesTheInterestOnly()
    {
        double[] yf = [1.0, 1.0, 1.0];

        // A bullet at 10% with 60% paid in kind (a cash share of 40%): t1 interest 10m × 10% × 40% = 0.4m;
        // t2 the maturity: 0.4m + 10m. The capitalised interest is not projected into the balance.
        Assert.Equal(10.8e6, ForwardDebtService.Bullet(10e6, 0.10, 0.4, yf, 0, 2, 2), 1e-6);
    }

    [Fact]
    public void NothingIsOwedOnARepaidBalanceOrAnEmptyWindow()
    {
        double[] yf = [1.0, 1.0, 1.0];
        Assert.Equal(0.0, ForwardDebtService.Linear(0.0, 0.05, 1.0, yf, 0, 2, 0, 2));
        Assert.Equal(0.0, ForwardDebtService.Linear(-1.0, 0.05, 1.0, yf, 0, 2, 0, 2));
        Assert.Equal(0.0, ForwardDebtService.Linear(5e6, 0.05, 1.0, yf, 2, 2, 0, 2));

        // Linear from t1 to the maturity t2: t1 5m × 5% + 5m / 2 = 2.75m; t2 2.5m × 5% + 2.5m = 2.625m.
        Assert.Equal(5.375e6, ForwardDebtService.Linear(5e6, 0.05, 1.0, yf, 0, 2, 0, 2), 1e-6);
    }

    [Fact]
    public void ACompletedShareScalesThePrincipalBeforeTheMaturityOnly()
    {
        double[] yf = [1.0, 1.0, 1.0, 1.0];

        // Linear 9m at 10% from t1 to the maturity t3, the completion index reading n/a, 50% and 150% at t1..t3
        // (n/a: nothing completed; 150% clamped to 100%): t1 interest 0.9m, principal 9m / 3 × 0 = 0; t2 0.9m +
        // 9m / 2 × 50% = 2.25m; t3, the maturity, 6.75m × 10% = 0.675m + the whole 6.75m, whatever the share: 11.475m.
        double[] levels = [0.0, double.NaN, 0.5, 1.5];
        Assert.Equal(0.9e6 + 0.9e6 + 2.25e6 + 0.675e6 + 6.75e6,
            ForwardDebtService.Linear(9e6, 0.10, 1.0, yf, 0, 3, 1, 3, CompletionShares.Levels(levels)), 1e-6);

        // Held at 40% (a completion expression the projection cannot read ahead): t1 3m × 40% = 1.2m on 9m, t2
        // 7.8m / 2 × 40% = 1.56m, t3 the rest 6.24m; interest 0.9m + 0.78m + 0.624m.
        Assert.Equal(1.2e6 + 1.56e6 + 6.24e6 + 0.9e6 + 0.78e6 + 0.624e6,
            ForwardDebtService.Linear(9e6, 0.10, 1.0, yf, 0, 3, 1, 3, CompletionShares.Held(0.4)), 1e-6);

        // None, and the default value, owe the whole schedule: 3m a period plus 0.9m + 0.6m + 0.3m.
        Assert.Equal(10.8e6, ForwardDebtService.Linear(9e6, 0.10, 1.0, yf, 0, 3, 1, 3, CompletionShares.None), 1e-6);
        Assert.Equal(10.8e6, ForwardDebtService.Linear(9e6, 0.10, 1.0, yf, 0, 3, 1, 3, default), 1e-6);
    }

    [Fact]
    public void A_held_completed_share_is_the_loops_share_to_the_bit()
    {
        // The forward projection must scale by the very share the period loop used: 0.1, not 1 − (1 − 0.1) =
        // 0.09999999999999998, which a share stored as what is left uncompleted gave back.
        Assert.Equal(0.1, CompletionShares.Held(0.1).At(7));
        Assert.Equal(1.0, CompletionShares.None.At(7));
    }

    [Fact]
    public void A_projected_completion_reads_the_schedule_moved_only_by_what_the_path_has_shown()
    {
        double[] schedule = [0.0, 0.0, 0.5, 1.0, 1.0];

        // Nothing shown beyond the schedule (a deterministic scenario's row is its schedule): the schedule, bit for bit,
        // whatever the path's later levels say (here a delay at t2 that has not happened at t1).
        double[] late = [0.0, 0.0, 0.2, 0.6, 1.0];
        var atT1 = CompletionShares.Projected(late, schedule, 1);
        Assert.Equal([0.0, 0.0, 0.5, 1.0, 1.0], Enumerable.Range(0, 5).Select(atT1.At));

        // At t2 the path reads 20% where the schedule said 50%: its lag, ρ = 0.2 / 0.5 = 0.4, held over the schedule:
        // t3 and t4 read 40%, not the path's later 60% and 100%. For `jumps` this is the path with no further jump
        // (a jump of 60% down at t2: 0.5 × 0.4, then 1.0 × 0.4).
        var atT2 = CompletionShares.Projected(late, schedule, 2);
        Assert.Equal(0.4, atT2.At(3), 1e-15);
        Assert.Equal(0.4, atT2.At(4), 1e-15);

        // A path ahead of a schedule still at nothing gives no factor: its level now, held (30% at t1).
        var ahead = CompletionShares.Projected([0.0, 0.3, 0.6, 1.0, 1.0], schedule, 1);
        Assert.Equal(0.3, ahead.At(2));
        Assert.Equal(0.3, ahead.At(4));

        // The same levels as the schedule: exactly Levels (the deterministic case's figures do not move).
        var same = CompletionShares.Projected(schedule, schedule, 2);
        Assert.Equal(Enumerable.Range(0, 5).Select(CompletionShares.Levels(schedule).At), Enumerable.Range(0, 5).Select(same.At));
    }
}
