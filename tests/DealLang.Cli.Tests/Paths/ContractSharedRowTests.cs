using DealLang.Compiler;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Paths;

/// <summary>
/// A contract's rows that a path leaves as the deal has them (no customer default: its term, prepayment and renewal
/// rows; no re-let: zeros) are shared read-only (PathInputs.ShareContractRow, ContractPlan) rather than worked out per
/// path; a path whose customer defaults writes the buffers' own rows, never the shared ones; the re-let rows are kept
/// per set of buffers (the path memo); a contract's eight rows are shared in one call (PathInputs.ShareContractRows). The
/// numbers are the same either way (PathSourceEquivalenceTests).
/// </summary>
public sealed class ContractSharedRowTests
{
    [Fact]
    public void AnUnchangedContractRowIsSharedAndADefaultWritesTheBuffersOwnRow()
    {
        var compiled = DealCompiler.Compile("coreweave-ddtl2.deal", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "coreweave-ddtl2.deal")),
            new Compiler.Emit.CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = Runner.Hosting.DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioSpec Scenario(string name) => compiled.Model!.Scenarios.Single(s => s.Name == name);

        // Base (every contract re-let, nobody defaults), FireSale (both customers default, Lab1 not re-let), Base again.
        var source = new ScenarioPaths(new DealPaths(deal), [Scenario("Base"), Scenario("FireSale"), Scenario("Base")]);
        var first = new PathInputs(deal);
        var second = new PathInputs(deal);
        double[] ownTerm = first.ContractTermYears[0];
        source.Fill(0, first);
        source.Fill(0, second);

        // The deal's term row, the same array in both sets; the re-let rows are each set's memo's, equal.
        Assert.Same(first.ContractTermYears[0], second.ContractTermYears[0]);
        Assert.NotSame(ownTerm, first.ContractTermYears[0]);
        Assert.Same(first.Series[first.Layout.IndexOf(InputQuantity.ContractTermYears, 0)], first.ContractTermYears[0]);
        Assert.NotSame(first.ContractReletYears[0], second.ContractReletYears[0]);
        Assert.Equal(first.ContractReletYears[0], second.ContractReletYears[0]);
        Assert.Contains(first.ContractReletYears[0], y => y > 0);
        double[] shared = first.ContractTermYears[0];
        double[] before = [.. shared];
        double[] baseRelet = [.. first.ContractReletYears[3]];

        // Microsoft defaults on 2026-06-30: the first set writes its own term row, cut at the default; the shared row,
        // which the second set still reads, is untouched. Lab1 is not re-let: its re-let rows are zeros.
        source.Fill(1, first);
        Assert.Same(ownTerm, first.ContractTermYears[0]);
        Assert.Same(ownTerm, first.Series[first.Layout.IndexOf(InputQuantity.ContractTermYears, 0)]);
        Assert.Equal(before, shared);
        Assert.Same(shared, second.ContractTermYears[0]);
        Assert.NotEqual(before, first.ContractTermYears[0]);
        Assert.All(first.ContractReletYears[3], y => Assert.Equal(0.0, y));

        // Base again: the shared row back, and the re-let rows worked out again to Base's numbers.
        source.Fill(2, first);
        Assert.Same(shared, first.ContractTermYears[0]);
        Assert.Equal(baseRelet, first.ContractReletYears[3]);
        for (int s = 0; s < first.Series.Length; s++)
        {
            Assert.Equal(second.Series[s], first.Series[s]);
        }
    }

    [Fact]
    public void OnlyAContractsRowsOfTheDealsLengthCanBeShared()
    {
        var compiled = DealCompiler.Compile("coreweave-ddtl2.deal", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "coreweave-ddtl2.deal")),
            new Compiler.Emit.CompileOptions { UseDiskCache = false });
        using var host = Runner.Hosting.DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        var inputs = new PathInputs(host.Program.Description);
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.ShareContractRow(InputQuantity.IndexLevel, 0, new double[inputs.Series[0].Length]));
        Assert.Throws<ArgumentException>(() => inputs.ShareContractRow(InputQuantity.ContractTermYears, 0, new double[1]));

        // A contract past the deal's four: refused, and the slot after the last contract's (another quantity's) untouched.
        // The slot is the quantity's first plus the contract, so only the view's length stands between a wrong contract
        // number and a neighbour's row.
        int contracts = host.Program.Description.Contracts.Length;
        int next = inputs.Layout.IndexOf(InputQuantity.ContractTermYears, contracts - 1) + 1;
        double[] neighbour = inputs.Series[next];
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.ShareContractRow(InputQuantity.ContractTermYears, contracts, new double[inputs.Series[0].Length]));
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.OwnContractRow(InputQuantity.ContractTermYears, contracts));
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.ShareLeaseRent(-1, new double[inputs.Series[0].Length]));
        Assert.Same(neighbour, inputs.Series[next]);
    }

    [Fact]
    public void AContractsEightRowsSharedInOneCallAreEachInItsSlotAndView()
    {
        var compiled = DealCompiler.Compile("coreweave-ddtl2.deal", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "coreweave-ddtl2.deal")),
            new Compiler.Emit.CompileOptions { UseDiskCache = false });
        using var host = Runner.Hosting.DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        var inputs = new PathInputs(host.Program.Description);
        int n = inputs.Series[0].Length, contracts = host.Program.Description.Contracts.Length;
        double[][] before = [.. inputs.Series];

        // Contract 2's rows, each a distinct array: each lands in its quantity's slot for contract 2 and in that
        // quantity's view, and no other slot moves.
        var set = new ContractRowSet();
        double[][] rows = [.. Enumerable.Range(0, ContractRowSet.Count).Select(k => new double[n])];
        for (int k = 0; k < ContractRowSet.Count; k++)
        {
            set[k] = rows[k];
        }

        inputs.ShareContractRows(2, set);
        double[][][] views = [inputs.ContractTermination, inputs.ContractTermYears, inputs.ContractPrepaid, inputs.ContractBroken,
            inputs.ContractRenewalYears, inputs.ContractRenewalLive, inputs.ContractReletYears, inputs.ContractReletLive];
        var moved = new HashSet<int>();
        for (int k = 0; k < ContractRowSet.Count; k++)
        {
            int slot = inputs.Layout.IndexOf(ContractRowSet.Quantities[k], 2);
            moved.Add(slot);
            Assert.Same(rows[k], inputs.Series[slot]);
            Assert.Same(rows[k], views[k][2]);
        }

        Assert.Equal(ContractRowSet.Count, moved.Count);
        for (int s = 0; s < before.Length; s++)
        {
            if (!moved.Contains(s))
            {
                Assert.Same(before[s], inputs.Series[s]);
            }
        }

        // The same checks as one row's share: a contract past the deal's, a row of another length, a missing row.
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.ShareContractRows(contracts, set));
        set[ContractRowSet.Broken] = new double[n + 1];
        Assert.Throws<ArgumentException>(() => inputs.ShareContractRows(0, set));
        set[ContractRowSet.Broken] = null!;
        Assert.Throws<ArgumentNullException>(() => inputs.ShareContractRows(1, set));
    }
}
