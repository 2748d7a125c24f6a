using DealLang.TestSupport;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// A large deal's <c>Run</c> is split (CSharpEmitter.SplitRun.cs: the state in a struct, each phase its methods) so
/// the JIT optimises it. The split shape must compute what the one-method shape computes: for every example and valid corpus deal,
/// under each of its scenarios (or as written), the full ledger and every summary figure, bit for bit, whichever shape is asked for.
/// </summary>
public sealed class SplitRunTests
{
    public static TheoryData<string> Deals() => DealFiles.Runnable();

    [Theory]
    [MemberData(nameof(Deals))]
    public void The_split_shape_computes_what_one_method_computes(string file)
    {
        // Absolute: a chain's imports are read beside it (the deal runs alone here, its holdings receiving nothing).
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file), new CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        AssertSplitComputesTheSame(compiled, file);
    }

    /// <summary>Runs every scenario in both shapes, compares every figure's bits; returns the one-method shape's results.</summary>
    private static List<RunResult> AssertSplitComputesTheSame(CompileResult compiled, string file)
    {
        using var one = Load(CSharpEmitter.Emit(compiled.Model!, RunShape.OneMethod), file);
        var splitSource = CSharpEmitter.Emit(compiled.Model!, RunShape.Split);
        Assert.Contains("private struct PathState", splitSource.Source, StringComparison.Ordinal);
        using var split = Load(splitSource, file);
        DealDescription deal = one.Program.Description;
        var scenarios = compiled.Model!.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(deal)] : compiled.Model.Scenarios.ToArray();
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var inputs = new PathInputs(deal) { CheckCashConservation = true };
        var results = new List<RunResult>();
        for (int i = 0; i < source.Count; i++)
        {
            source.Fill(i, inputs);
            var expected = new RunResult(deal, one.Program.Layout, fullLedger: true);
            var actual = new RunResult(deal, split.Program.Layout, fullLedger: true);
            one.Program.Run(inputs, expected);
            split.Program.Run(inputs, actual);
            Assert.Equal(expected.PeriodsRun, actual.PeriodsRun);
            Assert.Equal(Figures(expected), Figures(actual));
            results.Add(expected);
        }

        return results;
    }

    /// <summary>Hyperion stays one method; a deal of 800 fees is split by itself (Auto), into methods of bounded size
    /// (CSharpEmitter.MethodBudget, 12,000 characters of statements, re-indented here), none of which allocates.</summary>
    [Fact]
    public void Only_a_large_deal_is_split_and_its_methods_are_small()
    {
        var hyperion = DealCompiler.Compile("hyperion.deal", DealFiles.Read("examples/hyperion.deal"), new CompileOptions { UseDiskCache = false });
        Assert.DoesNotContain("PathState", CSharpEmitter.Emit(hyperion.Model!).Source, StringComparison.Ordinal);

        string fees = string.Join('\n', Enumerable.Range(1, 800).Select(i => $"  fee F{i} {{ 1k per year }}"));
        string pays = string.Join('\n', Enumerable.Range(1, 800).Select(i => $"    pay F{i}"));
        string text = "deal Big {\n  currency USD  closing 2026-01-01  maturity 2036-01-01  pay semiannual  daycount 30/360\n"
            + "  party Tenant { }\n  facility Hall { cost 500m  value straight_line 20y }\n"
            + "  lease HallLease on Hall { lessee Tenant  rent 60m per year  starts 2026-01-01  term 10y }\n"
            + "  tranche Notes { balance 300m  coupon 6% fixed  amortize level }\n  equity Owners { contributed 200m }\n"
            + fees + "\n  waterfall {\n" + pays + "\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Owners\n  }\n}\n";
        var big = DealCompiler.Compile("big.deal", text, new CompileOptions { UseDiskCache = false });
        Assert.True(big.Compiled is not null, string.Join('\n', big.Diagnostics));
        string source = CSharpEmitter.Emit(big.Model!).Source;
        Assert.Contains("private struct PathState", source, StringComparison.Ordinal);

        string loop = source[source.IndexOf(CSharpEmitter.LoopBeginMarker, StringComparison.Ordinal)..source.IndexOf(CSharpEmitter.LoopEndMarker, StringComparison.Ordinal)];
        foreach (string forbidden in new[] { "new ", "=>", "$\"", ".ToString(", "List<", "Dictionary<", "object" })
        {
            Assert.DoesNotContain(forbidden, loop, StringComparison.Ordinal);
        }

        string[] methods = loop.Split(["\n        public ", "\n        private void "], StringSplitOptions.None)[1..];
        Assert.True(methods.Length > 10, "expected the 800 fees' phases in several methods, found " + methods.Length);
        Assert.All(methods, m => Assert.True(m.Length < 2 * 12_000, "a PathState method of " + m.Length + " characters:\n" + m[..Math.Min(200, m.Length)]));
    }

    /// <summary>
    /// A deal of many entities of every kind the waterfall steps through (issue 8, target 2: no JIT cliff at 1,000
    /// entities): its regular waterfall is one block, `if (!afterDefault) { … }`, and its enforcement pass another
    /// with the enforcement waterfall inside, each far over a method's budget. They are cut
    /// (CSharpEmitter.SplitBlocks.cs: the condition once into a guard, the steps in guarded blocks of their own), every
    /// PathState method stays within the budget, the constructor zeroes the state at once (not a store per field),
    /// and the split shape computes what one method computes, under a scenario whose default runs the enforcement pass.
    /// At 250 of each kind (and a trigger per test) the regular waterfall had been one method of 141 KB of IL and the
    /// enforcement pass one of 116 KB, both compiled with MinOpts (bench/HISTORY.md, "Session 2026-12-06").
    /// </summary>
    [Fact]
    public void A_guarded_block_too_large_for_one_method_is_cut_and_computes_the_same()
    {
        string text = SyntheticWideDeal.Text(40);
        var compiled = DealCompiler.Compile("wide.deal", text, new CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        string source = CSharpEmitter.Emit(compiled.Model, RunShape.Split).Source;
        Assert.Contains("split_guard1 = (!afterDefault);", source, StringComparison.Ordinal);
        Assert.Contains("= (eventOfDefault);", source, StringComparison.Ordinal);
        Assert.Contains("= (enforcing);", source, StringComparison.Ordinal);
        Assert.Contains("this = default;", source, StringComparison.Ordinal);

        string loop = source[source.IndexOf(CSharpEmitter.LoopBeginMarker, StringComparison.Ordinal)..source.IndexOf(CSharpEmitter.LoopEndMarker, StringComparison.Ordinal)];
        string[] methods = loop.Split(["\n        public ", "\n        private void "], StringSplitOptions.None)[1..];
        Assert.All(methods, m => Assert.True(m.Length < 2 * 12_000, "a PathState method of " + m.Length + " characters:\n" + m[..Math.Min(200, m.Length)]));
        var results = AssertSplitComputesTheSame(compiled, "wide.deal");
        Assert.Equal(-1, results[0].EventOfDefaultPeriod);
        Assert.True(results[1].EventOfDefaultPeriod >= 0 && results[1].SalePeriod > results[1].EventOfDefaultPeriod,
            $"the stress should default and sell: default {results[1].EventOfDefaultPeriod}, sale {results[1].SalePeriod}");
    }

    /// <summary>Every figure of the run, as bits, periods past the run excluded.</summary>
    private static List<long> Figures(RunResult r)
    {
        var bits = new List<long> { r.PeriodsRun, r.EventOfDefaultPeriod, r.SalePeriod, BitConverter.DoubleToInt64Bits(r.SaleProceeds) };
        for (int t = 0; t < r.PeriodsRun; t++)
        {
            for (int c = 0; c < r.Ledger!.GetLength(1); c++)
            {
                bits.Add(BitConverter.DoubleToInt64Bits(r.Ledger[t, c]));
            }

            foreach (double[][] rows in new[] { r.InterestPaid, r.PrincipalPaid, r.TrancheBalance, r.InterestShortfall, r.PrincipalShortfall, r.Distributions, r.AccountBalance, r.TestValues, r.LoanInterest, r.LoanPrincipal, r.LoanRecovery })
            {
                bits.AddRange(rows.Select(row => BitConverter.DoubleToInt64Bits(row[t])));
            }

            bits.AddRange(r.TriggerActive.Select(row => row[t] ? 1L : 0L));
            bits.Add(BitConverter.DoubleToInt64Bits(r.Collections[t]));
        }

        bits.AddRange(r.RvgPaid.Concat(r.PrincipalLoss).Concat(r.UnpaidInterest).Concat(r.LoanLoss).Select(BitConverter.DoubleToInt64Bits));
        bits.AddRange(r.LoanDefaultPeriod.Select(p => (long)p));
        return bits;
    }

    private static DealHost Load(EmittedDeal emitted, string file)
    {
        var bag = new DiagnosticBag();
        var compiled = RoslynCompiler.Compile(emitted, file, bag, new CompileOptions { UseDiskCache = false, UseMemoryCache = false });
        Assert.True(compiled is not null, string.Join('\n', bag.Items) + "\n" + emitted.Source);
        return DealHost.Load(compiled.Image, compiled.TypeName);
    }
}
