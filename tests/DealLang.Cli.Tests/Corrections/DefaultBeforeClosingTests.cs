using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// DL0586 (docs/diagnostics.md): a scenario's <c>P defaults on DATE</c> before the closing of the deal that declares P.
/// A chain's scenario reaches a held deal's party, dated against that deal: the credit fund (closing 2026-01-01) stresses
/// CoreWeave's AiLab on 2025-12-15, after CoreWeave's 2024-05-31 closing, and is not warned of.
/// </summary>
public sealed class DefaultBeforeClosingTests
{
    [Fact]
    public void A_held_deals_party_is_dated_against_its_own_deal_not_the_top()
    {
        CliOutcome outcome = CliHarness.Run("check", Path.Combine(RepoPaths.Examples, "credit-fund.deal"));

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.DoesNotContain("DL0586", outcome.Out + outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deals_own_party_dated_before_its_closing_is_warned_of_at_the_date()
    {
        CliOutcome outcome = CliHarness.Run("check", Path.Combine(RepoPaths.Tests, "corpus", "malformed", "578-a-default-dated-before-the-closing.deal"));

        Assert.Equal(ExitCodes.Ok, outcome.Exit); // a warning
        Assert.Contains("(36,22): warning DL0586", outcome.Out + outcome.Err, StringComparison.Ordinal);
    }
}
