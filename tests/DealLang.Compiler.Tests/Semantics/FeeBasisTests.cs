using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Tests.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A fee is either annual ('per year': a fixed amount or a share of a balance or value, scaled by the year fraction)
/// or per period (no 'per year': a share of a per-period flow). '2% of collections per year' mixes the two (DL0316);
/// a per-period fee that is not a share of a flow would depend on the pay frequency (DL0317). Messages from the
/// catalogue's wording.
/// </summary>
public sealed class FeeBasisTests
{
    private static string Fee(string fee) => Deal($"  fee F {{ {fee} }}", "pay F\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq");

    [Fact]
    public void APerPeriodShareOfAFlowLowersWithoutAYearFraction()
    {
        FeeModel fee = Assert.Single(ModelOf(Fee("2% of collections")).Fees);
        Assert.True(fee.PerPeriod);
        Assert.False(Assert.Single(ModelOf(Fee("1% of Notes.balance per year")).Fees).PerPeriod);
    }

    [Fact]
    public void AShareOfAFlowPerYearIsReportedWithTheFormToWrite()
    {
        Diagnostic d = Single(Errors(Fee("2% of collections per year")), "DL0316");
        Assert.Equal(
            "fee 'F' takes '2% of collections', which reads a flow that is already per period, so 'per year' would also scale it by the period's year fraction; write 'fee F { 2% of collections }' to take a share of each period's flow, or base an annual fee on a balance or value",
            d.Message);
        At(d, 9, 11);
    }

    [Fact]
    public void AnAnnualAmountThatOnlyPartlyReadsAFlowIsReportedToo() =>
        Assert.Contains("write 'fee F { 2% of collections }'", Single(Errors(Fee("max(1m, 1% of collections) per year")), "DL0316").Message);

    [Theory]
    [InlineData("1m")]
    [InlineData("1% of Notes.balance")]
    [InlineData("1% of collections + 1m")]
    public void APerPeriodFeeMustBeAShareOfAFlow(string amount) =>
        Assert.Equal(
            $"fee 'F' has no 'per year', so '{amount}' would be taken every period, whatever the period's length; write '{amount} per year', or a share of a per-period flow such as '2% of collections'",
            Single(Errors(Fee(amount)), "DL0317").Message);

    [Fact]
    public void AnEscalatorOnAPerPeriodFeeIsOneSyntaxErrorAndTheDealAfterItIsRead()
    {
        (_, var diagnostics) = ParseHelper.Parse(Fee("2% of collections escalating 2% per year"));
        Assert.Equal("unexpected 'escalating'; expected one of: '}', 'until', 'per'", Assert.Single(diagnostics).Message);
    }
}
