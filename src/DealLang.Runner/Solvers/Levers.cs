using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// Reads a lever's text against a deal's names: <c>Facility.value deflate</c>, <c>market_rent deflate</c>,
/// <c>Index deflate</c>, <c>Index level</c>, <c>Index shift</c>, <c>enforcement haircut</c>,
/// <c>Contract utilisation</c> (scenario levers, <see cref="Scenario"/>) and <c>Lease.rent</c>, <c>Facility.value</c>
/// (inputs a hurdle scales, and <c>Party.recovery</c>, which it replaces: <see cref="Input"/>). The scenario lever's text is checked by the scenario language first
/// (the CLI compiles it as a scenario item, so a mistake in it is reported like one); what is left here is which
/// entity and slot it moves. A text that names nothing here is a <see cref="SolveUsageException"/>.
/// </summary>
public static class Levers
{
    /// <summary>The scenario levers a break-even may move, by their words after the name.</summary>
    public static readonly string[] ScenarioForms =
        ["F.value deflate", "market_rent deflate", "I deflate", "I level", "I shift", "enforcement haircut", "C utilisation"];

    public static Lever Scenario(DealDescription deal, string text)
    {
        ArgumentNullException.ThrowIfNull(deal);
        string[] words = Words(text);
        if (words is ["market_rent", "deflate"])
        {
            return new MarketRentDeflateLever(text);
        }

        if (words is ["enforcement", "haircut"])
        {
            return new EnforcementHaircutLever(text);
        }

        if (words is [var target, "deflate"] && target.EndsWith(".value", StringComparison.Ordinal))
        {
            return new FacilityDeflateLever(text, Find(deal.Facilities.Select(f => f.Name), target[..^".value".Length], "facility", deal));
        }

        if (words is [var index, "deflate" or "level" or "shift"] && Array.FindIndex(deal.Indices, i => i.Name == index) is var i && i >= 0)
        {
            IndexLeverKind kind = words[1] switch { "deflate" => IndexLeverKind.Deflate, "level" => IndexLeverKind.Level, _ => IndexLeverKind.Shift };
            return new IndexLever(text, i, kind) { Count = deal.Indices.Length };
        }

        if (words is [var contract, "utilisation"])
        {
            return new ContractUtilisationLever(text, Find(deal.Contracts.Select(c => c.Name), contract, "contract", deal), deal.Contracts.Length);
        }

        if (words is [_, "deflate" or "level" or "shift"])
        {
            Find(deal.Indices.Select(x => x.Name), words[0], "index", deal);
        }

        throw new SolveUsageException(
            $"'{text}' is not a lever a break-even can move; one of: {string.Join(", ", ScenarioForms)} (F a facility, I an index, C a contract)");
    }

    /// <summary>
    /// Whose scenario a break-even's lever on a chain (<paramref name="entities"/> in run order, the top deal last)
    /// moves: the top's (null; laid over every entity, as a chain's scenario is) unless it names a facility's value
    /// (<c>F.value deflate</c>) or a contract's utilisation (<c>C utilisation</c>) that only a held deal declares, or
    /// names that deal (<c>Hyperion.Campus.value deflate</c>), as it must when two held deals declare the name. Returns
    /// the entity and the lever's text without the deal's name, as that deal's own scenario would write it.
    /// </summary>
    public static (int? Entity, string Item) ScenarioTarget(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        DealDescription top = entities[^1];
        string[] words = Words(text);
        if (words is not [var target, var verb] || verb is not ("deflate" or "utilisation"))
        {
            return (null, text);
        }

        bool facility = verb == "deflate";
        string[] parts = target.Split('.');
        if (facility ? parts is [_, _, "value"] : parts is [_, _])
        {
            int e = Array.FindIndex([.. entities], d => d.Name == parts[0]);
            if (e < 0)
            {
                throw new SolveUsageException(
                    $"'{text}' names deal '{parts[0]}', which is not in deal {top.Name}'s chain; its deals: {string.Join(", ", entities.Select(d => d.Name))}");
            }

            string item = $"{string.Join('.', parts[1..])} {verb}";
            return (e == entities.Count - 1 ? null : e, item);
        }

        if (facility ? parts is not [_, "value"] : parts is not [_])
        {
            return (null, text); // not a held deal's: the top's check says what is wrong
        }

        string name = parts[0];
        bool Declares(DealDescription d) => facility ? d.Facilities.Any(f => f.Name == name) : d.Contracts.Any(c => c.Name == name);
        if (Declares(top))
        {
            return (null, text);
        }

        int[] holders = [.. Enumerable.Range(0, entities.Count - 1).Where(e => Declares(entities[e]))];
        return holders switch
        {
            [var e] => (e, string.Join(' ', words)),
            [] => (null, text),
            _ => throw new SolveUsageException(
                $"'{text}' is declared by several deals of the chain; say whose: {string.Join(", ", holders.Select(e => $"{entities[e].Name}.{string.Join(' ', words)}"))}"),
        };
    }

    /// <summary>A break-even's lever on a chain, read against the deal <see cref="ScenarioTarget"/> finds: the top's,
    /// or a held deal's own facility or contract (its <see cref="Lever.Entity"/> set, its text naming the deal).</summary>
    public static Lever ChainScenario(IReadOnlyList<DealDescription> entities, string text)
    {
        (int? entity, string item) = ScenarioTarget(entities, text);
        return entity is { } e
            ? Scenario(entities[e], item) with { Text = $"{entities[e].Name}.{item}", Entity = e }
            : Scenario(entities[^1], item);
    }

    /// <summary>An input a hurdle moves: <c>Lease.rent</c> or <c>Facility.value</c> (scaled), <c>Party.recovery</c> (replaced).</summary>
    public static Lever Input(DealDescription deal, string text)
    {
        ArgumentNullException.ThrowIfNull(deal);
        string[] words = Words(text);
        if (words is [var name] && name.EndsWith(".rent", StringComparison.Ordinal))
        {
            return new LeaseRentScale(text, Find(deal.Leases.Select(l => l.Name), name[..^".rent".Length], "lease", deal));
        }

        if (words is [var value] && value.EndsWith(".value", StringComparison.Ordinal))
        {
            return new FacilityValueScale(text, Find(deal.Facilities.Select(f => f.Name), value[..^".value".Length], "facility", deal));
        }

        if (words is [var recovery] && recovery.EndsWith(".recovery", StringComparison.Ordinal))
        {
            int party = Find(deal.Parties.Select(p => p.Name), recovery[..^".recovery".Length], "party", deal);
            return new PartyRecoveryLever(text, party, deal.Parties.Length, deal.Parties[party].Recovery);
        }

        throw new SolveUsageException(
            $"'{text}' is not an input a hurdle can move; one of: L.rent (a lease's rent), F.value (a facility's value), P.recovery (a party's recovery)");
    }

    /// <summary>
    /// An input a hurdle moves on a chain (<paramref name="entities"/> in run order, the top deal last): the top deal's
    /// own input as <see cref="Input"/> reads it; else a lease's rent or a facility's value of a held deal, written
    /// <c>Lease.rent</c> when one entity declares it or <c>Deal.Lease.rent</c> to say whose. The lever then scales that
    /// entity's rows (<see cref="Lever.Entity"/>), and its text is the qualified one.
    /// </summary>
    public static Lever ChainInput(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        DealDescription top = entities[^1];
        string[] words = Words(text);
        string[] parts = words is [var one] ? one.Split('.') : [];
        if (parts is [var dealName, var item, "rent" or "value"])
        {
            int e = Array.FindIndex([.. entities], d => d.Name == dealName);
            if (e < 0)
            {
                throw new SolveUsageException(
                    $"'{text}' names deal '{dealName}', which is not in deal {top.Name}'s chain; its deals: {string.Join(", ", entities.Select(d => d.Name))}");
            }

            return InEntity(entities, e, $"{item}.{parts[2]}");
        }

        try
        {
            return Input(top, text);
        }
        catch (SolveUsageException) when (parts is [var name, "rent" or "value"])
        {
            bool rent = parts[1] == "rent";
            int[] holders = [.. Enumerable.Range(0, entities.Count - 1)
                .Where(e => rent ? entities[e].Leases.Any(l => l.Name == name) : entities[e].Facilities.Any(f => f.Name == name))];
            return holders switch
            {
                [var e] => InEntity(entities, e, text.Trim()),
                [] => throw new SolveUsageException(rent
                    ? $"unknown lease '{name}': no deal in deal {top.Name}'s chain declares it (its deals: {string.Join(", ", entities.Select(d => d.Name))})"
                    : $"unknown facility '{name}': no deal in deal {top.Name}'s chain declares it (its deals: {string.Join(", ", entities.Select(d => d.Name))})"),
                _ => throw new SolveUsageException(
                    $"'{text}' is declared by several deals of the chain; say whose: {string.Join(", ", holders.Select(e => $"{entities[e].Name}.{text.Trim()}"))}"),
            };
        }
    }

    // A held deal's input: read against that deal, scaling its rows.
    static Lever InEntity(IReadOnlyList<DealDescription> entities, int e, string input)
    {
        Lever lever = Input(entities[e], input);
        return e == entities.Count - 1 ? lever : lever with { Text = $"{entities[e].Name}.{input}", Entity = e };
    }

    static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static int Find(IEnumerable<string> names, string name, string kind, DealDescription deal)
    {
        if (name.Length == 0)
        {
            throw new SolveUsageException($"no {kind} is named before the dot; write the {kind}'s name first (deal {deal.Name}'s {kind} names: {string.Join(", ", names.DefaultIfEmpty("none"))})");
        }

        string[] all = [.. names];
        int i = Array.IndexOf(all, name);
        return i >= 0
            ? i
            : throw new SolveUsageException(all.Length == 0
                ? $"deal {deal.Name} has no {kind}, so '{name}' names none"
                : $"unknown {kind} '{name}'; deal {deal.Name} has: {string.Join(", ", all)}");
    }
}

/// <summary>A mistake in what the user asked a solver (a lever, a condition, an option): a usage error, exit 2.</summary>
public sealed class SolveUsageException(string message) : Exception(message);

/// <summary>No root in the range searched: the message names the range and the objective at its ends (exit 4).</summary>
public sealed class NoSolutionException(string message) : Exception(message);
