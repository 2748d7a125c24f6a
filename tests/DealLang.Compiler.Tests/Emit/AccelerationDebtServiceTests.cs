using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// An accelerated tranche's <c>debt_service</c> keeps its schedule: the whole balance is due, but what the schedule
/// deducts before it amortises is the scheduled principal left unpaid, not the accelerated shortfall (which is the
/// whole balance, and left nothing to amortise: debt service fell to the interest, and the DSCR of a tranche in
/// payment default jumped to 28x, curing a cash trap). docs/language.md, "accelerate" and "tranche". Figures by hand
/// from the rent put into the path.
/// </summary>
public sealed class AccelerationDebtServiceTests : IDisposable
{
    private const string Text = """
        deal D {
          currency USD
          closing 2025-01-01
          maturity 2026-01-01
          pay quarterly
          daycount 30/360
          party Tenant { }
          facility Plant { cost 100m  value straight_line 10y }
          lease L on Plant { lessee Tenant  rent 40m per year  starts 2025-01-01  term 10y }
          tranche A { balance 40m  coupon 8%  amortize linear }
          equity Eq { contributed 10m }
          account Trap { }
          test Dscr = cfads / debt_service
          trigger Acc when Dscr < 1.00x => accelerate
          trigger Lock when Dscr < 1.20x => trap
          waterfall {
            pay A.interest
            pay A.principal
            if Lock { hold rest in Trap } else { release Trap }
            distribute rest to Eq
          }
        }
        """;

    private readonly DealHarness _deal = DealHarness.Load(
        DealCompiler.Check("accelerated.deal", Text).Model ?? throw new InvalidOperationException("the test deal must check"));

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void AnAcceleratedTranchesDebtServiceKeepsItsSchedule()
    {
        // Rent 8m in the first quarter, 12m in each after; 30/360 quarters, so a year fraction of 0.25 and a coupon of
        // 2% a quarter; linear over 4 quarters: 10m a quarter.
        var input = new PathInputs(_deal.Description) { Scenario = "test", CheckCashConservation = true };
        for (int t = 0; t < _deal.Description.Periods; t++)
        {
            input.LeaseRent[0][t] = t == 0 ? 8e6 : 12e6;
            input.FacilityValue[0][t] = 80e6;
        }

        input.LeaseEndPeriod[0] = -1;
        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        // Q1: debt service 0.8m + 10m = 10.8m, DSCR 8 / 10.8 = 0.7407x: Acc (from Q2 on) and Lock. 7.2m of the 10m
        // principal is paid: 2.8m of the schedule is in arrears, the balance 32.8m.
        Assert.Equal(8.0 / 10.8, result.TestValues[0][0], 1e-12);
        Assert.True(result.TriggerActive[0][0]);

        // Q2, accelerated: all 32.8m is due; the schedule amortises 32.8m − 2.8m over the 3 quarters left: 10m.
        // Debt service 32.8m × 2% + 10m = 10.656m; DSCR 12 / 10.656. The 12m less 0.656m of interest pays 11.344m of
        // principal: the schedule's 12.8m (10m and the 2.8m in arrears) is 1.456m short; the balance 21.456m.
        Assert.Equal(32.8e6, result.Ledger![1, _deal.Column("A principal due")], 1e-6);
        Assert.Equal(12.0 / 10.656, result.TestValues[0][1], 1e-12);

        // Q3: the schedule amortises 21.456m − 1.456m = 20m over 2 quarters: 10m; debt service 21.456m × 2% + 10m =
        // 10.42912m, DSCR 12 / 10.42912 = 1.1506x, and Lock stays on. Deducting the accelerated shortfall (21.456m)
        // instead left 0 to amortise: debt service 0.42912m and a DSCR of 27.96x.
        Assert.Equal(12.0 / 10.42912, result.TestValues[0][2], 1e-9);
        Assert.True(result.TriggerActive[1][2]);
    }
}
