using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each GPU fleet: the units the lender kept running under contracts, what a repo-market sale sold of it,
/// what a reserve held back and for how many periods, what it raised and what the contracts paid while it ran (and,
/// re-letting its idle units, what the re-let earned), the
/// units held at the run's end (and, where a scenario leaves any, the opex still owed then), and its market and book
/// values at the last scheduled period.</summary>
static class FleetRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int f = 0; f < rows.Deal.Fleets.Length; f++)
        {
            string name = rows.Deal.Fleets[f].Name;
            rows.Add(name, "units kept running", SummaryKind.Units, o => Of(o.Fleets[f].UnitsKept));
            rows.Add(name, "GPUs sold", SummaryKind.Units, o => Of(o.Fleets[f].UnitsSold));
            rows.Add(name, "units held back", SummaryKind.Units, o => Of(o.Fleets[f].UnitsHeld));
            rows.Add(name, "periods held back", SummaryKind.Count, o => Of(o.Fleets[f].PeriodsHeld));
            rows.Add(name, "sale proceeds", SummaryKind.Money, o => Of(o.Fleets[f].SaleProceeds));
            rows.Add(name, "contract revenue in sale", SummaryKind.Money, o => Of(o.Fleets[f].SaleRevenue));
            if (ReletsIdle(rows.Deal, f))
            {
                // Only a fleet whose sale re-lets idle units has the row, so every other deal's summary stays as it was.
                rows.Add(name, "enforcement re-let revenue", SummaryKind.Money, o => Of(o.Fleets[f].ReletRevenue));
            }

            rows.Add(name, "units at end", SummaryKind.Units, o => Of(o.Fleets[f].Units));
            if (rows.Outcomes.Any(o => o.Fleets[f].OpexUnpaid > 0))
            {
                // Only where a scenario of the run ends owing the fleet's running costs (the ledger's carried short of
                // 'pay F.opex'), so a deal that pays them keeps the summary it had.
                rows.Add(name, "opex unpaid at end", SummaryKind.Money, o => Of(o.Fleets[f].OpexUnpaid));
            }

            rows.Add(name, "market value at maturity", SummaryKind.Money, o => Of(o.Fleets[f].MarketValue));
            rows.Add(name, "book value at maturity", SummaryKind.Money, o => Of(o.Fleets[f].BookValue));
        }
    }

    /// <summary>Whether fleet <paramref name="fleet"/> is sold into the repo market by a sale that re-lets its idle units
    /// (<c>relet idle</c>, docs/language.md §9): only then has it a re-let revenue to report.</summary>
    static bool ReletsIdle(DealDescription deal, int fleet) =>
        deal.Sales.Any(s => s.Market is { Relet: > 0 } && s.Collateral.Contains(new CollateralRef(CollateralKind.Fleet, fleet)));

    /// <summary>The JSON summary's <c>fleets</c> array, only for a deal that has fleets, so the JSON of every deal
    /// without one stays as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Fleets.Length == 0)
        {
            return;
        }

        w.WriteStartArray("fleets");
        for (int i = 0; i < outcome.Fleets.Length; i++)
        {
            FleetSummary f = outcome.Fleets[i];
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            Json.Number(w, "unitsSold", f.UnitsSold);
            Json.Money(w, "saleProceeds", f.SaleProceeds);
            Json.Number(w, "unitsKept", f.UnitsKept);
            Json.Number(w, "unitsHeld", f.UnitsHeld);
            Json.Number(w, "periodsHeld", f.PeriodsHeld);
            Json.Money(w, "saleRevenue", f.SaleRevenue);
            if (ReletsIdle(deal, i))
            {
                Json.Money(w, "reletRevenue", f.ReletRevenue);
            }

            Json.Number(w, "units", f.Units);
            Json.Money(w, "opexUnpaid", f.OpexUnpaid);
            Json.Money(w, "marketValue", f.MarketValue);
            Json.Money(w, "bookValue", f.BookValue);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
