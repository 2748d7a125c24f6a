namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A forward CFADS projects a per-period fee that is a share of a flow it projects, and an account's interest
/// (docs/language.md §7, "Forward CFADS"): a servicer's share of a lease's rent, a loan's interest or the collections is
/// that share of the flow as the projection counts it, period by period as it falls due; a reserve earning interest
/// earns its balance now × its rate × the window's year fractions, the balance held flat. Before, both were left out
/// (a per-period fee with a warning, DL0320, which now warns only of a share of a flow the projection does not know
/// ahead), so a lender's forward DSCR read a servicing fee as free and a DSRA as earning nothing. By hand.
/// </summary>
public sealed class ForwardFeesAndInterestTests
{
    // Quarterly from 2026-01-01 to 2029-01-01, 30/360 (every year fraction 0.25): t0 ends 2026-04-01, … t7 2028-01-01.
    // A 12-month window at t's end is t+1 … t+4, four quarters, Σ yf = 1.
    //   L: 4m a year, 1m a quarter, to 2029-01-01.
    //   Bridge: 8m at 10% (2.5% a quarter), linear to 2028-01-01 (t7): 1m a period from t0, so t ends on 7m − t × 1m.
    //   Dsra: 10m earning 4%, kept at its 10m target (nothing draws it while cash covers the notes): 100k a quarter.
    private const string Source = """
        deal Spv {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      quarterly
          daycount 30/360

          party Tenant   { recovery 40% }
          party Borrower { rating "B"  pd 6%  recovery 30% }
          party Owner { }
          facility Hall { cost 60m  value straight_line 20y }
          lease L on Hall { lessee Tenant  rent 4m per year  starts 2026-01-01  term 3y }
          loan Bridge { obligor Borrower  balance 8m  coupon 10%  amortize linear  maturity 2028-01-01 }

          fee Servicer  { 2% of L.rent }
          fee Collector { 1% of collections }
          account Dsra { target 10m  initial 10m  earns 4% }

          tranche Notes { balance 10m  coupon 6%  amortize linear }
          equity  Eq    { contributed 5m  holders Owner 100% }

          test FwdCfads = cfads over next 12m

          waterfall {
            pay Servicer
            pay Collector
            pay Notes.interest using Dsra
            pay Notes.principal
            fill Dsra
            distribute rest to Eq
          }
        }

        scenario Base for Spv { }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private static SmallDeal With(string from, string to) => new(Source.Replace(from, to, StringComparison.Ordinal));

    [Fact]
    public void AShareOfALeasesRentIsProjectedAsThatShareOfTheRentAhead()
    {
        // Servicer, 2% of L's rent: 2% × 1m × 4 quarters = 80k over the window at t0's end, the only difference the fee
        // makes against 0% of the rent (Collector's share of collections does not read the fee).
        var without = With("{ 2% of L.rent }", "{ 0% of L.rent }");
        Assert.Empty(without.Diagnostics);
        Assert.Equal(80_000, without.Ledger("FwdCfads", 0, "Base") - Deal.Value.Ledger("FwdCfads", 0, "Base"), 1e-6);
    }

    [Fact]
    public void AnAccountEarnsItsBalanceNowAtItsRateOverTheWindow()
    {
        // Dsra: 10m × 4% × (4 × 0.25) = 400k over a year's window, less Collector's 1% of it (collections hold the
        // interest): 396k more than the same deal with an account earning nothing.
        var flat = With("earns 4%", "earns 0%");
        Assert.Empty(flat.Diagnostics);
        Assert.Equal(396_000, Deal.Value.Ledger("FwdCfads", 0, "Base") - flat.Ledger("FwdCfads", 0, "Base"), 1e-6);
    }

    [Fact]
    public void TheForwardCfadsCountsEveryFeeAndTheInterestAtTheirLevelsAhead()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // At t0's end: L 4 × 1m = 4m; Bridge leaves 7m: t1 175k + 1m, t2 150k + 1m, t3 125k + 1m, t4 100k + 1m = 4.55m;
        // Dsra 400k. Receipts 8.95m; less Servicer 2% × 4m = 80k and Collector 1% × 8.95m = 89.5k: 8,780,500.
        Assert.Equal(8_780_500, Deal.Value.Ledger("FwdCfads", 0, "Base"), 1e-6);

        // At t5's end Bridge leaves 2m: t6 50k + 1m, t7 25k + 1m, then nothing: 2.075m; L 4m; Dsra 400k: receipts
        // 6.475m, less 80k and 64,750: 6,330,250.
        Assert.Equal(6_330_250, Deal.Value.Ledger("FwdCfads", 5, "Base"), 1e-6);
    }

    [Fact]
    public void TheProjectionIsWhatTheLoopThenCountsWhenNothingChanges()
    {
        // Nothing defaults and the Dsra stays at 10m, so the cfads the loop works out in t1 … t4 (its collections less
        // the fees it charges) add up to what the test projected at t0's end: the fees charged are the shares projected
        // and the interest earned is the interest projected.
        var deal = Deal.Value;
        double charged = 0, earned = 0, cfads = 0;
        for (int t = 1; t <= 4; t++)
        {
            double fees = deal.Ledger("1 pay Servicer due", t, "Base") + deal.Ledger("2 pay Collector due", t, "Base");
            charged += fees;
            earned += deal.Ledger("interest Dsra", t, "Base");
            cfads += deal.Ledger("collections", t, "Base") - fees;
        }

        Assert.Equal(80_000 + 89_500, charged, 1e-6);
        Assert.Equal(400_000, earned, 1e-6);
        Assert.Equal(cfads, deal.Ledger("FwdCfads", 0, "Base"), 1e-6);
    }

    [Fact]
    public void AShareOfALoansInterestOrPrincipalIsProjectedOnItsSchedule()
    {
        // A special servicer's 10% of Bridge's interest and 1% of its principal, in place of the share of L's rent: at
        // t0's end the window's interest is 175k + 150k + 125k + 100k = 550k and its principal 4m, so 55k + 40k = 95k,
        // what the loop then charges in t1 … t4.
        var deal = With("fee Servicer  { 2% of L.rent }", "fee Servicer  { 10% of Bridge.interest + 1% of Bridge.principal }");
        Assert.Empty(deal.Diagnostics);
        double charged = 0;
        for (int t = 1; t <= 4; t++)
        {
            charged += deal.Ledger("1 pay Servicer due", t, "Base");
        }

        Assert.Equal(95_000, charged, 1e-6);
        Assert.Equal(8_780_500 + 80_000 - 95_000, deal.Ledger("FwdCfads", 0, "Base"), 1e-6);
    }

    [Fact]
    public void AShareOfAFlowNotProjectedIsStillLeftOutAndWarnedOf()
    {
        // A workout fee of 5% of Bridge's recovery: a recovery is a one-off no one knows ahead. The test is warned of it
        // (DL0320), Servicer and Collector are not, and the figure is unchanged.
        var deal = With("  account Dsra", "  fee Workout { 5% of Bridge.recovery }\n  account Dsra");
        var warning = Assert.Single(deal.Diagnostics);
        Assert.Equal("DL0320", warning.Code);
        Assert.Contains("fee 'Workout'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(8_780_500, deal.Ledger("FwdCfads", 0, "Base"), 1e-6);
    }
}
