using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

public class IrrTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void OneYearLoanRepaidWithTenPercentYieldsTenPercent()
    {
        Assert.Equal(0.10, Irr.Solve([0.0, 1.0], [-100.0, 110.0]), Tolerance);
    }

    [Fact]
    public void AnnualParBondYieldsItsCoupon()
    {
        double[] years = [0, 1, 2, 3, 4, 5];
        double[] amounts = [-1000, 60, 60, 60, 60, 1060];

        Assert.Equal(0.06, Irr.Solve(years, amounts), Tolerance);
    }

    [Fact]
    public void SemiannualParBondYieldsTheEffectiveAnnualRateOfItsCoupon()
    {
        // 6.581% paid in halves is 3.2905% per half-year; bought at par, half-yearly growth is
        // exactly that, so the annually compounded rate is 1.032905² − 1.
        const double coupon = 0.06581;
        var years = new double[21];
        var amounts = new double[21];
        amounts[0] = -100.0;
        for (var k = 1; k <= 20; k++)
        {
            years[k] = 0.5 * k;
            amounts[k] = 100.0 * coupon / 2.0;
        }

        amounts[20] += 100.0;

        var expected = Math.Pow(1.0 + (coupon / 2.0), 2.0) - 1.0;
        Assert.Equal(expected, Irr.Solve(years, amounts), Tolerance);
    }

    [Fact]
    public void HalfTheMoneyBackAfterAYearIsMinusFiftyPercent()
    {
        Assert.Equal(-0.5, Irr.Solve([0.0, 1.0], [-100.0, 50.0]), Tolerance);
    }

    [Fact]
    public void FlowsOfOneSignHaveNoRate()
    {
        Assert.True(double.IsNaN(Irr.Solve([0.0, 1.0, 2.0], [100.0, 50.0, 25.0])));
        Assert.True(double.IsNaN(Irr.Solve([0.0, 1.0], [-100.0, -5.0])));
        Assert.True(double.IsNaN(Irr.Solve([], [])));
    }

    [Fact]
    public void NonFiniteInputsHaveNoRate()
    {
        Assert.True(double.IsNaN(Irr.Solve([0.0, 1.0], [-100.0, double.NaN])));
        Assert.True(double.IsNaN(Irr.Solve([0.0, double.PositiveInfinity], [-100.0, 110.0])));
    }

    [Fact]
    public void FlowsNeedNotBeInTimeOrder()
    {
        Assert.Equal(0.10, Irr.Solve([1.0, 0.0], [110.0, -100.0]), Tolerance);
        Assert.Equal(0.06, Irr.Solve([5, 1, 0, 3, 2, 4], [1060, 60, -1000, 60, 60, 60]), Tolerance);
    }

    [Fact]
    public void FlowsOnTheSameDateAreNetted()
    {
        // −100 and +5 both at t=0 are a net −95 invested; 104.5 back a year later is 10%.
        Assert.Equal(0.10, Irr.Solve([0.0, 0.0, 1.0], [-100.0, 5.0, 104.5]), Tolerance);
    }

    [Fact]
    public void RatesAboveAThousandPercentAreSolvedToTheLastBits()
    {
        // 100 becomes 1200 in a year: (1 + r)¹ = 12, r = 11 (1100%), once past the 1000% the solver stopped at.
        AssertHighRate(11.0, [0.0, 1.0], [-100.0, 1200.0]);

        // 1 becomes 20 in a year: r = 19 (1900%).
        AssertHighRate(19.0, [0.0, 1.0], [-1.0, 20.0]);

        // 1 becomes 10,201 = 101² in two years: (1 + r)² = 101², r = 100 (10,000%).
        AssertHighRate(100.0, [0.0, 2.0], [-1.0, 10201.0]);

        // 100 becomes 200 in 73 days, ACT/365F 73 / 365 = 0.2 years: (1 + r)^0.2 = 2, 1 + r = 2⁵ = 32, r = 31 (3100%).
        AssertHighRate(31.0, [0.0, 73 / 365.0], [-100.0, 200.0]);

        // 1 becomes 10,000 in a year: r = 9,999, just under the 10⁴ ceiling.
        AssertHighRate(9999.0, [0.0, 1.0], [-1.0, 10000.0]);

        // Two flows back: 34.75 in, 30 after half a year and 1,071 after a year. At 1 + r = 36 (r = 35, 3500%),
        // (1 + r)^0.5 = 6: 30 / 6 + 1,071 / 36 = 5 + 29.75 = 34.75, what was paid in; one sign change, one root.
        AssertHighRate(35.0, [0.0, 0.5, 1.0], [-34.75, 30.0, 1071.0]);

        // Paid in on the same date in two parts, netted: −100 + 5 = −95 at 0, 1,995 = 95 × 21 a year later: r = 20.
        AssertHighRate(20.0, [0.0, 0.0, 1.0], [-100.0, 5.0, 1995.0]);

        // Out of time order, the same as in order: r = 19.
        AssertHighRate(19.0, [1.0, 0.0], [20.0, -1.0]);
    }

    [Fact]
    public void FlowsChangingSignTwiceWithRatesOnlyAboveAThousandPercentGetTheLowerOne()
    {
        // −1 + 70 v − 1,000 v² = −(1 − 20 v)(1 − 50 v), v = 1 / (1 + r): zero at 1 + r = 20 and at 1 + r = 50, r = 19
        // and r = 49. Of the two the one nearest 10% is 19 (1900%); none is below 1000%, where the scan stopped before.
        AssertHighRate(19.0, [0.0, 1.0, 2.0], [-1.0, 70.0, -1000.0]);
    }

    [Fact]
    public void RateAboveTheCeilingOfTenThousandIsNaN()
    {
        // 1 becomes 20,001 in a year: r = 20,000 (2,000,000%), past the 10⁴ ceiling.
        Assert.True(double.IsNaN(Irr.Solve([0.0, 1.0], [-1.0, 20001.0])));

        // Two sign changes: −1 + 30,000 v − 2 × 10⁸ v² = −(1 − 10,000 v)(1 − 20,000 v), v = 1 / (1 + r) (the roots'
        // 1 + r sum to 30,000 and multiply to 2 × 10⁸): 1 + r = 10⁴ or 2 × 10⁴, r = 9,999 or 19,999. The first is found,
        // under the ceiling (ln 10,000 is 10⁻⁴ below ln 10,001, inside the scan's last step of 0.0058), the second not.
        // With 1 + r = 2 × 10⁴ and 3 × 10⁴ (sum 5 × 10⁴, product 6 × 10⁸) neither is.
        Assert.Equal(9999.0, Irr.Solve([0.0, 1.0, 2.0], [-1.0, 30000.0, -2e8]), 1e-12 * 9999.0);
        Assert.True(double.IsNaN(Irr.Solve([0.0, 1.0, 2.0], [-1.0, 50000.0, -6e8])));
    }

    // The rate within a few units of its last place of the exact answer: the solver's stopping rule is a step under
    // 4 × 2⁻⁵² of x = ln(1 + r), and r = e^x − 1 carries x's relative error times x (under 10 here).
    static void AssertHighRate(double expected, double[] years, double[] amounts)
    {
        double rate = Irr.Solve(years, amounts);
        Assert.True(Math.Abs(rate - expected) <= 1e-14 * expected, $"{rate:R} against {expected:R}");
    }

    [Fact]
    public void TimesAreMeasuredFromTheFirstFlow()
    {
        Assert.Equal(0.10, Irr.Solve([3.0, 4.0], [-100.0, 110.0]), Tolerance);
        Assert.Equal(0.0, Irr.Npv(0.10, [3.0, 4.0], [-100.0, 110.0]), Tolerance);
    }

    [Fact]
    public void FractionalYearsCompoundAnnually()
    {
        // 100 growing to 100·1.08^2.5 over 2.5 years is 8% a year, not 8% simple.
        var back = 100.0 * Math.Pow(1.08, 2.5);
        Assert.Equal(0.08, Irr.Solve([0.0, 2.5], [-100.0, back]), Tolerance);
    }

    [Fact]
    public void LargeNotionalsSolveAsAccuratelyAsSmallOnes()
    {
        double[] years = [0, 1, 2, 3, 4, 5];
        double[] amounts = [-1e12, 6e10, 6e10, 6e10, 6e10, 1.06e12];

        Assert.Equal(0.06, Irr.Solve(years, amounts), Tolerance);
    }

    [Fact]
    public void LongDatedFlowsNearMinusHundredPercentDoNotBreakTheSearch()
    {
        // At −99.99% a flow 100 years out discounts to 1e400, past double's range.
        Assert.Equal(-0.5, Irr.Solve([0.0, 1.0, 100.0], [-100.0, 50.0, 0.0]), Tolerance);
        Assert.Equal(0.05, Irr.Solve([0.0, 100.0], [-1.0, Math.Pow(1.05, 100.0)]), Tolerance);
    }

    [Fact]
    public void WithTwoRatesTheOneNearestTenPercentIsReturned()
    {
        // −100, +230, −132 has NPV zero at 10% and at 20% ((1+r) = 1.1 or 1.2).
        double[] years = [0, 1, 2];
        double[] amounts = [-100, 230, -132];

        Assert.Equal(0.10, Irr.Solve(years, amounts), Tolerance);
        Assert.Equal(0.0, Irr.Npv(0.20, years, amounts), Tolerance);
    }

    [Fact]
    public void EquityLikeQuarterlyFlowsSolveToAZeroNpv()
    {
        // Bought at 20, paid a shrinking residual each quarter for 7 years, then a call at 3.
        var years = new double[29];
        var amounts = new double[29];
        amounts[0] = -20.0;
        for (var q = 1; q <= 28; q++)
        {
            years[q] = 0.25 * q;
            amounts[q] = 1.5 * Math.Pow(0.97, q);
        }

        amounts[28] += 3.0;

        var rate = Irr.Solve(years, amounts);

        Assert.InRange(rate, 0.05, 0.30);
        Assert.Equal(0.0, Irr.Npv(rate, years, amounts), 1e-9);
    }

    [Fact]
    public void NpvDiscountsToTheFirstFlow()
    {
        // −100 + 60/1.1 + 60/1.21 = −100 + 54.5454… + 49.5867… = 4.1322…
        var npv = Irr.Npv(0.10, [0.0, 1.0, 2.0], [-100.0, 60.0, 60.0]);
        Assert.Equal(-100.0 + (60.0 / 1.1) + (60.0 / 1.21), npv, Tolerance);
        Assert.Equal(4.132231404958677, npv, Tolerance);
    }

    [Fact]
    public void NpvOfNothingIsZero()
    {
        Assert.Equal(0.0, Irr.Npv(0.05, [], []));
    }

    [Theory]
    [InlineData(-1e308, 1e308, 1e308)]
    [InlineData(-1e308, -1e308, 1e308)]
    [InlineData(-1e300, 1e308, 1e308)]
    public void Amounts_near_double_s_range_give_a_rate_or_NaN_never_an_exception(double a0, double a1, double a2)
    {
        // At −99.99% a flow two years out weighs 10⁸ times its amount: 1e308 × 10⁸ overflows to ∞, and a sum of ∞ and
        // −∞ is NaN, whose Math.Sign throws. Bad input never crashes: the solve returns a rate or n/a.
        double rate = Irr.Solve([0.0, 1.0, 2.0], [a0, a1, a2]);
        Assert.True(double.IsNaN(rate) || (rate >= Irr.LowestRate && rate <= Irr.HighestRate), rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MismatchedSpansAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Irr.Solve([0.0, 1.0], [-100.0]));
        Assert.Throws<ArgumentException>(() => Irr.Npv(0.1, [0.0], [-100.0, 1.0]));
    }
}
