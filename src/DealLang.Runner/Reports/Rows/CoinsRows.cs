using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each coins holding: its mining margin collected (for a miner) and the coins it kept (for one that keeps
/// some), the coins its sale steps sold, what they
/// raised and when they first sold, the coins held at the run's end, and for coins an enforcement sale lists, the
/// coins it sold and what it raised for them.</summary>
static class CoinsRows
{
    /// <summary>Whether an enforcement sale lists coins holding <paramref name="index"/> (the compiler's
    /// CoinsComponent asks the same): only those have the enforcement sale's rows.</summary>
    public static bool SoldInEnforcement(DealDescription deal, int index) =>
        deal.Sales.Any(s => s.Collateral.Any(c => c.Kind == CollateralKind.Coins && c.Index == index));

    public static void Add(SummaryRowBuilder rows)
    {
        for (int c = 0; c < rows.Deal.Coins.Length; c++)
        {
            string name = rows.Deal.Coins[c].Name;
            if (rows.Deal.Coins[c].Mines)
            {
                rows.Add(name, "mining margin", SummaryKind.Money, o => Of(o.Coins[c].Mining));
            }

            if (rows.Deal.Coins[c].Keep > 0)
            {
                rows.Add(name, "coins kept", SummaryKind.Units, o => Of(o.Coins[c].Kept));
            }

            rows.Add(name, "coins sold", SummaryKind.Units, o => Of(o.Coins[c].Sold));
            rows.Add(name, "sale proceeds", SummaryKind.Money, o => Of(o.Coins[c].Proceeds));
            rows.Add(name, "first sale", SummaryKind.Date, o => On(o.Coins[c].FirstSale));
            rows.Add(name, "coins at end", SummaryKind.Units, o => Of(o.Coins[c].HeldAtEnd));
            if (SoldInEnforcement(rows.Deal, c))
            {
                rows.Add(name, "coins sold in enforcement", SummaryKind.Units, o => Of(o.Coins[c].SoldInEnforcement));
                rows.Add(name, "enforcement sale proceeds", SummaryKind.Money, o => Of(o.Coins[c].EnforcementProceeds));
            }
        }
    }

    /// <summary>The JSON summary's <c>coins</c> array, only for a deal that holds coins, so the JSON of every deal
    /// without them stays as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Coins.Length == 0)
        {
            return;
        }

        w.WriteStartArray("coins");
        for (int k = 0; k < outcome.Coins.Length; k++)
        {
            CoinsSummary c = outcome.Coins[k];
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            Json.Money(w, "mining", c.Mining);
            if (deal.Coins[k].Keep > 0)
            {
                Json.Number(w, "kept", c.Kept);
            }

            Json.Number(w, "sold", c.Sold);
            Json.Money(w, "proceeds", c.Proceeds);
            Json.Date(w, "firstSale", c.FirstSale);
            Json.Number(w, "heldAtEnd", c.HeldAtEnd);
            if (SoldInEnforcement(deal, k))
            {
                Json.Number(w, "soldInEnforcement", c.SoldInEnforcement);
                Json.Money(w, "enforcementProceeds", c.EnforcementProceeds);
            }
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
