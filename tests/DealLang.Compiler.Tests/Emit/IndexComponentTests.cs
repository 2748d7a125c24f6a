using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>What the index's component writes and what it computes, on Hyperion's hand-built model with two indices
/// (no front end): each level a path input read at the period's start, what an expression reads of it, its ledger
/// measure and its description record; the loop stays free of allocations.</summary>
public sealed class IndexComponentTests
{
    private static readonly IndexModel Sofr = new(
        new IndexInfo("Sofr", 0.043, 0.10, null, [new IndexLaunch(new Date(2030, 1, 1), 0.2)]), Unit.Rate, default);

    private static readonly IndexModel Rent = new(
        new IndexInfo("Rent", 2.35, 0, new IndexPoints(true, [new Date(2027, 1, 1)], [2.1]), []), Unit.Measure, new Dimension(1, -1, -1, 0));

    // X1 = Sofr + 6% (a rate); X2 = 2 x Rent (money per GPU-hour).
    private static DealModel Model() => HyperionModel.Create(extraTests:
    [
        new BinaryExpression(BoundBinaryOperator.Add,
            new QuantityExpression(Quantity.IndexLevel, 0, Unit.Rate, IsFlow: false), new ConstantExpression(0.06, Unit.Rate), Unit.Rate),
        new BinaryExpression(BoundBinaryOperator.Multiply,
            new ConstantExpression(2, Unit.Number), new QuantityExpression(Quantity.IndexLevel, 1, Unit.Measure, IsFlow: false) { Dimension = Rent.Dimension },
            Unit.Measure) { Dimension = Rent.Dimension },
    ]) with { Indices = [Sofr, Rent] };

    [Fact]
    public void TheLevelsAreInputsCopiedAtThePeriodsStartAndReadByName()
    {
        string source = Compiler.Emit.CSharpEmitter.Emit(Model()).Source;

        // Hyperion's series are its facility's value and its lease's rent (slots 0 and 1); the indices follow.
        Assert.Contains("double[] index_Sofr_levels = input.Series[2];", source, StringComparison.Ordinal);
        Assert.Contains("double[] index_Rent_levels = input.Series[3];", source, StringComparison.Ordinal);
        Assert.Contains("index_Sofr_level = index_Sofr_levels[t];", source, StringComparison.Ordinal);
        Assert.Contains("index_Sofr_level + 0.06", source, StringComparison.Ordinal);
        Assert.Contains("new IndexInfo(\"Sofr\", 0.043, 0.1, null, [new IndexLaunch(new Date(2030, 1, 1), 0.2)])", source, StringComparison.Ordinal);
        Assert.Contains("new IndexInfo(\"Rent\", 2.35, 0.0, new IndexPoints(true, [new Date(2027, 1, 1)], [2.1]), [])", source, StringComparison.Ordinal);

        string loop = EmittedSourceTests.LoopBody(source);
        foreach (string forbidden in new[] { "new ", "=>", "$\"", ".ToString(", "List<", "Dictionary<", "Linq", "object" })
        {
            Assert.DoesNotContain(forbidden, loop, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EachPeriodReadsItsInputAndTheLedgerShowsTheLevels()
    {
        using var harness = DealHarness.Load(Model());
        Assert.Equal(2, harness.Description.Indices.Length);
        // The facility's value, the lease's rent, the two indices' levels, and last the lease's termination fee.
        Assert.Equal(5, harness.Program.Inputs.Series.Length);

        var input = harness.Inputs(t => 1.3e9, t => 2.7e10);
        for (int t = 0; t < harness.Description.Periods; t++)
        {
            input.IndexLevel[0][t] = 0.01 + (0.001 * t);
            input.IndexLevel[1][t] = 3.0 - (0.01 * t);
        }

        RunResult result = harness.Run(input);
        int sofr = harness.Column("Sofr"), rent = harness.Column("Rent");
        Assert.Equal(ColumnKind.Rate, harness.Program.Layout.Columns[sofr].Kind);
        Assert.Equal(ColumnKind.Number, harness.Program.Layout.Columns[rent].Kind);
        for (int t = 0; t < result.PeriodsRun; t++)
        {
            // Period t reads its own input: 1% + 0.1% x t and 3.00 − 0.01 x t; X1 = that + 6%, X2 = twice the rent.
            Assert.Equal(0.01 + (0.001 * t), result.Ledger![t, sofr], 15);
            Assert.Equal(3.0 - (0.01 * t), result.Ledger[t, rent], 15);
            Assert.Equal(0.07 + (0.001 * t), result.TestValues[1][t], 12);
            Assert.Equal(2 * (3.0 - (0.01 * t)), result.TestValues[2][t], 12);
        }
    }

    [Fact]
    public void ADealWithoutIndicesDescribesNone()
    {
        string source = Compiler.Emit.CSharpEmitter.Emit(HyperionModel.Create()).Source;

        Assert.Contains("Indices = [],", source, StringComparison.Ordinal);
        Assert.DoesNotContain("index_", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompiledDealWithAnIndexReadsItsLevelInAFee()
    {
        var result = DealCompiler.Compile("test.deal", Deal("  index SOFR { level 4% }\n  fee Floating { SOFR of Notes.balance per year }",
            "pay Floating\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq"));
        Assert.True(result.Compiled is not null, string.Join("\n", result.Diagnostics));

        Assert.Contains("fee_Floating_accrued = (index_SOFR_level * tranche_Notes_startBalance) * yf", result.Emitted!.Source, StringComparison.Ordinal);
    }
}
