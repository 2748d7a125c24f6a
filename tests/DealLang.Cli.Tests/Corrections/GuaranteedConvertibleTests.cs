using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guaranteed convertible (docs/language.md §5 "Guarantors", "Behind a tranche", and "Convertible notes"): once
/// the guarantor has paid the holders' principal it holds a claim to cash, not the conversion option, so only the
/// holders' balance max(0, B − S) converts. Found by the property test (CsCheck seed 33Alcnyhgup1): a convertible
/// maturing in its first period, its guarantor paying the whole balance, converted later when the share price rose,
/// its whole balance (the guarantor's claim) going to shares: the issuer's loss read 0 while the guarantor, paid back
/// nothing, had paid 333.9m, and the guarantee's identity "net cost = L + U − holders' loss − Σ (I + C) × S / B − Σ F"
/// expected −79.4m. Each figure computed by hand.
/// </summary>
public sealed class GuaranteedConvertibleTests
{
    // Semiannual, 2026-01-01 → 2028-01-01, 30/360: periods 0 (to 2026-07-01, T1's maturity), 1 (to 2027-01-01),
    // 2 (to 2027-07-01), 3 (to 2028-01-01). Nothing is collected, so the issuer pays nothing. T1: 100m at 10%
    // (5m a half-year on 100m), convertible at 12.50 against Shr, 10 (below 12.50: no conversion at the maturity) and
    // 20 from 2027-01-01 (above: the notes in arrears convert at the start of period 2). G guarantees the principal;
    // it is asked for the holders' balance at T1's own maturity, the end of period 0.
    private const string Source = """
        deal Min {
          currency USD  daycount 30/360  maturity 2028-01-01  closing 2026-01-01  pay semiannual
          party G { rating "A" }
          index Shr { level 10 per share  points stepped { 2027-01-01 20 per share } }
          tranche T1 { coupon 10%  balance 100m  maturity 2026-07-01  convertible at 12.50 per share against Shr  guarantor G cap 200m covers principal }
          equity Eq { contributed 1m }
          waterfall {
            pay T1.interest
            pay T1.principal
            distribute rest to Eq
          }
        }
        scenario Whole for Min { }
        scenario Partial for Min {
          G guarantees honoured 60%
        }
        """;

    private const double Cent = 0.01;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void A_guarantor_that_paid_the_whole_balance_keeps_its_cash_claim_and_nothing_converts()
    {
        // G pays the holders' 100m at the end of period 0: S = 100m, the holders' balance max(0, 100 − 100) = 0, so
        // nothing converts at 20 > 12.50 (before the fix the whole 100m converted into 100 × 20 / 12.50 = 160m of
        // shares, the holders paid twice). The issuer owes the 100m on: L = 100m, and U = 4 × 5m = 20m of coupons,
        // 15m of them the guarantor's (A: the coupon on S in periods 1-3). Holders' loss = max(0, 100 − 100)
        // + max(0, 20 − 15) = 5m (period 0's coupon, not covered). Net cost = L + U − holders' loss − Σ I × S / B
        // = 100 + 20 − 5 − 3 × 5 = 100m = paid 100m − recovered 0.
        ScenarioOutcome whole = Deal.Value.Outcomes["Whole"];
        TrancheSummary t1 = whole.Tranches[0];
        GuaranteeSummary g = whole.Guarantees[0];
        Assert.Null(t1.ConvertedOn);
        Assert.Equal(0.0, t1.SharesValue);
        Assert.Equal(0.0, Deal.Value.Ledger("T1 converted into shares", 2, "Whole"));
        Assert.Equal(100_000_000, Deal.Value.Ledger("T1 balance", 3, "Whole"), Cent);
        Assert.Equal(100_000_000, t1.PrincipalLoss, Cent);
        Assert.Equal(20_000_000, t1.UnpaidInterest, Cent);
        Assert.Equal(5_000_000, t1.HoldersLoss, Cent);
        Assert.Equal(100_000_000, t1.PaidByGuarantor, Cent);
        Assert.Equal(100_000_000, g.Paid, Cent);
        Assert.Equal(0.0, g.Recovered);
        Assert.Equal(t1.PrincipalLoss + t1.UnpaidInterest - t1.HoldersLoss - 15_000_000, g.NetCost, Cent);
    }

    [Fact]
    public void With_the_guarantor_holding_part_of_the_balance_only_the_holders_part_converts()
    {
        // Honoured at 60%: G pays 60m, S = 60m, the holders' balance 40m. At the start of period 2 the holders convert
        // their 40m (a share 40 / 100 of the balance) into 40 × 20 / 12.50 = 64m of shares; B falls to 60m, the
        // guarantor's claim, owed in cash, its principal arrears with it (100m × 0.6). Coupons: 5m, 5m, 5m (period 2's
        // on its opening 100m), then 3m on 60m: U = 18m; the guarantor's part 3 × 60/100 × 5m = 9m (A). L = 60m.
        // Holders' loss = max(0, 60 − 60) + max(0, 18 − 9) = 9m. Net cost = 60 + 18 − 9 − (3 + 3 + 3) = 60m = paid 60m.
        ScenarioOutcome partial = Deal.Value.Outcomes["Partial"];
        TrancheSummary t1 = partial.Tranches[0];
        GuaranteeSummary g = partial.Guarantees[0];
        Assert.Equal(new Date(2027, 7, 1), t1.ConvertedOn);
        Assert.Equal(64_000_000, t1.SharesValue, Cent);
        Assert.Equal(64_000_000, Deal.Value.Ledger("T1 converted into shares", 2, "Partial"), Cent);
        Assert.Equal(60_000_000, Deal.Value.Ledger("T1 balance", 3, "Partial"), Cent);
        Assert.Equal(60_000_000, Deal.Value.Ledger("T1 principal due", 3, "Partial"), Cent);
        Assert.Equal(60_000_000, t1.PrincipalLoss, Cent);
        Assert.Equal(18_000_000, t1.UnpaidInterest, Cent);
        Assert.Equal(9_000_000, t1.HoldersLoss, Cent);
        Assert.Equal(60_000_000, g.Paid, Cent);
        Assert.Equal(0.0, g.Recovered);
        Assert.Equal(t1.PrincipalLoss + t1.UnpaidInterest - t1.HoldersLoss - 9_000_000, g.NetCost, Cent);
    }

    [Fact]
    public void The_holders_irr_counts_the_shares_their_part_converted_into()
    {
        // Honoured at 60%, the holders' flows (ACT/365F years from 2026-01-01): −100m at the closing; G's 60m on
        // 2026-07-01 (181 days, the issuer paying nothing); their 64m of shares on 2027-07-01 (546 days), the period
        // they converted in. Every share is theirs: only their part converts. So the holders' IRR r solves
        // −100 + 60 / (1 + r)^(181/365) + 64 / (1 + r)^(546/365) = 0: r = 24.4143% (bisection below; before the
        // shares were counted it read 0.6^(365/181) − 1 = −64.30%, as if the 40m had been lost).
        TrancheSummary t1 = Deal.Value.Outcomes["Partial"].Tranches[0];
        double byHand = Bisect(r => -100 + (60 / Math.Pow(1 + r, 181 / 365.0)) + (64 / Math.Pow(1 + r, 546 / 365.0)), -0.5, 1.0);
        Assert.Equal(0.244143, byHand, 1e-6);
        Assert.Equal(byHand, t1.HoldersIrr, 1e-9);
        Assert.Equal(64_000_000, t1.SharesValue, Cent);

        // Guaranteed in full, nothing converts and the holders get G's 100m on 2026-07-01 alone: (1 + r)^(181/365) = 1,
        // r = 0 (the coupon of period 0 unpaid and not covered).
        Assert.Equal(0.0, Deal.Value.Outcomes["Whole"].Tranches[0].HoldersIrr, 1e-9);
    }

    [Fact]
    public void A_monte_carlo_path_reads_the_holders_irr_with_their_shares_as_the_summary_does()
    {
        // The 60% case as written: a cap of 60m makes G pay min(100m, 60m) = 60m, S = 60m, as honouring 60% does. A
        // path (PathFigures, the Monte Carlo holders' rows and a stochastic 'holders irr' solve) reads the summary's
        // holders' IRR to the bit, shares included: 24.4143% as above.
        string capped = Source.Replace("guarantor G cap 200m", "guarantor G cap 60m", StringComparison.Ordinal);
        Assert.NotEqual(Source, capped);
        double summary = new SmallDeal(capped).Outcomes["Whole"].Tranches[0].HoldersIrr;
        double path = SmallDeal.PathFiguresOf(capped).HoldersIrr[0];
        Assert.Equal(0.244143, summary, 1e-6);
        Assert.Equal(BitConverter.DoubleToInt64Bits(summary), BitConverter.DoubleToInt64Bits(path));
    }

    // The root of an NPV falling in the rate on [lo, hi] (positive at lo, negative at hi), to 1e-12.
    private static double Bisect(Func<double, double> npv, double lo, double hi)
    {
        Assert.True(npv(lo) > 0 && npv(hi) < 0);
        while (hi - lo > 1e-12)
        {
            double mid = (lo + hi) / 2;
            if (npv(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
