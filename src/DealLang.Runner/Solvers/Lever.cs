using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// One number a solver moves (docs/cli.md, "solve"): a scenario lever applied on top of a scenario
/// (<see cref="Apply"/>), or a deal input scaled per path after the path is filled (<see cref="Scale"/>). Either way
/// the compiled deal is run as it is, with other path inputs: nothing is recompiled per evaluation.
/// </summary>
/// <param name="Text">The lever as the user wrote it (<c>Campus.value deflate</c>, <c>MetaLease.rent</c>).</param>
/// <param name="Unit">How its value prints: <c>% per year</c>, <c>%</c> or <c>x</c> (a factor).</param>
/// <param name="Lowest">The lower end of its legal range.</param>
/// <param name="Highest">The upper end of its legal range.</param>
/// <param name="Start">The unstressed value the searches start from (0% deflation, 100% utilisation, a factor of 1).</param>
/// <param name="StressUp">Whether raising the value stresses the deal (deflation, haircut) or lowering it does
/// (utilisation, a rent factor): the break-even search walks from <paramref name="Start"/> that way.</param>
public abstract record Lever(string Text, string Unit, double Lowest, double Highest, double Start, bool StressUp)
{
    /// <summary>The scenario with this lever at <paramref name="value"/> (the scenario itself for an input lever).</summary>
    public virtual ScenarioSpec Apply(ScenarioSpec scenario, double value) => scenario;

    /// <summary>Scales this lever's input rows in a filled path (nothing for a scenario lever).</summary>
    public virtual void Scale(PathInputs inputs, double value)
    {
    }

    /// <summary>For an input lever on a chain, the held deal whose rows <see cref="Scale"/> moves (its index in run
    /// order, <see cref="ChainLevers"/>); null for the top deal's own, or a deal alone.</summary>
    public int? Entity { get; init; }

    /// <summary>Each entity's scenario of a chain (<see cref="ChainRunner.Prepare"/>) with this lever at
    /// <paramref name="value"/>: applied to the top's scenario, which the chain lays over every entity, or, for a lever
    /// on a held deal's own facility or contract (<see cref="Entity"/>), to that deal's scenario alone.</summary>
    public ScenarioSpec[] Prepare(ChainRunner chain, ScenarioSpec scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (Entity is not { } entity)
        {
            return chain.Prepare(Apply(scenario, value));
        }

        ScenarioSpec[] specs = chain.Prepare(scenario);
        specs[entity] = Apply(specs[entity], value);
        return specs;
    }

    /// <summary>What a user needs to read the lever's values in a message, where its sign is not the scenario item's
    /// (null for most levers).</summary>
    public virtual string? SignNote => null;

    /// <summary>What the lever reaches, said where a search found the figure the same at both ends of its range (null
    /// for most levers, whose reach their name says).</summary>
    public virtual string? Reach => null;

    /// <summary>Whether a condition that already holds at <see cref="Start"/> is searched for on the other side, toward
    /// less stress (a growth lever, whose range goes both ways from 0%): the answer is then the least stressed value at
    /// which it still holds. Otherwise such a condition has no break-even.</summary>
    public virtual bool SearchesUnstressedSide => false;

    /// <summary>The value as a user reads it: a rate in % (0.0812 → 8.12% per year), a factor as 0.8731x.</summary>
    public string Format(double value) => Unit == "x" ? $"{value:0.######}x" : $"{value * 100:0.####}{Unit}";
}

/// <summary>No lever: the scenario as it is (what a fair spread runs).</summary>
public sealed record NoLever() : Lever("", "", 0, 0, 0, StressUp: true);

/// <summary><c>Facility.value deflate R per year</c> (<see cref="ValueStress.DeflatePerYear"/>), R in [0, 100%).</summary>
public sealed record FacilityDeflateLever(string Text, int Facility)
    : Lever(Text, "% per year", 0, 0.9999, 0, StressUp: true)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value)
    {
        ValueStress[] stress = [.. scenario.FacilityStress];
        stress[Facility] = stress[Facility] with { DeflatePerYear = value };
        return scenario with { FacilityStress = stress };
    }
}

/// <summary><c>market_rent deflate R per year</c> (<see cref="ScenarioSpec.MarketRentDeflation"/>).</summary>
public sealed record MarketRentDeflateLever(string Text)
    : Lever(Text, "% per year", 0, 0.9999, 0, StressUp: true)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value) => scenario with { MarketRentDeflation = value };
}

/// <summary>
/// <c>Facility.value grow R per year</c>: the value's growth with its sign, R in [−99.99%, 100%] (a negative growth
/// −D is the deflation <c>Facility.value deflate D per year</c>; up to 100% a year is the scenario item's range,
/// DL0767), stored as a deflation of −R, as the scenario item is. A value's growth helps the lenders, so less is the
/// stress: the break-even walks down from 0% (the value as the deal's curve has it) and is usually a decline, the
/// growth at which a tranche first loses; a condition that holds already at 0% is searched for upwards (the growth the
/// deal needs, <see cref="SearchesUnstressedSide"/>), and a target also walks up from 0%.
/// </summary>
public sealed record FacilityGrowLever(string Text, int Facility)
    : Lever(Text, "% per year", -0.9999, 1, 0, StressUp: false)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value)
    {
        ValueStress[] stress = [.. scenario.FacilityStress];
        stress[Facility] = stress[Facility] with { DeflatePerYear = -value };
        return scenario with { FacilityStress = stress };
    }

    public override string? SignNote => GrowthSign.Note(Text, "value");

    public override bool SearchesUnstressedSide => true;
}

/// <summary><c>market_rent grow R per year</c>: the market rent's growth with its sign, R in [−99.99%, 100%], stored as
/// a deflation of −R (<see cref="ScenarioSpec.MarketRentDeflation"/>); searched downwards from 0%, as
/// <see cref="FacilityGrowLever"/> is.</summary>
public sealed record MarketRentGrowLever(string Text)
    : Lever(Text, "% per year", -0.9999, 1, 0, StressUp: false)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value) => scenario with { MarketRentDeflation = -value };

    public override string? SignNote => GrowthSign.Note(Text, "market rent");

    public override bool SearchesUnstressedSide => true;
}

/// <summary>The note a growth lever's messages carry: its negative values are declines, which a scenario writes as a
/// <c>deflate</c> (its <c>grow</c> takes [0%, 100%]).</summary>
static class GrowthSign
{
    public static string Note(string text, string what) =>
        $"a negative growth is a decline of the {what}: {text} -R% per year is written " +
        $"'{text[..text.LastIndexOf("grow", StringComparison.Ordinal)]}deflate R% per year' in a scenario";
}

/// <summary><c>enforcement haircut R</c> (<see cref="ScenarioSpec.EnforcementHaircut"/>), R in [0, 100%].</summary>
public sealed record EnforcementHaircutLever(string Text)
    : Lever(Text, "%", 0, 1, 0, StressUp: true)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value) => scenario with { EnforcementHaircut = value };
}

/// <summary><c>enforcement price yield Y</c> (<see cref="ScenarioSpec.EnforcementYield"/>): the yield the loans of every
/// sale priced at one are sold at, Y in [0, 99.99%] (DL0227's [0, 100%)), a higher yield a lower price.</summary>
public sealed record EnforcementYieldLever(string Text)
    : Lever(Text, "%", 0, 0.9999, 0, StressUp: true)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value) => scenario with { EnforcementYield = value };
}

/// <summary>The levers on an index: <c>Index deflate R per year</c> (drift, R in [0, 100%)), <c>Index grow R per year</c>
/// (a rising drift, R in [0, 100%], DL0767's range: stored as a deflation of −R, as the scenario item is), <c>Index level L</c>
/// (a rate index's level, in [−5%, 50%]) and <c>Index shift S</c> (a rate index's parallel shift, in [−5%, 50%]). Each is
/// searched upwards from its unstressed value, the stress being more of it: a growth is the stress of an index that is a
/// cost (a rate, power); on one that is a receipt (an indexed rent) the condition is then not reached in the range.</summary>
public sealed record IndexLever(string Text, int Index, IndexLeverKind Kind)
    : Lever(Text, Kind is IndexLeverKind.Deflate or IndexLeverKind.Grow ? "% per year" : "%", Kind is IndexLeverKind.Deflate or IndexLeverKind.Grow ? 0 : -0.05,
        Kind switch { IndexLeverKind.Deflate => 0.9999, IndexLeverKind.Grow => 1.0, _ => 0.5 }, 0, StressUp: true)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value)
    {
        IndexOverride?[] indices = scenario.Indices.Length == 0 ? new IndexOverride?[Count] : [.. scenario.Indices];
        IndexOverride current = indices[Index] ?? IndexOverride.None;
        indices[Index] = Kind switch
        {
            IndexLeverKind.Deflate => current with { DeflatePerYear = value },
            IndexLeverKind.Grow => current with { DeflatePerYear = -value },
            IndexLeverKind.Level => current with { Level = value },
            _ => current with { Shift = value },
        };
        return scenario with { Indices = indices };
    }

    /// <summary>The deal's index count (the override array's length when the scenario touched none).</summary>
    public required int Count { get; init; }
}

public enum IndexLeverKind
{
    Deflate,
    Grow,
    Level,
    Shift,
}

/// <summary><c>Contract utilisation R</c> (<see cref="ContractLevers.Utilisation"/>), R in [0, 100%]; lower is the stress.</summary>
public sealed record ContractUtilisationLever(string Text, int Contract, int Count)
    : Lever(Text, "%", 0, 1, 1, StressUp: false)
{
    public override ScenarioSpec Apply(ScenarioSpec scenario, double value)
    {
        ContractLevers?[] contracts = scenario.Contracts.Length == 0 ? new ContractLevers?[Count] : [.. scenario.Contracts];
        contracts[Contract] = (contracts[Contract] ?? ContractLevers.None) with { Utilisation = value };
        return scenario with { Contracts = contracts };
    }
}

/// <summary>
/// <c>Lease.rent</c>: the lease's rent rows (and its current-term and noticed rents where the deal projects CFADS) × a factor in
/// [0, 10], after the scenario has filled them, so renewals, defaults and market-rent deflation apply first. Only
/// rows that are money per period and enter the waterfall linearly may be scaled: a lease's rent and a facility's
/// value (<see cref="FacilityValueScale"/>).
/// </summary>
public sealed record LeaseRentScale(string Text, int Lease)
    : Lever(Text, "x", 0, 10, 1, StressUp: false)
{
    public override void Scale(PathInputs inputs, double value)
    {
        ScaleRow(inputs.LeaseRent[Lease], inputs.OwnLeaseRent(Lease), value);
        if (inputs.LeaseTermRent.Length > Lease)
        {
            ScaleInPlace(inputs.LeaseTermRent[Lease], value);
            ScaleInPlace(inputs.LeaseNoticedRent[Lease], value);
        }
    }

    // The current-term rows are the slot's own buffers, never shared.
    static void ScaleInPlace(double[] row, double value)
    {
        for (int t = 0; t < row.Length; t++)
        {
            row[t] *= value;
        }
    }

    /// <summary>Copies a possibly shared row into the slot's own buffer, times the factor (a shared row is never written).</summary>
    internal static void ScaleRow(double[] from, double[] into, double value)
    {
        for (int t = 0; t < into.Length; t++)
        {
            into[t] = from[t] * value;
        }
    }
}

/// <summary><c>Facility.value</c>: the facility's market value row, its value at the closing, and the value each of its
/// leases' RVG is measured against (on the day the lease ends, <see cref="PathInputs.RvgValue"/>), × a factor in [0, 10]:
/// every figure the deal reads of the facility's value, so a campus worth less owes a larger RVG as it fetches less in a
/// sale (before, the RVG stayed measured against the unscaled value).</summary>
/// <param name="Leases">The leases on the facility (<see cref="LeaseInfo.Facility"/>), whose RVG values scale with it:
/// <see cref="Levers.Input"/> lists them.</param>
public sealed record FacilityValueScale(string Text, int Facility, int[] Leases)
    : Lever(Text, "x", 0, 10, 1, StressUp: false)
{
    public override void Scale(PathInputs inputs, double value)
    {
        LeaseRentScale.ScaleRow(inputs.FacilityValue[Facility], inputs.OwnFacilityValue(Facility), value);
        inputs.FacilityClosingValue[Facility] *= value;
        foreach (int lease in Leases)
        {
            inputs.RvgValue[lease] *= value;
        }
    }
}

/// <summary>
/// <c>Party.recovery</c>: the party's recovery (what a loan to it, its RVG or a termination fee recovers when it
/// defaults) replaced by R in [0, 100%] (<see cref="ScenarioSpec.PartyRecoveries"/>), searched from the deal's own
/// <paramref name="Start"/>; lower is the stress.
/// </summary>
public sealed record PartyRecoveryLever(string Text, int Party, int Count, double Start)
    : Lever(Text, "%", 0, 1, Start, StressUp: false)
{
    public override string? Reach =>
        "a party's recovery reaches a loan to it that states no recovery of its own, the termination fee or RVG of a lease or contract it defaults on, and an RVG it guarantees; a lease or contract without a termination fee or RVG recovers nothing";

    public override ScenarioSpec Apply(ScenarioSpec scenario, double value)
    {
        var recoveries = new double?[Count];
        scenario.PartyRecoveries.AsSpan(0, Math.Min(Count, scenario.PartyRecoveries.Length)).CopyTo(recoveries);
        recoveries[Party] = value;
        return scenario with { PartyRecoveries = recoveries };
    }
}
