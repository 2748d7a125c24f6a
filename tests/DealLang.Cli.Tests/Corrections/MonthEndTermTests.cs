using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A date plus whole months (docs/language.md §3, "A date plus whole months") keeps the day of the month, clamped to
/// the month's last day, and does not keep a month's end: a contract's end (`starts + term`) and a re-let's start
/// (its stop + the idle gap) on a month-end deal. The independent model of examples/coreweave-ddtl2.deal's
/// `MicrosoftLeaves` re-let Msft1 from 2027-12-31 where the program (rightly, as EDATE) re-lets it from 2027-12-30.
/// </summary>
public sealed class MonthEndTermTests
{
    // Quarterly on month ends from 2026-05-31; the rent index flat at 2.00 a GPU-hour, so a GPU at 100% earns
    // 2.00 × 8,760 / 365 = 48.00 a day. Short: 100 GPUs from 2026-06-30 for 2 months (ends 2026-08-30). Year: 100 GPUs
    // from 2026-06-30 for a year (ends 2027-06-30), re-let in `Relet` after 6 months (from 2027-12-30) at 50%.
    private const string Source = """
        deal MonthEnd {
          currency USD
          closing  2026-05-31
          maturity 2028-05-31
          pay      quarterly
          daycount ACT/360

          party Big   { }
          party Owner { }
          index Rent { level 2.00 per gpu_hour }
          fleet Cluster {
            units 200 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            generation Rent
          }
          contract Short on Cluster {
            customer Big  units 100 gpus  price 2.00 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-06-30  term 2m
          }
          contract Year on Cluster {
            customer Big  units 100 gpus  price 2.00 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-06-30  term 1y
          }

          tranche Loan { balance 1m  coupon 6% }
          equity  Eq   { contributed 3m  holders Owner 100% }

          test Idle = Cluster.idle_units

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario Relet for MonthEnd {
          Year relet after 6m at 50%
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void ATermEndsOnTheSameDayOfTheMonthNotOnTheMonthsEnd()
    {
        // 2026-06-30 + 2m = 2026-08-30 (not 08-31): the first quarter (to 2026-08-31) pays the 61 days from 06-30 to
        // 08-30, 100 × 48.00 × 61 = 292,800 (to 08-31 it would be 62 days, 297,600).
        Assert.Equal(292_800.00, Deal.Ledger("revenue Short", 0, "Relet"), 0.01);
        // It has ended by the quarter's end: its units are idle there, the year's contract taking the other 100.
        Assert.Equal(0.0, Deal.Ledger("Short units", 0, "Relet"));
        Assert.Equal(100.0, Deal.Ledger("Idle", 0, "Relet"));
    }

    [Fact]
    public void AReletStartsTheGapsMonthsOnOnTheSameDayOfTheMonth()
    {
        // Year ends 2026-06-30 + 12m = 2027-06-30; its re-let starts 6 months on, 2027-12-30 (not 12-31). The quarter
        // 2027-08-31 → 2027-11-30 is the gap: nothing.
        Assert.Equal(0.0, Deal.Ledger("revenue Year", 5, "Relet"));
        // 2027-11-30 → 2028-02-29 re-lets the 61 days from 12-30: 100 × 48.00 × 61 × 50% = 146,400 (from 12-31, 60
        // days, 144,000).
        Assert.Equal(146_400.00, Deal.Ledger("revenue Year", 6, "Relet"), 0.01);
        // The last quarter, 2028-02-29 → 05-31, 92 days: 100 × 48.00 × 92 × 50% = 220,800.
        Assert.Equal(220_800.00, Deal.Ledger("revenue Year", 7, "Relet"), 0.01);
    }
}
