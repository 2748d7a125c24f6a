using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A convertible's conversion price reset (docs/language.md, "A conversion price that resets"): its lowering to
/// periods and its checks beyond the malformed corpus's (562–564). The harness's deal is annual from 2025-01-01 to
/// 2030-01-01; extra lines start at line 9.</summary>
public sealed class ConversionResetRulesTests
{
    private const string Waterfall = "pay Notes.interest\n    pay Cv.interest\n    pay Notes.principal\n    pay Cv.principal\n    distribute rest to Eq";

    private static string Convertible(string reset) => "  index WULF { level 10 per share }\n"
        + "  tranche Cv { balance 50m  coupon 1%  convertible at 12.50 per share against WULF  " + reset + " }\n";

    [Fact]
    public void AResetLowersToThePeriodsHoldingItsDates_TwoInOnePeriodOnce()
    {
        // Annual periods from 2025-01-01 (index 0): 2026-06-01 and 2026-09-01 both fall in the period ending 2027-01-01
        // (index 1), one reset there; 2028-01-01 closes the period from 2027-01-01 (index 2).
        DealModel model = ModelOf(Deal(Convertible("reset 2026-06-01, 2026-09-01, 2028-01-01 to 110% floor 8 per share"), Waterfall));

        ResetModel reset = Assert.IsType<ResetModel>(model.Tranches.Single(t => t.Name == "Cv").Conversion!.Reset);
        Assert.Equal(new[] { 1, 2 }, reset.Periods.ToArray());
        Assert.Equal((1.1, 8.0), (reset.Ratio, reset.Floor));
        Assert.True(model.Tranches.Single(t => t.Name == "Cv").ToInfo().HasReset);
        Assert.False(model.Tranches.Single(t => t.Name == "Notes").ToInfo().HasReset);
    }

    [Fact]
    public void AFloorThatIsNotAPricePerShareIsDL0572()
    {
        var errors = Errors(Deal(Convertible("reset 2026-06-01 to 110% floor 80%"), Waterfall));

        Diagnostic floor = Single(errors, "DL0572");
        Assert.Contains("the reset floor of tranche 'Cv' must be money per share (e.g. 'floor 8.00 per share'), not", floor.Message);
        At(floor, 10, 116);
    }

    [Fact]
    public void AFloorOfZeroIsDL0572_ANegativeRatioDL0571()
    {
        var errors = Errors(Deal(Convertible("reset 2026-06-01 to -10% floor 0 per share"), Waterfall));

        Assert.Contains("must be above 0%, not -10%", Single(errors, "DL0571").Message);
        Assert.Contains("must be above zero", Single(errors, "DL0572").Message);
    }
}
