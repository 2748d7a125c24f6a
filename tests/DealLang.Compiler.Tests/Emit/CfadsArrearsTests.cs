using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// <c>cfads</c> deducts this period's fees, not the fees carried unpaid from earlier periods: those were deducted in
/// their own period, as <c>debt_service</c> does not count arrears again (docs/language.md, "What CFADS and debt
/// service count"). Counted again, a fee left unpaid once would lower every later coverage ratio until it was paid.
/// Figures by hand from the rent put into the path.
/// </summary>
public sealed class CfadsArrearsTests : IDisposable
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
          fee Trustee { 4m per year }
          test Dscr = cfads / debt_service
          waterfall {
            pay Trustee
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    private readonly DealHarness _deal = DealHarness.Load(
        DealCompiler.Check("arrears.deal", Text).Model ?? throw new InvalidOperationException("the test deal must check"));

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void AFeeCarriedUnpaidIsDueAgainButNotDeductedFromCfadsAgain()
    {
        // Rent 1m in the first half-year, 10m after; the fee is 4m × 0.5 = 2m a half-year.
        var input = new PathInputs(_deal.Description) { Scenario = "test", CheckCashConservation = true };
        for (int t = 0; t < _deal.Description.Periods; t++)
        {
            input.LeaseRent[0][t] = t == 0 ? 1e6 : 10e6;
            input.FacilityValue[0][t] = 80e6;
        }

        input.LeaseEndPeriod[0] = -1; // runs past the horizon
        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        // Period 1: the 1m of rent pays 1m of the 2m fee; 1m is carried. cfads = 1m − 2m = −1m; debt service is the
        // notes' interest, 50m × 5% × 0.5 = 1.25m; DSCR = −1 / 1.25 = −0.8x.
        Assert.Equal(1e6, result.Ledger![0, _deal.Column("1 pay Trustee short")], 1e-6);
        Assert.Equal(-0.8, result.TestValues[0][0], 1e-12);

        // Period 2: the fee due is 2m + 1m carried = 3m, and the waterfall pays all of it; cfads = 10m − 2m = 8m (not
        // 10m − 3m: the 1m was deducted in period 1), DSCR = 8 / 1.25 = 6.4x.
        Assert.Equal(3e6, result.Ledger[1, _deal.Column("1 pay Trustee due")], 1e-6);
        Assert.Equal(3e6, result.Ledger[1, _deal.Column("1 pay Trustee paid")], 1e-6);
        Assert.Equal(6.4, result.TestValues[0][1], 1e-12);
    }
}
