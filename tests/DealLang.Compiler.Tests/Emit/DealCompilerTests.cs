using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>The facade end to end: text → Parse → Analyze → Emit → Roslyn.</summary>
public class DealCompilerTests
{
    internal const string Hyperion = """
        deal Hyperion {
          title "Hyperion \"test\""
          currency USD
          closing 2025-10-30
          maturity 2049-05-30
          pay semiannual
          daycount 30/360

          party Meta { rating "AA-" pd 0.03% recovery 60% }
          facility Campus { cost 27bn value straight_line 30y floor 20% }
          lease MetaLease on Campus {
            lessee Meta
            rent 2.6bn per year escalating 2% per year
            starts 2025-10-30
            term 4y
            renewals 4 x 4y at lessee option
            rvg guarantees Notes.balance cap 5bn until 2041-10-30
          }
          tranche Notes { balance 27.3bn coupon 6.581% fixed interest_only until 2029-11-30 amortize level }
          equity Sponsor { contributed 2.45bn holders Meta 100% }
          account Dsra { target 6m of debt_service initial 0 earns 4% }
          account Trap
          fee Opex { 0.5% of Campus.value per year escalating 2% per year }
          test Dscr = cfads / debt_service over trailing 12m
          trigger CashTrap when Dscr < 1.10x from 2030-11-30 => trap
          default when Notes.interest_shortfall > 0
          waterfall {
            pay Opex
            pay Notes.interest using Dsra
            pay Notes.principal using Dsra
            fill Dsra
            if CashTrap { hold rest in Trap } else { release Trap }
            distribute rest to Sponsor
          }
          enforcement {
            sell Campus haircut 20% lag 6m
            waterfall { pay Opex pay Notes.interest pay Notes.balance distribute rest to Sponsor }
          }
        }
        """;

    [Fact]
    public void CheckGivesTheModelOfAValidDeal()
    {
        var result = DealCompiler.Check("hyperion.deal", Hyperion);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("Hyperion", result.Model!.Name);
        Assert.Equal(48, result.Model.ScheduledPeriods);
    }

    [Fact]
    public void CompileGivesALoadableProgram()
    {
        var result = DealCompiler.Compile("hyperion.deal", Hyperion, new CompileOptions { UseDiskCache = false });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Emitted);
        Assert.Equal("DealLang.Generated.Deal_Hyperion", result.Compiled!.TypeName);
        Assert.Equal(result.Emitted.Source, result.Compiled.Source);
        if (Environment.GetEnvironmentVariable("DEALLANG_DUMP_EMIT") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump, result.Emitted.Source);
        }

        // Run it: the first full period's interest as in PeriodLoopTests (27.3bn × 6.581% × 180/360).
        using var deal = DealHarness.Load(result.Model!);
        var run = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.Equal(898_306_500.00, run.InterestPaid[0][1], 0.01);
        Assert.Equal(0.0, run.TrancheBalance[0][47], 1e-3);
    }

    [Fact]
    public void ADealWithErrorsStopsBeforeEmit()
    {
        var result = DealCompiler.Compile("bad.deal", "deal Bad { closing 2025-10-30 }", new CompileOptions { UseDiskCache = false });

        Assert.False(result.Succeeded);
        Assert.Null(result.Model);
        Assert.Null(result.Emitted);
        Assert.Null(result.Compiled);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList(), result.Diagnostics);
    }
}
