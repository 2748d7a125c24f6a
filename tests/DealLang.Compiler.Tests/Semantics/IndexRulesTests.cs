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
    [InlineData("  index SOFR { level 4% deflate 5% per year grow 3% per year }", 50)]
    [InlineData("  index SOFR { level 4% grow 10% per year deflate 5% per year }", 51)]
    public void ADeflateAndAGrowOnOneIndexAreDL0766AtTheSecond(string index, int column)
    {
        // One drift, falling or rising: whichever is written second is the one reported.
        Diagnostic d = Single(Errors(Deal(index)), "DL0766");

        At(d, 9, column);
        Assert.Contains("index 'SOFR' has both a 'deflate' and a 'grow'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101%", "101%")]
    [InlineData("-5%", "-5%")]
    public void AGrowOutsideZeroToOneHundredIsDL0767(string rate, string shown)
    {
        Diagnostic d = Single(Errors(Deal("  index SOFR { level 4% grow " + rate + " per year }")), "DL0767");

        At(d, 9, 30);
        Assert.Contains("the growth of index 'SOFR' must be at least 0% and at most 100% a year, not " + shown, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGrowOfUpToOneHundredPercentIsAccepted()
    {
        Assert.Equal(-1.0, ModelOf(Deal("  index SOFR { level 4% grow 100% per year }")).Indices[0].Info.DeflatePerYear);
    }

    [Fact]
    public void AScenariosGrowIsCheckedOnAnIndexAFacilitysValueAndTheMarketRent()
    {
        string scenarios = """
            scenario S for D {
              SOFR grow 150% per year
              Campus.value grow -1% per year
              market_rent grow 200% per year volatility 5% per year
              Notes grow 3% per year
            }
            """;
        IReadOnlyList<Diagnostic> errors = Errors(Deal(Sofr + "\n  facility Campus { cost 1bn value straight_line 30y }", scenarios: scenarios));

        Assert.Equal(
            ["the growth of SOFR in scenario 'S'", "the growth of Campus.value in scenario 'S'", "the growth of market_rent in scenario 'S'"],
            errors.Where(d => d.Code == "DL0767").Select(d => d.Message[..d.Message.IndexOf(" must", StringComparison.Ordinal)]));
        Assert.Contains(errors, d => d.Code == "DL0505" && d.Message.Contains("grow applies to a facility's value", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeflateAndAGrowOnOneIndexInAScenarioAreOneLeverSetTwice()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(Sofr, scenarios: """
            scenario S for D {
              SOFR grow 3% per year
              SOFR deflate 5% per year
            }
            """));

        // DL0507: the last one is used, as for any lever set twice.
        Diagnostic d = Single(diagnostics, "DL0507");
        Assert.Contains("sets the drift ('deflate' or 'grow') of SOFR more than once", d.Message, StringComparison.Ordinal);
        Assert.Equal(0.05, model!.Scenarios[0].Indices[0]!.DeflatePerYear);
    }

    [Fact]
    public void GrowIsAKeywordOnlyWhereItStartsADrift()
    {
        // 'grow' may still name an index (and be read by that name), as 'level' or 'launch' may.
        DealModel model = ModelOf(Deal("  index grow { level 4% grow 2% per year }\n  test T = grow + 1%",
            scenarios: "scenario S for D { grow grow 3% per year }"));

        Assert.Equal(("grow", -0.02), (model.Indices[0].Info.Name, model.Indices[0].Info.DeflatePerYear));
        Assert.Equal(-0.03, model.Scenarios[0].Indices[0]!.DeflatePerYear);
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
    public void A_level_that_reads_its_own_index_is_one_DL0306_not_a_stack_overflow()
    {
        // `level Rent` inside Rent bound Rent's level to bind Rent's level, without end (the mutated-deal property at
        // 4,000 iterations crashed the test host). Directly, and through another index's level: one error each, at the
        // level that closes the cycle.
        Diagnostic self = Single(Errors(Deal("  index Rent { level Rent }")), "DL0306");
        Assert.Contains("the level of index 'Rent' must be a constant", self.Message, StringComparison.Ordinal);

        IReadOnlyList<Diagnostic> mutual = Errors(Deal("  index Rent { level Sofr }\n  index Sofr { level Rent }"));
        Diagnostic closing = Single(mutual, "DL0306");
        Assert.Contains("the level of index 'Sofr'", closing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_below_zero_is_DL0312_and_a_rate_below_zero_or_a_shift_is_not()
    {
        // A price (money per GPU-hour) is never below zero: its level, a point, a scenario's level and a process's
        // long-run level are each DL0312 (a volatility below zero is DL0530's, whatever the unit). A rate may be
        // negative, and a shift of either may be (a price shifted below zero is read at 0 in the run).
        string deal = Deal(
            "  index Rent { level -2.35 per gpu_hour points stepped { 2027-01-01 -1 per gpu_hour } }\n  index SOFR { level -0.5% }",
            scenarios: """
                scenario S for D {
                  Rent level -1 per gpu_hour
                  Rent shift -3 per gpu_hour
                  SOFR level -1%
                  SOFR shift -2%
                }
                scenario M for D {
                  paths 10
                  Rent reverts to -0.5 per gpu_hour speed 50% per year volatility -1 per gpu_hour per year
                  SOFR reverts to -1% speed 50% per year volatility 1% per year
                }
                """);
        IReadOnlyList<Diagnostic> errors = Errors(deal);

        Assert.Single(errors, d => d.Code == "DL0530");
        errors = [.. errors.Where(d => d.Code != "DL0530")];
        Assert.All(errors, d => Assert.Equal("DL0312", d.Code));
        string[] expected =
        [
            "the level of index 'Rent' cannot be negative",
            "a point of index 'Rent' on 2027-01-01 cannot be negative",
            "the level of index 'Rent' in scenario 'S' cannot be negative",
            "the long-run level of index 'Rent' in scenario 'M' cannot be negative",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Select(d => d.Message).Order(StringComparer.Ordinal));
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
