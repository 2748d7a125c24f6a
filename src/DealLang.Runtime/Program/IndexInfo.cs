namespace DealLang.Runtime;

/// <summary>
/// A market index as the deal states it (<c>index SOFR { level 4.30% … }</c>): its level, its drift (a deflation
/// per year, compounding as (1 − deflation)^years; negative for an index that grows, <c>grow R per year</c> being −R),
/// its dated points (null: none) and its launches. The runner
/// turns it into a level per period (docs/language.md §5, "index"); a scenario may override any of it
/// (<see cref="IndexOverride"/>).
/// </summary>
public sealed record IndexInfo(string Name, double Level, double DeflatePerYear, IndexPoints? Points, IndexLaunch[] Launches);

/// <summary>Dated points of an index: stepped (the last point at or before a date) or interpolated (linear in days
/// between points, flat after the last); before the first point the index's level holds. Dates strictly increase.</summary>
public sealed record IndexPoints(bool Interpolated, Date[] Dates, double[] Values);

/// <summary>A generation launch: from <see cref="Date"/> on, the level is multiplied by 1 − <see cref="Down"/>.</summary>
public readonly record struct IndexLaunch(Date Date, double Down);
