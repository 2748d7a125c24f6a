using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// The compiled Hyperion-like deal run over hand-built paths. Value path: 27bn falling 0.3bn a period. "Ample"
/// rent is 2bn a period, above the level debt service (1.2527bn) plus Opex (at most ~0.1bn) plus DSRA top-ups.
/// </summary>
public sealed class PeriodLoopTests : IDisposable
{
    private readonly DealHarness _deal = DealHarness.Load(HyperionModel.Create());

    public void Dispose() => _deal.Dispose();

    private static double Value(int t) => 27e9 - (0.3e9 * t);

    private PathInputs BasePath() => _deal.Inputs(_ => 2e9, Value);

    // Rent stops from period 12 (2031-05-30): the DSRA pays period 12, period 13 falls short.
    private PathInputs StressedPath() => _deal.Inputs(t => t < 12 ? 2e9 : 0, Value);

    [Fact]
    public void FirstFullPeriodInterestIs898_306_500()
    {
        var result = _deal.Run(BasePath());

        // 27.3bn × 6.581% × 180/360 (30/360, 2025-11-30 → 2026-05-30) = 898,306,500.00
        Assert.Equal(898_306_500.00, result.Ledger![1, _deal.Column("Notes interest due")], 0.01);
        Assert.Equal(898_306_500.00, result.InterestPaid[0][1], 0.01);

        // The short front stub 2025-10-30 → 2025-11-30 is 30/360: 27.3bn × 6.581% / 12 = 149,717,750.00
        Assert.Equal(149_717_750.00, result.InterestPaid[0][0], 0.01);
    }

    [Fact]
    public void LevelAmortisingTrancheIsRepaidByMaturityWithoutShortfall()
    {
        var result = _deal.Run(BasePath());

        // Interest only through period 8 (ends 2029-11-30).
        Assert.Equal(HyperionModel.NotesBalance, result.TrancheBalance[0][8]);
        Assert.Equal(0.0, result.PrincipalPaid[0][8]);

        // From period 9, 39 level payments at 3.2905% a period: P = 27.3bn·r / (1 − (1+r)^−39) = 1,252,707,419.90,
        // of which principal in period 9 = P − 27.3bn·r = 354,400,919.90 (computed by hand with a calculator).
        Assert.Equal(354_400_919.90, result.PrincipalPaid[0][9], 0.01);
        for (int t = 9; t < HyperionModel.Periods; t++)
        {
            Assert.Equal(1_252_707_419.90, result.InterestPaid[0][t] + result.PrincipalPaid[0][t], 0.01);
        }

        Assert.Equal(0.0, result.TrancheBalance[0][HyperionModel.Periods - 1], 1e-3);
        Assert.Equal(HyperionModel.NotesBalance, result.PrincipalPaid[0].Sum(), 1e-3);
        Assert.All(result.InterestShortfall[0], s => Assert.Equal(0.0, s));
        Assert.Equal(0.0, result.PrincipalLoss[0], 1e-3);
        Assert.Equal(0.0, result.UnpaidInterest[0]);
        Assert.Equal(-1, result.EventOfDefaultPeriod);
        Assert.Equal(-1, result.SalePeriod);
        Assert.Equal(HyperionModel.Periods, result.PeriodsRun);
    }

    [Fact]
    public void CashIsConservedEveryPeriodOnTheBasePath()
    {
        var input = BasePath();
        Assert.True(input.CheckCashConservation);

        var result = _deal.Run(input); // CashCheck.Verify throws on any break

        Assert.Equal(HyperionModel.Periods, result.PeriodsRun);
        Assert.True(result.Distributions[0].Sum() > 0);
    }

    [Fact]
    public void TheSummaryLoopStoresEachPeriodsCashCheckTermsWhichBalance()
    {
        // RunSummary checks cash after its periods, from the terms it stored: each period's collections equal what it
        // paid out plus what the accounts gained (the DSRA's top-ups), and each period starts with what the last one
        // ended with.
        // RunSummary stores them for the periods before an event of default (RunDefaulted checks the rest as it runs).
        var result = _deal.Run(StressedPath(), fullLedger: false);
        int performing = result.EventOfDefaultPeriod >= 0 ? result.EventOfDefaultPeriod : result.PeriodsRun;
        Assert.True(performing > 12);
        for (int t = 0; t < performing; t++)
        {
            double change = result.CashHeldEnd[t] - result.CashHeldStart[t];
            // CashCheck.Verify's tolerance: 1e-9 of the cash involved.
            double scale = Math.Max(1.0, Math.Abs(result.Collections[t]) + Math.Abs(result.CashPaidOut[t]) + Math.Abs(result.CashHeldStart[t]) + Math.Abs(result.CashHeldEnd[t]));
            Assert.Equal(result.Collections[t], result.CashPaidOut[t] + change, 1e-9 * scale);
            if (t > 0)
            {
                Assert.Equal(result.CashHeldEnd[t - 1], result.CashHeldStart[t], 1e-6); // the same accounts, summed in another order
            }
        }

        // The DSRA holds cash before the rent stops, and pays it out in period 12.
        Assert.True(result.CashHeldEnd[11] > 0);
        Assert.True(result.CashHeldEnd[12] < result.CashHeldStart[12]);
    }

    [Fact]
    public void TheDeferredCheckNamesTheFirstPeriodThatDoesNotBalance()
    {
        var result = _deal.Run(BasePath(), fullLedger: false);
        CashCheck.VerifyPeriods(result, result.PeriodsRun, HyperionModel.Periods - 1); // balanced: no exception

        // One unit missing in period 5 and in period 9: the first is named.
        result.CashPaidOut[5] -= 1e6;
        result.CashPaidOut[9] -= 1e6;
        var e = Assert.Throws<CashConservationException>(() => CashCheck.VerifyPeriods(result, result.PeriodsRun, HyperionModel.Periods - 1));
        Assert.Contains("cash not conserved in period 5", e.Message, StringComparison.Ordinal);

        // Periods beyond those counted are not read.
        CashCheck.VerifyPeriods(result, 5, HyperionModel.Periods - 1);
    }

    [Fact]
    public void TheDeferredCheckFindsCashLeftAfterTheFinalPeriod()
    {
        var result = _deal.Run(BasePath(), fullLedger: false);
        int last = result.PeriodsRun - 1;

        // 1m left in the accounts at the end, and 1m less paid out: the period balances, but cash is stranded.
        result.CashHeldEnd[last] += 1e6;
        result.CashPaidOut[last] -= 1e6;
        var e = Assert.Throws<CashConservationException>(() => CashCheck.VerifyPeriods(result, result.PeriodsRun, last));
        Assert.Contains($"cash stranded after the last period {last}", e.Message, StringComparison.Ordinal);

        // Not the final period: no stranded check.
        CashCheck.VerifyPeriods(result, result.PeriodsRun, -1);
    }

    [Fact]
    public void TightRentTrapsCashAndStillConservesIt()
    {
        // 1.4bn a period: once amortisation starts (period 9) the trailing DSCR is about
        // (1.4bn + DSRA interest ~0.025bn − Opex ~0.065bn) / 1.2527bn ≈ 1.09x < 1.10x. The trigger only counts from
        // 2030-11-30, the end of period 10; from then the residual, once the DSRA is back at target, is held in Trap.
        var result = _deal.Run(_deal.Inputs(_ => 1.4e9, Value));

        for (int t = 0; t < 10; t++)
        {
            Assert.False(result.TriggerActive[0][t]);
        }

        Assert.True(result.Distributions[0][5] > 0);
        int last = HyperionModel.Periods - 1;
        for (int t = 10; t < last; t++)
        {
            Assert.True(result.TestValues[0][t] < 1.10);
            Assert.True(result.TriggerActive[0][t]);
            Assert.Equal(0.0, result.Distributions[0][t]);
            Assert.True(result.AccountBalance[1][t] >= result.AccountBalance[1][t - 1]);
        }

        Assert.True(result.AccountBalance[1][20] > 0);

        // The maturity releases every account into the waterfall: the trapped cash reaches the sponsor (with the
        // period's residual: the rent exceeds the last level payment) and nothing is left behind.
        Assert.True(result.Distributions[0][last] >= result.AccountBalance[1][last - 1]);
        Assert.Equal(0.0, result.AccountBalance[1][last]);
    }

    [Fact]
    public void ATestIsNaNBeforeItsFromDateAndWholeFromIt()
    {
        // Dscr tested from 2031-05-30, the end of period 11 (period t ends 2025-11-30 + 6t months).
        using DealHarness late = DealHarness.Load(HyperionModel.Create(dscrFrom: new Date(2031, 5, 30)));
        PathInputs path = late.Inputs(_ => 2e9, Value);
        var result = late.Run(path);
        var plain = _deal.Run(BasePath());

        for (int t = 0; t < 11; t++)
        {
            Assert.True(double.IsNaN(result.TestValues[0][t]), $"period {t}: {result.TestValues[0][t]}");
        }

        // From period 11 the value is exactly the untested-from deal's: the trailing sum of period 11 includes
        // period 10's flows, which the history kept although period 10 was not tested. By hand: debt service is
        // the level 1,252,707,419.90 in both periods (2,505,414,839.80), cfads the 2 x 2bn rent less Opex (0.5% of
        // a ~23.7bn value a half-year, escalated ~10%: ~0.065bn each) plus the DSRA's interest, so about 1.55x.
        for (int t = 11; t < HyperionModel.Periods; t++)
        {
            Assert.Equal(plain.TestValues[0][t], result.TestValues[0][t]);
        }

        Assert.InRange(result.TestValues[0][11], 1.50, 1.60);
        Assert.Equal(plain.Distributions[0], result.Distributions[0]); // nothing else changes
    }

    [Fact]
    public void ATriggerComparingATestThatIsNotYetTestedIsOff()
    {
        // As in TightRentTrapsCashAndStillConservesIt the DSCR is ~1.09x from period 9 and CashTrap counts from period
        // 10; with Dscr tested only from 2031-11-30 (period 12), the trap's 'Dscr < 1.10x' is false (NaN) in periods
        // 10 and 11, and true from period 12 on.
        using DealHarness late = DealHarness.Load(HyperionModel.Create(dscrFrom: new Date(2031, 11, 30)));
        var result = late.Run(late.Inputs(_ => 1.4e9, Value));

        Assert.Equal([false, false, true], new[] { result.TriggerActive[0][10], result.TriggerActive[0][11], result.TriggerActive[0][12] });
        Assert.True(double.IsNaN(result.TestValues[0][11]));
        Assert.True(result.TestValues[0][12] < 1.10);
    }

    [Fact]
    public void StressedPathDefaultsSellsAndLosesPrincipalWhileConservingCash()
    {
        var result = _deal.Run(StressedPath());
        var ledger = result.Ledger!;

        // Period 12: rent stops but the DSRA (one period's debt service) pays the notes. Period 13: nothing left,
        // interest goes unpaid, and the default rule fires at the end of period 13.
        Assert.Equal(0.0, result.InterestShortfall[0][12], 1e-3);
        Assert.True(result.InterestShortfall[0][13] > 0);
        Assert.Equal(13, result.EventOfDefaultPeriod);

        // Sale date 2032-11-30 + 6m = 2033-05-30, the end of period 14: sold at value × (1 − 20%).
        Assert.Equal(14, result.SalePeriod);
        Assert.Equal((27e9 - (0.3e9 * 14)) * 0.8, result.SaleProceeds, 1e-3);
        Assert.Equal(15, result.PeriodsRun);

        // The enforcement waterfall pays Opex and all interest due, then principal from what is left.
        double opening = result.TrancheBalance[0][13];
        double interestDue = ledger[14, _deal.Column("Notes interest due")];
        double opexPaid = ledger[14, _deal.Column("9 pay Opex paid")];
        Assert.Equal(interestDue, result.InterestPaid[0][14], 1e-3);
        double loss = opening - (result.Collections[14] - opexPaid - interestDue);
        Assert.True(loss > 0);
        Assert.Equal(loss, result.PrincipalLoss[0], 1e-3);
        Assert.Equal(0.0, result.UnpaidInterest[0], 1e-3);

        // Nothing is written after termination.
        Assert.Equal(0.0, result.TrancheBalance[0][15]);
        Assert.Equal(0.0, result.Collections[15]);
    }

    [Theory]
    [InlineData(25.3e9, 1.0, 2e9)] // guaranteed 27.3bn (the notes' balance in an interest-only period) − 25.3bn
    [InlineData(20.0e9, 1.0, 5e9)] // 7.3bn shortfall, capped at 5bn
    [InlineData(20.0e9, 0.6, 3e9)] // capped claim × 60% recovery from a defaulted lessee
    [InlineData(28.0e9, 1.0, 0.0)] // the facility is worth more than the guarantee
    public void RvgPaysTheCappedShortfallOfValueBelowTheGuarantee(double valueAtEnd, double recovery, double expected)
    {
        var input = _deal.Inputs(t => t <= 5 ? 2e9 : 0, t => t == 5 ? valueAtEnd : Value(t));
        input.LeaseEndPeriod[0] = 5;
        input.RvgApplies[0] = true;
        input.RvgRecovery[0] = recovery;
        input.RvgValue[0] = valueAtEnd; // the value on the lease's last day, which the runner works out (here the period's end)

        var result = _deal.Run(input);

        Assert.Equal(expected, result.RvgPaid[0], 1e-3);
        Assert.Equal(expected, result.Ledger![5, _deal.Column("rvg MetaLease")], 1e-3);
        Assert.Equal(2e9 + expected + result.Ledger[5, _deal.Column("interest Dsra")], result.Collections[5], 1e-3);
    }

    [Fact]
    public void RvgIsNotPaidWhenTheLeaseEndsOutsideItsWindow()
    {
        var input = _deal.Inputs(t => t <= 5 ? 2e9 : 0, t => t == 5 ? 20e9 : Value(t));
        input.LeaseEndPeriod[0] = 5;
        input.RvgApplies[0] = false;

        Assert.Equal(0.0, _deal.Run(input).RvgPaid[0]);
    }

    [Fact]
    public void SummaryModeGivesTheSameResultsAsFullMode()
    {
        foreach (var path in new[] { BasePath(), StressedPath() })
        {
            var full = _deal.Run(path, fullLedger: true);
            var summary = _deal.Run(path, fullLedger: false);

            Assert.NotNull(full.Ledger);
            Assert.Null(summary.Ledger);
            Assert.Equal(full.Collections, summary.Collections);
            Assert.Equal(full.InterestPaid, summary.InterestPaid);
            Assert.Equal(full.PrincipalPaid, summary.PrincipalPaid);
            Assert.Equal(full.TrancheBalance, summary.TrancheBalance);
            Assert.Equal(full.InterestShortfall, summary.InterestShortfall);
            Assert.Equal(full.Distributions, summary.Distributions);
            Assert.Equal(full.AccountBalance, summary.AccountBalance);
            Assert.Equal(full.TestValues, summary.TestValues);
            Assert.Equal(full.TriggerActive, summary.TriggerActive);
            Assert.Equal(full.PrincipalLoss, summary.PrincipalLoss);
            Assert.Equal(full.UnpaidInterest, summary.UnpaidInterest);
            Assert.Equal(full.EventOfDefaultPeriod, summary.EventOfDefaultPeriod);
            Assert.Equal(full.SalePeriod, summary.SalePeriod);
            Assert.Equal(full.PeriodsRun, summary.PeriodsRun);
        }
    }

    [Fact]
    public void AReusedResultGivesTheSameAnswerAsAFreshOne()
    {
        // Monte Carlo reuses one RunResult per thread: a stressed run must leave nothing behind for the next.
        var reused = new RunResult(_deal.Description, _deal.Program.Layout, fullLedger: false);
        _deal.Program.Run(StressedPath(), reused);
        _deal.Program.Run(BasePath(), reused);

        var fresh = _deal.Run(BasePath(), fullLedger: false);
        Assert.Equal(fresh.TrancheBalance, reused.TrancheBalance);
        Assert.Equal(fresh.TestValues, reused.TestValues);
        Assert.Equal(-1, reused.EventOfDefaultPeriod);
        Assert.Equal(0.0, reused.SaleProceeds);
    }

    [Fact]
    public void ResetLeavesEveryBufferAsAFreshResultHasIt()
    {
        // Reset promises a fresh result (every buffer zeroed, the "never" periods at −1): after a stressed run, every
        // public array of the result, read by reflection so that a buffer added later is checked too, equals a new
        // result's. Until 2026-12-07 the cash columns, the drawn amounts and the commitment fees were left as the run
        // wrote them.
        var reset = new RunResult(_deal.Description, _deal.Program.Layout, fullLedger: true);
        _deal.Program.Run(StressedPath(), reset);
        foreach (var property in typeof(RunResult).GetProperties().Where(p => p.PropertyType.IsArray))
        {
            Scribble((Array)property.GetValue(reset)!); // every slot written, as some run might, whatever this deal writes
        }

        reset.Reset();
        var fresh = new RunResult(_deal.Description, _deal.Program.Layout, fullLedger: true);
        int compared = 0;
        foreach (var property in typeof(RunResult).GetProperties().Where(p => p.PropertyType.IsArray))
        {
            var a = (Array?)property.GetValue(fresh);
            var b = (Array?)property.GetValue(reset);
            Assert.True(a is not null && b is not null, property.Name);
            Assert.True(Flatten(a).SequenceEqual(Flatten(b)), property.Name + " is not as a fresh result has it after Reset");
            compared++;
        }

        Assert.True(compared > 50, "the result's buffers were not found by reflection");

        static IEnumerable<object?> Flatten(Array array) =>
            array.Cast<object?>().SelectMany(item => item is Array inner ? Flatten(inner) : [item]);

        // Every byte of an array of numbers or flags set to 0x40 (2.0000004 as a double, 1,077,952,576 as an int, true
        // as a bool); an array of arrays, each of its rows.
        static void Scribble(Array array)
        {
            if (array.GetType().GetElementType()!.IsArray)
            {
                foreach (Array row in array)
                {
                    Scribble(row);
                }

                return;
            }

            System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), Buffer.ByteLength(array)).Fill(0x40);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RunAllocatesNothing(bool fullLedger)
    {
        // ARCHITECTURE.md: a Monte Carlo path may not allocate. Warm up (JIT, static constructors) first.
        var input = StressedPath();
        input.CheckCashConservation = false;
        var result = new RunResult(_deal.Description, _deal.Program.Layout, fullLedger);
        _deal.Program.Run(input, result);
        _deal.Program.Run(BasePath(), result);

        AllocationWindows.AssertOneAllocatesNothing("one run", () => _deal.Program.Run(input, result));
        Assert.Equal(13, result.EventOfDefaultPeriod);
    }

    [Fact]
    public void DescriptionAndLayoutCarryTheDealsTerms()
    {
        var d = _deal.Description;

        Assert.Equal("Hyperion", d.Name);
        Assert.Equal(HyperionModel.Periods, d.Periods);
        Assert.Equal(new Date(2025, 11, 30), d.Boundaries[1]);
        Assert.Equal(0.5, d.YearFractions[1]);
        Assert.Equal(30.0 / 360, d.YearFractions[0]);
        Assert.Equal(["Dscr"], d.Tests);
        Assert.Equal("level", d.Tranches[0].Amortization);
        Assert.Equal(2, _deal.Program.Layout.HistorySlots);
        Assert.Equal("rent MetaLease", _deal.Program.Layout.Columns[0].Name);
        Assert.Equal("event of default", _deal.Program.Layout.Columns[^1].Name);

        // Steps are numbered through both waterfalls, depth first, an `if` taking a number too (docs/language.md §12).
        string[] stepColumns = [.. _deal.Program.Layout.Columns.Select(c => c.Name).Where(n => char.IsAsciiDigit(n[0]))];
        Assert.Equal(
            [
                "1 pay Opex due", "1 pay Opex paid", "1 pay Opex short",
                "2 pay Notes.interest due", "2 pay Notes.interest paid", "2 pay Notes.interest short",
                "3 pay Notes.principal due", "3 pay Notes.principal paid", "3 pay Notes.principal short",
                "4 fill Dsra filled", "6 hold rest in Trap held", "7 release Trap released", "8 distribute rest to Sponsor distributed",
                "9 pay Opex due", "9 pay Opex paid", "9 pay Opex short",
                "10 pay Notes.interest due", "10 pay Notes.interest paid", "10 pay Notes.interest short",
                "11 pay Notes.balance due", "11 pay Notes.balance paid", "11 pay Notes.balance short",
                "12 distribute rest to Sponsor distributed",
            ],
            stepColumns);
        Assert.Equal(ColumnKind.Ratio, _deal.Program.Layout.Columns[_deal.Column("Dscr")].Kind);
    }
}
