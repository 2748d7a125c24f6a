using System.Globalization;
using System.Text.RegularExpressions;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A deal-by-deal carry counts what the LPs were called for a holding's draws as that holding's capital (docs/language.md
/// §5 "Deal-by-deal carry", "Draws"): returned from its proceeds first, its preferred return accruing on it, its carry
/// computed on it. Before, the call was spread over all the holdings by weight, as a cure is, so a holding that drew
/// nothing carried part of the capital of one that drew. What the fund's own cash paid of a holding's draw is that
/// holding's capital too, and distributed from the holdings' streams by what each paid the fund that period (the
/// holdings' proceeds recycled); before, it was only a lower distribution spread by that attribution, so the other
/// holdings' streams bore the drawing holding's reinvestment.
/// </summary>
public sealed class DealByDealDrawTests
{
    // Annual, 30/360, closing 2026-01-01, maturity 2028-01-01. A loan committed at 100m, 40m drawn at the closing and 60m
    // on 2027-01-01 (the end of the first period), 10% a year, bullet: it pays 4m, then 10m + 100m.
    private const string Drawer = """
        deal Drawer {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party TenantD { }
          party OwnerD { }
          facility Site { cost 300m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee TenantD rent 200m per year starts 2026-01-01 term 2y }
          tranche Loan {
            commitment 100m  balance 40m  available until 2027-01-01  draws { 2027-01-01 60m }
            coupon 10%  amortize bullet  maturity 2028-01-01
          }
          equity Common { contributed 10m holders OwnerD 100% }
          waterfall { pay Loan.interest pay Loan.principal distribute rest to Common }
        }
        """;

    // 50m of notes at 10%, bullet: 5m, then 5m + 50m.
    private const string Plain = """
        deal Plain {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party TenantP { }
          party OwnerP { }
          facility Site { cost 100m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee TenantP rent 60m per year starts 2026-01-01 term 2y }
          tranche Notes { balance 50m coupon 10% amortize bullet maturity 2028-01-01 }
          equity Common { contributed 10m holders OwnerP 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    private const string Fund = """
        import "drawer.deal"
        import "plain.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 50% }
          holding Bond  { of Plain.Notes  share 100% }
          equity Investors { commitment 100m  contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void A_call_for_one_holdings_draw_is_that_holdings_capital_not_the_funds_spread_by_weight()
    {
        // The fund: Drawn is half the loan (weight 0.5 × 100m commitment = 50m), Bond the whole notes (50m): w = ½ each.
        // Year 1 (to 2027-01-01): receipts 0.5 × 4m = 2m and 5m = 7m; Drawn's share of the draw, 0.5 × 60m = 30m, is paid
        //   7m from the cash and 23m called from the 30m left of the commitment. D_0 = 0, J_0 = 23m.
        // Year 2: Drawn receives 0.5 × 110m = 55m, Bond 55m: D_1 = 110m, attributed ½ each.
        // Whole fund (hurdle 5%, carry 20%, no catch-up; y = 1, 2): A_0 = 70 × 1.05 + 23 = 96.5, A_1 = 101.325, so the
        //   LPs take 101.325 and the GP 20% × 8.675 = 1.735.
        // Deal by deal, the call and the 7m of cash Drawn's capital, the 7m distributed from the streams by year 1's
        //   attribution (Drawn 2/7: 2m, Bond 5/7: 5m): Drawn A_0 = 35 × 1.05 + 23 + 7 − 2 = 64.75, A_1 = 67.9875 > 55: no
        //   carry. Bond A_0 = 36.75 − 5 = 31.75, A_1 = 33.3375: 20% × (55 − 33.3375) = 4.3325. Clawback 4.3325 − 1.735 =
        //   2.5975: the GP ends with 1.735, the LPs with 110 − 1.735 = 108.265.
        // Before the cash was Drawn's (bf7de0c, the call alone Drawn's): Drawn A_0 = 59.75, A_1 = 62.7375; Bond A_0 = 36.75,
        //   A_1 = 38.5875, carry 3.2825, clawback 1.5475. Before the call was (spread by weight, 11.5m each): each
        //   A_0 = 48.25, A_1 = 50.6625, carry 0.8675 on each, 1.735 in all, no clawback.
        using var chain = new SmallChain(Fund, ("drawer.deal", Drawer), ("plain.deal", Plain));
        Assert.Equal(23e6, chain.Ledger("Fund", "Base", "Drawn draw called", 0), 1e-3);
        var fund = chain.Of("Fund", "Base");
        var equity = fund.Equities.Single();
        Assert.Equal(110e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.True(carry.DealByDeal);
        Assert.Equal(2.5975e6, carry.Clawback, 1e-3);
        Assert.Equal(1.735e6, carry.Carry, 1e-3);
        Assert.Equal(108.265e6, carry.Classes.Single().Distributions, 1e-3);

        // A Monte Carlo path splits the same way (PathFigures reads the run's per-holding calls).
        var (result, inputs) = chain.Runner.Buffers(2);
        var figures = new DealLang.Runner.Simulation.PathFigures(chain.Outcomes[0].Entities[2].Deal);
        figures.Read(0, result, inputs);
        Assert.Equal(1.735e6, figures.GpCarry.Single(), 1e-3);
        Assert.Equal(carry.Classes.Single().Irr, figures.LpIrr.Single(), 1e-12);
    }

    // The fund above without a commitment: nobody is called, the draw waits for the fund's cash.
    private const string CashFund = """
        import "drawer.deal"
        import "plain.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 50% }
          holding Bond  { of Plain.Notes  share 100% }
          equity Investors { contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void The_funds_cash_paid_for_one_holdings_draw_is_that_holdings_capital_distributed_from_the_streams_that_paid_it()
    {
        // w = ½ each, 35m of capital each. Year 1: receipts 2m (Drawn) + 5m (Bond) = 7m, all paid toward Drawn's 30m share
        //   of the draw, 23m unpaid: D_0 = 0, attribution 2/7, 5/7. Year 2: 55m each, 23m to the unpaid draw: D_1 = 87m,
        //   attribution ½ each.
        // Whole fund: A_0 = 73.5, A_1 = 77.175: the GP 20% × (87 − 77.175) = 1.965, the LPs 85.035.
        // Deal by deal, the recycled cash (7m, then 23m) Drawn's capital and distributed from the streams by attribution:
        //   Drawn A_0 = 35 × 1.05 + 7 − 2 = 41.75, A_1 = 43.8375 + 23 = 66.8375 > its ½ × (87 + 23) = 55: no carry.
        //   Bond A_0 = 36.75 − 5 = 31.75, A_1 = 33.3375: 20% × (55 − 33.3375) = 4.3325 (year 2's 87m pays it).
        //   Clawback 4.3325 − 1.965 = 2.3675: the GP ends with 1.965, the LPs with 85.035.
        //   Reconciles: capital 35 + 35 + 7 + 23 less the 30 recycled = 70; distributions 7 + 110 less 30 = 87.
        // Before (the cash a lower D_t only, spread by attribution): year 1's streams nothing, year 2's 43.5 each against
        //   A_1 = 38.5875: 0.9825 each, 1.965 in all, the whole fund's, so no clawback, though Bond's proceeds had paid
        //   5m of Drawn's draw and Drawn had not returned the 30m it reinvested.
        using var chain = new SmallChain(CashFund, ("drawer.deal", Drawer), ("plain.deal", Plain));
        Assert.Equal(7e6, chain.Ledger("Fund", "Base", "Drawn draw paid", 0), 1e-3);
        Assert.Equal(23e6, chain.Ledger("Fund", "Base", "Drawn draw paid", 1), 1e-3);
        var equity = chain.Of("Fund", "Base").Equities.Single();
        Assert.Equal(87e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.Equal(2.3675e6, carry.Clawback, 1e-3);
        Assert.Equal(1.965e6, carry.Carry, 1e-3);
        var lps = carry.Classes.Single();
        Assert.Equal(85.035e6, lps.Distributions, 1e-3);
        Assert.Equal(70e6, lps.Contributed, 1e-3);
        Assert.Equal(equity.Distributions, lps.Distributions + carry.Carry, 1e-6);

        // The LPs: −70 at the closing, 0 after a year, 85.035 after two: (85.035 / 70)^½ − 1.
        Assert.Equal(Math.Sqrt(85.035 / 70) - 1, lps.Irr, 1e-9);
        SameSummaryOnlyAndOnAPath(chain, carry);
    }

    // A one-year note: 50m at 10%, 55m at the end of the first year, nothing after.
    private const string Short = """
        deal Short {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party TenantS { }
          party OwnerS { }
          facility Site { cost 100m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee TenantS rent 60m per year starts 2026-01-01 term 2y }
          tranche Notes { balance 50m coupon 10% amortize bullet maturity 2027-01-01 }
          equity Common { contributed 10m holders OwnerS 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    private const string DeferredFund = """
        import "drawer.deal"
        import "short.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 100% }
          holding Bond  { of Short.Notes  share 100% }
          equity Investors { contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void Carry_owed_on_proceeds_recycled_into_a_draw_waits_for_a_distribution()
    {
        // w: Drawn 100m, Bond 50m: 2/3 and 1/3 of 70m, 46.667m and 23.333m. Year 1: receipts 4m (Drawn) + 55m (Bond) = 59m,
        //   all paid toward Drawn's 60m draw, 1m unpaid: D_0 = 0, attribution 4/59, 55/59. Year 2: Drawn 110m, 1m to the
        //   unpaid draw: D_1 = 109m, attribution 1, 0.
        // Bond A_0 = 23.333 × 1.05 = 24.5 against its 55m: carry 20% × 30.5 = 6.1, owed in year 1 when nothing is
        //   distributed, paid from year 2's 109m. Drawn A_0 = 49 + 59 − 4 = 104, A_1 = 109.2 + 1 = 110.2 > 110: no carry.
        // Whole fund: A_1 = 77.175, the GP 20% × (109 − 77.175) = 6.365 ≥ 6.1: no clawback. The GP 6.1, the LPs 0 then
        //   102.9: IRR (102.9 / 70)^½ − 1.
        // Paid when owed, the GP would take 6.1 of year 1's nothing: the LPs −6.1 then 109 (the same 102.9 in all, an
        //   IRR of 20.50%).
        // Before (the cash a lower D_t only): year 2's 109m all Drawn's, against its 46.667 × 1.05² = 51.45 and not the
        //   59m it reinvested: carry 20% × 57.55 = 11.51, clawed back to the whole fund's 6.365 (5.145), the LPs 102.635.
        using var chain = new SmallChain(DeferredFund, ("drawer.deal", Drawer), ("short.deal", Short));
        Assert.Equal(59e6, chain.Ledger("Fund", "Base", "Drawn draw paid", 0), 1e-3);
        var equity = chain.Of("Fund", "Base").Equities.Single();
        Assert.Equal(109e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.Equal(0, carry.Clawback, 1e-3);
        Assert.Equal(6.1e6, carry.Carry, 1e-3);
        var lps = carry.Classes.Single();
        Assert.Equal(102.9e6, lps.Distributions, 1e-3);
        Assert.Equal(Math.Sqrt(102.9 / 70) - 1, lps.Irr, 1e-9);
        SameSummaryOnlyAndOnAPath(chain, carry);
    }

    // The first fund with a management fee, a bank line and a covenant cured by the investors into an account the fee and
    // the bank's interest are paid from ('using'): in the first year the fund's cash is all taken by Drawn's draw.
    private const string FeeBankCureFund = """
        import "drawer.deal"
        import "plain.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 50% }
          holding Bond  { of Plain.Notes  share 100% }
          fee Management { 1m per year }
          tranche Bank { balance 20m  coupon 5%  amortize bullet  maturity 2028-01-01 }
          account Calls
          test Dscr = cfads / Bank.interest
          trigger Cov when Dscr < 8x cure by Investors up to 1 times into Calls => trap
          equity Investors { commitment 100m  contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { pay Management using Calls  pay Bank.interest using Calls  pay Bank.principal  distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void The_cash_recycled_into_a_draw_is_what_the_fund_paid_ahead_of_its_fees_and_bank_and_a_cure_counts_once()
    {
        // The period loop funds a holding's draw before the waterfall's first step (docs/language.md §5 "Draws"): the fee
        // and the bank's debt service rank behind it, and a cure never reaches it (deposited in Calls, which only steps
        // draw on). So what ranks ahead of the draw is nothing: the cash recycled is all the fund's cash paid of it.
        // Year 1: receipts 2m (Drawn) + 5m (Bond) = 7m; cfads 7 − 1 (fee) = 6 against 1m of bank interest: Dscr 6x < 8x,
        //   so the investors pay in 8 × 1 − 6 = 2m, into Calls (28m of the commitment left). Drawn's 30m share of the draw
        //   takes the 7m of cash first, then calls 23m. The fee and the interest are then paid from Calls (2m): D_0 = 0,
        //   J_0 = 2 (cure) + 23 (call) = 25, p_0 = 30 − 23 = 7. Year 2: 110m less fee 1, interest 1, principal 20: D_1 = 88.
        // Whole fund: A_0 = 70 × 1.05 + 25 = 98.5, A_1 = 103.425 > 88: no carry.
        // Deal by deal (w = ½, 35m each; attribution 2/7, 5/7, then ½, ½):
        //   Drawn: distributed 2/7 × (0 + 7) = 2, paid in ½ × (25 − 23) + 23 + 7 = 31: A_0 = 36.75 + 31 − 2 = 65.75,
        //     A_1 = 69.0375 > 44: no carry.
        //   Bond: distributed 5, paid in ½ × 2 = 1 (its half of the cure): A_0 = 36.75 + 1 − 5 = 32.75, A_1 = 34.3875:
        //     carry 20% × (44 − 34.3875) = 1.9225, all clawed back (the whole fund's is 0).
        //   Each dollar once: capital 35 + 35 + 31 + 1 = 102 = the class's 95 (70 + 2 + 23) + the 7 recycled, distributed
        //   2 + 5 = 7 = D_0 + the 7 recycled.
        // Counting the recycled cash net of the fee and the interest (5m) and the cure's 2m as Drawn's alone (as though
        //   they ranked ahead of the draw and the cure paid it) would give Bond A_1 = (36.75 − 25/7) × 1.05 = 34.8375 and
        //   a carry of 1.8325: not what the fund's cash did.
        using var chain = new SmallChain(FeeBankCureFund, ("drawer.deal", Drawer), ("plain.deal", Plain));
        Assert.Equal(2e6, chain.Ledger("Fund", "Base", "Cov cure injected", 0), 1e-3);
        Assert.Equal(23e6, chain.Ledger("Fund", "Base", "Drawn draw called", 0), 1e-3);
        Assert.Equal(30e6, chain.Ledger("Fund", "Base", "Drawn draw paid", 0), 1e-3);
        Assert.Equal(1e6, chain.Ledger("Fund", "Base", "1 pay Management paid", 0), 1e-3);
        Assert.Equal(1e6, chain.Ledger("Fund", "Base", "2 pay Bank.interest paid", 0), 1e-3);
        var equity = chain.Of("Fund", "Base").Equities.Single();
        Assert.Equal(88e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.Equal(1.9225e6, carry.Clawback, 1e-3);
        Assert.Equal(0, carry.Carry, 1e-3);
        Assert.Equal(0, carry.Unpaid, 1e-3);
        var lps = carry.Classes.Single();
        Assert.Equal(95e6, lps.Contributed, 1e-3);
        Assert.Equal(88e6, lps.Distributions, 1e-3);
        SameSummaryOnlyAndOnAPath(chain, carry);
    }

    // DeferredFund with a bank that takes 105m of the second year's cash: the fund distributes 0, then 4m.
    private const string LeveredDeferredFund = """
        import "drawer.deal"
        import "short.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          holding Drawn { of Drawer.Loan  share 100% }
          holding Bond  { of Short.Notes  share 100% }
          tranche Bank { balance 105m  coupon 0%  amortize bullet  maturity 2028-01-01 }
          equity Investors { contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { pay Bank.interest pay Bank.principal distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void Carry_still_deferred_at_the_runs_end_is_not_paid_and_the_summary_shows_it()
    {
        // As DeferredFund: w = 2/3, 1/3 of 70m. Year 1: receipts 4m + 55m = 59m, all paid toward Drawn's 60m draw (ahead
        //   of the waterfall; the bank is owed nothing yet), D_0 = 0, attribution 4/59, 55/59. Year 2: Drawn's 110m pays
        //   the 1m unpaid draw, then the bank's 105m: D_1 = 4m, attribution 1, 0.
        // Bond: A_0 = 23.333 × 1.05 = 24.5 against its 55/59 × 59 = 55: carry 20% × 30.5 = 6.1, owed in year 1 (D_0 = 0).
        //   Drawn: A_0 = 49 + 59 − 4 = 104, A_1 = 109.2 + 1 = 110.2 against 1 × (4 + 1) = 5: no carry.
        // The GP is paid min(6.1, 0) = 0, then min(6.1, 4) = 4: 2.1 is still deferred at the end, not paid (no interest
        //   on it: 2.1, not 2.1 × 1.05). The whole fund (A_1 = 77.175 against 4) owes no carry, so the 4 paid is clawed
        //   back: the GP ends with 0, the LPs with 4 = D, and the summary shows the 2.1 unpaid.
        // Before, the 2.1 vanished: nothing in the summary told it from a carry fully paid.
        using var chain = new SmallChain(LeveredDeferredFund, ("drawer.deal", Drawer), ("short.deal", Short));
        Assert.Equal(59e6, chain.Ledger("Fund", "Base", "Drawn draw paid", 0), 1e-3);
        var fund = chain.Of("Fund", "Base");
        var equity = fund.Equities.Single();
        Assert.Equal(4e6, equity.Distributions, 1e-3);
        var carry = equity.Carry!;
        Assert.Equal(2.1e6, carry.Unpaid, 1e-3);
        Assert.Equal(2.1e6, carry.Classes.Single().Unpaid, 1e-3);
        Assert.Equal(4e6, carry.Clawback, 1e-3);
        Assert.Equal(0, carry.Carry, 1e-3);
        var lps = carry.Classes.Single();
        Assert.Equal(4e6, lps.Distributions, 1e-3);

        // Cash is conserved: what the LPs and the GP received is what the fund distributed (the unpaid carry is the LPs').
        Assert.Equal(equity.Distributions, lps.Distributions + carry.Carry, 1e-6);
        Assert.Equal(Math.Sqrt(4.0 / 70) - 1, lps.Irr, 1e-9);

        var deal = chain.Outcomes[0].Entities[^1].Deal;
        string table = DealLang.Runner.Reports.SummaryReport.Render(deal, [fund], DealLang.Runner.Reports.ReportFormat.Table);
        Assert.Matches(@"carry unpaid at end\s+2\.1\b", table);
        Assert.Matches(@"LP Pension carry unpaid\s+2\.1\b", table);
        string json = DealLang.Runner.Reports.SummaryReport.Render(deal, [fund], DealLang.Runner.Reports.ReportFormat.Json);
        Assert.Contains("\"carryUnpaid\": 2100000", json, StringComparison.Ordinal);
        SameSummaryOnlyAndOnAPath(chain, carry);
    }

    // LeveredDeferredFund with a bank of 100m, under a stochastic scenario: the Drawer's tenant (a party the top shares by
    // name) defaults at a drawn date, which cuts what the fund's Drawn holding receives, so whether carry is still deferred
    // at the end differs from path to path.
    private const string RiskyLeveredDeferredFund = """
        import "drawer.deal"
        import "short.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          party Pension { }
          party TenantD { pd 30% }
          holding Drawn { of Drawer.Loan  share 100% }
          holding Bond  { of Short.Notes  share 100% }
          tranche Bank { balance 100m  coupon 0%  amortize bullet  maturity 2028-01-01 }
          equity Investors { contributed 70m  holders Pension 100%  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { pay Bank.interest pay Bank.principal distribute rest to Investors }
        }
        scenario Risk for Fund {
          paths 40
          seed 3
          TenantD defaults drawn
        }
        scenario PairedRisk for Fund {
          paths 40
          seed 3
          antithetic
          TenantD defaults drawn
        }
        """;

    [Fact]
    public void A_monte_carlo_paths_carry_unpaid_at_end_is_its_replayed_summarys_and_the_report_adds_them_up()
    {
        // Each path's `Investors carry unpaid` (the --paths-out column) is the figure its replay's summary prints (`carry
        // unpaid at end`, what `mc --replay-path` shows), bit for bit; the report's P(carry unpaid at end) counts the paths
        // with half a cent or more of it, and its expected carry unpaid at end is their mean.
        // By hand (as LeveredDeferredFund): Bond's carry of 6.1m is owed in year 1, when the fund distributes nothing. On
        //   a path where the Drawer pays its 110m in year 2, D_1 = 110 − 1 (the draw still unpaid) − 100 (the bank) = 9m
        //   pays it in full: 0 unpaid (and all 6.1 clawed back, the whole fund owing none). On one where the tenant's
        //   default leaves the fund nothing after the bank, the GP is paid none of it: 6.1m unpaid. So each path's figure
        //   is 0 or 6.1m, and the mean is 6.1m × the share of paths with it.
        using var chain = new SmallChain(RiskyLeveredDeferredFund, ("drawer.deal", Drawer), ("short.deal", Short));
        var simulation = chain.Simulation("Risk");
        const int paths = 40;
        var rows = new Rows();
        var totals = simulation.Run(0, paths, threads: 2, rows);
        double[] unpaid = rows.Column("Fund.Investors carry unpaid");
        Assert.Equal(paths, unpaid.Length);

        var (runner, filler) = simulation.NewPathRunner(fullLedger: true);
        for (int path = 0; path < paths; path++)
        {
            filler.Run(path);
            var outcome = runner.OutcomeOf("Risk", filler.DrawnScenarios());
            var carry = outcome.Entities[^1].Outcome.Equities.Single().Carry!;
            Assert.Equal(carry.Unpaid, unpaid[path]);
        }

        Assert.All(unpaid, u => Assert.True(u == 0 || Math.Abs(u - 6.1e6) < 1e-3, $"{u}"));
        int with = unpaid.Count(u => u >= 0.005);
        Assert.InRange(with, 1, paths - 1); // some paths owe the GP carry at the end, some do not

        var fund = simulation.Deals[^1];
        var metrics = DealLang.Runner.Simulation.CreditMetrics.Compute(DealLang.Runner.Simulation.SimulationFrame.Of(fund, "hash", "Risk", 3, paths), totals[^1]);
        var risk = metrics.UnpaidCarries.Single()!;
        Assert.Equal(with, risk.PathsUnpaid);
        Assert.Equal(with / (double)paths, risk.Probability.Value);
        Assert.Equal(6.1e6 * with / paths, risk.Expected.Value, 1e-2); // the sums count in 1/1,024ths
        Assert.Equal(unpaid.Average(), risk.Expected.Value, 1e-2);
        string table = DealLang.Runner.Reports.MonteCarloReport.Render(metrics, DealLang.Runner.Reports.ReportFormat.Table);
        Assert.Matches(@"\n\s+P\(carry unpaid at end\)\s+" + Regex.Escape((100.0 * with / paths).ToString("F3", CultureInfo.InvariantCulture)) + "%", table);
        Assert.Matches(@"\n\s+expected carry unpaid at end\s+" + Regex.Escape((6.1 * with / paths).ToString("F3", CultureInfo.InvariantCulture)) + @"\s", table);
        string json = DealLang.Runner.Reports.MonteCarloReport.Render(metrics, DealLang.Runner.Reports.ReportFormat.Json);
        Assert.Contains($"\"pathsWithCarryUnpaid\": {with}", json, StringComparison.Ordinal);
        Assert.Contains("\"expectedCarryUnpaid\"", json, StringComparison.Ordinal);

        // Two shards written to their files and read back merge into the same report, the carry unpaid's rows too.
        var frames = simulation.Deals.Select(d => DealLang.Runner.Simulation.SimulationFrame.Of(d, "hash", "Risk", 3, paths)).ToArray();
        var merged = simulation.Deals.Select(DealLang.Runner.Simulation.SimulationTotals.For).ToArray();
        foreach (int index in new[] { 1, 2 })
        {
            var shard = DealLang.Runner.Simulation.Shard.Of(index, 2, paths);
            var part = simulation.Run(shard.From, shard.To, threads: 1);
            byte[] file = DealLang.Runner.Simulation.ShardFile.WriteChain(new(shard, [.. frames.Select((f, e) => (f, part[e]))]));
            var read = DealLang.Runner.Simulation.ShardFile.ReadRun(file);
            for (int e = 0; e < merged.Length; e++)
            {
                merged[e].Merge(read[e].Totals);
            }
        }

        var fromShards = DealLang.Runner.Simulation.CreditMetrics.Compute(frames[^1], merged[^1]);
        Assert.Equal(json, DealLang.Runner.Reports.MonteCarloReport.Render(fromShards, DealLang.Runner.Reports.ReportFormat.Json));
    }

    [Fact]
    public void An_antithetic_runs_carry_unpaid_at_end_has_its_pair_standard_errors_and_its_shards_merge_to_the_run()
    {
        // Under antithetic the ± of P(carry unpaid at end) and of its mean are over the 20 mirrored pairs: with a_k the
        // pair's paths with some unpaid (0, 1 or 2) and b_k = 2, SE = √(Σ(a_k − 2p)² / (m (m − 1))) / 2 for the share, and
        // 6.1m times it for the mean (every path's figure is 0 or 6.1m). Two shards (split on pairs) written, read back
        // (their pair sums checked against their totals) and merged print the single run's report.
        using var chain = new SmallChain(RiskyLeveredDeferredFund, ("drawer.deal", Drawer), ("short.deal", Short));
        var simulation = chain.Simulation("PairedRisk");
        const int paths = 40;
        var rows = new Rows();
        var totals = simulation.Run(0, paths, threads: 1, rows);
        double[] unpaid = rows.Column("Fund.Investors carry unpaid");
        var frames = simulation.Deals.Select(d => DealLang.Runner.Simulation.SimulationFrame.Of(d, "hash", "PairedRisk", 3, paths) with
        {
            Sampling = DealLang.Runner.Simulation.SimulationFrame.Antithetic,
        }).ToArray();
        var metrics = DealLang.Runner.Simulation.CreditMetrics.Compute(frames[^1], totals[^1]);
        var risk = metrics.UnpaidCarries.Single()!;

        int[] pairs = [.. Enumerable.Range(0, paths / 2).Select(k => (unpaid[2 * k] >= 0.005 ? 1 : 0) + (unpaid[(2 * k) + 1] >= 0.005 ? 1 : 0))];
        double p = pairs.Sum() / (double)paths;
        Assert.InRange(p, 0.01, 0.99);
        double se = Math.Sqrt(pairs.Sum(a => (a - (2 * p)) * (a - (2 * p))) / (20.0 * 19)) / 2;
        Assert.Equal(p, risk.Probability.Value, 12);
        Assert.Equal(se, risk.Probability.StdError, 9);
        Assert.Equal(6.1e6 * se, risk.Expected.StdError, 1e-2);

        var merged = simulation.Deals.Select(d => DealLang.Runner.Simulation.SimulationTotals.For(d).Paired(paths)).ToArray();
        foreach (int index in new[] { 1, 2 })
        {
            var shard = DealLang.Runner.Simulation.Shard.Of(index, 2, paths, pairs: true);
            var part = simulation.Run(shard.From, shard.To, threads: 1);
            byte[] file = DealLang.Runner.Simulation.ShardFile.WriteChain(new(shard, [.. frames.Select((f, e) => (f, part[e]))]));
            var read = DealLang.Runner.Simulation.ShardFile.ReadRun(file);
            for (int e = 0; e < merged.Length; e++)
            {
                merged[e].Merge(read[e].Totals);
            }
        }

        string json = DealLang.Runner.Reports.MonteCarloReport.Render(metrics, DealLang.Runner.Reports.ReportFormat.Json);
        Assert.Contains("\"carryUnpaidProbability\"", json, StringComparison.Ordinal);
        Assert.Equal(json, DealLang.Runner.Reports.MonteCarloReport.Render(
            DealLang.Runner.Simulation.CreditMetrics.Compute(frames[^1], merged[^1]), DealLang.Runner.Reports.ReportFormat.Json));
    }

    // The rows a run hands its sink, by column, in path order.
    private sealed class Rows : DealLang.Runner.Simulation.IPathSink
    {
        private readonly Dictionary<string, List<double>> columns = [];

        public double[] Column(string name) => [.. columns[name]];

        public void Write(DealLang.Runner.Simulation.PathBlock block)
        {
            for (int c = 0; c < block.Columns.Count; c++)
            {
                if (!columns.TryGetValue(block.Columns[c].Name, out List<double>? values))
                {
                    columns[block.Columns[c].Name] = values = [];
                }

                values.AddRange(block.Values[c].AsSpan(0, block.Count).ToArray());
            }
        }
    }

    // A summary-only run splits as the full run does, and a Monte Carlo path (PathFigures, on that run's buffers) too.
    private static void SameSummaryOnlyAndOnAPath(SmallChain chain, DealLang.Runner.Running.CarrySummary carry)
    {
        var (runner, outcomes) = chain.RunSummaryOnly();
        var entity = outcomes.Single().Entities.Single(e => e.Deal.Name == "Fund");
        var summaryOnly = entity.Outcome.Equities.Single().Carry!;
        Assert.Equal(carry.Carry, summaryOnly.Carry);
        Assert.Equal(carry.Clawback, summaryOnly.Clawback);
        Assert.Equal(carry.Classes.Single().Distributions, summaryOnly.Classes.Single().Distributions);
        Assert.Equal(carry.Classes.Single().Irr, summaryOnly.Classes.Single().Irr);

        var (result, inputs) = runner.Buffers(2);
        var figures = new DealLang.Runner.Simulation.PathFigures(entity.Deal);
        figures.Read(0, result, inputs);
        Assert.Equal(summaryOnly.Carry, figures.GpCarry.Single());
        Assert.Equal(summaryOnly.Classes.Single().Distributions, figures.LpDistributions.Single());
        Assert.Equal(summaryOnly.Classes.Single().Irr, figures.LpIrr.Single());
        Assert.Equal(carry.Unpaid, summaryOnly.Unpaid);
        Assert.Equal(summaryOnly.Unpaid, figures.CarryUnpaid.Single()); // the path's carry unpaid at end: the summary's, to the bit
    }
}
