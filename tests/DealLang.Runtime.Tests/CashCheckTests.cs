namespace DealLang.Runtime.Tests;

/// <summary>
/// What keeps the per-period cash check meaningful (both found by the pipeline fuzzer): a real break throws, but a
/// period whose amounts overflowed the doubles (a coupon or account rate of 1e300%) is the deal's arithmetic, not a
/// DealLang bug, and is not checked; and an amount that is n/a moves no cash, so NaN never reaches the check.
/// </summary>
public class CashCheckTests
{
    [Fact]
    public void ABalancedPeriodPasses()
    {
        // 10m collected = 7m paid out + (5m − 2m) put into the accounts.
        CashCheck.Verify(0, 10e6, 7e6, 2e6, 5e6);
    }

    [Fact]
    public void AFiniteBreakIsAnInternalError()
    {
        // One unit of currency missing is above the 1e-9 relative tolerance: 1e-9 × (10m + 7m + 2m + 5m) = 0.024.
        var e = Assert.Throws<CashConservationException>(() => CashCheck.Verify(3, 10e6, 7e6 - 1, 2e6, 5e6));
        Assert.Contains("period 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 0.0, 0.0)] // infinite account interest, all distributed
    [InlineData(1.79e6, double.NaN, 3e6, 0.0)]                                 // infinite interest due drawn from an account: ∞ − ∞
    [InlineData(1e6, 1e6, 0.0, double.NegativeInfinity)]
    [InlineData(double.NaN, double.NaN, double.NaN, double.NaN)]
    public void AnOverflowedPeriodIsNotChecked(double collections, double paidOut, double accountsStart, double accountsEnd)
    {
        CashCheck.Verify(0, collections, paidOut, accountsStart, accountsEnd); // must not throw
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(2.5e6, 2.5e6)]
    [InlineData(0.0, 0.0)]
    [InlineData(-1.0, -1.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void AnAmountThatIsNotAvailableMovesNoCash(double amount, double expected)
    {
        // n/a (a ratio over zero inside a fee, a target or a guarantee) is 0; every other value passes unchanged.
        Assert.Equal(expected, Flows.AmountOrZero(amount));
    }
}
