using DealLang.Benchmarks.HandWritten;
using DealLang.Compiler;
using DealLang.Compiler.Model;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// The Monte Carlo limit that bench/ measures the path source and loop against (bench/README.md, "Monte Carlo
/// throughput"): the hand-written draw of examples/hyperion-mc.scenarios' StochasticRent
/// (<see cref="HyperionDraw"/>: the two drawn deflations, Meta's default date, MetaLease's drawn renewals taken, the campus's value curve) must draw what
/// <see cref="StochasticPaths"/> draws, bit for bit, and the hand-written loop fed the drawn inputs must compute what
/// the generated program computes. Checked on 3,000 paths, antithetic pairs included, among which Meta defaults (its
/// 0.03% PD over 34 years: about 1% of paths, so some 30 here; asserted at least one) and the value deflation is
/// drawn above and below its mean. Linked from bench/DealLang.Benchmarks/HandWritten, so the benchmark times this code.
/// </summary>
public sealed class HandWrittenDrawTests
{
    [Fact]
    public void The_hand_written_draw_and_loop_reproduce_the_stochastic_paths_bit_for_bit()
    {
        CompileResult compiled = Compile();
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "StochasticRent");
        var source = new StochasticPaths(deal, scenario, 42, 3_000);
        var unstressed = new PathInputs(deal);
        DealPaths.For(deal).Fill(compiled.Model.Scenarios.Single(s => s.Name == "Base"), unstressed);
        var draw = new HyperionDraw(deal, scenario, unstressed.FacilityValue[0], 42);
        var loop = new HyperionLoop(deal);
        var inputs = new PathInputs(deal);
        var generated = new RunResult(deal, program.Layout, fullLedger: false);
        var handWritten = new RunResult(deal, program.Layout, fullLedger: false);
        int defaults = 0, below = 0;
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            draw.Draw(path);
            var differences = draw.Differences(source.Drawn(inputs), inputs);
            program.Run(inputs, generated);
            loop.Run(inputs, handWritten);
            differences.AddRange(LoopCheck.Differences(generated, handWritten, relativeTolerance: 0.0));
            Assert.True(differences.Count == 0,
                $"path {path}: bench/DealLang.Benchmarks/HandWritten/HyperionDraw.cs or HyperionLoop.cs no longer reproduces the path source "
                + "and the generated program; follow the change there:\n  " + string.Join("\n  ", differences));
            defaults += draw.MetaDefault is null ? 0 : 1;
            below += draw.ValueDeflation < 0.04 ? 1 : 0;
        }

        Assert.InRange(defaults, 1, 300);
        Assert.InRange(below, 1200, 1800); // antithetic pairs: half of the paths, about, below the 4% mean
    }

    /// <summary>The draw's check is not vacuous: a value a bit off is reported.</summary>
    [Fact]
    public void A_draw_that_differs_is_reported()
    {
        CompileResult compiled = Compile();
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        DealModel model = compiled.Model!;
        ScenarioSpec scenario = model.Scenarios.Single(s => s.Name == "StochasticRent");
        var source = new StochasticPaths(deal, scenario, 42, 2);
        var inputs = new PathInputs(deal);
        var unstressed = new PathInputs(deal);
        DealPaths.For(deal).Fill(model.Scenarios.Single(s => s.Name == "Base"), unstressed);
        var draw = new HyperionDraw(deal, scenario, unstressed.FacilityValue[0], 42);
        source.Fill(1, inputs);
        draw.Draw(1);
        Assert.Empty(draw.Differences(source.Drawn(inputs), inputs));
        draw.Value[5] = Math.BitIncrement(draw.Value[5]);
        Assert.Contains("value at period 5", Assert.Single(draw.Differences(source.Drawn(inputs), inputs)), StringComparison.Ordinal);
        draw.Draw(0); // another path: every drawn number differs from path 1's (the mirror of path 0)
        // The two deflations and the first value that differs (Meta's date may be "none" on both paths, and the
        // renewals taken the same count).
        Assert.Equal(3, draw.Differences(source.Drawn(inputs), inputs).Count(d => !d.StartsWith("Meta", StringComparison.Ordinal) && !d.StartsWith("renewals", StringComparison.Ordinal)));

        // The renewals taken are checked too: a count off by one is reported.
        draw.Draw(1);
        Assert.Empty(draw.Differences(source.Drawn(inputs), inputs));
        ScenarioSpec drawn = source.Drawn(inputs);
        int lease = Array.FindIndex(deal.Leases, l => l.Name == "MetaLease");
        drawn.RenewalsTaken[lease] = (drawn.RenewalsTaken[lease] + 1) % 5;
        Assert.StartsWith("renewals taken", Assert.Single(draw.Differences(drawn, inputs)), StringComparison.Ordinal);
    }

    /// <summary>examples/hyperion.deal with examples/hyperion-mc.scenarios, compiled.</summary>
    static CompileResult Compile()
    {
        var compilation = Compilation.Create(
            SourceDocument.FromText("examples/hyperion.deal", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "hyperion.deal"))),
            DiskSourceFiles.Instance,
            SourceDocument.FromText("examples/hyperion-mc.scenarios", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "hyperion-mc.scenarios"))));
        CompileResult compiled = DealCompiler.Compile(compilation);
        Assert.True(compiled.Compiled is not null && compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        return compiled;
    }
}
