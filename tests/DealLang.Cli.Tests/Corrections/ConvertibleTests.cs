using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 11, item 4: convertible notes (docs/language.md §5 "tranche", "Convertible notes") converting, repaying in cash
/// and defaulting when the cash is short, each computed by hand; the IRR counts the shares' value.
/// </summary>
public sealed class ConvertibleTests
{
    // Quarterly, 2026-01-01 → 2027-01-01, 30/360. The site's lease pays 40m a year: 10m a quarter. The converts:
    // 8m at 4% (80k a quarter), bullet, convertible at 12.50 per share against WULF (10 per share as written). The
    // early notes: 1m at 0%, converting as soon as WULF reaches 130% × 12.50 = 16.25.
    internal const string Source = """
        deal Conv {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

          tranche Converts { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF }
          tranche Early    { balance 1m  coupon 0% fixed  convertible at 12.50 per share against WULF early above 130% }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Converts.principal_shortfall > 0

          waterfall {
            pay Converts.interest
            pay Early.interest
            pay Converts.principal
            pay Early.principal
            distribute rest to Eq
          }
        }

        scenario Repay for Conv { }

        scenario Convert for Conv {
          WULF points stepped { 2026-09-01 20 per share }
        }

        scenario Default for Conv {
          Tenant defaults on 2026-08-01
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void AboveTheConversionPriceAtMaturityTheHolderTakesShares_Issue11()
    {
        // The last period starts on 2026-10-01 and reads WULF = 20 > 12.50: the 8m converts into shares worth
        // 8m × 20 / 12.50 = 12.8m; no principal is due in cash (its interest, 80k, still is).
        TrancheSummary converts = Deal.Outcomes["Convert"].Tranches[0];
        Assert.Equal(12_800_000, converts.SharesValue, 1e-6);
        Assert.Equal(new Date(2027, 1, 1), converts.ConvertedOn);
        Assert.Equal((0.0, 0.0), (converts.PrincipalPaid, converts.PrincipalLoss));
        Assert.Equal(320_000, converts.InterestPaid, 1e-6);
        Assert.Equal(0, Deal.Ledger("Converts principal due", 3, "Convert"));
        Assert.Equal(12_800_000, Deal.Ledger("Converts converted into shares", 3, "Convert"), 1e-6);
        // The IRR counts the shares: −8m at closing, 80k on 2026-04-01 (90 days), 2026-07-01 (181), 2026-10-01 (273)
        // and 80k + 12.8m on 2027-01-01 (365): solved by bisection on those flows, 64.87854%.
        Assert.Equal(0.6487854386, converts.Irr, 8);
    }

    [Fact]
    public void TheEarlyNotesConvertOnceTheSharePriceReachesTheThreshold_Issue11()
    {
        // WULF is 20 from 2026-09-01: the period from 2026-10-01 is the first to read it (20 ≥ 16.25): 1m × 20 / 12.5
        // = 1.6m in shares then; at maturity the as-written 10 is below 12.50, so without the step they repay in cash.
        TrancheSummary early = Deal.Outcomes["Convert"].Tranches[1];
        Assert.Equal(1_600_000, early.SharesValue, 1e-6);
        Assert.Equal(new Date(2027, 1, 1), early.ConvertedOn);
        Assert.Null(Deal.Outcomes["Repay"].Tranches[1].ConvertedOn);
    }

    [Fact]
    public void BelowTheConversionPriceTheNotesRepayInCash_Issue11()
    {
        // WULF stays 10 < 12.50: the 8m is repaid from the last quarter's 10m of rent; no shares.
        TrancheSummary converts = Deal.Outcomes["Repay"].Tranches[0];
        Assert.Equal((8_000_000.0, 0.0, 0.0), (converts.PrincipalPaid, converts.SharesValue, converts.PrincipalLoss));
        Assert.Null(converts.ConvertedOn);
        // A 4% coupon paid quarterly at par: the IRR is (1.01)^(365/91.25…) − 1 on actual days, about 4.06%.
        Assert.InRange(converts.Irr, 0.0405, 0.0408);
        Assert.Null(Deal.Outcomes["Repay"].Events.EventOfDefault);
    }

    [Fact]
    public void WithoutSharesOrCashTheNotesDefault_Issue11()
    {
        // The tenant defaults on 2026-08-01 (no recovery): the quarter to 2026-10-01 collects the rent of 2026-07-01 to
        // 08-01 only, the last quarter nothing; WULF is 10, below 12.50, so the notes do not convert: the 8m falls due in
        // cash with no cash to pay it, the principal shortfall makes an event of default, and the 8m is lost.
        TrancheSummary converts = Deal.Outcomes["Default"].Tranches[0];
        Assert.Equal(0, converts.SharesValue);
        Assert.Equal(8_000_000, converts.PrincipalLoss, 1e-6);
        Assert.Equal(new Date(2027, 1, 1), Deal.Outcomes["Default"].Events.EventOfDefault);
    }
}
