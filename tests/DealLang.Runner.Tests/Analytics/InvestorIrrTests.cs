using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>An investor's IRR (<see cref="InvestorIrr"/>): <see cref="Irr"/>'s rate, and −100% for a total loss.</summary>
public class InvestorIrrTests
{
    [Fact]
    public void FlowsWithARateKeepItToTheBit()
    {
        // −100 then 110 a year later: 10%, the rate Irr solves, unchanged.
        double[] years = [0.0, 1.0];
        double[] amounts = [-100.0, 110.0];
        Assert.Equal(Irr.Solve(years, amounts), InvestorIrr.Solve(years, amounts));
        Assert.Equal(0.10, InvestorIrr.Solve(years, amounts), 1e-12);
    }

    [Fact]
    public void PaidInAndNothingBackIsMinusOneHundredPercent()
    {
        // −100 at closing, nothing after: no rate makes the flows worth 0 (Irr: NaN), and nothing is what 100 grows
        // to at −100%.
        double[] years = [0.0, 1.0, 2.0];
        double[] amounts = [-100.0, 0.0, 0.0];
        Assert.True(double.IsNaN(Irr.Solve(years, amounts)));
        Assert.Equal(-1.0, InvestorIrr.Solve(years, amounts));
    }

    [Fact]
    public void LessThanHalfACentBackIsNothing()
    {
        // 0.004 back on 100m a year later: 1 + r = 0.004 / 10⁸ = 4 × 10⁻¹¹, far below −99.99% (no rate in range).
        double[] years = [0.0, 1.0];
        double[] amounts = [-1e8, 0.004];
        Assert.Equal(-1.0, InvestorIrr.Solve(years, amounts));
    }

    [Fact]
    public void LessThanHalfACentBackOverYearsIsNothingThoughARateIsInRange()
    {
        // 0.004 back on 10⁹ twenty years later: 1 + r = (0.004 / 10⁹)^(1/20) = (4 × 10⁻¹²)^(0.05) = 0.2679, r = −73.2%,
        // inside the solver's range, so Irr finds it; but what came back is under half a cent, nothing, and the
        // investor's IRR is −100% (docs/language.md, "A total loss is −100%"), as it is a year out.
        double[] years = [0.0, 20.0];
        double[] amounts = [-1e9, 0.004];
        Assert.Equal(Math.Pow(4e-12, 0.05) - 1.0, Irr.Solve(years, amounts), 1e-9);
        Assert.Equal(-1.0, InvestorIrr.Solve(years, amounts));
        Assert.Equal(-1.0, InvestorIrr.Solve(new FlowTimes(years), amounts));
    }

    [Fact]
    public void CentsBackOnMillionsAtARateBelowTheRangeIsMinusOneHundredPercent()
    {
        // 0.01 back on 10⁹ a year later: 1 + r = 10⁻¹¹, below −99.99% (1 + r = 10⁻⁴), where Irr does not look.
        double[] years = [0.0, 1.0];
        double[] amounts = [-1e9, 0.01];
        Assert.True(double.IsNaN(Irr.Solve(years, amounts)));
        Assert.Equal(-1.0, InvestorIrr.Solve(years, amounts));
    }

    [Fact]
    public void ARateNearMinusOneHundredPercentInRangeIsSolved()
    {
        // 200 back on 10⁶ a year later: 1 + r = 2 × 10⁻⁴, r = −99.98%, inside the range: the rate as solved, not −100%.
        double[] years = [0.0, 1.0];
        double[] amounts = [-1e6, 200.0];
        Assert.Equal(-0.9998, InvestorIrr.Solve(years, amounts), 1e-12);
    }

    [Fact]
    public void ARateAboveAThousandPercentIsSolved()
    {
        // 1 in, 100 back a year later: 1 + r = 100, r = 99 (9,900%), above the 1000% the solver once stopped at and
        // under its 10⁴ ceiling: the rate, where it was n/a.
        Assert.Equal(99.0, InvestorIrr.Solve([0.0, 1.0], [-1.0, 100.0]), 1e-12);
    }

    [Theory]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 100.0, 50.0 })]               // nothing paid in: no rate, not a loss
    [InlineData(new[] { 0.0, 1.0 }, new[] { -0.004, 0.0 })]               // under half a cent paid in: nothing at stake
    [InlineData(new[] { 0.0, 1.0 }, new[] { -1.0, 100001.0 })]            // 1 + r = 100,001: 10,000,000%, past 10⁴
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { -100.0, 50.0, -100.0 })] // paid in again after getting 50 back: no rate, not a total loss
    public void OtherFlowsWithoutARateStayWithoutOne(double[] years, double[] amounts)
    {
        Assert.True(double.IsNaN(Irr.Solve(years, amounts)));
        Assert.True(double.IsNaN(InvestorIrr.Solve(years, amounts)));
    }

    [Fact]
    public void PreparedTimesGiveTheSameFigures()
    {
        // A path that stopped after two of its periods: the flows at the first three of the prepared times.
        var times = new FlowTimes([0.0, 0.5, 1.0, 1.5]);
        Assert.Equal(-1.0, InvestorIrr.Solve(times, [-100.0, 0.0, 0.0]));
        Assert.Equal(-1.0, InvestorIrr.Solve(times, [-1e9, 0.0, 0.01]));
        Assert.Equal(InvestorIrr.Solve([0.0, 0.5, 1.0], [-100.0, 4.0, 104.0]), InvestorIrr.Solve(times, [-100.0, 4.0, 104.0]));
    }

    [Fact]
    public void FlowsOutOfTimeOrderAreReadByTheirTimes()
    {
        // The same total-loss flows written last first (a capital call listed after the periods, as an equity's are).
        Assert.Equal(-1.0, InvestorIrr.Solve([1.0, 0.0], [0.01, -1e9]));
        // A call at 1.5 paid in after the 0.01 came back at 1.0: got back before paying in again, not a total loss.
        Assert.False(InvestorIrr.IsTotalLoss([1.0, 0.0, 1.5], [0.01, -1e9, -5.0]));
    }

    [Fact]
    public void ANonFiniteAmountIsNoLoss()
    {
        Assert.False(InvestorIrr.IsTotalLoss([0.0, 1.0], [double.NaN, 0.0]));
        Assert.False(InvestorIrr.IsTotalLoss([0.0, double.PositiveInfinity], [-100.0, 0.0]));
    }
}
