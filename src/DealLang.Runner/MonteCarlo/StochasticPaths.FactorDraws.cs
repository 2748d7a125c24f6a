using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// What a filled path's factors drew, read back after its fill for its per-path row and its replay (docs/language.md §10,
// "What a path's row shows of its factors"): each factor's path shock, each drawn rate, each index's jumps, the share of
// the path spent in the stress regime. Read only when a row is written or a path replayed: the fill keeps what it needs
// anyway (the shocks, the rates, the stressed share, the period draws), so the path loop does no work for it.
public sealed partial class StochasticPaths
{
    /// <summary>The scenario's factors, in the order their shocks are drawn (docs/language.md §10, "Factors").</summary>
    internal FactorSpec[] Factors => factors;

    /// <summary>The factors drawn once per path as a rate (a facility's value deflation, the market-rent deflation), in
    /// the factors' order: indices into <see cref="Factors"/>.</summary>
    internal int[] RateFactors => [.. Enumerable.Range(0, factors.Length).Where(f => factors[f].Process == FactorProcess.DrawnRate)];

    /// <summary>The index factors with jumps, in the factors' order: indices into <see cref="Factors"/>.</summary>
    internal int[] JumpFactors => jumpFactors;

    /// <summary>Whether the scenario has <c>regimes</c> (a stress correlation a path may switch to).</summary>
    internal bool HasRegimes => lowerStress is not null;

    /// <summary>
    /// What path <paramref name="path"/>, the one last filled into <paramref name="into"/>, drew for its factors: each
    /// factor's path shock Z_k (<see cref="Factors"/>' order), each drawn rate, m + s Z_k as the path ran with it
    /// (<see cref="RateFactors"/>' order), each jump factor's jumps over the periods whose levels the run read, its
    /// first <paramref name="periodsRun"/> (<see cref="JumpFactors"/>' order), and with regimes the share of the path
    /// shocks' variance drawn in the stress regime (one entry; none without). Allocates nothing.
    /// </summary>
    internal void ReadFactorDraws(PathInputs into, int path, int periodsRun, Span<double> shocks, Span<double> rates, Span<int> jumps, Span<double> stressedShare)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        w.Shock.AsSpan(0, factors.Length).CopyTo(shocks);
        int r = 0;
        for (int f = 0; f < factors.Length; f++)
        {
            // What Fill handed to the path building: the facility's deflation or the market rent's.
            switch (factors[f].Target)
            {
                case FactorTarget.FacilityDeflation:
                    rates[r++] = w.Deflation[factors[f].Entity];
                    break;
                case FactorTarget.MarketRentDeflation:
                    rates[r++] = w.Market;
                    break;
            }
        }

        if (jumps.Length > 0)
        {
            JumpCounts(w, path, periodsRun, jumps);
        }

        if (stressedShare.Length > 0)
        {
            stressedShare[0] = w.StressedShare;
        }
    }

    /// <summary>Each jump factor's jumps on path <paramref name="path"/>: the Poisson counts <see cref="Jumps"/> drew,
    /// counted again from the period draws the fill left in <see cref="Work.Draws"/> (a factor with jumps is an index's,
    /// so the path drew its factors period by period, never directly), the uniforms read as the path's stream read them
    /// (mirrored on an antithetic odd path), over the <paramref name="periodsRun"/> periods the path's run read: the
    /// count drawn in period t moves the levels from period t + 1 on, so the counts of periods 0 … run − 2 are the ones
    /// that moved a level the run read. A path whose run ends early (its collateral all sold, its maturity's workout
    /// never reached) shows the jumps it lived through, not those its unread workout periods drew; on a path that ran
    /// the whole calendar this is every count but the last, as <see cref="Jumps"/> leaves the last out of the level.</summary>
    void JumpCounts(Work w, int path, int periodsRun, Span<int> jumps)
    {
        int run = Math.Clamp(periodsRun, 0, periods);
        int k = factors.Length, regime = lowerStress is null ? 0 : 1, perPeriod = regime + k + jumpFactors.Length;
        uint stream = spec.Antithetic ? (uint)(path >> 1) : (uint)path;
        var rng = new PathStream(Seed, stream, spec.Antithetic && (path & 1) == 1); // for its mirroring only: it draws nothing
        for (int x = 0; x < jumpFactors.Length; x++)
        {
            int n = 0;
            for (int t = 0; t < run - 1; t++)
            {
                n += Poisson(rng.Uniform(w.Draws[(t * perPeriod) + regime + k + x]), jumpMean[x][t], jumpNone[x][t]);
            }

            jumps[x] = n;
        }
    }
}
