using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Durations in the units the model needs. The runtime counts terms, lives and lags in whole months;
/// days and weeks are converted at 365.25/12 days a month and rounded up (DealChecks warns when that rounds).
/// </summary>
internal static class DurationRules
{
    private const double DaysPerMonth = 365.25 / 12;
    private const double Tolerance = 1e-9;

    /// <summary>The longest enforcement lag: the run goes on past the maturity until every sale has happened
    /// (the workout), and this bounds how long that can be. Ten years is longer than any workout on record.</summary>
    public const int MaxWorkoutMonths = 120;

    // 10,000 years: anything longer is reported while parsing (DL0130); the clamp keeps the int conversion safe
    // for a tree built by hand.
    private const double MaxMonths = Diagnostics.DiagnosticCatalogue.MaxDurationYears * 12.0;

    /// <summary>The length in (possibly fractional) months; 0 for a length that is not a finite number
    /// (only a hand-built tree can carry one).</summary>
    public static double Months(DurationSyntax duration)
    {
        double months = duration.Unit switch
        {
            TimeUnit.Days => duration.Amount / DaysPerMonth,
            TimeUnit.Weeks => duration.Amount * 7 / DaysPerMonth,
            TimeUnit.Years => duration.Amount * 12,
            _ => duration.Amount,
        };
        return double.IsFinite(months) ? months : 0;
    }

    /// <summary>Whole months, rounded up; <paramref name="exact"/> tells whether rounding was needed.</summary>
    public static int WholeMonths(DurationSyntax duration, out bool exact)
    {
        double months = Math.Clamp(Months(duration), 0, MaxMonths);
        double nearest = Math.Round(months);
        exact = Math.Abs(months - nearest) < Tolerance;
        return (int)(exact ? nearest : Math.Ceiling(months));
    }

    public static int WholeMonths(DurationSyntax? duration) =>
        duration is null ? 0 : WholeMonths(duration, out _);

    /// <summary>A standstill's <c>then arrears over D</c> in the deal's periods: D's whole months over the months per
    /// period; null when D is not a whole number of periods above zero (days, weeks, a fraction of a period: DL0580).</summary>
    public static int? ArrearsPeriods(DurationSyntax duration, int monthsPerPeriod) =>
        duration.WholeMonths is int months && months > 0 && monthsPerPeriod > 0 && months % monthsPerPeriod == 0
            ? months / monthsPerPeriod
            : null;

    /// <summary>A grace period as written: <c>30d</c> and <c>2w</c> in days, <c>6m</c> and <c>1y</c> in whole
    /// months (a fraction of a month is rounded up, as for terms), added to a date month first.</summary>
    public static Model.DefaultGrace Grace(DurationSyntax duration)
    {
        double amount = Math.Clamp(duration.Amount, 0, MaxMonths * 31);
        return duration.Unit switch
        {
            TimeUnit.Days => new Model.DefaultGrace(0, (int)Math.Ceiling(amount)),
            TimeUnit.Weeks => new Model.DefaultGrace(0, (int)Math.Ceiling(amount * 7)),
            _ => new Model.DefaultGrace(WholeMonths(duration), 0),
        };
    }

    /// <summary>A loan's recovery lag in periods: its whole months over the months per period, rounded up (a recovery
    /// is received in a period, never before the lag has run).</summary>
    public static int LagPeriods(int months, int monthsPerPeriod) =>
        (months + Math.Max(1, monthsPerPeriod) - 1) / Math.Max(1, monthsPerPeriod);

    /// <summary><c>trailing D</c> in periods: D / months-per-period rounded to the nearest whole period, at least one.</summary>
    public static int TrailingPeriods(DurationSyntax duration, int monthsPerPeriod, out bool exact)
    {
        double periods = Math.Clamp(Months(duration), 0, MaxMonths) / Math.Max(1, monthsPerPeriod);
        double nearest = Math.Round(periods, MidpointRounding.AwayFromZero);
        exact = Math.Abs(periods - nearest) < Tolerance;
        return Math.Max(1, (int)nearest);
    }
}
