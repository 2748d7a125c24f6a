using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Enforcement terms that decide whether the collateral is realised at all, and what CFADS counts.
internal sealed partial class DealChecks
{
    // The run is extended past the maturity until the last sale (the workout): a lag beyond the limit would put
    // the sale outside the run, so the collateral would be silently lost (docs/language.md, "Enforcement").
    private void CheckWorkoutLag(DurationSyntax lag)
    {
        if (DurationRules.Months(lag) > DurationRules.MaxWorkoutMonths)
        {
            _diagnostics.Add(DiagnosticCatalogue.LagBeyondWorkout(lag.Span, lag.Text ?? "", DurationRules.MaxWorkoutMonths / 12));
        }
    }

    // 'cfads includes rvg': the one-off receipts a term sheet may count in CFADS. Today that is the RVG only
    // (sale proceeds arrive after the tests and end the deal, so counting them could change nothing).
    private void CheckCfadsRules(List<CfadsRuleSyntax> rules)
    {
        string[] known = ["rvg"];
        foreach (CfadsRuleSyntax rule in rules)
        {
            foreach (NameSyntax item in SyntaxWalk.Safe(rule.Included))
            {
                if (!known.Contains(item.Text, StringComparer.Ordinal))
                {
                    _diagnostics.Add(DiagnosticCatalogue.UnknownCfadsItem(item.Span, item.Text, NameSuggestions.Closest(item.Text, known)));
                }
            }
        }
    }
}
