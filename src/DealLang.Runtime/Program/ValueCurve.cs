namespace DealLang.Runtime;

/// <summary>
/// An asset's unstressed value over time, as a strategy: any asset kind can carry one (a facility today; a fleet
/// or a coin next), and a new shape (declining balance, an index) is a new record and one case where the runner
/// evaluates curves (<c>Runner/Paths/FacilityValues.cs</c>).
/// </summary>
public abstract record ValueCurve;

/// <summary>Straight-line from the asset's cost at <see cref="Start"/> to cost × <see cref="FloorFraction"/>
/// <see cref="LifeMonths"/> later (the cost before the start; the floor after the life).</summary>
public sealed record StraightLineCurve(int LifeMonths, double FloorFraction, Date Start) : ValueCurve;

/// <summary>Linear interpolation through <see cref="Dates"/>/<see cref="Values"/>, flat before the first and
/// after the last point (the asset's cost without points).</summary>
public sealed record ScheduleCurve(Date[] Dates, double[] Values) : ValueCurve;
