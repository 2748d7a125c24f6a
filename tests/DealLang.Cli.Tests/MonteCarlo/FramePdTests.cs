using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A run's frame made without the path source's party list (<see cref="SimulationFrame.Of"/> with none) states each
/// party's PD to maturity from its own <c>pd</c>, to the maturity as the source's is, not to the last workout period's
/// end: Hyperion's schedule runs ten years past its maturity for enforcement's sales, and until 2026-12-07 the frame
/// compounded over them too.
/// </summary>
public sealed class FramePdTests(StochasticHyperion hyperion) : IClassFixture<StochasticHyperion>
{
    [Fact]
    public void APartysPdToMaturityIsCompoundedToTheMaturity()
    {
        DealDescription deal = hyperion.Program.Description;
        Assert.True(deal.Boundaries[^1] > deal.Maturity, "Hyperion's schedule has workout periods after the maturity");

        PartyPd meta = Assert.Single(SimulationFrame.Of(deal, "hash", "Stochastic", 1, 1).Parties);

        // Meta's own pd 0.03% over the ACT/365F years from the closing to the maturity:
        // 1 − (1 − 0.0003)^(days / 365), the hazard −ln(0.9997) a year as the path source compounds it.
        double years = Date.DaysBetween(deal.Closing, deal.Maturity) / 365.0;
        Assert.Equal("Meta", meta.Party);
        Assert.Equal(0.0003, meta.AnnualPd);
        Assert.Equal(1 - Math.Pow(0.9997, years), meta.HorizonPd, 1e-15);

        // The path source's own figure for the same PD, bit for bit: both are −expm1(ln(1 − pd) × years).
        Assert.Equal(-double.ExpM1(Math.Log(1 - 0.0003) * years), meta.HorizonPd);
    }
}
