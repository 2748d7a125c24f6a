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

    [Fact]
    public void ARenewalsTermYearsAndTheTermEndingAtEachPeriodsEnd()
    {
        // From 2026-01-01 for 3 months, two 3-month renewals offered: the term ends 2026-04-01, the renewals
        // 2026-07-01 and 2026-10-01. Q2 and Q3 each lie in one renewal (91 and 92 days); Q4 after the last.
        var contract = new ContractInfo("C", 0, 0, 100, -1, 2.0, 8760, 0.9, new Date(2026, 1, 1), 3, RenewalCount: 2, RenewalTermMonths: 3);
        ContractCurves curves = ContractCurves.Compute(contract, Quarters);

        Assert.Equal([0.0, 91 / 365.0, 92 / 365.0, 0.0], curves.RenewalTermYears);
        // At Q1's end (2026-04-01) the first renewal runs, to 2026-07-01 (Q2); at Q2's the second, to Q3; after the
        // last renewal no term runs (the period itself: an empty window).
        Assert.Equal([1, 2, 2, 3], curves.TermEndPeriod);
    }

    [Fact]
    public void ATermEndingInsideAPeriodCountsThatPeriodsDaysOfTheTermOnly()
    {
        // From 2026-02-15 for 3 months (to 2026-05-15), one 3-month renewal (to 2026-08-15). Q2 (04-01 → 07-01) starts
        // in the term: its renewal days are not the running renewal's, so 0; Q3 starts in the renewal: 07-01 → 08-15.
        var contract = new ContractInfo("C", 0, 0, 100, -1, 2.0, 8760, 0.9, new Date(2026, 2, 15), 3, RenewalCount: 1, RenewalTermMonths: 3);
        ContractCurves curves = ContractCurves.Compute(contract, Quarters);

        Assert.Equal([0.0, 0.0, 45 / 365.0, 0.0], curves.RenewalTermYears);
        Assert.Equal([1, 2, 2, 3], curves.TermEndPeriod);
        // A forward window from Q1 to Q4 stops at the term's end period, Q2: Q2's 44 term days (04-01 → 05-15).
        Assert.Equal(44 / 365.0, ForwardReceipts.Sum(curves.LiveYears, 0, 3, curves.TermEndPeriod[0]), 12);
    }

    [Fact]
    public void AFeesForwardWeightsAreItsYearFractionsEscalatedFromTheClosing()
    {
        // 10% a year from 2026-01-01: the quarters starting 2026-01-01 … 2026-10-01 are in year 0; none escalates.
        double[] weights = ForwardReceipts.FeeWeights(0.10, new Date(2026, 1, 1), [.. Quarters, new(2027, 4, 1)], [0.25, 0.25, 0.25, 0.25, 0.25]);
        Assert.Equal([0.25, 0.25, 0.25, 0.25, 0.25 * 1.1], weights);
    }
}
