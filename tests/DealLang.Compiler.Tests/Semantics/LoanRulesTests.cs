using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>The loan's semantic rules (LoanRules): what its members read and in which unit, its required items,
/// its obligor, its dates and its recovery. Line numbers: the harness's deal puts the first extra line on line 9.</summary>
public sealed class LoanRulesTests
{
    private const string Party = "  party Miner { recovery 30% }\n";

    private static string Loan(string items) => Party + "  loan L { " + items + " }";

    private const string Complete = "obligor Miner  balance 400m  coupon 11% fixed  maturity 2029-01-01";

    [Theory]
    [InlineData("L.balance", Quantity.LoanBalance, Unit.Money)]
    [InlineData("L.interest", Quantity.LoanInterest, Unit.Money)]
    [InlineData("L.principal", Quantity.LoanPrincipal, Unit.Money)]
    [InlineData("L.recovery", Quantity.LoanRecovery, Unit.Money)]
    [InlineData("L.loss", Quantity.LoanLoss, Unit.Money)]
    [InlineData("L.coupon", Quantity.LoanCoupon, Unit.Rate)]
    public void MembersReadTheLoansState(string reference, Quantity quantity, Unit unit)
    {
        var read = Assert.IsType<QuantityExpression>(TestExpression(reference, Loan(Complete)));

        Assert.Equal((quantity, 0, unit), (read.Quantity, read.Index, read.Unit));
    }

    [Fact]
    public void DefaultedIsACondition()
    {
        DealModel model = ModelOf(Deal(Loan(Complete) + "\n  trigger Down when L.defaulted => trap"));

        var read = Assert.IsType<QuantityExpression>(model.Triggers[0].Condition);
        Assert.Equal((Quantity.LoanDefaulted, Unit.Bool), (read.Quantity, read.Unit));
    }

    [Fact]
    public void ATestMaySumALoansFlowsOverATrailingWindow()
    {
        DealModel model = ModelOf(Deal(Loan(Complete) + "\n  test Received = L.interest + L.principal over trailing 2y"));

        Assert.Equal(2, model.Tests[0].TrailingPeriods);
    }

    [Fact]
    public void EachRequiredItemIsReportedAtTheLoansName()
    {
        IReadOnlyList<Diagnostic> errors = Errors(Deal(Loan("")));

        Assert.Equal(4, errors.Count(d => d.Code == "DL0408"));
        Assert.All(errors, d => At(d, 10, 8));
        Assert.Contains(errors, d => d.Message.Contains("needs an obligor", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Message.Contains("needs a maturity", StringComparison.Ordinal));
    }

    [Fact]
    public void TheObligorMustBeAParty()
    {
        Diagnostic d = Single(Errors(Deal(Loan(Complete.Replace("obligor Miner", "obligor Notes", StringComparison.Ordinal)))), "DL0205");

        At(d, 10, 20);
        Assert.Contains("the obligor of loan 'L' must be a party", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndeclaredObligorGetsADidYouMean()
    {
        Diagnostic d = Single(Errors(Deal(Loan(Complete.Replace("obligor Miner", "obligor Minor", StringComparison.Ordinal)))), "DL0202");

        Assert.Contains("Miner", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2031-01-01")] // after the deal's maturity, 2030-01-01
    [InlineData("2025-01-01")] // on the closing
    public void TheMaturityIsAfterClosingAndWithinTheDeal(string maturity)
    {
        Diagnostic d = Single(Errors(Deal(Loan(Complete.Replace("2029-01-01", maturity, StringComparison.Ordinal)))), "DL0417");

        Assert.Contains("the maturity of loan 'L'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInterestOnlyEndIsWithinTheLoan()
    {
        Diagnostic d = Single(Errors(Deal(Loan(Complete + "  interest_only until 2029-06-30"))), "DL0417");

        Assert.Contains("not after the loan's maturity (2029-01-01)", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recovery 140%", "DL0307")]
    [InlineData("recovery -5%", "DL0307")]
    [InlineData("recovery 40m", "DL0302")]
    public void TheRecoveryIsAFraction(string recovery, string code)
    {
        Single(Errors(Deal(Loan(Complete + "  " + recovery))), code);
    }

    [Theory]
    [InlineData("balance 400m", "balance 4%", "DL0302")]
    [InlineData("balance 400m", "balance -4m", "DL0312")]
    [InlineData("coupon 11% fixed", "coupon 11m", "DL0302")]
    [InlineData("coupon 11% fixed", "coupon -1%", "DL0312")]
    public void BalanceAndCouponHaveTheirUnitsAndSigns(string item, string wrong, string code)
    {
        Single(Errors(Deal(Loan(Complete.Replace(item, wrong, StringComparison.Ordinal)))), code);
    }

    [Fact]
    public void ALoanIsCollateralEnforcementCanSell()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(Loan(Complete) + "\n  default when Notes.interest_shortfall > 0\n  enforcement { sell L haircut 10%  waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Eq } }"));

        Assert.NotNull(model);
        Assert.Empty(diagnostics);
        Assert.Equal(new CollateralRef(CollateralKind.Loan, 0), Assert.Single(Assert.Single(model!.Enforcement!.Sales).Collateral));
    }

    [Fact]
    public void ALoanNoSaleSellsIsAWarningOnlyWhenEnforcementSellsSomething()
    {
        // A run ends with the last sale: a loan left out keeps its balance then (DL0471, at the loan's name).
        string withFacility = Party.Replace("\n", "\n  facility F { cost 1bn value straight_line 30y }\n", StringComparison.Ordinal);
        string deal = Deal(withFacility + "  loan L { " + Complete + " }" + "\n  default when Notes.interest_shortfall > 0\n  enforcement { sell F haircut 10% }");
        Diagnostic d = Single(Analyze(deal).Diagnostics, "DL0471");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.StartsWith("loan 'L' is sold by no enforcement sale", d.Message, StringComparison.Ordinal);

        // Without any sale the run never ends early, so there is nothing to warn about.
        Assert.DoesNotContain(Analyze(Deal(Loan(Complete))).Diagnostics, x => x.Code == "DL0471");
    }
}
