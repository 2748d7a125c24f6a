using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each loan the deal owns: what it paid, what was recovered and lost at its obligor's default, and when.</summary>
static class LoanRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int l = 0; l < rows.Deal.Loans.Length; l++)
        {
            string name = rows.Deal.Loans[l].Name;
            rows.Add(name, "interest received", SummaryKind.Money, o => Of(o.Loans[l].InterestReceived));
            rows.Add(name, "principal received", SummaryKind.Money, o => Of(o.Loans[l].PrincipalReceived));
            rows.Add(name, "recovery", SummaryKind.Money, o => Of(o.Loans[l].Recovery));
            rows.Add(name, "loss", SummaryKind.Money, o => Of(o.Loans[l].Loss));
            rows.Add(name, "defaults on", SummaryKind.Date, o => On(o.Loans[l].DefaultDate));
        }
    }
}
