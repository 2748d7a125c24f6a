using System.Runtime.CompilerServices;
using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A deal's path building split in two (docs/language.md §10, "Scenarios"). Once per deal, here: each facility's
/// unstressed value curve, each period end's days and years from the closing (what the stresses read), each
/// lease's rent before any renewal choice, default or market-rent move (<see cref="LeasePlan"/>: month counts,
/// regular-period day weights and escalation already applied). Per path, <see cref="Fill"/>: the scenario's
/// stresses, renewals, defaults and sale terms applied to those, writing only into the caller's
/// <see cref="PathInputs"/> — no allocation, and less than running the loop for Hyperion and for leases that run
/// their terms; a scenario moving the market rent of many renewals at market pays a <c>Math.Pow</c> per lease year
/// of them, up to 2.6x the loop in bench/README.md's synthetic stress.
/// The numbers are those of the direct computation, bit for bit (PathSourceEquivalenceTests).
/// Immutable after construction, so one instance may serve several threads, each with its own inputs.
/// </summary>
public sealed class DealPaths
{
    static readonly ConditionalWeakTable<DealDescription, DealPaths> Cache = [];

    readonly double[][] unstressed;
    readonly int[] daysFromClosing;
    readonly double[] yearsFromClosing;
    readonly LeasePlan[] leases;

    public DealPaths(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deal = deal;
        Layout = InputLayout.Of(deal);
        Date[] b = deal.Boundaries;
        int n = deal.Periods;
        daysFromClosing = new int[n];
        yearsFromClosing = new double[n];
        for (int t = 0; t < n; t++)
        {
            daysFromClosing[t] = Date.DaysBetween(deal.Closing, b[t + 1]);
            yearsFromClosing[t] = MonthCount.Years(deal.Closing, b[t + 1]);
        }

        unstressed = new double[deal.Facilities.Length][];
        for (int f = 0; f < unstressed.Length; f++)
        {
            unstressed[f] = new double[n];
            for (int t = 0; t < n; t++)
            {
                unstressed[f][t] = FacilityValues.Unstressed(deal.Facilities[f], b[t + 1]);
            }
        }

        leases = new LeasePlan[deal.Leases.Length];
        for (int l = 0; l < leases.Length; l++)
        {
            leases[l] = new LeasePlan(deal, deal.Leases[l]);
        }
    }

    /// <summary>The precompute of <paramref name="deal"/>, made on first use and kept while the description lives
    /// (what <see cref="PathBuilder.Build"/> uses, so that a caller holding only a description pays it once).</summary>
    public static DealPaths For(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Cache.GetValue(deal, d => new DealPaths(d));
    }

    public DealDescription Deal { get; }

    /// <summary>The slots <see cref="Fill"/> writes: every slot of the deal's layout.</summary>
    public InputLayout Layout { get; }

    /// <summary>Fills <paramref name="into"/> with <paramref name="scenario"/>'s path. Throws
    /// <see cref="ArgumentException"/> when the scenario does not fit the deal (<see cref="Shapes"/>) or the
    /// buffers were made for another deal.</summary>
    public void Fill(ScenarioSpec scenario, PathInputs into)
    {
        Shapes.Require(Deal, scenario);
        Shapes.Require(Deal, into);
        FillChecked(scenario, into);
    }

    /// <summary><see cref="Fill"/> for a scenario and buffers already checked (a path source checks its
    /// scenarios once, not per path).</summary>
    internal void FillChecked(ScenarioSpec scenario, PathInputs into)
    {
        DealDescription deal = Deal;
        into.Scenario = scenario.Name;
        for (int f = 0; f < unstressed.Length; f++)
        {
            FillValue(f, scenario.FacilityStress[f], into.FacilityValue[f]);
        }

        for (int l = 0; l < leases.Length; l++)
        {
            LeaseTerms.Apply(deal, leases[l], scenario, l, into);
        }

        PartyDefaults.Fill(deal, scenario, into.PartyDefaulted);
        SaleTerms.Fill(deal, scenario, into);
    }

    /// <summary>The unstressed curve times the scenario's deflation and drop (FacilityValues.Stress, in its
    /// order of operations), from the period ends' precomputed days and years.</summary>
    void FillValue(int f, ValueStress stress, double[] values)
    {
        double[] curve = unstressed[f];
        bool deflates = stress.DeflatePerYear != 0;
        bool drops = stress.DropFraction != 0 && stress.DropBy is not null;
        if (!deflates && !drops)
        {
            // A factor of exactly 1: the curve itself.
            Array.Copy(curve, values, values.Length);
            return;
        }

        int span = FacilityValues.DropSpan(stress, Deal.Closing);
        for (int t = 0; t < values.Length; t++)
        {
            values[t] = curve[t] * FacilityValues.Stress(stress, span, daysFromClosing[t], yearsFromClosing[t]);
        }
    }
}
