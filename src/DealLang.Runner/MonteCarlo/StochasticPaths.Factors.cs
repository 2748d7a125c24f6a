using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// A path's factors (docs/language.md §10, "Factors"): their path shocks, drawn directly or from a Sobol point, or period by
// period with the regime switch; each drawn index's row with its jumps; and the factors' checks and step coefficients.
public sealed partial class StochasticPaths
{
    /// <summary>Whether the scenario draws index <paramref name="index"/>'s row (a process or jumps on it).</summary>
    public bool DrawsIndex(int index) => drawnIndex[index];

    /// <summary>Whether the scenario draws the market-rent deflation.</summary>
    public bool DrawsMarketRent => marketFactor >= 0;

    /// <summary>True when each path draws its factors' path shocks directly (every factor a drawn rate, one regime):
    /// k normals a path rather than k a period.</summary>
    public bool DrawsPathShocksDirectly => direct;

    /// <summary>Every factor a drawn rate and one regime: the path shocks Z = L ξ from k independent normals ξ, the
    /// same joint distribution as the per-period sum Σ_t √(Δ_t / T) L ξ_t (its covariance L (Σ_t Δ_t / T) Lᵀ = LLᵀ).</summary>
    void DrawPathShocks(ref PathStream rng, Work w)
    {
        for (int f = 0; f < factors.Length; f++)
        {
            w.Xi[f] = rng.Normal();
        }

        Correlate(w);
    }

    /// <summary>The path shocks Z = L ξ from the normals in <see cref="Work.Xi"/>.</summary>
    void Correlate(Work w)
    {
        int k = factors.Length;
        double[] shock = w.Shock, xi = w.Xi, l = lowerNormal;
        for (int i = 0; i < k; i++)
        {
            double z = 0;
            for (int j = 0; j <= i; j++)
            {
                z += l[(i * k) + j] * xi[j];
            }

            shock[i] = z;
        }
    }

    /// <summary>As the direct draw, ξ from point <paramref name="point"/>'s first k dimensions.</summary>
    void DrawPathShocks(uint point, Work w)
    {
        for (int f = 0; f < factors.Length; f++)
        {
            w.Xi[f] = SobolNormal(point, f);
        }

        Correlate(w);
    }

    /// <summary>Period by period, the regime switch and the factors' correlated shocks (each factor's path shock left
    /// in <see cref="Work.Shock"/>); then, factor by factor, each index factor's jumps and its level at each period's
    /// start.</summary>
    void DrawFactors(ref PathStream rng, Work w, PathInputs into)
    {
        int k = factors.Length;
        double[] shock = w.Shock;
        Array.Clear(shock);

        // The periods' draws first, in the order the periods take them (a regime's uniform, k normals, a uniform per
        // jump factor), taken four Philox blocks at a time (PathStream.Take), and their normals worked out four at a
        // time (PathStream.ToNormals): the same draws, bit for bit, with the stream at the same place after them.
        int jumps = jumpFactors.Length, regime = lowerStress is null ? 0 : 1, perPeriod = regime + k + jumps;
        Span<ulong> bits = w.Draws.AsSpan(0, periods * perPeriod);
        rng.Take(bits);
        double[] normals = w.NormalDraws;
        for (int t = 0; t < periods; t++)
        {
            for (int f = 0; f < k; f++)
            {
                normals[(t * k) + f] = PathStream.NormalLater(bits[(t * perPeriod) + regime + f]);
            }
        }

        rng.ToNormals(normals.AsSpan(0, periods * k));

        // Each period's correlated shocks ε = L ξ, L the regime's, into the normals' place (ε_i reads ξ_0 … ξ_i: the
        // last first), each added to its factor's path shock: the first four factors' sums in registers (a sum kept in
        // shock[] waits every period for its own store), the same additions in the same order.
        bool stressed = false;
        double shock0 = 0, shock1 = 0, shock2 = 0, shock3 = 0, stressedShare = 0;
        for (int t = 0; t < periods; t++)
        {
            if (regime == 1 && rng.Uniform(bits[t * perPeriod]) < (stressed ? switchToNormal! : switchToStress!)[t])
            {
                stressed = !stressed;
            }

            Span<double> xi = normals.AsSpan(t * k, k);
            double[] l = stressed ? lowerStress! : lowerNormal;
            double share = weight[t];
            stressedShare += stressed ? share * share : 0.0;
            for (int i = k - 1; i >= 0; i--)
            {
                double e = 0;
                for (int j = 0; j <= i; j++)
                {
                    e += l[(i * k) + j] * xi[j];
                }

                xi[i] = e;
                if (i >= 4)
                {
                    shock[i] += share * e;
                }
            }

            shock0 += k > 0 ? share * xi[0] : 0.0;
            shock1 += k > 1 ? share * xi[1] : 0.0;
            shock2 += k > 2 ? share * xi[2] : 0.0;
            shock3 += k > 3 ? share * xi[3] : 0.0;
        }

        ReadOnlySpan<double> sums = [shock0, shock1, shock2, shock3]; // on the stack
        sums[..Math.Min(k, sums.Length)].CopyTo(shock);
        w.StressedShare = stressedShare;

        // Then each index factor's row on its own: its level depends on its shocks and jumps alone, and a loop over one
        // factor's periods finds its process, its coefficients' rows and its jumps' once, where a loop over the factors
        // inside each period found them every period (CoreWeave's Stochastic path: draw and fill 5.2 to 4.5 µs,
        // bench/HISTORY.md, 2026-12-04). The same operations on the same numbers in the same order: the same bits.
        for (int f = 0; f < k; f++)
        {
            if (factors[f].Target == FactorTarget.Index)
            {
                Jumps(Array.IndexOf(jumpFactors, f), bits, regime + k, perPeriod, rng, w.JumpAt);
                IndexRow(f, normals, w.JumpAt, into.OwnIndexLevel(factors[f].Entity), w.Exponents);
            }
        }
    }

    /// <summary>
    /// Index factor <paramref name="f"/>'s level at each period's start into <paramref name="row"/>: its deterministic
    /// start, then each period's step from its shock (<paramref name="eps"/>, k a period) times the factor its jumps
    /// have left it (<paramref name="jumped"/>, <see cref="Jumps"/>).
    /// </summary>
    void IndexRow(int f, double[] eps, double[] jumped, double[] row, double[] exponents)
    {
        FactorSpec factor = factors[f];
        int k = factors.Length;
        double[] a = stepA[f], s = stepS[f], centre = trend[f];
        row[0] = centre[0];

        // The last period's step would set the level after the run: none is kept.
        int last = Math.Min(periods, row.Length) - 1;
        switch (factor.Process)
        {
            case FactorProcess.Gbm:
            {
                // The steps' exponents first, then their exponentials a row at a time (RowExp), then the levels.
                Span<double> step = exponents.AsSpan(0, Math.Max(last, 0));
                for (int t = 0; t < step.Length; t++)
                {
                    step[t] = a[t] + (s[t] * eps[(t * k) + f]);
                }

                RowExp.Exp(step);
                double level = centre[0];
                for (int t = 0; t < step.Length; t++)
                {
                    level *= step[t];
                    row[t + 1] = level * jumped[t];
                }

                break;
            }

            case FactorProcess.MeanReverting:
            {
                double level = centre[0], longRun = factor.LongRun;
                // A price's level is read at max(0, level) (FactorSpec.NeverNegative): the process runs on below zero,
                // what the deal pays or is paid at does not. A rate's is read as drawn.
                double lowest = factor.NeverNegative ? 0.0 : double.NegativeInfinity;
                for (int t = 0; t < last; t++)
                {
                    level = longRun + ((level - longRun) * a[t]) + (s[t] * eps[(t * k) + f]);
                    row[t + 1] = Math.Max(lowest, level) * jumped[t];
                }

                break;
            }

            default:
            {
                // log-OU: x reverts to 0, and the level is the trend times e^(x − v/2)
                // The recurrence on x first, then the exponentials a row at a time (RowExp), then the levels.
                double[] v = variance[f];
                Span<double> scale = exponents.AsSpan(0, Math.Max(last, 0));
                double x = 0;
                for (int t = 0; t < scale.Length; t++)
                {
                    x = (x * a[t]) + (s[t] * eps[(t * k) + f]);
                    scale[t] = x - (0.5 * v[t + 1]);
                }

                RowExp.Exp(scale);
                for (int t = 0; t < scale.Length; t++)
                {
                    row[t + 1] = centre[t + 1] * scale[t] * jumped[t];
                }

                break;
            }
        }
    }

    /// <summary>
    /// Into <paramref name="jumped"/>[t], the factor jump factor <paramref name="x"/>'s jumps have left its index at
    /// period t's end: one step down by its size for each jump of each period's Poisson count (drawn from the period's
    /// uniform for it, at <paramref name="jumpDraws"/> + <paramref name="x"/> in each period's
    /// <paramref name="perPeriod"/> draws); 1 throughout for a factor without jumps (<paramref name="x"/> −1).
    /// </summary>
    void Jumps(int x, ReadOnlySpan<ulong> bits, int jumpDraws, int perPeriod, in PathStream rng, double[] jumped)
    {
        if (x < 0)
        {
            Array.Fill(jumped, 1.0);
            return;
        }

        double[] mean = jumpMean[x], none = jumpNone[x];
        double down = 1 - factors[jumpFactors[x]].JumpDown;
        double jump = 1;
        // The last period's jumps would move the level after the run (IndexRow): none is kept.
        for (int t = 0; t < jumped.Length - 1; t++)
        {
            int n = Poisson(rng.Uniform(bits[(t * perPeriod) + jumpDraws + x]), mean[t], none[t]);
            for (int j = 0; j < n; j++)
            {
                jump *= down;
            }

            jumped[t] = jump;
        }
    }

    /// <summary>A drawn rate: mean + σ × the factor's path shock.</summary>
    static double Drawn(FactorSpec factor, double shock) => factor.LongRun + (factor.Volatility * shock);

    /// <summary>The Poisson(λ) count whose distribution function first reaches <paramref name="u"/> (inversion;
    /// at most 64, far beyond any yearly launch intensity over a period); <paramref name="none"/> is e^(−λ).</summary>
    static int Poisson(double u, double lambda, double none)
    {
        double p = none, cdf = p;
        int n = 0;
        while (u > cdf && n < 64)
        {
            n++;
            p *= lambda / n;
            cdf += p;
        }

        return n;
    }

    void Coefficients(FactorSpec factor, out double[] a, out double[] s, out double[] v)
    {
        a = new double[periods];
        s = new double[periods];
        v = new double[periods];
        double kappa = factor.Speed, sigma = factor.Volatility;
        for (int t = 0; t < periods; t++)
        {
            double h = dt[t];
            if (factor.Process == FactorProcess.Gbm)
            {
                a[t] = (factor.Drift - (0.5 * sigma * sigma)) * h;
                s[t] = sigma * Math.Sqrt(h);
                continue;
            }

            // Exact OU transition over the period; κ = 0 is its limit, a random walk σ√Δ.
            a[t] = Math.Exp(-kappa * h);
            double share = kappa > 0 ? -double.ExpM1(-2 * kappa * h) / (2 * kappa) : h;
            s[t] = sigma * Math.Sqrt(share);
            if (t + 1 < periods)
            {
                v[t + 1] = (v[t] * a[t] * a[t]) + (s[t] * s[t]);
            }
        }
    }

    void CheckFactor(DealDescription deal, FactorSpec factor)
    {
        int limit = factor.Target switch
        {
            FactorTarget.Index => deal.Indices.Length,
            FactorTarget.FacilityDeflation => deal.Facilities.Length,
            _ => 1,
        };
        if (factor.Target != FactorTarget.MarketRentDeflation && (uint)factor.Entity >= (uint)limit)
        {
            throw Bad($"factor '{factor.Name}' moves {factor.Target} {factor.Entity}, and the deal has {limit}");
        }

        bool indexProcess = factor.Process != FactorProcess.DrawnRate;
        if (indexProcess != (factor.Target == FactorTarget.Index))
        {
            throw Bad($"factor '{factor.Name}': an index takes gbm, mean reversion or log mean reversion, a deflation lever a drawn rate");
        }

        if (!(factor.Volatility >= 0 && double.IsFinite(factor.Volatility)) || !(factor.Speed >= 0 && double.IsFinite(factor.Speed))
            || !double.IsFinite(factor.Drift) || !double.IsFinite(factor.LongRun)
            || !(factor.JumpIntensity >= 0 && double.IsFinite(factor.JumpIntensity)) || !(factor.JumpDown >= 0 && factor.JumpDown <= 1))
        {
            throw Bad($"factor '{factor.Name}' has a negative or infinite volatility, speed or jump intensity, or a jump step-down outside [0%, 100%]");
        }
    }

    double[] Factor(double[] m, int k, string what) =>
        Correlations.Problem(m, k) is { } problem ? throw Bad($"its {what} matrix is not valid: {problem}") : Correlations.Cholesky(m, k);
}
