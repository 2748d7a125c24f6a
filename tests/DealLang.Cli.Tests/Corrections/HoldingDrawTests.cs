using DealLang.Runner.Reports;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A holding of a delayed draw that draws after the holder's closing funds its share of each draw (docs/language.md §5
/// "holding", "Draws"): from the holder's cash ahead of its waterfall, then by calling its investors' undrawn
/// commitment; what neither funds is carried. Before, the holder received interest and principal on its share of the
/// drawn principal without paying for it (the warning DL0710). The held deal: annual, 30/360, a loan committed at
/// 100m, 40m drawn at the closing and 60m on 2027-01-01 (the end of its first period), 10% a year, a 1% commitment
/// fee on the undrawn commitment, bullet at 2029-01-01; the fund holds half of it from the same closing.
/// </summary>
public sealed class HoldingDrawTests
{
    private const string Held = """
        deal Borrower {
          currency USD closing 2026-01-01 maturity 2029-01-01 pay annual daycount 30/360
          party Tenant { }
          party Owner { }
          facility Site { cost 300m value straight_line 20y floor 0% from 2026-01-01 }
          lease SiteLease on Site { lessee Tenant rent 200m per year starts 2026-01-01 term 3y }
          tranche Loan {
            commitment 100m  balance 40m  available until 2027-01-01  draws { 2027-01-01 60m }
            commitment_fee 1%  coupon 10%  amortize bullet  maturity 2029-01-01
          }
          equity Common { contributed 10m holders Owner 100% }
          waterfall { pay Loan.commitment_fee pay Loan.interest pay Loan.principal distribute rest to Common }
        }
        """;

    private static string Fund(string equity) => $$"""
        import "borrower.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2029-01-01 pay annual daycount 30/360
          party Investors { }
          holding LoanStake { of Borrower.Loan  face 50m }
          equity Lps { {{equity}} holders Investors 100% }
          waterfall { distribute rest to Lps }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void The_holder_funds_its_share_of_a_later_draw_from_its_cash_then_its_investors_commitment()
    {
        // Half the loan (50m of the 100m commitment). Its receipts: 2026, 50% × (10% × 40m + 1% × 60m undrawn) = 2.3m;
        // 2027, 50% × 10% × 100m = 5m; 2028, 50% × (10m + 100m) = 55m. Its share of the draw, 50% × 60m = 30m, is due in
        // 2026 (the draw is funded at the end of the borrower's first period, 2027-01-01, inside the fund's first).
        // Committed 40m, 20m paid in at the closing: 20m left to call. 2026: the cash pays 2.3m, the investors are
        // called for 20m (all that is left), 7.7m is unfunded and carried; 2027: the 5m of cash pays it down to 2.7m;
        // 2028: 2.7m paid, 52.3m distributed. Before the fix: 2.3m, 5m and 55m distributed, nothing paid for the draw.
        using var chain = new SmallChain(Fund("commitment 40m  contributed 20m"), ("borrower.deal", Held));
        double Ledger(string column, int t) => chain.Ledger("Fund", "Base", column, t);
        Assert.Equal(2.3e6, Ledger("receipts LoanStake", 0), 1e-3);
        Assert.Equal(30e6, Ledger("LoanStake draw due", 0), 1e-3);
        Assert.Equal(20e6, Ledger("LoanStake draw called", 0), 1e-3);
        Assert.Equal(22.3e6, Ledger("LoanStake draw paid", 0), 1e-3);
        Assert.Equal(7.7e6, Ledger("LoanStake draw unpaid", 0), 1e-3);
        Assert.Equal(5e6, Ledger("LoanStake draw paid", 1), 1e-3);
        Assert.Equal(2.7e6, Ledger("LoanStake draw unpaid", 1), 1e-3);
        Assert.Equal(2.7e6, Ledger("LoanStake draw paid", 2), 1e-3);

        var fund = chain.Of("Fund", "Base");
        var equity = fund.Equities.Single();
        Assert.Equal(52.3e6, equity.Distributions, 1e-3);
        Assert.Equal(0.0, equity.Unfunded, 1e-3); // 40 − 20 − the 20 called
        var holding = fund.Holdings.Single();
        Assert.Equal((62.3e6, 30e6, 0.0), (holding.Received, holding.DrawsPaid, holding.DrawsUnpaid));

        // The investors' IRR: −20 at the closing, −20 called at the end of 2026 (y = 1), +52.3 at the end of 2028
        // (y = 1096/365): the call is capital, as a cure is.
        double r = equity.Irr;
        double npv = -20 - 20 / (1 + r) + 52.3 / Math.Pow(1 + r, 1096.0 / 365.0);
        Assert.Equal(0.0, npv, 1e-7);

        string summary = SummaryReport.Render(chain.Outcomes[0].Entities[^1].Deal, [fund], ReportFormat.Table);
        Assert.Matches(@"draws funded\s+30\.0\b", summary);
        Assert.Matches(@"draws unfunded\s+0\.0\b", summary);
    }

    [Fact]
    public void Draws_called_from_names_the_equity_whose_commitment_is_called()
    {
        // Two equities state a commitment: the LPs' (40m, 20m paid in: 20m left) and a sidecar's (10m, 5m paid in: 5m
        // left), and the holding names the sidecar. 2026: the cash pays 2.3m of the 30m, the sidecar is called for its
        // 5m, 22.7m is carried; 2027: 5m paid, 17.7m carried; 2028: 17.7m paid of the 55m, 37.3m distributed. The LPs are
        // called for nothing (unfunded 20m), the sidecar for all it had left (unfunded 0, IRR: −5 at the closing, −5 at
        // y = 1, nothing back). Without the clause the deal would not compile (DL0795): before it, the first equity
        // declared, the LPs, was called for 20m whatever was meant.
        string fund = Fund("commitment 40m  contributed 20m").Replace("party Investors { }", "party Investors { }\n  party CoInvestor { }", StringComparison.Ordinal)
            .Replace("face 50m }", "face 50m  draws called from Sidecar }", StringComparison.Ordinal)
            .Replace("waterfall {", "equity Sidecar { commitment 10m  contributed 5m  holders CoInvestor 100% }\n  waterfall {", StringComparison.Ordinal);
        using var chain = new SmallChain(fund, ("borrower.deal", Held));
        Assert.Equal(5e6, chain.Ledger("Fund", "Base", "LoanStake draw called", 0), 1e-3);
        Assert.Equal(22.7e6, chain.Ledger("Fund", "Base", "LoanStake draw unpaid", 0), 1e-3);
        Assert.Equal(17.7e6, chain.Ledger("Fund", "Base", "LoanStake draw unpaid", 1), 1e-3);
        var outcome = chain.Of("Fund", "Base");
        var (lps, sidecar) = (outcome.Equities[0], outcome.Equities[1]);
        Assert.Equal((37.3e6, 20e6), (lps.Distributions, lps.Unfunded));
        Assert.Equal((0.0, 0.0), (sidecar.Distributions, sidecar.Unfunded));
    }

    [Theory]
    [InlineData("", "DL0795")]
    [InlineData("draws called from Investors", "DL0205")]
    [InlineData("draws called from Plain", "DL0796")]
    [InlineData("draws called from Lps", null)]
    public void With_several_commitments_the_holding_must_name_an_equity_that_states_one(string clause, string? code)
    {
        // Lps and Sidecar state commitments, Plain none; 'Investors' is a party. The holding funds draws after the
        // closing, so an unnamed caller is DL0795; a party is DL0205; an equity without a commitment DL0796.
        string fund = Fund("commitment 40m  contributed 20m").Replace("face 50m }", "face 50m  " + clause + " }", StringComparison.Ordinal)
            .Replace("waterfall {", "equity Sidecar { commitment 10m  contributed 5m  holders Investors 100% }\n  equity Plain { contributed 1m  holders Investors 100% }\n  waterfall {", StringComparison.Ordinal);
        var files = new DealLang.Compiler.InMemorySourceFiles();
        files.Add("borrower.deal", Held);
        var result = DealLang.Compiler.DealCompiler.Compile(DealLang.Compiler.Compilation.Create(DealLang.Compiler.SourceDocument.FromText("top.deal", fund), files));
        var errors = result.Diagnostics.Where(d => d.Severity == DealLang.Compiler.Diagnostics.Severity.Error).Select(d => d.Code).ToList();
        Assert.Equal(code is null ? [] : [code], errors);
    }

    [Fact]
    public void Without_a_commitment_to_call_the_draw_waits_for_the_holders_cash()
    {
        // No commitment: 2026 pays 2.3m of the 30m, 27.7m carried; 2027 pays 5m (22.7m left); 2028 pays 22.7m of its 55m
        // and distributes 32.3m. Nothing is unfunded at the end.
        using var chain = new SmallChain(Fund("contributed 20m"), ("borrower.deal", Held));
        Assert.Equal(27.7e6, chain.Ledger("Fund", "Base", "LoanStake draw unpaid", 0), 1e-3);
        Assert.Equal(22.7e6, chain.Ledger("Fund", "Base", "LoanStake draw unpaid", 1), 1e-3);
        var fund = chain.Of("Fund", "Base");
        Assert.Equal(32.3e6, fund.Equities.Single().Distributions, 1e-3);
        Assert.Equal((30e6, 0.0), (fund.Holdings.Single().DrawsPaid, fund.Holdings.Single().DrawsUnpaid));
    }

    [Fact]
    public void Naming_an_equity_for_draws_that_all_land_by_the_closing_is_a_warning()
    {
        // Closing on 2027-01-01, the draw's date: the holding funds no draw (its par has it), so 'draws called from Lps'
        // changes nothing: DL0797, a warning; it compiles and nobody is called.
        string fund = Fund("commitment 40m  contributed 20m").Replace("closing 2026-01-01", "closing 2027-01-01", StringComparison.Ordinal)
            .Replace("face 50m }", "face 50m  draws called from Lps }", StringComparison.Ordinal);
        var files = new DealLang.Compiler.InMemorySourceFiles();
        files.Add("borrower.deal", Held);
        var result = DealLang.Compiler.DealCompiler.Compile(DealLang.Compiler.Compilation.Create(DealLang.Compiler.SourceDocument.FromText("top.deal", fund), files));
        Assert.Equal(["DL0797"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(DealLang.Compiler.Diagnostics.Severity.Warning, result.Diagnostics.Single().Severity);
        Assert.NotNull(result.Compiled);
    }

    [Fact]
    public void A_holder_closing_after_the_last_draw_pays_nothing_for_it()
    {
        // The fund closes on 2027-01-01, the draw's date: the draw is in the par it bought (50m), none comes after;
        // it receives 5m, then 55m.
        using var chain = new SmallChain(Fund("contributed 20m").Replace("closing 2026-01-01", "closing 2027-01-01", StringComparison.Ordinal),
            ("borrower.deal", Held));
        var fund = chain.Of("Fund", "Base");
        Assert.Equal(60e6, fund.Equities.Single().Distributions, 1e-3);
        Assert.Equal(0.0, fund.Holdings.Single().DrawsPaid);
    }
    // A fund of the same closing that matures on 2026-07-01, half a year before the borrower's draw (2027-01-01): the
    // draw comes after the fund has ended.
    private static string ShortFund(string equities, string clause) => $$"""
        import "borrower.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2026-07-01 pay semiannual daycount 30/360
          party Investors { }
          holding LoanStake { of Borrower.Loan  face 50m {{clause}} }
          {{equities}}
          waterfall { distribute rest to Lps }
        }
        """;

    private static DealLang.Compiler.CompileResult CompileFund(string fund)
    {
        var files = new DealLang.Compiler.InMemorySourceFiles();
        files.Add("borrower.deal", Held);
        return DealLang.Compiler.DealCompiler.Compile(DealLang.Compiler.Compilation.Create(DealLang.Compiler.SourceDocument.FromText("top.deal", fund), files));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("draws called from Lps", new[] { "DL0797" })]
    public void Draws_all_after_the_holders_maturity_are_not_its_to_fund(string clause, string[] codes)
    {
        // Two equities state a commitment. The holding funds no draw (HeldDraws: the fund's periods end on 2026-07-01,
        // the draw lands on 2027-01-01), so naming none is no error (before: DL0795, "funds the draws"), and naming one
        // changes nothing (DL0797, a warning; before: nothing said).
        string equities = "equity Lps { commitment 40m  contributed 20m  holders Investors 100% }\n  equity Sidecar { commitment 10m  contributed 5m  holders Investors 100% }";
        var result = CompileFund(ShortFund(equities, clause));
        Assert.Equal(codes, result.Diagnostics.Select(d => d.Code));
        Assert.NotNull(result.Compiled);
        Assert.False(result.Model!.Holdings.Single().Draws);
    }

    [Fact]
    public void A_draw_on_the_holders_maturity_is_funded_in_its_last_period()
    {
        // The fund matures on 2027-01-01, the day of the draw: its one period is (2026-01-01, 2027-01-01], and the draw,
        // funded at the end of the borrower's first period (2027-01-01), falls in it, as a receipt dated that day does.
        // Its share, 50% × 60m = 30m, is due in period 0: the cash (2.3m of receipts) pays 2.3m, the LPs' 20m undrawn
        // is called, 7.7m is left unfunded at the end (there is no next period).
        string fund = Fund("commitment 40m  contributed 20m").Replace("maturity 2029-01-01", "maturity 2027-01-01", StringComparison.Ordinal);
        using var chain = new SmallChain(fund, ("borrower.deal", Held));
        Assert.Equal(30e6, chain.Ledger("Fund", "Base", "LoanStake draw due", 0), 1e-3);
        Assert.Equal(20e6, chain.Ledger("Fund", "Base", "LoanStake draw called", 0), 1e-3);
        Assert.Equal(7.7e6, chain.Ledger("Fund", "Base", "LoanStake draw unpaid", 0), 1e-3);

        // With a second committed equity and none named, the checker says the same: the holding funds a draw (DL0795).
        string unnamed = ShortFund("equity Lps { commitment 40m  contributed 20m  holders Investors 100% }\n  equity Sidecar { commitment 10m  contributed 5m  holders Investors 100% }", "")
            .Replace("maturity 2026-07-01", "maturity 2027-01-01", StringComparison.Ordinal);
        Assert.Equal(["DL0795"], CompileFund(unnamed).Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_holder_in_its_workout_after_its_maturity_funds_no_draw()
    {
        // The fund can default and then sells its office over workout periods past its maturity (2026-07-01): its
        // periods run on to (2026-07-01, 2027-01-01], where the borrower's draw lands. The runner's draws per holder
        // period (HoldingFlows, what the fund's loop is handed) leave it out, as the checker does; before, 30m (50% ×
        // 60m at par) was due in that workout period. The draw's interest and principal are still received then.
        string fund = """
            import "borrower.deal"
            deal Fund {
              currency USD closing 2026-01-01 maturity 2026-07-01 pay semiannual daycount 30/360
              party Investors { }
              facility Office { cost 1m value straight_line 10y floor 0% from 2026-01-01 }
              holding LoanStake { of Borrower.Loan  face 50m }
              equity Lps { contributed 20m holders Investors 100% }
              default when cfads < 0
              waterfall { distribute rest to Lps }
              enforcement { sell Office haircut 10% lag 12m }
            }
            scenario Base for Fund { }
            """;
        using var chain = new SmallChain(fund, ("borrower.deal", Held));
        var entities = chain.Outcomes[0].Entities;
        var (holder, borrower) = (entities[1].Deal, entities[0].Deal);
        Assert.True(holder.Periods > holder.ScheduledPeriods && holder.Boundaries[2] == new DealLang.Runtime.Date(2027, 1, 1));
        var (drawn, _) = chain.Runner.Buffers(0);
        Assert.Equal(60e6, drawn.TrancheDrawn[0][0], 1e-3); // the borrower drew it, at the end of its first period

        double[] receipts = new double[holder.Periods], par = new double[holder.Periods], draws = new double[holder.Periods];
        new HoldingFlows(holder, holder.Holdings[0], borrower).Fill(drawn, receipts, par, null, draws);

        Assert.All(draws, d => Assert.Equal(0.0, d));
        Assert.Equal(0.5 * (0.1 * 40e6 + 0.01 * 60e6), receipts[1], 1e-3); // 2026's coupon and fee, paid 2027-01-01
    }
}
