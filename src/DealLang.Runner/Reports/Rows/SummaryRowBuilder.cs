using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports.Rows;

/// <summary>
/// Where the row sources (one per declaration kind) add their rows: each row takes its value in every scenario
/// from a function of that scenario's outcome.
/// </summary>
sealed class SummaryRowBuilder(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
{
    public DealDescription Deal { get; } = deal;

    public IReadOnlyList<ScenarioOutcome> Outcomes { get; } = outcomes;

    public List<SummaryRow> Rows { get; } = [];

    public void Add(string item, string metric, SummaryKind kind, Func<ScenarioOutcome, SummaryCell> cell)
    {
        var cells = new SummaryCell[Outcomes.Count];
        for (int s = 0; s < cells.Length; s++)
        {
            cells[s] = cell(Outcomes[s]);
        }

        Rows.Add(new SummaryRow(item, metric, kind, cells));
    }

    public static SummaryCell Of(double value) => new(value, null);

    public static SummaryCell On(Date? date) => new(double.NaN, date);
}
