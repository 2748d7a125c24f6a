using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>What the loan's component writes: the obligor's default flag read as a path input, the one array of
/// level weights shared with a tranche (declared before either entity's sums read it), the loan's ledger columns, and
/// its description record.</summary>
public sealed class LoanComponentTests
{
    private static string Source(string extra, string tranche = "")
    {
        string text = Deal("  party Miner { recovery 30% }\n" + extra);
        if (tranche.Length > 0)
        {
            text = text.Replace("tranche Notes { balance 100m coupon 5% }", tranche, StringComparison.Ordinal);
        }

        var result = DealCompiler.Compile("test.deal", text);
        Assert.True(result.Compiled is not null, string.Join("\n", result.Diagnostics));
        return result.Emitted!.Source;
    }

    [Fact]
    public void TheObligorsDefaultFlagIsAPathInput()
    {
        string source = Source("  loan L { obligor Miner  balance 10m  coupon 8%  maturity 2029-01-01 }");

        Assert.Contains("bool[] party_Miner_defaulted = input.Flags[0];", source, StringComparison.Ordinal);
        Assert.Contains("if (!loan_L_defaulted && party_Miner_defaulted[t] && loan_L_balance > 0.0)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelLoanAndALevelTrancheShareOneArrayOfWeightsDeclaredFirst()
    {
        string source = Source(
            "  loan L { obligor Miner  balance 10m  coupon 8%  amortize level  maturity 2029-01-01 }",
            tranche: "tranche Notes { balance 100m coupon 5% amortize level }");

        int declared = source.IndexOf("private static readonly double[] LevelWeights =", StringComparison.Ordinal);
        Assert.True(declared >= 0);
        Assert.Equal(declared, source.LastIndexOf("private static readonly double[] LevelWeights =", StringComparison.Ordinal));
        Assert.True(declared < source.IndexOf("loan_L_levelSums = Annuity.LevelSums(", StringComparison.Ordinal));
        Assert.True(declared < source.IndexOf("tranche_Notes_levelSums = Annuity.LevelSums(", StringComparison.Ordinal));
    }

    [Fact]
    public void ALevelTrancheAloneStillDeclaresTheWeights()
    {
        string source = Source(
            "  loan L { obligor Miner  balance 10m  coupon 8%  amortize linear  maturity 2029-01-01 }",
            tranche: "tranche Notes { balance 100m coupon 5% amortize level }");

        Assert.Single(source.Split("private static readonly double[] LevelWeights =").Skip(1));
        Assert.Contains("Annuity.LinearPrincipal(loan_L_balance, loan_L_maturityPeriod - t + 1)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLedgerAndTheDescriptionShowTheLoan()
    {
        string source = Source("  loan L { obligor Miner  balance 10m  coupon 8%  maturity 2029-01-01  recovery 40% }");

        foreach (string column in new[] { "interest L", "principal L", "recovery L", "L balance" })
        {
            Assert.Contains("\"" + column + "\"", source, StringComparison.Ordinal);
        }

        Assert.Contains("new LoanInfo(\"L\", 0, 10000000.0, 0.08, new Date(2029, 1, 1), \"bullet\", 0.4)", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amortize level")]
    [InlineData("amortize linear  interest_only until 2026-06-30")]
    [InlineData("amortize schedule { 2026-01-01 4m, 2027-01-01 6m }")]
    [InlineData("amortize bullet")]
    public void TheLoopStaysFreeOfAllocationsWithALoan(string amortize)
    {
        string loop = EmittedSourceTests.LoopBody(Source(
            "  loan L { obligor Miner  balance 10m  coupon 8%  " + amortize + "  maturity 2029-01-01 }\n  test Lost = L.loss + L.recovery"));

        // The same list as EmittedSourceTests' check on Hyperion.
        foreach (string forbidden in new[] { "new ", "=>", "$\"", ".ToString(", "List<", "Dictionary<", "Linq", "object" })
        {
            Assert.DoesNotContain(forbidden, loop, StringComparison.Ordinal);
        }

        Assert.Contains("loan_L_principal", loop, StringComparison.Ordinal);
        Assert.Contains("result_LoanInterest_0[t] = loan_L_interest;", loop, StringComparison.Ordinal); // the summary's figures too (the result's row, read before the loop)
    }

    [Fact]
    public void TheLossIsALocalOnlyWhenRead()
    {
        const string loan = "  loan L { obligor Miner  balance 10m  coupon 8%  maturity 2029-01-01 }";

        Assert.DoesNotContain("loan_L_loss", Source(loan), StringComparison.Ordinal);
        Assert.Contains("loan_L_loss = loan_L_balance - loan_L_recovery;", Source(loan + "\n  test Lost = L.loss"), StringComparison.Ordinal);
    }
}
