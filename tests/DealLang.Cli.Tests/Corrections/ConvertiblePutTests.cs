using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A convertible's holder put (docs/language.md §5 "tranche", "Convertible notes": the holder's put): at the start of
/// the period holding a put date, the holder puts when the shares are worth less than the put price, and the whole
/// balance falls due in cash then, at the put price; each figure computed by hand.
/// </summary>
public sealed class ConvertiblePutTests
{
    // Quarterly, 2026-01-01 → 2027-01-01, 30/360: periods 0 (to 04-01), 1 (to 07-01), 2 (to 10-01), 3 (to 2027-01-01).
    // The lease pays 40m a year, 10m a quarter. The notes: 8m at 4% (80k a quarter), bullet, convertible at 12.50 per
    // share against WULF (10 as written), with a put on 2026-07-01 at par: decided at the start of period 1 (the period
    // ending on the put date) and paid at its end.
    private const string Source = """
        deal Put {
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

          tranche Notes { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2026-07-01 at 100% }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Down for Put { }

        scenario Default for Put {
          Tenant defaults on 2026-05-01
        }

        scenario Up for Put {
          WULF points stepped { 2026-03-01 15 per share }
        }
        """;

    // Two 4m notes at 4% (40k a quarter), one put at 105%, one at 95%, on 2026-07-01; a 2m note (20k a quarter) with two
    // put dates in the same quarter, at 100% and 102%; WULF 10 below 12.50: all put. The rent, 15m a quarter, pays all.
    private const string PremiumSource = """
        deal Premium {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 60m per year  starts 2026-01-01  term 1y }

          tranche Above { balance 4m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2026-07-01 at 105% }
          tranche Below { balance 4m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2026-07-01 at 95% }
          tranche Twice { balance 2m  coupon 4% fixed
            convertible at 12.50 per share against WULF put 2026-05-01 at 100% put 2026-06-01 at 102% }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Above.interest
            pay Below.interest
            pay Twice.interest
            pay Above.principal
            pay Below.principal
            pay Twice.principal
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    private static readonly SmallDeal Premium = new(PremiumSource);

    [Fact]
    public void BelowThePutPriceTheHolderPutsAndIsRepaidEarly()
    {
        // Period 1 starts on 2026-04-01 reading WULF = 10 < 100% × 12.50: the holder puts, the whole 8m is due then and
        // paid from the quarter's 10m of rent with its 80k of interest. The notes end there: no shares.
        TrancheSummary notes = Deal.Outcomes["Down"].Tranches[0];
        Assert.Equal(8_000_000, Deal.Ledger("Notes principal due", 1, "Down"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes principal due", 0, "Down"));
        Assert.Equal(0, Deal.Ledger("Notes redemption premium", 1, "Down"));
        Assert.Equal(160_000, notes.InterestPaid, 1e-6);
        Assert.Equal((8_000_000.0, 0.0), (notes.PrincipalPaid, notes.PrincipalLoss));
        Assert.Null(notes.ConvertedOn);
        // The summary's 'put on': the end of the period the holder put in (decided at its start, 2026-04-01).
        Assert.Equal(new Date(2026, 7, 1), notes.PutOn);
        // The IRR over the shorter life: −8m at closing, 80k on 2026-04-01 (90 days) and 8.08m on 2026-07-01 (181
        // days): 1% a quarter on actual days, solved by bisection on those flows, 4.0948%.
        Assert.Equal(0.0409484532, notes.Irr, 8);
        Assert.Null(Deal.Outcomes["Down"].Events.EventOfDefault);
    }

    [Fact]
    public void APutTheDealCannotPayIsAnArrearAnEventOfDefaultAndALoss()
    {
        // The tenant defaults on 2026-05-01 (no recovery): period 1 collects the rent of April only, the quarter's 10m
        // × 30 of its 91 days = 3,296,703.30. The holder puts (WULF 10 < 12.50): 80k of interest is paid, then
        // 3,216,703.30 of the 8m due; the 4,783,296.70 left is a principal shortfall, an event of default at 2026-07-01,
        // and, with nothing collected after, the loss. The notes never convert after a put (a claim to cash, not the option).
        TrancheSummary notes = Deal.Outcomes["Default"].Tranches[0];
        double shortfall = 8_000_000 - ((10_000_000 * 30 / 91.0) - 80_000);
        Assert.Equal(shortfall, Deal.Ledger("Notes principal due", 2, "Default"), 1e-4);
        Assert.Equal(shortfall, notes.PrincipalLoss, 1e-4);
        Assert.Equal(new Date(2026, 7, 1), Deal.Outcomes["Default"].Events.EventOfDefault);
        Assert.Equal(new Date(2026, 7, 1), notes.PutOn);
        Assert.Equal(0, notes.SharesValue);
    }

    [Fact]
    public void AboveThePutPriceTheHolderKeepsTheOptionAndTheNotesRunOn()
    {
        // WULF is 15 from 2026-03-01: period 1 reads 15 ≥ 100% × 12.50, so the holder does not put; nothing is due
        // before the maturity, where 15 > 12.50 converts the 8m into shares worth 8m × 15 / 12.50 = 9.6m.
        TrancheSummary notes = Deal.Outcomes["Up"].Tranches[0];
        Assert.Equal(0, Deal.Ledger("Notes principal due", 1, "Up"));
        Assert.Equal(8_000_000, Deal.Ledger("Notes balance", 2, "Up"), 1e-6);
        Assert.Equal(9_600_000, notes.SharesValue, 1e-6);
        Assert.Equal(new Date(2027, 1, 1), notes.ConvertedOn);
        Assert.Null(notes.PutOn);
        Assert.Equal(320_000, notes.InterestPaid, 1e-6);
    }

    [Fact]
    public void APutAbovePar_PaysItsPremiumWithTheInterest_AndTheIrrCountsIt()
    {
        // Above puts at 105%: a premium of 5% × 4m = 200k is due with period 1's 40k of interest (240k), paid by
        // 'pay Above.interest'; the 4m principal at par. IRR: −4m, 40k (90 days), 4.24m (181 days): 14.6936%.
        TrancheSummary above = Premium.Single.Tranches[0];
        Assert.Equal(200_000, Premium.Ledger("Above redemption premium", 1), 1e-6);
        Assert.Equal(240_000, Premium.Ledger("Above interest due", 1), 1e-6);
        Assert.Equal(280_000, above.InterestPaid, 1e-6);
        Assert.Equal((4_000_000.0, 0.0), (above.PrincipalPaid, above.PrincipalLoss));
        Assert.Equal(0.1469358462, above.Irr, 8);
    }

    [Fact]
    public void APutBelowPar_WritesTheBalanceDownToThePrice()
    {
        // Below puts at 95%: the holder accepts 3.8m for its 4m (a premium of −200k writes the balance down), paid in
        // period 1 with its 40k of interest; nothing is lost. IRR: −4m, 40k (90 days), 3.84m (181 days): −5.9874%.
        TrancheSummary below = Premium.Single.Tranches[1];
        Assert.Equal(-200_000, Premium.Ledger("Below redemption premium", 1), 1e-6);
        Assert.Equal(3_800_000, Premium.Ledger("Below principal due", 1), 1e-6);
        Assert.Equal(80_000, below.InterestPaid, 1e-6);
        Assert.Equal(3_800_000, below.PrincipalPaid, 1e-6);
        Assert.Equal(0, below.PrincipalLoss);
        Assert.Equal(-0.0598735095, below.Irr, 8);
    }

    [Fact]
    public void TwoPutDatesInOnePeriodAreOneDecisionAtTheHigherPrice()
    {
        // 2026-05-01 and 2026-06-01 both fall in the quarter to 2026-07-01, decided at its start: the holder takes 102%,
        // a premium of 2% × 2m = 40k due with the quarter's 20k of interest (the generated C# once had two switch arms
        // for the one period and did not compile).
        Assert.Equal(40_000, Premium.Ledger("Twice redemption premium", 1), 1e-6);
        Assert.Equal(60_000, Premium.Ledger("Twice interest due", 1), 1e-6);
        Assert.Equal(2_000_000, Premium.Single.Tranches[2].PrincipalPaid, 1e-6);
    }

    [Fact]
    public void TheSummaryShowsTheDateTheHolderPutOn_InTextAndJson()
    {
        // 'put on' is the end of the period the holder put in: 2026-07-01 in Down (WULF 10 < 12.50 at 2026-04-01), none
        // in Up (WULF 15 keeps the option; the notes convert at the maturity instead). Only a tranche with puts has it.
        string dir = Directory.CreateTempSubdirectory("deallang-put-on-").FullName;
        try
        {
            string deal = Path.Combine(dir, "put.deal");
            File.WriteAllText(deal, Source);
            CliOutcome json = CliHarness.Run("run", deal, "--scenario", "all", "-f", "json");
            Assert.True(json.Exit == 0, json.ToString());
            using var doc = JsonDocument.Parse(json.Out);
            JsonElement scenarios = doc.RootElement.GetProperty("Put.summary").GetProperty("scenarios");
            string? PutOn(string scenario) =>
                scenarios.EnumerateArray().Single(s => s.GetProperty("name").GetString() == scenario).GetProperty("tranches")[0].GetProperty("putOn").GetString();
            Assert.Equal("2026-07-01", PutOn("Down"));
            Assert.Null(PutOn("Up"));

            CliOutcome table = CliHarness.Run("run", deal, "--scenario", "Down");
            Assert.True(table.Exit == 0, table.ToString());
            Assert.Contains(table.Out.Split('\n'), line => line.Contains("put on") && line.Contains("2026-07-01"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void APutBelowParOfNotesInArrears_WritesTheArrearsDownWithTheBalance()
    {
        // Linear notes of 8m (2m a quarter) whose tenant pays nothing: quarters 0 and 1 leave 4m of principal in arrears
        // (and the interest). The holder puts on 2026-10-01 at 25% (period 2; WULF at 1 is below 25% × 12.50 = 3.125, so
        // the shares are worth less than the put): the balance is written down by 75% × 8m
        // = 6m to 2m, and the arrears with it to at most the 2m left. Before, the arrears stayed 4m, the schedule's
        // principal (the balance less its arrears) was 2m − 4m = −2m, and so was debt service less the interest: an
        // account whose target read it went below zero by releasing cash it did not hold (a property test's seed).
        // Now the principal due is the 2m left, and debt service is the period's interest alone: its scheduled interest
        // on the opening 8m, 8m × 4% × 0.25 = 80,000, as the ledger's interest shows.
        const string source = """
            deal Arrears {
              currency USD
              closing  2026-01-01
              maturity 2027-01-01
              pay      quarterly
              daycount 30/360

              party Tenant { recovery 0% }
              party Owner  { }
              index WULF { level 1 per share }
              facility Site { cost 100m  value straight_line 20y }
              lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

              tranche Notes { balance 8m  coupon 4% fixed  amortize linear  convertible at 12.50 per share against WULF put 2026-10-01 at 25% }
              equity  Eq { contributed 1m  holders Owner 100% }

              test DebtService = debt_service

              waterfall {
                pay Notes.interest
                pay Notes.principal
                distribute rest to Eq
              }
            }

            scenario NothingPaid for Arrears {
              Tenant defaults on 2026-01-01
            }
            """;
        var deal = new SmallDeal(source);
        Assert.Equal(4_000_000, deal.Ledger("Notes principal due", 1), 1e-6); // 2m of arrears + 2m scheduled in quarter 1
        Assert.Equal(-6_000_000, deal.Ledger("Notes redemption premium", 2), 1e-6);
        Assert.Equal(2_000_000, deal.Ledger("Notes principal due", 2), 1e-6);
        Assert.Equal(80_000, deal.Ledger("DebtService", 2), 1e-6);
    }
}
