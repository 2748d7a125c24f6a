using DealLang.Runtime;

namespace DealLang.Runner.Tests.Support;

/// <summary>Hand-built deal descriptions: what the compiler would emit, without needing the compiler.</summary>
static class TestDeals
{
    /// <summary>The Hyperion schedule (2025-10-30 to 2049-05-30, semiannual, 30/360: a one-month front stub,
    /// then periods ending 30 May / 30 Nov), so t=1 ends 2026-05-30 and t=1+2k ends on 30 May of 2026+k.</summary>
    public static DealDescription Hyperion(
        PartyInfo[]? parties = null,
        FacilityInfo[]? facilities = null,
        LeaseInfo[]? leases = null,
        SaleInfo[]? sales = null) =>
        Make(new Date(2025, 10, 30), new Date(2049, 5, 30), Frequency.Semiannual, DayCount.Thirty360,
            parties, facilities, leases, sales);

    public static DealDescription Make(
        Date closing,
        Date maturity,
        Frequency frequency,
        DayCount dayCount,
        PartyInfo[]? parties = null,
        FacilityInfo[]? facilities = null,
        LeaseInfo[]? leases = null,
        SaleInfo[]? sales = null)
    {
        Date[] boundaries = Schedule.Boundaries(closing, maturity, frequency);
        return Make(boundaries, frequency, dayCount, parties, facilities, leases, sales);
    }

    public static DealDescription Make(
        Date[] boundaries,
        Frequency frequency,
        DayCount dayCount,
        PartyInfo[]? parties = null,
        FacilityInfo[]? facilities = null,
        LeaseInfo[]? leases = null,
        SaleInfo[]? sales = null,
        TrancheInfo[]? tranches = null,
        EquityInfo[]? equities = null,
        string[]? tests = null,
        string[]? triggers = null,
        string name = "Test",
        string title = "Test",
        IndexInfo[]? indices = null,
        bool projectsCompletion = false)
    {
        var yf = new double[boundaries.Length - 1];
        for (int t = 0; t < yf.Length; t++)
        {
            yf[t] = DayCounts.YearFraction(dayCount, boundaries[t], boundaries[t + 1]);
        }

        return new DealDescription
        {
            Name = name,
            Title = title,
            Currency = "USD",
            Closing = boundaries[0],
            Maturity = boundaries[^1],
            Frequency = frequency,
            DayCount = dayCount,
            Boundaries = boundaries,
            YearFractions = yf,
            Parties = parties ?? [],
            Facilities = facilities ?? [],
            Leases = leases ?? [],
            Tranches = tranches ?? [],
            Equities = equities ?? [],
            Accounts = [],
            Fees = [],
            Tests = tests ?? [],
            Triggers = triggers ?? [],
            Sales = sales ?? [],
            Indices = indices ?? [],
            ProjectsCompletion = projectsCompletion,
        };
    }

    public static FacilityInfo StraightLine(double cost, int lifeMonths, double floor, Date start) =>
        new("Campus", cost, new StraightLineCurve(lifeMonths, floor, start));

    public static FacilityInfo ScheduleValue(Date[] dates, double[] values) =>
        new("Campus", values.Length > 0 ? values[0] : 0, new ScheduleCurve(dates, values));

    /// <summary>MetaLease-like: starts 2026-02-15, 4y term, 4 renewals of 4y, lessee = party 0.</summary>
    public static LeaseInfo Lease(
        double rent = 1.2e9,
        double escalator = 0,
        bool atMarket = false,
        Date? rvgUntil = null,
        int termMonths = 48) =>
        new("MetaLease", 0, 0, rent, escalator, new Date(2026, 2, 15), termMonths, 4, 48, atMarket, rvgUntil, 28e9);

    public static PartyInfo Party(string name = "Meta", double recovery = 0.6) => new(name, "AA-", 0.0003, recovery);

    /// <summary>A scenario for <paramref name="deal"/> with only the given overrides.</summary>
    public static ScenarioSpec Scenario(
        DealDescription deal,
        string name = "S",
        int? renewalsTaken = null,
        ValueStress? stress = null,
        double marketDeflation = 0,
        Date? partyDefault = null,
        double? haircut = null,
        int? lag = null)
    {
        var renewals = new int?[deal.Leases.Length];
        if (renewals.Length > 0)
        {
            renewals[0] = renewalsTaken;
        }

        var stresses = new ValueStress[deal.Facilities.Length];
        for (int f = 0; f < stresses.Length; f++)
        {
            stresses[f] = stress ?? ValueStress.None;
        }

        var defaults = new Date?[deal.Parties.Length];
        if (defaults.Length > 0)
        {
            defaults[0] = partyDefault;
        }

        return new ScenarioSpec(name, renewals, stresses, marketDeflation, defaults, haircut, lag);
    }
}
