using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// Constant terms whose arithmetic leaves the doubles (found by the pipeline fuzzer: a 308-digit balance times 10
/// folded to infinity, and the period loop then made NaN of every payment). Each literal is finite, so DL0107 was
/// never given; now the term that overflows is reported as a number too large, where it is written.
/// </summary>
public sealed class FoldingOverflowTests
{
    private static readonly string Huge = new('9', 308); // about 1e308, just under double.MaxValue

    // The errors only: each 308-digit literal is also a DL0134 warning (money past a cent's precision).
    private static IReadOnlyList<Diagnostic> BalanceErrors(string balance) =>
        [.. Errors(Deal().Replace("balance 100m", "balance " + balance, StringComparison.Ordinal)).Where(d => d.Severity == Severity.Error)];

    [Fact]
    public void AProductPastTheLargestDoubleIsANumberTooLarge()
    {
        var errors = BalanceErrors(Huge + " * 10");

        var error = Single(errors, "DL0107");
        Assert.Single(errors);
        At(error, 7, Deal().Split('\n')[6].IndexOf("balance", StringComparison.Ordinal) + 9); // where the term starts
        Assert.Contains("is too large a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuotientPastTheLargestDoubleIsANumberTooLarge()
    {
        // 1bn / 1e-300 = 1e309.
        Single(BalanceErrors("1bn / 0." + new string('0', 299) + "1"), "DL0107");
    }

    [Fact]
    public void InfinityMinusInfinityIsReportedAtEachOverflowAndNothingElse()
    {
        var errors = BalanceErrors($"{Huge} * 10 - {Huge} * 10");

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("DL0107", e.Code));
    }

    [Fact]
    public void LargeTermsThatStayFiniteStillFold()
    {
        // 1e308 / 10 = 1e307, and 1e154 × 1e154 = 1e308: large, but numbers.
        Assert.Equal(1e307, ModelOf(Deal().Replace("balance 100m", "balance " + Huge + " / 10", StringComparison.Ordinal))
            .Tranches[0].Balance, 1e293);
        string e154 = "1" + new string('0', 154);
        Assert.Equal(1e308, ModelOf(Deal().Replace("balance 100m", $"balance {e154} * {e154}", StringComparison.Ordinal))
            .Tranches[0].Balance, 1e294);
    }
}
