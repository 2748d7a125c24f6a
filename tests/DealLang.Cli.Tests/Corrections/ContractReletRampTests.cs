using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A contract's re-let that ramps and has a price of its own (docs/language.md §5, "contract-relet-ramp"): a neocloud's
/// anchor customer walks away and its H100s are re-let slowly, at a discount to the index. Re-let revenue
/// units × P_t × 8,760 × y'_t × R_t × k_t, with R_t = R0 + (R1 − R0) × min(1, m_t / M), m_t the whole months from the
/// re-let's start (the contract's stop plus the idle gap) to the day period t starts re-letting, and
/// P_t = max(0, share × I_t + spread), I_t read at the period's start.
/// </summary>
public sealed class ContractReletRampTests
{
    // Monthly from 2026-01-01. 1,200 H100s all under one contract at 2.20 a GPU-hour, take-or-pay 100%, two years;
    // H100Rent 2.00 until 2026-09-01, then 2.50. The customer defaults on 2026-02-01, so the contract stops on that day
    // and the units are re-let from 2026-05-01 (3 months idle). A GPU re-let for d days at price P and utilisation u
    // earns P × 8,760 × d / 365 × u = 24 × P × d × u.
    internal const string Source = """
        deal Neo {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      monthly
          daycount 30/360

          party Anchor { }
          party Owner  { }
          index H100Rent { level 2.00 per gpu_hour  points stepped { 2026-09-01 2.50 per gpu_hour } }
          fleet Cluster {
            units 1200 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            generation H100Rent
          }
          contract H100s on Cluster {
            customer Anchor  units 1200 gpus  price 2.20 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 2y
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Walks for Neo {
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 30% rising to 80% over 12m price 85% of H100Rent
        }
        """;

    private const string Flat = """

        scenario Flat for Neo {
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 30%
        }
        """;

    private const string FlatPriced = """

        scenario FlatShare for Neo {
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 30% price 85% of H100Rent
        }

        scenario FlatSpread for Neo {
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 30% price H100Rent - 0.30
        }
        """;

    [Fact]
    public void TheReletRampsMonthByMonthFromItsStartAtEightyFivePercentOfTheIndex()
    {
        var deal = new SmallDeal(Source);

        // January: the term, 1,200 × 2.20 × 24 × 31 = 1,964,160. February to April: stopped on 2026-02-01, idle.
        Assert.Equal(1_964_160.00, deal.Ledger("revenue H100s", 0, "Walks"), 0.01);
        for (int t = 1; t <= 3; t++)
        {
            Assert.Equal(0.0, deal.Ledger("revenue H100s", t, "Walks"));
        }

        // From May (m = 0): 1,200 × u = 1,200 × (30% + 50% × m / 12) = 360 + 50m GPUs at work, at 85% of H100Rent:
        //   May    (m = 0, 31 d, P = 0.85 × 2.00 = 1.70):  360 × 24 × 1.70 × 31 =   455,328
        //   June   (m = 1, 30 d, 1.70):                    410 × 24 × 1.70 × 30 =   501,840
        //   July   (m = 2, 31 d, 1.70):                    460 × 24 × 1.70 × 31 =   581,808
        //   August (m = 3, 31 d, 1.70):                    510 × 24 × 1.70 × 31 =   645,048
        //   Sept.  (m = 4, 30 d, P = 0.85 × 2.50 = 2.125): 560 × 24 × 2.125 × 30 =  856,800
        //   Oct.   (m = 5, 31 d, 2.125):                   610 × 24 × 2.125 × 31 =  964,410
        double[] expected = [455_328, 501_840, 581_808, 645_048, 856_800, 964_410];
        for (int t = 4; t <= 9; t++)
        {
            Assert.Equal(expected[t - 4], deal.Ledger("revenue H100s", t, "Walks"), 0.01);
        }

        // May 2027 (m = 12) reaches 80%: 960 × 24 × 2.125 × 31 = 1,517,760; June 2027 (m = 13) stays there: 960 × 24 ×
        // 2.125 × 30 = 1,468,800. The units taken are the contract's 1,200 from April's end (2026-05-01, the re-let's
        // start), whatever the utilisation; none at March's.
        Assert.Equal(1_517_760.00, deal.Ledger("revenue H100s", 16, "Walks"), 0.01);
        Assert.Equal(1_468_800.00, deal.Ledger("revenue H100s", 17, "Walks"), 0.01);
        Assert.Equal(1200.0, deal.Ledger("H100s units", 3, "Walks"));
        Assert.Equal(0.0, deal.Ledger("H100s units", 2, "Walks"));
    }

    [Fact]
    public void AFlatReletWithAPriceIsTheIndexScaled_AndOneLessASpreadPartsFromItWhenTheIndexMoves()
    {
        var deal = new SmallDeal(Source + Flat + FlatPriced);

        // May: flat at 30%, 1,200 × 0.30 × 24 × 2.00 × 31 = 535,680 at the index; 85% of it, 455,328, at 85% of the index,
        // and the same at 2.00 − 0.30 = 1.70.
        Assert.Equal(535_680.00, deal.Ledger("revenue H100s", 4, "Flat"), 0.01);
        for (int t = 4; t < 24; t++)
        {
            Assert.Equal(0.85 * deal.Ledger("revenue H100s", t, "Flat"), deal.Ledger("revenue H100s", t, "FlatShare"), 1e-6);
        }

        Assert.Equal(455_328.00, deal.Ledger("revenue H100s", 4, "FlatSpread"), 0.01);
        // September at 2.50: 85% is 2.125 (360 × 24 × 2.125 × 30 = 550,800), less 0.30 is 2.20 (360 × 24 × 2.20 × 30 = 570,240).
        Assert.Equal(550_800.00, deal.Ledger("revenue H100s", 8, "FlatShare"), 0.01);
        Assert.Equal(570_240.00, deal.Ledger("revenue H100s", 8, "FlatSpread"), 0.01);
    }

    [Fact]
    public void AFlatReletAtTheIndexIsTodaysFigure_InADealWhoseOtherScenariosRampAndPriceIt()
    {
        // The deal reads the ramp and the price once a scenario uses one; the flat lever ramps to itself at the
        // generation index, share 1, no spread: the same figures, to the bit, as the deal that reads neither.
        var plain = new SmallDeal(Source.Replace("H100s relet after 3m at 30% rising to 80% over 12m price 85% of H100Rent",
            "H100s relet after 6m at 50%", StringComparison.Ordinal) + Flat);
        var shaped = new SmallDeal(Source + Flat);
        for (int t = 0; t < 24; t++)
        {
            Assert.Equal(plain.Ledger("revenue H100s", t, "Flat"), shaped.Ledger("revenue H100s", t, "Flat"));
            Assert.Equal(plain.Ledger("collections", t, "Flat"), shaped.Ledger("collections", t, "Flat"));
        }
    }

    [Fact]
    public void TheReletRevenueIsCollected_CashConserved()
    {
        // SmallDeal runs the loop checking cash conservation each period; the re-let revenue is the period's collections
        // (nothing else is received), and what it pays out is what it collected.
        var deal = new SmallDeal(Source);
        for (int t = 4; t < 24; t++)
        {
            Assert.Equal(deal.Ledger("revenue H100s", t, "Walks"), deal.Ledger("collections", t, "Walks"), 1e-6);
        }
    }

    [Fact]
    public void AMonteCarloPathsDrawnIndexPricesTheRelet()
    {
        // H100Rent drawn per period (a GBM at 60% a year): each re-let month earns 1,200 × u_t × 0.85 × H100Rent_t × 24 × d
        // with H100Rent_t the ledger's (its level at the period's start on this path), u_t on the ramp as above.
        string source = Source + """

            scenario Drawn for Neo {
              paths 1
              seed  7
              H100Rent gbm drift 0% per year volatility 60% per year
              Anchor defaults on 2026-02-01
              H100s relet after 3m at 30% rising to 80% over 12m price 85% of H100Rent
            }
            """;
        var deal = new SmallDeal(source);
        double[] days = [31, 30, 31, 31, 30, 31];
        for (int t = 4; t <= 9; t++)
        {
            double index = deal.Ledger("H100Rent", t, "Drawn");
            double utilisation = 0.30 + (0.50 * (t - 4) / 12);
            Assert.Equal(1200 * utilisation * 0.85 * index * 24 * days[t - 4], deal.Ledger("revenue H100s", t, "Drawn"), 1e-6);
        }

        // The drawn levels moved: the path is not the deterministic one.
        Assert.NotEqual(2.00, deal.Ledger("H100Rent", 5, "Drawn"));
    }

    [Fact]
    public void Re_let_terms_a_code_built_scenario_gives_where_nothing_reads_them_are_refused()
    {
        // A scenario built in code (not from a deal's text, whose checks would refuse it) gives a ramp or a price to a
        // contract it does not re-let, or an end utilisation to a flat re-let: nothing would read them, so the run
        // refuses the scenario instead of ignoring what it was given (the lowering never builds either).
        var result = DealCompiler.Compile("neo.deal", Source);
        using DealHost host = DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioSpec walks = result.Model!.Scenarios.Single(s => s.Name == "Walks");
        ContractLevers relet = walks.Contracts[0]!;
        Shapes.Require(deal, walks);

        var notRelet = walks with { Contracts = [relet with { Relet = false }] };
        Assert.Contains("give a re-let's gap, utilisation, ramp or price to a contract they do not re-let",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, notRelet)).Message, StringComparison.Ordinal);

        var flatWithEnd = walks with { Contracts = [relet with { ReletRampMonths = 0 }] };
        Assert.Contains("give a flat re-let (a ramp of 0 months) a utilisation to ramp to",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, flatWithEnd)).Message, StringComparison.Ordinal);

        // What the lowering builds for a flat re-let and for none passes.
        Shapes.Require(deal, walks with { Contracts = [relet with { ReletTo = 0, ReletRampMonths = 0 }] });
        Shapes.Require(deal, walks with { Contracts = [ContractLevers.None] });
    }
}
