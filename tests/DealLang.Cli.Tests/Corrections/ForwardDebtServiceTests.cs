using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>test X = debt_service over next 12m</c>: the debt service scheduled over the periods whose end falls
/// within the window after this period's end, projected from the balance this period's schedule leaves, by hand.</summary>
public sealed class ForwardDebtServiceTests
{
    // Annual, 30/360 (every year fraction 1), five periods ending 2027-12-31 (t0) .. 2031-12-31 (t4).
    private const string Deal = """
        deal Fwd {
          currency USD  closing 2026-12-31  maturity 2031-12-31  pay annual  daycount 30/360
          party Tenant { }
          facility Shed { cost 10m  value schedule { 2026-12-31 10m } }
          lease ShedLease on Shed { lessee Tenant  rent 30m per year  starts 2026-12-31  term 5y }
          tranche A { balance 10m  coupon 5%  amortize bullet  maturity 2028-12-31  seniority 1 }
          tranche B { balance 12m  coupon 4%  amortize linear  seniority 1 }
          tranche C { balance 10m  coupon 6% fixed  amortize level  seniority 1 }
          equity Sponsor { contributed 1m }
          test FwdA = A.debt_service over next 24m
          test FwdB = B.debt_service over next 12m
          test FwdC = C.debt_service over next 1y
          test FwdDs = debt_service over next 12m
          test FwdDscr = cfads / FwdDs
          waterfall {
            pay A.interest  pay B.interest  pay C.interest
            pay A.principal  pay B.principal  pay C.principal
            distribute rest to Sponsor
          }
        }
        """;

    // C's level payment: 10m × 6% / (1 − 1.06^−5) = 600,000 / (1 − 0.7472581729) = 2,373,964.00.
    private const double LevelPayment = 2_373_964.00;

    [Fact]
    public void ABulletTrancheOwesItsBalanceInTheWindowThatHoldsItsMaturity()
    {
        var deal = new SmallDeal(Deal);
        Assert.Empty(deal.Diagnostics);

        // t0 (2027-12-31): the next 24m hold t1 and t2 (ends 2028-12-31, 2029-12-31). A matures in t1:
        //   t1: interest 10m × 5% = 0.5m, principal the whole 10m = 10.5m; t2: nothing left.
        Assert.Equal(10.5e6, deal.Ledger("FwdA", 0), 1e-6);

        // t1: A's own period repays it (the balance its schedule leaves is 0), so nothing ahead.
        Assert.Equal(0.0, deal.Ledger("FwdA", 1), 1e-6);
    }

    [Fact]
    public void ALinearTrancheOwesTheNextShareOfTheBalanceLeft()
    {
        var deal = new SmallDeal(Deal);

        // B: 12m over 5 periods, 2.4m a period. t0 leaves 9.6m; t1 owes 9.6m × 4% = 0.384m + 9.6m / 4 = 2.4m: 2.784m.
        Assert.Equal(2.784e6, deal.Ledger("FwdB", 0), 1e-6);

        // t3 leaves 2.4m; t4 (the maturity) owes 2.4m × 4% = 0.096m + 2.4m = 2.496m.
        Assert.Equal(2.496e6, deal.Ledger("FwdB", 3), 1e-6);

        // t4: the window holds no scheduled period (the deal ends), so nothing is ahead.
        Assert.Equal(0.0, deal.Ledger("FwdB", 4), 1e-6);
    }

    [Fact]
    public void ALevelTrancheOwesItsLevelPayment()
    {
        var deal = new SmallDeal(Deal);

        // The payment is level: every period ahead owes it, whatever is left, until the maturity.
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(LevelPayment, deal.Ledger("FwdC", t), 0.01);
        }

        Assert.Equal(0.0, deal.Ledger("FwdC", 4), 1e-6);
    }

    [Fact]
    public void TheDealsDebtServiceSumsItsTranches()
    {
        var deal = new SmallDeal(Deal);

        // t0, the next 12m (t1 only): A 10.5m + B 2.784m + C 2,373,964.00 = 15,657,964.00.
        Assert.Equal(10.5e6 + 2.784e6 + LevelPayment, deal.Ledger("FwdDs", 0), 0.01);

        // A test of the period reads it: cfads 30m (the rent) / 15,657,964.00 = 1.91596.
        Assert.Equal(30e6 / (10.5e6 + 2.784e6 + LevelPayment), deal.Ledger("FwdDscr", 0), 1e-9);
    }

    [Fact]
    public void AFloatingCouponIsHeldAtItsCurrentRate()
    {
        // F: 10m bullet at 4%, stepping up 2% from 2028-12-31 (so 6% from t2 on). At t0 the next 24m (t1, t2) are
        // projected at t0's 4%: 10m × 4% × 2 = 0.8m (the step-up in t2 is not foreseen: 1.0m with it).
        // At t2 (6% now) the next 24m are t3 and t4, the maturity: 10m × 6% × 2 + 10m = 11.2m.
        var deal = new SmallDeal(Deal.Replace(
            "test FwdDscr = cfads / FwdDs",
            "test FwdDscr = cfads / FwdDs\n  tranche F { balance 10m  coupon 4%  step_up 2% from 2028-12-31  amortize bullet  seniority 2 }\n  test FwdF = F.debt_service over next 24m",
            StringComparison.Ordinal).Replace("distribute rest", "pay F.interest  pay F.principal  distribute rest", StringComparison.Ordinal));
        Assert.Equal(0.04, deal.Ledger("F coupon", 0), 1e-12);
        Assert.Equal(0.06, deal.Ledger("F coupon", 2), 1e-12);
        Assert.Equal(0.8e6, deal.Ledger("FwdF", 0), 1e-6);
        Assert.Equal(11.2e6, deal.Ledger("FwdF", 2), 1e-6);
    }

    [Fact]
    public void APikUnpaidTrancheOwesAllItsInterestInCash()
    {
        // J: 10m bullet at 8%, 'pik unpaid' (interest due in cash; only what goes unpaid capitalises, which the
        // projection does not foresee). The rent covers everything, so nothing capitalises. At t0 the next 24m
        // (t1, t2) owe 10m × 8% × 2 = 1.6m, all in cash (a 'pik' share would have owed less).
        var deal = new SmallDeal(Deal.Replace(
            "test FwdDscr = cfads / FwdDs",
            "test FwdDscr = cfads / FwdDs\n  tranche J { balance 10m  coupon 8%  pik unpaid  amortize bullet  seniority 2 }\n  test FwdJ = J.debt_service over next 24m",
            StringComparison.Ordinal).Replace("distribute rest", "pay J.interest  pay J.principal  distribute rest", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(1.6e6, deal.Ledger("FwdJ", 0), 1e-6);
    }

    [Fact]
    public void TheProjectionAllocatesNothingInTheLoop()
    {
        // The windows are static arrays made once per deal; the loop only calls the runtime's projection.
        string source = DealCompiler.Compile("small.deal", Deal).Emitted!.Source;
        int begin = source.IndexOf(CSharpEmitter.LoopBeginMarker, StringComparison.Ordinal);
        int end = source.IndexOf(CSharpEmitter.LoopEndMarker, StringComparison.Ordinal);
        string loop = source[begin..end];
        Assert.Contains("ForwardDebtService.Level(", loop, StringComparison.Ordinal);
        Assert.Contains("private static readonly int[] test_FwdDs_forwardLast = ForwardWindow.LastPeriods(Boundaries, 12, ScheduledPeriods);", source, StringComparison.Ordinal);
        foreach (string forbidden in new[] { "new ", "=>", "$\"", "List<", "Linq" })
        {
            Assert.DoesNotContain(forbidden, loop, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("test F = collections over next 12m", "DL0230")]
    [InlineData("test F = debt_service / ShedLease.rent over next 12m", "DL0230")]
    [InlineData("test F = debt_service over next 90d", "DL0343")]
    [InlineData("test F = debt_service over next 1.5m", "DL0343")]
    [InlineData("test F = debt_service over next 6y", "DL0344")]
    [InlineData("test F = debt_service over next 0m", "DL0314")]
    public void AForwardTestReadsDebtServiceOverWholeMonthsWithinTheDeal(string test, string code)
    {
        var result = DealCompiler.Compile("small.deal", Deal.Replace("test FwdDscr = cfads / FwdDs", "test FwdDscr = cfads / FwdDs\n  " + test, StringComparison.Ordinal));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, diagnostic.Code);
    }
}
