using DealLang.Benchmarks;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// The benchmark app's refusals (bench/DealLang.Benchmarks/Arguments.cs, linked here as the hand-written loops are):
/// bad input is one line naming what is wrong and what is accepted, exit 2 as the CLI's usage errors, and no
/// benchmark runs (the dispatch each test passes records whether it was called). bench/README.md, "How to run".
/// </summary>
public sealed class BenchArgumentsTests
{
    /// <summary>The exit code and the line written when <paramref name="args"/> are refused, and whether the
    /// measurement was dispatched.</summary>
    private static (int Code, string Error, bool Ran) Refused(string[] args, Action? dispatch = null)
    {
        var error = new StringWriter();
        bool ran = false;
        int code = Arguments.Run(args, error, _ =>
        {
            ran = true;
            dispatch?.Invoke();
        });
        return (code, error.ToString(), ran);
    }

    private static void AssertOneLine(string error, params string[] fragments)
    {
        Assert.StartsWith("DealLang.Benchmarks: error: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_spin_part_is_refused_naming_the_parts()
    {
        var (code, error, ran) = Refused(["--spin", "Hyperion/Refuted", "nosuchpart", "1"]);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, "unknown --spin part 'nosuchpart'", "fill, loop, summaries, tsummaries, path, tranches, engine", "draw", "Hyperion/Refuted", "CoreWeave/Stochastic");
    }

    [Fact]
    public void An_unknown_spin_case_is_refused_naming_the_known_cases()
    {
        var (code, error, ran) = Refused(["--spin", "NoSuchCase", "fill", "1"]);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, "unknown --spin case 'NoSuchCase'", "DEAL/SCENARIO", "Hyperion/Base", "CoreWeave/Base", "Leases100/Base");
    }

    /// <summary>A draw is a Monte Carlo case's: a synthetic deal has none.</summary>
    [Fact]
    public void A_draw_of_a_case_without_a_monte_carlo_scenario_is_refused()
    {
        var (code, error, ran) = Refused(["--spin", "Leases100/Stress", "draw", "1"]);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, "--spin's draw takes a Monte Carlo case", "Hyperion/StochasticRent or CoreWeave/Stochastic", "'Leases100/Stress'");
    }

    /// <summary>Whether a deal has the scenario is known once it is compiled: PathCase and McCase ask
    /// <see cref="Arguments.Scenario"/> with the compiled deal's scenarios before anything is timed.</summary>
    [Fact]
    public void A_scenario_the_deal_lacks_is_refused_naming_its_scenarios()
    {
        var compiled = DealCompiler.Compile("hyperion.deal", DealFiles.Read("examples/hyperion.deal"), new Compiler.Emit.CompileOptions { UseDiskCache = false });
        var scenarios = compiled.Model!.Scenarios.Select(s => s.Name).ToList();
        var (code, error, ran) = Refused(["--spin", "Hyperion/NoSuch", "fill", "1"], () => Arguments.Scenario("Hyperion/NoSuch", "NoSuch", scenarios));
        Assert.Equal(2, code);
        Assert.True(ran); // refused in the case's setup, after the compile and before any timing
        AssertOneLine(error, "unknown case 'Hyperion/NoSuch'", "Hyperion has no scenario NoSuch", "Base, SlowProductivity, Refuted");
    }

    [Theory]
    [InlineData(new[] { "--spin" }, "--spin takes 3 arguments, and none was given")]
    [InlineData(new[] { "--spin", "Hyperion/Refuted", "fill" }, "--spin takes 3 arguments, and 2 were given")]
    [InlineData(new[] { "--spin", "Hyperion/Refuted", "fill", "twenty" }, "--spin's SECONDS is a number of seconds above 0 (20, 0.5), not 'twenty'")]
    [InlineData(new[] { "--spin", "Hyperion/Refuted", "fill", "0" }, "--spin's SECONDS is a number of seconds above 0 (20, 0.5), not '0'")]
    [InlineData(new[] { "--runner", "x" }, "--runner's ROUNDS is a whole number of at least 1 in digits (5, 12), not 'x'")]
    [InlineData(new[] { "--runner", "0" }, "--runner's ROUNDS is a whole number of at least 1 in digits (5, 12), not '0'")]
    [InlineData(new[] { "--runner", "5", "9" }, "--runner takes at most 1 argument, and 2 were given: --runner [ROUNDS]")]
    [InlineData(new[] { "--mc", "1.5" }, "--mc's ROUNDS is a whole number of at least 1 in digits (5, 12), not '1.5'")]
    [InlineData(new[] { "--interleaved", "-3" }, "--interleaved's ROUNDS is a whole number of at least 1 in digits (5, 12), not '-3'")]
    [InlineData(new[] { "--loop", "3x" }, "--loop's ROUNDS is a whole number of at least 1 in digits (5, 12), not '3x'")]
    [InlineData(new[] { "--loop", "3", "--launches" }, "--loop's --launches takes a number of processes: --loop [ROUNDS] --launches N [CASES]")]
    [InlineData(new[] { "--loop", "3", "--launches", "many" }, "--loop's --launches N is a whole number of at least 1 in digits (5, 12), not 'many'")]
    [InlineData(new[] { "--write-monthly-deal", "50" }, "--write-monthly-deal takes 3 arguments, and 1 was given: --write-monthly-deal LEASES TRANCHES FILE")]
    [InlineData(new[] { "--write-monthly-deal", "50", "fifty", "x.deal" }, "--write-monthly-deal's TRANCHES is a whole number of at least 1 in digits (5, 12), not 'fifty'")]
    [InlineData(new[] { "--cold-compile-phases" }, "--cold-compile-phases takes FILE [serial], and none was given")]
    public void A_missing_or_non_numeric_argument_is_refused(string[] args, string message)
    {
        var (code, error, ran) = Refused(args);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, message);
    }

    [Fact]
    public void A_loop_case_that_matches_none_is_refused_naming_the_cases()
    {
        var (code, error, ran) = Refused(["--loop", "abc"]);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, "no --loop case is or starts with 'abc'", string.Join(", ", Arguments.LoopCases));
    }

    [Fact]
    public void A_tiers_case_not_of_a_known_deal_is_refused()
    {
        var (code, error, ran) = Refused(["--tiers", "Leases1000/Base", "Wide/Base"]);
        Assert.Equal(2, code);
        Assert.False(ran);
        AssertOneLine(error, "unknown --tiers case 'Wide/Base'", "LeasesN, WideN (N a whole number)");
    }

    /// <summary>Binaries built outside the checkout, run from outside it (<c>cd /tmp &amp;&amp; dotnet …
    /// --runner 1</c>): the examples cannot be found, and the first case's setup says so.</summary>
    [Fact]
    public void Running_outside_the_checkout_is_refused_naming_where_it_looked()
    {
        string outside = Directory.CreateTempSubdirectory("bench-outside-").FullName;
        try
        {
            // Not vacuous: nothing above the folder is a checkout.
            for (var dir = new DirectoryInfo(outside); dir is not null; dir = dir.Parent)
            {
                Assert.False(File.Exists(Path.Combine(dir.FullName, "DealLang.sln")), dir.FullName);
            }

            var (code, error, ran) = Refused(["--runner", "1"], () => RepoFiles.Root(outside, outside));
            Assert.Equal(2, code);
            Assert.True(ran);
            AssertOneLine(error, "no DealLang.sln above the binaries (" + outside + ") or the working directory (" + outside + ")", "run the benchmarks from inside the DealLang checkout");
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    /// <summary>The check refuses only mistakes: arguments as bench/README.md writes them reach the measurement, read
    /// as written.</summary>
    [Fact]
    public void Arguments_as_documented_are_dispatched()
    {
        foreach (string[] args in (string[][])[["--runner", "9"], ["--spin", "CoreWeave/Stochastic", "draw", "8"], ["--spin", "Hyperion/Refuted", "fill", "0.5"],
            ["--loop", "3", "--launches", "5", "CoreWeave", "Hyperion"], ["--loop", "CoreWeave"], ["--tiers", "Wide250/Stress"], ["--filter", "*LoopBenchmarks*"]])
        {
            var (code, error, ran) = Refused(args);
            Assert.True(code == 0 && ran && error.Length == 0, string.Join(' ', args) + ": " + error);
        }

        var (rounds, launches, cases) = Arguments.Loop(["--loop", "3", "--launches", "5", "CoreWeave", "Hyperion"]);
        Assert.Equal(3, rounds);
        Assert.Equal(5, launches);
        Assert.Equal(["CoreWeave", "Hyperion"], cases);
        Assert.Equal(Arguments.DefaultRounds, Arguments.Loop(["--loop", "CoreWeave"]).Rounds);
        Assert.Equal(9, Arguments.Rounds(["--runner", "9"]));
        Assert.Equal(0.5, Arguments.Seconds("0.5"));
    }
}
