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
}

/// <summary>One value of a summary row for one scenario: a number, or a date (null: the event never happened).</summary>
readonly record struct SummaryCell(double Number, Date? Date);

/// <summary>One line of the side-by-side summary: what it measures and its value in each scenario.</summary>
sealed record SummaryRow(string Item, string Metric, SummaryKind Kind, SummaryCell[] Cells);

/// <summary>
/// The side-by-side summary as rows, shared by the table, CSV and Markdown formats so they always list the
/// same metrics in the same order: tranches, equities, deal events, RVG per lease, test minimums.
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

    public static List<SummaryRow> Build(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var rows = new List<SummaryRow>();
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            string name = deal.Tranches[i].Name;
            Add(rows, outcomes, name, IrrLabel, SummaryKind.Rate, o => Of(o.Tranches[i].Irr));
            Add(rows, outcomes, name, BeyLabel, SummaryKind.Rate, o => Of(o.Tranches[i].BondEquivalentYield));
            Add(rows, outcomes, name, "WAL (years)", SummaryKind.Years, o => Of(o.Tranches[i].WalYears));
            Add(rows, outcomes, name, "interest paid", SummaryKind.Money, o => Of(o.Tranches[i].InterestPaid));
            Add(rows, outcomes, name, "principal paid", SummaryKind.Money, o => Of(o.Tranches[i].PrincipalPaid));
            Add(rows, outcomes, name, "principal loss", SummaryKind.Money, o => Of(o.Tranches[i].PrincipalLoss));
            Add(rows, outcomes, name, "loss %", SummaryKind.Rate, o => Of(o.Tranches[i].LossFraction));
            Add(rows, outcomes, name, "unpaid interest", SummaryKind.Money, o => Of(o.Tranches[i].UnpaidInterest));
            Add(rows, outcomes, name, "first principal shortfall", SummaryKind.Date, o => On(o.Tranches[i].FirstPrincipalShortfall));
        }

        for (int e = 0; e < deal.Equities.Length; e++)
        {
            string name = deal.Equities[e].Name;
            Add(rows, outcomes, name, "contributed", SummaryKind.Money, o => Of(o.Equities[e].Contributed));
            Add(rows, outcomes, name, "distributions", SummaryKind.Money, o => Of(o.Equities[e].Distributions));
            Add(rows, outcomes, name, IrrLabel, SummaryKind.Rate, o => Of(o.Equities[e].Irr));
            for (int h = 0; h < deal.Equities[e].Holders.Length; h++)
            {
                int holder = h;
                string label = "to " + HolderName(deal, deal.Equities[e].Holders[h].Party);
                Add(rows, outcomes, name, label, SummaryKind.Money, o => Of(o.Equities[e].Holders[holder].Distributions));
            }
        }

        for (int k = 0; k < deal.Triggers.Length; k++)
        {
            Add(rows, outcomes, deal.Triggers[k], "first active", SummaryKind.Date, o => On(o.Events.Triggers[k].FirstActive));
        }

        Add(rows, outcomes, "deal", "event of default", SummaryKind.Date, o => On(o.Events.EventOfDefault));
        Add(rows, outcomes, "deal", "sale", SummaryKind.Date, o => On(o.Events.Sale));
        Add(rows, outcomes, "deal", "sale proceeds", SummaryKind.Money, o => Of(o.Events.SaleProceeds));
        for (int l = 0; l < deal.Leases.Length; l++)
        {
            Add(rows, outcomes, deal.Leases[l].Name, "RVG paid", SummaryKind.Money, o => Of(o.Events.RvgPaid[l].Amount));
        }

        for (int p = 0; p < deal.Parties.Length; p++)
        {
            // Only parties with credit terms or a scenario default: a sponsor with none would print rows of zeros.
            PartyInfo party = deal.Parties[p];
            bool defaults = outcomes.Any(o => o.Parties[p].DefaultDate is not null);
            if (party.AnnualPd == 0 && party.Recovery == 0 && !defaults)
            {
                continue;
            }

            string item = party.Rating.Length > 0 ? $"{party.Name} ({party.Rating})" : party.Name;
            Add(rows, outcomes, item, "annual PD", SummaryKind.Rate, o => Of(o.Parties[p].AnnualPd));
            Add(rows, outcomes, item, "PD to maturity", SummaryKind.Rate, o => Of(o.Parties[p].PdToMaturity));
            Add(rows, outcomes, item, "recovery", SummaryKind.Rate, o => Of(o.Parties[p].Recovery));
            Add(rows, outcomes, item, "defaults on", SummaryKind.Date, o => On(o.Parties[p].DefaultDate));
        }

        for (int k = 0; k < deal.Tests.Length; k++)
        {
            SummaryKind kind = outcomes.Count > 0 ? KindOf(outcomes[0].Events.Tests[k].Kind) : SummaryKind.Number;
            Add(rows, outcomes, deal.Tests[k], "minimum", kind, o => Of(o.Events.Tests[k].Minimum));
        }

        return rows;
    }

    static void Add(List<SummaryRow> rows, IReadOnlyList<ScenarioOutcome> outcomes, string item, string metric, SummaryKind kind, Func<ScenarioOutcome, SummaryCell> cell)
    {
        var cells = new SummaryCell[outcomes.Count];
        for (int s = 0; s < cells.Length; s++)
        {
            cells[s] = cell(outcomes[s]);
        }

        rows.Add(new SummaryRow(item, metric, kind, cells));
    }

    static SummaryCell Of(double value) => new(value, null);

    static SummaryCell On(Date? date) => new(double.NaN, date);

    static SummaryKind KindOf(ColumnKind? kind) => kind switch
    {
        ColumnKind.Money => SummaryKind.Money,
        ColumnKind.Rate => SummaryKind.Rate,
        ColumnKind.Ratio => SummaryKind.Ratio,
        _ => SummaryKind.Number,
    };

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
