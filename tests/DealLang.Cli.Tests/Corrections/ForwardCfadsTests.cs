using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The forward CFADS's worked example in docs/language.md §7 ("Forward CFADS"), on valid corpus 015's `AsAgreed`: a
/// lease's escalated rent over its term, a prepaid contract's take-or-pay receipts less its yearly credit, a contract
/// signed but not yet started at its index price now, less an annual fee and the fleet's opex, by hand. The manual named
/// this test before it existed; the figure was held only by the corpus run.
/// </summary>
public sealed class ForwardCfadsTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(
        RepoPaths.Root, "tests", "corpus", "valid", "015-prepaid-contracts-and-forward-cfads.deal"));

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void TheFirstQuartersForwardCfadsIsTheContractedReceiptsLessTheKnownCosts()
    {
        // Quarterly from 2026-01-01, 30/360: at the end of period 0 the 12-month window is 2026-04-01 → 2027-04-01
        // (periods 1–4, 365 actual days, four year fractions of 0.25).
        //   HallLease, 4m a year escalating 3% from 2027-01-01: 1m + 1m + 1m + 1.03m             = 4,030,000
        //   BigCo, 600 × 2.35 × 8760 × 90% = 11,116,440 a year less the 10m prepayment's credit of 5m a year (a
        //     two-year term), over 365/365 of a year: 11,116,440 − 5,000,000                      = 6,116,440
        //   LabDeal, signed, from 2026-07-01 (274 days of the window) at H100Rent now (2.35) + 0.10:
        //     400 × 2.45 × 8760 × 80% × 274/365                                                    = 5,155,584
        //   less Admin, 200k a year × 4 × 0.25                                                     =   200,000
        //   less the fleet's opex over 365 days: power 1000 × 0.7 kW × 1.3 × 0.08 × 24 × 365 = 637,728, maintenance
        //     30m × 2% × 365/365.25 = 599,589.32                                                    = 1,237,317.32
        //   4,030,000 + 6,116,440 + 5,155,584 − 200,000 − 1,237,317.32                              = 13,864,706.68
        const double Expected = 4_030_000 + 6_116_440 + 5_155_584 - 200_000 - (637_728 + (30e6 * 0.02 * 365 / 365.25));
        Assert.Equal(13_864_706.68, Expected, 0.005);
        Assert.Equal(Expected, Deal.Value.Ledger("FwdCfads", 0, "AsAgreed"), 0.005);
    }
}
