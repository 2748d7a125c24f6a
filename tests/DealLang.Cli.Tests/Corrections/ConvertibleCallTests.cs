using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A convertible's issuer's provisional (soft) call (docs/language.md §5 "tranche", "Convertible notes": the issuer's
/// call): from its date, at the start of the first period in which the share price is at least the threshold × the
/// conversion price, the issuer calls and the holder converts; each figure computed by hand.
/// </summary>
public sealed class ConvertibleCallTests
{
    // Quarterly, 2026-01-01 → 2027-01-01, 30/360: periods 0 (to 04-01), 1 (to 07-01), 2 (to 10-01), 3 (to 2027-01-01).
    // Called: 8m at 4%, convertible at 12.50 per share against WULF (10 as written), callable from 2026-07-01 once WULF
    // is at least 130% × 12.50 = 16.25: from period 2, the first to start on or after 2026-07-01. Put: the same notes
    // with a put on 2026-07-01 at par as well (decided at the start of period 1).
    private const string Source = """
        deal Call {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

          tranche Called { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF call from 2026-07-01 above 130% }
          tranche Both   { balance 8m  coupon 4% fixed
            convertible at 12.50 per share against WULF put 2026-07-01 at 100% call from 2026-07-01 above 130% }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Called.interest
            pay Both.interest
            pay Called.principal
            pay Both.principal
            distribute rest to Eq
          }
        }

        scenario Flat for Call { }

        scenario Rally for Call {
          WULF points stepped { 2026-02-01 17 per share }
        }

        scenario Modest for Call {
          WULF points stepped { 2026-02-01 14 per share }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void FromItsDateTheIssuerCallsAndTheHolderConverts()
    {
        // WULF is 17 from 2026-02-01. Period 1 (from 04-01) reads 17 ≥ 16.25 but starts before the call date: no call.
        // Period 2 (from 07-01) reads it again: the issuer calls, the holder converts 8m into shares worth 8m × 17 /
        // 12.50 = 10.88m, at that period's end (2026-10-01); that period's 80k of interest is still paid in cash.
        TrancheSummary called = Deal.Outcomes["Rally"].Tranches[0];
        Assert.Equal(8_000_000, Deal.Ledger("Called balance", 1, "Rally"), 1e-6);
        Assert.Equal(10_880_000, Deal.Ledger("Called converted into shares", 2, "Rally"), 1e-6);
        Assert.Equal(new Date(2026, 10, 1), called.ConvertedOn);
        Assert.Equal(10_880_000, called.SharesValue, 1e-6);
        Assert.Equal(240_000, called.InterestPaid, 1e-6);
        Assert.Equal(0, called.PrincipalPaid);
    }

    [Fact]
    public void BelowTheThresholdThereIsNoCallAndTheNotesRunToMaturity()
    {
        // WULF 14 is above 12.50 but below 16.25: no call; the holder converts at maturity, 8m × 14 / 12.50 = 8.96m.
        TrancheSummary called = Deal.Outcomes["Modest"].Tranches[0];
        Assert.Equal(new Date(2027, 1, 1), called.ConvertedOn);
        Assert.Equal(8_960_000, called.SharesValue, 1e-6);
        // WULF 10 as written: no call, no conversion, 8m repaid in cash at maturity.
        TrancheSummary flat = Deal.Outcomes["Flat"].Tranches[0];
        Assert.Null(flat.ConvertedOn);
        Assert.Equal(8_000_000, flat.PrincipalPaid, 1e-6);
    }

    [Fact]
    public void APutAndACallOnTheSameNotes_TheSharePriceDecidesWhich()
    {
        // Flat: WULF 10 < 12.50 at the put (period 1): the holder puts, 8m repaid then, no call later.
        TrancheSummary flat = Deal.Outcomes["Flat"].Tranches[1];
        Assert.Equal(8_000_000, Deal.Ledger("Both principal due", 1, "Flat"), 1e-6);
        Assert.Null(flat.ConvertedOn);
        // Rally: WULF 17 at the put: the holder keeps the option; the issuer calls from period 2: 10.88m of shares.
        TrancheSummary rally = Deal.Outcomes["Rally"].Tranches[1];
        Assert.Equal(0, Deal.Ledger("Both principal due", 1, "Rally"));
        Assert.Equal(10_880_000, rally.SharesValue, 1e-6);
        Assert.Equal(new Date(2026, 10, 1), rally.ConvertedOn);
    }
}
