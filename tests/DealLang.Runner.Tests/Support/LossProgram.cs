using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Support;

/// <summary>
/// A hand-written compiled deal whose path outcome is read straight from its inputs, so a Monte Carlo run's figures
/// are known by hand: four annual periods of exactly 365 days (2025-01-01 … 2028-12-31), one tranche, Notes, 100 at
/// 5% bullet, one equity, Sponsor, 10, one index, Level, and one party, Obligor (annual PD 10%). A path's loss L is its
/// index level in period 0, clamped into [0, 100]: Notes get interest 5 a year and 100 − L at the end (principal loss
/// L); unpaid interest is L / 10; the sponsor gets 1 a year, 11 at the end, less L. The event of default is the
/// obligor's default flag in the last period, and a path with L = 100 ends with a sale in period 3.
/// </summary>
public sealed class LossProgram : IDealProgram
{
    public DealDescription Description { get; } = TestDeals.Make(
        [new(2025, 1, 1), new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1), new(2028, 12, 31)],
        Frequency.Annual,
        DayCount.Act365F,
        parties: [new PartyInfo("Obligor", "B", 0.10, 0.4)],
        tranches: [new TrancheInfo("Notes", 100, 0.05, 1, new Date(2028, 12, 31), "bullet")],
        equities: [new EquityInfo("Sponsor", 10, [new EquityHolder(0, 1.0)])],
        name: "Loss",
        title: "A deal whose loss is an input",
        indices: [new IndexInfo("Level", 0, 0, null, [])]);

    public LedgerLayout Layout { get; } = new([new("collections", ColumnKind.Money), new("Level", ColumnKind.Number)], HistorySlots: 0);

    public void Run(PathInputs input, RunResult result)
    {
        result.BeginPath();
        double loss = Math.Clamp(input.IndexLevel[0][0], 0, 100);
        for (int t = 0; t < 4; t++)
        {
            double principal = t == 3 ? 100 - loss : 0;
            double equity = t == 3 ? Math.Max(0, 11 - loss) : 1;
            result.InterestPaid[0][t] = 5;
            result.PrincipalPaid[0][t] = principal;
            result.TrancheBalance[0][t] = t == 3 ? 0 : 100;
            result.Distributions[0][t] = equity;
            result.Collections[t] = 5 + principal + equity;
            if (result.Ledger is { } ledger)
            {
                ledger[t, 0] = result.Collections[t];
                ledger[t, 1] = input.IndexLevel[0][t];
            }
        }

        result.PrincipalLoss[0] = loss;
        result.UnpaidInterest[0] = loss / 10;
        result.EventOfDefaultPeriod = input.PartyDefaulted[0][3] ? 3 : -1;
        result.SalePeriod = loss >= 100 ? 3 : -1;
        result.PeriodsRun = 4;
    }
}

/// <summary>Paths of <see cref="LossProgram"/> with given losses (the index level) and obligor defaults.</summary>
public sealed class ListSource(DealDescription deal, double[] losses, bool[]? defaults = null) : IPathSource
{
    public DealDescription Deal => deal;

    public int Count => losses.Length;

    public void Fill(int path, PathInputs into)
    {
        Array.Fill(into.IndexLevel[0], losses[path]);
        Array.Fill(into.PartyDefaulted[0], defaults is not null && defaults[path]);
    }
}

/// <summary>Random paths of <see cref="LossProgram"/>: path p draws from <c>new Random(seed ^ p)</c> — so it
/// depends on the seed and the path alone — a default with probability 10% and then a loss uniform in [0, 120)
/// (clamped to 100 by the program), and a level that moves period by period.</summary>
public sealed class RandomSource(DealDescription deal, int seed, int count) : IPathSource
{
    public DealDescription Deal => deal;

    public int Count => count;

    public void Fill(int path, PathInputs into)
    {
        var random = new Random(seed ^ path);
        bool defaults = random.NextDouble() < 0.10;
        double loss = defaults ? random.NextDouble() * 120 : 0;
        double[] level = into.IndexLevel[0];
        level[0] = loss;
        for (int t = 1; t < level.Length; t++)
        {
            level[t] = level[t - 1] + random.NextDouble() - 0.5;
        }

        Array.Fill(into.PartyDefaulted[0], defaults);
    }
}
