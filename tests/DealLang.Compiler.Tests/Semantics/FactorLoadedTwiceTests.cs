using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A factor loaded twice by one draw (<c>loading H100Rent 30% loading H100Rent 40%</c>) is DL0513 at the second loading,
/// for a drawn default, drawn renewals, a drawn break and a drawn recovery alike: the checks used to add the two
/// (DL0534's variance) while the lowering kept the last, so the deal was checked with one β and simulated with another.
/// </summary>
public sealed class FactorLoadedTwiceTests
{
    // Line 1 of the scenario block is 'scenario Mc for D {', line 2 the deflation; the draw under test is line 3.
    private const string Assets = """
          party Lab { pd 5% recovery 30% }
          facility Campus { cost 1bn value straight_line 30y }
          lease MetaLease on Campus { lessee Lab rent 100m per year starts 2025-01-01 term 4y renewals 2 x 1y at lessee option break_option at 24m, 36m fee 6m of rent }
        """;

    private static string Mc(string item) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n  Campus.value deflate 4% per year volatility 3% per year\n  {item}\n}}");

    private static int ScenarioLine(string text) =>
        text.Split('\n').ToList().FindIndex(l => l.StartsWith("scenario Mc", StringComparison.Ordinal)) + 1;

    [Theory]
    [InlineData("Lab defaults drawn loading Campus.value 30% loading Campus.value 40%", "Lab's drawn default")]
    [InlineData("MetaLease renewals drawn 50% loading Campus.value 30% loading Campus.value 40%", "MetaLease's drawn renewals")]
    [InlineData("MetaLease breaks drawn at 24m with 10% loading Campus.value 30% loading Campus.value 40%", "MetaLease's drawn break")]
    [InlineData("Lab defaults drawn recovery beta mean 40% sd 15% loading Campus.value 30% loading Campus.value 40%", "Lab's drawn recovery")]
    public void A_second_loading_on_one_factor_is_DL0513_at_the_second(string item, string what)
    {
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0513");
        Assert.Equal($"{what} in scenario 'Mc' loads Campus.value twice (30%, then 40%); a draw has one loading on a factor: keep the one meant", error.Message);

        // At the second 'loading': two spaces of indent, then the item up to it, 1-based.
        At(error, ScenarioLine(text) + 2, item.LastIndexOf("loading", StringComparison.Ordinal) + 3);
    }

    [Fact]
    public void Twice_with_the_same_value_is_DL0513_too()
    {
        // Equal, the two would still be added by the variance check (DL0534: 2 × 60% = 120%) and kept once by the lowering.
        Single(Errors(Mc("Lab defaults drawn loading Campus.value 60% loading Campus.value 60%")), "DL0513");
    }

    [Fact]
    public void A_default_and_its_recovery_each_load_a_factor_once()
    {
        DealModel model = ModelOf(Mc("Lab defaults drawn loading Campus.value 30% recovery beta mean 40% sd 15% loading Campus.value 40%"));
        DefaultModel drawn = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Defaults.Single();
        Assert.Equal([0.3], drawn.Loadings);
        Assert.Equal([0.4], drawn.Recovery!.Loadings);
    }
}
