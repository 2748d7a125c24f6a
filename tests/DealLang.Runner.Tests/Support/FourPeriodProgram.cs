using DealLang.Runtime;

namespace DealLang.Runner.Tests.Support;

/// <summary>
/// A hand-written compiled deal with four annual periods of exactly 365 days (2025-01-01 … 2028-12-31, ACT/365F),
/// so that every year fraction and every analytics time is a whole number and IRRs can be checked by hand.
/// <para>As written: Notes 100m at 5% bullet (interest 5m a year, 100m at the end); Junior 50m at 10%,
/// repaid 25m at the ends of years 3 and 4 (interest 5, 5, 5, 2.5); Sponsor puts in 20m and gets 2, 2, 2, 22.
/// Test Dscr = 1.5x, 1.2x, n/a, 1.8x; trigger Trap active in period 3 only.</para>
/// <para>When party 0 (Tenant) defaults at any time: Junior's interest stops from period 2 (event of default
/// at the end of period 2), period 3 sells the campus for 80m, which repays Notes' interest and 80m of its
/// 100m (Junior gets nothing, and its whole 50m falls due), the lease's RVG pays 3m and the deal ends after
/// period 3. Sponsor gets nothing. Dscr = 1.5x, 0.5x, n/a; Trap active in period 2.</para>
/// </summary>
public sealed class FourPeriodProgram : IDealProgram
{
    public const int Collections = 0;
    public const int NotesPrincipalDue = 2;
    public const int JuniorPrincipalDue = 4;
    public const int Dscr = 5;
    public const int Trap = 6;
    public const int Yield = 7;
    public const int Fees = 8;
    public const int Default = 9;

    public DealDescription Description { get; } = MakeDescription();

    public LedgerLayout Layout { get; } = new(
        [
            new("collections", ColumnKind.Money),
            new("Notes interest due", ColumnKind.Money),
            new("Notes principal due", ColumnKind.Money),
            new("Junior interest due", ColumnKind.Money),
            new("Junior principal due", ColumnKind.Money),
            new("Dscr", ColumnKind.Ratio),
            new("Trap", ColumnKind.Flag),
            new("yield", ColumnKind.Rate),
            new("fees, senior", ColumnKind.Money),
            new("event of default", ColumnKind.Flag),
        ],
        HistorySlots: 0);

    /// <summary>Whether the last run was asked to check cash conservation.</summary>
    public bool LastRunCheckedCash { get; private set; }

    public static Date[] Boundaries =>
        [new(2025, 1, 1), new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1), new(2028, 12, 31)];

    public void Run(PathInputs input, RunResult result)
    {
        LastRunCheckedCash = input.CheckCashConservation;
        bool stressed = input.PartyDefaulted[0][3];
        if (stressed)
        {
            RunStressed(result);
        }
        else
        {
            RunAsWritten(result);
        }
    }

    static void RunAsWritten(RunResult r)
    {
        double[] notesInterest = [5e6, 5e6, 5e6, 5e6];
        double[] notesPrincipal = [0, 0, 0, 100e6];
        double[] juniorInterest = [5e6, 5e6, 5e6, 2.5e6];
        double[] juniorPrincipal = [0, 0, 25e6, 25e6];
        double[] equity = [2e6, 2e6, 2e6, 22e6];
        double[] dscr = [1.5, 1.2, double.NaN, 1.8];
        double notes = 100e6, junior = 50e6;
        for (int t = 0; t < 4; t++)
        {
            notes -= notesPrincipal[t];
            junior -= juniorPrincipal[t];
            Write(r, t, notesInterest[t], notesPrincipal[t], notesPrincipal[t], juniorInterest[t], juniorPrincipal[t], juniorPrincipal[t], 0, notes, junior, equity[t], dscr[t], trap: t == 2, eod: false);
        }

        r.PeriodsRun = 4;
    }

    static void RunStressed(RunResult r)
    {
        Write(r, 0, 5e6, 0, 0, 5e6, 0, 0, 0, 100e6, 50e6, 0, 1.5, trap: false, eod: false);
        Write(r, 1, 5e6, 0, 0, 0, 0, 0, 5e6, 100e6, 50e6, 0, 0.5, trap: true, eod: true);
        r.EventOfDefaultPeriod = 1;
        Write(r, 2, 5e6, 100e6, 80e6, 0, 50e6, 0, 10e6, 20e6, 50e6, 0, double.NaN, trap: false, eod: true);
        r.SalePeriod = 2;
        r.SaleProceeds = 80e6;
        r.RvgPaid[0] = 3e6;
        r.PrincipalLoss[0] = 20e6;
        r.PrincipalLoss[1] = 50e6;
        r.UnpaidInterest[1] = 10e6;
        r.PeriodsRun = 3;
    }

    static void Write(
        RunResult r, int t, double notesInterest, double notesPrincipalDue, double notesPrincipal, double juniorInterest,
        double juniorPrincipalDue, double juniorPrincipal, double juniorShortfall, double notesBalance, double juniorBalance,
        double equity, double dscr, bool trap, bool eod)
    {
        r.InterestPaid[0][t] = notesInterest;
        r.PrincipalPaid[0][t] = notesPrincipal;
        r.InterestPaid[1][t] = juniorInterest;
        r.PrincipalPaid[1][t] = juniorPrincipal;
        r.InterestShortfall[1][t] = juniorShortfall;
        r.PrincipalShortfall[0][t] = notesPrincipalDue - notesPrincipal;
        r.PrincipalShortfall[1][t] = juniorPrincipalDue - juniorPrincipal;
        r.TrancheBalance[0][t] = notesBalance;
        r.TrancheBalance[1][t] = juniorBalance;
        r.Distributions[0][t] = equity;
        r.TestValues[0][t] = dscr;
        r.TriggerActive[0][t] = trap;
        double collections = notesInterest + notesPrincipal + juniorInterest + juniorPrincipal + equity;
        r.Collections[t] = collections;
        if (r.Ledger is { } ledger)
        {
            ledger[t, Collections] = collections;
            ledger[t, 1] = notesInterest;
            ledger[t, NotesPrincipalDue] = notesPrincipalDue;
            ledger[t, 3] = juniorInterest + juniorShortfall;
            ledger[t, JuniorPrincipalDue] = juniorPrincipalDue;
            ledger[t, Dscr] = dscr;
            ledger[t, Trap] = trap ? 1 : 0;
            ledger[t, Yield] = 0.0658;
            ledger[t, Fees] = -0.001; // a rounding residue: must print as 0.0, never -0.0
            ledger[t, Default] = eod ? 1 : 0;
        }
    }

    static DealDescription MakeDescription()
    {
        Date[] b = Boundaries;
        var deal = TestDeals.Make(
            b,
            Frequency.Annual,
            DayCount.Act365F,
            parties: [new PartyInfo("Tenant", "BB", 0.02, 0.4), new PartyInfo("BlueOwl", "", 0, 0), new PartyInfo("Meta", "AA-", 0.0003, 0.6)],
            leases: [new LeaseInfo("TenantLease", 0, 0, 10e6, 0, b[0], 48, 0, 0, false, b[4], 10e6)],
            tranches:
            [
                new TrancheInfo("Notes", 100e6, 0.05, 1, b[4], "bullet"),
                new TrancheInfo("Junior", 50e6, 0.10, 2, b[3], "schedule"),
            ],
            equities: [new EquityInfo("Sponsor", 20e6, [new EquityHolder(1, 0.8), new EquityHolder(2, 0.2)])],
            tests: ["Dscr"],
            triggers: ["Trap"],
            name: "Four",
            title: "Four-period test deal");
        return deal;
    }

    /// <summary>The scenario under which the program runs its stressed path.</summary>
    public static ScenarioSpec TenantDefaults(DealDescription deal) =>
        new("Default", new int?[deal.Leases.Length], [], 0, [new Date(2026, 6, 30), null, null], null, null);
}
