using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An issuer's hard call of a convertible, a scenario's <c>Notes called on DATE [at P]</c> (docs/language.md §5
/// "tranche", "The issuer's hard call"): at the start of the period holding the date the holder converts when its shares
/// are worth more than the cash (S &gt; P × K), else the whole balance falls due in cash at P, as at a put; each figure
/// computed by hand.
/// </summary>
public sealed class ConvertibleHardCallTests
{
    // Quarterly, 2026-01-01 → 2027-01-01, 30/360: periods 0 (to 04-01), 1 (to 07-01), 2 (to 10-01), 3 (to 2027-01-01).
    // The lease pays 40m a year, 10m a quarter. The notes: 8m at 4% (80k a quarter), bullet, convertible at 12.50 per
    // share against WULF (10 as written). A call on 2026-07-01 is decided at the start of period 1 (the period ending on
    // the date) and paid at its end.
    private const string Source = """
        deal Call {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

          tranche Notes { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Plain for Call { }

        scenario Cash for Call {
          Notes called on 2026-07-01
        }

        scenario Premium for Call {
          Notes called on 2026-07-01 at 102%
        }

        scenario Converts for Call {
          WULF points stepped { 2026-03-01 15 per share }
          Notes called on 2026-07-01
        }

        scenario Default for Call {
          Tenant defaults on 2026-05-01
          Notes called on 2026-07-01
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void CalledBelowTheConversionValue_TheNotesAreRepaidInCash_AndTheIrrIsOverTheShorterLife()
    {
        // Period 1 starts on 2026-04-01 reading WULF = 10, not above 100% × 12.50: the holder takes the cash, the whole
        // 8m is due then and paid from the quarter's 10m of rent with its 80k of interest. No shares, no premium.
        TrancheSummary notes = Deal.Outcomes["Cash"].Tranches[0];
        Assert.Equal(0, Deal.Ledger("Notes principal due", 0, "Cash"));
        Assert.Equal(8_000_000, Deal.Ledger("Notes principal due", 1, "Cash"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes redemption premium", 1, "Cash"));
        Assert.Equal(160_000, notes.InterestPaid, 1e-6);
        Assert.Equal((8_000_000.0, 0.0), (notes.PrincipalPaid, notes.PrincipalLoss));
        Assert.Null(notes.ConvertedOn);
        Assert.Equal(new Date(2026, 7, 1), notes.CalledOn);
        // −8m at closing, 80k on 2026-04-01 (day 90), 8.08m on 2026-07-01 (day 181): 4.0948% on actual days (solved by
        // bisection on these flows), against 4.06% held to the maturity.
        Assert.Equal(0.0409484532, notes.Irr, 8);
        Assert.Null(Deal.Outcomes["Cash"].Events.EventOfDefault);
    }

    [Fact]
    public void ACallAbovePar_PaysItsPremiumWithTheInterest_AsAPutDoes()
    {
        // At 102%: WULF 10 is not above 1.02 × 12.50 = 12.75, so the holder takes the cash; the premium 2% × 8m = 160k is
        // due with period 1's 80k of interest (240k), the 8m at par. IRR: −8m, 80k (day 90), 8.24m (day 181): 8.2723%.
        TrancheSummary notes = Deal.Outcomes["Premium"].Tranches[0];
        Assert.Equal(160_000, Deal.Ledger("Notes redemption premium", 1, "Premium"), 1e-6);
        Assert.Equal(240_000, Deal.Ledger("Notes interest due", 1, "Premium"), 1e-6);
        Assert.Equal(320_000, notes.InterestPaid, 1e-6);
        Assert.Equal(8_000_000, notes.PrincipalPaid, 1e-6);
        Assert.Equal(0.0827233767, notes.Irr, 8);
    }

    [Fact]
    public void CalledAboveTheConversionValue_TheHolderConverts()
    {
        // WULF is 15 from 2026-03-01: period 1 reads 15 > 100% × 12.50, so the holder, offered 8m for shares worth
        // 8m × 15 / 12.50 = 9.6m, converts at once; the quarter's 80k of interest is still paid in cash, no principal.
        // IRR: −8m, 80k (day 90), 80k + 9.6m of shares (day 181): 49.5922%.
        TrancheSummary notes = Deal.Outcomes["Converts"].Tranches[0];
        Assert.Equal(9_600_000, notes.SharesValue, 1e-6);
        Assert.Equal(new Date(2026, 7, 1), notes.ConvertedOn);
        Assert.Equal(new Date(2026, 7, 1), notes.CalledOn);
        Assert.Equal(0, Deal.Ledger("Notes principal due", 1, "Converts"));
        Assert.Equal(0, Deal.Ledger("Notes balance", 1, "Converts"));
        Assert.Equal((160_000.0, 0.0), (notes.InterestPaid, notes.PrincipalPaid));
        Assert.Equal(0.4959219752, notes.Irr, 8);
    }

    [Fact]
    public void ACallTheDealCannotPayIsAnArrearAnEventOfDefaultAndALoss()
    {
        // The tenant defaults on 2026-05-01 (no recovery): period 1 collects 30 of its 91 days of rent, 10m × 30 / 91 =
        // 3,296,703.30; 80k of interest is paid, then 3,216,703.30 of the 8m called; the 4,783,296.70 left is a principal
        // shortfall, an event of default at 2026-07-01 and, with nothing collected after, the loss.
        TrancheSummary notes = Deal.Outcomes["Default"].Tranches[0];
        double shortfall = 8_000_000 - ((10_000_000 * 30 / 91.0) - 80_000);
        Assert.Equal(shortfall, Deal.Ledger("Notes principal due", 2, "Default"), 1e-4);
        Assert.Equal(shortfall, notes.PrincipalLoss, 1e-4);
        Assert.Equal(new Date(2026, 7, 1), Deal.Outcomes["Default"].Events.EventOfDefault);
        Assert.Equal(new Date(2026, 7, 1), notes.CalledOn);
        Assert.Equal(0, notes.SharesValue);
    }

    [Fact]
    public void WithoutTheLever_TheNotesRunToTheMaturity()
    {
        // Plain: nothing is due before the maturity, where WULF 10 ≤ 12.50 repays the 8m in cash; no call recorded.
        TrancheSummary notes = Deal.Outcomes["Plain"].Tranches[0];
        Assert.Equal(0, Deal.Ledger("Notes principal due", 1, "Plain"));
        Assert.Equal(8_000_000, Deal.Ledger("Notes principal due", 3, "Plain"), 1e-6);
        Assert.False(notes.Called);
        Assert.Null(notes.CalledOn);
    }

    [Fact]
    public void TheSummaryShowsTheDateTheIssuerCalledOn_InTextAndJson_OnlyWhereAScenarioCalls()
    {
        // 'called on' is the end of the period the issuer called in: 2026-07-01 in Cash and in Converts (the holder's
        // answer does not change it), '-' in Plain; the JSON's 'calledOn' only in a scenario that calls. A run of Plain
        // alone has no such row.
        string dir = Directory.CreateTempSubdirectory("deallang-called-on-").FullName;
        try
        {
            string deal = Path.Combine(dir, "call.deal");
            File.WriteAllText(deal, Source);
            CliOutcome json = CliHarness.Run("run", deal, "--scenario", "all", "-f", "json");
            Assert.True(json.Exit == 0, json.ToString());
            using var doc = JsonDocument.Parse(json.Out);
            JsonElement scenarios = doc.RootElement.GetProperty("Call.summary").GetProperty("scenarios");
            JsonElement Notes(string scenario) =>
                scenarios.EnumerateArray().Single(s => s.GetProperty("name").GetString() == scenario).GetProperty("tranches")[0];
            Assert.Equal("2026-07-01", Notes("Cash").GetProperty("calledOn").GetString());
            Assert.Equal("2026-07-01", Notes("Converts").GetProperty("calledOn").GetString());
            Assert.False(Notes("Plain").TryGetProperty("calledOn", out _));

            CliOutcome table = CliHarness.Run("run", deal, "--scenario", "all");
            Assert.True(table.Exit == 0, table.ToString());
            string row = Assert.Single(table.Out.Split('\n'), line => line.Contains("called on", StringComparison.Ordinal));
            Assert.Contains("2026-07-01", row, StringComparison.Ordinal);
            Assert.Contains(" - ", row, StringComparison.Ordinal);

            CliOutcome plain = CliHarness.Run("run", deal, "--scenario", "Plain");
            Assert.True(plain.Exit == 0, plain.ToString());
            Assert.DoesNotContain("called on", plain.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AMonteCarloScenarioCarriesTheCall_OnEveryPath_AndItsReplayShowsIt()
    {
        // WULF a GBM (30% a year, no drift) from 10, so the level period 1 reads (2026-04-01) lies on either side of the
        // 12.50 × 100% the holder weighs the cash against; the issuer calls on 2026-07-01 on every path, whatever the
        // holder then does, so path 3's replay (its draws run as a deterministic scenario) shows 'called on' 2026-07-01.
        string dir = Directory.CreateTempSubdirectory("deallang-called-mc-").FullName;
        try
        {
            string deal = Path.Combine(dir, "call.deal");
            File.WriteAllText(deal, Source + """

                scenario Drawn for Call {
                  paths 40
                  seed 7
                  WULF gbm drift 0% per year volatility 30% per year
                  Notes called on 2026-07-01
                }
                """);
            CliOutcome mc = CliHarness.Run("mc", deal, "--scenario", "Drawn");
            Assert.True(mc.Exit == 0, mc.ToString());
            CliOutcome replay = CliHarness.Run("mc", deal, "--scenario", "Drawn", "--replay-path", "3");
            Assert.True(replay.Exit == 0, replay.ToString());
            string row = Assert.Single(replay.Out.Split('\n'), line => line.Contains("called on", StringComparison.Ordinal));
            Assert.Contains("2026-07-01", row, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
