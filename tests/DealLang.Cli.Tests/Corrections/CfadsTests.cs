namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>cfads</c> is recurring cash: one-off receipts (the RVG; sale proceeds arrive after the tests) are
/// collections but not CFADS, unless the deal says <c>cfads includes rvg</c>.</summary>
public sealed class CfadsTests
{
    // RvgDeal guaranteeing a fixed 30m: the RVG pays min(cap 30m, 30m - value 20m) = 10m in 2026's period.
    private static string Deal(string cfads) => RvgDeal.Source("30m", "30m", cfads + """

          test Dscr = cfads / debt_service
          test Cover = collections / debt_service
        """);

    [Fact]
    public void TheRvgIsACollectionButNotCfads()
    {
        var deal = new SmallDeal(Deal(""));

        // Period 1 (2026): rent 12m + RVG 10m = 22m collected; debt service 10m.
        // DSCR = cfads / debt service = 12m / 10m = 1.2x (with the RVG it would be 2.2x); collections cover 2.2x.
        Assert.Equal(10e6, deal.Ledger("rvg ShedLease", 1), 1e-6);
        Assert.Equal(1.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(2.2, deal.Ledger("Cover", 1), 1e-12);
    }

    [Fact]
    public void ADealMayCountTheRvgInCfads()
    {
        var deal = new SmallDeal(Deal("cfads includes rvg"));

        // (12m + 10m) / 10m = 2.2x
        Assert.Equal(2.2, deal.Ledger("Dscr", 1), 1e-12);
    }
}
