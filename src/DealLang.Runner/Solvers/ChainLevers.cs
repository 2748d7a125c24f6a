using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// A solver's lever on a chain (a deal that holds others; docs/cli.md, "solve"), read against its deals in run order,
/// the top deal last: the top's own (<see cref="Levers"/>, laid over every entity as a chain's scenario is), or a held
/// deal's own lease, facility or contract, named alone when one held deal declares it or as <c>Deal.Name</c> to say
/// whose. A held deal's lever has its <see cref="Lever.Entity"/> set and its text names the deal.
/// </summary>
public static class ChainLevers
{
    /// <summary>
    /// Whose scenario a break-even's lever on a chain (<paramref name="entities"/> in run order, the top deal last)
    /// moves: the top's (null; laid over every entity, as a chain's scenario is) unless it names a facility's value
    /// (<c>F.value deflate</c>, <c>F.value grow</c>) or a contract's utilisation (<c>C utilisation</c>) that only a held deal declares, or
    /// names that deal (<c>Hyperion.Campus.value deflate</c>), as it must when two held deals declare the name. Returns
    /// the entity and the lever's text without the deal's name, as that deal's own scenario would write it.
    /// </summary>
    public static (int? Entity, string Item) ScenarioTarget(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        DealDescription top = entities[^1];
        string[] words = Levers.Words(text);
        if (words is not [var target, var verb] || verb is not ("deflate" or "grow" or "utilisation"))
        {
            return (null, text);
        }

        bool facility = verb is "deflate" or "grow";
        string[] parts = target.Split('.');
        if (facility ? parts is [_, _, "value"] : parts is [_, _])
        {
            int e = EntityNamed(entities, parts[0], text);

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

        return HeldBy(entities, Declares) switch
        {
            [var e] => (e, string.Join(' ', words)),
            [] => (null, text),
            var holders => throw Ambiguous(entities, holders, text, string.Join(' ', words)),
        };
    }

    /// <summary>A break-even's lever on a chain, read against the deal <see cref="ScenarioTarget"/> finds: the top's,
    /// or a held deal's own facility or contract (its <see cref="Lever.Entity"/> set, its text naming the deal).</summary>
    public static Lever ChainScenario(IReadOnlyList<DealDescription> entities, string text)
    {
        (int? entity, string item) = ScenarioTarget(entities, text);
        return entity is { } e
            ? Levers.Scenario(entities[e], item) with { Text = $"{entities[e].Name}.{item}", Entity = e }
            : Levers.Scenario(entities[^1], item);
    }

    /// <summary>
    /// An input a hurdle moves on a chain (<paramref name="entities"/> in run order, the top deal last): the top deal's
    /// own input as <see cref="Levers.Input"/> reads it; else a lease's rent or a facility's value of a held deal, written
    /// <c>Lease.rent</c> when one entity declares it or <c>Deal.Lease.rent</c> to say whose. The lever then scales that
    /// entity's rows (<see cref="Lever.Entity"/>), and its text is the qualified one.
    /// </summary>
    public static Lever ChainInput(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        DealDescription top = entities[^1];
        string[] words = Levers.Words(text);
        string[] parts = words is [var one] ? one.Split('.') : [];
        if (parts is [var dealName, var item, "rent" or "value"])
        {
            int e = EntityNamed(entities, dealName, text);

            return InEntity(entities, e, $"{item}.{parts[2]}");
        }

        try
        {
            return Levers.Input(top, text);
        }
        catch (SolveUsageException) when (parts is [var name, "rent" or "value"])
        {
            bool rent = parts[1] == "rent";
            return HeldBy(entities, d => rent ? d.Leases.Any(l => l.Name == name) : d.Facilities.Any(f => f.Name == name)) switch
            {
                [var e] => InEntity(entities, e, text.Trim()),
                [] => throw new SolveUsageException(
                    $"unknown {(rent ? "lease" : "facility")} '{name}': no deal in deal {top.Name}'s chain declares it (its deals: {Names(entities)})"),
                var holders => throw Ambiguous(entities, holders, text, text.Trim()),
            };
        }
    }

    // A held deal's input: read against that deal, scaling its rows.
    static Lever InEntity(IReadOnlyList<DealDescription> entities, int e, string input)
    {
        Lever lever = Levers.Input(entities[e], input);
        return e == entities.Count - 1 ? lever : lever with { Text = $"{entities[e].Name}.{input}", Entity = e };
    }

    /// <summary>A tranche a fair spread prices on a chain: the top's own, else a held deal's, named alone when one held
    /// deal declares it or as <c>Deal.Tranche</c> (<c>Hyperion.Notes</c>). Returns the entity (run order, the top last)
    /// and the tranche's index in that deal.</summary>
    public static (int Entity, int Tranche) Tranche(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        DealDescription top = entities[^1];
        string[] parts = text.Trim().Split('.');
        if (parts is [var deal, var qualified])
        {
            int e = EntityNamed(entities, deal, text);
            return (e, TrancheOf(entities[e], qualified));
        }

        int own = Array.FindIndex(top.Tranches, t => t.Name == text.Trim());
        if (own >= 0)
        {
            return (entities.Count - 1, own);
        }

        return HeldBy(entities, d => d.Tranches.Any(t => t.Name == text.Trim())) switch
        {
            [var e] => (e, TrancheOf(entities[e], text.Trim())),
            [] => throw new SolveUsageException(UnknownTranche(entities, text)),
            var holders => throw Ambiguous(entities, holders, text, text.Trim()),
        };
    }

    // A deal alone holds no deals: its message ends with its own tranches, not with an empty "and its held deals:".
    static string UnknownTranche(IReadOnlyList<DealDescription> entities, string text)
    {
        DealDescription top = entities[^1];
        string message = $"unknown tranche '{text}'; deal {top.Name} has: {string.Join(", ", top.Tranches.Select(t => t.Name))}";
        string[] held = [.. Enumerable.Range(0, entities.Count - 1).SelectMany(e => entities[e].Tranches.Select(t => $"{entities[e].Name}.{t.Name}"))];
        return held.Length == 0 ? message : $"{message}, and its held deals: {string.Join(", ", held)}";
    }

    /// <summary>A break-even's or hurdle's condition on a chain: on the top's tranche or equity, else a held deal's,
    /// named alone when one held deal declares it or as <c>Deal.Name</c> (<c>Hyperion.Notes loses principal</c>): which
    /// layer breaks first. Returns the entity whose figures it reads (run order, the top last) and the condition,
    /// whose text names that deal.</summary>
    public static (int Entity, SolveCondition Condition) Condition(IReadOnlyList<DealDescription> entities, string text)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        DealDescription top = entities[^1];
        if (entities.Count == 1)
        {
            return (0, SolveCondition.Parse(top, text)); // a deal alone
        }

        string[] words = Levers.Words(text);
        string rest = words.Length > 1 ? " " + string.Join(' ', words[1..]) : "";
        if (words.Length > 0 && words[0].Split('.') is [var deal, var subject])
        {
            int e = EntityNamed(entities, deal, text);
            return (e, Qualified(entities, e, SolveCondition.Parse(entities[e], subject + rest)));
        }

        try
        {
            return (entities.Count - 1, SolveCondition.Parse(top, text));
        }
        catch (SolveUsageException) when (words.Length > 0)
        {
            string name = words[0];
            int[] holders = HeldBy(entities, d => d.Tranches.Any(t => t.Name == name) || d.Equities.Any(q => q.Name == name));
            if (holders is [var e])
            {
                return (e, Qualified(entities, e, SolveCondition.Parse(entities[e], text)));
            }

            if (holders.Length > 1)
            {
                throw Ambiguous(entities, holders, name, name);
            }

            throw;
        }
    }

    // A held deal's condition reads as it is asked: its subject prefixed by the deal's name.
    static SolveCondition Qualified(IReadOnlyList<DealDescription> entities, int e, SolveCondition condition) =>
        e == entities.Count - 1 ? condition : condition with { Text = $"{entities[e].Name}.{string.Join(' ', Levers.Words(condition.Text))}" };

    static int TrancheOf(DealDescription deal, string name)
    {
        int i = Array.FindIndex(deal.Tranches, t => t.Name == name);
        return i >= 0
            ? i
            : throw new SolveUsageException($"unknown tranche '{name}'; deal {deal.Name} has: {string.Join(", ", deal.Tranches.Select(t => t.Name))}");
    }

    // The entity a qualified lever names (Deal.Item), in run order.
    static int EntityNamed(IReadOnlyList<DealDescription> entities, string deal, string text)
    {
        int e = Array.FindIndex([.. entities], d => d.Name == deal);
        return e >= 0 ? e : throw new SolveUsageException(entities.Count == 1
            ? $"'{text}' names deal '{deal}', and this is deal {entities[0].Name}, which holds no other"
            : $"'{text}' names deal '{deal}', which is not in deal {entities[^1].Name}'s chain; its deals: {Names(entities)}");
    }

    // The held deals (run order, the top left out) that declare what is asked for.
    static int[] HeldBy(IReadOnlyList<DealDescription> entities, Func<DealDescription, bool> declares) =>
        [.. Enumerable.Range(0, entities.Count - 1).Where(e => declares(entities[e]))];

    static SolveUsageException Ambiguous(IReadOnlyList<DealDescription> entities, int[] holders, string text, string item) =>
        new($"'{text}' is declared by several deals of the chain; say whose: {string.Join(", ", holders.Select(e => $"{entities[e].Name}.{item}"))}");

    static string Names(IReadOnlyList<DealDescription> entities) => string.Join(", ", entities.Select(d => d.Name));
}
