using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// Draws tied to a fleet's deliveries and the margin by what a draw funds (docs/language.md §5 "tranche"): the funding
/// rule by hand (<see cref="DeliveryFunding"/>), the rating scale, the checks DL0215–DL0219 and DL0477–DL0479, and the
/// lowering into a <see cref="DelayedDraw"/> and a <see cref="FloatingCoupon"/> with class margins.
/// </summary>
public sealed class DeliveryDrawRulesTests
{
    private static readonly Date D1 = new(2026, 2, 15), D2 = new(2026, 5, 15), D3 = new(2026, 8, 15);

    [Fact]
    public void UnitsAreFundedOnceDeliveredAndUnderContractAtTheirOwnBatchesCost()
    {
        // Batches of 2,000 at 30k, 32k, 34k; contracts of 1,500 (IG, from D1), 2,000 (not, from 2026-06-01) and 1,000
        // (IG, from D3); advance 80%.
        // D1: funded min(2,000, 1,500) = 1,500: 80% × 1,500 × 30k = 36m, all IG.
        // D2: min(4,000, 1,500) = 1,500: nothing new.
        // D3: min(6,000, 4,500) = 4,500: units 1,501..4,500 = 500 @30k + 2,000 @32k + 500 @34k = 96m → 76.8m; of them
        //     3,501..4,500 (the IG contract) = 500 @32k + 500 @34k = 33m → 26.4m IG.
        var draws = DeliveryFunding.Draws(
            [new(D1, 2000, 30e3), new(D2, 2000, 32e3), new(D3, 2000, 34e3)],
            [new(D1, 1500, true), new(new Date(2026, 6, 1), 2000, false), new(D3, 1000, true)],
            0.8);
        Assert.Equal(3, draws.Count);
        Assert.Equal((36e6, 36e6), (draws[0].Amount, draws[0].InvestmentGrade));
        Assert.Equal((0.0, 0.0), (draws[1].Amount, draws[1].InvestmentGrade));
        Assert.Equal(76.8e6, draws[2].Amount, 1e-6);
        Assert.Equal(26.4e6, draws[2].InvestmentGrade, 1e-6);
    }

    [Fact]
    public void AContractThatEndedStillCountsAndOneStartingAfterTheLastDeliveryIsNeverFunded()
    {
        // Contracts are stacked by start date whatever their order in the deal: 100 from D2 (declared first) and 300
        // from D1. D1: min(500, 300) = 300 (the D1 contract, not IG): 300 × 10 = 3,000. D2: min(1,000, 400) = 400: 100
        // more, at the first batch's cost (units 301..400 were delivered on D1): 1,000, all IG. A contract from
        // 2027-01-01 comes after the last delivery: never funded.
        var draws = DeliveryFunding.Draws(
            [new(D1, 500, 10), new(D2, 500, 20)],
            [new(D2, 100, true), new(D1, 300, false), new(new Date(2027, 1, 1), 100, true)],
            1.0);
        Assert.Equal((3000.0, 0.0), (draws[0].Amount, draws[0].InvestmentGrade));
        Assert.Equal((1000.0, 1000.0), (draws[1].Amount, draws[1].InvestmentGrade));
    }

    [Theory]
    [InlineData("AAA", true)]
    [InlineData("BBB-", true)]
    [InlineData("Baa3", true)]
    [InlineData(" A2 ", true)]
    [InlineData("BB+", false)]
    [InlineData("Ba1", false)]
    [InlineData("NR", false)]
    [InlineData(null, false)]
    [InlineData("aaa", null)]
    [InlineData("double-A", null)]
    public void RatingsAreReadOnTheAgenciesScales(string? rating, bool? investmentGrade) =>
        Assert.Equal(investmentGrade, CreditRatings.IsInvestmentGrade(rating));

    // A deal with a fleet of two batches and a contract: the tranche's items vary. The fleet declaration starts on
    // line 9 (Deal's extra starts there).
    private static string Fleet(string tranche, string rating = "AA", bool contract = true) =>
        $"  party Big {{ rating \"{rating}\" }}\n"
        + "  fleet Gpus { deliveries { 2025-03-31 1000 gpus at 30k per gpu  2025-09-30 1000 gpus at 30k per gpu }  depreciate straight_line 6y }\n"
        + (contract ? "  contract C on Gpus { customer Big  units 1000 gpus  price 2 per gpu_hour  hours 8760 hours per year  take_or_pay 90%  starts 2025-03-31  term 3y }\n" : "")
        + "  tranche B { " + tranche + " }";

    private const string PaysB = "pay B.commitment_fee\n    pay Notes.interest\n    pay B.interest\n    pay Notes.principal\n    pay B.principal\n    distribute rest to Eq";

    private static TrancheModel Lowered(string tranche, string rating = "AA") => ModelOf(Deal(Fleet(tranche, rating), PaysB)).Tranches[1];

    [Fact]
    public void DrawsAgainstDeliveriesLowerIntoTheirPeriodsWithTheirInvestmentGradePart()
    {
        // Annual periods from 2025-01-01. 2025-03-31: min(1,000, 1,000) = 1,000 funded: 80% × 1,000 × 30k = 24m;
        // 2025-09-30: min(2,000, 1,000) = 1,000: nothing more. In period 0; the customer is AA, so all of it is IG.
        TrancheModel b = Lowered("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%  margin investment_grade 6% else 13%  commitment_fee 0.5%");
        var draw = Assert.IsType<DelayedDraw>(b.Draw);
        Assert.Equal(24e6, draw.Draws[0], 1e-6);
        Assert.Equal(24e6, draw.InvestmentGradeDraws[0], 1e-6);
        Assert.Equal(0, draw.AvailableUntilPeriod); // the last delivery's period when 'available until' is not given
        Assert.Equal(new DeliveryDraws(0, 0.8), draw.Against);
        var coupon = Assert.IsType<FloatingCoupon>(b.Coupon);
        Assert.Equal(new ClassMargins(0.06, 0.13), coupon.Classes);

        // A speculative-grade customer: the same draws, none of them IG; without a margin, no split is kept.
        Assert.Equal(0.0, Assert.IsType<DelayedDraw>(Lowered("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%  margin investment_grade 6% else 13%", "B+").Draw).InvestmentGradeDraws[0]);
        Assert.True(Assert.IsType<DelayedDraw>(Lowered("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%").Draw).InvestmentGradeDraws.IsEmpty);
    }

    [Fact]
    public void EachMistakeIsLocated()
    {
        // The party is on line 9, the fleet on 10, the contract on 11 and the tranche on 12 (on 11 without a contract).
        At(Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%", contract: false), PaysB)), "DL0215"), 11, 67);
        At(Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%  margin investment_grade 6% else 13%", "strong"), PaysB)), "DL0216"), 9, 22);
        At(Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws { 2025-06-30 1m }  margin investment_grade 6% else 13%"), PaysB)), "DL0217"), 12, 78);
        At(Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws { 2025-06-30 1m }  draws against Gpus advance 80%"), PaysB)), "DL0218"), 12, 78);
        At(Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 0%"), PaysB)), "DL0477"), 12, 80);
        At(Errors(Deal(Fleet("balance 10m  coupon 4%  draws against Gpus advance 80%"), PaysB)).First(d => d.Code == "DL0485"), 12, 39);
        Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws against Notes advance 80%"), PaysB)), "DL0205");

        // An unreadable rating is reported once, even when two tranches' margins read it.
        Single(Errors(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%  margin investment_grade 6% else 13%", "strong")
            + "\n  tranche B2 { commitment 50m  balance 0  coupon 4%  draws against Gpus advance 80%  margin investment_grade 6% else 13% }",
            PaysB.Replace("distribute", "pay B2.interest\n    distribute", StringComparison.Ordinal))), "DL0216");
    }

    [Fact]
    public void DeliveriesAfterTheAvailabilityAndDrawsAboveTheCommitmentAreWarnings()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) =
            Analyze(Deal(Fleet("commitment 20m  balance 0  coupon 4%  available until 2025-06-30  draws against Gpus advance 80%"), PaysB));
        Assert.NotNull(model);
        Assert.Equal(["DL0478", "DL0479"], diagnostics.Select(d => d.Code).Order());
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        At(diagnostics.Single(d => d.Code == "DL0478"), 10, 66); // the second delivery's date
    }

    [Fact]
    public void ACommitmentFeeNoWaterfallPaysIsAWarningUnlessTheEnforcementWaterfallPaysIt()
    {
        const string tranche = "commitment 50m  balance 0  coupon 4%  draws { 2025-06-30 1m }  commitment_fee 0.5%";
        string unpaid = PaysB.Replace("pay B.commitment_fee\n    ", "", StringComparison.Ordinal);
        (_, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(Fleet(tranche), unpaid));
        Diagnostic warning = Single(diagnostics, "DL0219");
        Assert.Equal(Severity.Warning, warning.Severity);
        At(warning, 12, 93);

        // Paid by the enforcement waterfall only: no warning (an enforcement pays it); by the regular one: none; a
        // tranche without a fee: none either.
        string enforcement = "\n  default when B.interest_shortfall > 0\n  enforcement {\n    sell Gpus haircut 10% lag 3m\n"
            + "    waterfall { pay B.commitment_fee  pay Notes.interest  pay B.interest  pay Notes.balance  pay B.balance  distribute rest to Eq }\n  }";
        Assert.DoesNotContain(Analyze(Deal(Fleet(tranche) + enforcement, unpaid)).Diagnostics, d => d.Code == "DL0219");
        Assert.DoesNotContain(Analyze(Deal(Fleet(tranche), PaysB)).Diagnostics, d => d.Code == "DL0219");
        Assert.DoesNotContain(Analyze(Deal(Fleet("commitment 50m  balance 0  coupon 4%  draws { 2025-06-30 1m }"), unpaid)).Diagnostics, d => d.Code == "DL0219");
    }
}
