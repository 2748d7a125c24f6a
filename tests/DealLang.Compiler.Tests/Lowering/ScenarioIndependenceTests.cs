using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>
/// Scenarios are run-time data: the compiled deal (its C#, hence its cache key) does not depend on them, so a
/// scenario edit never recompiles, and the workout is sized for the longest lag any scenario may set.
/// </summary>
public sealed class ScenarioIndependenceTests
{
    private static readonly string Hyperion = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "hyperion.deal"));

    /// <summary>Hyperion with its scenario blocks (everything from the first one on) replaced by <paramref name="scenarios"/>.</summary>
    private static string WithScenarios(string scenarios) =>
        Hyperion[..Hyperion.IndexOf("\nscenario ", StringComparison.Ordinal)] + "\n" + scenarios;

    private static EmittedDeal Emit(string text)
    {
        CheckResult check = DealCompiler.Check("hyperion.deal", text);
        Assert.True(check.Succeeded, string.Join('\n', check.Diagnostics));
        return CSharpEmitter.Emit(check.Model!);
    }

    [Fact]
    public void Deal_texts_differing_only_in_their_scenarios_emit_the_same_csharp_and_cache_key()
    {
        EmittedDeal asShipped = Emit(Hyperion);
        EmittedDeal none = Emit(WithScenarios(""));
        EmittedDeal edited = Emit(WithScenarios(
            "scenario Late for Hyperion {\n  MetaLease renewals taken 2\n  enforcement haircut 80% lag 10y\n}\n"
            + "scenario Gone for Hyperion {\n  Meta defaults on 2030-01-01\n  Campus.value deflate 20% per year\n}\n"));

        Assert.Equal(asShipped.Source, none.Source);
        Assert.Equal(asShipped.Source, edited.Source);
        Assert.Equal(RoslynCompiler.CacheKey(asShipped.Source), RoslynCompiler.CacheKey(edited.Source));
        Assert.DoesNotContain("ScenarioSpec", asShipped.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_of_plain_notes_gives_them_the_calls_code_whatever_its_date_and_price()
    {
        // The one scenario fact the C# holds (docs/language.md, "Calling plain notes"): whether some scenario calls a
        // plain tranche, which then reads the call's inputs; its date, price and share stay run-time data.
        EmittedDeal none = Emit(WithScenarios(""));
        EmittedDeal called = Emit(WithScenarios("scenario Refi for Hyperion {\n  Notes called on 2030-01-01 at 102%\n}\n"));
        EmittedDeal other = Emit(WithScenarios("scenario Refi for Hyperion {\n  Notes called on 2035-06-01 at 99% part 40%\n}\n"));

        Assert.NotEqual(none.Source, called.Source);
        Assert.Contains("callPart", called.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("callPart", none.Source, StringComparison.Ordinal);
        Assert.Equal(called.Source, other.Source);
    }

    [Fact]
    public void Index_levers_leave_the_compiled_deal_as_it_was()
    {
        // Valid 008 declares two indices and moves them in three scenarios (level, shift, deflate, points, launch).
        string deal = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "008-sofr-margin-and-gpu-rent-index.deal"));
        string bare = deal[..deal.IndexOf("\nscenario ", StringComparison.Ordinal)] + "\n";

        CheckResult withLevers = DealCompiler.Check("008.deal", deal);
        CheckResult without = DealCompiler.Check("008.deal", bare);
        Assert.True(withLevers.Succeeded && without.Succeeded, string.Join('\n', withLevers.Diagnostics.Concat(without.Diagnostics)));
        Assert.Equal(CSharpEmitter.Emit(without.Model!).Source, CSharpEmitter.Emit(withLevers.Model!).Source);
        Assert.Contains(withLevers.Model!.Scenarios, s => s.Indices.Any(i => i is not null));
    }

    [Fact]
    public void Guarantor_levers_leave_the_compiled_deal_as_it_was()
    {
        // examples/national-compute.deal: its scenarios honour the State's guarantee in full, in part, or disown it
        // outright and from a date (issue 11): the levers are run-time data, as every scenario's.
        string deal = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "national-compute.deal"));
        string bare = deal[..deal.IndexOf("\nscenario ", StringComparison.Ordinal)] + "\n";

        CheckResult withLevers = DealCompiler.Check("national-compute.deal", deal);
        CheckResult without = DealCompiler.Check("national-compute.deal", bare);
        Assert.True(withLevers.Succeeded && without.Succeeded, string.Join('\n', withLevers.Diagnostics.Concat(without.Diagnostics)));
        Assert.Equal(CSharpEmitter.Emit(without.Model!).Source, CSharpEmitter.Emit(withLevers.Model!).Source);
        var levers = withLevers.Model!.Scenarios.ToDictionary(s => s.Name, s => s.GuarantorOf(0));
        Assert.Equal(GuarantorLevers.Honoured, levers["Base"]);
        Assert.Equal(new GuarantorLevers(0.5, false, null), levers["HalfHonoured"]);
        Assert.Equal(new GuarantorLevers(1.0, true, null), levers["NoGuarantee"]);
        Assert.Equal(new GuarantorLevers(1.0, true, new Date(2031, 7, 1)), levers["DisownedLater"]);
    }

    [Fact]
    public void Hard_call_levers_leave_the_compiled_deal_as_it_was()
    {
        // Valid 055 calls its convertible in three scenarios: every convertible reads its call from the path inputs, so
        // the deal without them emits the same C#.
        string deal = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "055-convertible-called-to-refinance.deal"));
        string bare = deal[..deal.IndexOf("\nscenario ", StringComparison.Ordinal)] + "\n";

        CheckResult withLevers = DealCompiler.Check("055.deal", deal);
        CheckResult without = DealCompiler.Check("055.deal", bare);
        Assert.True(withLevers.Succeeded && without.Succeeded, string.Join('\n', withLevers.Diagnostics.Concat(without.Diagnostics)));
        Assert.Equal(CSharpEmitter.Emit(without.Model!).Source, CSharpEmitter.Emit(withLevers.Model!).Source);
        Assert.Equal(3, withLevers.Model!.Scenarios.Count(s => s.Calls(0)));
    }

    [Fact]
    public void The_workout_has_room_for_the_longest_lag_any_scenario_may_set()
    {
        // Hyperion's own sale has lag 6m and the Refuted scenario 12m; the horizon no longer depends on either:
        // 120 months (DurationRules.MaxWorkoutMonths) / 6 months a period = 20 workout periods after the 48.
        DealModel shipped = DealCompiler.Check("hyperion.deal", Hyperion).Model!;
        DealModel bare = DealCompiler.Check("hyperion.deal", WithScenarios("")).Model!;
        Assert.Equal(48, shipped.ScheduledPeriods);
        Assert.Equal(48 + 20, shipped.Periods);
        Assert.Equal(shipped.Boundaries.ToArray(), bare.Boundaries.ToArray());
        Assert.Equal(3, shipped.Scenarios.Length);
        Assert.Empty(bare.Scenarios);
    }

    [Fact]
    public void A_deal_without_enforcement_sales_has_no_workout()
    {
        // The same deal without its enforcement block (and so without sales): the run ends at the maturity.
        int start = Hyperion.IndexOf("\n  enforcement {", StringComparison.Ordinal);
        Assert.True(start > 0, "hyperion.deal has an enforcement block");
        int end = Hyperion.IndexOf("\n  }\n", start + 1, StringComparison.Ordinal);
        string withoutEnforcement = Hyperion[..start] + Hyperion[(end + 4)..];
        CheckResult check = DealCompiler.Check("hyperion.deal", withoutEnforcement);
        Assert.NotNull(check.Model);
        Assert.Equal(check.Model.ScheduledPeriods, check.Model.Periods);
    }

    public static TheoryData<string> DealsWithScenarios() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid"), "*.deal")
            .Concat(Directory.GetFiles(RepoPaths.Examples, "*.deal"))
            .Where(path => File.ReadAllText(path).Contains("\nscenario ", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(DealsWithScenarios))]
    public void A_deals_csharp_depends_on_its_scenarios_only_through_the_gates_in_its_cache_key(string file)
    {
        // A scenario reaches the generated C# only through what it asks of the program (CacheKeys.ScenarioGates, keyed
        // so that a scenario file asking for it is never run by a program compiled without it: ScenarioGateCacheTests).
        // The deal's C# with its scenario blocks and without them must be the same unless some gate is open: a new
        // scenario-dependent emitter decision without its gate fails here, on a deal that has it.
        string path = Path.Combine(RepoPaths.Root, file);
        string text = File.ReadAllText(path);
        var compilation = Compilation.Create(SourceDocument.FromText(path, text), DiskSourceFiles.Instance);
        Assert.True(DealCompiler.Check(compilation).Succeeded, string.Join('\n', compilation.Diagnostics));

        // The scenario blocks of the deal's own file, removed line by line (each block's lines, its comments inside).
        string[] lines = text.Split('\n');
        var removed = new HashSet<int>();
        foreach (var scenario in compilation.Units[0].Scenarios)
        {
            for (int line = scenario.Span.Line; line <= scenario.Span.EndLine; line++)
            {
                removed.Add(line);
            }
        }

        string bare = string.Join('\n', lines.Where((_, i) => !removed.Contains(i + 1)));
        CheckResult without = DealCompiler.Check(path, bare);
        Assert.True(without.Succeeded, string.Join('\n', without.Diagnostics));

        string withScenarios = CSharpEmitter.Emit(compilation.Model!).Source;
        string withoutScenarios = CSharpEmitter.Emit(without.Model!).Source;
        if (CacheKeys.ScenarioGates([compilation.Units[0]]).Count == 0)
        {
            Assert.Equal(withoutScenarios, withScenarios);
        }
    }
}
