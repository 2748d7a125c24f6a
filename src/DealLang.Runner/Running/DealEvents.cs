using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// The deal-level events of a scenario, each dated by the end of the period it happened in; null when it never
/// happened.
/// </summary>
/// <param name="Triggers">Each trigger's first active date, in declaration order: a deal's triggers mean different
/// things (a DSCR cash trap, the sweep once a lease has ended), so no single "first trap" date is reported.</param>
/// <param name="RvgPaid">What each lease's residual value guarantee paid (zero when it never applied).</param>
/// <param name="Tests">Each test's lowest and highest value over the periods run up to and including the event of
/// default's (the covenant's periods: after it the deal is in its workout), ignoring periods where it was
/// undefined.</param>
public sealed record DealEvents(
    ImmutableArray<TriggerFirstActive> Triggers,
    Date? EventOfDefault,
    Date? Sale,
    double SaleProceeds,
    ImmutableArray<LeaseAmount> RvgPaid,
    ImmutableArray<TestRange> Tests)
{
    /// <summary>What each lease's termination fee brought in over the periods run (its defaulted lessee's recovery of
    /// the fee; zero when none was owed); every lease's, in declaration order, when a lease of the deal has a fee, and
    /// empty when none has (what <c>LeaseRows</c> reads only then).</summary>
    public ImmutableArray<LeaseAmount> TerminationFees { get; init; } = [];

    /// <summary>What each lease's remarketing sale netted (an RVG <c>against remarketing</c>; zero when it never
    /// happened): every lease's, in declaration order, when a lease of the deal has one, and empty when none has.</summary>
    public ImmutableArray<LeaseAmount> Remarketing { get; init; } = [];
}

public sealed record LeaseAmount(string Lease, double Amount);

/// <summary>The end of the first period in which <paramref name="Trigger"/> was active; null if it never was.</summary>
public sealed record TriggerFirstActive(string Trigger, Date? FirstActive);

/// <summary>A test's minimum up to the event of default; NaN when the test was never defined there (e.g. nothing was
/// ever due).
/// <paramref name="Kind"/> is how the ledger prints the test, or null when the layout has no column for it.</summary>
public sealed record TestRange(string Test, double Minimum, ColumnKind? Kind)
{
    /// <summary>Its largest value over the same periods as the minimum, where it is defined (NaN: none): the figure that
    /// matters for a test a trigger caps from above, an LTV or a concentration.</summary>
    public double Maximum { get; init; } = double.NaN;
}
