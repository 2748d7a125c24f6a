using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>A party's input default probability, printed beside its simulated default rate.</summary>
/// <param name="Party">Its name.</param>
/// <param name="PartyIndex">Its index in the deal's parties.</param>
/// <param name="AnnualPd">The annual PD it was given.</param>
/// <param name="HorizonPd">The probability of default by the maturity that PD implies.</param>
public sealed record PartyPd(string Party, int PartyIndex, double AnnualPd, double HorizonPd);

/// <summary>
/// What a Monte Carlo report says besides the totals, all of it known before the first path: the deal and its
/// hash, the scenario, seed and path count, and the names and figures the rows are headed by. A shard file
/// carries it, so <c>deallang merge</c> renders the same report without the deal; shards merge only if their
/// frames are equal.
/// </summary>
public sealed record SimulationFrame(
    string Deal,
    string DealHash,
    string Currency,
    string Scenario,
    ulong Seed,
    int Paths,
    string[] Tranches,
    double[] TrancheBalances,
    string[] Equities,
    PartyPd[] Parties,
    string[] Indices,
    Date[] PeriodStarts)
{
    /// <summary>Each guarantee, as <c>Google for FluidstackLease</c> (the summary's heading), with its cap.</summary>
    public string[] Guarantees { get; init; } = [];

    /// <summary>[guarantee]: its cap.</summary>
    public double[] GuaranteeCaps { get; init; } = [];

    /// <summary>Each LP class of the deal's funds, as <c>Investors LP Pension</c> (<see cref="LpClass.Label"/>).</summary>
    public string[] LpClasses { get; init; } = [];

    /// <summary>Each fund's GP carry, as <c>Investors carry to Manager</c>.</summary>
    public string[] Carries { get; init; } = [];

    /// <summary>[fund]: whether its carry is deal by deal (its report then shows the carry unpaid at the end).</summary>
    public bool[] CarriesDealByDeal { get; init; } = [];

    /// <summary>Each tranche behind a guarantor (<see cref="HeldTranche.Of"/>, in guarantee order), whose holders' figures
    /// the report gives beside the issuer's.</summary>
    public string[] HeldTranches { get; init; } = [];

    /// <summary>Each item the deal can end owing (<see cref="UnpaidAtEnd.Of"/>): the section its rows are headed by (the
    /// tranche, fee or fleet), as <see cref="UnpaidRows"/> gives the summary's row.</summary>
    public string[] UnpaidOwners { get; init; } = [];

    /// <summary>[item, as <see cref="UnpaidOwners"/>]: the scenario summary's row of it, as <c>unpaid at end</c> or
    /// <c>opex unpaid at end</c>.</summary>
    public string[] UnpaidRows { get; init; } = [];

    /// <summary>How the paths were drawn: <see cref="Independent"/>, <see cref="Antithetic"/> (mirrored pairs, whose ± come
    /// from the pairs: <see cref="PairTotals"/>) or <see cref="Sobol"/> points (whose ± are independent paths' standard
    /// errors, which theirs are not; docs/language.md, "Monte Carlo results"), so a merged shard's report says it too.</summary>
    public string Sampling { get; init; } = Independent;

    /// <summary>How many runs the report is over (<c>deallang mc --replicates R</c>): 1 for one run; R for R replicates at
    /// seeds <see cref="Seed"/> to <see cref="Seed"/> + R − 1 of <see cref="Paths"/> paths each, whose estimates are their
    /// means and whose ± are standard errors across them (<see cref="Simulation.Replicates"/>). Never in a shard file.</summary>
    public int Replicates { get; init; } = 1;

    /// <summary><see cref="Sampling"/>: independent paths.</summary>
    public const string Independent = "independent";

    /// <summary><see cref="Sampling"/>: path 2k + 1 mirrors path 2k.</summary>
    public const string Antithetic = "antithetic";

    /// <summary><see cref="Sampling"/>: path i is point i of a randomised Sobol sequence.</summary>
    public const string Sobol = "sobol";

    /// <summary>The frame of a run of <paramref name="deal"/>: <paramref name="parties"/> lists the parties with an
    /// input PD (null: every party with a <c>pd</c>, its horizon PD compounded from the closing to the maturity,
    /// <c>PD to maturity</c>).</summary>
    public static SimulationFrame Of(DealDescription deal, string dealHash, string scenario, ulong seed, int paths, IEnumerable<PartyPd>? parties = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        // To the maturity, not to the last period's end (a workout period after it would count later defaults too), in
        // the path source's arithmetic (StochasticPaths: a hazard −ln(1 − pd) over ACT/365F years), so a frame made here
        // states the PD to maturity the engine's frame does.
        double years = Date.DaysBetween(deal.Closing, deal.Maturity) / 365.0;
        PartyPd[] pds = parties is not null
            ? [.. parties]
            : [.. deal.Parties.Select((p, i) => new PartyPd(p.Name, i, p.AnnualPd, -double.ExpM1(Math.Log(1 - p.AnnualPd) * years))).Where(p => p.AnnualPd > 0)];
        return new SimulationFrame(
            deal.Name,
            dealHash,
            deal.Currency,
            scenario,
            seed,
            paths,
            [.. deal.Tranches.Select(t => t.Name)],
            [.. deal.Tranches.Select(t => t.Balance)],
            [.. deal.Equities.Select(e => e.Name)],
            pds,
            [.. deal.Indices.Select(x => x.Name)],
            deal.Boundaries[..deal.ScheduledPeriods])
        {
            Guarantees = [.. deal.Guarantees.Select(g => g.Name)],
            GuaranteeCaps = [.. deal.Guarantees.Select(g => g.Cap)],
            LpClasses = [.. LpClass.Of(deal).Select(c => c.Label(deal))],
            Carries = [.. deal.Equities.Where(e => e.Carry is not null).Select(e => e.Name + " carry to " + deal.Parties[e.Carry!.Partner].Name)],
            CarriesDealByDeal = [.. deal.Equities.Where(e => e.Carry is not null).Select(e => e.Carry!.DealByDeal)],
            HeldTranches = [.. HeldTranche.Of(deal).Select(h => deal.Tranches[h.Tranche].Name)],
            UnpaidOwners = [.. UnpaidAtEnd.Of(deal).Select(u => u.Owner)],
            UnpaidRows = [.. UnpaidAtEnd.Of(deal).Select(u => u.Row)],
        };
    }

    /// <summary>Whether two frames describe the same run, field by field.</summary>
    public bool SameRun(SimulationFrame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Deal == other.Deal && DealHash == other.DealHash && Currency == other.Currency && Scenario == other.Scenario
            && Seed == other.Seed && Paths == other.Paths && Tranches.SequenceEqual(other.Tranches)
            && TrancheBalances.SequenceEqual(other.TrancheBalances) && Equities.SequenceEqual(other.Equities)
            && Parties.SequenceEqual(other.Parties) && Indices.SequenceEqual(other.Indices)
            && PeriodStarts.SequenceEqual(other.PeriodStarts) && Guarantees.SequenceEqual(other.Guarantees)
            && GuaranteeCaps.SequenceEqual(other.GuaranteeCaps) && LpClasses.SequenceEqual(other.LpClasses) && Carries.SequenceEqual(other.Carries)
            && CarriesDealByDeal.SequenceEqual(other.CarriesDealByDeal) && HeldTranches.SequenceEqual(other.HeldTranches)
            && UnpaidOwners.SequenceEqual(other.UnpaidOwners) && UnpaidRows.SequenceEqual(other.UnpaidRows)
            && Sampling == other.Sampling;
    }
}
