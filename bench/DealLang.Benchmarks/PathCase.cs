using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Benchmarks;

/// <summary>
/// One deal and scenario, compiled and loaded once, with everything a path needs made once: the deal's
/// precompute and path source ("after"), one <see cref="PathInputs"/> for each way of building, and a
/// summary-only <see cref="RunResult"/>. Names: <c>Hyperion/Base</c>, <c>Hyperion/SlowProductivity</c>,
/// <c>Hyperion/Refuted</c>, <c>CoreWeave/Base</c> (examples/coreweave-ddtl2.deal: a GPU fleet, four take-or-pay
/// contracts, two indices, two delayed-draw floating-rate loans; 20 quarterly periods), <c>Leases100/Base</c> …
/// <c>Leases1000/Stress</c> (<see cref="SyntheticDeal"/>), and <c>WideN/Base</c>, <c>WideN/Stress</c> (N of each of
/// tranches, leases, fees and tests: TestSupport.SyntheticWideDeal; not in <see cref="Names"/>, for <c>--tiers</c>).
/// <para>
/// The path source keeps, per set of buffers, what a path computed from the scenario's numbers, and reuses it on a
/// later path with the same numbers (PathMemo): filling the same scenario again and again, as <c>…/Stress</c>
/// does, measures a path whose stresses were all seen before. <c>…/Stress~</c> measures the opposite: its source
/// alternates <c>Stress</c> with a copy whose market rent deflates at 3.1% and whose deflating values deflate
/// 0.1% a year more, so every path moves the rate and the curves the previous one used and nothing stressed is reused
/// (what a Monte Carlo path drawing fresh factors costs). Its <c>BuildBefore</c> builds <c>Stress</c>.
/// </para>
/// </summary>
public sealed class PathCase : IDisposable
{
    public static readonly string[] Names = Arguments.PathCases;

    readonly DealHost host;
    readonly bool fresh;
    int next;

    public PathCase(string name)
    {
        Name = name;
        string[] parts = name.Split('/');
        string text = parts[0] switch
        {
            "Hyperion" => File.ReadAllText(RepoFiles.HyperionPath),
            "CoreWeave" => File.ReadAllText(RepoFiles.CoreWeavePath),
            _ when parts[0].StartsWith("Wide", StringComparison.Ordinal) => TestSupport.SyntheticWideDeal.Text(int.Parse(parts[0]["Wide".Length..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => SyntheticDeal.Text(int.Parse(parts[0]["Leases".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        };
        var compiled = DealCompiler.Compile(parts[0] + ".deal", text);
        if (compiled.Compiled is null || compiled.Model is null)
        {
            throw new InvalidOperationException($"{name} does not compile: {string.Join("; ", compiled.Diagnostics)}");
        }

        host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        Program = host.Program;
        Deal = Program.Description;
        fresh = parts[1].EndsWith('~');
        string scenario = parts[1].TrimEnd('~');
        Arguments.Scenario(name, scenario, compiled.Model.Scenarios.Select(s => s.Name));
        Scenario = compiled.Model.Scenarios.First(s => s.Name == scenario);
        Source = new ScenarioPaths(new DealPaths(Deal), fresh ? [Scenario, Moved(Scenario)] : [Scenario]);
        After = new PathInputs(Deal) { CheckCashConservation = false };
        Before = new PathInputs(Deal) { CheckCashConservation = false };
        Result = new RunResult(Deal, Program.Layout, fullLedger: false);
        Source.Fill(0, After);
        BuildBefore();
        if (!Before.Series.Zip(After.Series).All(p => p.First.AsSpan().SequenceEqual(p.Second)) || !Before.Scalars.AsSpan().SequenceEqual(After.Scalars))
        {
            throw new InvalidOperationException($"{name}: the two ways of building a path disagree.");
        }
    }

    public string Name { get; }
    public IDealProgram Program { get; }
    public DealDescription Deal { get; }
    public ScenarioSpec Scenario { get; }
    public ScenarioPaths Source { get; }
    public PathInputs After { get; }
    public PathInputs Before { get; }
    public RunResult Result { get; }

    /// <summary>Now: the path source over the once-per-deal precompute (for <c>…~</c>, its two paths in turn).</summary>
    public void BuildAfter()
    {
        Source.Fill(next, After);
        if (fresh)
        {
            next ^= 1;
        }
    }

    /// <summary>Before (cd81aa8): everything rebuilt from the terms for the path.</summary>
    public void BuildBefore() => Reference.Paths.ReferencePathBuilder.Build(Deal, Scenario, Before);

    /// <summary>The period loop, summary-only: the Monte Carlo inner step. <c>Run</c> begins the path itself
    /// (<see cref="RunResult.BeginPath"/>), as <see cref="Runner.Running.PathRunner"/> and the Monte Carlo engine rely
    /// on: no <see cref="RunResult.Reset"/> first, which cleared every buffer and made the reference about 10% slower
    /// than what the runner runs (so its ratio to the runner looked smaller).</summary>
    public int Run()
    {
        Program.Run(After, Result);
        return Result.PeriodsRun;
    }

    public void Dispose() => host.Dispose();

    // The scenario at other numbers: market rent deflating 0.1% more a year, and each value that deflates too.
    static ScenarioSpec Moved(ScenarioSpec s) => s with
    {
        Name = s.Name + "~",
        MarketRentDeflation = s.MarketRentDeflation + 0.001,
        FacilityStress = [.. s.FacilityStress.Select(v => v.DeflatePerYear == 0 ? v : v with { DeflatePerYear = v.DeflatePerYear + 0.001 })],
    };
}
