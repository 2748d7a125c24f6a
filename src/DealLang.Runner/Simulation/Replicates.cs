namespace DealLang.Runner.Simulation;

/// <summary>
/// One report from R independent replicates of a run (<c>deallang mc --replicates R</c>; docs/language.md, "Standard
/// errors under Sobol"): the same scenario at R seeds, so R independent shifts of a Sobol sequence, whose points within
/// one run are not independent and whose ± (s / √n) therefore do not measure its error. Every estimate becomes the
/// mean of its R replicates' values, x̄ = Σ x_r / R, with the standard error of that mean across them,
/// √(Σ (x_r − x̄)² / (R (R − 1))): a sound ± whatever the points within a replicate are. The rest is combined over all
/// R·n paths: counts are summed, a largest value is the largest of the replicates', a minimum the smallest, an index
/// fan's levels (estimates without a ±) are the replicates' means. A function of the replicates' metrics alone, in
/// their order, so byte-deterministic as each of them is.
/// </summary>
public static class Replicates
{
    /// <summary>The fewest and most replicates <c>--replicates</c> takes: two for a standard error, a thousand as a bound
    /// on a run that is R full runs.</summary>
    public const int Fewest = 2, Most = 1000;

    /// <summary>The report of <paramref name="replicates"/>, runs of one deal and scenario with the same paths at
    /// seeds S0, S0 + 1, …: its frame the first's with <see cref="SimulationFrame.Replicates"/> set.</summary>
    public static CreditMetrics Combine(IReadOnlyList<CreditMetrics> replicates)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        if (replicates.Count < Fewest)
        {
            throw new ArgumentException($"A standard error across replicates needs at least {Fewest} of them.", nameof(replicates));
        }

        CreditMetrics first = replicates[0];
        foreach (CreditMetrics m in replicates)
        {
            if (m.Frame.Deal != first.Frame.Deal || m.Frame.Scenario != first.Frame.Scenario || m.Frame.Paths != first.Frame.Paths
                || m.Frame.Sampling != first.Frame.Sampling || m.Tranches.Length != first.Tranches.Length || m.Indices.Length != first.Indices.Length)
            {
                throw new ArgumentException("Replicates are runs of one deal's scenario with the same paths.", nameof(replicates));
            }
        }

        // What a share seen on no path (or every path) in every replicate is bounded over: the paths of all replicates,
        // or an antithetic run's pairs (a lone last path a pair of its own), as one run's bound is (CreditMetrics.Proportion).
        long n = first.Frame.Paths;
        long units = replicates.Count * (first.Frame.Sampling == SimulationFrame.Antithetic ? (n + 1) / 2 : n);
        var c = new Combiner(replicates, units);
        return new CreditMetrics(
            first.Frame with { Replicates = replicates.Count },
            c.Sum(m => m.Paths),
            [.. first.Tranches.Select((t, i) => Tranche(c, t.Name, i))],
            [.. first.Equities.Select((e, i) => (e.Name, Distribution(c, m => m.Equities[i].Irr)))],
            c.Estimate(m => m.EventOfDefault),
            c.Estimate(m => m.Sale),
            [.. first.Parties.Select((p, i) => new PartyRisk(p.Name, p.AnnualPd, p.HorizonPd, c.Sum(m => m.Parties[i].Defaults), c.Estimate(m => m.Parties[i].DefaultRate)))],
            [.. first.Indices.Select((x, i) => new IndexFan(x.Name, x.Dates, [.. x.Percentiles.Select((row, t) => row.Select((_, q) => c.Mean(m => m.Indices[i].Percentiles[t][q])).ToArray())]))])
        {
            Guarantees = [.. first.Guarantees.Select((g, i) => new GuarantorRisk(
                g.Name, g.Cap, c.Sum(m => m.Guarantees[i].PathsPaying), c.Estimate(m => m.Guarantees[i].PayProbability),
                c.Estimate(m => m.Guarantees[i].ExpectedCost), c.Estimate(m => m.Guarantees[i].CostGivenPays), c.Largest(m => m.Guarantees[i].MaxCost)))],
            Holders = [.. first.Holders.Select((h, i) => Tranche(c, h.Name, m => m.Holders[i]))],
            LpClasses = [.. first.LpClasses.Select((l, i) => new LpClassRisk(
                l.Name, c.Estimate(m => m.LpClasses[i].ExpectedDistributions), c.Estimate(m => m.LpClasses[i].IrrMean),
                c.Sum(m => m.LpClasses[i].PathsWithoutIrr), c.Estimate(m => m.LpClasses[i].LossProbability), c.Estimate(m => m.LpClasses[i].ExpectedLoss)))],
            Carries = [.. first.Carries.Select((f, i) => (f.Name, c.Estimate(m => m.Carries[i].Carry)))],
            UnpaidCarries = [.. first.UnpaidCarries.Select((u, i) => u is null ? null : new UnpaidCarryRisk(
                c.Sum(m => m.UnpaidCarries[i]!.PathsUnpaid), c.Estimate(m => m.UnpaidCarries[i]!.Probability), c.Estimate(m => m.UnpaidCarries[i]!.Expected)))],
            Unpaid = [.. first.Unpaid.Select((u, i) => u with
            {
                PathsUnpaid = c.Sum(m => m.Unpaid[i].PathsUnpaid), Probability = c.Estimate(m => m.Unpaid[i].Probability), Expected = c.Estimate(m => m.Unpaid[i].Expected),
            })],
        };
    }

    static TrancheRisk Tranche(Combiner c, string name, int i) => Tranche(c, name, m => m.Tranches[i]);

    /// <summary>A tranche's metrics, or its holders' (<paramref name="of"/> picks them in each replicate).</summary>
    static TrancheRisk Tranche(Combiner c, string name, Func<CreditMetrics, TrancheRisk> of) => new(
        name,
        of(c.First).Balance,
        c.Sum(m => of(m).Paths),
        c.Sum(m => of(m).PathsWithLoss),
        c.Estimate(m => of(m).LossProbability),
        c.Estimate(m => of(m).ExpectedLoss),
        c.Estimate(m => of(m).ExpectedLossShare),
        c.Estimate(m => of(m).LossGivenLoss),
        c.Estimate(m => of(m).LossGivenLossShare),
        [.. of(c.First).Tails.Select((tail, k) => new TailRisk(tail.Level, c.Estimate(m => of(m).Tails[k].ValueAtRisk), c.Estimate(m => of(m).Tails[k].ExpectedShortfall)))],
        c.Largest(m => of(m).MaxLoss),
        c.Estimate(m => of(m).ShortfallProbability),
        c.Estimate(m => of(m).ExpectedUnpaidInterest),
        Distribution(c, m => of(m).Irr),
        Distribution(c, m => of(m).Wal));

    static Distribution Distribution(Combiner c, Func<CreditMetrics, Distribution> of) => new(
        c.Sum(m => of(m).Paths),
        c.Sum(m => of(m).Undefined),
        c.Estimate(m => of(m).Mean),
        [.. of(c.First).Percentiles.Select((_, q) => c.Estimate(m => of(m).Percentiles[q]))],
        c.Smallest(m => of(m).Min),
        c.Largest(m => of(m).Max));

    /// <summary>The replicates and what each kind of figure becomes over them.</summary>
    sealed class Combiner(IReadOnlyList<CreditMetrics> replicates, long units)
    {
        public CreditMetrics First => replicates[0];

        public long Sum(Func<CreditMetrics, long> of) => replicates.Sum(of);

        /// <summary>The mean of a figure without a ± (an index fan's level); NaN if a replicate has none.</summary>
        public double Mean(Func<CreditMetrics, double> of) => replicates.Sum(of) / replicates.Count;

        /// <summary>The largest of the replicates' largest values (NaN, none, where a replicate has no path for it).</summary>
        public double Largest(Func<CreditMetrics, double> of) => Extreme(of, Math.Max);

        public double Smallest(Func<CreditMetrics, double> of) => Extreme(of, Math.Min);

        double Extreme(Func<CreditMetrics, double> of, Func<double, double, double> pick)
        {
            double result = double.NaN;
            foreach (CreditMetrics m in replicates)
            {
                double v = of(m);
                result = double.IsNaN(result) ? v : double.IsNaN(v) ? result : pick(result, v);
            }

            return result;
        }

        /// <summary>
        /// x̄ = Σ x_r / R with SE = √(Σ (x_r − x̄)² / (R (R − 1))). None (n/a) where a replicate has no value (a mean
        /// given a loss in a replicate with no loss): a mean of the others would be over a different event. The same
        /// value in every replicate keeps what one run says of it: a mean the same on every path of every replicate has
        /// no ± (<see cref="Estimate.EveryPathSame"/>), a share seen on no path (or every path) of any replicate its
        /// one-sided 95% bound over all their paths (<see cref="CreditMetrics.ShareBound"/>); any other figure equal in
        /// every replicate has a ± of 0, which is what the replicates say. A value a replicate has no ± for otherwise
        /// (a quantile at its largest value) has none here.
        /// </summary>
        public Estimate Estimate(Func<CreditMetrics, Estimate> of)
        {
            Estimate[] xs = [.. replicates.Select(of)];
            if (xs.Any(x => double.IsNaN(x.Value)))
            {
                return Simulation.Estimate.None;
            }

            double x0 = xs[0].Value;
            if (xs.All(x => x.Value == x0))
            {
                if (xs.All(x => x.EveryPathSame))
                {
                    return new(x0, double.NaN) { EveryPathSame = true };
                }

                if (xs.All(x => !double.IsNaN(x.Bound)))
                {
                    return new(x0, double.NaN) { Bound = CreditMetrics.ShareBound(x0 == 0, units) };
                }
            }

            int r = xs.Length;
            double mean = xs.Sum(x => x.Value) / r;
            if (xs.Any(x => double.IsNaN(x.StdError) && !x.EveryPathSame && double.IsNaN(x.Bound)))
            {
                // A value one run gives no ± for, as a quantile at its run's largest value (CreditMetrics.Quantile): the
                // mean of R such values estimates a lower quantile, not this one, so no ± across them either.
                return new(mean, double.NaN);
            }

            double squares = xs.Sum(x => (x.Value - mean) * (x.Value - mean));
            return new(mean, Math.Sqrt(squares / (r * (r - 1.0))));
        }
    }
}
