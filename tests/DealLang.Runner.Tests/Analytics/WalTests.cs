using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

public class WalTests
{
    [Fact]
    public void BulletRepaidAtFiveYearsHasLifeFive()
    {
        Assert.Equal(5.0, Wal.Compute([1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 0.0, 0.0, 0.0, 100.0]), 1e-12);
    }

    [Fact]
    public void FourEqualPaymentsAtOneToFourHaveLifeTwoAndAHalf()
    {
        // (1 + 2 + 3 + 4) · 25 / 100 = 2.5
        Assert.Equal(2.5, Wal.Compute([1.0, 2.0, 3.0, 4.0], [25.0, 25.0, 25.0, 25.0]), 1e-12);
    }

    [Fact]
    public void NoPrincipalHasNoLife()
    {
        Assert.True(double.IsNaN(Wal.Compute([1.0, 2.0], [0.0, 0.0])));
        Assert.True(double.IsNaN(Wal.Compute([], [])));
    }

    [Fact]
    public void MismatchedSpansAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Wal.Compute([1.0, 2.0], [100.0]));
    }
}
