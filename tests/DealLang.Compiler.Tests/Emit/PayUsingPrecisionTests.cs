using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// A <c>pay ... using</c> step records as paid the cash it actually moved. Found by the pipeline fuzzer: with a coupon
/// of 1e298% the interest due dwarfed the cash, <c>paid = due − owed</c> lost the account draws in rounding, the
/// accounts were drawn but nothing was recorded as paid, and the cash check threw for a valid deal.
/// </summary>
public sealed class PayUsingPrecisionTests : IDisposable
{
    // 1e20 of notes at 10% a year: 1e19 of interest due in the first (whole 30/360) year, against no collections and
    // a 9m reserve. Near 1e19 doubles are 2,048 apart, and 1e19 − 9m is not one of them.
    private const string Text = """
        deal Big {
          currency USD
          closing 2025-01-01
          maturity 2030-01-01
          pay annual
          daycount 30/360
          tranche Notes { balance 100000000000bn  coupon 10% }
          equity Eq { contributed 10m }
          account Reserve { initial 9m }
          waterfall {
            pay Notes.interest using Reserve
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    private readonly DealHarness _deal = DealHarness.Load(
        DealCompiler.Check("big.deal", Text).Model ?? throw new InvalidOperationException("the test deal must check"));

    public void Dispose() => _deal.Dispose();

    [Fact]
    public void WhatTheAccountsCoverOfAHugeAmountIsPaidAndTheCashAddsUp()
    {
        var input = new PathInputs(_deal.Description) { Scenario = "test", CheckCashConservation = true };

        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        Assert.Equal(9e6, result.InterestPaid[0][0]);           // the whole reserve, exactly
        Assert.Equal(0.0, result.AccountBalance[0][0]);
        Assert.Equal(1e19 - 9e6, result.InterestShortfall[0][0], 4096.0); // to within two doubles at this size
    }
}
