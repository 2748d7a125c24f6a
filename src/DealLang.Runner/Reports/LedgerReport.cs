using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The period ledger of one scenario as text. Pure: the same outcome gives byte-identical output on any machine
/// and culture. Period numbers are 1-based (period 1 is the first), as a reader of a payment schedule counts.
/// </summary>
public static class LedgerReport
{
    public static string Render(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(outcome);
        LedgerTable ledger = outcome.Ledger
            ?? throw new ArgumentException($"Scenario '{outcome.Scenario}' was run summary-only; there is no ledger to render.", nameof(outcome));
        if (ledger.Columns != layout.Columns.Length || ledger.Periods > deal.Periods)
        {
            throw new ArgumentException(
                $"The ledger of '{outcome.Scenario}' ({ledger.Periods} x {ledger.Columns}) does not fit deal '{deal.Name}' ({deal.Periods} periods, {layout.Columns.Length} columns).",
                nameof(outcome));
        }

        return format switch
        {
            ReportFormat.Table => LedgerText.Render(deal, layout, outcome.Scenario, ledger),
            ReportFormat.Csv => LedgerCsv.Render(deal, layout, ledger),
            ReportFormat.Json => LedgerJson.Render(deal, layout, outcome.Scenario, ledger),
            ReportFormat.Markdown => LedgerMarkdown.Render(deal, layout, outcome.Scenario, ledger),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }

    // Only the table and Markdown formats print headings, both for people: the title is escaped here.
    internal static string Heading(DealDescription deal, string scenario) =>
        TerminalText.Escape(string.Equals(deal.Title, deal.Name, StringComparison.Ordinal)
            ? $"{deal.Name}, scenario {scenario}"
            : $"{deal.Name} ({deal.Title}), scenario {scenario}");

    // Against the scheduled periods, not the horizon: the workout periods after the maturity are room for the
    // longest lag any scenario may set (10 years), run only while a sale is pending, so their number says
    // nothing about this run.
    internal static string Extent(DealDescription deal, LedgerTable ledger)
    {
        int scheduled = deal.ScheduledPeriods;
        return ledger.Periods == scheduled
            ? $"{ValueText.Integer(scheduled)} periods"
            : ledger.Periods < scheduled
                ? $"{ValueText.Integer(ledger.Periods)} of {ValueText.Integer(scheduled)} periods run (the deal ended early)"
                : $"{ValueText.Integer(ledger.Periods)} periods run ({ValueText.Integer(scheduled)} to the maturity, then {ValueText.Integer(ledger.Periods - scheduled)} in the workout)";
    }
}
