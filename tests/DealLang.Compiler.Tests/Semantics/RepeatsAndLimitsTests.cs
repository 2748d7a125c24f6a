using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>What used to be accepted without a word (issue "Reliability and security", item 8): an item paid twice
/// on one path, an account named twice after 'using', a negative coupon or account rate, a scenario called 'all'.</summary>
public sealed class RepeatsAndLimitsTests
{
    private const string Extra = "  fee Trustee { 50k per year }\n  trigger Sweep when Notes.balance > 0 => trap\n  account Dsra { target 10m }";

    private static IReadOnlyList<Diagnostic> Warnings(string waterfall) =>
        [.. Analyze(Deal(Extra, waterfall)).Diagnostics.Where(d => d.Code is "DL0450" or "DL0451")];

    [Fact]
    public void AnItemPaidTwiceOnOnePathIsAWarningAtTheSecond()
    {
        var warnings = Warnings("pay Notes.interest\n    pay Notes.principal\n    pay Notes.interest\n    distribute rest to Eq");

        Diagnostic d = Assert.Single(warnings);
        Assert.Equal(Severity.Warning, d.Severity);
        At(d, 15, 9);
        Assert.Equal("'Notes.interest' is already paid at line 13 on this path through the waterfall; remove one of the two steps", d.Message);
    }

    [Fact]
    public void PrincipalThenBalanceInASweepBranchIsLegitimate()
    {
        Assert.Empty(Warnings("pay Notes.interest\n    pay Notes.principal\n    if Sweep { pay Notes.balance } else { fill Dsra }\n    release Dsra\n    distribute rest to Eq"));
    }

    [Fact]
    public void TheTwoBranchesOfAnIfAreDifferentPaths()
    {
        Assert.Empty(Warnings("if Sweep { pay Trustee } else { pay Trustee }\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq"));
    }

    [Fact]
    public void APaymentInABranchAndAgainAfterTheIfIsOnOnePath()
    {
        var warnings = Warnings("if Sweep { pay Trustee }\n    pay Trustee\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq");

        At(Assert.Single(warnings), 14, 9);
    }

    [Fact]
    public void APaymentBeforeTheIfAndAgainInABranchIsOnOnePath()
    {
        var warnings = Warnings("pay Notes.interest\n    if Sweep { if Sweep { pay Notes.interest } }\n    pay Notes.principal\n    distribute rest to Eq");

        Assert.Equal("DL0450", Assert.Single(warnings).Code);
    }

    [Fact]
    public void TheEnforcementWaterfallIsAPathOfItsOwn()
    {
        string extra = Extra + "\n  party P { }\n  default when Notes.interest_shortfall > 0\n"
            + "  enforcement { waterfall { pay Notes.interest  pay Notes.balance  pay Notes.balance  distribute rest to Eq } }";

        var codes = Analyze(Deal(extra)).Diagnostics.Where(d => d.Code == "DL0450").ToList();

        Assert.Single(codes); // the regular waterfall pays Notes.interest too, and is not compared with this one
    }

    [Fact]
    public void AnAccountNamedTwiceAfterUsingIsAWarningAtTheRepeat()
    {
        var warnings = Warnings("pay Notes.interest using Dsra, Dsra\n    pay Notes.principal using Dsra\n    fill Dsra\n    distribute rest to Eq");

        Diagnostic d = Assert.Single(warnings);
        Assert.Equal(("DL0451", Severity.Warning), (d.Code, d.Severity));
        At(d, 13, 36);
    }

    [Theory]
    [InlineData("tranche Notes { balance 100m coupon -5% }", "the coupon of tranche 'Notes' cannot be negative")]
    [InlineData("tranche Notes { balance 100m coupon 5% }\n  account Dsra { earns -1% }", "the interest rate earned by account 'Dsra' cannot be negative")]
    public void ANegativeCouponOrAccountRateIsAnError(string replacement, string message)
    {
        string text = Deal().Replace("tranche Notes { balance 100m coupon 5% }", replacement, StringComparison.Ordinal)
            .Replace("distribute", "release Dsra\n    distribute", StringComparison.Ordinal);
        if (!text.Contains("account Dsra", StringComparison.Ordinal))
        {
            text = text.Replace("    release Dsra\n", "", StringComparison.Ordinal);
        }

        Diagnostic d = Single(Errors(text), "DL0312");
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void AZeroCouponAndAZeroRateAreFine()
    {
        ModelOf(Deal("  account Dsra { earns 0% }", "pay Notes.interest\n    pay Notes.principal\n    release Dsra\n    distribute rest to Eq")
            .Replace("coupon 5%", "coupon 0%", StringComparison.Ordinal));
    }

    [Fact]
    public void AScenarioCalledAllIsAnErrorAtItsName()
    {
        Diagnostic d = Single(Errors(Deal(scenarios: "scenario all for D { }")), "DL0520");

        At(d, 16, 10);
    }

    [Fact]
    public void AScenarioCalledAllOfItIsFine()
    {
        ModelOf(Deal(scenarios: "scenario All for D { }\nscenario all_in for D { }"));
    }
}
