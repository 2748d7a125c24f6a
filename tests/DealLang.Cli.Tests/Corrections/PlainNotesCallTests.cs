using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An issuer's call of plain (non-convertible) notes, a refinancing scenario's <c>Notes called on DATE [at P] [part X]</c>
/// (docs/language.md §5, "Calling plain notes"): the called share of the balance is due in cash in the period holding the
/// date, a premium (P − 1) × the called share with that period's interest; the convertible's cash branch, without the
/// shares. Each figure computed by hand; the runs check that cash is conserved every period.
/// </summary>
public sealed class PlainNotesCallTests
{
    // Semiannual, 2026-01-01 → 2031-01-01, 30/360: ten periods, period 3 ending on 2028-01-01 (two years in). The notes:
    // 100m at 8%, bullet, 4m of coupon a half-year. The lease pays 240m a year, 120m a half-year: enough for any call.
    private const string Source = """
        deal Refi {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      semiannual
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          facility Site { cost 500m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2026-01-01  term 5y }

          tranche Notes { balance 100m  coupon 8% fixed }
          equity  Eq { contributed 1m  holders Owner 100% }

          default when Notes.principal_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Held for Refi { }

        scenario Refinanced for Refi {
          Notes called on 2028-01-01 at 104%
        }

        scenario Half for Refi {
          Notes called on 2028-01-01 at 104% part 50%
        }

        scenario Short for Refi {
          Tenant defaults on 2027-10-01
          Notes called on 2028-01-01 at 104%
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void CalledAt104TwoYearsIn_TheNotesPay104mAndTheCoupon_AndTheIrrIsOverTheShorterLife()
    {
        // Period 3 (to 2028-01-01): the 100m falls due at par, the premium 4% × 100m = 4m with the coupon's 4m (8m of
        // interest due); paid from the half-year's 120m: 108m that period, 4 × 4m + 4m = 20m of interest in all.
        TrancheSummary notes = Deal.Outcomes["Refinanced"].Tranches[0];
        Assert.Equal(0, Deal.Ledger("Notes principal due", 2, "Refinanced"));
        Assert.Equal(100_000_000, Deal.Ledger("Notes principal due", 3, "Refinanced"), 1e-6);
        Assert.Equal(4_000_000, Deal.Ledger("Notes redemption premium", 3, "Refinanced"), 1e-6);
        Assert.Equal(8_000_000, Deal.Ledger("Notes interest due", 3, "Refinanced"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes balance", 3, "Refinanced"));
        Assert.Equal(0, Deal.Ledger("Notes interest due", 4, "Refinanced"));
        Assert.Equal(20_000_000, notes.InterestPaid, 1e-6);
        Assert.Equal(100_000_000, notes.PrincipalPaid, 1e-6);
        Assert.Equal(0, notes.PrincipalLoss, 1e-6);
        Assert.Equal(new Date(2028, 1, 1), notes.CalledOn);
        // −100m at closing, 4m on 2026-07-01 (day 181), 2027-01-01 (365), 2027-07-01 (546), 108m on 2028-01-01 (730):
        // 10.1027% on actual days (bisection on these flows). Check: a 4% half-yearly coupon redeemed at 104 after four
        // half-years yields y = 4.9427% a half-year (100 = 4/(1+y) + 4/(1+y)² + 4/(1+y)³ + 108/(1+y)⁴), (1+y)² − 1 =
        // 10.13% a year, against the 8.16% (1.04² − 1) held to the maturity.
        Assert.Equal(0.1010268444, notes.Irr, 8);
        Assert.Null(Deal.Outcomes["Refinanced"].Events.EventOfDefault);
    }

    [Fact]
    public void HalfCalled_TheCalledHalfIsRepaidWithItsPremium_AndTheRestRunsToTheMaturity()
    {
        // Period 3: 50% × 100m = 50m due at par, the premium 4% × 50m = 2m with the coupon's 4m (6m). Then 50m at 8%,
        // 2m a half-year for periods 4 to 9, the 50m at the maturity (period 9). Interest: 3 × 4m + 6m + 6 × 2m = 30m.
        TrancheSummary notes = Deal.Outcomes["Half"].Tranches[0];
        Assert.Equal(50_000_000, Deal.Ledger("Notes principal due", 3, "Half"), 1e-6);
        Assert.Equal(2_000_000, Deal.Ledger("Notes redemption premium", 3, "Half"), 1e-6);
        Assert.Equal(6_000_000, Deal.Ledger("Notes interest due", 3, "Half"), 1e-6);
        Assert.Equal(50_000_000, Deal.Ledger("Notes balance", 3, "Half"), 1e-6);
        Assert.Equal(2_000_000, Deal.Ledger("Notes interest due", 4, "Half"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes principal due", 4, "Half"));
        Assert.Equal(50_000_000, Deal.Ledger("Notes principal due", 9, "Half"), 1e-6);
        Assert.Equal(30_000_000, notes.InterestPaid, 1e-6);
        Assert.Equal(100_000_000, notes.PrincipalPaid, 1e-6);
        Assert.Equal(0, notes.PrincipalLoss, 1e-6);
        Assert.Equal(new Date(2028, 1, 1), notes.CalledOn);
        // −100m, 4m three times, 56m on 2028-01-01, 2m each half-year to 2031-01-01 with 50m then: 8.7652% (bisection on
        // actual days), between the 8.16% held and the 10.10% called whole.
        Assert.Equal(0.0876517098, notes.Irr, 8);
    }

    [Fact]
    public void ACallTheWaterfallCannotPay_IsAnArrearAndAnEventOfDefault()
    {
        // The tenant defaults on 2027-10-01 (no recovery): period 3 (2027-07-01 to 2028-01-01, 184 days) collects 92 days
        // of rent, 120m × 92 / 184 = 60m; the 8m of interest (coupon and premium) is paid, then 52m of the 100m called:
        // 48m is a principal shortfall, the event of default on 2028-01-01 and, with nothing collected after, the loss.
        TrancheSummary notes = Deal.Outcomes["Short"].Tranches[0];
        Assert.Equal(8_000_000, Deal.Ledger("Notes interest due", 3, "Short"), 1e-6);
        Assert.Equal(48_000_000, Deal.Ledger("Notes principal due", 4, "Short"), 1e-6);
        Assert.Equal(48_000_000, notes.PrincipalLoss, 1e-6);
        Assert.Equal(new Date(2028, 1, 1), Deal.Outcomes["Short"].Events.EventOfDefault);
        Assert.Equal(new Date(2028, 1, 1), notes.CalledOn);
    }

    [Fact]
    public void WithoutTheLever_TheNotesRunToTheMaturity_AndTheSummaryHasTheCallsRows()
    {
        // Held: 4m a half-year, the 100m at the maturity; 8.16% (1.04² − 1) on 30/360 dates, near enough on actual days.
        TrancheSummary notes = Deal.Outcomes["Held"].Tranches[0];
        Assert.Equal(0, Deal.Ledger("Notes principal due", 3, "Held"));
        Assert.Equal(0, Deal.Ledger("Notes redemption premium", 3, "Held"));
        Assert.Equal(100_000_000, Deal.Ledger("Notes principal due", 9, "Held"), 1e-6);
        Assert.Equal(40_000_000, notes.InterestPaid, 1e-6);
        Assert.False(notes.Called);
        Assert.Null(notes.CalledOn);
        Assert.True(Deal.Description.Tranches[0].CalledByScenario && Deal.Description.HasTrancheCalls);
    }

    [Fact]
    public void PlainNotesNoScenarioCalls_ReadNoCall_AndHaveNoRedemptionColumn()
    {
        // Without a call in any scenario the deal's program is as before: no call inputs, no premium column.
        var deal = new SmallDeal(Source[..Source.IndexOf("scenario Refinanced", StringComparison.Ordinal)]);
        Assert.False(deal.Description.HasTrancheCalls);
        Assert.Throws<ArgumentException>(() => deal.Ledger("Notes redemption premium", 3));
    }
}
