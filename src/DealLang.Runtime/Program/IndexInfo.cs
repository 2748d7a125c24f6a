namespace DealLang.Runtime;

/// <summary>
/// A market index as the deal states it (<c>index SOFR { level 4.30% … }</c>): its level, its drift (a deflation
/// per year, compounding as (1 − deflation)^years; negative for an index that grows, <c>grow R per year</c> being −R),
/// its dated points (null: none) and its launches. The runner
/// turns it into a level per period (docs/language.md §5, "index"); a scenario may override any of it
/// (<see cref="IndexOverride"/>).
/// </summary>
public sealed record IndexInfo(string Name, double Level, double DeflatePerYear, IndexPoints? Points, IndexLaunch[] Launches)
{
    /// <summary>The closing of the deal that declares the index, when another entity of a chain does: the index's level
    /// is stated at that closing, and its drift and its interpolation before the first point run from there, so the
    /// index is one path in every entity that names it. Null: the running deal declares it (its own closing).</summary>
    public Date? Closing { get; init; }

    /// <summary>The closing the index is anchored at in a deal closing on <paramref name="dealClosing"/>.</summary>
    public Date AnchorIn(Date dealClosing) => Closing ?? dealClosing;
}

/// <summary>Dated points of an index: stepped (the last point at or before a date) or interpolated (linear in days
/// between points, flat after the last); before the first point the index's level holds. Dates strictly increase.</summary>
public sealed record IndexPoints(bool Interpolated, Date[] Dates, double[] Values)
{
    /// <summary>The points moved later by <paramref name="months"/> whole months (a month's end stays its month's end),
    /// every point, or with <paramref name="from"/> only those dated on or after it: a construction delay, the later
    /// buildings' when it has a date (docs/language.md §10, <c>delayed</c>). The points stay in order: those before
    /// <paramref name="from"/> do not move, and the others only move later.</summary>
    public IndexPoints Delayed(int months, Date? from) =>
        this with { Dates = [.. Dates.Select(d => from is { } f && d < f ? d : d.AddMonthsClamped(months))] };
}

/// <summary>A generation launch: from <see cref="Date"/> on, the level is multiplied by 1 − <see cref="Down"/>.</summary>
public readonly record struct IndexLaunch(Date Date, double Down);
