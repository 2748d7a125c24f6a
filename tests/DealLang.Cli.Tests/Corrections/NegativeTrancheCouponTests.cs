namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// No holder pays its issuer interest (docs/language.md §5, "tranche"): a tranche's floating coupon below 0% (its index
/// below zero and no floor at or above 0%) is read at 0%, as a loan's is (<see cref="NegativeLoanCouponTests"/>).
/// Before, the coupon column showed −1.50%, the interest due went below zero (no pay step paid it) and, worse for an
/// analyst, <c>debt_service</c> counted the negative interest: a DSCR of 2.51x where the notes' debt service is their
/// principal alone, 2.40x.
/// </summary>
public sealed class NegativeTrancheCouponTests
{
    // Semiannual, 30/360 (a half-year's year fraction 0.5), closing 2025-03-31, two years: rent 120m a year (60m a
    // half-year), 100m of notes at SOFR + 0.5% amortising linearly (25m a half-year), and a 60m junior bullet note at SOFR + 1%. SOFR at 4.30% (4.80%), and in the scenarios −2% and −0.25%.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-03-31
          maturity 2027-03-31
          pay      semiannual
          daycount 30/360

          party Tenant { }
          party Owner { }
          index SOFR { level 4.30% }
          facility Campus { cost 200m  value straight_line 6y }
          lease CampusLease on Campus { lessee Tenant  rent 120m per year  starts 2025-03-31  term 5y }

          tranche Senior { balance 100m  coupon SOFR + 0.5%  amortize linear  seniority 1 }
          tranche Junior { balance 60m  coupon SOFR + 1%  seniority 2 }
          equity  Sponsor { contributed 50m  holders Owner 100% }

          test Dscr = cfads / debt_service

          waterfall {
            pay Senior.interest
            pay Senior.principal
            pay Junior.interest
            pay Junior.principal
            distribute rest to Sponsor
          }
        }

        scenario Base for Small { }
        scenario Negative for Small { SOFR level -2% }
        scenario SlightlyNegative for Small { SOFR level -0.25% }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void A_coupon_below_zero_owes_nothing_and_debt_service_is_the_principal()
    {
        // SOFR −2%: Senior −2% + 0.5% = −1.5% is read at 0%; Junior −2% + 1% = −1%, 0% too (a floor below 0% would do
        // nothing: DL0595).
        Assert.Equal(0.0, Deal.Value.Ledger("Senior coupon", 0, "Negative"));
        Assert.Equal(0.0, Deal.Value.Ledger("Senior interest due", 0, "Negative"));
        Assert.Equal(0.0, Deal.Value.Ledger("Junior coupon", 0, "Negative"));
        Assert.Equal(0.0, Deal.Value.Ledger("Junior interest due", 0, "Negative"));

        // debt_service = Senior's 25m of principal (the junior is a bullet), cfads the rent 60m: 60 / 25 = 2.40x (2.51x
        // before, 60 / (25 − 100m × 1.5% × 0.5 − 60m × 1% × 0.5) = 60 / 23.95 counted the negative interest).
        Assert.Equal(2.40, Deal.Value.Ledger("Dscr", 0, "Negative"), 1e-9);
    }

    [Fact]
    public void A_coupon_at_or_above_zero_is_as_before()
    {
        // SOFR −0.25%: Senior 0.25%, 100m × 0.25% × 0.5 = 125,000 in the first half-year; Junior 0.75%, 60m × 0.75% ×
        // 0.5 = 225,000. SOFR 4.30%: Senior 4.80%, 2,400,000.
        Assert.Equal(125_000, Deal.Value.Ledger("Senior interest due", 0, "SlightlyNegative"), 1e-6);
        Assert.Equal(225_000, Deal.Value.Ledger("Junior interest due", 0, "SlightlyNegative"), 1e-6);
        Assert.Equal(2_400_000, Deal.Value.Ledger("Senior interest due", 0, "Base"), 1e-6);
    }
}
