using DealLang.Runtime;

namespace DealLang.Runtime.Tests;

/// <summary>A contract's calendar per period (ContractCurves): the years it runs in each period, days over 365, and
/// whether it runs on each period's end day (starts ≤ e &lt; end).</summary>
public sealed class ContractCurvesTests
{
    private static readonly Date[] Quarters =
        [new(2026, 1, 1), new(2026, 4, 1), new(2026, 7, 1), new(2026, 10, 1), new(2027, 1, 1)];

    [Fact]
    public void AContractStartingAndEndingInsidePeriodsRunsForItsDaysOnly()
    {
        // From 2026-02-15 for 6 months (to 2026-08-15): Q1 45 days (2026-02-15 → 04-01), Q2 91, Q3 45 (07-01 → 08-15), Q4 0.
        var contract = new ContractInfo("C", 0, 0, 100, -1, 2.0, 8760, 0.9, new Date(2026, 2, 15), 6);
        ContractCurves curves = ContractCurves.Compute(contract, Quarters);

        Assert.Equal([45 / 365.0, 91 / 365.0, 45 / 365.0, 0.0], curves.LiveYears);
        Assert.Equal([true, true, false, false], curves.LiveAtEnd);
    }

    [Fact]
    public void AContractStartingOnAPeriodEndTakesItsUnitsThereButEarnsFromTheNext()
    {
        // From 2026-04-01 for 3 months: Q1 earns nothing but runs on its end day; it ends on 2026-07-01, Q2's end.
        var contract = new ContractInfo("C", 0, 0, 100, -1, 2.0, 8760, 0.9, new Date(2026, 4, 1), 3);
        ContractCurves curves = ContractCurves.Compute(contract, Quarters);

        Assert.Equal([0.0, 91 / 365.0, 0.0, 0.0], curves.LiveYears);
        Assert.Equal([true, false, false, false], curves.LiveAtEnd);
    }
}
