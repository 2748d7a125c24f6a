using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>L pays beta mean m sd s [loading F γ]… from D1 [to D2]</c> (docs/language.md §10, "Partial payments"): a window's
/// share drawn per path. It makes the scenario a Monte Carlo one; it lowers to a <see cref="PaymentShareModel"/> naming its
/// loan and window (the window's own share its mean), in the order written; its beta must exist (DL0599) and its loadings
/// fit the scenario's factors as a drawn recovery's (DL0533, DL0534, DL0513).
/// </summary>
public sealed class DrawnShareRulesTests
{
    // Annual periods from 2025-01-01; MinerLoan is the description's loan 1 (Other's loan 0).
    private const string Loans = """
          party Miner { pd 8% recovery 30% }
          index BTC { level 90k per coin }
          loan OtherLoan { obligor Miner balance 20m coupon 8% fixed maturity 2029-01-01 recovery 40% }
          loan MinerLoan { obligor Miner balance 50m coupon 8% fixed maturity 2029-01-01 recovery 40% }
        """;

    private static string Scenario(string items) => Deal(Loans, scenarios: $"scenario Mc for D {{\n{items}\n}}");

    [Fact]
    public void A_drawn_share_lowers_to_its_loan_and_window_in_the_order_written_its_window_keeping_the_mean()
    {
        DealModel model = ModelOf(Scenario("""
              BTC gbm drift 0% per year volatility 50% per year
              MinerLoan pays 70% from 2026-06-01 to 2026-12-31
              OtherLoan pays beta mean 50% sd 10% from 2026-01-01
              MinerLoan pays beta mean 40% sd 20% loading BTC 60% from 2027-06-01 to 2027-12-31
            """));
        ScenarioSpec scenario = model.Scenarios.Single(s => s.Name == "Mc");
        Assert.Equal(
            [new PaymentShareModel(0, 0, new RecoveryBeta(0.5, 0.1) { Loadings = [] }), new PaymentShareModel(1, 1, new RecoveryBeta(0.4, 0.2) { Loadings = [0.6] })],
            scenario.Stochastic!.PaymentShares);
        Assert.Equal([0.7, 0.4], scenario.PaymentsOfLoan(1)!.Select(w => w.Share));
    }

    [Fact]
    public void The_drawn_form_alone_makes_the_scenario_a_monte_carlo_one()
    {
        DealModel model = ModelOf(Scenario("  MinerLoan pays beta mean 60% sd 15% from 2026-01-01 to 2026-12-31"));
        Assert.NotNull(model.Scenarios.Single(s => s.Name == "Mc").Stochastic);
        Assert.Null(ModelOf(Scenario("  MinerLoan pays 60% from 2026-01-01 to 2026-12-31")).Scenarios.Single(s => s.Name == "Mc").Stochastic);
    }

    [Fact]
    public void A_beta_that_cannot_exist_is_DL0599()
    {
        Assert.Equal(
            "scenario 'Mc': the share of what falls due that the obligor of loan 'MinerLoan' pays, drawn per path, has a standard deviation of 60%, too large for a mean of 40%: a beta distribution's sd is below √(mean × (1 − mean)) = 48.99%",
            Single(Errors(Scenario("  MinerLoan pays beta mean 40% sd 60% from 2026-01-01")), "DL0599").Message);
        Assert.Contains("has a mean of 100%", Single(Errors(Scenario("  MinerLoan pays beta mean 100% sd 10% from 2026-01-01")), "DL0599").Message, StringComparison.Ordinal);
        Assert.Contains("has a standard deviation of 0%", Single(Errors(Scenario("  MinerLoan pays beta mean 50% sd 0% from 2026-01-01")), "DL0599").Message, StringComparison.Ordinal);

        // Not DL0565 besides: the mean is checked as a beta's, not as a fixed share.
        Assert.DoesNotContain(Errors(Scenario("  MinerLoan pays beta mean 0% sd 10% from 2026-01-01")), d => d.Code == "DL0565");
    }

    [Fact]
    public void Its_loadings_are_checked_as_a_drawn_recoverys()
    {
        Assert.Contains("Hashprice", Single(Errors(Scenario("  MinerLoan pays beta mean 40% sd 20% loading Hashprice 50% from 2026-01-01")), "DL0533").Message, StringComparison.Ordinal);
        Assert.Equal(
            "the loadings of MinerLoan's drawn share have a sum of squares of 1.21; it must be 1 or less",
            Single(Errors(Scenario("  BTC gbm drift 0% per year volatility 50% per year\n  MinerLoan pays beta mean 40% sd 20% loading BTC 110% from 2026-01-01")), "DL0534").Message);
        Assert.Contains("MinerLoan's drawn share",
            Single(Errors(Scenario("  BTC gbm drift 0% per year volatility 50% per year\n  MinerLoan pays beta mean 40% sd 20% loading BTC 50% loading BTC 20% from 2026-01-01")), "DL0513").Message,
            StringComparison.Ordinal);
    }
}
