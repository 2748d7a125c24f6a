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

/// <summary>Paths of <see cref="LossProgram"/> with given losses (the index level) and obligor defaults; with
/// <paramref name="pairs"/>, read as an antithetic run's mirrored pairs (paths 2k and 2k + 1).</summary>
public sealed class ListSource(DealDescription deal, double[] losses, bool[]? defaults = null, bool pairs = false) : IPathSource
{
    public DealDescription Deal => deal;

    public bool MirroredPairs => pairs;

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

/// <summary>Antithetic paths of <see cref="LossProgram"/>: pair k draws u uniform, the top 53 bits of SplitMix64's
/// output for (seed, k) (not <c>new Random(seed ^ k)</c>: the first doubles of nearby seeds lie on a lattice), path
/// 2k takes u and path 2k + 1 its mirror 1 − u, and a path with u &lt; 40% loses 50 + 125 (40% − u) (50 to 100) with its
/// obligor in default. The two halves of a pair never both lose, so a pair's mean varies far less than two independent
/// paths': P(loss) = 40%, the pair's count of losses is 0 or 1 with P(1) = 80%, its variance 0.16, so the estimate's
/// variance is 0.16 / (4m) = 0.04 / m over m pairs, where two independent paths per pair would give 0.24 / (2m) = 0.12 / m
/// (a ratio of standard errors of √(1/3) = 0.58). The loss x: E x = 0.4 · 75 = 30, E x² = 0.4 (75² + 50²/12) = 2333.3,
/// Var x = 1433.3; the pair's sum is U(50, 100) with probability 80%, else 0: E y = 60, E y² = 4666.7, Var y = 1066.7,
/// against 2 Var x = 2866.7 for two independent paths (a ratio of √(1066.7 / 2866.7) = 0.61).</summary>
public sealed class MirroredSource(DealDescription deal, int seed, int count) : IPathSource
{
    public DealDescription Deal => deal;

    public int Count => count;

    public bool MirroredPairs => true;

    public void Fill(int path, PathInputs into)
    {
        double u = (Mix(((ulong)(uint)seed << 32) | (uint)(path >> 1)) >> 11) * (1.0 / (1UL << 53));
        if ((path & 1) == 1)
        {
            u = 1 - u;
        }

        bool defaults = u < 0.4;
        Array.Fill(into.IndexLevel[0], defaults ? 50 + (125 * (0.4 - u)) : 0);
        Array.Fill(into.PartyDefaulted[0], defaults);
    }

    // SplitMix64's finaliser (Steele, Lea and Flood 2014).
    static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
