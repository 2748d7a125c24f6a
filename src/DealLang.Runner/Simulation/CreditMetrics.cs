using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>A Monte Carlo estimate and its standard error (NaN where it has none).</summary>
public readonly record struct Estimate(double Value, double StdError)
{
    public static readonly Estimate None = new(double.NaN, double.NaN);

    /// <summary>A share estimated as 0 or 1 (no path has it, or every path): its one-sided 95% confidence bound, the
    /// upper for 0 and the lower for 1, where its standard error √(p(1 − p)/n) is 0 and would read as "exactly known"
    /// (that standard error is then NaN); NaN for any other estimate (docs/language.md, "Monte Carlo results").</summary>
    public double Bound { get; init; } = double.NaN;

    /// <summary>A mean that was the same on every path it is over (every value the same in the sums' unit, s = 0): its
    /// standard error s/√n is 0 and would read as "exactly known", so it has none (NaN), and the report says every path
    /// was that value, <see cref="Value"/> (docs/language.md, "Monte Carlo results").</summary>
    public bool EveryPathSame { get; init; }

    /// <summary>A mean that was 0 on every path (<see cref="EveryPathSame"/> at 0).</summary>
    public bool EveryPathZero => EveryPathSame && Value == 0;
}

/// <summary>A measure's distribution over the paths where it is defined: mean, percentiles (5, 25, 50, 75, 95), each
/// with its standard error, and the paths where it is undefined.</summary>
public sealed record Distribution(long Paths, long Undefined, Estimate Mean, Estimate[] Percentiles, double Min, double Max);

/// <summary>A tail figure at one confidence level: value at risk (the loss quantile) and expected shortfall.</summary>
public sealed record TailRisk(double Level, Estimate ValueAtRisk, Estimate ExpectedShortfall);

/// <summary>One tranche's credit metrics (docs/language.md, "Monte Carlo results").</summary>
public sealed record TrancheRisk(
    string Name,
    double Balance,
    long Paths,
    long PathsWithLoss,
    Estimate LossProbability,
    Estimate ExpectedLoss,
    Estimate ExpectedLossShare,
    Estimate LossGivenLoss,
    Estimate LossGivenLossShare,
    TailRisk[] Tails,
    double MaxLoss,
    Estimate ShortfallProbability,
    Estimate ExpectedUnpaidInterest,
    Distribution Irr,
    Distribution Wal);

/// <summary>One party's simulated default rate beside its input PD.</summary>
public sealed record PartyRisk(string Name, double AnnualPd, double HorizonPd, long Defaults, Estimate DefaultRate);

/// <summary>One guarantee's cost to its guarantor over the paths (docs/language.md §12, "Monte Carlo results"): the
/// probability that it pays anything, its expected cost (a state's expected fiscal cost) and its mean cost given it
/// pays, each with its standard error.</summary>
public sealed record GuarantorRisk(string Name, double Cap, long PathsPaying, Estimate PayProbability, Estimate ExpectedCost, Estimate CostGivenPays, double MaxCost);

/// <summary>One LP class of a fund over the paths: its expected distributions, mean IRR, probability of a loss and
/// expected loss, each with its standard error.</summary>
public sealed record LpClassRisk(string Name, Estimate ExpectedDistributions, Estimate IrrMean, long PathsWithoutIrr, Estimate LossProbability, Estimate ExpectedLoss);

/// <summary>A deal-by-deal carry's part still deferred at the run's end and never paid (the LPs kept it) over the paths:
/// the probability that some is (half a cent or more) and its expected amount, each with its standard error.</summary>
public sealed record UnpaidCarryRisk(long PathsUnpaid, Estimate Probability, Estimate Expected);

/// <summary>What the paths ended owing of one item (a fee, a fleet's opex, a tranche's commitment or guarantee fee;
/// <see cref="UnpaidAtEnd"/>): <see cref="Owner"/> and <see cref="Row"/> as the frame's, the paths ending with half a
/// cent or more unpaid, their share and the mean amount over every path, each with its standard error.</summary>
public sealed record UnpaidRisk(string Owner, string Row, long PathsUnpaid, Estimate Probability, Estimate Expected);

/// <summary>One index's fan chart: per scheduled period its start date and the percentiles (5, 25, 50, 75, 95) of
/// its level then.</summary>
public sealed record IndexFan(string Name, Date[] Dates, double[][] Percentiles);

/// <summary>Everything a Monte Carlo report prints, computed from a run's frame and totals alone.</summary>
public sealed record CreditMetrics(
    SimulationFrame Frame,
    long Paths,
    TrancheRisk[] Tranches,
    (string Name, Distribution Irr)[] Equities,
    Estimate EventOfDefault,
    Estimate Sale,
    PartyRisk[] Parties,
    IndexFan[] Indices)
{
    /// <summary>Each guarantee's cost to its guarantor (empty for a deal without guarantees).</summary>
    public GuarantorRisk[] Guarantees { get; init; } = [];

    /// <summary>Each tranche behind a guarantor, its holders' figures (<see cref="SimulationFrame.HeldTranches"/>: what
    /// neither the issuer nor the guarantor paid them, and their IRR with the guarantor's payments), named as the
    /// tranche; its WAL is undefined on every path (the holders have none of their own). Empty without such a tranche.</summary>
    public TrancheRisk[] Holders { get; init; } = [];

    /// <summary>Each LP class of the deal's funds (empty without a carry).</summary>
    public LpClassRisk[] LpClasses { get; init; } = [];

    /// <summary>Each fund's expected carry to its GP.</summary>
    public (string Name, Estimate Carry)[] Carries { get; init; } = [];

    /// <summary>[fund, as <see cref="Carries"/>]: its carry unpaid at the end under a deal-by-deal carry; null under a
    /// whole-fund carry, which is never deferred.</summary>
    public UnpaidCarryRisk?[] UnpaidCarries { get; init; } = [];

    /// <summary>[item, <see cref="SimulationFrame.UnpaidOwners"/>]: what the paths ended owing of each fee, fleet's opex,
    /// commitment fee and guarantee fee.</summary>
    public UnpaidRisk[] Unpaid { get; init; } = [];

    /// <summary>The confidence levels of VaR and ES, in millionths.</summary>
    public static readonly int[] TailLevels = [950_000, 990_000, 999_000];

    /// <summary>The percentiles of distributions and fan charts, in millionths.</summary>
    public static readonly int[] PercentileLevels = [50_000, 250_000, 500_000, 750_000, 950_000];

    public static CreditMetrics Compute(SimulationFrame frame, SimulationTotals totals)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(totals);
        long n = totals.Paths;
        PairTotals? pairs = totals.Pairs;
        var tranches = new TrancheRisk[totals.Tranches.Length];
        for (int i = 0; i < tranches.Length; i++)
        {
            tranches[i] = Tranche(frame.Tranches[i], frame.TrancheBalances[i], totals.Tranches[i], pairs,
                k => PairTotals.Tranche(i, k), PairExtremes.Tranche(i, 0));
        }

        var holders = new TrancheRisk[totals.Holders.Length];
        for (int h = 0; h < holders.Length; h++)
        {
            string name = frame.HeldTranches[h];
            double balance = frame.TrancheBalances[Array.IndexOf(frame.Tranches, name)];
            holders[h] = Tranche(name, balance, totals.Holders[h], pairs, k => pairs!.Holders(h, k), pairs?.Extremes.Holders(h, 0) ?? 0);
        }

        var equities = new (string, Distribution)[totals.EquityIrr.Length];
        for (int e = 0; e < equities.Length; e++)
        {
            Distribution irr = Measure(totals.EquityIrr[e], totals.EquityIrrHistogram[e], pairs?.Extremes, pairs?.Extremes.Equity(e));
            equities[e] = (frame.Equities[e], irr with { Mean = Paired(irr.Mean, pairs, pairs?.Equity(e), MeasureStatistics.Unit) });
        }

        var parties = new PartyRisk[frame.Parties.Length];
        for (int p = 0; p < parties.Length; p++)
        {
            PartyPd pd = frame.Parties[p];
            long defaults = totals.PartyDefaults[pd.PartyIndex];
            parties[p] = new PartyRisk(pd.Party, pd.AnnualPd, pd.HorizonPd, defaults, Paired(Proportion(defaults, n), pairs, pairs?.Party(pd.PartyIndex), 1));
        }

        var indices = new IndexFan[totals.IndexLevels.Length];
        for (int x = 0; x < indices.Length; x++)
        {
            LevelFan fan = totals.IndexLevels[x];
            var rows = new double[fan.Periods][];
            for (int t = 0; t < fan.Periods; t++)
            {
                LogHistogram level = fan[t];
                rows[t] = [.. PercentileLevels.Select(q => level.Quantile(q))];
            }

            indices[x] = new IndexFan(frame.Indices[x], frame.PeriodStarts, rows);
        }

        var guarantees = new GuarantorRisk[totals.Guarantees.Length];
        for (int g = 0; g < guarantees.Length; g++)
        {
            NetAmountStatistics net = totals.Guarantees[g].NetCost;
            LossStatistics cost = totals.Guarantees[g].Cost;
            LossStatistics given = totals.Guarantees[g].CostGiven;
            guarantees[g] = new GuarantorRisk(
                frame.Guarantees[g],
                frame.GuaranteeCaps[g],
                cost.PathsWithLoss,
                Paired(Proportion(cost.PathsWithLoss, n), pairs, pairs?.Guarantee(g, 0), 1),
                Paired(Mean(net.Mean, net.StandardDeviation, n), pairs, pairs?.Guarantee(g, 1), LossStatistics.Unit), // a path where it gained counts negative
                Paired(Mean(given.MeanLoss, given.StandardDeviation, given.Paths), pairs, pairs?.Guarantee(g, 2), LossStatistics.Unit),
                n == 0 ? double.NaN : cost.MaxLoss);
        }

        var lpClasses = new LpClassRisk[totals.LpClasses.Length];
        for (int c = 0; c < lpClasses.Length; c++)
        {
            LpClassTotals lp = totals.LpClasses[c];
            lpClasses[c] = new LpClassRisk(
                frame.LpClasses[c],
                Paired(Mean(lp.Distributions.MeanLoss, lp.Distributions.StandardDeviation, n), pairs, pairs?.LpClass(c, 0), LossStatistics.Unit),
                Paired(Mean(lp.Irr.Mean, lp.Irr.StandardDeviation, lp.Irr.Paths), pairs, pairs?.LpClass(c, 1), MeasureStatistics.Unit),
                lp.Irr.Undefined,
                Paired(Proportion(lp.Loss.PathsWithLoss, n), pairs, pairs?.LpClass(c, 2), 1),
                Paired(Mean(lp.Loss.MeanLoss, lp.Loss.StandardDeviation, n), pairs, pairs?.LpClass(c, 3), LossStatistics.Unit));
        }

        var carries = new (string, Estimate)[totals.Carry.Length];
        var unpaidCarries = new UnpaidCarryRisk?[totals.Carry.Length];
        for (int f = 0; f < carries.Length; f++)
        {
            carries[f] = (frame.Carries[f], Paired(Mean(totals.Carry[f].MeanLoss, totals.Carry[f].StandardDeviation, n), pairs, pairs?.Carry(f, 0), LossStatistics.Unit));
            LossStatistics unpaid = totals.CarryUnpaid[f];
            unpaidCarries[f] = f < frame.CarriesDealByDeal.Length && frame.CarriesDealByDeal[f]
                ? new UnpaidCarryRisk(
                    unpaid.PathsWithLoss,
                    Paired(Proportion(unpaid.PathsWithLoss, n), pairs, pairs?.Carry(f, 1), 1),
                    Paired(Mean(unpaid.MeanLoss, unpaid.StandardDeviation, n), pairs, pairs?.Carry(f, 2), LossStatistics.Unit))
                : null;
        }

        var owed = new UnpaidRisk[totals.Unpaid.Length];
        for (int u = 0; u < owed.Length; u++)
        {
            LossStatistics unpaid = totals.Unpaid[u];
            owed[u] = new UnpaidRisk(
                frame.UnpaidOwners[u],
                frame.UnpaidRows[u],
                unpaid.PathsWithLoss,
                Paired(Proportion(unpaid.PathsWithLoss, n), pairs, pairs?.Unpaid(u, 0), 1),
                Paired(Mean(unpaid.MeanLoss, unpaid.StandardDeviation, n), pairs, pairs?.Unpaid(u, 1), LossStatistics.Unit));
        }

        return new CreditMetrics(frame, n, tranches, equities, Paired(Proportion(totals.EventsOfDefault, n), pairs, pairs?.EventOfDefault, 1),
            Paired(Proportion(totals.Sales, n), pairs, pairs?.Sale, 1), parties, indices)
        {
            Guarantees = guarantees,
            Holders = holders,
            LpClasses = lpClasses,
            Carries = carries,
            UnpaidCarries = unpaidCarries,
            Unpaid = owed,
        };
    }

    /// <summary><paramref name="estimate"/> with, in an antithetic run (<paramref name="pairs"/> not null), the standard
    /// error over its mirrored pairs of slot <paramref name="slot"/> in 1/<paramref name="unit"/> (<see cref="PairSums.StandardError"/>)
    /// instead of the independent paths'; an estimate with no value keeps none.</summary>
    static Estimate Paired(Estimate estimate, PairTotals? pairs, int? slot, double unit) =>
        pairs is null || slot is not { } s || double.IsNaN(estimate.Value) || estimate.EveryPathSame ? estimate
        : !double.IsNaN(estimate.Bound) ? estimate with { Bound = ShareBound(estimate.Value == 0, pairs.Pairs) }
        : estimate with { StdError = pairs.StandardError(s, unit) };

    /// <summary>A share k/n with its binomial standard error √(p(1 − p)/n); for k = 0 or k = n, no standard error (it
    /// would be 0) but the one-sided 95% bound (<see cref="ShareBound"/>).</summary>
    public static Estimate Proportion(long k, long n) =>
        n == 0 ? Estimate.None
        : k == 0 || k == n ? new(k / (double)n, double.NaN) { Bound = ShareBound(k == 0, n) }
        : new(k / (double)n, Math.Sqrt(k / (double)n * (1 - (k / (double)n)) / n));

    /// <summary>The exact one-sided 95% (Clopper–Pearson) bound of a share seen in none of <paramref name="units"/>
    /// independent units (<paramref name="none"/>: its upper bound 1 − 0.05^(1/units), the p at which no unit having it
    /// has a 5% chance; about 3/units, the "rule of three") or in all of them (its lower bound 0.05^(1/units)). The
    /// units are the paths, or an antithetic run's pairs: a share no pair has is bounded as no path has it.</summary>
    public static double ShareBound(bool none, long units)
    {
        // 1 − e^(−x) for x = −ln 0.05 / units, by its series where 1 − Math.Exp(−x) would cancel (x below 10⁻⁴: the
        // next term, x⁴/24, is 4·10⁻¹⁴ of it).
        double x = -Math.Log(0.05) / units;
        double upper = x < 1e-4 ? x * (1 - (x / 2 * (1 - (x / 3)))) : 1 - Math.Exp(-x);
        return none ? upper : 1 - upper;
    }

    /// <summary>A mean with its standard error s/√n (s the sample standard deviation; NaN below two paths); a mean with
    /// s = 0, the same value on every path, has none (<see cref="Estimate.EveryPathSame"/>).</summary>
    public static Estimate Mean(double mean, double sd, long n) =>
        n == 0 ? Estimate.None
        : sd == 0 ? new(mean, double.NaN) { EveryPathSame = true }
        : new(mean, sd / Math.Sqrt(n));

    /// <summary>The lower empirical q-quantile (rank ⌈q·n⌉) with the order-statistic standard error: half the
    /// distance between the values of ranks ⌈n·q ∓ σ⌉, σ one standard deviation of the count of paths below the quantile
    /// (√(n·q·(1 − q)) for independent paths, binomial; over an antithetic run's pairs when <paramref name="low"/> and
    /// <paramref name="high"/>, its histograms of each pair's smaller and larger value, are given:
    /// <see cref="PairedCountDeviation"/>), each read with its bucket's values spread evenly across it
    /// (<see cref="LogHistogram.ValueAtRank"/>), so a spread narrower than a bucket is not read as zero. The
    /// distance over 2σ ranks is the density estimate: SE ≈ σ / (n f(ξ)), the delta method's. σ is at least one path,
    /// since the estimate is an order statistic the sample places no finer than between its neighbours (under antithetic a
    /// median every pair straddles has S = 1 in every pair and σ = 0). The ± is √(SE² + E²), E the error of reading the
    /// rank inside its bucket (<see cref="LogHistogram.ReadingErrorAtRank"/>: 0 at an atom and at the bucket's first and
    /// last value), a bias of the reading beside the sampling error (docs/language.md, "A quantile's ±").</summary>
    public static Estimate Quantile(LogHistogram histogram, int millionths, LogHistogram? low = null, LogHistogram? high = null)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long n = histogram.Count;
        if (n == 0)
        {
            return Estimate.None;
        }

        if (n > 1 && histogram.Min == histogram.Max)
        {
            // The same value on every path (a tranche that never lost: every VaR 0; a WAL on schedule everywhere): its
            // ± would be 0, read as "exactly known", which a sample that saw nothing else does not show (no loss on 2,000
            // paths leaves P(loss) up to 0.15%, above the 0.1% beyond VaR 99.9%). So no ±, as a mean's (every path x).
            return new(histogram.Min, double.NaN) { EveryPathSame = true };
        }

        double value = histogram.Quantile(millionths);
        if (IsSampleMaximum(n, millionths))
        {
            return new(value, double.NaN);
        }

        double q = millionths / 1e6;
        double spread = low is null || high is null
            ? Math.Sqrt(n * q * (1 - q))
            : PairedCountDeviation(histogram, low, high, LogHistogram.RankOf(millionths, n));
        if (double.IsNaN(spread))
        {
            return new(value, double.NaN);
        }

        spread = Math.Max(spread, 1);
        long below = Math.Clamp((long)Math.Ceiling((n * q) - spread), 1, n);
        long above = Math.Clamp((long)Math.Ceiling((n * q) + spread), 1, n);
        double statistical = (histogram.ValueAtRank(above) - histogram.ValueAtRank(below)) / 2;
        double reading = histogram.ReadingErrorAtRank(LogHistogram.RankOf(millionths, n));
        return new(value, Math.Sqrt((statistical * statistical) + (reading * reading)));
    }

    /// <summary>
    /// One standard deviation of the count C of an antithetic run's values at or below the value ξ of rank
    /// <paramref name="rank"/>, over its pairs (docs/language.md, "Under antithetic"): C = Σ S_k, S_k the pair's values at
    /// or below ξ (0, 1 or 2) of its b_k values (2 for a pair with the figure on both paths, 1 for one with it on one
    /// only or an odd run's last path), and as for a ratio (<see cref="PairSums.StandardError"/>) Var C ≈
    /// Σ(S_k − F b_k)² · m / (m − 1), F = C / n, m the pairs with a value. From the histograms: A pairs whose larger
    /// value is at or below ξ (both are), B whose smaller is (at least one), c = C − A − B single values; so ΣS = A + B + c,
    /// ΣS² = 4A + (B − A) + c, ΣSb = 2(A + B) + c, Σb² = 4 m₂ + m₁ (m₂ full pairs, m₁ single values), and
    /// Σ(S − F b)² = ΣS² − 2F ΣSb + F² Σb². A value in ξ's own bucket counts at or below ξ in the bucket's fraction
    /// (<see cref="LogHistogram.PositionOfRank"/>). NaN below two pairs.
    /// </summary>
    public static double PairedCountDeviation(LogHistogram all, LogHistogram low, LogHistogram high, long rank)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        long n = all.Count;
        var pairs = MirroredPairs.Of(n, high);
        if (pairs.Count < 2)
        {
            return double.NaN;
        }

        (int bucket, double fraction) = all.PositionOfRank(rank);
        double c = Math.Clamp(rank, 1, n);
        double a = high.CountAtOrBelow(bucket, fraction);
        double b = low.CountAtOrBelow(bucket, fraction);
        double lone = c - a - b;
        double f = c / n;
        double ss = (3 * a) + b + lone;
        double sb = (2 * (a + b)) + lone;
        double residual = ss - (2 * f * sb) + (f * f * pairs.SquaredWeights);
        return pairs.Deviation(residual);
    }

    /// <summary>Whether the q-quantile's rank ⌈q·n⌉ is n, the sample's largest value (n·(1 − q) ≤ 1 − 1/n: fewer than
    /// 1,000 paths for 99.9%). Its standard error is then n/a: the formulas read the order statistics beyond it, which
    /// the sample does not have, and gave 0, as if the largest of a few hundred losses were the 99.9% quantile exactly.</summary>
    static bool IsSampleMaximum(long n, int millionths) => ((Int128)millionths * n + 999_999) / 1_000_000 >= n;

    /// <summary>Value at risk and expected shortfall at level q: VaR the loss of rank ⌈q·n⌉, ES the mean of the
    /// k = n − ⌊q·n⌋ largest losses, with the asymptotic standard error SE = √((s²_tail + q·(ES − VaR)²) / k), s²_tail the
    /// variance of those k losses; for an antithetic run (<paramref name="low"/> and <paramref name="high"/> given) both
    /// over its pairs (<see cref="Quantile"/>, <see cref="PairedShortfallError"/>). ES's ± is √(SE² + E²), E the error of
    /// reading the tail's values inside their buckets (<see cref="LogHistogram.TailReadingError"/>), as a quantile's
    /// is with its rank's reading error; none when VaR's is (its rank n, the sample's largest: k = 1 and ES is the largest
    /// loss, read exactly). k = 1 at rank n − 1 (q·n = n − 1, 20 paths at 95%) keeps SE = √q·(ES − VaR).</summary>
    public static TailRisk Tail(LogHistogram losses, int millionths, LogHistogram? low = null, LogHistogram? high = null)
    {
        ArgumentNullException.ThrowIfNull(losses);
        long n = losses.Count;
        if (n == 0)
        {
            return new(millionths / 1e6, Estimate.None, Estimate.None);
        }

        Estimate var = Quantile(losses, millionths, low, high);
        if (var.EveryPathSame)
        {
            return new(millionths / 1e6, var, var); // every loss the same: ES is it too, with no ± either
        }

        long k = n - (long)((Int128)millionths * n / 1_000_000);
        (double es, double tailVariance) = losses.Tail(k);

        // ES is the mean of values in [VaR, max], so it lies there; the sum of k values then divided by k rounds, and k
        // values all equal to the VaR of 0.30000000000000004 averaged 0.3, an ES below its VaR in the last bit (fuzz6).
        es = Math.Max(Math.Min(es, losses.Max), var.Value);
        double q = millionths / 1e6;
        double gap = es - var.Value;
        double statistical = IsSampleMaximum(n, millionths) ? double.NaN
            : low is null || high is null ? Math.Sqrt((tailVariance + (q * gap * gap)) / k)
            : PairedShortfallError(losses, low, high, LogHistogram.RankOf(millionths, n), var.Value, k);
        double reading = losses.TailReadingError(k);
        return new(q, var, new(es, Math.Sqrt((statistical * statistical) + (reading * reading))));
    }

    /// <summary>
    /// ES's standard error over an antithetic run's pairs: ES ≈ ξ + Σ(x − ξ)⁺ / k (ξ = VaR, k the tail's values), whose
    /// influence is (x − ξ)⁺ / (k / n) less its mean, so with Y_k = Σ(x − ξ)⁺ over pair k's values (b_k of them) and
    /// ȳ = ΣY / n, SE = √(Σ(Y_k − ȳ b_k)² · m / (m − 1)) / k; for independent paths this is the formula above. From the
    /// histograms (each value at its bucket's midpoint, those in ξ's bucket at ξ): ΣY = Σ over every value, ΣYb = that
    /// plus the pairs' smaller and larger values' sums (a full pair counts twice), ΣY² = Σ(x − ξ)⁺² over every value
    /// plus 2 Σ(h − ξ)⁺(l − ξ)⁺ over the full pairs, nonzero only for a pair whose smaller value l is above ξ too. The
    /// histograms do not say which larger value h went with which such l, so that sum is bounded from above: the t
    /// smaller values above ξ matched, largest with largest, with the t largest of the larger values (rearrangement),
    /// which can only overstate the SE; exact when no pair has both values in the tail (t = 0).
    /// </summary>
    public static double PairedShortfallError(LogHistogram losses, LogHistogram low, LogHistogram high, long rank, double level, long k)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        long n = losses.Count;
        var pairs = MirroredPairs.Of(n, high);
        if (pairs.Count < 2 || k <= 0)
        {
            return double.NaN;
        }

        int bucket = losses.PositionOfRank(rank).Bucket;
        (double sumAll, double squaresAll) = losses.ExcessAbove(bucket, level);
        double sumLow = low.ExcessAbove(bucket, level).Sum;
        double sumHigh = high.ExcessAbove(bucket, level).Sum;
        double cross = 0;
        using (IEnumerator<(double Excess, long Count)> highs = high.ExcessesDescending(bucket, level).GetEnumerator())
        {
            long highLeft = 0;
            double highExcess = 0;
            foreach ((double lowExcess, long count) in low.ExcessesDescending(bucket, level))
            {
                for (long left = count; left > 0;)
                {
                    if (highLeft == 0)
                    {
                        if (!highs.MoveNext())
                        {
                            left = 0;
                            break;
                        }

                        (highExcess, highLeft) = highs.Current;
                    }

                    long take = Math.Min(left, highLeft);
                    cross += take * lowExcess * highExcess;
                    left -= take;
                    highLeft -= take;
                }
            }
        }

        double y = sumAll / n;
        double yy = squaresAll + (2 * cross);
        double yb = sumAll + sumLow + sumHigh;
        double residual = yy - (2 * y * yb) + (y * y * pairs.SquaredWeights);
        return pairs.Deviation(residual) / k;
    }

    /// <summary>A tranche's metrics, or its holders' (<see cref="Holders"/>): <paramref name="slot"/> gives its estimate k's
    /// pair slot, <paramref name="lossFigure"/> its loss's pair histograms (its IRR's and WAL's the next two).</summary>
    static TrancheRisk Tranche(string name, double balance, TrancheTotals t, PairTotals? pairs, Func<int, int> slot, int lossFigure)
    {
        LossStatistics loss = t.Loss;
        LossStatistics given = t.LossGiven;
        long n = loss.Paths;
        int? Slot(int k) => pairs is null ? null : slot(k);
        PairExtremes? extremes = pairs?.Extremes;
        Distribution irr = Measure(t.Irr, t.IrrHistogram, extremes, lossFigure + 1);
        Distribution wal = Measure(t.Wal, t.WalHistogram, extremes, lossFigure + 2);
        return new TrancheRisk(
            name,
            balance,
            n,
            loss.PathsWithLoss,
            Paired(Proportion(loss.PathsWithLoss, n), pairs, Slot(0), 1),
            Paired(Mean(loss.MeanLoss, loss.StandardDeviation, n), pairs, Slot(1), LossStatistics.Unit),
            Paired(Mean(t.LossShare.Mean, t.LossShare.StandardDeviation, t.LossShare.Paths), pairs, Slot(2), MeasureStatistics.Unit),
            Paired(Mean(given.MeanLoss, given.StandardDeviation, given.Paths), pairs, Slot(3), LossStatistics.Unit),
            Paired(Mean(t.LossShareGiven.Mean, t.LossShareGiven.StandardDeviation, t.LossShareGiven.Paths), pairs, Slot(4), MeasureStatistics.Unit),
            [.. TailLevels.Select(q => Tail(t.LossHistogram, q, extremes?.Low[lossFigure], extremes?.High[lossFigure]))],
            n == 0 ? double.NaN : loss.MaxLoss,
            Paired(Proportion(t.Unpaid.PathsWithLoss, n), pairs, Slot(5), 1),
            Paired(Mean(t.Unpaid.MeanLoss, t.Unpaid.StandardDeviation, n), pairs, Slot(6), LossStatistics.Unit),
            irr with { Mean = Paired(irr.Mean, pairs, Slot(7), MeasureStatistics.Unit) },
            wal with { Mean = Paired(wal.Mean, pairs, Slot(8), MeasureStatistics.Unit) });
    }

    /// <summary>A measure's distribution; its percentiles' ± over an antithetic run's pairs when
    /// <paramref name="extremes"/> is given (figure <paramref name="figure"/> of it). The mean, a sum of values in whole
    /// 2⁻³² over n, is clamped into the exact [min, max] the percentiles are: every path the same reports that value
    /// exactly, not up to 2⁻³³ off it beside an exact median.</summary>
    static Distribution Measure(MeasureStatistics stats, LogHistogram histogram, PairExtremes? extremes, int? figure) => new(
        stats.Paths,
        stats.Undefined,
        Mean(stats.Paths == 0 ? stats.Mean : Math.Clamp(stats.Mean, stats.Min, stats.Max), stats.StandardDeviation, stats.Paths),
        [.. PercentileLevels.Select(q => extremes is null || figure is not { } f ? Quantile(histogram, q) : Quantile(histogram, q, extremes.Low[f], extremes.High[f]))],
        stats.Min,
        stats.Max);
}
