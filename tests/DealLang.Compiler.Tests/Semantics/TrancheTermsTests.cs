using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A tranche's credit terms through the checker and the lowering: floating coupons and what they may read, PIK,
/// issue price, delayed draws, step-ups, margin grids and target balances. Line numbers: extra starts on line 9.</summary>
public sealed class TrancheTermsTests
{
    private static string Tranche(string items) => "  facility Campus { cost 200m  value straight_line 10y }\n  tranche B { " + items + " }";

    private const string PaysBoth = "pay Notes.interest\n    pay B.interest\n    pay Notes.principal\n    pay B.principal\n    distribute rest to Eq";

    private static TrancheModel Lowered(string items, string more = "") => ModelOf(Deal(Tranche(items) + more, PaysBoth)).Tranches[1];

    [Fact]
    public void ACouponReadingDealStateFloatsAndAConstantOneIsFixedAndClamped()
    {
        var floating = Assert.IsType<FloatingCoupon>(Lowered("balance 10m  coupon 2% + 10% * (B.balance / Campus.value) floor 5% cap 9%").Coupon);
        Assert.Equal((0.05, 0.09), (floating.Floor, floating.Cap));
        Assert.True(double.IsNaN(floating.HeadlineRate));

        // A constant coupon below its floor is the floor, once, at compile time.
        Assert.Equal(0.05, Assert.IsType<FixedCoupon>(Lowered("balance 10m  coupon 3% floor 5%").Coupon).Rate);
    }

    [Theory]
    [InlineData("cfads")]
    [InlineData("B.interest")]
    [InlineData("Notes.coupon")]
    public void AFloatingCouponReadsOnlyWhatIsKnownAtThePeriodsStart(string read)
    {
        Diagnostic d = Single(Errors(Deal(Tranche($"balance 10m  coupon 5% + 1% * ({read} / 10m)"))), "DL0210");
        Assert.Contains("the coupon of tranche 'B' cannot read", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PikSharesAndTogglesAreCheckedAndLowered()
    {
        var pik = Assert.IsType<PaidInKind>(Lowered("balance 10m  coupon 8%  pik 40% when Notes.balance > 50m").Capitalisation);
        Assert.Equal(0.4, pik.Share);
        Assert.NotNull(pik.When);
        Assert.Equal(1.0, Assert.IsType<PaidInKind>(Lowered("balance 10m  coupon 8%  pik").Capitalisation).Share);
        Assert.IsType<CashInterest>(Lowered("balance 10m  coupon 8%").Capitalisation);

        Single(Errors(Deal(Tranche("balance 10m  coupon 8%  pik 150%"))), "DL0307");
        Diagnostic toggle = Single(Errors(Deal(Tranche("balance 10m  coupon 8%  pik when Dscr < 1.2") + "\n  test Dscr = cfads / debt_service")), "DL0210");
        Assert.Contains("the PIK condition of tranche 'B'", toggle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADelayedDrawLowersItsDrawsIntoTheirPeriods()
    {
        // Annual periods from 2025-01-01: a draw on 2026-06-30 lands in period 1 (2026-01-01 .. 2027-01-01].
        TrancheModel b = Lowered("commitment 50m  balance 10m  available until 2027-06-30  draws { 2026-06-30 15m  2027-01-01 5m }  commitment_fee 0.5%  coupon 8%");
        var draw = Assert.IsType<DelayedDraw>(b.Draw);
        Assert.Equal(50e6, draw.Commitment);
        Assert.Equal(20e6, draw.Draws[1], 1e-6); // 2027-01-01 closes period 1 too: 15m + 5m there
        Assert.Equal(0.0, draw.Draws[2]);
        Assert.Equal(2, draw.AvailableUntilPeriod);
        Assert.Equal(0.005, draw.FeeRate);
        Assert.Equal(10e6, b.Balance);
    }

    [Fact]
    public void DelayedDrawMistakesAreReportedWhereTheyAre()
    {
        At(Single(Errors(Deal(Tranche("commitment 50m  available until 2026-01-01  draws { 2026-06-30 15m }  coupon 8%"))), "DL0483"), 10, 67);
        Single(Errors(Deal(Tranche("commitment 20m  balance 10m  draws { 2026-06-30 15m }  coupon 8%"))), "DL0484");
        Single(Errors(Deal(Tranche("balance 10m  draws { 2026-06-30 15m }  coupon 8%"))), "DL0485");
        Single(Errors(Deal(Tranche("balance 10m  coupon 8%"), "pay B.commitment_fee\n    pay Notes.interest\n    pay B.interest\n    pay Notes.principal\n    pay B.principal\n    distribute rest to Eq")), "DL0485");
        Single(Errors(Deal(Tranche("balance 10m  coupon 8%  issue_price 250%"))), "DL0482");
    }

    [Fact]
    public void StepUpsAndGridsMakeTheCouponVaryAndCannotAmortiseLevel()
    {
        var coupon = Assert.IsType<FloatingCoupon>(Lowered("balance 10m  coupon 8%  step_up 1% from 2027-01-01  step_up 2% while Trap",
            "\n  trigger Trap when Notes.balance > 1bn => trap\n  account Held").Coupon);
        Assert.Equal(8.0 / 100, coupon.HeadlineRate, 1e-15); // constant before its step-ups
        Assert.Equal(2, coupon.StepUps[0].FirstPeriod); // the first period starting on or after 2027-01-01
        Assert.Equal(0, coupon.StepUps[1].Trigger);
        Single(Errors(Deal(Tranche("balance 10m  coupon 8%  step_up 1% from 2027-01-01  amortize level"))), "DL0481");

        var grid = Assert.IsType<FloatingCoupon>(Lowered("balance 10m  coupon 1%  margin grid Ltv { below 50% 5%  below 0.7x 6%  else 7% }",
            "\n  test Ltv = B.balance / Campus.value").Coupon).Grid!;
        Assert.Equal(new[] { new GridTier(0.5, 0.05), new GridTier(0.7, 0.06) }, grid.Tiers.ToArray());
        Assert.Equal(0.07, grid.Else);
        Single(Errors(Deal(Tranche("balance 10m  coupon 1%  margin grid Notes { below 50% 5%  else 7% }"))), "DL0205");
    }

    [Fact]
    public void ATargetBalanceIsAnAmountKnownAtThePeriodsStart()
    {
        Assert.NotNull(Lowered("balance 10m  coupon 8%  target_balance 70% of Campus.value").TargetBalance);
        Single(Errors(Deal(Tranche("balance 10m  coupon 8%  target_balance 70%"))), "DL0302");
        Single(Errors(Deal(Tranche("balance 10m  coupon 8%  target_balance collections"))), "DL0210");
    }
}
