using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A recovery drawn from outcomes (<c>recovery drawn at 0% with 30%, 60% with 70%</c>, docs/language.md §10, "Drawn
/// recovery outcomes"): each recovery in [0%, 100%] (DL0552), each probability in (0%, 100%] and all adding up to 100%
/// (DL0553), the recoveries increasing (DL0554), each reported where it is written; accepted after a drawn default and a
/// dated one, as a beta is, with its loadings checked as a beta's (DL0513).
/// </summary>
public sealed class RecoveryOutcomesCheckTests
{
    // Line 1 of the scenario block is 'scenario Mc for D {', line 2 the deflation; the draw under test is line 3.
    private const string Assets = """
          party Lab { pd 5% recovery 30% }
          facility Campus { cost 1bn value straight_line 30y }
        """;

    private static string Mc(string item) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n  Campus.value deflate 4% per year volatility 3% per year\n  {item}\n}}");

    private static int ScenarioLine(string text) =>
        text.Split('\n').ToList().FindIndex(l => l.StartsWith("scenario Mc", StringComparison.Ordinal)) + 1;

    // The 1-based column of the first occurrence of `part` in the item, two spaces of indent before it.
    private static int Column(string item, string part) => item.IndexOf(part, StringComparison.Ordinal) + 3;

    [Theory]
    [InlineData("Lab defaults drawn recovery drawn at 0% with 30%, 60% with 70%")]
    [InlineData("Lab defaults on 2026-06-30 recovery drawn at 0% with 30%, 60% with 70% loading Campus.value -50%")]
    [InlineData("Lab defaults drawn recovery drawn at 100% with 100%")]
    [InlineData("Lab defaults drawn recovery drawn at 0% with 10%, 15% with 20%, 30% with 30%, 50% with 40%")]
    [InlineData("Lab defaults drawn recovery drawn at 0% with 30% else beta mean 55% sd 20%")]
    [InlineData("Lab defaults on 2026-06-30 recovery drawn at 0% with 20%, 60% with 30%, else beta mean 50% sd 20% loading Campus.value -50%")]
    public void Outcomes_that_are_a_distribution_are_accepted(string item) =>
        Assert.DoesNotContain(Analyze(Mc(item)).Diagnostics, d => d.Severity == Severity.Error);

    [Fact]
    public void A_recovery_outside_0_to_100_percent_is_DL0552_at_it()
    {
        const string item = "Lab defaults drawn recovery drawn at -5% with 30%, 60% with 70%";
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0552");
        Assert.Equal("Lab's drawn recovery in scenario 'Mc' gives -5%, outside 0% to 100%; each outcome is a share of what is owed, from 0% (no buyer) to 100% (e.g. '0% with 30%, 60% with 70%')", error.Message);
        At(error, ScenarioLine(text) + 2, Column(item, "-5%"));
    }

    [Fact]
    public void A_probability_of_0_is_DL0553_at_it_and_a_sum_not_100_percent_at_the_draw()
    {
        const string item = "Lab defaults drawn recovery drawn at 0% with 0%, 60% with 100%";
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0553");
        Assert.Equal("an outcome of Lab's drawn recovery in scenario 'Mc' has a probability of 0%; each is above 0% and at most 100% (leave out an outcome that never happens)", error.Message);
        At(error, ScenarioLine(text) + 2, Column(item, "0%, 60%"));

        // 30% + 60% = 90%: one error, at 'recovery' (the draw's start).
        const string shortItem = "Lab defaults drawn recovery drawn at 0% with 30%, 60% with 60%";
        string shortText = Mc(shortItem);
        Diagnostic sum = Single(Errors(shortText), "DL0553");
        Assert.Contains("add up to 90%, not 100%", sum.Message, StringComparison.Ordinal);
        At(sum, ScenarioLine(shortText) + 2, Column(shortItem, "recovery"));
    }

    [Theory]
    [InlineData("Lab defaults drawn recovery drawn at 60% with 70%, 0% with 30%", "0% with 30%", "0%", "60%")]
    [InlineData("Lab defaults drawn recovery drawn at 40% with 50%, 40% with 50%", "40% with 50%, 4", "40%", "40%")]
    public void Recoveries_not_increasing_are_DL0554_at_the_one_not_above_the_one_before(string item, string after, string recovery, string previous)
    {
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0554");
        Assert.Equal($"Lab's drawn recovery in scenario 'Mc' gives {recovery} after {previous}; write each recovery once, from the lowest to the highest (e.g. '0% with 30%, 60% with 70%')", error.Message);
        At(error, ScenarioLine(text) + 2, item.LastIndexOf(after[..3], StringComparison.Ordinal) + 3);
    }

    [Fact]
    public void Its_loadings_load_a_factor_once_as_a_betas_do()
    {
        Single(Errors(Mc("Lab defaults drawn recovery drawn at 0% with 30%, 60% with 70% loading Campus.value 30% loading Campus.value 40%")), "DL0513");

        DealModel model = ModelOf(Mc("Lab defaults drawn loading Campus.value 30% recovery drawn at 0% with 30%, 60% with 70% loading Campus.value 40%"));
        DefaultModel drawn = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Defaults.Single();
        Assert.Equal([0.3], drawn.Loadings);
        Assert.Equal(new RecoveryOutcomes([0.0, 0.6], [0.3, 0.7]) { Loadings = [0.4] }, drawn.Recovery);
    }

    [Fact]
    public void Outcomes_leaving_the_beta_after_else_nothing_are_DL0588_at_the_draw()
    {
        // 30% + 70% = 100%: the beta would take 0%.
        const string item = "Lab defaults drawn recovery drawn at 0% with 30%, 60% with 70% else beta mean 55% sd 20%";
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0588");
        Assert.Equal("the outcomes of Lab's drawn recovery in scenario 'Mc' add up to 100%, leaving nothing for the beta after 'else', which takes what they leave; give the outcomes less than 100% (e.g. '0% with 30% else beta mean 55% sd 20%'), or drop the beta", error.Message);
        At(error, ScenarioLine(text) + 2, Column(item, "recovery"));
    }

    [Fact]
    public void A_beta_after_else_that_cannot_exist_is_DL0541_at_it()
    {
        // sd 60% ≥ √(0.5 × 0.5) = 50%: no beta has it.
        const string item = "Lab defaults drawn recovery drawn at 0% with 30% else beta mean 50% sd 60%";
        string text = Mc(item);
        Diagnostic error = Single(Errors(text), "DL0541");
        At(error, ScenarioLine(text) + 2, Column(item, "beta mean"));
    }
}
