using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// <c>fee F { 2% of collections }</c> takes 2% of each period's collections, with no year fraction; an annual fee
/// (<c>per year</c>) is scaled by it. Both fees run side by side in a semiannual 30/360 deal (year fraction 0.5), so
/// the difference is the year fraction alone. Figures by hand from the rent put into the path.
/// </summary>
public sealed class PerPeriodFeeTests : IDisposable
{
    private const string Text = """
        deal D {
          currency USD
          closing 2025-01-01
          maturity 2027-01-01
          pay semiannual
          daycount 30/360
          party Tenant { }
          facility Plant { cost 100m  value straight_line 10y }
          lease L on Plant { lessee Tenant  rent 20m per year  starts 2025-01-01  term 10y }
          tranche Notes { balance 50m  coupon 5% }
          equity Eq { contributed 10m }
          fee Servicing { 2% of collections }
          fee Monitor { 1% of Plant.value per year }
          waterfall {
            pay Servicing
            pay Monitor
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    private readonly DealHarness _deal = DealHarness.Load(
        DealCompiler.Check("fees.deal", Text).Model ?? throw new InvalidOperationException("the test deal must check"));

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void APerPeriodFeeIsItsShareOfThePeriodsFlowWithoutAYearFraction()
    {
        // Rent 10m and 12m in the first two half-years (the only collections); the plant is worth 80m throughout.
        var input = new PathInputs(_deal.Description) { Scenario = "test", CheckCashConservation = true };
        for (int t = 0; t < _deal.Description.Periods; t++)
        {
            input.LeaseRent[0][t] = t == 0 ? 10e6 : 12e6;
            input.FacilityValue[0][t] = 80e6;
        }

        input.LeaseEndPeriod[0] = -1; // runs past the horizon
        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        // 2% of 10m = 200k and 2% of 12m = 240k (not 100k and 120k, as '2% of collections per year' would have been).
        Assert.Equal(200e3, result.Ledger![0, _deal.Column("1 pay Servicing due")], 1e-6);
        Assert.Equal(240e3, result.Ledger[1, _deal.Column("1 pay Servicing due")], 1e-6);

        // The annual fee beside it: 1% of 80m a year × 0.5 = 400k a half-year.
        Assert.Equal(400e3, result.Ledger[0, _deal.Column("2 pay Monitor due")], 1e-6);
    }

    [Fact]
    public void OnlyTheAnnualFeeIsScaledByTheYearFraction()
    {
        string source = _deal.Compiled.Source;
        Assert.Contains("fee_Servicing_accrued = (0.02 * collections);", source);
        Assert.Contains("fee_Monitor_accrued = (0.01 * facility_Plant_value[t]) * yf;", source);
        Assert.Contains("fee_Servicing_due = fee_Servicing_accrued + fee_Servicing_unpaid;", source);
    }
}
