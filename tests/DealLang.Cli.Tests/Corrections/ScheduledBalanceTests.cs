namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// <c>T.scheduled_balance</c> is what the schedule leaves outstanding at the period's end (docs/language.md §6): the
/// balance as the period's start leaves it (a conversion taken off, interest paid in kind added), less the scheduled
/// principal. Read from the opening balance it kept converted notes' principal in a reserve for a period more
/// (examples/terawulf.deal's <c>BitcoinRally</c>: 850m held a half-year after the 2031 converts converted), and read
/// below zero at a PIK tranche's maturity, where a release then took more than the account held. Every period of both
/// deals conserves cash (the runner checks it) and leaves nothing in the accounts at the end.
/// </summary>
public sealed class ScheduledBalanceTests
{
    // Annual, 2026-01-01 → 2029-01-01, 30/360: 20m of rent a year. 30m of converts at 2% (0.6m a year), due
    // 2028-01-01 (the second period), convertible at 12.50 against WULF. The issuer keeps in a reserve what the converts
    // will still owe after this period's principal, and releases it once they owe less.
    private const string Converts = """
        deal Reserved {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 30y }
          lease Rent on Site { lessee Tenant  rent 20m per year  starts 2026-01-01  term 3y }

          tranche Converts { balance 30m  coupon 2% fixed  maturity 2028-01-01  convertible at 12.50 per share against WULF }
          equity Eq { contributed 5m }

          account Reserve { target Converts.scheduled_balance }

          waterfall {
            pay Converts.interest
            release Reserve
            pay Converts.principal
            fill Reserve
            distribute rest to Eq
          }
        }

        scenario Repaid for Reserved { }

        scenario Converted for Reserved {
          WULF points stepped { 2026-06-01 20 per share }
        }
        """;

    private static readonly SmallDeal ConvertsDeal = new(Converts);

    [Fact]
    public void ConvertedNotesLeaveNothingForTheReserveToKeep()
    {
        // 2026: 20m − 0.6m of interest = 19.4m, all kept (target 30m − 0 = 30m). 2027 reads WULF = 20 > 12.50 at its
        // start: the 30m converts into 30m × 20 / 12.50 = 48m of shares, its interest on the opening 30m (0.6m) still
        // due in cash. Nothing is left outstanding: target 0, so the reserve releases its 19.4m, and the equity
        // receives 20m − 0.6m + 19.4m = 38.8m (from the opening balance the target stayed 30m: the reserve released
        // nothing, was filled to 30m, and the equity received 8.8m, the other 30m a year later).
        Assert.Equal(48e6, ConvertsDeal.Ledger("Converts converted into shares", 1, "Converted"), 1e-6);
        Assert.Equal(0.6e6, ConvertsDeal.Ledger("1 pay Converts.interest paid", 1, "Converted"), 1e-6);
        Assert.Equal(19.4e6, ConvertsDeal.Ledger("2 release Reserve released", 1, "Converted"), 1e-6);
        Assert.Equal(0.0, ConvertsDeal.Ledger("4 fill Reserve filled", 1, "Converted"));
        Assert.Equal(0.0, ConvertsDeal.Ledger("Reserve balance", 1, "Converted"));
        Assert.Equal(38.8e6, ConvertsDeal.Ledger("5 distribute rest to Eq distributed", 1, "Converted"), 1e-6);
    }

    [Fact]
    public void ConvertedNotesAreReleasedAsRepaidOnesAre()
    {
        // WULF stays 10 ≤ 12.50: the 30m is due in cash in 2027; target 30m − 30m = 0, the reserve releases its
        // 19.4m and pays the principal with the year's 19.4m: the equity receives 20m − 0.6m + 19.4m − 30m = 8.8m.
        Assert.Equal(19.4e6, ConvertsDeal.Ledger("2 release Reserve released", 1, "Repaid"), 1e-6);
        Assert.Equal(30e6, ConvertsDeal.Ledger("3 pay Converts.principal paid", 1, "Repaid"), 1e-6);
        Assert.Equal(8.8e6, ConvertsDeal.Ledger("5 distribute rest to Eq distributed", 1, "Repaid"), 1e-6);
    }

    // The same shape with a 50m junior note at 10%, half paid in kind, due 2028-01-01.
    private const string Pik = """
        deal PikReserve {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          facility Site { cost 100m  value straight_line 30y }
          lease Rent on Site { lessee Tenant  rent 20m per year  starts 2026-01-01  term 4y }

          tranche Junior { balance 50m  coupon 10% fixed  pik 50%  maturity 2028-01-01 }
          equity Sponsor { contributed 10m }

          account Reserve { target Junior.scheduled_balance }

          waterfall {
            pay Junior.interest
            release Reserve
            pay Junior.principal
            fill Reserve
            distribute rest to Sponsor
          }
        }
        """;

    [Fact]
    public void InterestPaidInKindIsPartOfWhatTheScheduleLeaves()
    {
        var deal = new SmallDeal(Pik);
        // 2026: 50m × 10% = 5m, 2.5m capitalised (balance 52.5m), 2.5m in cash; target 52.5m − 0, so the reserve keeps
        // the 17.5m left. 2027, the note's maturity: 52.5m × 10% = 5.25m, 2.625m capitalised, so the whole 55.125m is
        // scheduled and the target is 55.125m − 55.125m = 0: the reserve releases its 17.5m, and principal is paid
        // 20m − 2.625m + 17.5m = 34.875m, 20.25m short. From the opening balance the target read 52.5m − 55.125m =
        // −2.625m, and the release took 17.5m + 2.625m = 20.125m from an account holding 17.5m (its balance −2.625m).
        Assert.Equal(17.5e6, deal.Ledger("Reserve balance", 0), 1e-6);
        Assert.Equal(17.5e6, deal.Ledger("2 release Reserve released", 1), 1e-6);
        Assert.Equal(34.875e6, deal.Ledger("3 pay Junior.principal paid", 1), 1e-6);
        Assert.Equal(20.25e6, deal.Ledger("3 pay Junior.principal short", 1), 1e-6);
        for (int t = 0; t < 4; t++)
        {
            Assert.True(deal.Ledger("Reserve balance", t) >= 0.0, "the reserve never holds less than nothing");
        }
    }
}
