namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A holding of convertible notes (docs/language.md §5 "holding", "Convertible notes"): when the notes convert, the
/// holders receive shares worth B × S / K in place of the principal, and a holding's share of them is a receipt of the
/// holder in that period, as the notes' IRR counts them. Before the fix the holding received the coupons only and its
/// par went to 0 with the balance, so a fund lost the converted notes whole while the chain said nobody lost anything.
/// </summary>
public sealed class ConvertibleHoldingTests
{
    // A quarterly holder of half of ConvertibleTests' converts (8m at 4%, 80k a quarter, converting at 12.50 against
    // WULF), distributing all it receives.
    private const string Holder = """
        import "conv.deal"
        deal Holder {
          currency USD closing 2026-01-01 maturity 2027-01-01 pay quarterly daycount 30/360
          party Lps { }
          holding C { of Conv.Converts share 50% }
          equity Fund { contributed 4m holders Lps 100% }
          waterfall { distribute rest to Fund }
        }
        scenario Repay for Holder { }
        scenario Convert for Holder { WULF points stepped { 2026-09-01 20 per share } }
        """;

    [Fact]
    public void A_holding_of_notes_that_convert_receives_its_share_of_the_shares_value()
    {
        using var chain = new SmallChain(Holder, ("conv.deal", ConvertibleTests.Source));

        // Convert: WULF is 20 from the last quarter's start: the 8m convert into shares worth 8m × 20 / 12.50 = 12.8m
        // at 2027-01-01. The holding's half: 40k a quarter, and 40k + 6.4m in the last: 6.56m in all (to the cent).
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(40_000.0, chain.Ledger("Holder", "Convert", "receipts C", t), 0.01);
        }

        Assert.Equal(6_440_000.0, chain.Ledger("Holder", "Convert", "receipts C", 3), 0.01);
        var holder = chain.Of("Holder", "Convert");
        Assert.Equal(6_560_000.0, holder.Holdings[0].Received, 0.01);

        // The fund, paying 4m for half the notes at par, has the notes' return: their IRR (64.88%, ConvertibleTests).
        Assert.Equal(chain.Of("Conv", "Convert").Tranches[0].Irr, holder.Equities[0].Irr, 1e-9);

        // Repay: the notes pay 8m in cash at the maturity and convert nothing: half of 8.32m, 4.16m, as before.
        Assert.Equal(4_160_000.0, chain.Of("Holder", "Repay").Holdings[0].Received, 0.01);
    }
}
