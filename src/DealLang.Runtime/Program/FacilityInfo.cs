namespace DealLang.Runtime;

/// <summary>
/// A physical asset and its unstressed value curve: either straight-line from <see cref="Cost"/> to
/// <see cref="Cost"/>×<see cref="FloorFraction"/> over <see cref="LifeMonths"/> starting at
/// <see cref="DepreciationStart"/>, or linear interpolation through <see cref="ScheduleDates"/>/<see cref="ScheduleValues"/>
/// (flat before the first and after the last point).
/// </summary>
public sealed record FacilityInfo(
    string Name,
    double Cost,
    FacilityValueKind ValueKind,
    int LifeMonths,
    double FloorFraction,
    Date DepreciationStart,
    Date[] ScheduleDates,
    double[] ScheduleValues);

public enum FacilityValueKind
{
    StraightLine,
    Schedule,
}
