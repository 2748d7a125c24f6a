namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 5 #12, end to end: a lease's rent is a contractual annual amount, accrued on its own basis and not on the
/// tranches' day count. Money tolerances are one cent.
/// </summary>
public class RentBasisTests
{
    private const double Cent = 0.01;

    // Quarterly on ACT/360, rolled back from 2028-12-31 (a month end): periods end 2026-03-31, 06-30, 09-30,
    // 12-31, ...; the first, 2026-01-15 → 2026-03-31, is a 75-day stub of the 90-day quarter from 2025-12-31.
    // Plain states no day count (equal quarterly instalments); Stated says its rent accrues ACT/360.
    private const string Deal = """
        deal Racks {
          currency USD
          closing  2026-01-15
          maturity 2028-12-31
          pay      quarterly
          daycount ACT/360
          party Tenant { }
          party Owner { }
          facility Hall { cost 100m  value straight_line 20y }
          lease Plain on Hall {
            lessee Tenant
            rent   12m per year
            starts 2026-01-15
            term   5y
          }
          lease Stated on Hall {
            lessee   Tenant
            rent     12m per year
            starts   2026-01-15
            term     5y
            daycount ACT/360
          }
          tranche Notes { balance 50m  coupon 5% }
          equity Sponsor { contributed 10m  holders Owner 100% }
          waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
        }
        """;

    private static readonly SmallDeal Run = new(Deal);

    private static double Rent(string lease, int from, int to)
    {
        double sum = 0;
        for (int t = from; t <= to; t++)
        {
            sum += Run.Ledger("rent " + lease, t, "AsWritten");
        }

        return sum;
    }

    [Fact]
    public void An_Act360_deal_collects_exactly_12m_a_year_of_a_12m_rent()
    {
        // 2027 is periods t=4..7 (quarters ending 2027-03-31 … 2027-12-31): 4 × 12m / 4 = 12,000,000.00, where
        // accrual on the deal's ACT/360 gave 12m × 365/360 = 12,166,666.67. 2028 (366 days): 12m again.
        Assert.Equal(12_000_000.00, Rent("Plain", 4, 7), Cent);
        Assert.Equal(12_000_000.00, Rent("Plain", 8, 11), Cent);
    }

    [Fact]
    public void The_front_stub_is_prorated_on_actual_days_of_its_regular_quarter()
    {
        // 12m / 4 × 75/90 = 2,500,000.00.
        Assert.Equal(2_500_000.00, Rent("Plain", 0, 0), Cent);
    }

    [Fact]
    public void A_lease_that_states_its_day_count_accrues_on_it()
    {
        // ACT/360 by the term sheet: 2027 is 365 days, 12m × 365/360 = 12,166,666.67; the stub 12m × 75/360 = 2.5m.
        Assert.Equal(12_166_666.67, Rent("Stated", 4, 7), Cent);
        Assert.Equal(2_500_000.00, Rent("Stated", 0, 0), Cent);
    }
}
