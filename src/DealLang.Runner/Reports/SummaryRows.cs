using DealLang.Runner.Reports.Rows;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>What a summary cell holds, which decides how each format spells it.</summary>
enum SummaryKind
{
    Money,
    Rate,
    Ratio,
    Years,
    Number,
    Date,

    /// <summary>A whole number (months), "-" where undefined.</summary>
    Count,

    /// <summary>A quantity of things (GPUs, coins): as many decimals as it has, up to two ("165000", "787.17").</summary>
    Units,
}

/// <summary>One value of a summary row for one scenario: a number, or a date (null: the event never happened).</summary>
readonly record struct SummaryCell(double Number, Date? Date);

/// <summary>One line of the side-by-side summary: what it measures and its value in each scenario.</summary>
sealed record SummaryRow(string Item, string Metric, SummaryKind Kind, SummaryCell[] Cells);

/// <summary>
/// The side-by-side summary as rows, shared by the table, CSV and Markdown formats so they always list the
/// same metrics in the same order: tranches, equities, fees left unpaid, triggers, deal events, RVG per lease, loans, fleets, contracts, parties, test
/// minimums, and a replayed Monte Carlo path's draws. Each kind's rows come from its own source in Reports/Rows.
/// </summary>
static class SummaryRows
{
    /// <summary>The metric names say the convention, so a CSV row read on its own does too.</summary>
    public const string IrrLabel = "IRR (annual ACT/365F)";

    public const string BeyLabel = "BEY (semiannual)";

    /// <summary>The conventions in words, under the heading of the table and Markdown summaries.</summary>
    public const string Conventions =
        "IRR: annual compounding on actual days (ACT/365F, XIRR-style); BEY: bond-equivalent yield, "
        + "semiannual compounding, 2 x ((1 + IRR)^(1/2) - 1)";

    /// <summary>
    /// The row sources, one per declaration kind (Reports/Rows), in the order their rows are listed. A new kind
    /// with summary rows adds its source here, once.
    /// </summary>
    static readonly Action<SummaryRowBuilder>[] Sources =
    [
        TrancheRows.Add,
        EquityRows.Add,
        FeeRows.Add,
        TriggerRows.Add,
        DealEventRows.Add,
        LeaseRows.Add,
        LoanRows.Add,
        FleetRows.Add,
        ContractRows.Add,
        HoldingRows.Add,
        GuaranteeRows.Add,
        CoinsRows.Add,
        PartyRows.Add,
        TestRows.Add,
        DrawRows.Add,
    ];

    public static List<SummaryRow> Build(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var rows = new SummaryRowBuilder(deal, outcomes);
        foreach (Action<SummaryRowBuilder> source in Sources)
        {
            source(rows);
        }

        return rows.Rows;
    }

    internal static string HolderName(DealDescription deal, int party) =>
        party >= 0 && party < deal.Parties.Length ? deal.Parties[party].Name : "party " + ValueText.Integer(party);

    /// <summary>For people (table, Markdown): money in millions, rates and IRRs as percentages, "-" for an event
    /// that never happened.</summary>
    public static string Human(SummaryCell cell, SummaryKind kind) => kind switch
    {
        SummaryKind.Money => ValueText.Millions(cell.Number),
        SummaryKind.Rate => ValueText.Percent(cell.Number),
        SummaryKind.Ratio => ValueText.Ratio(cell.Number),
        SummaryKind.Date => ValueText.Date(cell.Date, "-"),
        SummaryKind.Count => double.IsFinite(cell.Number) ? ValueText.Integer((int)cell.Number) : "-",
        SummaryKind.Units => ValueText.Units(cell.Number),
        _ => ValueText.Years(cell.Number),
    };

    /// <summary>For CSV: money to the cent, other numbers at full precision, undefined values and missing dates empty.</summary>
    public static string Exact(SummaryCell cell, SummaryKind kind) => kind switch
    {
        SummaryKind.Date => ValueText.Date(cell.Date, ""),
        _ when !double.IsFinite(cell.Number) => "",
        SummaryKind.Money => ValueText.Cents(cell.Number),
        _ => ValueText.Full(cell.Number),
    };
}
