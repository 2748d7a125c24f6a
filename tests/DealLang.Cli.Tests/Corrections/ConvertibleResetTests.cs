using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A convertible's conversion price that resets (docs/language.md §5 "Convertible notes", "A conversion price that
/// resets"): at the start of the period holding a reset date, K ← max(floor, min(K, R × S)), and every rule that reads
/// K reads the new one from then on (the conversion, the put); each figure computed by hand.
/// </summary>
public sealed class ConvertibleResetTests
{
    // As ConvertibleTests: quarterly, 2026-01-01 → 2027-01-01, 30/360: periods 0 (to 04-01), 1 (to 07-01), 2 (to 10-01),
    // 3 (to 2027-01-01). The lease pays 20m a quarter (enough to repay both notes at once). Converts: 8m at 4% (80k a
    // quarter), bullet, convertible at 12.50 per share against WULF (10 as written), reset on 2026-07-01 to 110% floor
    // 8.00: made at the start of period 1 (the period ending on the date). Fixed: the same notes without the reset.
    private const string Source = """
        deal Reset {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 80m per year  starts 2026-01-01  term 1y }

          tranche Converts { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF
            reset 2026-07-01 to 110% floor 8.00 per share }
          tranche Fixed    { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Converts.interest
            pay Fixed.interest
            pay Converts.principal
            pay Fixed.principal
            distribute rest to Eq
          }
        }

        scenario Rises for Reset {
          WULF points stepped { 2026-09-01 12 per share }
        }

        scenario Floored for Reset {
          WULF points stepped { 2026-03-01 5 per share }
        }

        scenario Higher for Reset {
          WULF points stepped { 2026-03-01 15 per share }
        }
        """;

    // The same notes with a put on 2026-10-01 at par (decided at the start of period 2): Converts resets on 2026-07-01,
    // Fixed does not.
    private const string PutSource = """
        deal ResetPut {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 80m per year  starts 2026-01-01  term 1y }

          tranche Converts { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2026-10-01 at 100%
            reset 2026-07-01 to 110% floor 8.00 per share }
          tranche Fixed    { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2026-10-01 at 100% }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Converts.interest
            pay Fixed.interest
            pay Converts.principal
            pay Fixed.principal
            distribute rest to Eq
          }
        }

        scenario Kept for ResetPut {
          WULF points stepped { 2026-06-15 11.5 per share }
        }

        scenario Falls for ResetPut { }
        """;

    private static readonly SmallDeal Deal = new(Source);

    private static readonly SmallDeal Put = new(PutSource);

    [Fact]
    public void TheResetLowersThePriceAndTheNotesConvertWhereTheyWouldHaveBeenRepaid()
    {
        // Period 1 starts on 2026-04-01 reading WULF = 10: K = max(8, min(12.50, 110% × 10)) = 11.00 from then on. WULF is
        // 12 from 2026-09-01: the last period (from 2026-10-01) reads 12 > 11, so the 8m converts into shares worth
        // 8m × 12 / 11 = 8,727,272.73 and no principal is paid in cash. Without the reset (Fixed) 12 ≤ 12.50: repaid 8m.
        TrancheSummary converts = Deal.Outcomes["Rises"].Tranches[0];
        TrancheSummary plain = Deal.Outcomes["Rises"].Tranches[1];
        Assert.Equal(12.50, Deal.Ledger("Converts conversion price", 0, "Rises"));
        Assert.Equal(11.00, Deal.Ledger("Converts conversion price", 1, "Rises"), 1e-12);
        Assert.Equal(11.00, Deal.Ledger("Converts conversion price", 3, "Rises"), 1e-12);
        Assert.Equal(8_000_000 * 12 / 11.0, converts.SharesValue, 1e-6);
        Assert.Equal(new Date(2027, 1, 1), converts.ConvertedOn);
        Assert.Equal((0.0, 0.0), (converts.PrincipalPaid, converts.PrincipalLoss));
        Assert.Equal(11.00, converts.ConversionPrice, 1e-12);
        Assert.Equal((0.0, 8_000_000.0), (plain.SharesValue, plain.PrincipalPaid));
        Assert.True(double.IsNaN(plain.ConversionPrice));
        // The IRR counts the shares: −8m, 80k on days 90, 181, 273 and 80k + 8,727,272.73 on day 365: 13.2863%
        // (held to a cash repayment, Fixed's, 4.0608%).
        Assert.Equal(0.1328630509, converts.Irr, 8);
        Assert.Equal(0.0406079680, plain.Irr, 8);
    }

    [Fact]
    public void TheResetStopsAtTheFloor()
    {
        // WULF is 5 from 2026-03-01: period 1 reads 5, 110% × 5 = 5.50 is below the floor: K = max(8, 5.50) = 8.00. At
        // maturity 5 ≤ 8: the notes are repaid 8m in cash.
        TrancheSummary converts = Deal.Outcomes["Floored"].Tranches[0];
        Assert.Equal(8.00, Deal.Ledger("Converts conversion price", 1, "Floored"), 1e-12);
        Assert.Equal(8.00, converts.ConversionPrice, 1e-12);
        Assert.Equal((0.0, 8_000_000.0), (converts.SharesValue, converts.PrincipalPaid));
    }

    [Fact]
    public void AResetThatWouldRaiseThePriceDoesNothing()
    {
        // WULF is 15 from 2026-03-01: 110% × 15 = 16.50 is above 12.50, and a reset only lowers K: it stays 12.50. At
        // maturity 15 > 12.50: both notes convert into 8m × 15 / 12.50 = 9.6m of shares.
        TrancheSummary converts = Deal.Outcomes["Higher"].Tranches[0];
        Assert.Equal(12.50, Deal.Ledger("Converts conversion price", 1, "Higher"));
        Assert.Equal(12.50, converts.ConversionPrice);
        Assert.Equal(9_600_000, converts.SharesValue, 1e-6);
        Assert.Equal(9_600_000, Deal.Outcomes["Higher"].Tranches[1].SharesValue, 1e-6);
    }

    [Fact]
    public void ThePutAfterAResetReadsTheNewPrice()
    {
        // Kept: period 1 reads WULF = 10 and K becomes 11.00; WULF is 11.5 from 2026-06-15, so period 2 (from 2026-07-01,
        // the put's) reads 11.5 ≥ 100% × 11: the holder keeps the option, and the last period reads 11.5 > 11: shares worth
        // 8m × 11.5 / 11 = 8,363,636.36 (IRR 8.6741% on −8m, 80k on days 90, 181, 273, 80k + 8,363,636.36 on day 365).
        // Fixed, still at 12.50, reads 11.5 < 12.50 and puts: 8m + 80k paid on 2026-10-01.
        TrancheSummary kept = Put.Outcomes["Kept"].Tranches[0];
        TrancheSummary fixedKept = Put.Outcomes["Kept"].Tranches[1];
        Assert.Null(kept.PutOn);
        Assert.Equal(8_000_000 * 11.5 / 11.0, kept.SharesValue, 1e-6);
        Assert.Equal(0.0867414640, kept.Irr, 8);
        Assert.Equal(new Date(2026, 10, 1), fixedKept.PutOn);
        Assert.Equal(8_000_000, fixedKept.PrincipalPaid, 1e-6);

        // Falls: WULF stays 10; K = 11.00 and period 2 reads 10 < 11: the holder puts, 8m due then and paid on 2026-10-01.
        TrancheSummary falls = Put.Outcomes["Falls"].Tranches[0];
        Assert.Equal(new Date(2026, 10, 1), falls.PutOn);
        Assert.Equal(8_000_000, Put.Ledger("Converts principal due", 2, "Falls"), 1e-6);
        Assert.Equal(11.00, falls.ConversionPrice, 1e-12);
    }

    [Fact]
    public void TheSummaryShowsTheLastConversionPrice_InTextAndJson_OnlyForATrancheThatResets()
    {
        string dir = Directory.CreateTempSubdirectory("deallang-reset-").FullName;
        try
        {
            string deal = Path.Combine(dir, "reset.deal");
            File.WriteAllText(deal, Source);
            CliOutcome json = CliHarness.Run("run", deal, "--scenario", "all", "-f", "json");
            Assert.True(json.Exit == 0, json.ToString());
            using var doc = JsonDocument.Parse(json.Out);
            JsonElement rises = doc.RootElement.GetProperty("Reset.summary").GetProperty("scenarios").EnumerateArray()
                .Single(s => s.GetProperty("name").GetString() == "Rises").GetProperty("tranches");
            Assert.Equal(11.0, rises[0].GetProperty("conversionPrice").GetDouble(), 1e-12);
            Assert.False(rises[1].TryGetProperty("conversionPrice", out _));

            CliOutcome table = CliHarness.Run("run", deal, "--scenario", "Rises");
            Assert.True(table.Exit == 0, table.ToString());
            Assert.Matches(@"conversion price\s+11\.00\b", table.Out);
            Assert.Single(table.Out.Split('\n'), line => line.Contains("conversion price", StringComparison.Ordinal)
                && !line.Contains("Converts conversion price", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EachMonteCarloPathResetsAtItsOwnSharePrice()
    {
        // WULF a GBM (40% a year, no drift) from 10: each path's period 1 reads its own level S, and its K from then on
        // is max(8, min(12.50, 110% × S)); the last period converts at that K when it reads more (8m × S₃ / K), else
        // the notes are repaid. Replayed paths (their draws run as a deterministic scenario) show both in the ledger.
        string dir = Directory.CreateTempSubdirectory("deallang-reset-mc-").FullName;
        try
        {
            string deal = Path.Combine(dir, "reset.deal");
            File.WriteAllText(deal, Source + """

                scenario Drawn for Reset {
                  paths 40
                  seed 7
                  WULF gbm drift 0% per year volatility 40% per year
                }
                """);
            CliOutcome mc = CliHarness.Run("mc", deal, "--scenario", "Drawn");
            Assert.True(mc.Exit == 0, mc.ToString());
            var prices = new List<double>();
            for (int path = 0; path < 6; path++)
            {
                CliOutcome replay = CliHarness.Run("mc", deal, "--scenario", "Drawn", "--replay-path", path.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--ledger", "-f", "json");
                Assert.True(replay.Exit == 0, replay.ToString());
                using var doc = JsonDocument.Parse(replay.Out);
                JsonElement[] ledger = [.. doc.RootElement.GetProperty($"Reset.Drawn.path{path}.ledger").GetProperty("ledger").EnumerateArray()];
                double Value(int t, string column) => ledger[t].GetProperty("values").GetProperty(column).GetDouble();
                double k = Math.Max(8.0, Math.Min(12.5, 1.1 * Value(1, "WULF")));
                Assert.Equal(12.5, Value(0, "Converts conversion price"));
                Assert.Equal(k, Value(3, "Converts conversion price"), 1e-9);
                JsonElement converts = doc.RootElement.GetProperty($"Reset.Drawn.path{path}.summary").GetProperty("scenarios")[0].GetProperty("tranches")[0];
                Assert.Equal(k, converts.GetProperty("conversionPrice").GetDouble(), 1e-9);
                double s3 = Value(3, "WULF");
                Assert.Equal(s3 > k ? 8_000_000 * s3 / k : 0.0, converts.GetProperty("sharesValue").GetDouble(), 1e-2);
                prices.Add(k);
            }

            // The six paths are not all alike: at least one resets and one keeps 12.50.
            Assert.Contains(prices, k => k < 12.5);
            Assert.Contains(prices, k => k == 12.5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
