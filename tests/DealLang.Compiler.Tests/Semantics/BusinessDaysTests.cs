using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// The header's <c>business_days</c> (docs/language.md §4, "Business days"): its checks and the schedule it lowers to.
/// The harness deal is annual from 2025-01-01 to 2030-01-01: rolled dates 2026-01-01 (Thursday), 2027-01-01 (Friday),
/// 2028-01-01 (Saturday), 2029-01-01 (Monday) and 2030-01-01 (Tuesday); the item is on line 9.
/// </summary>
public sealed class BusinessDaysTests
{
    private static readonly Date[] Rolled =
        [new(2025, 1, 1), new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1), new(2029, 1, 1), new(2030, 1, 1)];

    // Saturday 2028-01-01 moves to Monday 2028-01-03 (under both rolls: the Monday is still in January).
    [Fact]
    public void OnlyTheWeekendDateMovesAndAdjustedAccrualKeepsNoSecondSchedule()
    {
        DealModel model = ModelOf(Deal("  business_days modified_following"));
        Date[] paid = [Rolled[0], Rolled[1], Rolled[2], new Date(2028, 1, 3), Rolled[4], Rolled[5]];
        Assert.Equal(paid, model.Boundaries.ToArray());
        Assert.Empty(model.AccrualBoundaries);
    }

    // Saturday 2028-01-01: preceding pays Friday 2027-12-31; that Friday is in December, so modified preceding pays
    // the next business day, Monday 2028-01-03.
    [Fact]
    public void PrecedingMovesTheSaturdayBackAcrossTheYearAndModifiedPrecedingOnToMonday()
    {
        Assert.Equal(new Date(2027, 12, 31), ModelOf(Deal("  business_days preceding")).Boundaries[3]);
        Assert.Equal(new Date(2028, 1, 3), ModelOf(Deal("  business_days modified_preceding")).Boundaries[3]);
    }

    // A first payment on Saturday 2025-01-04, with Thursday 2025-01-02 and Friday 2025-01-03 holidays, moves back under
    // preceding to Wednesday 2025-01-01, the closing: the first period would be empty. The check compares each date as
    // paid with the one before it as paid, so a backward move is caught as a forward one is.
    [Fact]
    public void APrecedingMoveOntoTheClosingIsReported()
    {
        Diagnostic d = Single(Errors(Deal("  first_payment 2025-01-04\n  business_days preceding holidays { 2025-01-02, 2025-01-03 }")), "DL0445");
        At(d, 10, 17);
        Assert.Contains("2025-01-04 moves to 2025-01-01", d.Message, StringComparison.Ordinal);
    }

    // A holiday on the maturity, Tuesday 2030-01-01, moves it back to Monday 2029-12-31 under preceding: it moves a
    // payment date, so it is not warned of as outside the deal's dates (DL0444), though it is after the maturity as paid.
    [Fact]
    public void AHolidayOnAMaturityPaidEarlierIsNotWarnedOf()
    {
        (DealModel? model, var diagnostics) = Analyze(Deal("  business_days preceding holidays { 2030-01-01 }"));
        Assert.NotNull(model);
        Assert.Equal(new Date(2029, 12, 31), model.Boundaries[5]);
        Assert.DoesNotContain(diagnostics, d => d.Code == "DL0444");
    }

    [Fact]
    public void UnadjustedAccrualKeepsTheRolledDates()
    {
        DealModel model = ModelOf(Deal("  business_days following unadjusted"));
        Assert.Equal(new Date(2028, 1, 3), model.Boundaries[3]);
        Assert.Equal(Rolled, model.AccrualBoundaries);
    }

    // A holiday on Monday 2029-01-01 moves that date to Tuesday 2029-01-02; the closing is never moved, even when a
    // holiday falls on it (a warning: it moves nothing).
    [Fact]
    public void AHolidayMovesAWeekdayAndNotTheClosing()
    {
        (DealModel? model, var diagnostics) = Analyze(Deal("  business_days following holidays { 2025-01-01, 2029-01-01 }"));
        Assert.NotNull(model);
        Assert.Equal(new Date(2029, 1, 2), model.Boundaries[4]);
        Assert.Equal(Rolled[0], model.Boundaries[0]);
        Diagnostic warning = Single(diagnostics, "DL0444");
        Assert.Equal(Severity.Warning, warning.Severity);
        At(warning, 9, 38);
    }

    [Fact]
    public void WithoutTheItemTheRolledDatesAreTheBoundaries()
    {
        DealModel model = ModelOf(Deal());
        Assert.Equal(Rolled, model.Boundaries);
        Assert.Empty(model.AccrualBoundaries);
    }

    [Fact]
    public void TheItemGivenTwiceIsReported()
    {
        // DL0105 is reported while the tree is built, as for every header item given twice.
        var bag = new DiagnosticBag();
        DealParser.Parse(FilePath, Deal("  business_days following\n  business_days modified_following"), bag);
        Diagnostic d = Single(bag.Sorted(), "DL0105");
        At(d, 10, 3);
    }

    [Fact]
    public void AnUnknownAccrualIsReportedWithASuggestion()
    {
        Diagnostic d = Single(Errors(Deal("  business_days following unajusted")), "DL0442");
        At(d, 9, 27);
        Assert.Contains("did you mean 'unadjusted'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHolidayListOutOfOrderIsReportedAtTheHoliday()
    {
        Diagnostic d = Single(Errors(Deal("  business_days following holidays { 2027-12-24 2026-12-24 }")), "DL0443");
        At(d, 9, 49);
    }

    // TARGET2 closes on New Year's Day, so under following every rolled date moves: Thursday 2026-01-01 to Friday
    // 2026-01-02, Friday 2027-01-01 to Monday 2027-01-04, Saturday 2028-01-01 to Monday 2028-01-03, Monday 2029-01-01
    // to Tuesday 2029-01-02 and Tuesday 2030-01-01 to Wednesday 2030-01-02. With Friday 2026-01-02 listed too, the
    // first goes on to Monday 2026-01-05.
    [Fact]
    public void ANamedCalendarMovesItsHolidaysAndAListAddsToIt()
    {
        Date[] paid = [Rolled[0], new(2026, 1, 2), new(2027, 1, 4), new(2028, 1, 3), new(2029, 1, 2), new(2030, 1, 2)];
        (DealModel? model, var diagnostics) = Analyze(Deal("  business_days following holidays TARGET2"));
        Assert.NotNull(model);
        Assert.Empty(diagnostics);
        Assert.Equal(paid, model.Boundaries.ToArray());
        Assert.Equal(new Date(2026, 1, 5), ModelOf(Deal("  business_days following holidays TARGET2 + { 2026-01-02 }")).Boundaries[1]);
    }

    [Fact]
    public void AnUnknownCalendarIsReportedWithTheKnownOnes()
    {
        Diagnostic d = Single(Errors(Deal("  business_days following holidays target2")), "DL0214");
        At(d, 9, 36);
        Assert.Contains("did you mean 'TARGET2'?", d.Message, StringComparison.Ordinal);
        Assert.Contains("the calendars are TARGET2, federal_reserve, NYSE, London;", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'NYSE'?", Single(Errors(Deal("  business_days following holidays nyse")), "DL0214").Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'London'?", Single(Errors(Deal("  business_days following holidays LONDON")), "DL0214").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACalendarNamedTwiceIsReportedAtTheSecond()
    {
        Diagnostic d = Single(Errors(Deal("  business_days following holidays federal_reserve + TARGET2 + federal_reserve")), "DL0459");
        At(d, 9, 64);
    }

    // Thursday 2026-12-24 is no TARGET2 holiday; Friday 2026-12-25 is, and listing it too is warned of.
    [Fact]
    public void AListedHolidayTheCalendarAlreadyHasIsWarnedOf()
    {
        (DealModel? model, var diagnostics) = Analyze(Deal("  business_days following holidays TARGET2 + { 2026-12-24, 2026-12-25 }"));
        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0458");
        Assert.Equal(Severity.Warning, d.Severity);
        At(d, 9, 60);
    }

    // The NYSE's unscheduled closures are its holidays too: Thursday 2025-01-09 (the day of mourning for President
    // Carter) and Good Friday 2026-04-03 are warned of; Easter Monday 2026-04-06, on which the exchange is open, is not.
    // London's Boxing Day substitute, Tuesday 2027-12-28 (Christmas on a Saturday), is warned of.
    [Fact]
    public void AListedHolidayTheNyseOrLondonAlreadyHasIsWarnedOf()
    {
        (DealModel? model, var diagnostics) = Analyze(Deal("  business_days following holidays NYSE + { 2025-01-09, 2026-04-03, 2026-04-06 }"));
        Assert.NotNull(model);
        Diagnostic[] warned = [.. diagnostics.Where(d => d.Code == "DL0458")];
        Assert.Equal(2, warned.Length);
        At(warned[0], 9, 45);
        Assert.Equal("holiday 2025-01-09 is already a NYSE holiday; list only the closures the calendar does not have", warned[0].Message);
        At(warned[1], 9, 57);

        Diagnostic london = Single(Analyze(Deal("  business_days following holidays London + { 2027-12-28 }")).Diagnostics, "DL0458");
        At(london, 9, 47);
    }

    // The NYSE's rules hold from 1998 (its first Martin Luther King Jr. Day), London's from 1995: a deal closing
    // 1996-01-01 first pays on 1997-01-01, before the NYSE's first year and not before London's.
    [Fact]
    public void TheNyseAndLondonCalendarsBeginInTheirFirstYears()
    {
        string deal = Deal("  business_days following holidays NYSE + London").Replace("closing 2025-01-01", "closing 1996-01-01", StringComparison.Ordinal);
        (_, var diagnostics) = Analyze(deal);
        Diagnostic d = Single(diagnostics, "DL0463");
        At(d, 9, 36);
        Assert.Contains("the NYSE calendar's rules hold from 1998, and the payment date 1997-01-01", d.Message, StringComparison.Ordinal);
    }

    // Closing 2000-01-01 (annual, so the first payment date is 2001-01-01): TARGET2's rules hold from 2002.
    [Fact]
    public void ACalendarWhoseRulesBeginAfterAPaymentDateIsReported()
    {
        string deal = Deal("  business_days following holidays TARGET2").Replace("closing 2025-01-01", "closing 2000-01-01", StringComparison.Ordinal);
        Diagnostic d = Single(Errors(deal), "DL0463");
        At(d, 9, 36);
        Assert.Contains("hold from 2002, and the payment date 2001-01-01", d.Message, StringComparison.Ordinal);
    }

    // The accrual is optional, and a header keyword that may also be a name ('title') after the roll starts the next
    // item rather than being read as an accrual.
    [Fact]
    public void AHeaderItemAfterTheRollIsNotTakenForTheAccrual()
    {
        DealModel model = ModelOf(Deal("  business_days following\n  title \"Dates\""));
        Assert.Equal("Dates", model.Title);
        Assert.Empty(model.AccrualBoundaries);
    }
}
