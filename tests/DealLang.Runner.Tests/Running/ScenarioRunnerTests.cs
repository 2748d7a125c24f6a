using DealLang.Runner.Analytics;
using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Running;

// Expected values come from the cash flows written out in FourPeriodProgram's summary; the periods are
// exactly 365 days so the ACT/365F analytics times are 1, 2, 3, 4.
public class ScenarioRunnerTests
{
    const double Money = 1e-3;
    const double Rate = 1e-9;

    static readonly FourPeriodProgram Program = new();

    static ScenarioOutcome AsWritten(bool fullLedger = true) =>
        new ScenarioRunner(Program, fullLedger).Run(ScenarioSpec.AsWritten(Program.Description));

    static ScenarioOutcome Stressed(bool fullLedger = true) =>
        new ScenarioRunner(Program, fullLedger).Run(FourPeriodProgram.TenantDefaults(Program.Description));

    [Fact]
    public void APartysDefaultAfterTheRunShowsNoDate()
    {
        // The four periods end 2028-12-31: a default dated 2026-06-30 is in the run and shown; one dated 2029-03-31,
        // after the last period (as a drawn date past the maturity can be), changes nothing and is not shown.
        ScenarioSpec inRun = FourPeriodProgram.TenantDefaults(Program.Description);
        ScenarioSpec after = inRun with { PartyDefaults = [new Date(2029, 3, 31), null, null] };
        Assert.Equal(new Date(2026, 6, 30), new ScenarioRunner(Program).Run(inRun).Parties[0].DefaultDate);
        Assert.Null(new ScenarioRunner(Program).Run(after).Parties[0].DefaultDate);
    }

    [Fact]
    public void ParBondBulletYieldsItsCouponAndLivesToMaturity()
    {
        TrancheSummary notes = AsWritten().Tranches[0];

        // −100, +5, +5, +5, +105 at years 0..4: a par bond, IRR = 5% coupon; all principal at year 4.
        Assert.Equal("Notes", notes.Name);
        Assert.Equal(0.05, notes.Irr, Rate);
        Assert.Equal(4.0, notes.WalYears, Rate);
        Assert.Equal(20e6, notes.InterestPaid, Money);
        Assert.Equal(100e6, notes.PrincipalPaid, Money);
        Assert.Equal(0, notes.PrincipalLoss);
        Assert.Equal(0, notes.LossFraction);
        Assert.Null(notes.FirstPrincipalShortfall);
    }

    [Fact]
    public void AmortisingParBondYieldsItsCouponAndHasTheWeightedLife()
    {
        TrancheSummary junior = AsWritten().Tranches[1];

        // Interest is 10% of the balance outstanding each year, so bought at par it yields 10%.
        // WAL = (3 × 25 + 4 × 25) / 50 = 3.5 years.
        Assert.Equal(0.10, junior.Irr, Rate);
        Assert.Equal(3.5, junior.WalYears, Rate);
        Assert.Equal(17.5e6, junior.InterestPaid, Money);
    }

    [Fact]
    public void EquityIrrAndHolderSharesUsePartyNames()
    {
        EquitySummary sponsor = AsWritten().Equities[0];

        // −20, +2, +2, +2, +22: 10% a year. Distributions 28m split 80/20.
        Assert.Equal(20e6, sponsor.Contributed);
        Assert.Equal(28e6, sponsor.Distributions, Money);
        Assert.Equal(0.10, sponsor.Irr, Rate);
        Assert.Equal(["BlueOwl", "Meta"], sponsor.Holders.Select(h => h.Holder));
        Assert.Equal(22.4e6, sponsor.Holders[0].Distributions, Money);
        Assert.Equal(5.6e6, sponsor.Holders[1].Distributions, Money);
    }

    [Fact]
    public void EventsAsWrittenAreTheTrapAloneAndTheMinimumSkipsNaN()
    {
        ScenarioOutcome outcome = AsWritten();

        Assert.Equal(4, outcome.PeriodsRun);
        Assert.Equal([new TriggerFirstActive("Trap", new Date(2028, 1, 1))], outcome.Events.Triggers.ToArray()); // active in t=2, which ends 2028-01-01
        Assert.Null(outcome.Events.EventOfDefault);
        Assert.Null(outcome.Events.Sale);
        Assert.Equal(0, outcome.Events.SaleProceeds);
        Assert.Equal(1.2, outcome.Events.Tests[0].Minimum);          // 1.5, 1.2, n/a, 1.8
        Assert.Equal(1.8, outcome.Events.Tests[0].Maximum);          // the n/a period is neither
        Assert.Equal(ColumnKind.Ratio, outcome.Events.Tests[0].Kind); // from the ledger column named "Dscr"
        Assert.Equal(new LeaseAmount("TenantLease", 0), outcome.Events.RvgPaid[0]);
    }

    [Fact]
    public void DefaultScenarioReportsLossesEventsAndShortfalls()
    {
        ScenarioOutcome outcome = Stressed();
        TrancheSummary notes = outcome.Tranches[0];
        TrancheSummary junior = outcome.Tranches[1];

        Assert.Equal("Default", outcome.Scenario);
        Assert.Equal(3, outcome.PeriodsRun);
        Assert.Equal([new TriggerFirstActive("Trap", new Date(2027, 1, 1))], outcome.Events.Triggers.ToArray());
        Assert.Equal(new Date(2027, 1, 1), outcome.Events.EventOfDefault);
        Assert.Equal(new Date(2028, 1, 1), outcome.Events.Sale);
        Assert.Equal(80e6, outcome.Events.SaleProceeds);
        Assert.Equal(3e6, outcome.Events.RvgPaid[0].Amount);
        Assert.Equal(0.5, outcome.Events.Tests[0].Minimum);

        // Notes: 80 of 100 repaid → 20% loss; due 100 and paid 80 in the period ending 2028-01-01.
        Assert.Equal(20e6, notes.PrincipalLoss);
        Assert.Equal(0.20, notes.LossFraction, Rate);
        Assert.Equal(3.0, notes.WalYears, Rate);
        Assert.Equal(new Date(2028, 1, 1), notes.FirstPrincipalShortfall);

        // −100, 5, 5, 85 at years 0..3: the rate must zero that NPV, and it is a loss.
        Assert.True(notes.Irr < 0);
        Assert.Equal(0, Irr.Npv(notes.Irr, [0, 1, 2, 3], [-100, 5, 5, 85]), 1e-9);

        // Junior: −50 then 5 a year later and nothing more: 1 + r = 5/50, r = −90%. No principal: no WAL.
        Assert.Equal(-0.9, junior.Irr, 1e-9);
        Assert.True(double.IsNaN(junior.WalYears));
        Assert.Equal(1.0, junior.LossFraction);
        Assert.Equal(10e6, junior.UnpaidInterest);
        Assert.Equal(new Date(2028, 1, 1), junior.FirstPrincipalShortfall);

        // Sponsor got nothing: every flow is ≤ 0, no rate zeroes them, and the IRR of a total loss is −100%.
        Assert.Equal(-1.0, outcome.Equities[0].Irr);
        Assert.Equal(0, outcome.Equities[0].Distributions);
    }

    [Fact]
    public void SummaryOnlyRunHasNoLedgerButTheSameSummaries()
    {
        ScenarioOutcome outcome = Stressed(fullLedger: false);
        ScenarioOutcome full = Stressed(fullLedger: true);

        Assert.Null(outcome.Ledger);

        // Shortfalls come from RunResult.PrincipalShortfall, not the ledger, so summary-only runs (Monte Carlo)
        // see the same first shortfall dates as full runs.
        Assert.Equal(new Date(2028, 1, 1), outcome.Tranches[0].FirstPrincipalShortfall);
        Assert.Equal(new Date(2028, 1, 1), outcome.Tranches[1].FirstPrincipalShortfall);
        Assert.Equal(full.Tranches.Select(t => t.ToString()), outcome.Tranches.Select(t => t.ToString())); // NaN WAL: compare as text
        Assert.Equal(0.20, outcome.Tranches[0].LossFraction, Rate);
    }

    [Fact]
    public void FullLedgerIsCopiedForThePeriodsRun()
    {
        var runner = new ScenarioRunner(Program);
        ScenarioOutcome stressed = runner.Run(FourPeriodProgram.TenantDefaults(Program.Description));
        ScenarioOutcome asWritten = runner.Run(ScenarioSpec.AsWritten(Program.Description));

        // The first outcome keeps its own copy although the runner's buffers were reused.
        Assert.NotNull(stressed.Ledger);
        Assert.Equal(3, stressed.Ledger.Periods);
        Assert.Equal(Program.Layout.Columns.Length, stressed.Ledger.Columns);
        Assert.Equal(100e6, stressed.Ledger[2, FourPeriodProgram.NotesPrincipalDue]);
        Assert.Equal(4, asWritten.Ledger!.Periods);
        Assert.Equal(0, asWritten.Ledger[2, FourPeriodProgram.NotesPrincipalDue]);
    }

    [Fact]
    public void RunAllRunsTheGivenScenariosInOrderOrTheDealAsWritten()
    {
        var outcomes = ScenarioRunner.RunAll(Program, [ScenarioSpec.AsWritten(Program.Description), FourPeriodProgram.TenantDefaults(Program.Description)]);
        Assert.Equal(["AsWritten", "Default"], outcomes.Select(o => o.Scenario));

        // None given: the deal as written.
        Assert.Equal(["AsWritten"], ScenarioRunner.RunAll(Program, []).Select(o => o.Scenario));
    }

    [Fact]
    public void CheckCashFlagReachesTheProgram()
    {
        var program = new FourPeriodProgram();
        new ScenarioRunner(program, checkCash: true).Run(ScenarioSpec.AsWritten(program.Description));
        Assert.True(program.LastRunCheckedCash);
        new ScenarioRunner(program).Run(ScenarioSpec.AsWritten(program.Description));
        Assert.False(program.LastRunCheckedCash);
    }
}
