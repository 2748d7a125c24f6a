using System.Globalization;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// What a Monte Carlo run's paths add up to, in buffers made once (memory flat in the number of paths) to which each
/// path's <see cref="PathFigures"/> and index levels are added with no allocation. Every aggregate is exact and
/// order-free — sums in whole numbers of a fixed unit in 128-bit integers (<see cref="LossStatistics"/>,
/// <see cref="MeasureStatistics"/>), counts, extremes, and the integer counts of <see cref="LogHistogram"/>s — so
/// totals of any split of the paths (threads, blocks, shards) <see cref="Merge"/> into the totals of one run over
/// them all, bit for bit, in any order. Not thread-safe: one per thread.
/// </summary>
public sealed class SimulationTotals
{
    /// <summary>Bits per octave of the tranches' and equities' histograms: buckets 0.78% of their values wide, a rank read
    /// inside its bucket's values.</summary>
    public const int MeasureBits = 7;

    /// <summary>Bits per octave of the index fan charts' histograms (one per index and period): levels within 0.78%.
    /// They keep no per-bucket extremes (<see cref="LogHistogram.WithoutExtremes"/>): a fan prints levels without a ±,
    /// and there are indices × periods of them per thread (1,200 for 10 indices over 120 periods: 50 MB, where extremes
    /// would make it 250 MB).</summary>
    public const int FanBits = 6;

    /// <param name="tranches">Tranches of the deal.</param>
    /// <param name="equities">Equities of the deal.</param>
    /// <param name="parties">Parties of the deal.</param>
    /// <param name="indices">Indices of the deal.</param>
    /// <param name="periods">Periods of each index fan (the deal's scheduled periods).</param>
    /// <param name="guarantees">Guarantees of the deal (its guarantors' costs).</param>
    /// <param name="lpClasses">LP classes of its funds (<see cref="LpClass.Of"/>).</param>
    /// <param name="funds">Equities with a carry (the GP's carry of each).</param>
    /// <param name="held">Tranches behind a guarantor (their holders' figures, <see cref="HeldTranche"/>).</param>
    /// <param name="unpaid">Items the deal can end owing (<see cref="UnpaidAtEnd.Of"/>).</param>
    public SimulationTotals(int tranches, int equities, int parties, int indices, int periods, int guarantees = 0, int lpClasses = 0, int funds = 0, int held = 0, int unpaid = 0)
    {
        Unpaid = new LossStatistics[unpaid];
        Holders = new TrancheTotals[held];
        for (int h = 0; h < held; h++)
        {
            Holders[h] = new TrancheTotals();
        }

        Guarantees = new GuaranteeTotals[guarantees];
        for (int g = 0; g < guarantees; g++)
        {
            Guarantees[g] = new GuaranteeTotals();
        }

        LpClasses = new LpClassTotals[lpClasses];
        for (int c = 0; c < lpClasses; c++)
        {
            LpClasses[c] = new LpClassTotals();
        }

        Carry = new LossStatistics[funds];
        CarryUnpaid = new LossStatistics[funds];
        Tranches = new TrancheTotals[tranches];
        for (int i = 0; i < tranches; i++)
        {
            Tranches[i] = new TrancheTotals();
        }

        EquityIrr = new MeasureStatistics[equities];
        EquityIrrHistogram = new LogHistogram[equities];
        for (int e = 0; e < equities; e++)
        {
            EquityIrrHistogram[e] = new LogHistogram(MeasureBits);
        }

        PartyDefaults = new long[parties];
        IndexLevels = new LevelFan[indices];
        for (int x = 0; x < indices; x++)
        {
            IndexLevels[x] = new LevelFan(periods);
        }
    }

    /// <summary>Totals sized for <paramref name="deal"/>.</summary>
    public static SimulationTotals For(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new SimulationTotals(deal.Tranches.Length, deal.Equities.Length, deal.Parties.Length, deal.Indices.Length, deal.ScheduledPeriods,
            deal.Guarantees.Length, LpClass.Of(deal).Length, deal.Equities.Count(e => e.Carry is not null), HeldTranche.Of(deal).Length,
            UnpaidAtEnd.Of(deal).Length);
    }

    /// <summary>Empty totals of the same sizes (with pair sums when these have them).</summary>
    public SimulationTotals EmptyLike() =>
        new(Tranches.Length, EquityIrr.Length, PartyDefaults.Length, IndexLevels.Length, IndexLevels.Length == 0 ? 0 : IndexLevels[0].Periods,
            Guarantees.Length, LpClasses.Length, Carry.Length, Holders.Length, Unpaid.Length) { Pairs = Pairs?.EmptyLike() };

    /// <summary>An antithetic run's sums over its mirrored pairs (null for any other run): the ± of its estimates.</summary>
    public PairTotals? Pairs { get; private set; }

    /// <summary>These totals, keeping sums over mirrored pairs too (an antithetic run of <paramref name="paths"/> paths:
    /// its last path, when even, is a pair of one).</summary>
    public SimulationTotals Paired(long paths)
    {
        Pairs = new PairTotals(Tranches.Length, EquityIrr.Length, PartyDefaults.Length, Guarantees.Length, LpClasses.Length, Carry.Length, paths - 1, Holders.Length, Unpaid.Length);
        return this;
    }

    /// <summary>[guarantee]: its guarantor's cost over the paths.</summary>
    public GuaranteeTotals[] Guarantees { get; }

    /// <summary>[LP class]: its distributions, IRR and loss over the paths.</summary>
    public LpClassTotals[] LpClasses { get; }

    /// <summary>[fund]: the GP's carry over the paths (an amount of 0 or more, summed exactly as a loss is).</summary>
    public LossStatistics[] Carry { get; }

    /// <summary>[fund]: its deal-by-deal carry unpaid at the end over the paths (<see cref="PathFigures.CarryUnpaid"/>;
    /// <see cref="LossStatistics.PathsWithLoss"/>: the paths with some unpaid; 0 on every path under a whole-fund carry).</summary>
    public LossStatistics[] CarryUnpaid { get; }

    /// <summary>[item, <see cref="UnpaidAtEnd.Of"/>]: what the paths ended owing of it (<see cref="PathFigures.Unpaid"/>,
    /// summed exactly as a loss is; <see cref="LossStatistics.PathsWithLoss"/>: the paths ending with half a cent or more
    /// of it unpaid).</summary>
    public LossStatistics[] Unpaid { get; }

    /// <summary>Paths added.</summary>
    public long Paths { get; internal set; }

    /// <summary>Paths with an event of default.</summary>
    public long EventsOfDefault { get; internal set; }

    /// <summary>Paths in which enforcement sold the collateral.</summary>
    public long Sales { get; internal set; }

    public TrancheTotals[] Tranches { get; }

    /// <summary>[held tranche, <see cref="HeldTranche.Of"/>]: its holders' figures over the paths (their loss, unpaid
    /// interest and IRR; the WAL is not theirs, undefined on every path).</summary>
    public TrancheTotals[] Holders { get; }

    /// <summary>[equity]: its IRR over the paths (where it has one).</summary>
    public MeasureStatistics[] EquityIrr { get; }

    /// <summary>[equity]: its IRR's histogram.</summary>
    public LogHistogram[] EquityIrrHistogram { get; }

    /// <summary>[party]: paths in which it had defaulted by the maturity.</summary>
    public long[] PartyDefaults { get; }

    /// <summary>[index]: its fan chart, per period the histogram of its level at the period's start (without extremes).</summary>
    public LevelFan[] IndexLevels { get; }

    /// <summary>
    /// What does not add up in totals read back (a shard file edited or damaged), or null: every accumulator counts every
    /// path (its defined values and its undefined ones), each histogram the values its statistics count, the
    /// losses given a loss the paths with one, and no count exceeds the paths. <see cref="Add"/> and
    /// <see cref="Merge"/> keep these true.
    /// </summary>
    internal string? Inconsistency()
    {
        long n = Paths;
        for (int i = 0; i < Tranches.Length + Holders.Length; i++)
        {
            TrancheTotals t = i < Tranches.Length ? Tranches[i] : Holders[i - Tranches.Length];
            if (t.Loss.Paths != n || t.Unpaid.Paths != n || t.LossHistogram.Count != n || t.LossShare.Paths + t.LossShare.Undefined != n
                || t.LossGiven.Paths != t.Loss.PathsWithLoss || t.LossShareGiven.Paths + t.LossShareGiven.Undefined != t.LossGiven.Paths
                || t.Irr.Paths + t.Irr.Undefined != n || t.IrrHistogram.Count != t.Irr.Paths
                || t.Wal.Paths + t.Wal.Undefined != n || t.WalHistogram.Count != t.Wal.Paths)
            {
                return $"tranche {i}'s statistics do not each count the {n} paths";
            }
        }

        for (int e = 0; e < EquityIrr.Length; e++)
        {
            if (EquityIrr[e].Paths + EquityIrr[e].Undefined != n || EquityIrrHistogram[e].Count != EquityIrr[e].Paths)
            {
                return $"equity {e}'s IRR does not count the {n} paths";
            }
        }

        for (int x = 0; x < IndexLevels.Length; x++)
        {
            if (IndexLevels[x].Periods > 0 && IndexLevels[x].Count != n)
            {
                return $"index {x}'s levels do not count the {n} paths in every period";
            }
        }

        if (Guarantees.Any(g => g.NetCost.Paths != n || g.Cost.Paths != n || g.CostGiven.Paths != g.Cost.PathsWithLoss)
            || LpClasses.Any(c => c.Distributions.Paths != n || c.Loss.Paths != n || c.Irr.Paths + c.Irr.Undefined != n)
            || Carry.Any(c => c.Paths != n) || CarryUnpaid.Any(c => c.Paths != n) || Unpaid.Any(u => u.Paths != n))
        {
            return $"a guarantee's, an LP class's, a carry's or an unpaid item's statistics do not count the {n} paths";
        }

        return PartyDefaults.Any(d => d < 0 || d > n) || EventsOfDefault < 0 || EventsOfDefault > n || Sales < 0 || Sales > n
            ? $"a count of defaults or sales is outside 0 to {n}"
            : null;
    }

    /// <summary>Adds one path: its figures and its inputs' index levels.</summary>
    public void Add(PathFigures figures, PathInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(inputs);
        for (int i = 0; i < Tranches.Length; i++)
        {
            Tranches[i].Add(figures.Loss[i], figures.LossShare[i], figures.UnpaidInterest[i], figures.Irr[i], figures.Wal[i]);
        }

        for (int h = 0; h < Holders.Length; h++)
        {
            Holders[h].Add(figures.HoldersLoss[h], figures.HoldersLossShare[h], figures.HoldersUnpaidInterest[h], figures.HoldersIrr[h], double.NaN);
        }

        for (int e = 0; e < EquityIrr.Length; e++)
        {
            double irr = figures.EquityIrr[e];
            EquityIrr[e].Add(irr);
            if (!double.IsNaN(irr))
            {
                EquityIrrHistogram[e].Add(irr);
            }
        }

        for (int p = 0; p < PartyDefaults.Length; p++)
        {
            if (figures.PartyDefaulted[p])
            {
                PartyDefaults[p]++;
            }
        }

        double[][] levels = inputs.IndexLevel;
        for (int x = 0; x < IndexLevels.Length; x++)
        {
            // A level past a double's range (a GBM volatility of 10^300%) is the scenario's scale, as a huge loss is.
            if (!IndexLevels[x].Add(levels[x]))
            {
                throw SumLimitException.ForIndex(figures.Deal, x, figures.Path);
            }
        }

        for (int g = 0; g < Guarantees.Length; g++)
        {
            Guarantees[g].Add(figures.GuaranteeCost[g]);
        }

        for (int c = 0; c < LpClasses.Length; c++)
        {
            LpClasses[c].Add(figures, c);
        }

        for (int f = 0; f < Carry.Length; f++)
        {
            Carry[f].Add(figures.GpCarry[f]);
            CarryUnpaid[f].Add(figures.CarryUnpaid[f]);
        }

        for (int u = 0; u < Unpaid.Length; u++)
        {
            Unpaid[u].Add(figures.Unpaid[u]);
        }

        Paths++;
        EventsOfDefault += figures.EventOfDefault ? 1 : 0;
        Sales += figures.Sale ? 1 : 0;
        Pairs?.Add(figures);
    }

    /// <summary>How <paramref name="other"/>'s shape differs from these totals' (<c>"3 party default counts, not 4"</c>),
    /// or null when they are of one deal and can be <see cref="Merge"/>d.</summary>
    public string? ShapeDifference(SimulationTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (string What, int Theirs, int Ours)[] counts =
        [
            ("tranche totals", other.Tranches.Length, Tranches.Length),
            ("equity IRR statistics", other.EquityIrr.Length, EquityIrr.Length),
            ("party default counts", other.PartyDefaults.Length, PartyDefaults.Length),
            ("index fan charts", other.IndexLevels.Length, IndexLevels.Length),
            ("periods in a fan chart", other.IndexLevels.Length > 0 ? other.IndexLevels[0].Periods : 0, IndexLevels.Length > 0 ? IndexLevels[0].Periods : 0),
            ("guarantee totals", other.Guarantees.Length, Guarantees.Length),
            ("LP class totals", other.LpClasses.Length, LpClasses.Length),
            ("carry totals", other.Carry.Length, Carry.Length),
            ("guaranteed tranches' holders' totals", other.Holders.Length, Holders.Length),
            ("unpaid-at-end totals", other.Unpaid.Length, Unpaid.Length),
        ];
        string? count = counts.Where(c => c.Theirs != c.Ours).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Theirs} {c.What}, not {c.Ours}")).FirstOrDefault();
        return count ?? (other.Pairs, Pairs) switch
        {
            (null, null) => null,
            (null, _) => "no sums over mirrored pairs, where these keep them",
            (_, null) => "sums over mirrored pairs, where these keep none",
            var (theirs, ours) when !theirs.SameShape(ours) || theirs.LastPath != ours.LastPath => "sums over another run's mirrored pairs",
            _ => null,
        };
    }

    /// <summary>Adds another split's totals (same deal): exactly what adding its paths one by one does.</summary>
    public void Merge(SimulationTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ShapeDifference(other) is { } difference)
        {
            throw new ArgumentException($"The totals are of another deal: {difference}.", nameof(other));
        }

        for (int i = 0; i < Tranches.Length; i++)
        {
            Tranches[i].Merge(other.Tranches[i]);
        }

        for (int h = 0; h < Holders.Length; h++)
        {
            Holders[h].Merge(other.Holders[h]);
        }

        for (int e = 0; e < EquityIrr.Length; e++)
        {
            EquityIrr[e].Merge(other.EquityIrr[e]);
            EquityIrrHistogram[e].Merge(other.EquityIrrHistogram[e]);
        }

        for (int p = 0; p < PartyDefaults.Length; p++)
        {
            PartyDefaults[p] += other.PartyDefaults[p];
        }

        for (int x = 0; x < IndexLevels.Length; x++)
        {
            IndexLevels[x].Merge(other.IndexLevels[x]);
        }

        for (int g = 0; g < Guarantees.Length; g++)
        {
            Guarantees[g].Merge(other.Guarantees[g]);
        }

        for (int c = 0; c < LpClasses.Length; c++)
        {
            LpClasses[c].Merge(other.LpClasses[c]);
        }

        for (int f = 0; f < Carry.Length; f++)
        {
            Carry[f].Merge(other.Carry[f]);
            CarryUnpaid[f].Merge(other.CarryUnpaid[f]);
        }

        for (int u = 0; u < Unpaid.Length; u++)
        {
            Unpaid[u].Merge(other.Unpaid[u]);
        }

        Pairs?.Merge(other.Pairs!);
        Paths += other.Paths;
        EventsOfDefault += other.EventsOfDefault;
        Sales += other.Sales;
    }
}

/// <summary>One guarantee's totals over the paths: its guarantor's net cost (what it paid less what it got back), signed,
/// on every path; and that cost floored at 0 on every path, and on the paths where it paid (a cost of half a cent or
/// more), for P(pays anything) and the amount given it pays.</summary>
public sealed class GuaranteeTotals
{
    NetAmountStatistics netCost;
    LossStatistics cost;
    LossStatistics costGiven;

    /// <summary>Its net cost over every path, negative where it got back more than it paid: the expected fiscal cost.</summary>
    public NetAmountStatistics NetCost { get => netCost; internal set => netCost = value; }

    /// <summary>Its cost over every path (<see cref="LossStatistics.PathsWithLoss"/>: the paths where it paid).</summary>
    public LossStatistics Cost { get => cost; internal set => cost = value; }

    /// <summary>Its cost over the paths where it paid.</summary>
    public LossStatistics CostGiven { get => costGiven; internal set => costGiven = value; }

    internal void Add(double amount)
    {
        netCost.Add(amount);
        double paid = Math.Max(0.0, amount); // a path where it got back more than it paid is one where it pays nothing
        cost.Add(paid);
        if (paid >= Flows.ShortfallTolerance)
        {
            costGiven.Add(paid);
        }
    }

    internal void Merge(GuaranteeTotals other)
    {
        netCost.Merge(other.netCost);
        cost.Merge(other.cost);
        costGiven.Merge(other.costGiven);
    }
}

/// <summary>One LP class's totals over the paths: what it received, its IRR (where it has one) and its loss.</summary>
public sealed class LpClassTotals
{
    LossStatistics distributions;
    MeasureStatistics irr;
    LossStatistics loss;

    /// <summary>What it received, over every path.</summary>
    public LossStatistics Distributions { get => distributions; internal set => distributions = value; }

    /// <summary>Its IRR, over the paths where it has one.</summary>
    public MeasureStatistics Irr { get => irr; internal set => irr = value; }

    /// <summary>Its loss (capital less what it received, never below 0), over every path.</summary>
    public LossStatistics Loss { get => loss; internal set => loss = value; }

    internal void Add(PathFigures figures, int c)
    {
        distributions.Add(figures.LpDistributions[c]);
        irr.Add(figures.LpIrr[c]);
        loss.Add(figures.LpLoss[c]);
    }

    internal void Merge(LpClassTotals other)
    {
        distributions.Merge(other.distributions);
        irr.Merge(other.irr);
        loss.Merge(other.loss);
    }
}

/// <summary>One tranche's totals over the paths.</summary>
public sealed class TrancheTotals
{
    LossStatistics loss;
    LossStatistics lossGiven;
    LossStatistics unpaid;
    MeasureStatistics lossShare;
    MeasureStatistics lossShareGiven;
    MeasureStatistics irr;
    MeasureStatistics wal;

    /// <summary>Its principal loss over every path.</summary>
    public LossStatistics Loss { get => loss; internal set => loss = value; }

    /// <summary>Its principal loss over the paths with a loss (of half a cent or more).</summary>
    public LossStatistics LossGiven { get => lossGiven; internal set => lossGiven = value; }

    /// <summary>Its unpaid interest over every path.</summary>
    public LossStatistics Unpaid { get => unpaid; internal set => unpaid = value; }

    /// <summary>Its loss as a share of the principal funded, over every path.</summary>
    public MeasureStatistics LossShare { get => lossShare; internal set => lossShare = value; }

    /// <summary>The same over the paths with a loss: the loss given a loss (LGD).</summary>
    public MeasureStatistics LossShareGiven { get => lossShareGiven; internal set => lossShareGiven = value; }

    /// <summary>Its IRR (where it has one).</summary>
    public MeasureStatistics Irr { get => irr; internal set => irr = value; }

    /// <summary>Its WAL (where principal was paid).</summary>
    public MeasureStatistics Wal { get => wal; internal set => wal = value; }

    /// <summary>The histogram of its loss (every path: the zero bucket holds those without).</summary>
    public LogHistogram LossHistogram { get; internal set; } = new(SimulationTotals.MeasureBits);

    public LogHistogram IrrHistogram { get; internal set; } = new(SimulationTotals.MeasureBits);

    public LogHistogram WalHistogram { get; internal set; } = new(SimulationTotals.MeasureBits);

    /// <summary>Adds one path's figures: a tranche's (<see cref="PathFigures.Loss"/>, …) or its holders'
    /// (<see cref="PathFigures.HoldersLoss"/>, …, with no WAL).</summary>
    internal void Add(double amount, double share, double unpaidInterest, double rate, double years)
    {
        loss.Add(amount);
        LossHistogram.Add(amount);
        lossShare.Add(share);
        if (amount >= Flows.ShortfallTolerance)
        {
            lossGiven.Add(amount);
            lossShareGiven.Add(share);
        }

        unpaid.Add(unpaidInterest);
        irr.Add(rate);
        if (!double.IsNaN(rate))
        {
            IrrHistogram.Add(rate);
        }

        wal.Add(years);
        if (!double.IsNaN(years))
        {
            WalHistogram.Add(years);
        }
    }

    internal void Merge(TrancheTotals other)
    {
        loss.Merge(other.loss);
        lossGiven.Merge(other.lossGiven);
        unpaid.Merge(other.unpaid);
        lossShare.Merge(other.lossShare);
        lossShareGiven.Merge(other.lossShareGiven);
        irr.Merge(other.irr);
        wal.Merge(other.wal);
        LossHistogram.Merge(other.LossHistogram);
        IrrHistogram.Merge(other.IrrHistogram);
        WalHistogram.Merge(other.WalHistogram);
    }
}
