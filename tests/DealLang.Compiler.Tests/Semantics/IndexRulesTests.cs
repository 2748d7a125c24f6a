using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>The index's semantic rules (IndexRules, TypeChecker.IndexLevel/IndexValue): what its bare name reads and
/// in which unit, each of its diagnostics where it points, and the scenario levers' checks. Line numbers: the
/// harness's deal puts the first extra line on line 9.</summary>
public sealed class IndexRulesTests
{
    private const string Sofr = "  index SOFR { level 4.30% deflate 10% per year }";
    private const string Rent = "  index Rent { level 2.35 per gpu_hour }";

    [Fact]
    public void TheBareNameReadsTheLevelInTheLevelsUnit()
    {
        var rate = Assert.IsType<BinaryExpression>(TestExpression("SOFR + 6%", Sofr));
        var read = Assert.IsType<QuantityExpression>(rate.Left);
        Assert.Equal((Quantity.IndexLevel, 0, Unit.Rate, false), (read.Quantity, read.Index, read.Unit, read.IsFlow));
        Assert.Equal(Unit.Rate, rate.Unit);

        // 10000 gpus × money per GPU-hour × hours is money.
        BoundExpression money = TestExpression("10000 gpus * Rent * 2190 hours", Sofr + "\n" + Rent);
        Assert.Equal(Unit.Money, money.Unit);
        var rent = Assert.IsType<QuantityExpression>(TestExpression("Rent", Sofr + "\n" + Rent));
        Assert.Equal((Quantity.IndexLevel, 1, Unit.Measure, new Dimension(1, -1, -1, 0)), (rent.Quantity, rent.Index, rent.Unit, rent.Dimension));
    }

    [Fact]
    public void AFeeAnAccountTargetAndATriggerMayReadAnIndex()
    {
        DealModel model = ModelOf(Deal(Sofr + """

              fee Floating { SOFR of Notes.balance per year }
              account Reserve { target SOFR of Notes.balance }
              trigger High when SOFR > 5% => trap
            """, "pay Floating\n    pay Notes.interest\n    pay Notes.principal\n    fill Reserve\n    release Reserve\n    distribute rest to Eq"));

        Assert.Single(model.Indices);
        Assert.Equal(Quantity.IndexLevel, Assert.IsType<QuantityExpression>(Assert.IsType<BinaryExpression>(model.Triggers[0].Condition).Left).Quantity);
    }

    [Fact]
    public void AnIndexReadAsAMemberIsAnError()
    {
        Diagnostic d = Single(Errors(Deal(Sofr + "\n  test T = SOFR.level")), "DL0207");

        Assert.Contains("SOFR", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingLevelIsReportedAtTheName()
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { deflate 10% per year }")), "DL0408");

        At(d, 9, 9);
        Assert.Contains("index 'SOFR' needs a level", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.3", "a number")]
    [InlineData("2026-01-01", "a date")]
    public void ALevelWithoutAUsableUnitIsDL0318(string level, string described)
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { level " + level + " }\n  test T = SOFR + 1%")), "DL0318");

        At(d, 9, 22);
        Assert.Contains("not " + described, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelThatReadsStateIsNotConstant()
    {
        At(Single(Errors(Deal("  index SOFR { level Notes.coupon }")), "DL0306"), 9, 22);
    }

    [Fact]
    public void APointInAnotherUnitIsDL0319()
    {
        Diagnostic d = Single(Errors(Deal("  index Rent { level 2.35 per gpu_hour points stepped { 2026-01-01 2.10 per gpu 2027-01-01 2 per gpu_hour } }")), "DL0319");

        At(d, 9, 68);
        Assert.Contains("is money per GPU, but the level of index 'Rent' is money per GPU-hour", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("-5%", "-5%")]
    public void ADeflateOutsideZeroToOneHundredIsDL0473(string rate, string shown)
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { level 4% deflate " + rate + " per year }")), "DL0473");

        At(d, 9, 33);
        Assert.Contains("not " + shown, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("-1%")]
    public void ALaunchDownOutsideZeroToOneHundredIsDL0474(string down)
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { level 4% launch 2027-01-01 down " + down + " }")), "DL0474");

        At(d, 9, 48);
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2031-01-01")]
    public void ALaunchOutsideTheDealsLifeIsDL0417(string date)
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { level 4% launch " + date + " down 10% }")), "DL0417");

        At(d, 9, 32);
        Assert.Contains("the launch date of index 'SOFR'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-01 5% 2026-01-01 6%", "DL0418")]
    [InlineData("2027-01-01 5% 2027-01-01 6%", "DL0418")]
    [InlineData("", "DL0419")]
    public void PointsOutOfOrderDuplicatedOrNoneAreReported(string points, string code)
    {
        Assert.Contains(Errors(Deal("  index SOFR { level 4% points stepped { " + points + " } }")), d => d.Code == code);
    }

    [Fact]
    public void PointsMayPrecedeTheClosing()
    {
        DealModel model = ModelOf(Deal("  index SOFR { level 4% points stepped { 2024-01-01 5% 2026-01-01 6% } }"));

        Assert.Equal([0.05, 0.06], model.Indices[0].Info.Points!.Values);
    }

    [Fact]
    public void AnIndexMayNotBeCalledMarketRent()
    {
        Assert.NotEmpty(Errors(Deal("  index market_rent { level 4% }")));
    }

    [Fact]
    public void ScenarioLeversAreCheckedInTheIndexsUnit()
    {
        string scenarios = """
            scenario S for D {
              SOFR level 5 per gpu_hour
              SOFR shift 1m
              SOFR points stepped { 2027-01-01 5 per gpu }
              SOFR deflate 100% per year
              SOFR launch 2027-01-01 down 100%
              SOFR launch 2024-01-01 down 10%
            }
            """;
        IReadOnlyList<Diagnostic> errors = Errors(Deal(Sofr, scenarios: scenarios));

        Assert.Equal(3, errors.Count(d => d.Code == "DL0319"));
        Assert.Single(errors, d => d.Code == "DL0473");
        Assert.Single(errors, d => d.Code == "DL0474");
        Assert.Single(errors, d => d.Code == "DL0417");
    }

    [Fact]
    public void AScenarioLeverOnSomethingElseOrNothingIsReported()
    {
        string scenarios = """
            scenario S for D {
              Notes level 5%
              SOFT shift 1%
            }
            """;
        IReadOnlyList<Diagnostic> errors = Errors(Deal(Sofr, scenarios: scenarios));

        Assert.Contains("'Notes' is a tranche; 'level' overrides an index's level", Single(errors, "DL0505").Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'SOFR'?", Single(errors, "DL0504").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALeverSetTwiceWarnsButSeveralLaunchesDoNot()
    {
        string scenarios = """
            scenario S for D {
              SOFR level 5%
              SOFR level 6%
              SOFR launch 2027-01-01 down 10%
              SOFR launch 2028-01-01 down 10%
            }
            """;
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(Sofr, scenarios: scenarios));

        Assert.NotNull(model);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0507", d.Code);
        Assert.Contains("the level of SOFR", d.Message, StringComparison.Ordinal);
    }
}
