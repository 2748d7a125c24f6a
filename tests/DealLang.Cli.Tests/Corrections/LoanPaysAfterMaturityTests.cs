using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's partial payments starting after it has matured (docs/language.md §10, "Partial payments"; DL0592, a
/// warning): nothing falls due in the window and no earlier window's arrears are carried into it (its first window, or
/// one after a period in no window), so the lever changes nothing. Before the warning such a window (a year typed late) was accepted silently. A window starting in the
/// maturity period, and a later window carrying an earlier one's arrears past the maturity, do change the run and are
/// not warned of. SmallDeal runs with the cash check on.
/// </summary>
public sealed class LoanPaysAfterMaturityTests
{
    // LoanPartialPaymentTests' deal: quarterly from 2025-12-31, 100m at 12% linear 10m a quarter, maturing 2028-06-30
    // (t=9); the deal runs to 2028-12-31 (t=11).
    private const string Source = """
        deal Standstill {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2028-06-30  recovery 40% }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Standstill { }
        scenario After for Standstill { MinerLoan pays 50% from 2028-07-01 to 2028-09-30 }
        scenario AfterOpen for Standstill { MinerLoan pays 50% from 2028-07-01 }
        scenario InMaturity for Standstill { MinerLoan pays 50% from 2028-04-01 to 2028-09-30 }
        scenario Carried for Standstill {
          MinerLoan pays 50% from 2028-04-01 to 2028-06-30
          MinerLoan pays 50% from 2028-07-01 to 2028-09-30
        }
        scenario FirstOnly for Standstill { MinerLoan pays 50% from 2028-01-01 to 2028-03-31 }
        scenario AfterAGap for Standstill {
          MinerLoan pays 50% from 2028-01-01 to 2028-03-31
          MinerLoan pays 50% from 2028-10-01 to 2028-12-31
        }
        """;

    [Fact]
    public void AFirstWindowAfterTheMaturityPeriodIsWarnedOfAndChangesNothing()
    {
        var deal = new SmallDeal(Source);
        Diagnostic[] warnings = [.. deal.Diagnostics.Where(d => d.Code == "DL0592" && !d.Message.Contains("'AfterAGap'", StringComparison.Ordinal))];
        // Once per scenario whose first window starts after t=9: After and AfterOpen, at the 'from' date (AfterAGap's
        // later window: the test below).
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Contains("scenario 'After'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("scenario 'AfterOpen'", warnings[1].Message, StringComparison.Ordinal);

        // The run is the scenario without the lever, cell by cell.
        foreach (string scenario in new[] { "After", "AfterOpen" })
        {
            for (int t = 0; t < 12; t++)
            {
                foreach (string column in new[] { "interest MinerLoan", "principal MinerLoan", "MinerLoan arrears", "collections" })
                {
                    Assert.Equal(deal.Ledger(column, t, "Base"), deal.Ledger(column, t, scenario));
                }
            }
        }
    }

    [Fact]
    public void ALaterWindowAfterAPeriodInNoWindowAndAfterTheMaturityIsWarnedOfAndChangesNothing()
    {
        // AfterAGap: t=8 (to 2028-03-31) pays half; t=9, the maturity period, is in no window and cures its arrears with
        // the last 10m; the second window, t=11, starts after t=9 with nothing carried in: it changes nothing, the run is
        // FirstOnly's cell by cell, and it is warned of at its 'from' (the first window, before the maturity, is not).
        var deal = new SmallDeal(Source);
        Diagnostic warning = Assert.Single(deal.Diagnostics, d => d.Code == "DL0592" && d.Message.Contains("'AfterAGap'", StringComparison.Ordinal));
        Assert.Contains("from 2028-10-01", warning.Message, StringComparison.Ordinal);
        Assert.True(deal.Ledger("MinerLoan arrears", 8, "AfterAGap") > 0);
        for (int t = 0; t < 12; t++)
        {
            foreach (string column in new[] { "interest MinerLoan", "principal MinerLoan", "MinerLoan arrears", "collections" })
            {
                Assert.Equal(deal.Ledger(column, t, "FirstOnly"), deal.Ledger(column, t, "AfterAGap"));
            }
        }
    }

    [Fact]
    public void AWindowThatChangesTheRunIsNotWarnedOf()
    {
        var deal = new SmallDeal(Source);
        // InMaturity: t=9 falls due 0.3m + 10m, 5.15m is paid and 5.15m goes into arrears, cured in t=11 (the first
        // period in no window) with the 5.15m × 3% × 2 quarters, compounded, they bore: 5.15m × 1.03² = 5,463,635.
        // Carried: the second window, though after the maturity, carries t=9's arrears on to the same cure.
        Assert.Equal(5_463_635, deal.Ledger("principal MinerLoan", 11, "InMaturity") + deal.Ledger("interest MinerLoan", 11, "InMaturity"), 6);
        Assert.Equal(5_463_635, deal.Ledger("principal MinerLoan", 11, "Carried") + deal.Ledger("interest MinerLoan", 11, "Carried"), 6);
        Assert.DoesNotContain(deal.Diagnostics, d => d.Code == "DL0592" && (d.Message.Contains("'InMaturity'", StringComparison.Ordinal) || d.Message.Contains("'Carried'", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheWarningIsAtTheFromDate()
    {
        var result = DealCompiler.Check("small.deal", Source);
        Diagnostic warning = result.Diagnostics.First(d => d.Code == "DL0592");
        string line = Source.Split('\n')[warning.Span.Line - 1];
        Assert.Equal("2028-07-01", line.Substring(warning.Span.Column - 1, 10));
    }
}
