using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// Re-lets' utilisations drawn per path (docs/language.md §5, "drawn-relet-utilisation"): `H100s relet after 3m at beta
// mean 60% sd 15% [loading F γ]…` (or `rising to beta …`, or a scenario's `enforcement relet idle at beta …`), each a
// beta variate loaded on the factors as a drawn share is: the share's machinery (BetaVariate, LoadedRecovery), another target.
public sealed partial class StochasticPaths
{
    /// <summary>Drawn re-let utilisation <paramref name="m"/>, checked against the deal and the scenario (its contract is
    /// the deal's and the scenario re-lets it, or the scenario re-lets idle units; a ramp's end only on a ramp; its beta
    /// exists: the compiler's DL0526; its loadings fit: DL0533, DL0534), into its copula (null unloaded).</summary>
    void SetUpReletUtilisation(DealDescription deal, ScenarioSpec scenario, int k, CorrelationSpec? correlation, int m)
    {
        ReletUtilisationModel model = reletUtilisations[m];
        string holder;
        bool ramps, curved;
        if (model.Contract is { } c)
        {
            if ((uint)c >= (uint)deal.Contracts.Length)
            {
                throw Bad($"its drawn re-let utilisation names contract {c}, and the deal has {deal.Contracts.Length}");
            }

            holder = $"contract '{deal.Contracts[c].Name}''s re-let";
            if ((scenario.Contracts.Length == 0 ? null : scenario.Contracts[c]) is not { Relet: true } levers)
            {
                throw Bad($"{holder} has a drawn utilisation, and the scenario does not re-let it");
            }

            ramps = levers.ReletRampMonths > 0;
            curved = levers.ReletCurve is not null;
        }
        else
        {
            holder = "the enforcement re-let of idle units";
            if (scenario.EnforcementReletUtilisation is not > 0)
            {
                throw Bad($"{holder} has a drawn utilisation, and the scenario does not re-let idle units");
            }

            ramps = scenario.EnforcementReletRampMonths > 0;
            curved = scenario.EnforcementReletCurve is not null;
        }

        // A curve's levels are fixed (DL0514 in a deal): a draw would be read nowhere, the curve in its place.
        if (curved)
        {
            throw Bad($"{holder} has a drawn utilisation, and it follows a curve, whose levels are fixed");
        }

        if (model.RampEnd && !ramps)
        {
            throw Bad($"{holder} draws its ramp's end, and it has no ramp");
        }

        if (model.Utilisation is not { } beta || !(beta.Mean > 0 && beta.Mean < 1 && beta.Sd > 0 && beta.Sd * beta.Sd < beta.Mean * (1 - beta.Mean)))
        {
            throw Bad($"{holder}'s drawn utilisation (mean {model.Utilisation?.Mean}, sd {model.Utilisation?.Sd}) is not a beta distribution");
        }

        loadedRelets[m] = LoadedRecovery.Of(beta, "", k, correlation, lowerStress is not null, Bad, $"{holder}'s drawn utilisation");
    }

    /// <summary>
    /// Each drawn re-let utilisation, after every other draw of the path, the drawn shares' too (so a scenario without one
    /// draws exactly what it drew before they existed): the beta variate of its mean and sd from the path's stream
    /// (<see cref="BetaVariate"/>, its two gamma variates' normals and uniforms), turned through its copula when loaded
    /// (<see cref="LoadedRecovery"/>, drawing nothing more), written in the scenario's slot for the path building
    /// (ContractRelets, SaleTerms) to read in place of the utilisation written. A draw that double rounds to 0 (a beta
    /// nearly all at 0) is kept at the least positive double: a sale reads a re-let at 0 as none (its units offered at
    /// once), where a re-let that earns nothing still holds its units for its window. Under <c>sobol</c> it still draws
    /// from the stream, as a drawn share does.
    /// </summary>
    void DrawReletUtilisations(ref PathStream rng, Work w)
    {
        for (int m = 0; m < reletUtilisations.Length; m++)
        {
            ReletUtilisationModel model = reletUtilisations[m];
            double r = BetaVariate.Draw(ref rng, model.Utilisation);
            r = loadedRelets[m] is { } loaded ? loaded.Draw(r, w.Shock, w.StressedShare) : r;
            w.Scenario.ReletUtilisationsDrawn[ScenarioSpec.ReletDrawSlot(model.Contract, model.RampEnd, Deal.Contracts.Length)] = Math.Max(r, double.Epsilon);
        }
    }

    /// <summary>Drawn re-let utilisation <paramref name="m"/>'s name in a path's row: <c>C relet utilisation</c> (its
    /// level, or its ramp's start) or <c>C relet rising to</c> (its ramp's end), <c>enforcement relet …</c> for the
    /// scenario's re-let of idle units.</summary>
    internal string ReletUtilisationName(int m)
    {
        ReletUtilisationModel model = reletUtilisations[m];
        string holder = model.Contract is { } c ? Deal.Contracts[c].Name : "enforcement";
        return holder + (model.RampEnd ? " relet rising to" : " relet utilisation");
    }

    /// <summary>The scenario's drawn re-let utilisations, in the order written.</summary>
    internal ReletUtilisationModel[] ReletUtilisations => reletUtilisations;
}
