namespace DealLang.Runtime;

/// <summary>The named holiday calendars a deal may write after <c>holidays</c> (docs/language.md §4, "Business days"),
/// each built from published rules, with the one-off closures of its history as data.</summary>
public static class HolidayCalendars
{
    public static IReadOnlyList<HolidayCalendar> All { get; } = [new Target2Calendar(), new FederalReserveCalendar(), new NyseCalendar(), new LondonCalendar()];

    /// <summary>The known names, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name)];

    /// <summary>The calendar of that exact name (names are case-sensitive, as every name in a deal), or null.</summary>
    public static HolidayCalendar? Find(string? name) => All.FirstOrDefault(c => c.Name == name);
}
