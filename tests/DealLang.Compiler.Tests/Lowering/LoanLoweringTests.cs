using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>A loan's lowering (LoanLowering): the language's defaults, its obligor, its maturity period and a schedule's
/// amounts per period, as a tranche's. The harness's deal is annual from 2025-01-01 to 2030-01-01 (5 periods).</summary>
public sealed class LoanLoweringTests
{
    private const string Parties = "  party Other { }\n  party Miner { recovery 30% }\n";

    [Fact]
    public void DefaultsAreABulletAndTheObligorsRecovery()
    {
        DealModel model = ModelOf(Deal(Parties + "  loan L { obligor Miner  balance 400m  coupon 11%  maturity 2028-06-30 }"));

        LoanModel loan = Assert.Single(model.Loans);
        Assert.Equal(("L", 0, 1), (loan.Name, loan.Index, loan.Obligor)); // Miner is the second party
        Assert.Equal((4e8, new FixedCoupon(0.11), 0.30), (loan.Balance, loan.Coupon, loan.Recovery));
        Assert.IsType<BulletAmortization>(loan.Amortization);
        Assert.Null(loan.Amortization.InterestOnlyUntil);
        // 2028-06-30 falls in the period 2028-01-01..2029-01-01, the fourth (index 3).
        Assert.Equal((new Date(2028, 6, 30), 3), (loan.Maturity, loan.MaturityPeriod));
        Assert.Equal(new LoanInfo("L", 1, 4e8, 0.11, new Date(2028, 6, 30), "bullet", 0.30), loan.ToInfo());
        // Its maturity is dated inside that period: a default later in it finds the whole 400m repaid
        // (docs/language.md §5, "loan", a default inside a period), the maturity the only instalment listed.
        DefaultPeriodInstalments before = Assert.IsType<DefaultPeriodInstalments>(loan.Amortization.BeforeDefault);
        Assert.Equal(new[] { Date.DaysBetween(new Date(2025, 1, 1), new Date(2028, 6, 30)) }, before.Days.ToArray());
        Assert.Equal(new[] { 4e8 }, before.Principal.ToArray());
        Assert.Equal(new[] { 0, 0, 0, 0, 1, 1 }, before.First.ToArray());
        Assert.Equal(0, before.Maturity);
    }

    [Fact]
    public void ABulletMaturingOnAPeriodsEndListsNothingForADefaultInsideAPeriod()
    {
        // 2029-01-01 is the end of the period 2028-01-01..2029-01-01: a default in it is on or before the maturity, so
        // the default period receives nothing, as for every loan paying at the periods' ends.
        DealModel model = ModelOf(Deal(Parties + "  loan L { obligor Miner  balance 400m  coupon 11%  maturity 2029-01-01 }"));

        Assert.Null(Assert.Single(model.Loans).Amortization.BeforeDefault);
    }

    [Fact]
    public void AStatedRecoveryOverridesTheObligors()
    {
        DealModel model = ModelOf(Deal(Parties + "  loan L { obligor Miner  balance 1m  coupon 5%  maturity 2029-01-01  recovery 55% }"));

        Assert.Equal(0.55, model.Loans[0].Recovery, 15);
    }

    [Fact]
    public void AnObligorWithoutARecoveryGivesNone()
    {
        DealModel model = ModelOf(Deal(Parties + "  loan L { obligor Other  balance 1m  coupon 5%  maturity 2029-01-01 }"));

        Assert.Equal(0.0, model.Loans[0].Recovery);
    }

    [Fact]
    public void AScheduleLandsInThePeriodOfEachDate()
    {
        DealModel model = ModelOf(Deal(Parties
            + "  loan L { obligor Miner  balance 3m  coupon 5%  maturity 2029-01-01  amortize schedule { 2026-01-01 1m, 2027-03-01 2m } }"));

        // 2026-01-01 ends period 0 (2025-01-01..2026-01-01); 2027-03-01 is in period 2 (2027-01-01..2028-01-01).
        var schedule = Assert.IsType<ScheduledAmortization>(model.Loans[0].Amortization);
        Assert.Equal([1e6, 0, 2e6, 0, 0], schedule.Amounts.ToArray());
    }

    [Fact]
    public void ACouponReadingAnIndexFloatsWithItsFloorAndCapAndHasNoHeadlineRate()
    {
        DealModel model = ModelOf(Deal(Parties + "  index SOFR { level 4% }\n"
            + "  loan L { obligor Miner  balance 1m  coupon SOFR + 3.5% floor 6% cap 10%  maturity 2029-01-01 }"));

        var coupon = Assert.IsType<FloatingCoupon>(model.Loans[0].Coupon);
        Assert.Equal((0.06, 0.10), (coupon.Floor, coupon.Cap));
        Assert.Empty(coupon.StepUps);
        Assert.True(double.IsNaN(model.Loans[0].ToInfo().Coupon));
    }

    [Fact]
    public void AConstantCouponIsFixedAndClampedOnceByItsFloor()
    {
        // As a tranche's: 3% floored at 5% is a fixed 5%.
        DealModel model = ModelOf(Deal(Parties + "  loan L { obligor Miner  balance 1m  coupon 3% floor 5%  maturity 2029-01-01 }"));

        Assert.Equal(new FixedCoupon(0.05), model.Loans[0].Coupon);
    }

    [Fact]
    public void ADealWithoutLoansHasNone() => Assert.Empty(ModelOf(Deal()).Loans);
}
