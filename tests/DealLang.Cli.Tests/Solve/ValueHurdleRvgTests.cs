using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runner.Solvers;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Solve;

/// <summary>
/// <c>solve</c>'s <c>F.value</c> hurdle scales every value the deal reads of the facility, the RVG's too
/// (<see cref="FacilityValueScale"/>; docs/language.md, "Solvers"): an RVG is measured against the facility's value on
/// the day its lease ends, so a campus worth x times as much owes min(cap, max(0, G − x × value)). Before, the RVG stayed
/// measured against the unscaled value while the sale and the tests read the scaled one: a breakeven on the value of
/// an RVG-backed deal (Hyperion's) left out what the RVG pays back as the value falls.
/// </summary>
public sealed class ValueHurdleRvgTests
{
    // Quarterly, closing 2026-01-01. Campus costs 100m, straight-line over 20 years from the closing (100m × (1 − months/240)),
    // leased for 5 years with an RVG guaranteeing 90m, capped at 40m: the lease expires on 2031-01-01, 60 months on,
    // the campus worth 100m × (1 − 60/240) = 75m.
    private const string Source = """
        deal Hurdle {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee  Tenant
            rent    12m per year
            starts  2026-01-01
            term    5y
            rvg     guarantees 90m cap 40m until 2033-01-01
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }
        """;

    [Theory]
    // x = 1: min(40m, 90m − 75m) = 15m; x = 0.8: the campus 60m, min(40m, 30m) = 30m; x = 0.5: 37.5m, min(40m, 52.5m) = 40m,
    // the cap; x = 1.2: 90m, nothing owed.
    [InlineData(1.0, 15e6)]
    [InlineData(0.8, 30e6)]
    [InlineData(0.5, 40e6)]
    [InlineData(1.2, 0.0)]
    public void TheRvgIsMeasuredAgainstTheScaledValue(double factor, double rvg)
    {
        var compiled = DealCompiler.Compile("hurdle.deal", Source);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var inputs = new PathInputs(deal) { CheckCashConservation = true };
        new DealPaths(deal).Fill(ScenarioSpec.AsWritten(deal), inputs);
        Lever lever = Levers.Input(deal, "Campus.value");
        lever.Scale(inputs, factor);

        var result = new RunResult(deal, host.Program.Layout, fullLedger: true);
        host.Program.Run(inputs, result);
        string[] columns = [.. host.Program.Layout.Columns.Select(c => c.Name)];
        int column = Array.IndexOf(columns, "rvg L");
        double paid = Enumerable.Range(0, result.PeriodsRun).Sum(t => result.Ledger![t, column]);
        Assert.Equal(rvg, paid, 1e-6);
    }
}
