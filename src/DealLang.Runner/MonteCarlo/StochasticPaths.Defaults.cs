using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// Drawn default times and drawn recoveries (docs/language.md §10, "Defaults"): each default's hazard and copula, set up
// once, and each path's default dates and recoveries, a drawn default's and a dated default's.
public sealed partial class StochasticPaths
{
    /// <summary>Drawn default <paramref name="d"/>, checked, into the per-default arrays the constructor made (its
    /// loaded variances, hazard pieces, recovery draw and own weight): the constructor's work for one default, kept with its
    /// draws. Returns its <see cref="DefaultInputs"/> entry.</summary>
    PartyDefaultInput SetUpDefault(DealDescription deal, ScenarioSpec scenario, StochasticSpec s, int k, int d, double toMaturity)
    {
        DefaultModel model = defaults[d];
        if ((uint)model.Party >= (uint)deal.Parties.Length)
        {
            throw Bad($"its default model {d + 1} names party {model.Party}, and the deal has {deal.Parties.Length}");
        }

        string party = deal.Parties[model.Party].Name;
        if (!(model.AnnualPd > 0 && model.AnnualPd < 1))
        {
            throw Bad($"party '{party}' has an annual PD of {model.AnnualPd}, not in (0%, 100%)");
        }

        if (scenario.PartyDefaults[model.Party] is not null)
        {
            throw Bad($"party '{party}' has both a drawn default time and a default date ('defaults on')");
        }

        if (model.Loadings is null || model.Loadings.Length != k)
        {
            throw Bad($"party '{party}' has {model.Loadings?.Length ?? 0} factor loadings, and the scenario has {k} factors");
        }

        if (!Array.TrueForAll(model.Loadings, double.IsFinite))
        {
            throw Bad($"party '{party}' has a loading that is not a number");
        }

        // Σ β_k Z_k has variance βᵀRβ, not Σβ², when the factors are correlated: the idiosyncratic weight is what
        // makes Z a standard normal, so that the default time keeps its PD (docs/language.md §10, "Defaults").
        (loadedNormal[d], loadedStress[d]) = FactorCopula.Variances(model.Loadings, $"party '{party}''s", "β", s.Correlation, lowerStress is not null, Bad);

        PdStep[] steps = model.Steps ?? [];
        segmentStart[d] = new double[steps.Length + 1];
        hazard[d] = new double[steps.Length + 1];
        cumulative[d] = new double[steps.Length + 1];
        hazard[d][0] = -Math.Log(1 - model.AnnualPd);
        for (int i = 0; i < steps.Length; i++)
        {
            double start = Date.DaysBetween(deal.Closing, steps[i].From) / 365.0;
            if (!(start > segmentStart[d][i]) || !(steps[i].AnnualPd > 0 && steps[i].AnnualPd < 1))
            {
                throw Bad($"party '{party}''s PD term structure is not dated after the closing in increasing order with PDs in (0%, 100%)");
            }

            segmentStart[d][i + 1] = start;
            hazard[d][i + 1] = -Math.Log(1 - steps[i].AnnualPd);
            cumulative[d][i + 1] = cumulative[d][i] + (hazard[d][i] * (start - segmentStart[d][i]));
        }

        if (model.Recovery is { } drawnRecovery)
        {
            (loadedRecoveries[d], outcomeRecoveries[d]) = RecoveryDraws(drawnRecovery, party, k, s.Correlation, lowerStress is not null);
        }

        idiosyncratic[d] = Math.Sqrt(Math.Max(0.0, 1 - loadedNormal[d]));
        return new PartyDefaultInput(party, model.Party, model.AnnualPd, -double.ExpM1(-CumulativeHazard(d, toMaturity)));
    }

    /// <summary>Dated recovery <paramref name="m"/>, checked, into the per-recovery arrays the constructor made (its
    /// copula or outcomes): the constructor's work for one dated default's drawn recovery, kept with its draw.</summary>
    void SetUpDatedRecovery(DealDescription deal, ScenarioSpec scenario, StochasticSpec s, int k, int m)
    {
        RecoveryModel model = datedRecoveries[m];
        if ((uint)model.Party >= (uint)deal.Parties.Length)
        {
            throw Bad($"its drawn recovery names party {model.Party}, and the deal has {deal.Parties.Length}");
        }

        string party = deal.Parties[model.Party].Name;
        if (scenario.PartyDefaults[model.Party] is null)
        {
            throw Bad($"party '{party}' has a drawn recovery and no default date ('defaults on')");
        }

        if (model.Recovery is null)
        {
            throw Bad($"party '{party}''s drawn recovery has no distribution");
        }

        (loadedDatedRecoveries[m], outcomeDatedRecoveries[m]) = RecoveryDraws(model.Recovery, party, k, s.Correlation, lowerStress is not null);
    }

    /// <summary>Each dated default's drawn recovery, after every other draw of the path (so no other draw moves): a beta
    /// variate (<see cref="BetaVariate"/>) in place of the party's recovery, exactly as a drawn default's is drawn (and,
    /// loaded on the factors, turned as one is: <see cref="LoadedRecovery"/>).</summary>
    void DrawDatedRecoveries(ref PathStream rng, Work w)
    {
        for (int m = 0; m < datedRecoveries.Length; m++)
        {
            w.Scenario.PartyRecoveries[datedRecoveries[m].Party] = DrawRecovery(ref rng, w, datedRecoveries[m].Recovery, loadedDatedRecoveries[m], outcomeDatedRecoveries[m]);
        }
    }

    /// <summary>One drawn recovery: from outcomes, the quantile of one uniform (<see cref="RecoveryOutcomeDraw"/>); a
    /// beta, its variate (<see cref="BetaVariate"/>), turned through its copula when loaded (<see cref="LoadedRecovery"/>).</summary>
    static double DrawRecovery(ref PathStream rng, Work w, RecoveryDraw recovery, LoadedRecovery? loaded, RecoveryOutcomeDraw? outcomes)
    {
        if (outcomes is not null)
        {
            return outcomes.Draw(ref rng, w.Shock, w.StressedShare);
        }

        double r = BetaVariate.Draw(ref rng, (RecoveryBeta)recovery);
        return loaded is { } l ? l.Draw(r, w.Shock, w.StressedShare) : r;
    }

    /// <summary>A drawn recovery's per-source draw: a beta's copula (null unloaded) and no outcomes, or outcomes' draw;
    /// throws for a beta that cannot exist or outcomes that are not a distribution (the compiler's DL0541, DL0552-DL0554).</summary>
    (LoadedRecovery? Loaded, RecoveryOutcomeDraw? Outcomes) RecoveryDraws(RecoveryDraw recovery, string party, int k, CorrelationSpec? correlation, bool regimes)
    {
        switch (recovery)
        {
            case RecoveryOutcomes outcomes:
                return (null, RecoveryOutcomeDraw.Of(outcomes, party, k, correlation, regimes, Bad));
            case RecoveryBeta r when r.Mean > 0 && r.Mean < 1 && r.Sd > 0 && r.Sd * r.Sd < r.Mean * (1 - r.Mean):
                return (LoadedRecovery.Of(r, party, k, correlation, regimes, Bad), null);
            case RecoveryBeta r:
                throw Bad($"party '{party}''s drawn recovery (mean {r.Mean}, sd {r.Sd}) is not a beta distribution");
            default:
                throw Bad($"party '{party}''s drawn recovery is of a kind the runner does not know ({recovery.GetType().Name})");
        }
    }

    /// <summary>The closing plus <paramref name="days"/> (at least 1) when that is within <paramref name="lastDay"/>
    /// days of the closing; else none.</summary>
    Date? DefaultDate(double days, int lastDay) => days <= lastDay ? Deal.Closing.AddDays((int)Math.Max(1.0, days)) : null;

    /// <summary>Each drawn party's default date: Z = Σ β_k Z_k + √(1 − v) η, v the variance of Σ β_k Z_k given the
    /// path's regimes (βᵀRβ with one regime; with regimes, the normal one's and the stress one's weighted by the share
    /// of the path's shock variance drawn in each, Σ_t Δ_t / T over the stressed periods), so that Z is a standard
    /// normal; the survival draw S = Φ(−Z) (a uniform), the time τ with H(τ) = −ln S (a constant hazard:
    /// τ = ln S / ln(1 − PD) years), and the date closing + ⌈365 τ⌉ days when it falls in the run.</summary>
    void DrawDefaults(ref PathStream rng, Work w, uint point)
    {
        Date?[] dates = w.Scenario.PartyDefaults;
        int k = factors.Length;
        for (int d = 0; d < defaults.Length; d++)
        {
            double[] beta = defaults[d].Loadings;
            double eta = sobolShift is null ? rng.Normal() : SobolNormal(point, k + d);
            double weightOwn = OwnWeight(idiosyncratic[d], loadedNormal[d], loadedStress[d], w.StressedShare);
            double z = weightOwn * eta;
            for (int f = 0; f < beta.Length; f++)
            {
                z += beta[f] * w.Shock[f];
            }

            double survival = NormalQuantile.Cdf(-z);
            double years = Time(d, -Math.Log(survival));
            double days = Math.Ceiling(years * 365.0);
            w.DefaultDays[d] = days;
            dates[defaults[d].Party] = DefaultDate(days, horizonDays);
        }
    }

    /// <summary>Each drawn recovery, after every default time (so the default times do not depend on whether a
    /// recovery is drawn): a beta variate (<see cref="BetaVariate"/>) in place of the party's recovery; loaded on the
    /// factors, that variate's uniform mixed with their path shocks (<see cref="LoadedRecovery"/>), drawing nothing more,
    /// so the draws after it are the same whether or not it is loaded.</summary>
    void DrawRecoveries(ref PathStream rng, Work w)
    {
        for (int d = 0; d < defaults.Length; d++)
        {
            if (defaults[d].Recovery is { } recovery)
            {
                w.Scenario.PartyRecoveries[defaults[d].Party] = DrawRecovery(ref rng, w, recovery, loadedRecoveries[d], outcomeRecoveries[d]);
            }
        }
    }

    /// <summary>A copula's own weight √(1 − v) on a path (a drawn default's or a drawn renewal's), v the loaded variance
    /// weighted by the path's stressed share: <paramref name="ownNormal"/>, worked out once, where one regime's loadings
    /// (or none of the loaded factors' correlations moving) leave v the same.</summary>
    internal static double OwnWeight(double ownNormal, double loadedNormal, double loadedStress, double stressedShare) =>
        loadedStress == loadedNormal
            ? ownNormal
            : Math.Sqrt(Math.Max(0.0, 1 - (loadedNormal + (stressedShare * (loadedStress - loadedNormal)))));

    /// <summary>The cumulative hazard H(t) of drawn default <paramref name="d"/> at <paramref name="years"/>.</summary>
    double CumulativeHazard(int d, double years)
    {
        double[] start = segmentStart[d];
        int i = start.Length - 1;
        while (i > 0 && start[i] > years)
        {
            i--;
        }

        return cumulative[d][i] + (hazard[d][i] * (years - start[i]));
    }

    /// <summary>τ with H(τ) = <paramref name="target"/>: within the last piece whose start H reaches, linear in it.</summary>
    double Time(int d, double target)
    {
        double[] cum = cumulative[d];
        int i = cum.Length - 1;
        while (i > 0 && cum[i] > target)
        {
            i--;
        }

        return segmentStart[d][i] + ((target - cum[i]) / hazard[d][i]);
    }
}
