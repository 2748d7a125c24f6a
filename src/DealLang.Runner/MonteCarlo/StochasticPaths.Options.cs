using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// A lessee's or customer's options drawn (docs/language.md §10, "Drawn renewals", "Drawn breaks"): each model's renewal
// options and break dates, set up once, and each path's renewals taken and break dates exercised.
public sealed partial class StochasticPaths
{
    /// <summary>Drawn renewals <paramref name="r"/>, checked, into the per-model arrays the constructor made (its
    /// options, threshold Φ⁻¹(p), copula weights and a contract's levers): the constructor's work for one model, kept with its
    /// draws.</summary>
    void SetUpRenewal(DealDescription deal, ScenarioSpec scenario, StochasticSpec s, int k, int r)
    {
        RenewalModel model = renewals[r];
        (string kind, string name, int options, bool fixedToo) = RenewalHolder(deal, scenario, model, r);
        if (options < 1 || !(model.Probability >= 0 && model.Probability <= 1))
        {
            throw Bad($"{kind} '{name}''s renewals are drawn, but it has {options} renewal options and a probability of {model.Probability}, not in [0%, 100%]");
        }

        if (fixedToo)
        {
            throw Bad($"{kind} '{name}' has both drawn renewals and 'renewals taken'");
        }

        if (renewals.Take(r).Any(m => m.Of == model.Of && m.Entity == model.Entity))
        {
            throw Bad($"{kind} '{name}' has its renewals drawn twice");
        }

        if (model.Loadings is null || model.Loadings.Length != k || !Array.TrueForAll(model.Loadings, double.IsFinite))
        {
            throw Bad($"{kind} '{name}''s drawn renewals have {model.Loadings?.Length ?? 0} factor loadings (each a number), and the scenario has {k} factors");
        }

        (renewalNormal[r], renewalStress[r]) = FactorCopula.Variances(model.Loadings, $"{kind} '{name}''s drawn renewals'", "β", s.Correlation, lowerStress is not null, Bad);

        if (model.Of == BreakOf.Contract)
        {
            ContractLevers own = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity]) ?? ContractLevers.None;
            renewalLevers[r] = [.. Enumerable.Range(0, options + 1).Select(t => own with { RenewalsTaken = t })];
        }

        renewalOptions[r] = options;
        renewalOwn[r] = Math.Sqrt(Math.Max(0.0, 1 - renewalNormal[r]));
        renewalThreshold[r] = model.Probability <= 0 ? double.NegativeInfinity
            : model.Probability >= 1 ? double.PositiveInfinity
            : NormalQuantile.Inverse(model.Probability);
    }

    /// <summary>Drawn break <paramref name="m"/>, checked, into the per-model arrays the constructor made (its
    /// dates' thresholds, copula weights and a contract's levers): the constructor's work for one model, kept with its
    /// draws.</summary>
    void SetUpBreak(DealDescription deal, ScenarioSpec scenario, StochasticSpec s, int k, int m)
    {
        BreakModel model = breaks[m];
        (string kind, string name, int[] offered, int renewalsTaken) = BreakHolder(deal, scenario, model, m);
        bool drawsRenewals = renewals.Any(r => r.Of == model.Of && r.Entity == model.Entity);
        if (model.Months is not { Length: > 0 } months || model.Probabilities is null || model.Probabilities.Length != months.Length
            || !Array.TrueForAll(months, at => Array.IndexOf(offered, at) >= 0)
            || !Enumerable.Range(1, months.Length - 1).All(j => months[j] > months[j - 1])
            || !Array.TrueForAll(model.Probabilities, p => p >= 0 && p <= 1))
        {
            string term = model.Renewal > 0 ? $"renewal {model.Renewal}'s" : "its";
            throw Bad($"{kind} '{name}''s drawn break is not a list of {term} break dates ({string.Join(", ", offered)} months from its start), increasing, each with a probability in [0%, 100%]");
        }

        if (model.Renewal == 0 && (renewalsTaken > 0 || drawsRenewals))
        {
            throw Bad($"{kind} '{name}' has a drawn break and renewals taken or drawn: a break ends it before any renewal");
        }

        if (model.Renewal > 0 && renewalsTaken < model.Renewal && !drawsRenewals)
        {
            throw Bad($"{kind} '{name}' has a drawn break in renewal {model.Renewal} and takes {renewalsTaken} of its renewals, none drawn: no path enters that renewal");
        }

        if (breaks.Take(m).Any(b => b.Of == model.Of && b.Entity == model.Entity))
        {
            throw Bad($"{kind} '{name}' has two drawn breaks");
        }

        if (model.Loadings is null || model.Loadings.Length != k || !Array.TrueForAll(model.Loadings, double.IsFinite))
        {
            throw Bad($"{kind} '{name}''s drawn break has {model.Loadings?.Length ?? 0} factor loadings (each a number), and the scenario has {k} factors");
        }

        (breakNormal[m], breakStress[m]) = FactorCopula.Variances(model.Loadings, $"{kind} '{name}''s drawn break's", "β", s.Correlation, lowerStress is not null, Bad);

        breakOwn[m] = Math.Sqrt(Math.Max(0.0, 1 - breakNormal[m]));
        breakThreshold[m] = [.. model.Probabilities.Select(p => p <= 0 ? double.NegativeInfinity : p >= 1 ? double.PositiveInfinity : NormalQuantile.Inverse(p))];
        if (model.Of == BreakOf.Contract)
        {
            ContractLevers own = (scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity]) ?? ContractLevers.None;
            ContractLevers[] Row(ContractLevers levers) => [.. months.Select(at => levers with { BreakMonths = at }), levers with { BreakMonths = null }];
            breakRenewalsDrawn[m] = drawsRenewals;
            breakLevers[m] = drawsRenewals
                ? [.. Enumerable.Range(0, deal.Contracts[model.Entity].RenewalCount + 1).SelectMany(t => Row(own with { RenewalsTaken = t }))]
                : Row(own);
        }
    }

    /// <summary>
    /// Each drawn break, after every other draw of the path, a dated default's drawn recovery's too (so no other draw
    /// moves): its dates in order, date j taken when none before was and √(1 − v) ε_j + Σ β_k Z_k &lt; Φ⁻¹(p_j), v the
    /// loaded variance as a drawn renewal's and ε_j a normal of its own. Every date draws its normal, taken or not, so the
    /// stream's place after a break does not depend on its outcome, and a Sobol point has a fixed dimension per date
    /// (after the drawn delays). The month taken goes where a fixed <c>breaks at</c> puts it, so the deterministic code
    /// breaks the lease or contract (a default on or before it coming first).
    /// </summary>
    void DrawBreaks(ref PathStream rng, Work w, uint point)
    {
        int dimension = breakDimension;
        for (int m = 0; m < breaks.Length; m++)
        {
            if (breaks[m].Renewal == 0)
            {
                DrawBreak(ref rng, w, point, m, ref dimension, entered: true);
            }
        }
    }

    /// <summary>
    /// Each renewal term's drawn break (<c>L breaks drawn in renewal k at …</c>), after every other draw of the path, the
    /// drawn workout lags' too (so adding one moves no other number a path draws), drawn as an initial term's is
    /// (<see cref="DrawBreaks"/>): every date draws its normal, but a path that takes fewer than k renewals (fixed, or as
    /// <see cref="DrawRenewals"/> drew them) never breaks in renewal k. Under <c>sobol</c>, its dates' dimensions follow
    /// the drawn workout lags'.
    /// </summary>
    void DrawRenewalBreaks(ref PathStream rng, Work w, uint point)
    {
        int dimension = renewalBreakDimension;
        for (int m = 0; m < breaks.Length; m++)
        {
            BreakModel model = breaks[m];
            if (model.Renewal > 0)
            {
                // The path's own count: fixed, or as DrawRenewals drew it (a lease's, or a contract's levers).
                int taken = model.Of == BreakOf.Lease
                    ? w.Scenario.RenewalsTaken[model.Entity] ?? 0
                    : w.Scenario.Contracts.Length == 0 ? 0 : w.Scenario.Contracts[model.Entity]?.RenewalsTaken ?? 0;
                DrawBreak(ref rng, w, point, m, ref dimension, entered: taken >= model.Renewal);
            }
        }
    }

    /// <summary>Drawn break <paramref name="m"/> on the path: its dates' normals, the first date taken written where a
    /// fixed <c>breaks at</c> puts it, none unless the path <paramref name="entered"/> the term the dates are in.</summary>
    void DrawBreak(ref PathStream rng, Work w, uint point, int m, ref int dimension, bool entered)
    {
        BreakModel model = breaks[m];
        double[] beta = model.Loadings;
        double common = 0;
        for (int f = 0; f < beta.Length; f++)
        {
            common += beta[f] * w.Shock[f];
        }

        double own = OwnWeight(breakOwn[m], breakNormal[m], breakStress[m], w.StressedShare);
        double[] threshold = breakThreshold[m];
        int taken = threshold.Length; // none
        for (int j = 0; j < threshold.Length; j++)
        {
            double eps = sobolShift is null ? rng.Normal() : SobolNormal(point, dimension++);
            if (entered && taken == threshold.Length && (own * eps) + common < threshold[j])
            {
                taken = j;
            }
        }

        w.BreakOutcome[m] = taken;
        if (model.Of == BreakOf.Lease)
        {
            w.Scenario.LeaseBreaks[model.Entity] = taken < threshold.Length ? model.Months[taken] : null;
        }
        else
        {
            // A contract whose renewals are drawn keeps the path's count (DrawRenewals wrote it, before any renewal's break).
            int row = breakRenewalsDrawn[m] ? w.Scenario.Contracts[model.Entity]!.RenewalsTaken * (threshold.Length + 1) : 0;
            w.Scenario.Contracts[model.Entity] = breakLevers[m][row + taken];
        }
    }

    /// <summary>Drawn break <paramref name="model"/>'s kind, name, break dates (months from its start: the initial term's,
    /// or renewal term k's, none when it offers fewer than k renewals) and renewals taken under
    /// <paramref name="scenario"/>; throws when it names no lease or contract of the deal.</summary>
    (string Kind, string Name, int[] Offered, int RenewalsTaken) BreakHolder(DealDescription deal, ScenarioSpec scenario, BreakModel model, int m)
    {
        if (model.Of == BreakOf.Lease && (uint)model.Entity < (uint)deal.Leases.Length)
        {
            LeaseInfo lease = deal.Leases[model.Entity];
            if (model.Entity < scenario.LeaseBreaks.Length && scenario.LeaseBreaks[model.Entity] is not null)
            {
                throw Bad($"lease '{lease.Name}' has both a drawn break and 'breaks at'");
            }

            return ("lease", lease.Name, TermBreaks(model.Renewal, lease.TermMonths, lease.BreakMonths, lease.RenewalCount, lease.RenewalTermMonths, lease.RenewalBreakMonths),
                scenario.RenewalsTaken[model.Entity] ?? 0);
        }

        if (model.Of == BreakOf.Contract && (uint)model.Entity < (uint)deal.Contracts.Length)
        {
            ContractInfo contract = deal.Contracts[model.Entity];
            ContractLevers? levers = scenario.Contracts.Length == 0 ? null : scenario.Contracts[model.Entity];
            if (levers?.BreakMonths is not null)
            {
                throw Bad($"contract '{contract.Name}' has both a drawn break and 'breaks at'");
            }

            return ("contract", contract.Name, TermBreaks(model.Renewal, contract.TermMonths, contract.BreakMonths, contract.RenewalCount, contract.RenewalTermMonths, contract.RenewalBreakMonths),
                levers?.RenewalsTaken ?? 0);
        }

        throw Bad($"its drawn break {m + 1} names {model.Of.ToString().ToLowerInvariant()} {model.Entity}, and the deal has {deal.Leases.Length} leases and {deal.Contracts.Length} contracts");
    }

    /// <summary>Drawn renewals <paramref name="model"/>'s kind, name, renewal options and whether <paramref name="scenario"/>
    /// also fixes its renewals taken; throws when it names no lease or contract of the deal.</summary>
    (string Kind, string Name, int Options, bool FixedToo) RenewalHolder(DealDescription deal, ScenarioSpec scenario, RenewalModel model, int r)
    {
        if (model.Of == BreakOf.Lease && (uint)model.Entity < (uint)deal.Leases.Length)
        {
            LeaseInfo lease = deal.Leases[model.Entity];
            return ("lease", lease.Name, lease.RenewalCount, scenario.RenewalsTaken[model.Entity] is not null);
        }

        if (model.Of == BreakOf.Contract && (uint)model.Entity < (uint)deal.Contracts.Length)
        {
            ContractInfo contract = deal.Contracts[model.Entity];
            int taken = scenario.Contracts.Length == 0 ? 0 : scenario.Contracts[model.Entity]?.RenewalsTaken ?? 0;
            return ("contract", contract.Name, contract.RenewalCount, taken != 0);
        }

        throw Bad($"its drawn renewals {r + 1} name {model.Of.ToString().ToLowerInvariant()} {model.Entity}, and the deal has {deal.Leases.Length} leases and {deal.Contracts.Length} contracts");
    }

    /// <summary>The break dates, in months from the start, of term <paramref name="renewal"/> (0 the initial term, k
    /// renewal term k, starting <paramref name="termMonths"/> + (k − 1) <paramref name="renewalMonths"/> in): none for a
    /// renewal beyond the <paramref name="renewals"/> offered (BreakDates' rule, one renewal term at a time).</summary>
    static int[] TermBreaks(int renewal, int termMonths, int[] termBreaks, int renewals, int renewalMonths, int[] renewalBreaks) =>
        renewal == 0 ? termBreaks
        : renewal > renewals ? []
        : [.. renewalBreaks.Select(at => TermStart(renewal, termMonths, renewalMonths) + at)];

    /// <summary>Months from the start to the start of term <paramref name="renewal"/> (0 the initial term).</summary>
    static int TermStart(int renewal, int termMonths, int renewalMonths) =>
        renewal == 0 ? 0 : termMonths + ((renewal - 1) * renewalMonths);

    /// <summary>
    /// Each drawn lease's (or contract's) renewals taken, in the scenario's order, leases' and contracts' together, after
    /// the drawn defaults' recoveries (so no earlier draw moves): its options in
    /// order, option j taken when the one before was and √(1 − v) ε_j + Σ β_k Z_k &lt; Φ⁻¹(p), v the loaded variance
    /// as a drawn default's (βᵀRβ, with regimes weighted by the path's stressed share) and ε_j a normal of its own. Every
    /// option draws its normal, taken or not, so the stream's place after a lease does not depend on its outcome, and a
    /// Sobol point has a fixed dimension per option (after the factors and the drawn defaults). A lease's count goes where
    /// <c>L renewals taken K</c> puts it, a contract's into its levers as <c>C renewals taken K</c> sets them, so the
    /// deterministic code takes them.
    /// </summary>
    void DrawRenewals(ref PathStream rng, Work w, uint point)
    {
        int dimension = factors.Length + defaults.Length;
        for (int r = 0; r < renewals.Length; r++)
        {
            double[] beta = renewals[r].Loadings;
            double common = 0;
            for (int f = 0; f < beta.Length; f++)
            {
                common += beta[f] * w.Shock[f];
            }

            double own = OwnWeight(renewalOwn[r], renewalNormal[r], renewalStress[r], w.StressedShare);
            int taken = 0;
            bool renewing = true;
            for (int j = 0; j < renewalOptions[r]; j++)
            {
                double eps = sobolShift is null ? rng.Normal() : SobolNormal(point, dimension++);
                renewing = renewing && (own * eps) + common < renewalThreshold[r];
                taken += renewing ? 1 : 0;
            }

            if (renewals[r].Of == BreakOf.Lease)
            {
                w.Scenario.RenewalsTaken[renewals[r].Entity] = taken;
            }
            else
            {
                w.Scenario.Contracts[renewals[r].Entity] = renewalLevers[r]![taken];
            }
        }
    }
}
