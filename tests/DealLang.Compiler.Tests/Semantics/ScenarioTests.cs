using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>DL05xx: scenario blocks name the deal, existing leases, facilities and parties, and stay within the deal's terms.</summary>
public sealed class ScenarioTests
{
    private const string Assets =
        "  party Meta { }\n" +
        "  facility Campus { cost 1bn value straight_line 30y }\n" +
        "  lease MetaLease on Campus { lessee Meta rent 100m per year starts 2026-01-01 term 2y renewals 2 x 1y at lessee option }\n" +
        "  enforcement { sell Campus }";

    private static IReadOnlyList<Diagnostic> ScenarioErrors(string scenario) => Errors(Deal(Assets, scenarios: scenario));

    [Theory]
    [InlineData("2024-12-31", true)]  // a day before the harness deal's closing, 2025-01-01
    [InlineData("2025-01-01", false)] // on the closing: in default from the first day, written so on purpose
    [InlineData("2027-06-30", false)]
    public void ADefaultBeforeTheClosingIsAWarning(string date, bool warned)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(Assets, scenarios: $"scenario S for D {{ Meta defaults on {date} }}"));

        Assert.NotNull(model);
        Assert.Equal(warned, diagnostics.Any(d => d.Code == "DL0586" && d.Severity == Severity.Warning));
    }

    [Fact]
    public void AScenarioMustBeForTheDealInTheFile()
    {
        Diagnostic d = Single(ScenarioErrors("scenario S for Other { }"), "DL0501");

        Assert.Equal("scenario 'S' is for 'Other', but the deal in this file is 'D'", d.Message);
        At(d, 19, 16); // extra takes lines 9-12, the waterfall 13-17, the deal ends on 18
    }

    [Fact]
    public void ScenarioNamesAreUnique()
    {
        Diagnostic d = Single(ScenarioErrors("scenario S for D { }\nscenario S for D { }"), "DL0502");

        Assert.Equal("scenario 'S' is already declared at test.deal(19,10)", d.Message);
        At(d, 20, 10);
    }

    [Fact]
    public void RenewalsTakenCannotExceedTheOptions()
    {
        Assert.Equal(
            "lease 'MetaLease' has 2 renewal options; 3 cannot be taken",
            Single(ScenarioErrors("scenario S for D { MetaLease renewals taken 3 }"), "DL0503").Message);
    }

    [Fact]
    public void AnUnknownNameInAScenarioGetsASuggestion()
    {
        Diagnostic d = Single(ScenarioErrors("scenario S for D { MetaLeas renewals taken 1 }"), "DL0504");

        Assert.Equal("scenario 'S' refers to 'MetaLeas', which is not declared in deal 'D'; did you mean 'MetaLease'?", d.Message);
        At(d, 19, 20);
    }

    [Fact]
    public void AnUnknownValuePathSuggestsAFacilityOrMarketRent()
    {
        Assert.EndsWith(
            "did you mean 'market_rent'?",
            Single(ScenarioErrors("scenario S for D { market_rnt deflate 3% per year }"), "DL0504").Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario S for D { Notes renewals taken 1 }", "'Notes' is a tranche; renewals can only be taken on a lease or a contract")]
    [InlineData("scenario S for D { Campus defaults on 2027-01-01 }", "'Campus' is a facility; only a party can default")]
    [InlineData("scenario S for D { Meta.value drop 10% by 2027-01-01 }", "'Meta' is a party; drop applies to a facility's value, e.g. Campus.value")]
    public void ScenarioItemsNeedTheRightKind(string scenario, string message)
    {
        Assert.Equal(message, Single(ScenarioErrors(scenario), "DL0505").Message);
    }

    [Theory]
    [InlineData("scenario S for D { Campus.cost deflate 5% per year }", "'Campus.cost' cannot deflate: deflate applies to a facility's value (Campus.value), to market_rent or to an index (by its bare name)")]
    [InlineData("scenario S for D { market_rent drop 5% by 2027-01-01 }", "'market_rent' cannot drop: drop applies to a facility's value, e.g. Campus.value drop 70% by 2034-01-01")]
    public void OnlyValuesDeflateOrDrop(string scenario, string message)
    {
        Assert.Equal(message, Single(ScenarioErrors(scenario), "DL0506").Message);
    }

    [Fact]
    public void SettingALeverTwiceIsAWarningAndTheLastWins()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            Assets, scenarios: "scenario S for D {\n  MetaLease renewals taken 1\n  MetaLease renewals taken 2\n}"));

        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0507");
        Assert.Equal("scenario 'S' sets the renewals taken on MetaLease more than once; the last one is used", d.Message);
        At(d, 21, 3);
        Assert.Equal(2, model!.Scenarios[0].RenewalsTaken[0]);
    }

    [Fact]
    public void AnEnforcementOverrideWithNothingSoldIsAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(scenarios: "scenario S for D { enforcement haircut 50% }"));

        Assert.NotNull(model);
        Assert.Equal(Severity.Warning, Single(diagnostics, "DL0508").Severity);
    }

    [Fact]
    public void ADropMustBeDatedAfterClosing()
    {
        Assert.Equal(
            "a value drop must be dated after closing (2025-01-01), not 2024-12-31",
            Single(ScenarioErrors("scenario S for D { Campus.value drop 50% by 2024-12-31 }"), "DL0509").Message);
    }

    [Theory]
    [InlineData("scenario S for D { Campus.value drop 150% by 2027-01-01 }", "DL0307")]
    [InlineData("scenario S for D { market_rent deflate 0.03 per year }", "DL0303")]
    [InlineData("scenario S for D { enforcement haircut Campus.value }", "DL0302")]
    public void ScenarioRatesAreCheckedLikeTerms(string scenario, string code)
    {
        Single(ScenarioErrors(scenario), code);
    }

    [Fact]
    public void ZeroScenariosIsFine()
    {
        Assert.Empty(ModelOf(Deal(Assets)).Scenarios);
    }
}
