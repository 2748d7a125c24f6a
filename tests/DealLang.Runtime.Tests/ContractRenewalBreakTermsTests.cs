namespace DealLang.Runtime.Tests;

/// <summary>A contract's break counted in months from its start (ContractInfo): a date past the term's months is in a
/// renewal term, offered when it is one of the renewal terms' dates from the start of a renewal offered, against the
/// renewal terms' own fee and notice.</summary>
public sealed class ContractRenewalBreakTermsTests
{
    // 24 months' term, two 24-month renewals (months 24-48 and 48-72), the term breakable at 12m (fee 6m of revenue,
    // notice 3m), each renewal at 12m (fee 3m, notice 6m).
    private static readonly ContractInfo Contract = new("C", 0, 0, 1000, -1, 2.0, 8760, 0.9, new Date(2026, 2, 15), 24,
        RenewalCount: 2, RenewalTermMonths: 24)
    {
        BreakMonths = [12],
        BreakFeeMonths = 6,
        BreakNoticeMonths = 3,
        RenewalBreakMonths = [12],
        RenewalBreakFeeAmount = 3_000_000,
        RenewalBreakNoticeMonths = 6,
    };

    [Theory]
    [InlineData(12, true)]
    // 24 + 12: renewal 1's date; 48 + 12: renewal 2's.
    [InlineData(36, true)]
    [InlineData(60, true)]
    // The term's end, a renewal's date in the term, a date no renewal offers, past the second renewal.
    [InlineData(24, false)]
    [InlineData(30, false)]
    [InlineData(84, false)]
    public void ABreakIsOfferedOnTheTermsDatesAndEachRenewalsDates(int months, bool offered) =>
        Assert.Equal(offered, Contract.OffersBreakAt(months));

    [Fact]
    public void ABreakInARenewalTermHasTheRenewalTermsFeeAndNotice()
    {
        // In the term: 6/12 × 1000 × 2 × 8760 × 90% = 7,884,000 on 3 months' notice; in a renewal, 3m on 6 months'.
        Assert.Equal(7_884_000, Contract.BreakFeeFor(12), 1e-6);
        Assert.Equal(3, Contract.BreakNoticeFor(12));
        Assert.Equal(3_000_000, Contract.BreakFeeFor(36));
        Assert.Equal(6, Contract.BreakNoticeFor(36));
        Assert.True(Contract.CanBreak);
        Assert.True(Contract.HasTerminationReceipts);
        Assert.False((Contract with { BreakMonths = [], BreakFeeMonths = 0 }).InRenewal(24));
        Assert.True((Contract with { BreakMonths = [], BreakFeeMonths = 0, BreakNoticeMonths = 0 }).CanBreak);
    }
}
