using CsCheck;
using Xunit.Abstractions;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// Property-based tests over generated deals (<see cref="DealGen"/>) and their mutants (<see cref="DealMutations"/>),
/// with CsCheck: a failure is shrunk to a small deal and reported with its seed; replay it with
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test tests/DealLang.Cli.Tests --filter DealPropertyTests</c>. Iteration counts
/// come from <see cref="FuzzIterations"/> (modest in CI; <c>DEALLANG_FUZZ_ITERATIONS</c> for a long run, see
/// docs/fuzzing.md). The deterministic <c>PipelineFuzzTests</c> stay beside these, mutating the checked-in deals.
/// </summary>
public sealed class DealPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_generated_deal_checks_without_errors()
    {
        var slowest = new SlowestDeal();
        DealGen.Valid.Sample(slowest.Timed<string>(PipelineInvariants.ChecksWithoutErrors), output.WriteLine,
            iter: FuzzIterations.Checked, print: Print);
        output.WriteLine(slowest.ToString());
    }

    [Fact]
    public void A_mutated_deal_never_crashes_the_checker_and_every_diagnostic_is_located()
    {
        var slowest = new SlowestDeal();
        DealMutations.Mutant.Sample(slowest.Timed<Fuzz.Mutant>(m => PipelineInvariants.CheckIsTotal(m.Text)), output.WriteLine,
            iter: FuzzIterations.Checked, print: m => m.Description + "\n" + m.Text);
        output.WriteLine(slowest.ToString());
    }

    [Fact]
    public void A_generated_deal_runs_conserving_cash_every_period_and_runs_the_same_twice()
    {
        var slowest = new SlowestDeal();
        var tally = new RunTally();
        DealGen.Valid.Sample(slowest.Timed<string>(deal => PipelineInvariants.RunsConservingCashDeterministically(deal, tally)),
            output.WriteLine, iter: FuzzIterations.Compiled, print: Print);
        output.WriteLine(slowest.ToString());
        output.WriteLine(tally.ToString());
    }

    [Fact]
    public void A_generated_deal_s_figures_keep_the_accounting_identities_and_a_summary_only_run_gives_the_same_summaries()
    {
        var slowest = new SlowestDeal();
        var tally = new RunTally();
        var figures = new FigureTally();
        DealGen.Valid.Sample(slowest.Timed<string>(deal => PipelineInvariants.FiguresHangTogether(deal, tally, figures)),
            output.WriteLine, iter: FuzzIterations.Figures, print: Print);
        output.WriteLine(slowest.ToString());
        output.WriteLine(tally.ToString());
        output.WriteLine(figures.ToString());
    }

    private static string Print(string deal) => "\n" + deal;
}
