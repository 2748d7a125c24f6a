using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// A scenario of the chain's top deal as a scenario of another entity (docs/language.md §10, "Scenarios in
/// a chain"): the entity's own scenario of the same name if it declares one, else the entity as written, with the
/// top's levers on every party and index the entity has (matched by name: Meta is one Meta in every deal that names
/// it) laid over it — a default date, a drawn recovery, a guarantor's honour or disowning, an index's level, drift, points, launches or shift — and the
/// top's market-rent deflation when it sets one. Levers on the top's own leases, facilities, contracts and sales stay
/// the top's. Worked out once per scenario, never per path. An own scenario that is stochastic is not a path
/// (a chain runs deterministic scenarios): the entity then runs as written.
/// </summary>
public static class ChainScenarios
{
    public static ScenarioSpec For(DealDescription entity, IReadOnlyList<ScenarioSpec> own, DealDescription top, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(scenario);
        // An entity's own stochastic scenario of that name is not a path (a chain runs deterministic scenarios): as written.
        ScenarioSpec baseline = own.FirstOrDefault(s => string.Equals(s.Name, scenario.Name, StringComparison.Ordinal) && s.Stochastic is null)
            ?? ScenarioSpec.AsWritten(entity);

        var defaults = (Date?[])baseline.PartyDefaults.Clone();
        var recoveries = new double?[entity.Parties.Length];
        var guarantors = new GuarantorLevers?[entity.Parties.Length];
        for (int p = 0; p < entity.Parties.Length; p++)
        {
            recoveries[p] = p < baseline.PartyRecoveries.Length ? baseline.PartyRecoveries[p] : null;
            guarantors[p] = p < baseline.Guarantors.Length ? baseline.Guarantors[p] : null;
            int q = Array.FindIndex(top.Parties, x => x.Name == entity.Parties[p].Name);
            if (q < 0)
            {
                continue;
            }

            // a guarantor honouring or disowning its guarantees does so in every entity it guarantees in
            if (q < scenario.Guarantors.Length && scenario.Guarantors[q] is { } levers)
            {
                guarantors[p] = levers;
            }

            if (scenario.PartyDefaults[q] is { } date)
            {
                defaults[p] = date;
            }

            if (q < scenario.PartyRecoveries.Length && scenario.PartyRecoveries[q] is { } recovery)
            {
                recoveries[p] = recovery;
            }
        }

        var indices = new IndexOverride?[entity.Indices.Length];
        for (int i = 0; i < entity.Indices.Length; i++)
        {
            indices[i] = i < baseline.Indices.Length ? baseline.Indices[i] : null;
            int j = Array.FindIndex(top.Indices, x => x.Name == entity.Indices[i].Name);
            if (j >= 0 && j < scenario.Indices.Length && scenario.Indices[j] is { } levers)
            {
                indices[i] = levers;
            }
        }

        return baseline with
        {
            Name = scenario.Name,
            PartyDefaults = defaults,
            MarketRentDeflation = scenario.MarketRentDeflation != 0 ? scenario.MarketRentDeflation : baseline.MarketRentDeflation,
            Indices = indices.All(x => x is null) ? [] : indices,
            PartyRecoveries = recoveries.All(x => x is null) ? [] : recoveries,
            Guarantors = guarantors.All(x => x is null) ? [] : guarantors,
        };
    }
}
