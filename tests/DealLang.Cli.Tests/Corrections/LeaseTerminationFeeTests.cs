namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's termination fee end to end (docs/language.md §5 "lease", "Termination fee"): owed by a lessee defaulting
/// during the initial term, amortising as a contract's does, received at the lessee's recovery in the default's period
/// as a one-off (not cfads); none for a default after the term or in a renewal taken; the RVG owed besides it; a
/// guarantor of the lease pays the rent lost, not the fee.
/// </summary>
public sealed class LeaseTerminationFeeTests
{
    // Quarterly, closing 2026-01-01. Tenant (recovery 40%) leases Campus at 12m a year (3m a quarter) for 2 years
    // from the closing, with one renewal of a year; the fee 8m amortising to 2m; an RVG of 120m capped at 30m; Parent
    // guarantees the rent up to 100m.
    private const string Source = """
        deal Leased {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Parent { }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      2y
            renewals  1 x 1y at lessee option
            rvg       guarantees 120m cap 30m until 2029-01-01
            guarantor Parent cap 100m
            termination_fee 8m amortising to 2m
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          test Cash = cfads

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Leased { }

        scenario InTerm for Leased {
          Tenant defaults on 2026-08-15
        }

        scenario AfterTerm for Leased {
          Tenant defaults on 2028-03-01
        }

        scenario InRenewal for Leased {
          L renewals taken 1
          Tenant defaults on 2028-03-01
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // Tenant defaults on 2026-08-15: the term runs 2026-01-01 → 2028-01-01 (730 days), 504 days left (139 to
    // 2027-01-01, then 365). Owed 2m + (8m − 2m) × 504/730 = 2m + 4,142,465.75 = 6,142,465.75; Tenant's recovery 40%:
    // 2,456,986.30, received in Q3 2026 (period 2), the default's period.
    private const double Received = (2_000_000 + (6_000_000.0 * 504 / 730)) * 0.4;

    [Fact]
    public void ADefaultInTheTermPaysTheRecoveryOfTheAmortisedFeeInItsPeriod()
    {
        Assert.Equal(2_456_986.30, Received, 0.01);
        Assert.Equal(Received, Deal.Ledger("termination fee L", 2, "InTerm"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("termination fee L", 1, "InTerm"));
        Assert.Equal(0.0, Deal.Ledger("termination fee L", 3, "InTerm"));
        Assert.Equal(0.0, Deal.Ledger("termination fee L", 2, "AsAgreed"));
    }

    [Fact]
    public void NoFeeIsOwedAfterTheInitialTermNorInARenewalTaken()
    {
        // 2028-03-01 is after the term's end (2028-01-01): the lease has ended, or runs in its renewal; no fee either way.
        for (int t = 0; t < 16; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "AfterTerm"));
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "InRenewal"));
        }
    }

    [Fact]
    public void TheFeeIsAOneOffCollectionOutsideCfadsBesideTheRvg()
    {
        // No opex: cfads = collections less the one-offs, the fee and the RVG the same default makes the lessee pay.
        double rvg = Deal.Ledger("rvg L", 2, "InTerm");
        Assert.True(rvg > 0, "the RVG applies to a default inside its window, as it did without the fee");
        Assert.Equal(Deal.Ledger("collections", 2, "InTerm") - Received - rvg, Deal.Ledger("Cash", 2, "InTerm"), 0.01);
        // The RVG is what it is without a fee: the lessee owes both, each recovered at 40%.
        var noFee = new SmallDeal(Source.Replace("termination_fee 8m amortising to 2m", "", StringComparison.Ordinal));
        Assert.Equal(noFee.Ledger("rvg L", 2, "InTerm"), rvg, 6);
    }

    [Fact]
    public void TheGuarantorPaysTheRentLostNotTheFee()
    {
        // Q3 2026 (92 days, 3m of rent): the rent the default cut plus the guarantor's share is the quarter's 3m.
        Assert.Equal(3_000_000, Deal.Ledger("rent L", 2, "InTerm") + Deal.Ledger("guarantor L", 2, "InTerm"), 0.01);
    }

    [Fact]
    public void TheSummaryGivesTheFeeReceived()
    {
        string csv = DealLang.Runner.Reports.SummaryReport.Render(Deal.Description, [Deal.Outcomes["AsAgreed"], Deal.Outcomes["InTerm"]],
            DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("L,termination fee received,0.00,2456986.30\r\n", csv, StringComparison.Ordinal);
        string json = DealLang.Runner.Reports.SummaryReport.Render(Deal.Description, [Deal.Outcomes["InTerm"]], DealLang.Runner.Reports.ReportFormat.Json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var fee = doc.RootElement.GetProperty("scenarios")[0].GetProperty("events").GetProperty("leaseTerminationFees")[0];
        Assert.Equal("L", fee.GetProperty("lease").GetString());
        Assert.Equal(Received, fee.GetProperty("amount").GetDouble(), 0.01);
    }
}
