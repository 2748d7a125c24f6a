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
    public static TheoryData<string> Deals()
    {
        var data = new TheoryData<string>();
        foreach (string file in DealFiles.Under("examples").Concat(DealFiles.Under("tests/corpus/valid")))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Deals))]
    public void The_split_shape_computes_what_one_method_computes(string file)
    {
        var compiled = DealCompiler.Compile(file, DealFiles.Read(file), new CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        using var one = Load(CSharpEmitter.Emit(compiled.Model, RunShape.OneMethod), file);
        var splitSource = CSharpEmitter.Emit(compiled.Model, RunShape.Split);
        Assert.Contains("private struct PathState", splitSource.Source, StringComparison.Ordinal);
        using var split = Load(splitSource, file);
        DealDescription deal = one.Program.Description;
        var scenarios = compiled.Model.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(deal)] : compiled.Model.Scenarios.ToArray();
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var inputs = new PathInputs(deal) { CheckCashConservation = true };
        for (int i = 0; i < source.Count; i++)
        {
            source.Fill(i, inputs);
            var expected = new RunResult(deal, one.Program.Layout, fullLedger: true);
            var actual = new RunResult(deal, split.Program.Layout, fullLedger: true);
            one.Program.Run(inputs, expected);
            split.Program.Run(inputs, actual);
            Assert.Equal(expected.PeriodsRun, actual.PeriodsRun);
            Assert.Equal(Figures(expected), Figures(actual));
        }
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
