namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A forward CFADS projects the loans the deal owns (docs/language.md §7, "Forward CFADS"): each loan's scheduled
/// interest and principal over the window from the balance the period leaves, at the coupon of the period (a floating
/// one held at its rate now), a loan paying more often than the deal on its accrual fractions, and nothing once its
/// obligor's default is known. Before, a forward CFADS left every loan out (a warning, DL0321, now retired), so a
/// private-credit deal's forward DSCR read nothing but its leases and contracts. By hand.
/// </summary>
public sealed class ForwardLoanReceiptsTests
{
    // Quarterly from 2026-01-01 to 2029-01-01, 30/360 (every year fraction 0.25): t0 ends 2026-04-01, t1 2026-07-01,
    // t2 2026-10-01, t3 2027-01-01, t4 2027-04-01, t5 2027-07-01, t6 2027-10-01, t7 2028-01-01. A 12-month window at
    // t's end is t+1 … t+4.
    //   Fixed: 8m at 10% (2.5% a quarter), linear to 2028-01-01 (t7): 1m a period from t0, so t ends on 7m − t × 1m.
    //   Floating: 4m bullet to 2027-01-01 (t3) at SOFR + 4%, SOFR 4% stepped to 6% on 2026-07-01 (t2 reads 10%).
    private const string Source = """
        deal Book {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Lab     { rating "BB" pd 3%  recovery 40% }
          party Sponsor { }

          index SOFR { level 4%  points stepped { 2026-07-01 6% } }

          loan Fixed    { obligor Miner  balance 8m  coupon 10%  amortize linear  maturity 2028-01-01 }
          loan Floating { obligor Lab  balance 4m  coupon SOFR + 4%  maturity 2027-01-01 }

          tranche Notes { balance 9m  coupon 6%  amortize linear }
          equity Owners { contributed 3m  holders Sponsor 100% }

          test FwdCfads = cfads over next 12m
          test FwdDscr  = cfads / debt_service over next 12m

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }

        scenario Base for Book { }

        scenario MinerDefaults for Book { Miner defaults on 2026-08-15 }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void AForwardCfadsCountsTheLoansScheduledReceipts()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // At t0's end: Fixed leaves 7m: t1 175k + 1m, t2 150k + 1m, t3 125k + 1m, t4 100k + 1m = 4.55m.
        // Floating leaves 4m at t0's rate, 4% + 4% = 8% (2% a quarter) held: t1 80k, t2 80k, t3 80k + 4m: 4.24m.
        // 8.79m in all.
        Assert.Equal(8_790_000, Deal.Value.Ledger("FwdCfads", 0, "Base"), 1e-3);

        // At t5's end Fixed leaves 2m: t6 50k + 1m, t7 25k + 1m, then nothing: 2.075m; Floating has matured.
        Assert.Equal(2_075_000, Deal.Value.Ledger("FwdCfads", 5, "Base"), 1e-3);
    }

    [Fact]
    public void TheProjectionIsWhatTheLoopThenReceivesAtTheRateKnownNow()
    {
        // A fixed loan's projection at t0 is what it then pays in t1 … t4.
        double fixedReceived = 0, floatingReceived = 0;
        for (int t = 1; t <= 4; t++)
        {
            fixedReceived += Deal.Value.Ledger("interest Fixed", t, "Base") + Deal.Value.Ledger("principal Fixed", t, "Base");
            floatingReceived += Deal.Value.Ledger("interest Floating", t, "Base") + Deal.Value.Ledger("principal Floating", t, "Base");
        }

        Assert.Equal(4_550_000, fixedReceived, 1e-3);

        // The floating loan pays 80k in t1 and, on SOFR's step, 4m × 10% × 0.25 = 100k in t2 and t3: 4.28m, where the
        // projection at t0 held 8% (4.24m): it reads only what is known at the test's period.
        Assert.Equal(4_280_000, floatingReceived, 1e-3);
        Assert.Equal(4_240_000 + 4_550_000, Deal.Value.Ledger("FwdCfads", 0, "Base"), 1e-3);

        // At t1's end the rate read is t1's, still 8%; at t2's end it is 10%: t3 100k + 4m, with Fixed's 5m:
        // t3 125k + 1m, t4 100k + 1m, t5 75k + 1m, t6 50k + 1m = 4.35m. 8.45m in all.
        Assert.Equal(8_450_000, Deal.Value.Ledger("FwdCfads", 2, "Base"), 1e-3);
    }

    [Fact]
    public void ALoanWhoseObligorHasDefaultedIsNoLongerProjected()
    {
        // The Miner defaults on 2026-08-15, in t2. At t1's end that is not known: Fixed is projected in full, 6m left:
        // t2 150k + 1m, t3 125k + 1m, t4 100k + 1m, t5 75k + 1m = 4.45m; Floating at 8%: t2 80k, t3 80k + 4m. 8.61m.
        Assert.Equal(8_610_000, Deal.Value.Ledger("FwdCfads", 1, "MinerDefaults"), 1e-3);

        // At t2's end the default is known: Fixed is out (its recovery was a one-off, not cfads), Floating at t2's 10%:
        // t3 100k + 4m = 4.1m.
        Assert.Equal(4_100_000, Deal.Value.Ledger("FwdCfads", 2, "MinerDefaults"), 1e-3);
    }

    [Fact]
    public void ALoanPayingMonthlyIsProjectedOnItsAccrualFractions()
    {
        // 'amortize linear monthly' to 2027-01-01: twelve instalments of 8m / 12 = 666,666.67 on 2026-02-01 …
        // 2027-01-01, three in each quarter, each quarter's interest on the balance left through each of its months
        // (30/360: a month is 1/12 of a year).
        var deal = new SmallDeal(Source.Replace(
            "balance 8m  coupon 10%  amortize linear  maturity 2028-01-01", "balance 8m  coupon 10%  amortize linear monthly  maturity 2027-01-01",
            StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);

        // t0 (2026-01-01 → 2026-04-01) holds the instalments of 02-01, 03-01 and 04-01: 2m, so 6m is left. The window
        // t1 … t3 (t4 has nothing left) receives 6m of principal and interest on the months' balances: t1 (6m, 5.333m,
        // 4.667m) 16m × 10% / 12 = 133,333.33; t2 (4m, 3.333m, 2.667m) 10m × 10% / 12 = 83,333.33; t3 (2m, 1.333m,
        // 0.667m) 4m × 10% / 12 = 33,333.33: 6.25m, what the loop then receives. Floating as before at 8%, 4.24m:
        // 10.49m in all.
        double fixedReceived = 0;
        for (int t = 1; t <= 4; t++)
        {
            fixedReceived += deal.Ledger("interest Fixed", t, "Base") + deal.Ledger("principal Fixed", t, "Base");
        }

        Assert.Equal(6_250_000, fixedReceived, 1e-3);
        Assert.Equal(6_250_000 + 4_240_000, deal.Ledger("FwdCfads", 0, "Base"), 1e-3);
    }
}
