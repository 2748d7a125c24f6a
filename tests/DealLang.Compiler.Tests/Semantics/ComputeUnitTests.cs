using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Compute units (docs/language.md §3, "Compute units"): measures in powers of money, GPUs, hours and kW.</summary>
public sealed class ComputeUnitTests
{
    [Fact]
    public void GpusTimesAPricePerGpuHourTimesHoursIsMoney()
    {
        // 10,000 × 2.35 × 8,760 × 70% = 144,102,000: GPU × money/(GPU·hour) × hour × rate = money.
        var bound = Assert.IsType<ConstantExpression>(TestExpression("10000 gpus * 2.35 per gpu_hour * 8760 hours * 70%"));

        Assert.Equal(Unit.Money, bound.Unit);
        Assert.True(bound.Dimension.IsNone);
        Assert.Equal(144_102_000, bound.Value, 1e-6);
    }

    [Fact]
    public void PowerTimesAnEnergyPriceTimesHoursIsMoney()
    {
        // 10,000 × 0.7 kW/GPU × 1.3 (PUE) × 0.08/kWh × 8,760 h = 6,377,280; 80 per MWh is 0.08 per kWh.
        Assert.Equal(6_377_280, Assert.IsType<ConstantExpression>(
            TestExpression("10000 gpus * 0.7 kW per gpu * 1.3 * 0.08 per kWh * 8760 hours")).Value, 1e-6);
        Assert.Equal(6_377_280, Assert.IsType<ConstantExpression>(
            TestExpression("10000 gpus * 0.7 kW per gpu * 1.3 * 80 per MWh * 8760 hours")).Value, 1e-6);
    }

    [Theory]
    [InlineData("1.2 MW", 1200.0, "kW")]
    [InlineData("3 MWh", 3000.0, "kWh")]
    [InlineData("30k per gpu", 30_000.0, "money per GPU")]
    [InlineData("2.35 per gpu_hour", 2.35, "money per GPU-hour")]
    [InlineData("0.7 kW per gpu", 0.7, "kW per GPU")]
    [InlineData("10000 gpus * 8760 hours", 87_600_000.0, "GPU-hours")]
    [InlineData("10000 gpus * 2.35 per gpu_hour", 23_500.0, "money per hour")]
    [InlineData("1 / 2 gpus", 0.5, "1 per GPU")]
    public void AMeasureIsScaledToItsBaseUnitsAndNamedByWhatItMeasures(string expression, double value, string noun)
    {
        var bound = Assert.IsType<ConstantExpression>(TestExpression(expression));

        Assert.Equal(Unit.Measure, bound.Unit);
        Assert.Equal(value, bound.Value, 1e-9);
        Assert.Equal(noun, bound.Dimension.Noun());
    }

    [Fact]
    public void MoneyOverAMeasureIsAMeasureAndAMeasureOverItselfARatio()
    {
        BoundExpression perGpu = TestExpression("Notes.balance / 10000 gpus");
        Assert.Equal((Unit.Measure, "money per GPU"), (perGpu.Unit, perGpu.Dimension.Noun()));
        Assert.Equal(Unit.Ratio, TestExpression("5000 gpus / 10000 gpus").Unit);
        Assert.Equal(Unit.Ratio, TestExpression("Notes.balance / (10000 gpus * 30k per gpu)").Unit);
    }

    [Fact]
    public void AMeasureTestKeepsItsDimensionWhereAnotherTestReadsIt()
    {
        // U's value is money per GPU; times GPUs it is money again, and it subtracts only a price per GPU.
        var bound = Assert.IsType<BinaryExpression>(TestExpression("U * 5000 gpus", "  test U = Notes.balance / 10000 gpus"));
        Assert.Equal(Unit.Money, bound.Unit);
        Assert.Equal("money per GPU", bound.Left.Dimension.Noun());
        Assert.Equal(Unit.Measure, TestExpression("U - 25k per gpu", "  test U = Notes.balance / 10000 gpus").Unit);
    }

    [Theory]
    [InlineData("2.35 per gpu_hour + Notes.balance", "cannot add money per GPU-hour and money")]
    [InlineData("10 gpus > 5 kW", "cannot compare GPUs with kW")]
    [InlineData("10 gpus - 8760 hours", "cannot subtract hours from GPUs")]
    [InlineData("min(10 gpus, 5 kW)", "cannot take the min of GPUs and kW")]
    [InlineData("Notes.balance * 30k per gpu", "cannot multiply money by money per GPU")]
    public void MeasuresOfDifferentThingsDoNotMix(string expression, string message)
    {
        Assert.Equal(message, Single(TestErrors(expression), "DL0301").Message);
    }

    [Fact]
    public void ARentInMoneyPerHourSaysWhatItLacks()
    {
        string lease = "  party L { }\n  facility F { cost 1bn value straight_line 30y }\n"
            + "  lease R on F { lessee L  rent 10000 gpus * 2.35 per gpu_hour per year  starts 2025-01-01  term 2y }";

        Diagnostic d = Single(Errors(Deal(lease)), "DL0302");
        Assert.Equal("the rent of lease 'R' must be money, but this is money per hour", d.Message);
    }

    [Fact]
    public void ARentInComputeUnitsThatComesToMoneyIsMoney()
    {
        string lease = "  party L { }\n  facility F { cost 1bn value straight_line 30y }\n"
            + "  lease R on F { lessee L  rent 10000 gpus * 2.35 per gpu_hour * 8760 hours * 70% per year  starts 2025-01-01  term 2y }";

        DealModel model = ModelOf(Deal(lease));
        Assert.Equal(144_102_000, model.Leases.Single().Info.RentPerYear, 1e-6);
    }
}
