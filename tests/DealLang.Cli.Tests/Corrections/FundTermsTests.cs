using DealLang.Runner.Reports;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fund's terms, end to end (docs/language.md §5 "A fund's LPs"): commitments drawn by dated capital calls, each
/// LP class on its own hurdle and carry, and a deal-by-deal carry with the GP's clawback. The first two use
/// <see cref="CarryTests"/>'s fund: two annual periods (ACT/365F years 1.0 and 2.0) in which the equity receives 70m each.
/// </summary>
public sealed class FundTermsTests
{
    private static string Fund(string equity) => $$"""
        deal Fund {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      annual
          daycount 30/360

          party Tenant  { }
          party Pension { }
          party Etf     { }
          party Manager { }

          facility Asset { cost 100m  value straight_line 20y floor 0% from 2026-01-01 }
          lease AssetLease on Asset { lessee Tenant  rent 70m per year  starts 2026-01-01  term 2y }

          equity Investors {
            {{equity}}
          }

          waterfall { distribute rest to Investors }
        }
        """;

    [Fact]
    public void A_call_accrues_the_hurdle_from_its_date_and_the_irr_counts_it_there()
    {
        // Committed 120m: 50m at the closing, 50m called on 2026-07-02, 182 days in (τ = 182/365 years).
        // Period 1 (y = 1): A = 50 × 1.08 + 50 × 1.08^(1 − 182/365) = 54 + 51.96701 = 105.96701; the 70 all to the LPs,
        //   A = 35.96701.
        // Period 2 (y = 2): A = 35.96701 × 1.08 = 38.84437 to the LPs; 31.15563 left. Profits so far 70 + 38.84437 − 100
        //   = 8.84437; catch-up 20% × 8.84437 / 80% = 2.21109 to the GP; the 28.94454 left: 5.78891 GP, 23.15563 LPs.
        //   GP 8.0 (20% of the 40 of profits); LPs 132; unfunded 120 − 100 = 20 (Pension 15, Etf 5).
        var deal = new SmallDeal(Fund("commitment 120m  contributed 50m  calls 2026-07-02 50m  holders Pension 75%, Etf 25%  hurdle 8%  carry 20% to Manager catch_up 100%"));
        var equity = deal.Single.Equities.Single();
        Assert.Equal(100e6, equity.Contributed, 1e-3);
        Assert.Equal(120e6, equity.Commitment, 1e-3);
        Assert.Equal(20e6, equity.Unfunded, 1e-3);
        double tau = 182.0 / 365.0;
        double a1 = 50 * 1.08 + 50 * Math.Pow(1.08, 1 - tau) - 70;
        double tier1 = a1 * 1.08;
        Assert.Equal(38.84437, tier1, 1e-5);
        Assert.Equal(8e6, equity.Carry!.Carry, 1e-3);
        var pension = equity.Carry.Classes[0];
        Assert.Equal(("Pension", 75e6, 15e6), (pension.Holder, pension.Contributed, pension.Unfunded));
        Assert.Equal(132e6 * 0.75, pension.Distributions, 1e-3);

        // The IRR counts the call at its date: −37.5 at 0, −37.5 at τ, +52.5 at 1, +46.5 at 2 (75% of −50, −50, 70, 62)
        // has NPV 0 at the class's IRR; with both payments at the closing it would be lower.
        double r = pension.Irr;
        double npv = -37.5 - 37.5 / Math.Pow(1 + r, tau) + 52.5 / (1 + r) + 46.5 / Math.Pow(1 + r, 2);
        Assert.Equal(0.0, npv, 1e-7);
        Assert.True(r > (70 + Math.Sqrt(29_700)) / 200 - 1);

        string summary = SummaryReport.Render(deal.Description, [deal.Single], ReportFormat.Table);
        Assert.Matches(@"unfunded\s+20\.0\b", summary);
        Assert.Matches(@"LP Etf unfunded\s+5\.0\b", summary);
    }

    [Fact]
    public void A_monte_carlo_path_counts_a_call_at_its_date_as_the_run_does()
    {
        // The flows: −50 at 0, −50 at τ = 182/365 (the call of 2026-07-02), +70 at 1 and +70 at 2; their IRR, as the run's
        // summary has it, solves −50 − 50/(1+r)^τ + 70/(1+r) + 70/(1+r)² = 0. deallang mc's path used to put the call at
        // the end of the first period (−50 at 0, 20 at 1, 70 at 2: r = 40%), so the same path's IRR differed between mc
        // and its replay (mc --replay-path, run's figures); now both are the summary's flows, to the bit.
        string source = Fund("commitment 120m  contributed 50m  calls 2026-07-02 50m  holders Pension 75%, Etf 25%  hurdle 8%  carry 20% to Manager");
        var figures = SmallDeal.PathFiguresOf(source);
        var summary = new SmallDeal(source).Single.Equities.Single();
        double tau = 182.0 / 365.0;
        double r = figures.EquityIrr[0];
        Assert.Equal(0.0, -50 - 50 / Math.Pow(1 + r, tau) + 70 / (1 + r) + 70 / Math.Pow(1 + r, 2), 1e-9);
        Assert.True(r < 0.39, $"IRR {r}: the call is at its date, not at the period's end (40%)");
        Assert.Equal(summary.Irr, r);
    }

    [Fact]
    public void A_replayed_monte_carlo_path_has_the_runs_equity_and_lp_irrs_with_calls()
    {
        // A stochastic tenant default on each path: the LPs' IRRs vary by path. On each replayed path, the figures mc
        // adds to its totals and per-path rows (PathFigures) are the replay's summary's (what mc --replay-path prints,
        // as run does): the equity's and each LP class's IRR, each call at its date.
        string source = Fund("commitment 120m  contributed 50m  calls 2026-07-02 30m, 2027-03-01 20m  holders Pension 75%, Etf 25%  hurdle 8%  carry 20% to Manager")
            + "\nscenario Risk for Fund {\n  paths 50\n  seed 7\n  Tenant defaults drawn pd 40% per year\n}\n";
        var compiled = DealLang.Compiler.DealCompiler.Compile("fund.deal", source);
        Assert.True(compiled.Compiled is not null, string.Join("\n", compiled.Diagnostics));
        using var host = DealLang.Runner.Hosting.DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        var scenario = compiled.Model!.Scenarios.Single(s => s.Name == "Risk");
        var paths = new DealLang.Runner.MonteCarlo.StochasticPaths(host.Program.Description, scenario, 7, 50);
        var irrs = new HashSet<double>();
        for (int path = 0; path < 50; path++)
        {
            var (outcome, figures) = DealLang.Runner.Simulation.PathReplay.Run(host.Program, paths, path, "Risk");
            var equity = outcome.Equities.Single();
            Assert.Equal(equity.Irr, figures.EquityIrr[0]);
            Assert.Equal(equity.Carry!.Classes[0].Irr, figures.LpIrr[0]);
            Assert.Equal(equity.Carry.Classes[1].Irr, figures.LpIrr[1]);
            irrs.Add(equity.Irr);
        }

        Assert.True(irrs.Count > 1, "the paths should differ");
    }

    [Fact]
    public void What_is_never_called_stays_unfunded()
    {
        // Committed 150m: 50m at the closing and 50m called on 2027-06-30 (in the second period); the unfunded
        // commitment is what was never paid in: 150 − 50 − 50 = 50, all of the one class (no holders: the equity).
        var deal = new SmallDeal(Fund("commitment 150m  contributed 50m  calls 2027-06-30 50m  hurdle 8%  carry 20% to Manager"));
        var equity = deal.Single.Equities.Single();
        Assert.Equal(100e6, equity.Contributed, 1e-3);
        Assert.Equal(50e6, equity.Unfunded, 1e-3);
        Assert.Equal(50e6, equity.Carry!.Classes.Single().Unfunded, 1e-3);
    }

    [Fact]
    public void Each_class_splits_its_share_on_its_own_terms()
    {
        // Pension 75% on 8% / 15% (catch-up 100%, the equity's), Etf 25% on 6% / 20%; 100m contributed.
        // Pension: capital 75, 52.5 a year. A = 81 → 52.5, A = 28.5; then A = 30.78 to the LPs, 21.72 left; profits
        //   52.5 + 30.78 − 75 = 8.28, catch-up 15% × 8.28 / 85% = 1.461176 to the GP; the 20.258824 left: 15% = 3.038824
        //   GP, 17.22 LPs. GP 4.5 (15% of 30); LPs 52.5 + 30.78 + 17.22 = 100.5.
        // Etf: capital 25, 17.5 a year. A = 26.5 → 17.5, A = 9; then A = 9.54, 7.96 left; profits 2.04, catch-up
        //   20% × 2.04 / 80% = 0.51 to the GP; the 7.45 left: 1.49 GP, 5.96 LPs. GP 2.0 (20% of 10); LPs 33.0.
        var deal = new SmallDeal(Fund("contributed 100m  holders Pension 75% { carry 15% }, Etf 25% { hurdle 6% }  hurdle 8%  carry 20% to Manager catch_up 100%"));
        var carry = deal.Single.Equities.Single().Carry!;
        Assert.Equal(6.5e6, carry.Carry, 1e-3);
        Assert.Equal((0.08, 0.15, 4.5e6, 100.5e6), (carry.Classes[0].Hurdle, carry.Classes[0].Rate, Math.Round(carry.Classes[0].Carry, 3), Math.Round(carry.Classes[0].Distributions, 3)));
        Assert.Equal((0.06, 0.20, 2.0e6, 33.0e6), (carry.Classes[1].Hurdle, carry.Classes[1].Rate, Math.Round(carry.Classes[1].Carry, 3), Math.Round(carry.Classes[1].Distributions, 3)));
        Assert.Equal(100.5e6, deal.Single.Equities.Single().Holders[0].Distributions, 1e-3);

        string summary = SummaryReport.Render(deal.Description, [deal.Single], ReportFormat.Table);
        Assert.Matches(@"LP Pension carry paid\s+4\.5\b", summary);
        Assert.Matches(@"carry to Manager\s+6\.5\b", summary);
    }

    // Two held deals, annual and 30/360, each with 50m notes bullet at 2028-01-01 held whole by the fund. Win's notes
    // pay 20%: 10m, then 10m + 50m. Lose's pay 10% from a rent of 40m a year: 5m, then 5m + 35m of principal (the
    // other 15m is lost at the maturity). The fund distributes what it receives: 15m, then 100m.
    private static string Held(string name, string coupon, string rent, string maturity = "2028-01-01", string term = "2y") => $$"""
        deal {{name}} {
          currency USD closing 2026-01-01 maturity {{maturity}} pay annual daycount 30/360
          party Tenant{{name}} { }
          party Owner{{name}} { }
          facility Site { cost 100m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee Tenant{{name}} rent {{rent}} per year starts 2026-01-01 term {{term}} }
          tranche Notes { balance 50m coupon {{coupon}} amortize bullet maturity {{maturity}} }
          equity Common { contributed 10m holders Owner{{name}} 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    private const string DealByDealFund = """
        import "win.deal"
        import "lose.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Manager { }
          holding WinNotes  { of Win.Notes  share 100% }
          holding LoseNotes { of Lose.Notes share 100% }
          equity Investors { contributed 100m  hurdle 5%  carry 20% to Manager deal_by_deal }
          waterfall { distribute rest to Investors }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void Deal_by_deal_carry_is_paid_on_the_winner_and_clawed_back_to_the_whole_fund_carry()
    {
        // Capital 100m, half to each holding (par 50m each). Hurdle 5%, carry 20%, no catch-up.
        // Win: A = 52.5 → 10, A = 42.5; then A = 44.625 to the LPs, 60 − 44.625 = 15.375 split: 3.075 GP, 12.3 LPs.
        // Lose: A = 52.5 → 5, A = 47.5; then A = 49.875 and 40 all to the LPs. Deal by deal the GP takes 3.075.
        // Whole fund: A = 105 → 15, A = 90; then A = 94.5 to the LPs, 100 − 94.5 = 5.5 split: 1.1 GP, 4.4 LPs.
        // The clawback returns 3.075 − 1.1 = 1.975 to the LPs in the last period: GP 1.1, LPs 115 − 1.1 = 113.9.
        using var chain = new SmallChain(DealByDealFund, ("win.deal", Held("Win", "20%", "60m")), ("lose.deal", Held("Lose", "10%", "40m")));
        var fund = chain.Of("Fund", "Base");
        Assert.Equal(115e6, fund.Equities[0].Distributions, 1e-3);
        var carry = fund.Equities[0].Carry!;
        Assert.True(carry.DealByDeal);
        Assert.Equal(1.975e6, carry.Clawback, 1e-3);
        Assert.Equal(1.1e6, carry.Carry, 1e-3);
        Assert.Equal(113.9e6, carry.Classes.Single().Distributions, 1e-3);

        string summary = SummaryReport.Render(chain.Outcomes[0].Entities[^1].Deal, [fund], ReportFormat.Table);
        Assert.Matches(@"clawback to LPs\s+1\.975\b|clawback to LPs\s+2\.0\b", summary);
    }

    [Fact]
    public void A_monte_carlo_path_splits_a_deal_by_deal_carry_as_the_summary_does()
    {
        // Win's notes mature after one year: 10m + 50m in period 1. Deal by deal: Win's A = 52.5 → 52.5 to the LPs,
        // the other 7.5 split 1.5 GP / 6 LPs; Lose pays 5m to the LPs: LPs 63.5m, GP 1.5m. Period 2: Lose's 40m, all
        // to the LPs (its A = 47.5 × 1.05 = 49.875), and the clawback: the whole fund (A = 105 → 65, then 42 → 40)
        // owes no carry, so the 1.5m comes back: LPs 41.5m, GP −1.5m. The LPs' IRR solves −100 + 63.5/(1+r)
        // + 41.5/(1+r)² = 0: r = 3.5697%; a whole-fund split (65m, then 40m) would give 3.6073%. deallang mc's path
        // (PathFigures, with the path's holdings' receipts) must give the summary's split, not the whole fund's.
        using var chain = new SmallChain(DealByDealFund, ("win.deal", Held("Win", "20%", "60m", "2027-01-01", "1y")), ("lose.deal", Held("Lose", "10%", "40m")));
        var summary = chain.Of("Fund", "Base").Equities[0].Carry!;
        Assert.Equal(1.5e6, summary.Clawback, 1e-3);
        var (result, inputs) = chain.Runner.Buffers(2);
        var figures = new DealLang.Runner.Simulation.PathFigures(chain.Outcomes[0].Entities[2].Deal);
        figures.Read(0, result, inputs);
        Assert.Equal(105e6, figures.LpDistributions.Single(), 1e-3);
        Assert.Equal(0.0, figures.GpCarry.Single(), 1e-3);
        Assert.Equal(summary.Classes.Single().Irr, figures.LpIrr.Single(), 1e-12);
        Assert.Equal(0.035697, figures.LpIrr.Single(), 1e-6);

        // Path after path, the split runs in buffers made once (issue 8: a summary-only path allocates nothing).
        AllocationWindows.AssertOneAllocatesNothing("10 paths' figures", () =>
        {
            for (int p = 0; p < 10; p++)
            {
                figures.Read(p, result, inputs);
            }
        });
        Assert.Equal(0.035697, figures.LpIrr.Single(), 1e-6);
    }

    [Fact]
    public void Deal_by_deal_needs_no_clawback_when_every_holding_earns_its_hurdle()
    {
        // Lose at 20% too, from a rent of 60m: both pay 10m, then 60m. Per holding: A = 52.5 → 10, 44.625, then 15.375
        //   split 3.075 / 12.3: GP 6.15 in all. Whole fund: A = 105 → 20, 85 × 1.05 = 89.25, then 120 − 89.25 = 30.75
        //   split 6.15 / 24.6: the same 6.15, so nothing is clawed back.
        using var chain = new SmallChain(DealByDealFund, ("win.deal", Held("Win", "20%", "60m")), ("lose.deal", Held("Lose", "20%", "60m")));
        var carry = chain.Of("Fund", "Base").Equities[0].Carry!;
        Assert.Equal(6.15e6, carry.Carry, 1e-3);
        Assert.Equal(0.0, carry.Clawback, 1e-3);
    }

    [Fact]
    public void Deal_by_deal_attributes_distributions_by_what_the_fund_still_receives_after_selling_a_holding()
    {
        // Win (2 years) pays 10m then 60m; Lose runs 3 years (5m, 5m, then 5m + 35m). A 65m bank line at 0% due at the end
        // of year 1 is met by selling LoseNotes, marked at par 50m, at no discount: 15m received, 50m short, all 50m of
        // LoseNotes sold for 50m, so the fund keeps none of it and year 1 distributes nothing. Year 2 the fund receives
        // Win's 60m and nothing of Lose (its 5m goes to the buyer); year 3 nothing: D = 0, 60, 0.
        // Deal by deal (capital 100m, 50m each, hurdle 5%, carry 20%, no catch-up; ACT/365F years 1, 2, 1096/365): the
        //   60m is all Win's stream: A = 50 × 1.05² = 55.125 to the LPs, 4.875 split 0.975 GP / 3.9 LPs in year 2.
        // Whole fund: A = 100 × 1.05² = 110.25 > 60: no carry, so the 0.975 is clawed back in year 3.
        // The LPs receive 59.025 then 0.975. Attributing year 2 by Lose's payments on the whole holding (5m of 65m) would
        // give Win's stream 55.385m, a carry of 0.052m and a clawback of that.
        const string fund = """
            import "win.deal"
            import "lose.deal"
            deal Fund {
              currency USD closing 2026-01-01 maturity 2029-01-01 pay annual daycount 30/360
              party Manager { }
              holding WinNotes  { of Win.Notes  share 100% }
              holding LoseNotes { of Lose.Notes share 100% }
              tranche Bank { balance 65m coupon 0% amortize bullet maturity 2027-01-01 }
              equity Investors { contributed 100m  hurdle 5%  carry 20% to Manager deal_by_deal }
              waterfall { pay Bank.interest sell LoseNotes to cover Bank.principal pay Bank.principal distribute rest to Investors }
            }
            scenario Base for Fund { }
            """;
        using var chain = new SmallChain(fund, ("win.deal", Held("Win", "20%", "60m")), ("lose.deal", Held("Lose", "10%", "40m", "2029-01-01", "3y")));
        Assert.Equal(50e6, chain.Ledger("Fund", "Base", "LoseNotes sale proceeds", 0), 1e-3);
        Assert.Equal(0.0, chain.Ledger("Fund", "Base", "receipts LoseNotes", 1), 1e-3);
        Assert.Equal(60e6, chain.Ledger("Fund", "Base", "4 distribute rest to Investors distributed", 1), 1e-3);
        var carry = chain.Of("Fund", "Base").Equities[0].Carry!;
        Assert.Equal(0.975e6, carry.Clawback, 1e-3);
        Assert.Equal(0.0, carry.Carry, 1e-3);
        var lps = carry.Classes.Single();
        Assert.Equal(60e6, lps.Distributions, 1e-3);

        // The LPs' IRR: −100 at 0, 59.025 at 2, 0.975 at 1096/365 (NPV 0 to 1e-7 of the millions at the rate reported).
        static double Npv(double r) => -100 + 59.025 / Math.Pow(1 + r, 2) + 0.975 / Math.Pow(1 + r, 1096.0 / 365.0);
        Assert.Equal(0.0, Npv(lps.Irr), 1e-7);

        // A Monte Carlo path reads the same receipts (the run's, on the share still held), so the same split and IRR.
        var (result, inputs) = chain.Runner.Buffers(2);
        var figures = new DealLang.Runner.Simulation.PathFigures(chain.Outcomes[0].Entities[2].Deal);
        figures.Read(0, result, inputs);
        Assert.Equal(0.0, Npv(figures.LpIrr.Single()), 1e-7);
        Assert.Equal(0.0, figures.GpCarry.Single(), 1e-3);
    }
}
