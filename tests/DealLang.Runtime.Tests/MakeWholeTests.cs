namespace DealLang.Runtime.Tests;

/// <summary>The make-whole price's edges (docs/language.md §5, "The make-whole price"), by hand on 30/360 half-years:
/// a first call date inside the call's period, one inside a later period (the last coupon accrues to it), and a rate
/// with no level. The whole-period case is CallScheduleTests' (Cli), through a run.</summary>
public sealed class MakeWholeTests
{
    private static readonly Date[] HalfYears = [new(2026, 1, 1), new(2026, 7, 1), new(2027, 1, 1), new(2027, 7, 1)];

    [Fact]
    public void AFirstCallDateInsideTheCallsPeriodIsItsPrice()
    {
        // Period 0 is paid on 2026-07-01, after the first call date 2026-04-01: no coupon left, nothing to discount.
        Assert.Equal(1.04, MakeWhole.Price(0.045, 0.08, 1.04, new Date(2026, 4, 1), 0, HalfYears, DayCount.Thirty360), 12);
    }

    [Fact]
    public void TheLastCouponAccruesToTheFirstCallDate()
    {
        // Paid on 2026-07-01 (period 0); first call 2027-04-01. Period 1's coupon 8% × 0.5 = 4% on 2027-01-01 (half a year
        // on): 0.04 / 1.0225; period 2's accrues only to 2027-04-01, 8% × 0.25 = 2%, paid then with the 104% (0.75 years
        // on): 1.06 × 1.0225^−1.5. 0.039120 + 1.025205 = 1.0643252.
        Assert.Equal(1.0643252167, MakeWhole.Price(0.045, 0.08, 1.04, new Date(2027, 4, 1), 0, HalfYears, DayCount.Thirty360), 10);
    }

    [Fact]
    public void ARateWithNoLevelPricesAtPar()
    {
        Assert.Equal(1.0, MakeWhole.Price(double.NaN, 0.08, 1.04, new Date(2027, 4, 1), 0, HalfYears, DayCount.Thirty360));
    }
}
