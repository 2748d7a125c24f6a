using System.Text.Json;

namespace DealLang.Cli.Tests.Solve;

/// <summary>
/// <c>deallang solve --breakeven "enforcement price yield"</c>: the yield at which loans sold in enforcement at a market
/// price (docs/language.md §9, "A loan's market price") first leave the notes a loss, by hand; and a deal that prices no
/// loan at a yield refuses the lever, as its scenario would (DL0525).
/// </summary>
public sealed class LoanYieldBreakEvenTests : IDisposable
{
    // Annual, 30/360: every year fraction is 1, so the yield compounded annually discounts a year by 1 + Y. Loan 100m at
    // 8% bullet to 2029-12-31; Bridge 10m at 0% (a bridge whose obligor defaults). Notes 100m at 0%, swept with all cash.
    // 2026 (t = 0): the loan pays 8m, the notes 92m. 2027 (t = 1): Builder defaults, the Bridge is written off (recovery
    // 0), an event of default; the loan pays 8m, the notes 84m; the sale at the period's end (lag 0) sells the loan with
    // two years left for PV(Y) = 8m / (1 + Y) + 108m / (1 + Y)², which pays the notes: they lose when PV(Y) < 84m.
    // With v = 1 / (1 + Y): 108 v² + 8 v − 84 = 0, v = (−8 + √(64 + 4 × 108 × 84)) / 216 = (−8 + 190.662) / 216 =
    // 0.845657, so Y = 1 / v − 1 = 18.2512% (to the half cent of a loss, which moves Y by about 4e−11).
    private const string Source = """
        deal Yielded {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Cloud { rating "BB"  pd 3%  recovery 45% }
          party Builder { rating "B"  pd 8%  recovery 0% }
          party Sponsor { }

          loan Loan { obligor Cloud  balance 100m  coupon 8% fixed  maturity 2029-12-31 }
          loan Bridge { obligor Builder  balance 10m  coupon 0% fixed  maturity 2029-12-31 }

          tranche Notes { balance 100m  coupon 0% }
          equity Owners { contributed 10m  holders Sponsor 100% }

          default when Bridge.defaulted
          enforcement { sell Loan, Bridge price yield 12% lag 0m }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario BuilderDefaults for Yielded { Builder defaults on 2027-06-30 }
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("deallang-yield-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(dir, "yielded.deal");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_break_even_yield_is_where_the_price_no_longer_repays_the_notes()
    {
        var solved = CliHarness.Run("solve", Write(Source), "--scenario", "BuilderDefaults", "--breakeven", "enforcement price yield",
            "--until", "Notes loses principal", "--format", "json");
        Assert.True(solved.Exit == 0, solved.ToString());
        double y = JsonDocument.Parse(solved.Out).RootElement.GetProperty("Yielded.solve").GetProperty("value").GetDouble();
        Assert.Equal(0.1825119, y, 1e-6);
    }

    [Fact]
    public void On_a_yield_read_from_an_index_the_lever_replaces_the_whole_yield_and_solves_alike()
    {
        // The sale at SOFR (4%) + 8% = 12%, the deal's own yield above; the lever replaces the whole yield (the index's
        // weight goes to 0), so the break-even is the same 18.2512%, not 4% less.
        string indexed = Source
            .Replace("\n  loan Loan ", "\n  index SOFR { level 4% }\n  loan Loan ", StringComparison.Ordinal)
            .Replace(" price yield 12%", " price yield SOFR + 8%", StringComparison.Ordinal);
        Assert.Contains("price yield SOFR + 8%", indexed, StringComparison.Ordinal);
        var solved = CliHarness.Run("solve", Write(indexed), "--scenario", "BuilderDefaults", "--breakeven", "enforcement price yield",
            "--until", "Notes loses principal", "--format", "json");
        Assert.True(solved.Exit == 0, solved.ToString());
        double y = JsonDocument.Parse(solved.Out).RootElement.GetProperty("Yielded.solve").GetProperty("value").GetDouble();
        Assert.Equal(0.1825119, y, 1e-6);
    }

    [Fact]
    public void A_deal_pricing_no_loan_at_a_yield_refuses_the_lever()
    {
        var solved = CliHarness.Run("solve", Write(Source.Replace(" price yield 12%", "", StringComparison.Ordinal)), "--scenario", "BuilderDefaults",
            "--breakeven", "enforcement price yield", "--until", "Notes loses principal");
        Assert.Equal(2, solved.Exit);
        Assert.Contains("error DL0525", solved.Err, StringComparison.Ordinal);
    }
}
