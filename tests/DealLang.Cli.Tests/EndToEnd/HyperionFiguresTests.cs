using DealLang.Runtime;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// Hand-computed figures for the Hyperion notes (examples/hyperion.deal), checked against the compiled deal.
/// Money tolerances are one cent unless stated: amounts are doubles, rounded only when printed.
/// </summary>
public class HyperionFiguresTests(HyperionRun run) : IClassFixture<HyperionRun>
{
    private const double Cent = 0.01;

    [Fact]
    public void The_schedule_is_48_semiannual_periods_with_a_one_month_front_stub()
    {
        var b = run.Deal.Boundaries;
        Assert.Equal(48, run.Deal.ScheduledPeriods);

        // Workout: room for the longest lag any scenario may set (10 years, DL0431), 20 half-years after the
        // maturity, so a scenario kept in its own file fits the compiled deal.
        Assert.Equal(68, run.Deal.Periods);
        Assert.Equal(new Date(2025, 10, 30), b[0]);
        Assert.Equal(new Date(2025, 11, 30), b[1]);
        Assert.Equal(new Date(2026, 5, 30), b[2]);
        Assert.Equal(new Date(2049, 5, 30), b[run.Deal.ScheduledPeriods]);
        Assert.Equal(new Date(2059, 5, 30), b[^1]);
    }

    [Fact]
    public void The_stub_and_first_full_coupons_are_exact()
    {
        // 27.3bn x 6.581% x 30/360: the stub 2025-10-30 -> 2025-11-30 is 30 days = 149,717,750.00;
        // the first full half-year is 180/360 = 898,306,500.00 (the figure in the issue).
        Assert.Equal(149_717_750.00, run.Ledger("Base", "3 pay Notes.interest paid", 0), Cent);
        Assert.Equal(898_306_500.00, run.Ledger("Base", "3 pay Notes.interest paid", 1), Cent);
    }

    [Fact]
    public void Level_amortisation_pays_the_annuity_from_the_first_period_after_completion()
    {
        // 39 half-years from 2029-11-30 to 2049-05-30 at r = 6.581%/2:
        // P = 27.3bn x r / (1 - (1+r)^-39) = 1,252,707,419.90; first principal = P - 27.3bn x r = 354,400,919.90.
        const int first = 9; // period ending 2030-05-30
        Assert.Equal(0.0, run.Ledger("Base", "Notes principal due", first - 1));
        Assert.Equal(354_400_919.90, run.Ledger("Base", "Notes principal due", first), Cent);
        for (int t = first; t < 47; t++)
        {
            double debtService = run.Ledger("Base", "Notes interest due", t) + run.Ledger("Base", "Notes principal due", t);
            Assert.Equal(1_252_707_419.90, debtService, Cent);
        }

        Assert.Equal(0.0, run.Ledger("Base", "Notes balance", 47), Cent);
    }

    [Fact]
    public void Base_repays_the_notes_in_full_and_their_irr_is_the_coupon()
    {
        var notes = run.Outcomes["Base"].Tranches.Single(t => t.Name == "Notes");
        Assert.Equal(0.0, notes.PrincipalLoss, Cent);
        Assert.Equal(27.3e9, notes.PrincipalPaid, Cent);
        Assert.Null(run.Outcomes["Base"].Events.EventOfDefault);
        // Bought at par and paid as scheduled, the annual IRR is the effective semiannual coupon,
        // (1 + 6.581%/2)^2 - 1 = 6.6893%, up to the stub and the ACT/365F timing of the cash flows.
        Assert.Equal(0.066893, notes.Irr, 0.0005);
    }

    [Fact]
    public void The_notes_loss_grows_from_base_to_refuted()
    {
        double Loss(string s) => run.Outcomes[s].Tranches.Single(t => t.Name == "Notes").PrincipalLoss;

        Assert.Equal(0.0, Loss("Base"), Cent);
        Assert.True(Loss("SlowProductivity") > 0, "SlowProductivity should lose something");
        Assert.True(Loss("Refuted") > Loss("SlowProductivity"), "Refuted should lose more than SlowProductivity");
        Assert.NotNull(run.Outcomes["Refuted"].Events.EventOfDefault);
        // The notes are Meta credit once the RVG is settled on a remarketing sale: in Refuted the scheduled balance
        // (24,115,872,866.83) less the net proceeds (7,194,490,974.87) and Meta's 37% of the claim (6,260,911,300.02)
        // leaves 10,660,470,591.94; the period's rent left after its debt service (439,317,393.91) and the DSRA
        // (1,252,707,419.90) are swept too, so 8,968,445,778.13 stays unpaid, and nothing later repays it (the
        // enforcement sale finds the campus sold).
        Assert.Equal(8_968_445_778.13, Loss("Refuted"), 1.0);
    }

    [Fact]
    public void Slow_productivity_defaults_on_a_missed_principal_payment_and_is_remarketed_before_the_enforcement_sale()
    {
        // SlowProductivity, period 23 (0-based; 2036-11-30 -> 2037-05-30): collections 1,001,154,812.49 less the fees
        // (3,108,435.77 + 4,111,938.81) and the interest paid in full (695,085,090.05) leave 298,849,347.86; the DSRA's
        // last 200,325,361.63 makes 499,174,709.49 of the 557,622,329.85 scheduled principal: 58,447,620.36 unpaid and no
        // interest unpaid, so the event of default is the rule's principal half (before 2026-12-07 it came only in 2042).
        const int eod = 23;
        var outcome = run.Outcomes["SlowProductivity"];
        Assert.Equal(new Date(2037, 5, 30), outcome.Events.EventOfDefault);
        Assert.Equal(0.0, run.Ledger("SlowProductivity", "4 pay Notes.principal paid", eod - 1)
            - run.Ledger("SlowProductivity", "Notes principal due", eod - 1), Cent);
        Assert.Equal(499_174_709.49, run.Ledger("SlowProductivity", "4 pay Notes.principal paid", eod), Cent);
        Assert.Equal(58_447_620.36, run.Ledger("SlowProductivity", "4 pay Notes.principal short", eod), Cent);
        Assert.Equal(0.0, run.Ledger("SlowProductivity", "3 pay Notes.interest due", eod)
            - run.Ledger("SlowProductivity", "3 pay Notes.interest paid", eod), Cent);

        // Period 24, the lease's end (2037-11-30) and the enforcement sale's date (six months on): the remarketing and the
        // RVG come first, repaying the scheduled balance, the opening 20,624,821,341.35 (arrears included) less the
        // period's own scheduled principal, 634,418,512.97 due less the 58,447,620.36 in arrears = 575,970,892.61:
        // 7,521,539,239.40 + 12,527,311,209.34 = 20,048,850,448.74. The rent (995,060,150.16), the reserve's interest
        // (2,088,155.10) and the interest reserve's 104,407,755.08, now collateral, against the fees (3,108,435.77 +
        // 3,877,082.08), the interest (678,659,746.24) and that 575,970,892.61 leave 160,060,096.36 unpaid: the loss.
        const int end = eod + 1;
        double guaranteed = run.Ledger("SlowProductivity", "Notes balance", eod)
            - (run.Ledger("SlowProductivity", "Notes principal due", end) - 58_447_620.36);
        Assert.Equal(20_048_850_448.74, guaranteed, 1.0);
        Assert.Equal(guaranteed, run.Ledger("SlowProductivity", "remarketing MetaLease", end)
            + run.Ledger("SlowProductivity", "rvg MetaLease", end), 1.0);
        Assert.Equal(new Date(2037, 11, 30), outcome.Events.Sale);
        Assert.Equal(0.0, outcome.Events.SaleProceeds, Cent); // the enforcement sale finds the campus remarketed
        double loss = outcome.Tranches.Single(t => t.Name == "Notes").PrincipalLoss;
        Assert.Equal(995_060_150.16 + 2_088_155.10 + 104_407_755.08 - 3_108_435.77 - 3_877_082.08 - 678_659_746.24
            - 575_970_892.61, -loss, 1.0);
        Assert.Equal(160_060_096.36, loss, 1.0);
    }

    [Fact]
    public void The_rvg_pays_metas_recovery_share_of_the_scheduled_balance_less_the_remarketing_proceeds()
    {
        // Refuted: no renewal, and Meta defaults on 2033-11-30, the day the lease ends, the end of period 16 (0-based),
        // inside the RVG window. Campus value then: 27bn x (1 - 80% x 48/360 months of straight line from 2029-11-30)
        //   x (1 - 70% x 2953/2985 days of the linear drop to 2034-01-01) = 7,417,001,005.03.
        // Against remarketing the campus is sold that day for value x (1 - 3%) = 7,194,490,974.88, and the claim is
        // min(28bn cap, Notes.scheduled_balance - proceeds), the scheduled balance being the balance at the period's start
        // less the period's scheduled principal (24,560,419,677.25 - 444,546,810.42 = 24,115,872,866.83: nothing is in
        // arrears yet): 16,921,381,891.95, of which Meta, in default, pays its 37% recovery: 6,260,911,300.02.
        const int end = 16;
        double value = 27e9 * (1 - 0.8 * 48 / 360.0) * (1 - 0.7 * 2953 / 2985.0);
        double proceeds = value * (1 - 0.03);
        double notesAtStart = run.Ledger("Refuted", "Notes balance", end - 1);
        double scheduledPrincipal = run.Ledger("Refuted", "Notes principal due", end);
        Assert.Equal(proceeds, run.Ledger("Refuted", "remarketing MetaLease", end), 1.0);
        Assert.Equal(Math.Min(28e9, notesAtStart - scheduledPrincipal - proceeds) * 0.37, run.Ledger("Refuted", "rvg MetaLease", end), 1.0);
        Assert.Equal(6_260_911_300.02, run.Ledger("Refuted", "rvg MetaLease", end), 1.0);
        Assert.Equal(0.0, run.Ledger("Refuted", "rvg MetaLease", end - 1));
        Assert.Equal(0.0, run.Ledger("Refuted", "remarketing MetaLease", end - 1));
    }

    [Fact]
    public void The_sweep_when_the_lease_ends_takes_the_dsra_and_fills_nothing()
    {
        // Refuted, period 16 (the lease ends): after the fees, the interest and the scheduled principal, what is left of
        // the collections (rent, RVG, remarketing proceeds, account interest) and the DSRA's 1,252,707,419.90 (six months
        // of debt service, filled before) go to the notes: 15,154,007,303.37 - 2,871,714.17 - 3,708,500.50
        //   - 808,160,609.48 - 444,546,810.42 + 1,252,707,419.90 = 15,147,427,088.70. Nothing is reserved for a debt
        // service no rent will pay: the DSRA ends the period empty and the fill moves nothing.
        const int end = 16;
        double dsraBefore = run.Ledger("Refuted", "Dsra balance", end - 1);
        Assert.Equal(1_252_707_419.90, dsraBefore, Cent);
        double left = run.Ledger("Refuted", "collections", end) - run.Ledger("Refuted", "1 pay Trustee paid", end)
            - run.Ledger("Refuted", "2 pay AssetMgmt paid", end) - run.Ledger("Refuted", "3 pay Notes.interest paid", end)
            - run.Ledger("Refuted", "4 pay Notes.principal paid", end);
        Assert.Equal(left + dsraBefore + run.Ledger("Refuted", "Trap balance", end - 1), run.Ledger("Refuted", "6 pay Notes.balance paid", end), 1.0);
        Assert.Equal(15_147_427_088.70, run.Ledger("Refuted", "6 pay Notes.balance paid", end), 1.0);
        Assert.Equal(0.0, run.Ledger("Refuted", "7 fill Dsra filled", end));
        Assert.Equal(0.0, run.Ledger("Refuted", "Dsra balance", end));
    }

    [Theory]
    [InlineData("Base")]
    [InlineData("SlowProductivity")]
    [InlineData("Refuted")]
    public void Cash_is_conserved_in_every_period(string scenario)
    {
        // Recomputed from the ledger, independently of the runtime's own check:
        // collections = everything paid out + the change in account balances.
        var columns = run.Program.Layout.Columns;
        var outflows = columns.Select((c, k) => (c, k))
            .Where(x => x.c.Name.EndsWith(" paid", StringComparison.Ordinal) || x.c.Name.EndsWith(" distributed", StringComparison.Ordinal))
            .Select(x => x.k).ToArray();
        var accounts = run.Deal.Accounts;
        double previous = accounts.Sum(a => a.Initial);
        var outcome = run.Outcomes[scenario];
        for (int t = 0; t < outcome.PeriodsRun; t++)
        {
            double balances = accounts.Sum(a => run.Ledger(scenario, a.Name + " balance", t));
            double paid = outflows.Sum(k => outcome.Ledger![t, k]);
            double collections = run.Ledger(scenario, "collections", t);
            Assert.True(Math.Abs(collections - paid - (balances - previous)) < 1.0,
                $"{scenario} period {t}: collections {collections:F2}, paid {paid:F2}, accounts {previous:F2} -> {balances:F2}");
            previous = balances;
        }
    }
}
