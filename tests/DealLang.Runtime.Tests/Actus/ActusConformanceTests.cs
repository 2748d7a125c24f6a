using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace DealLang.Runtime.Tests.Actus;

/// <summary>Replays the ACTUS reference cases (see README.md beside this file) through the runtime functions the generated loop calls.</summary>
public class ActusConformanceTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-6;
    private const double AbsoluteTolerance = 1e-4;

    private static readonly HashSet<string> ComparedTypes = new(StringComparer.Ordinal) { "IP", "PR", "MD" };

    public static TheoryData<string, string> SelectedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in ActusTestCase.Kinds)
        {
            foreach (ActusTestCase c in ActusTestCase.LoadFile(kind).Where(c => ActusCaseSelection.ExclusionReason(c) is null))
            {
                data.Add(kind, c.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SelectedCases))]
    public void Payoffs_match_the_reference(string kind, string id)
    {
        ActusTestCase c = ActusTestCase.Load(kind, id);
        ActusRun run = ActusCalculator.Run(c);

        var expected = c.Expected.Where(e => ComparedTypes.Contains(e.Type)).ToList();
        var actual = run.Events.Where(e => ComparedTypes.Contains(e.Type)).ToList();
        Assert.NotEmpty(expected);

        var problems = new StringBuilder();
        if (expected.Count != actual.Count)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"expected {expected.Count} IP/PR/MD events, computed {actual.Count}");
        }

        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string want = i < expected.Count ? Describe(expected[i].Time.Date, expected[i].Type, expected[i].Payoff) : "-";
            string got = i < actual.Count ? Describe(actual[i].Date, actual[i].Type, actual[i].Payoff) : "-";
            bool same = i < expected.Count && i < actual.Count
                && expected[i].Time.Date == actual[i].Date
                && expected[i].Type == actual[i].Type
                && Close(expected[i].Payoff, actual[i].Payoff);
            if (!same)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"#{i}: expected {want}, computed {got}");
            }
        }

        Assert.True(problems.Length == 0, $"{kind}/{id}:{Environment.NewLine}{problems}");
    }

    [Theory]
    [MemberData(nameof(SelectedCases))]
    public void Generated_schedules_agree_with_Schedule_Boundaries(string kind, string id)
    {
        // Where the reference's rule and ours must coincide (a supported frequency, an anchor day that no month
        // clamps, and no long stub), the dates must be the same; the rest are the reference's own conventions.
        ActusRun run = ActusCalculator.Run(ActusTestCase.Load(kind, id));
        foreach (ActusGeneratedSchedule s in run.Schedules.Where(Comparable))
        {
            Date first = Date.Min(s.Cycle!.Add(s.Anchor, 1), s.End);
            Date[] ours = Schedule.Boundaries(s.Anchor, s.End, FrequencyOf(s.Cycle.Months), first);
            Assert.Equal(s.IncludeEnd ? ours : ours[..^1], s.Dates);
        }
    }

    [Theory]
    [InlineData("pam")]
    [InlineData("ann")]
    [InlineData("lam")]
    [InlineData("nam")]
    public void Each_file_runs_and_excludes_exactly_the_cases_in_the_table(string kind)
    {
        // Exact counts (ActusExclusions.Expected): a case lost to a broadened rule, or run by a narrowed one,
        // fails here. NAM runs none: every NAM case in the subset has a floating rate.
        IReadOnlyList<ActusTestCase> cases = ActusTestCase.LoadFile(kind);
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.NotEmpty(c.Expected));

        foreach (ActusTestCase c in cases)
        {
            output.WriteLine($"{c.Id}: {ActusCaseSelection.ExclusionReason(c) ?? "run"}");
        }

        var (run, excluded) = ActusExclusions.Expected[kind];
        var actual = cases.Where(c => ActusCaseSelection.ExcludedBy(c) is not null)
            .GroupBy(c => ActusCaseSelection.ExcludedBy(c)!.Name)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string breakdown = string.Join("; ", cases.Select(c => $"{c.Id}: {ActusCaseSelection.ExclusionReason(c) ?? "run"}"));

        Assert.True(cases.Count(c => ActusCaseSelection.ExcludedBy(c) is null) == run, $"{kind}: expected {run} cases run. {breakdown}");
        Assert.Equal(excluded.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(excluded.Keys, rule => Assert.Contains(ActusExclusions.Rules, r => r.Name == rule));
    }

    [Fact]
    public void Enough_generated_schedules_are_compared_with_Schedule_Boundaries()
    {
        int compared = SelectedCases()
            .Select(row => ActusCalculator.Run(ActusTestCase.Load((string)row[0], (string)row[1])))
            .Sum(run => run.Schedules.Count(Comparable));
        output.WriteLine($"{compared} generated schedules compared with Schedule.Boundaries");
        Assert.True(compared >= 40, $"only {compared} generated schedules were comparable with Schedule.Boundaries");
    }

    [Fact]
    public void The_reference_annuity_amount_of_ann02_is_our_level_payment()
    {
        // ann02 states its annuity amount (1161.08479218624) for 100,000 at 7% over 120 monthly 30E/360 periods;
        // every such period is exactly 1/12 of a year, so the level-payment formula must give the same number.
        ActusTestCase c = ActusTestCase.Load("ann", "ann02");
        Date start = c.Terms.Date("initialExchangeDate")!.Value;
        Date maturity = c.Terms.Date("maturityDate")!.Value;
        Date[] periods = Schedule.Boundaries(start, maturity, Frequency.Monthly);
        double periodRate = c.Terms.Number("nominalInterestRate")!.Value * DayCounts.YearFraction(DayCount.Thirty360E, periods[0], periods[1]);

        double ours = Annuity.Payment(c.Terms.Number("notionalPrincipal")!.Value, periodRate, periods.Length - 1);

        Assert.Equal(121, periods.Length);
        Assert.Equal(c.Terms.Number("nextPrincipalRedemptionPayment")!.Value, ours, 1e-9);
    }

    private static bool Close(double expected, double actual)
    {
        double diff = Math.Abs(expected - actual);
        return diff <= AbsoluteTolerance || diff <= RelativeTolerance * Math.Abs(expected);
    }

    private static string Describe(Date date, string type, double payoff) =>
        string.Create(CultureInfo.InvariantCulture, $"{date} {type} {payoff:R}");

    private static bool Comparable(ActusGeneratedSchedule s)
    {
        if (s.Cycle is not { Months: 1 or 3 or 6 or 12 } cycle || s.Anchor >= s.End || s.Anchor.Day >= 28)
        {
            return false;
        }

        int k = 1;
        while (cycle.Add(s.Anchor, k) < s.End)
        {
            k++;
        }

        bool endOnCycle = cycle.Add(s.Anchor, k) == s.End;
        return !cycle.LongStub || endOnCycle;
    }

    private static Frequency FrequencyOf(int months) => months switch
    {
        1 => Frequency.Monthly,
        3 => Frequency.Quarterly,
        6 => Frequency.Semiannual,
        _ => Frequency.Annual,
    };
}
