using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A loan's scheduled principal (LoanRules, docs/language.md "loan"): a schedule of amounts takes at most the
/// balance (DL0446). Line numbers: the harness's deal (annual) puts the party on line 9, the loan on line 10.</summary>
public sealed class LoanAmortizationRulesTests
{
    private const string Complete = "obligor Miner  balance 400m  coupon 11% fixed  maturity 2029-01-01";

    private static string Loan(string items) => "  party Miner { recovery 30% }\n  loan L { " + Complete + "  " + items + " }";

    // The column of the amortisation's kind ('schedule'), where DL0435 and DL0446 point.
    private static readonly int AmortizationColumn = ("  loan L { " + Complete + "  amortize ").Length + 1;

    [Fact]
    public void AScheduleOfAmountsAboveTheBalanceIsRefusedAtTheSchedule()
    {
        // 100m + 150m + 160m = 410m > 400m.
        Diagnostic d = Single(Errors(Deal(Loan("amortize schedule { 2026-01-01 100m  2027-01-01 150m  2028-01-01 160m }"))), "DL0446");

        At(d, 10, AmortizationColumn);
        Assert.Contains("add up to 410,000,000, more than its balance of 400,000,000", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amortize schedule { 2026-01-01 100m  2027-01-01 150m  2028-01-01 150m }")] // the whole balance
    [InlineData("amortize schedule { 2026-01-01 100m }")] // the 300m left is due at the maturity
    public void AScheduleOfAmountsUpToTheBalanceIsValid(string amortize) =>
        ModelOf(Deal(Loan(amortize)));
}
