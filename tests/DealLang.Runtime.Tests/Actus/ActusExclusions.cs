namespace DealLang.Runtime.Tests.Actus;

/// <summary>A reason to leave a reference case out: a feature DealLang (or this harness) does not have.</summary>
internal sealed record ActusExclusionRule(string Name, string Reason, Func<ActusTestCase, ActusTerms, bool> Applies);

/// <summary>
/// The exclusion rules, in the order they are tried, and how many cases each file runs and each rule excludes.
/// README.md beside this file shows the same tables; <c>ActusConformanceTests</c> checks the counts exactly, so
/// losing a case (or running one by accident) fails a test.
/// </summary>
internal static class ActusExclusions
{
    private static readonly HashSet<string> SupportedContractTypes = new(StringComparer.Ordinal) { "PAM", "ANN", "LAM", "NAM" };

    private static readonly HashSet<string> SupportedDayCounts = new(StringComparer.Ordinal) { "30E360", "A360", "A365", "AA" };

    private static readonly string[] RateResetTerms =
        ["cycleOfRateReset", "cycleAnchorDateOfRateReset", "marketObjectCodeOfRateReset", "nextResetRate"];

    // Terms the calculator either implements or may safely ignore: rateMultiplier, rateSpread and fixingDays act
    // only at rate resets (excluded); a calendar only through a business-day shift (excluded). Anything else could
    // change the cash flows unnoticed.
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

    public static readonly ActusExclusionRule[] Rules =
    [
        new("contract type", "not PAM, ANN, LAM or NAM",
            (_, t) => !SupportedContractTypes.Contains(t.Text("contractType") ?? "")),
        new("contract role", "only the lender (RPA) and borrower (RPL) sides are modelled",
            (_, t) => t.Text("contractRole") is not ("RPA" or "RPL")),
        new("floating rate", "rate resets from market data: DealLang coupons are fixed (floating rates are not supported yet)",
            (c, t) => c.ObservedSeriesCount > 0 || RateResetTerms.Any(t.Has)),
        new("business-day shift", "DealLang does not move dates to business days (a calendar without a shift, convention NOS, moves nothing and is run)",
            (_, t) => t.Text("businessDayConvention") is not (null or "NOS")),
        new("end-of-month rolling", "the reference's EOM shift (a month cycle anchored on a month's last day) is not reproduced by this harness's schedule",
            (_, t) => t.Text("endOfMonthConvention") is "EOM" && AnchoredOnMonthEnd(t)),
        new("day count", "30E360ISDA is not one of DealLang's day counts",
            (_, t) => !SupportedDayCounts.Contains(t.Text("dayCountConvention") ?? "")),
        new("capitalisation", "interest capitalisation (IPCI): DealLang never adds interest to principal",
            (_, t) => t.Has("capitalizationEndDate")),
        new("purchase/termination", "purchase or termination (PRD/TD) events are not modelled",
            (_, t) => t.Has("purchaseDate") || t.Has("terminationDate")),
        new("scaling", "index scaling (SC) is not modelled",
            (_, t) => t.Names.Any(n => n.Contains("Scaling", StringComparison.Ordinal))),
        new("interest calculation base", "interest on a base other than the notional (NT) is not modelled",
            (_, t) => t.Text("interestCalculationBase") is not (null or "NT")),
        new("observed events", "observed (unscheduled) events are not modelled",
            (c, _) => c.ObservedEventCount > 0),
        new("time of day", "Date has no time of day; the reference counts fractions of a day",
            HasTimeOfDay),
        new("cycle unit", "only month and year cycles (DealLang pays monthly to annually)",
            (_, t) => CycleOutOfScope(t)),
        new("derived maturity", "no maturity: the reference derives it from the redemption amount",
            (_, t) => MaturityIsDerived(t)),
        new("accrued interest at status date", "a status date after the exchange without accruedInterest: it would have to be reconstructed",
            (_, t) => t.Date("initialExchangeDate") <= t.Date("statusDate") && !t.Has("accruedInterest")),
        new("unknown terms", "a term the calculator does not know could change the cash flows unnoticed",
            (_, t) => t.Names.Any(n => !UnderstoodTerms.Contains(n))),
    ];

    /// <summary>
    /// Per file: how many cases run, and how many each rule excludes (rules not listed exclude none). NAM: every
    /// NAM case in the subset resets its rate, so none runs; a fixed-rate NAM case would fail this count and need
    /// a negative-amortisation function in the runtime before it could run.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int Run, IReadOnlyDictionary<string, int> Excluded)> Expected =
        new Dictionary<string, (int, IReadOnlyDictionary<string, int>)>(StringComparer.Ordinal)
        {
            ["pam"] = (8, Counts(("floating rate", 3), ("business-day shift", 4), ("capitalisation", 1), ("time of day", 1))),
            ["ann"] = (12, Counts(("floating rate", 4), ("capitalisation", 3), ("purchase/termination", 2), ("derived maturity", 1))),
            ["lam"] = (6, Counts(("floating rate", 15), ("cycle unit", 1))),
            ["nam"] = (0, Counts(("floating rate", 15))),
        };

    private static Dictionary<string, int> Counts(params (string Rule, int Count)[] counts) =>
        counts.ToDictionary(c => c.Rule, c => c.Count, StringComparer.Ordinal);

    private static bool HasTimeOfDay(ActusTestCase c, ActusTerms t) =>
        (c.To.Length > 0 && ActusTime.Parse(c.To).HasTimeOfDay)
        || c.Expected.Any(e => e.Time.HasTimeOfDay)
        || t.Names.Where(n => n.EndsWith("Date", StringComparison.Ordinal) || n.StartsWith("cycleAnchorDate", StringComparison.Ordinal))
            .Any(n => t.Time(n)!.Value.HasTimeOfDay);

    private static bool CycleOutOfScope(ActusTerms t) =>
        t.Names.Where(n => n.StartsWith("cycleOf", StringComparison.Ordinal)).Any(n => !ActusCycle.TryParse(t.Text(n), out _));

    // ACTUS applies EOM only to a month or year cycle whose anchor is the last day of its month.
    private static bool AnchoredOnMonthEnd(ActusTerms t) =>
        t.Names.Where(n => n.StartsWith("cycleAnchorDate", StringComparison.Ordinal))
            .Any(n => t.Date(n) is { } anchor && anchor.AddDays(1).Day == 1
                && ActusCycle.TryParse(t.Text("cycleOf" + n["cycleAnchorDateOf".Length..]), out _));

    private static bool MaturityIsDerived(ActusTerms t) =>
        !t.Has("maturityDate") && t.Text("contractType") switch
        {
            "ANN" or "NAM" => !t.Has("amortizationDate"),
            "LAM" => !t.Has("nextPrincipalRedemptionPayment"),
            _ => true,
        };
}
