using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Compiling.TwoFiles;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary>A compilation of several files: one deal among them, the scenarios of every file bound against it,
/// diagnostics located in the file they are about, and lowering only without errors.</summary>
public class CompilationTests
{
    [Fact]
    public void Scenarios_in_a_file_of_their_own_are_bound_against_the_deal_and_lowered()
    {
        var compilation = Compile();

        Assert.True(compilation.Model is not null, Show(compilation.Diagnostics));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal([DealPath, ScenarioPath], compilation.Units.Select(u => u.Span.Path));
        var stress = Assert.Single(compilation.Model!.Scenarios);
        Assert.Equal("Stress", stress.Name);
        Assert.Equal(0, stress.RenewalsTaken[0]); // ShedLease renewals taken 0
    }

    [Fact]
    public void A_mistake_in_the_scenario_file_is_reported_there_and_stops_lowering()
    {
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, Deal), Files(),
            SourceDocument.FromText(ScenarioPath, Scenarios.Replace("ShedLease renewals", "ShedLeas renewals", StringComparison.Ordinal)));

        Assert.Null(compilation.Model);
        var unknown = Assert.Single(compilation.Diagnostics);
        Assert.Equal("DL0504", unknown.Code);
        Assert.Equal((ScenarioPath, 2, 3), (unknown.Span.Path, unknown.Span.Line, unknown.Span.Column));
    }

    [Fact]
    public void A_scenario_named_twice_across_files_is_reported_where_the_second_is()
    {
        string dealWithStress = Deal + "\nscenario Stress for D { ShedLease renewals taken 0 }\n";
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, dealWithStress), Files(),
            SourceDocument.FromText(ScenarioPath, Scenarios));

        var duplicate = Assert.Single(compilation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DL0502", duplicate.Code);
        Assert.Equal((ScenarioPath, 1, 10), (duplicate.Span.Path, duplicate.Span.Line, duplicate.Span.Column));
        Assert.Contains("deals/main.deal(24,10)", duplicate.Message, StringComparison.Ordinal); // the line after the deal's 23
    }

    [Fact]
    public void A_second_deal_in_another_file_is_DL0606_at_its_name()
    {
        string otherDeal = Deal.Replace("deal D {", "deal E {", StringComparison.Ordinal);
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, Deal), Files(), SourceDocument.FromText("deals/other.deal", otherDeal));

        Assert.Null(compilation.Model);
        var second = Assert.Single(compilation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DL0606", second.Code);
        Assert.Equal(("deals/other.deal", 1, 6), (second.Span.Path, second.Span.Line, second.Span.Column));
        Assert.Contains("deals/main.deal(1,6)", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_deal_in_the_same_file_is_still_DL0401()
    {
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, Deal + "\n" + Deal.Replace("deal D {", "deal E {", StringComparison.Ordinal)), Files());

        Assert.Contains(compilation.Diagnostics, d => d.Code == "DL0401");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "DL0606");
    }

    [Fact]
    public void Scenario_files_without_a_deal_report_no_deal_at_the_first_file()
    {
        var compilation = Compilation.Create(SourceDocument.FromText(ScenarioPath, Scenarios), Files());

        var noDeal = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("DL0402", ScenarioPath), (noDeal.Code, noDeal.Span.Path));
    }

    [Fact]
    public void The_deal_may_come_from_an_import_of_the_first_file()
    {
        // A scenario file that imports its deal compiles on its own.
        var files = Files().Add(ScenarioPath, "import \"main.deal\"\n" + Scenarios);
        var compilation = Compilation.Create(SourceDocument.FromText(ScenarioPath, "import \"main.deal\"\n" + Scenarios), files);

        Assert.True(compilation.Model is not null, Show(compilation.Diagnostics));
        Assert.Equal(DealPath, compilation.Model!.SourcePath);
        Assert.Equal("Stress", Assert.Single(compilation.Model.Scenarios).Name);
    }

    [Fact]
    public void A_file_given_twice_is_read_once()
    {
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, Deal), Files(),
            SourceDocument.FromText(ScenarioPath, Scenarios), SourceDocument.FromText("deals/./stress.scenarios", Scenarios));

        Assert.Equal(2, compilation.Units.Count);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "DL0502");
    }

    [Fact]
    public void The_facade_keeps_its_one_file_behaviour()
    {
        // DealCompiler.Check is the compilation of one file: same model, same diagnostics.
        var check = DealCompiler.Check(DealPath, Deal);
        var compilation = Compilation.Create(SourceDocument.FromText(DealPath, Deal), new InMemorySourceFiles());

        Assert.True(check.Succeeded, Show(check.Diagnostics));
        Assert.Equal(compilation.Diagnostics, check.Diagnostics);
        Assert.Equal(compilation.Model!.Tranches.Length, check.Model!.Tranches.Length);
    }
}
