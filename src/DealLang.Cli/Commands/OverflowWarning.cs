using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// A run whose amounts grew past a double's range (a coupon or a PIK that feeds on its own balance, an input far out of
/// range) prints them, and every figure that depends on them, as n/a, which a reader takes for "not applicable". This
/// says what happened, on standard error, once per scenario: the first ledger column and period that overflowed when
/// the run kept a ledger, else the first summary figure that is not a number where one always is.
/// </summary>
internal static class OverflowWarning
{
    public static void Report(DealDescription deal, LedgerLayout layout, IEnumerable<ScenarioOutcome> outcomes, CliConsole console)
    {
        foreach (ScenarioOutcome outcome in outcomes)
        {
            if (Where(deal, layout, outcome) is { } where)
            {
                console.Info(console.Error, $"deallang: warning: deal {TerminalText.Escape(deal.Name)}, scenario {TerminalText.Escape(outcome.Scenario)}: "
                    + $"amounts overflowed ({TerminalText.Escape(where)}), so they and the figures that depend on them print as n/a; a coupon or a PIK "
                    + "that feeds on its own balance, or an input far out of range, can grow without bound (docs/cli.md, \"run\")");
            }
        }
    }

    /// <summary>Where the run first overflowed, or null when it did not.</summary>
    static string? Where(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome)
    {
        // An infinity is never a figure (a ratio over zero is n/a, NaN, by definition), so the first one in the ledger
        // is where the amounts left the doubles' range.
        if (outcome.Ledger is { } ledger)
        {
            for (int t = 0; t < ledger.Periods; t++)
            {
                for (int k = 0; k < layout.Columns.Length; k++)
                {
                    if (double.IsInfinity(ledger[t, k]))
                    {
                        return $"'{layout.Columns[k].Name}' in the period ending {deal.Boundaries[t + 1]}";
                    }
                }
            }
        }

        // Without a ledger, or where the overflow went straight to NaN: the amounts a summary always has.
        foreach (TrancheSummary t in outcome.Tranches)
        {
            if (!double.IsFinite(t.PrincipalLoss) || !double.IsFinite(t.InterestPaid) || !double.IsFinite(t.PrincipalPaid) || !double.IsFinite(t.UnpaidInterest))
            {
                return $"tranche {t.Name}'s principal loss, interest or principal paid";
            }
        }

        foreach (EquitySummary e in outcome.Equities)
        {
            if (!double.IsFinite(e.Distributions))
            {
                return $"equity {e.Name}'s distributions";
            }
        }

        return null;
    }
}
