namespace DealLang.Runtime.Tests.Actus;

/// <summary>
/// Decides by rule (never by case id) whether a reference case is within the harness's scope.
/// The first matching rule gives the reason; README.md beside this file lists the rules and the outcome.
/// </summary>
internal static class ActusCaseSelection
{
    private static readonly HashSet<string> SupportedContractTypes = new(StringComparer.Ordinal) { "PAM", "ANN", "LAM", "NAM" };

    private static readonly HashSet<string> SupportedDayCounts = new(StringComparer.Ordinal) { "30E360", "A360", "A365", "AA" };

    private static readonly string[] RateResetTerms =
        ["cycleOfRateReset", "cycleAnchorDateOfRateReset", "marketObjectCodeOfRateReset", "nextResetRate"];

    // Terms the calculator either implements or may safely ignore (rateMultiplier, rateSpread and fixingDays
    // only act at rate resets, which are excluded). Anything else could change the cash flows unnoticed.
    private static readonly HashSet<string> UnderstoodTerms = new(StringComparer.Ordinal)
    {
        "contractID", "contractType", "contractRole", "currency", "statusDate", "contractDealDate",
        "initialExchangeDate", "maturityDate", "amortizationDate", "notionalPrincipal", "nominalInterestRate",
        "accruedInterest", "dayCountConvention", "premiumDiscountAtIED",
        "cycleAnchorDateOfInterestPayment", "cycleOfInterestPayment",
        "cycleAnchorDateOfPrincipalRedemption", "cycleOfPrincipalRedemption", "nextPrincipalRedemptionPayment",
        "businessDayConvention", "calendar", "endOfMonthConvention", "interestCalculationBase",
        "rateMultiplier", "rateSpread", "fixingDays",
    };

    private static readonly (string Rule, Func<ActusTestCase, ActusTerms, string?> Check)[] Rules =
    [
        ("contract type", (_, t) => SupportedContractTypes.Contains(t.Text("contractType") ?? "") ? null : $"contract type {t.Text("contractType")}"),
        ("contract role", (_, t) => t.Text("contractRole") is "RPA" or "RPL" ? null : $"contract role {t.Text("contractRole")}"),
        ("rate resets", (c, t) => c.ObservedSeriesCount > 0 || RateResetTerms.Any(t.Has) ? "rate resets (market data)" : null),
        ("business-day shift", (_, t) => t.Text("businessDayConvention") is null or "NOS" ? null : $"business-day convention {t.Text("businessDayConvention")}"),
        ("calendar", (_, t) => t.Text("calendar") is null or "NC" ? null : $"calendar {t.Text("calendar")}"),
        ("end of month", (_, t) => t.Text("endOfMonthConvention") is null or "SD" ? null : $"end-of-month convention {t.Text("endOfMonthConvention")}"),
        ("day count", (_, t) => SupportedDayCounts.Contains(t.Text("dayCountConvention") ?? "") ? null : $"day count {t.Text("dayCountConvention")}"),
        ("capitalisation", (_, t) => t.Has("capitalizationEndDate") ? "interest capitalisation (IPCI)" : null),
        ("purchase/termination", (_, t) => t.Has("purchaseDate") || t.Has("terminationDate") ? "purchase or termination (PRD/TD)" : null),
        ("scaling", (_, t) => t.Names.Any(n => n.Contains("Scaling", StringComparison.Ordinal)) ? "index scaling (SC)" : null),
        ("interest calculation base", (_, t) => t.Text("interestCalculationBase") is null or "NT" ? null : $"interest calculation base {t.Text("interestCalculationBase")}"),
        ("observed events", (c, _) => c.ObservedEventCount > 0 ? "observed events" : null),
        ("time of day", (c, t) => HasTimeOfDay(c, t) ? "a timestamp with a time of day" : null),
        ("cycle unit", (_, t) => CycleOutOfScope(t) is { } cycle ? $"cycle {cycle} (only month and year cycles)" : null),
        ("derived maturity", (_, t) => MaturityIsDerived(t) ? "maturity derived from the redemption amount" : null),
        ("accrued interest at status date", (_, t) => t.Date("initialExchangeDate") <= t.Date("statusDate") && !t.Has("accruedInterest") ? "accrued interest at the status date must be derived" : null),
        ("unknown terms", (_, t) => t.Names.FirstOrDefault(n => !UnderstoodTerms.Contains(n)) is { } n ? $"term {n}" : null),
    ];

    /// <summary>Why the case is out of scope, or null when the harness runs it.</summary>
    public static string? ExclusionReason(ActusTestCase c)
    {
        foreach (var (_, check) in Rules)
        {
            if (check(c, c.Terms) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static bool HasTimeOfDay(ActusTestCase c, ActusTerms t) =>
        (c.To.Length > 0 && ActusTime.Parse(c.To).HasTimeOfDay)
        || c.Expected.Any(e => e.Time.HasTimeOfDay)
        || t.Names.Where(n => n.EndsWith("Date", StringComparison.Ordinal) || n.StartsWith("cycleAnchorDate", StringComparison.Ordinal))
            .Any(n => t.Time(n)!.Value.HasTimeOfDay);

    private static string? CycleOutOfScope(ActusTerms t) =>
        t.Names.Where(n => n.StartsWith("cycleOf", StringComparison.Ordinal))
            .Select(t.Text)
            .FirstOrDefault(text => !ActusCycle.TryParse(text, out _));

    private static bool MaturityIsDerived(ActusTerms t) =>
        !t.Has("maturityDate") && t.Text("contractType") switch
        {
            "ANN" or "NAM" => !t.Has("amortizationDate"),
            "LAM" => !t.Has("nextPrincipalRedemptionPayment"),
            _ => true,
        };
}
