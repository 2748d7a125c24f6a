using System.Globalization;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// An <c>antithetic</c> run's sums over its mirrored pairs, one <see cref="PairSums"/> per estimate the report prints
/// with a standard error (a probability or a mean), so that its ± is that of the m = ⌈n / 2⌉ independent pairs
/// (docs/language.md, "Monte Carlo results") and not that of n independent paths. Each path's values go into its pair's
/// open sums; path 2k + 1 closes the pair (and the last path of an odd run, which has no mirror, closes its own). A pair
/// is never split: a run of paths [from, to) starts on an even path and ends on one or at the run's last
/// (<see cref="Shard.Of"/>, <see cref="SimulationEngine"/>: blocks of 4,096 paths from an even start), and a path out of
/// turn is refused. The slots, in order: per tranche <see cref="TrancheSlots"/>; per equity its IRR; per party its
/// default; the event of default and the sale; per guarantee <see cref="GuaranteeSlots"/>; per LP class
/// <see cref="LpClassSlots"/>; per fund <see cref="FundSlots"/>; per guaranteed tranche its holders' figures, in a
/// tranche's <see cref="TrancheSlots"/> (their WAL's never counted: they have none); per item the deal can end owing
/// (<see cref="UnpaidAtEnd"/>) <see cref="UnpaidSlots"/>: each group after those before it, so every other slot is where
/// it was.
/// </summary>
public sealed class PairTotals
{
    /// <summary>A tranche's slots: P(loss), loss, loss share, loss given a loss, LGD, P(interest shortfall), unpaid
    /// interest, IRR, WAL.</summary>
    public const int TrancheSlots = 9;

    /// <summary>A guarantee's slots: P(pays), its signed net cost, its cost given it pays.</summary>
    public const int GuaranteeSlots = 3;

    /// <summary>An LP class's slots: distributions, IRR, P(loss), loss.</summary>
    public const int LpClassSlots = 4;

    /// <summary>A fund's slots: its GP's carry, P(carry unpaid at the end), the carry unpaid at the end.</summary>
    public const int FundSlots = 3;

    /// <summary>An unpaid-at-end item's slots: P(some unpaid at the end), the amount unpaid at the end.</summary>
    public const int UnpaidSlots = 2;

    readonly int tranches;
    readonly int equities;
    readonly int parties;
    readonly int guarantees;
    readonly int lpClasses;
    readonly int funds;
    readonly int held;
    readonly int unpaid;
    readonly PairSums[] sums;
    readonly Int128[] openA;
    readonly int[] openB;
    // The even path whose pair is open, or −1.
    int open = -1;

    public PairTotals(int tranches, int equities, int parties, int guarantees, int lpClasses, int funds, long lastPath, int held = 0, int unpaid = 0)
    {
        this.held = held;
        this.unpaid = unpaid;
        this.tranches = tranches;
        this.equities = equities;
        this.parties = parties;
        this.guarantees = guarantees;
        this.lpClasses = lpClasses;
        this.funds = funds;
        LastPath = lastPath;
        int slots = (tranches * TrancheSlots) + equities + parties + 2 + (guarantees * GuaranteeSlots) + (lpClasses * LpClassSlots) + (funds * FundSlots) + (held * TrancheSlots) + (unpaid * UnpaidSlots);
        sums = new PairSums[slots];
        openA = new Int128[slots];
        openB = new int[slots];
        Extremes = new PairExtremes(tranches, equities, held);
    }

    /// <summary>The histograms of each pair's smaller and larger value of every figure whose quantiles the report
    /// prints: the ± of VaR, ES and the percentiles.</summary>
    public PairExtremes Extremes { get; }

    /// <summary>The run's last path (n − 1): when even, it has no mirror and is a pair of one.</summary>
    public long LastPath { get; }

    /// <summary>Pairs closed (a lone last path counts as one).</summary>
    public long Pairs { get; private set; }

    /// <summary>Whether a pair is open: its even path added and its mirror not yet.</summary>
    public bool HasOpenPair => open >= 0;

    /// <summary>Every slot's sums, in the order the class summary gives.</summary>
    public ReadOnlySpan<PairSums> Sums => sums;

    public PairTotals EmptyLike() => new(tranches, equities, parties, guarantees, lpClasses, funds, LastPath, held, unpaid);

    /// <summary>The slot of tranche <paramref name="i"/>'s estimate <paramref name="k"/> (0 … 8, as <see cref="TrancheSlots"/>).</summary>
    public static int Tranche(int i, int k) => (i * TrancheSlots) + k;

    public int Equity(int e) => (tranches * TrancheSlots) + e;

    public int Party(int p) => Equity(equities) + p;

    public int EventOfDefault => Party(parties);

    public int Sale => EventOfDefault + 1;

    /// <summary>Guarantee <paramref name="g"/>'s slot <paramref name="k"/> (0 … 2, as <see cref="GuaranteeSlots"/>).</summary>
    public int Guarantee(int g, int k) => Sale + 1 + (g * GuaranteeSlots) + k;

    /// <summary>LP class <paramref name="c"/>'s slot <paramref name="k"/> (0 … 3, as <see cref="LpClassSlots"/>).</summary>
    public int LpClass(int c, int k) => Guarantee(guarantees, 0) + (c * LpClassSlots) + k;

    /// <summary>Fund <paramref name="f"/>'s slot <paramref name="k"/> (0 … 2, as <see cref="FundSlots"/>).</summary>
    public int Carry(int f, int k) => LpClass(lpClasses, 0) + (f * FundSlots) + k;

    /// <summary>Guaranteed tranche <paramref name="h"/>'s holders' slot <paramref name="k"/> (as <see cref="Tranche"/>'s).</summary>
    public int Holders(int h, int k) => Carry(funds, 0) + (h * TrancheSlots) + k;

    /// <summary>Unpaid-at-end item <paramref name="u"/>'s slot <paramref name="k"/> (0 … 1, as <see cref="UnpaidSlots"/>).</summary>
    public int Unpaid(int u, int k) => Holders(held, 0) + (u * UnpaidSlots) + k;

    /// <summary>The standard error of slot <paramref name="slot"/>'s estimate, in 1/<paramref name="unit"/>.</summary>
    public double StandardError(int slot, double unit) => sums[slot].StandardError(Pairs, unit);

    /// <summary>Adds path <paramref name="figures"/>.Path's values to its pair, closing the pair on its mirror (or on a
    /// lone last path). The values were checked by <see cref="SimulationTotals.Add"/>'s accumulators first; they round
    /// to units exactly as theirs do, so Σa and Σb are those accumulators' sums and counts.</summary>
    public void Add(PathFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        int path = figures.Path;
        if ((path & 1) == 0 ? open >= 0 : open != path - 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Path {path} was added out of its antithetic pair (open pair: {open}); runs of paired paths start and end on a pair."));
        }

        open = path & ~1;
        Extremes.Add(figures);
        int s = 0;
        for (int i = 0; i < tranches; i++)
        {
            AddTranche(ref s, figures.Loss[i], figures.LossShare[i], figures.UnpaidInterest[i], figures.Irr[i], figures.Wal[i]);
        }

        for (int e = 0; e < equities; e++)
        {
            Measure(s++, figures.EquityIrr[e], true);
        }

        for (int p = 0; p < parties; p++)
        {
            Flag(s++, figures.PartyDefaulted[p]);
        }

        Flag(s++, figures.EventOfDefault);
        Flag(s++, figures.Sale);
        for (int g = 0; g < guarantees; g++)
        {
            // As GuaranteeTotals: the expected amount paid is the mean of the signed net cost (a path where the
            // guarantor got back more than it paid counts negative); whether it pays, and what given it pays, the cost
            // floored at 0.
            double net = figures.GuaranteeCost[g];
            double cost = Math.Max(0.0, net);
            bool pays = cost >= Flows.ShortfallTolerance;
            Flag(s++, pays);
            Loss(s++, net, true);
            Loss(s++, cost, pays);
        }

        for (int c = 0; c < lpClasses; c++)
        {
            Loss(s++, figures.LpDistributions[c], true);
            Measure(s++, figures.LpIrr[c], true);
            Flag(s++, figures.LpLoss[c] >= Flows.ShortfallTolerance);
            Loss(s++, figures.LpLoss[c], true);
        }

        for (int f = 0; f < funds; f++)
        {
            Loss(s++, figures.GpCarry[f], true);
            double unpaid = figures.CarryUnpaid[f];
            Flag(s++, unpaid >= Flows.ShortfallTolerance); // as LossStatistics counts a path with a loss
            Loss(s++, unpaid, true);
        }

        for (int h = 0; h < held; h++)
        {
            AddTranche(ref s, figures.HoldersLoss[h], figures.HoldersLossShare[h], figures.HoldersUnpaidInterest[h], figures.HoldersIrr[h], double.NaN);
        }

        for (int u = 0; u < unpaid; u++)
        {
            double owed = figures.Unpaid[u];
            Flag(s++, owed >= Flows.ShortfallTolerance); // as LossStatistics counts a path with a loss
            Loss(s++, owed, true);
        }

        if ((path & 1) == 1 || path == LastPath)
        {
            Close();
        }
    }

    // A tranche's slots, or its holders' (TrancheSlots, in that order).
    void AddTranche(ref int s, double loss, double share, double unpaid, double irr, double wal)
    {
        bool lost = loss >= Flows.ShortfallTolerance;
        Flag(s++, lost);
        Loss(s++, loss, true);
        Measure(s++, share, true);
        Loss(s++, loss, lost);
        Measure(s++, share, lost);
        Flag(s++, unpaid >= Flows.ShortfallTolerance);
        Loss(s++, unpaid, true);
        Measure(s++, irr, true);
        Measure(s++, wal, true);
    }

    // An indicator: a = 1 on a path that has it, every path counted.
    void Flag(int slot, bool value)
    {
        openA[slot] += value ? 1 : 0;
        openB[slot]++;
    }

    // An amount in LossStatistics' units, on the paths where `counted`.
    void Loss(int slot, double amount, bool counted)
    {
        if (counted)
        {
            openA[slot] += (Int128)Math.Round(amount * LossStatistics.Unit);
            openB[slot]++;
        }
    }

    // A measure in MeasureStatistics' units, on the paths where `counted` and it is defined (not NaN).
    void Measure(int slot, double value, bool counted)
    {
        if (counted && !double.IsNaN(value))
        {
            openA[slot] += (Int128)Math.Round(value * MeasureStatistics.Unit);
            openB[slot]++;
        }
    }

    void Close()
    {
        for (int s = 0; s < sums.Length; s++)
        {
            sums[s].Add(openA[s], openB[s]);
            openA[s] = 0;
            openB[s] = 0;
        }

        checked
        {
            Pairs++;
        }

        open = -1;
    }

    /// <summary>Whether <paramref name="other"/> holds sums of the same slots.</summary>
    public bool SameShape(PairTotals other) =>
        other.tranches == tranches && other.equities == equities && other.parties == parties && other.guarantees == guarantees
        && other.lpClasses == lpClasses && other.funds == funds && other.held == held;

    /// <summary>Adds another split's closed pairs (a thread's, a shard's): exactly what adding its paths does.</summary>
    public void Merge(PairTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other) || other.LastPath != LastPath)
        {
            throw new ArgumentException("The pair sums are of another deal or run.", nameof(other));
        }

        if (other.HasOpenPair)
        {
            throw new InvalidOperationException("A run of paired paths ended inside a pair: its mirror is in another run.");
        }

        for (int s = 0; s < sums.Length; s++)
        {
            sums[s].Merge(other.sums[s]);
        }

        Extremes.Merge(other.Extremes);

        checked
        {
            Pairs += other.Pairs;
        }
    }

    /// <summary>Pair sums read back (a shard file's).</summary>
    internal void Set(long pairs, PairSums[] read)
    {
        if (read.Length != sums.Length || pairs < 0)
        {
            throw new FormatException($"{read.Length} pair sums where {sums.Length} were expected");
        }

        Pairs = pairs;
        read.CopyTo(sums, 0);
    }

    /// <summary>What the pair sums of totals read back do not share with their plain sums, or null: each slot's Σa and Σb
    /// are the plain accumulator's sum and count (the same values in the same units), and the pairs those of the paths.</summary>
    internal string? Inconsistency(SimulationTotals totals, long pairs)
    {
        if (Pairs != pairs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Pairs} pairs where its paths make {pairs}");
        }

        var expected = new List<(Int128 A, long B)>(sums.Length);
        void Tranche(TrancheTotals t)
        {
            long n = t.Loss.Paths;
            expected.Add((t.Loss.PathsWithLoss, n));
            expected.Add((t.Loss.Parts.Sum, n));
            expected.Add((t.LossShare.Parts.Sum, t.LossShare.Paths));
            expected.Add((t.LossGiven.Parts.Sum, t.LossGiven.Paths));
            expected.Add((t.LossShareGiven.Parts.Sum, t.LossShareGiven.Paths));
            expected.Add((t.Unpaid.PathsWithLoss, n));
            expected.Add((t.Unpaid.Parts.Sum, n));
            expected.Add((t.Irr.Parts.Sum, t.Irr.Paths));
            expected.Add((t.Wal.Parts.Sum, t.Wal.Paths));
        }

        foreach (TrancheTotals t in totals.Tranches)
        {
            Tranche(t);
        }

        long paths = totals.Paths;
        expected.AddRange(totals.EquityIrr.Select(e => (e.Parts.Sum, e.Paths)));
        expected.AddRange(totals.PartyDefaults.Select(d => ((Int128)d, paths)));
        expected.Add((totals.EventsOfDefault, paths));
        expected.Add((totals.Sales, paths));
        foreach (GuaranteeTotals g in totals.Guarantees)
        {
            expected.Add((g.Cost.PathsWithLoss, paths));
            expected.Add((g.NetCost.Parts.Sum, paths));
            expected.Add((g.CostGiven.Parts.Sum, g.CostGiven.Paths));
        }

        foreach (LpClassTotals c in totals.LpClasses)
        {
            expected.Add((c.Distributions.Parts.Sum, paths));
            expected.Add((c.Irr.Parts.Sum, c.Irr.Paths));
            expected.Add((c.Loss.PathsWithLoss, paths));
            expected.Add((c.Loss.Parts.Sum, paths));
        }

        for (int f = 0; f < totals.Carry.Length; f++)
        {
            expected.Add((totals.Carry[f].Parts.Sum, paths));
            expected.Add((totals.CarryUnpaid[f].PathsWithLoss, paths));
            expected.Add((totals.CarryUnpaid[f].Parts.Sum, paths));
        }

        foreach (TrancheTotals t in totals.Holders)
        {
            Tranche(t);
        }

        foreach (LossStatistics u in totals.Unpaid)
        {
            expected.Add((u.PathsWithLoss, paths));
            expected.Add((u.Parts.Sum, paths));
        }

        if (Extremes.Inconsistency(totals) is { } extremes)
        {
            return extremes;
        }

        if (expected.Count != sums.Length)
        {
            return $"{sums.Length} pair sums where its totals have {expected.Count} estimates";
        }

        for (int s = 0; s < sums.Length; s++)
        {
            if (sums[s].Sum != expected[s].A || sums[s].Count != expected[s].B)
            {
                return string.Create(CultureInfo.InvariantCulture, $"pair sum {s} does not add up to its estimate's sum and count");
            }
        }

        return null;
    }

    /// <summary>Whether two pair totals hold the same sums, exactly.</summary>
    public bool SameAs(PairTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other) || Pairs != other.Pairs || open != other.open)
        {
            return false;
        }

        for (int s = 0; s < sums.Length; s++)
        {
            if (!sums[s].SameAs(other.sums[s]))
            {
                return false;
            }
        }

        return Extremes.SameAs(other.Extremes);
    }
}
