using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// A fee, an account target or an RVG guarantee that divides by deal state is n/a (NaN) when the divisor is zero.
/// Found by the pipeline fuzzer (a fee of <c>TermLoan.balance / Site.value * 1m</c> once the site is worth nothing):
/// the NaN ran through every payment after it and the cash check threw, an "internal error" for a valid deal. Such
/// an amount now counts as 0 (<see cref="Flows.AmountOrZero"/>), and only such amounts are wrapped.
/// </summary>
public sealed class NotAvailableAmountTests : IDisposable
{
    // Annual 30/360 periods: t ends 2026-01-01 + t years. Every amount that moves cash divides by Plant.value.
    private const string Text = """
        deal D {
          currency USD
          closing 2025-01-01
          maturity 2030-01-01
          pay annual
          daycount 30/360
          party Tenant { }
          facility Plant { cost 100m  value straight_line 10y }
          lease L on Plant {
            lessee Tenant  rent 20m per year  starts 2025-01-01  term 10y
            rvg guarantees Notes.balance / Plant.value * 1m  cap 50m  until 2030-01-01
          }
          tranche Notes { balance 50m  coupon 5% }
          equity Eq { contributed 10m }
          account Reserve { target Notes.balance / Plant.value * 1m  initial 1m }
          fee Monitor { Notes.balance / Plant.value * 1m per year }
          waterfall {
            pay Monitor
            pay Notes.interest
            pay Notes.principal
            fill Reserve
            release Reserve
            distribute rest to Eq
          }
        }
        """;

    private readonly DealHarness _deal = DealHarness.Load(
        DealCompiler.Check("na.deal", Text).Model ?? throw new InvalidOperationException("the test deal must check"));

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void OnlyAmountsThatCanBeNotAvailableAreWrapped()
    {
        Assert.Equal(2 * 3, CountOf(_deal.Compiled.Source, "Flows.AmountOrZero(")); // in Run's loop and RunSummary's

        // Hyperion's fee (0.5% of Campus.value) and DSRA target (6m of debt_service) never divide: left as they were.
        using var hyperion = DealHarness.Load(HyperionModel.Create());
        Assert.Equal(0, CountOf(hyperion.Compiled.Source, "Flows.AmountOrZero("));
    }

    [Fact]
    public void AmountsOverAZeroValueMoveNoCashAndTheCashStillAddsUp()
    {
        // The plant is worth 50m at the end of periods 0 and 1, then nothing; the lease ends in period 3 inside its
        // RVG window.
        var input = new PathInputs(_deal.Description) { Scenario = "test", CheckCashConservation = true };
        for (int t = 0; t < _deal.Description.Periods; t++)
        {
            input.LeaseRent[0][t] = 20e6;
            input.FacilityValue[0][t] = t < 2 ? 50e6 : 0;
        }

        input.LeaseEndPeriod[0] = 3;
        input.RvgApplies[0] = true;
        input.RvgRecovery[0] = 1;
        input.RvgValue[0] = 0; // the plant's value on the lease's last day, in period 3

        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        // Period 0: 50m / 50m × 1m = 1m a year, for a whole 30/360 year. Period 2: 50m / 0 is n/a, so nothing is due.
        Assert.Equal(1e6, result.Ledger![0, _deal.Column("1 pay Monitor due")], 1e-6);
        Assert.Equal(0.0, result.Ledger[2, _deal.Column("1 pay Monitor due")]);

        // The reserve's target is n/a from period 2: 0, so release empties the reserve.
        Assert.Equal(0.0, result.AccountBalance[0][2]);

        // The lease ends in period 3: the guarantee of an n/a amount pays nothing (min(cap, max(0, 0 − value))).
        Assert.Equal(0.0, result.RvgPaid[0]);
        Assert.All(result.Collections, c => Assert.False(double.IsNaN(c)));
        Assert.All(result.Distributions[0], d => Assert.False(double.IsNaN(d)));
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
