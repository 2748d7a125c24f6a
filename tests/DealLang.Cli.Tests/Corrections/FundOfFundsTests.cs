using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A holding of a fund's equity, where the fund's equity has a carry (docs/language.md §5 "holding", "A fund's LPs"):
/// the holding is an LP interest, so it receives its share of what reaches the LPs, not of the distributions before
/// the GP's carry. Before the fix a fund of funds holding half of <see cref="CarryTests"/>' fund received half of its
/// 140m, 70m, while the LPs' part was 132m and the GP took 8m of it: 148m paid out of 140m across the chain.
/// </summary>
public sealed class FundOfFundsTests
{
    // CarryTests' fund: 100m contributed, 70m a year for two years, 8% hurdle, 20% carry, 100% catch-up.
    private const string Pe = """
        deal Pe {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Tenant { }
          party Manager { }
          facility Asset { cost 100m value straight_line 20y floor 0% from 2026-01-01 }
          lease AssetLease on Asset { lessee Tenant rent 70m per year starts 2026-01-01 term 2y }
          equity Investors { contributed 100m  hurdle 8%  carry 20% to Manager catch_up 100% }
          waterfall { distribute rest to Investors }
        }
        """;

    private const string Fof = """
        import "pe.deal"
        deal Fof {
          currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Lp { }
          holding Stake { of Pe.Investors share 50% }
          equity Own { contributed 50m holders Lp 100% }
          waterfall { distribute rest to Own }
        }
        scenario Base for Fof { }
        """;

    [Fact]
    public void A_holding_of_a_funds_equity_receives_its_share_of_the_LPs_part()
    {
        // The LPs take 70 in year 1 (A = 108 − 70 = 38); in year 2 A = 41.04, then the catch-up 2.76 to the GP and the
        // last 26.2 split 5.24 GP / 20.96 LPs: the LPs 62, the GP 8 (CarryTests). The holding's half: 35, then 31 (to
        // the cent).
        using var chain = new SmallChain(Fof, ("pe.deal", Pe));
        Assert.Equal(8e6, chain.Of("Pe", "Base").Equities[0].Carry!.Carry, 1e-3);
        Assert.Equal(35e6, chain.Ledger("Fof", "Base", "receipts Stake", 0), 0.01);
        Assert.Equal(31e6, chain.Ledger("Fof", "Base", "receipts Stake", 1), 0.01);
        Assert.Equal(66e6, chain.Of("Fof", "Base").Holdings[0].Received, 0.01);

        // The split runs in buffers made once: a chain's path still allocates nothing (ChainTests).
        var specs = chain.Runner.Prepare(chain.Scenarios.Single());
        chain.Runner.RunPrepared(specs);
        AllocationWindows.AssertOneAllocatesNothing("10 runs of the chain's path", () =>
        {
            for (int i = 0; i < 10; i++)
            {
                chain.Runner.RunPrepared(specs);
            }
        });
    }
}
