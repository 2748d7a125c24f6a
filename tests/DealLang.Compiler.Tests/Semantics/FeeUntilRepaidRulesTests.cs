using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Tests.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A fee's <c>until repaid</c> (docs/language.md "fee"): read in both forms, lowered to <see cref="FeeModel.UntilRepaid"/>;
/// written twice, DL0105 at the copy; in a deal without a tranche, where there is no debt to repay, the warning DL0593.
/// The fee's figures are checked by hand in FeeUntilRepaidTests (tests/DealLang.Cli.Tests/Corrections).
/// </summary>
public sealed class FeeUntilRepaidRulesTests
{
    private static string Fee(string fee) => Deal($"  fee F {{ {fee} }}", "pay F\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq");

    [Theory]
    [InlineData("1m per year until repaid", false)]
    [InlineData("1m per year escalating 2% per year until repaid", false)]
    [InlineData("2% of collections until repaid", true)]
    public void BothFormsTakeIt(string fee, bool perPeriod)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Fee(fee));
        Assert.Empty(diagnostics);
        FeeModel lowered = Assert.Single(model!.Fees);
        Assert.True(lowered.UntilRepaid);
        Assert.Equal(perPeriod, lowered.PerPeriod);
    }

    [Fact]
    public void AFeeWithoutItRunsToTheMaturity() =>
        Assert.False(Assert.Single(ModelOf(Fee("1m per year")).Fees).UntilRepaid);

    [Fact]
    public void WrittenTwiceItIsReportedAtTheCopy()
    {
        (_, var diagnostics) = ParseHelper.Parse(Fee("1m per year until repaid until repaid"));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0105", d.Code);
        Assert.Equal("'until repaid' is given twice in fee 'F' (first at line 9)", d.Message);
        Assert.Equal((9, 36), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void RepaidMayStillBeAName()
    {
        // 'repaid' is a keyword only after 'until' in a fee: an account may be called so, as 'arrears' may.
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  account repaid { target 1m }",
            "pay Notes.interest\n    pay Notes.principal\n    fill repaid\n    release repaid\n    distribute rest to Eq"));
        Assert.Empty(diagnostics);
        Assert.Equal("repaid", Assert.Single(model!.Accounts).Name);
    }

    [Fact]
    public void InADealWithoutATrancheItIsAWarningAtTheTerm()
    {
        const string source = """
            deal Colo {
              currency USD
              closing 2025-01-01
              maturity 2030-01-01
              pay annual
              daycount 30/360
              equity Eq { contributed 10m }
              fee Trustee { 1m per year until repaid }
              waterfall {
                pay Trustee
                distribute rest to Eq
              }
            }
            """;
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(source);
        Assert.NotNull(model);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0593", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(
            "fee 'Trustee' is 'until repaid', but deal 'Colo' has no tranche, so there is no debt to repay and the fee never stops; remove 'until repaid', or declare the tranche whose repayment ends it",
            d.Message);
        At(d, 8, 29);
    }
}
