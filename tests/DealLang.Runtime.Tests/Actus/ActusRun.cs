namespace DealLang.Runtime.Tests.Actus;

/// <summary>What the calculator produced for one case: its events and every date schedule it generated.</summary>
internal sealed record ActusRun(IReadOnlyList<ActusComputedEvent> Events, IReadOnlyList<ActusGeneratedSchedule> Schedules);

internal sealed record ActusComputedEvent(Date Date, string Type, double Payoff);

/// <summary>A date schedule the calculator generated, kept so tests can compare it with <see cref="Schedule"/>.</summary>
internal sealed record ActusGeneratedSchedule(string Name, Date Anchor, Date End, ActusCycle? Cycle, bool IncludeEnd, IReadOnlyList<Date> Dates);
