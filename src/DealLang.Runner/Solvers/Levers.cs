using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// Reads a lever's text against a deal's names: <c>Facility.value deflate</c>, <c>Facility.value grow</c>,
/// <c>market_rent deflate</c>, <c>market_rent grow</c>,
/// <c>Index deflate</c>, <c>Index grow</c>, <c>Index level</c>, <c>Index shift</c>, <c>enforcement haircut</c>, <c>enforcement price yield</c>,
/// <c>Contract utilisation</c> (scenario levers, <see cref="Scenario"/>) and <c>Lease.rent</c>, <c>Facility.value</c>
/// (inputs a hurdle scales, and <c>Party.recovery</c>, which it replaces: <see cref="Input"/>). The scenario lever's text is checked by the scenario language first
/// (the CLI compiles it as a scenario item, so a mistake in it is reported like one); what is left here is which
/// entity and slot it moves. A text that names nothing here is a <see cref="SolveUsageException"/>.
/// </summary>
public static class Levers
{
    /// <summary>The scenario levers a break-even may move, by their words after the name.</summary>
    public static readonly string[] ScenarioForms =
        ["F.value deflate", "F.value grow", "market_rent deflate", "market_rent grow", "I deflate", "I grow", "I level", "I shift", "enforcement haircut", "enforcement price yield", "C utilisation"];

    public static Lever Scenario(DealDescription deal, string text)
    {
        ArgumentNullException.ThrowIfNull(deal);
        string[] words = Words(text);
        if (words is ["market_rent", "deflate"])
        {
            return new MarketRentDeflateLever(text);
        }

        if (words is ["market_rent", "grow"])
        {
            return new MarketRentGrowLever(text);
        }

        if (words is ["enforcement", "haircut"])
        {
            return new EnforcementHaircutLever(text);
        }

        if (words is ["enforcement", "price", "yield"])
        {
            return new EnforcementYieldLever(text);
        }

        if (words is [var target, "deflate"] && target.EndsWith(".value", StringComparison.Ordinal))
        {
            return new FacilityDeflateLever(text, Find(deal.Facilities.Select(f => f.Name), target[..^".value".Length], "facility", deal));
        }

        if (words is [var grown, "grow"] && grown.EndsWith(".value", StringComparison.Ordinal))
        {
            return new FacilityGrowLever(text, Find(deal.Facilities.Select(f => f.Name), grown[..^".value".Length], "facility", deal));
        }

        if (words is [var index, "deflate" or "grow" or "level" or "shift"] && Array.FindIndex(deal.Indices, i => i.Name == index) is var i && i >= 0)
        {
            IndexLeverKind kind = words[1] switch
            {
                "deflate" => IndexLeverKind.Deflate,
                "grow" => IndexLeverKind.Grow,
                "level" => IndexLeverKind.Level,
                _ => IndexLeverKind.Shift,
            };
            return new IndexLever(text, i, kind) { Count = deal.Indices.Length };
        }

        if (words is [var contract, "utilisation"])
        {
            return new ContractUtilisationLever(text, Find(deal.Contracts.Select(c => c.Name), contract, "contract", deal), deal.Contracts.Length);
        }

        if (words is [_, "deflate" or "grow" or "level" or "shift"])
        {
            Find(deal.Indices.Select(x => x.Name), words[0], "index", deal);
        }

        throw new SolveUsageException(
            $"'{text}' is not a lever a break-even can move; one of: {string.Join(", ", ScenarioForms)} (F a facility, I an index, C a contract)");
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
            int facility = Find(deal.Facilities.Select(f => f.Name), value[..^".value".Length], "facility", deal);
            return new FacilityValueScale(text, facility, [.. Enumerable.Range(0, deal.Leases.Length).Where(l => deal.Leases[l].Facility == facility)]);
        }

        if (words is [var recovery] && recovery.EndsWith(".recovery", StringComparison.Ordinal))
        {
            int party = Find(deal.Parties.Select(p => p.Name), recovery[..^".recovery".Length], "party", deal);
            return new PartyRecoveryLever(text, party, deal.Parties.Length, deal.Parties[party].Recovery);
        }

        throw new SolveUsageException(
            $"'{text}' is not an input a hurdle can move; one of: L.rent (a lease's rent), F.value (a facility's value), P.recovery (a party's recovery)");
    }

    internal static string[] Words(string text) =>
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
