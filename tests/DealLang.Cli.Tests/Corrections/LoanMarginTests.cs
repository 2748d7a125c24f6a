using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's coupon with a tranche's step-ups and margin grid (docs/language.md, loan and §14): a step-up from a date, a
/// step-up while a trigger is active and a margin grid on a test, added to the rate at each period's start from the
/// state at the previous period's end, then held within the floor and cap, through the tranche's coupon code.
/// </summary>
public sealed class LoanMarginTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029. The loan: 100m linear to 2029-12-31
    // (25m a period) at 4% with a step-up of 1% from 2027-12-31 (periods 3 and 4 start on or after it), a step-up of
    // 2% while Trap is active, and a margin grid on Lev, its opening balance over 25m: 4x, 3x, 2x, 1x in periods 1..4.
    // Trap is active at the end of a period whose Lev is above 3.5x: period 1 only (it has no cure rules, so it is
    // worked out afresh each period). The coupon is held within [6.5%, 8.5%] after everything is added.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan {
            obligor Miner  balance 100m  coupon 4% floor 6.5% cap 8.5%  amortize linear  maturity 2029-12-31
            step_up 1% from 2027-12-31
            step_up 2% while Trap
            margin grid Lev { below 2.5x 1%  below 3.5x 2%  else 3% }
          }
          test Lev = MinerLoan.balance / 25m
          trigger Trap when Lev > 3.5x => trap
          account Held

          tranche Notes { balance 80m  coupon 5%  amortize linear }
          equity Owners { contributed 20m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }

        scenario Base for Small { }

        scenario MinerDefaults for Small { Miner defaults on 2028-06-30 }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheStepUpsAndTheGridAddToTheCouponWithinItsFloorAndCap()
    {
        //   period 1: 4% + grid 3% (no previous Lev: else)                        = 7%                interest 100m × 7%   = 7m
        //   period 2: 4% + grid 3% (Lev 4x, above every bound) + 2% (Trap active)  = 9% → capped 8.5%   interest  75m × 8.5% = 6.375m
        //   period 3: 4% + 1% (from 2027-12-31) + grid 2% (Lev 3x < 3.5x)          = 7%                interest  50m × 7%   = 3.5m
        //   period 4: 4% + 1% + grid 1% (Lev 2x < 2.5x)                            = 6% → floored 6.5%  interest  25m × 6.5% = 1.625m
        double[] rates = [0.07, 0.085, 0.07, 0.065];
        double[] interest = [7e6, 6.375e6, 3.5e6, 1.625e6];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(rates[t], Deal.Ledger("MinerLoan coupon", t, "Base"), 12);
            Assert.Equal(interest[t], Deal.Ledger("interest MinerLoan", t, "Base"), 1e-6);
            Assert.Equal(25e6, Deal.Ledger("principal MinerLoan", t, "Base"), 1e-6);
        }

        // The loan's identity (§12): principal received + recovery + loss + sold + outstanding = the balance lent;
        // the interest received is the sum of the hand-computed interest. The cash check (every period conserves cash)
        // ran with the scenario (SmallDeal).
        LoanSummary loan = Deal.Outcomes["Base"].Loans[0];
        Assert.Equal(7e6 + 6.375e6 + 3.5e6 + 1.625e6, loan.InterestReceived, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
    }

    [Fact]
    public void InTheDefaultPeriodTheRateIsSetButNoInterestIsReceived()
    {
        // Miner defaults in period 3 (2028): the coupon is still worked out (7%, as in Base), but nothing is paid; the
        // obligor's 30% of the 50m outstanding = 15m is recovered and 35m lost. Interest received: 7m + 6.375m.
        Assert.Equal(0.07, Deal.Ledger("MinerLoan coupon", 2, "MinerDefaults"), 12);
        Assert.Equal(0.0, Deal.Ledger("interest MinerLoan", 2, "MinerDefaults"));
        LoanSummary loan = Deal.Outcomes["MinerDefaults"].Loans[0];
        Assert.Equal(7e6 + 6.375e6, loan.InterestReceived, 1e-6);
        Assert.Equal(15e6, loan.Recovery, 1e-6);
        Assert.Equal(35e6, loan.Loss, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }
}
