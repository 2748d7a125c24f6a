using DealLang.Cli.Tests.Corrections;
using DealLang.Runtime;
using DealLang.TestSupport;
using Xunit;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/terawulf.deal (issue 11, item 4), checked by hand: the notes amortising as the buildings are completed,
/// the miners' margin and its switch-off in the bitcoin crash, the Abernathy JV's termination fee amortising to its
/// floor on Fluidstack's default, and the 2031 converts converting in the rally.
/// </summary>
public sealed class TeraWulfFiguresTests
{
    private static readonly SmallDeal Deal = new(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "terawulf.deal")));

    [Fact]
    public void The_example_checks_clean_Issue11()
    {
        Assert.Empty(Deal.Diagnostics);
    }

    [Fact]
    public void The_notes_amortise_as_the_buildings_are_completed_Issue11()
    {
        // Semiannual from 2025-10-15; the notes mature at the end of period 10 (2030-10-15). Periods 1 and 2 read 0%
        // completed; period 3 (from 2026-10-15) reads 40%: 3.2bn / 8 periods left × 40% = 160m; period 4 reads 70%:
        // 3.04bn / 7 × 70% = 304m; period 5 reads 100%: 2.736bn / 6 = 456m.
        Assert.Equal(0.0, Deal.Ledger("Notes principal due", 1, "Base"));
        Assert.Equal(160e6, Deal.Ledger("Notes principal due", 2, "Base"), 1e-3);
        Assert.Equal(304e6, Deal.Ledger("Notes principal due", 3, "Base"), 1e-3);
        Assert.Equal(456e6, Deal.Ledger("Notes principal due", 4, "Base"), 1e-3);
        // A year late, period 3 reads nothing completed yet.
        Assert.Equal(0.0, Deal.Ledger("Notes principal due", 2, "ConstructionDelay"));
    }

    [Fact]
    public void The_miners_stop_when_bitcoin_no_longer_pays_for_their_power_Issue11()
    {
        // Period 2 (2026-04-15 → 2026-10-15, 183 days = 4,392 hours): 10 / 900 × 18.75 × 4,392 = 915 coins; power
        // 200,000 kW × 4,392 × 0.045 = 39.528m. At 90k: 82.35m − 39.528m = 42.822m. After the crash (90k × 40% = 36k
        // from 2026-04-15): 32.94m < 39.528m, switched off.
        Assert.Equal(42.822e6, Deal.Ledger("mining Bitcoin", 1, "Base"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("mining Bitcoin", 1, "CorrelationConvergence"));
    }

    [Fact]
    public void The_termination_fee_has_amortised_halfway_to_its_floor_Issue11()
    {
        // The JV runs 2025-10-15 → 2030-10-15 (1,826 days); Fluidstack defaults on 2028-04-15 with 913 days left:
        // 742m + (1.3bn − 742m) × 913 / 1,826 = 1,021m, of which its 37% recovery pays 377.77m.
        Assert.Equal(377.77e6, Deal.Outcomes["FluidstackDefault"].Contracts.Single().TerminationFee, 1e-3);
    }

    [Fact]
    public void Googles_backstop_pays_the_rent_Fluidstack_leaves_unpaid_up_to_its_cap_Issue11()
    {
        // The rule (docs/language.md §5, "Guarantors"): each period the guarantor pays the rent the lease would have
        // paid had Fluidstack not defaulted, less what it pays — Base's rent less FluidstackDefault's — until the
        // 3.2bn cap is used. From 2028-04-15 the lease has 8 years left at about 955m a year and more (900m escalating
        // 3% from 2026-06-30), far above 3.2bn: the cap binds, in the fourth year of payments.
        const double cap = 3.2e9;
        double paid = 0;
        int t = 0;
        for (; paid + (Deal.Ledger("rent FluidstackLease", t, "Base") - Deal.Ledger("rent FluidstackLease", t, "FluidstackDefault")) < cap - 1; t++)
        {
            double lost = Deal.Ledger("rent FluidstackLease", t, "Base") - Deal.Ledger("rent FluidstackLease", t, "FluidstackDefault");
            Assert.Equal(lost, Deal.Ledger("guarantor FluidstackLease", t, "FluidstackDefault"), 1e-3);
            paid += lost;
        }

        // The period the cap binds pays what is left of it, and nothing after.
        Assert.Equal(cap - paid, Deal.Ledger("guarantor FluidstackLease", t, "FluidstackDefault"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("guarantor FluidstackLease", t + 1, "FluidstackDefault"));
        var summary = Deal.Outcomes["FluidstackDefault"].Guarantees.Single();
        Assert.Equal(cap, summary.Paid, 1e-3);
        Assert.Equal(0.0, Deal.Outcomes["BackstopFails"].Guarantees.Single().Paid);

        // With the backstop the notes lose nothing; without it they do.
        Assert.Equal(0.0, Deal.Outcomes["FluidstackDefault"].Tranches[0].PrincipalLoss);
        Assert.True(Deal.Outcomes["BackstopFails"].Tranches[0].PrincipalLoss > 0);
    }

    [Fact]
    public void The_2031_converts_take_shares_in_the_rally_Issue11()
    {
        // BTC at 150k: the share price is 10.50 × 150k / 90k = 17.50 > 12.43 at the converts' maturity period:
        // 850m × 17.50 / 12.43 = 1,196.70m in shares, no cash principal; the 2032 converts (19.94) repay in cash.
        var rally = Deal.Outcomes["BitcoinRally"];
        Assert.Equal(1_196_701_528.56, rally.Tranches[1].SharesValue, 1e-2);
        Assert.Equal(new Date(2031, 4, 15), rally.Tranches[1].ConvertedOn);
        Assert.Equal(0.0, rally.Tranches[1].PrincipalPaid);
        Assert.Null(rally.Tranches[2].ConvertedOn);
        Assert.Null(Deal.Outcomes["Base"].Tranches[1].ConvertedOn);
    }
}
