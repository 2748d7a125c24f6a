using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A drawn workout lag (docs/language.md §10, "Drawn workout lags") checked against the loans it reaches: a chain's top
/// draws it for the loans of the entities it holds (a party of the same name there takes the path's lag), so DL0518
/// looks for a lagged loan there too; and a drawn lag that puts a loan's last instalment (<c>in N instalments</c>) past
/// the longest workout a run covers is DL0517, as the loan's own lag is DL0498.
/// </summary>
public sealed class DrawnWorkoutChainRulesTests
{
    // A lender holding one loan of Miner's, quarterly; `terms` are the loan's recovery terms.
    private static string Lender(string terms) => $$"""
        deal Lender {
          currency USD closing 2026-01-01 maturity 2031-01-01 pay quarterly daycount 30/360
          party Miner { pd 8% recovery 30% }
          party Sponsor { }
          loan MinerLoan { obligor Miner balance 100m coupon 8% fixed maturity 2030-01-01 {{terms}} }
          tranche Notes { balance 80m coupon 6% }
          equity Common { contributed 20m holders Sponsor 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    // A fund holding the lender's equity, semiannual, whose scenario draws Miner's workout lag.
    private static string Fund(string draw) => $$"""
        import "lender.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2031-01-01 pay semiannual daycount 30/360
          party Holders { }
          holding Stake { of Lender.Common share 100% }
          tranche FundNotes { balance 10m coupon 7% }
          equity FundEquity { contributed 10m holders Holders 100% }
          waterfall { pay FundNotes.interest pay FundNotes.principal distribute rest to FundEquity }
        }
        scenario Mc for Fund {
          Miner defaults on 2027-06-30
          {{draw}}
        }
        """;

    private static IReadOnlyList<Diagnostic> ChainErrors(string lenderTerms, string draw)
    {
        var files = new InMemorySourceFiles().Add("lender.deal", Lender(lenderTerms));
        Compilation c = Compilation.Create(SourceDocument.FromText("fund.deal", Fund(draw)), files);
        return [.. c.Diagnostics.Where(d => d.Severity == Severity.Error)];
    }

    [Fact]
    public void A_chains_top_drawing_the_lag_of_a_party_whose_held_loans_have_none_is_DL0518()
    {
        // Lender's loan of Miner's recovers in the default period: the path's lag would reach no loan of the chain.
        Diagnostic error = Single(ChainErrors("recovery 40%", "Miner workout drawn 6m with 50%, 18m with 50%"), "DL0518");
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of party 'Miner', but it owes no loan with a workout lag ('recovery R after D') here or in an entity the deal holds, so the draw moves nothing; give a loan to 'Miner' a lag, or remove the draw",
            error.Message);
        Assert.Equal(("fund.deal", 12, 3), (error.Span.Path, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void A_chains_top_drawing_the_lag_of_a_held_loan_with_one_is_clean()
    {
        Assert.Empty(ChainErrors("recovery 40% after 18m", "Miner workout drawn 6m with 50%, 18m with 50%"));
    }

    [Fact]
    public void A_drawn_lag_putting_a_held_loans_last_instalment_past_the_workout_is_DL0517()
    {
        // Lender is quarterly: 114m is ⌈114 / 3⌉ = 38 quarters, and the 4th instalment comes 38 + 3 = 41 quarters, 123
        // months, after the default period (> 120); 108m is 36 + 3 = 39 quarters, 117 months, within it.
        Diagnostic error = Single(ChainErrors("recovery 40% after 18m in 4 instalments", "Miner workout drawn 6m with 50%, 108m with 25%, 114m with 25%"), "DL0517");
        Assert.Equal(
            "the drawn workout lag of party 'Miner' in scenario 'Mc' gives 114m, after which the last of the 4 recovery instalments of loan 'MinerLoan' comes 123 months after the default period, longer than 10 years, the longest workout a run covers: draw shorter lags, or state fewer instalments",
            error.Message);
        Assert.Empty(ChainErrors("recovery 40% after 18m in 4 instalments", "Miner workout drawn 6m with 50%, 108m with 50%"));
    }

    [Fact]
    public void A_drawn_lag_putting_a_loans_last_instalment_past_the_workout_is_DL0517_once_per_loan()
    {
        // An annual deal: 100m is ⌈100 / 12⌉ = 9 years and 110m 10, so with 3 instalments the last comes (9 + 2) × 12 =
        // 132 months (> 120) after the default: reported at the first outcome past the workout only; 72m is (6 + 2) × 12 = 96.
        const string loans = """
              party Miner { pd 8% recovery 30% }
              loan MinerLoan { obligor Miner balance 50m coupon 8% fixed maturity 2029-01-01 recovery 40% after 1y in 3 instalments }
            """;
        string text = Deal(loans, scenarios: "scenario Mc for D {\n  Miner defaults on 2026-06-30\n  Miner workout drawn 72m with 50%, 100m with 25%, 110m with 25%\n}");
        Diagnostic error = Single(Errors(text), "DL0517");
        Assert.Contains("gives 100m, after which the last of the 3 recovery instalments of loan 'MinerLoan' comes 132 months", error.Message, StringComparison.Ordinal);
        At(error, 19, 37); // the scenario's third line, at "100m"
    }
}
