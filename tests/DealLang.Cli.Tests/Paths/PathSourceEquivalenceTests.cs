using DealLang.TestSupport;
using CsCheck;
using DealLang.Cli.Tests.Baselines;
using DealLang.Cli.Tests.Properties;
using DealLang.Compiler;
using DealLang.Reference.Paths;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Paths;

/// <summary>
/// The precomputed path source (<see cref="DealPaths"/>, <see cref="ScenarioPaths"/>) against the direct path
/// building it replaced (<see cref="ReferencePathBuilder"/>, the code of cd81aa8): for every example and valid
/// corpus deal, under each of its scenarios and under a set of made-up ones that move every lever, every slot
/// must be the same double, bit for bit. Only the compiler's description is needed, not a compiled program.
/// </summary>
public sealed class PathSourceEquivalenceTests
{
    public static TheoryData<string> Deals() => DealFiles.Runnable();

    [Theory]
    [MemberData(nameof(Deals))]
    public void Every_slot_equals_the_direct_computation_bit_for_bit(string file) => AssertEquivalent(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file)); // absolute: a chain's imports are read beside it

    /// <summary>The same over generated deals (<see cref="DealGen"/>: every construct of the language, stubs,
    /// month ends, leases at market, defaults), as many as the property tests compile.</summary>
    [Fact]
    public void Every_slot_equals_the_direct_computation_for_generated_deals() =>
        DealGen.Valid.Sample(text => AssertEquivalent("generated.deal", text), iter: FuzzIterations.Compiled, print: t => "\n" + t);

    static void AssertEquivalent(string file, string text)
    {
        var options = new Compiler.Emit.CompileOptions { UseDiskCache = false };
        // A generated deal may import the held SPV of its holdings (DealGen.Holdings.cs), which only memory holds.
        var compiled = file == "generated.deal"
            ? DealCompiler.Compile(Compilation.Create(SourceDocument.FromText(file, text), Properties.PipelineInvariants.Held), options)
            : DealCompiler.Compile(file, text, options);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        DealDescription deal = DescriptionOf(compiled.Compiled.Image, compiled.Compiled.TypeName);

        List<ScenarioSpec> scenarios = [.. compiled.Model!.Scenarios, ScenarioSpec.AsWritten(deal), .. MadeUp(deal)];
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var actual = new PathInputs(deal);
        var expected = new PathInputs(deal);
        for (int i = 0; i < source.Count; i++)
        {
            // Fill over the previous path's numbers, as a runner does: nothing may survive from it.
            source.Fill(i, actual);
            if (StochasticPaths.IsStochastic(scenarios[i]))
            {
                // A stochastic scenario runs as its path 0: everything but its drawn index rows is the direct
                // computation at the numbers that path drew (its default dates, deflations); the index rows are the
                // draws themselves, tested against closed forms (StochasticPathsTests), so they are taken as drawn.
                var drawn = new StochasticPaths(deal, scenarios[i], StochasticPaths.DefaultSeed(scenarios[i]), 1);
                var own = new PathInputs(deal);
                drawn.Fill(0, own);
                ReferencePathBuilder.Build(deal, drawn.Drawn(own), expected);
                foreach (FactorSpec factor in scenarios[i].Stochastic!.Factors.Where(f => f.Target == FactorTarget.Index))
                {
                    actual.IndexLevel[factor.Entity].CopyTo(expected.OwnIndexLevel(factor.Entity), 0);
                }

                // A call decided in the run reads the drawn rows (docs/language.md §10, "A call decided in the run").
                if (deal.HasTrancheCalls)
                {
                    ReferencePathBuilder.CallsWhen(deal, scenarios[i], expected);
                }

                expected.Scenario = scenarios[i].Name;
            }
            else
            {
                ReferencePathBuilder.Build(deal, scenarios[i], expected);
            }

            AssertSame(expected, actual, $"{file}, scenario {scenarios[i].Name}");
        }
    }

    /// <summary>Scenarios that move every lever: each renewal count, a lessee default before, inside and after
    /// the leases, value deflation and drops (one dated before the closing), market-rent deflation, sale terms, a party's
    /// workout lag, and each contract lever.</summary>
    static IEnumerable<ScenarioSpec> MadeUp(DealDescription deal)
    {
        int maxRenewals = deal.Leases.Length == 0 ? 0 : deal.Leases.Max(l => l.RenewalCount);
        Date[] dates =
        [
            deal.Closing.AddMonthsClamped(-3), deal.Closing, deal.Boundaries[1], deal.Closing.AddMonthsClamped(17).AddDays(3),
            deal.Boundaries[deal.ScheduledPeriods / 2], deal.Maturity, deal.Maturity.AddMonthsClamped(5),
        ];
        for (int k = 0; k < dates.Length; k++)
        {
            int renewals = maxRenewals == 0 ? 0 : k % (maxRenewals + 1);
            yield return new ScenarioSpec(
                "MadeUp" + k,
                [.. deal.Leases.Select(l => (int?)Math.Min(renewals, l.RenewalCount))],
                [.. deal.Facilities.Select((_, f) => new ValueStress(0.01 * (k + f), 0.1 * k, dates[(k + 2) % dates.Length]))],
                k % 2 == 0 ? 0.0 : 0.02 * k,
                [.. deal.Parties.Select((_, p) => (p + k) % 3 == 0 ? (Date?)dates[k] : null)],
                k % 3 == 0 ? null : 0.1 * k,
                k % 3 == 1 ? 6 * k : null)
            {
                Indices = [.. deal.Indices.Select((index, i) => IndexLevers(index, (k + i) % 5, dates))],
                // Each party in turn: each loan's own lag, or a drawn one of 1 to 120 months (a whole number of periods
                // or not, so both roundings are read).
                PartyWorkoutMonths = [.. deal.Parties.Select((_, p) => (p + k) % 3 == 1 ? (int?)(1 + ((7 * k) + (5 * p)) % 120) : null)],
                // A re-let's ramp and price in turn (they reach only a sale that re-lets): to 90% over 5 months, and 80% of
                // the last index less 0.10.
                // Only of a program that reads them (DealDescription.ShapesSaleRelets; Shapes refuses them of any other).
                // Every fourth path a curve in place of the ramp (docs/language.md §9, "relet-curve"), restating the re-let
                // at its first level, flat, for 6 months.
                EnforcementReletUtilisation = k % 4 == 3 && deal.ShapesSaleRelets ? 0.25 : null,
                EnforcementReletMonths = k % 4 == 3 && deal.ShapesSaleRelets ? 6 : null,
                EnforcementReletCurve = k % 4 == 3 && deal.ShapesSaleRelets ? new ReletCurve([0, 2, 7], [0.25, 0.6, 0.45]) : null,
                EnforcementReletTo = k % 4 == 3 && deal.ShapesSaleRelets ? 0.25 : k % 2 == 1 && deal.ShapesSaleRelets ? 0.9 : null,
                EnforcementReletRampMonths = k % 4 == 3 && deal.ShapesSaleRelets ? 0 : k % 2 == 1 && deal.ShapesSaleRelets ? 5 : null,
                EnforcementReletPrice = k % 3 == 2 && deal.Indices.Length > 0 && deal.ShapesSaleRelets ? new ReletPrice(deal.Indices.Length - 1, 0.8, -0.1) : null,
                // Each contract in turn: as agreed, a utilisation, re-let at once, re-let after a gap with a utilisation
                // ramping to 50% over 9 months (at 80% of the last index less 0.10 on every other path); the last two after
                // as many renewals as it offers, up to the path number.
                Contracts = [.. deal.Contracts.Select((contract, c) => ((k + c) % 4) switch
                {
                    0 => null,
                    1 => new ContractLevers(0.95, false, 0, 0),
                    2 => new ContractLevers(null, true, 0, 0.5) { RenewalsTaken = Math.Min(k, contract.RenewalCount) },
                    // A ramp and a price only of a program that reads them (ContractInfo.ReletShaped); flat for the others.
                    // Or, on every other path, along a curve from 0.8 (docs/language.md §5, "contract-relet-curve").
                    _ when contract.ReletShaped && k % 2 == 1 => new ContractLevers(0.3, true, 7, 0.8)
                    {
                        RenewalsTaken = Math.Min(k, contract.RenewalCount), ReletCurve = new ReletCurve([0, 4, 10], [0.8, 0.4, 0.6]),
                    },
                    _ => contract.ReletShaped
                        ? new ContractLevers(0.3, true, 7, 0.8)
                        {
                            RenewalsTaken = Math.Min(k, contract.RenewalCount), ReletTo = 0.5, ReletRampMonths = 9,
                            ReletPrice = k % 2 == 0 && deal.Indices.Length > 0 ? new ReletPrice(deal.Indices.Length - 1, 0.8, -0.1) : null,
                        }
                        : new ContractLevers(0.3, true, 7, 0.8) { RenewalsTaken = Math.Min(k, contract.RenewalCount) },
                })],
            };
        }
    }

    /// <summary>Each index lever in turn: none, a new level and a shift, a faster drift with interpolated points
    /// (the first before the closing) and an added launch, stepped points after the closing with a negative shift,
    /// and launches alone (one on the closing, one past the horizon).</summary>
    static IndexOverride? IndexLevers(IndexInfo index, int k, Date[] dates) => k switch
    {
        0 => null,
        1 => new IndexOverride(index.Level * 1.25, null, null, [], 0.01),
        2 => new IndexOverride(null, 0.2, new IndexPoints(true, [dates[0], dates[3], dates[5]], [index.Level * 0.9, index.Level * 1.1, index.Level * 0.5]),
            [new IndexLaunch(dates[4], 0.3)], 0),
        3 => new IndexOverride(null, null, new IndexPoints(false, [dates[2], dates[4]], [index.Level * 0.8, index.Level * 0.7]), [], -0.005),
        _ => new IndexOverride(null, 0.05, null, [new IndexLaunch(dates[1], 0.1), new IndexLaunch(dates[6], 0.5)], 0),
    };

    static DealDescription DescriptionOf(byte[] image, string typeName)
    {
        using var host = Runner.Hosting.DealHost.Load(image, typeName);
        return host.Program.Description;
    }

    static void AssertSame(PathInputs expected, PathInputs actual, string where)
    {
        Assert.Equal(expected.Scenario, actual.Scenario);
        for (int s = 0; s < expected.Series.Length; s++)
        {
            for (int t = 0; t < expected.Series[s].Length; t++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected.Series[s][t]) == BitConverter.DoubleToInt64Bits(actual.Series[s][t]),
                    $"{where}: series slot {actual.Layout.Series[s]} period {t}: {actual.Series[s][t]:R}, expected {expected.Series[s][t]:R}");
            }
        }

        for (int s = 0; s < expected.Flags.Length; s++)
        {
            Assert.True(expected.Flags[s].AsSpan().SequenceEqual(actual.Flags[s]), $"{where}: flag slot {actual.Layout.Flags[s]}");
        }

        for (int s = 0; s < expected.Scalars.Length; s++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected.Scalars[s]) == BitConverter.DoubleToInt64Bits(actual.Scalars[s]),
                $"{where}: scalar slot {actual.Layout.Scalars[s]}: {actual.Scalars[s]:R}, expected {expected.Scalars[s]:R}");
        }

        // The re-lets' curves, not numbered slots: the same points, or none on both.
        foreach ((ReletCurve?[] e, ReletCurve?[] a, string kind) in new[] { (expected.SaleReletCurve, actual.SaleReletCurve, "sale"), (expected.ContractReletCurve, actual.ContractReletCurve, "contract") })
        {
            for (int i = 0; i < e.Length; i++)
            {
                Assert.True(e[i] is null ? a[i] is null : e[i]!.SamePoints(a[i]), $"{where}: {kind} {i}'s re-let curve: {a[i]}, expected {e[i]}");
            }
        }
    }
}
