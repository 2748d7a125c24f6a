namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// docs/language.md §5 "tranche", "Timing of a value": a coupon is set at the interest period's start, so a holding's
/// `value` it reads is the mark the period starts with — the holding's par at the closing × its mark's level then in
/// the first period, the previous period's end value after — not the value at the period's end (a look-ahead).
/// </summary>
public class HoldingValueCouponTests
{
    // The held SPV is ForcedSaleTests': its notes (100m, a bullet in 2031, after the fund's horizon) keep their par.
    private const string Held = ForcedSaleTests.Held;

    // The fund holds half the notes, marked by Price, which halves from 2027-01-01 (the second period's level); its
    // bank line's margin is 10% of its LTV on the holding.
    private const string Fund = """
        import "held.deal"
        deal Fund {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Lp { }
          index Price { level 100% points stepped { 2027-01-01 50% } }
          holding H1 { of Held.Notes  share 50%  mark Price }
          tranche Bank { balance 40m  coupon 2% + 10% * (Bank.balance / H1.value)  maturity 2030-01-01 }
          equity Investors { contributed 20m  holders Lp 100% }
          waterfall {
            pay Bank.interest
            pay Bank.principal
            distribute rest to Investors
          }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void A_coupon_reads_the_holdings_mark_at_the_periods_start()
    {
        using var chain = new SmallChain(Fund, ("held.deal", Held));

        // Period 0 (2026): the mark at the closing, 50% × 100m × 100% = 50m: 2% + 10% × 40 / 50 = 10%. Its end value is
        // the same 50m (Price is 100% through 2026).
        Assert.Equal(0.10, chain.Ledger("Fund", "Base", "Bank coupon", 0), 12);

        // Period 1 (2027): the period-0 end's 50m again, 10% (the mark at this period's end, 50m × 50% = 25m, would give
        // 2% + 10% × 40 / 25 = 18%: the look-ahead the rule removes).
        Assert.Equal(0.10, chain.Ledger("Fund", "Base", "Bank coupon", 1), 12);

        // Period 2 (2028): the period-1 end's 25m: 18%.
        Assert.Equal(0.18, chain.Ledger("Fund", "Base", "Bank coupon", 2), 12);
    }
}
