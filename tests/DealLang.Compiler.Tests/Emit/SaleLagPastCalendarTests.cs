namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// An enforcement sale lagged past 9999-12-31 never happens. Found by the pipeline fuzzer (<c>lag 9999y</c>): the
/// generated loop computed the sale date with Date.AddMonths, which threw at the event of default.
/// </summary>
public sealed class SaleLagPastCalendarTests : IDisposable
{
    private readonly DealHarness _deal = DealHarness.Load(HyperionModel.Create());

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void ASaleLaggedPastTheCalendarNeverHappensAndTheDealRunsToMaturity()
    {
        // Rent stops from period 12, so interest goes unpaid in period 13 and the default rule fires (as in
        // PeriodLoopTests); the sale would be 10,000 years later.
        var input = _deal.Inputs(t => t < 12 ? 2e9 : 0, t => 27e9 - (0.3e9 * t));
        input.SaleLagMonths[0] = 120_000;

        var result = _deal.Run(input);

        Assert.Equal(13, result.EventOfDefaultPeriod);
        Assert.Equal(-1, result.SalePeriod);
        Assert.Equal(0.0, result.SaleProceeds);
        Assert.Equal(HyperionModel.Periods, result.PeriodsRun);
    }
}
