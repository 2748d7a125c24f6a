using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A loan's workout lag drawn per path (docs/language.md §10, "Drawn workout lags"): each outcome whole months in
// [1, 120], a fixed lag's range (DL0768), written from the shortest to the longest (DL0519), each once (DL0773), the
// probabilities adding up to 100% (DL0769; each one's range is DL0307's); and a draw that moves something: the party
// owes a loan with 'recovery R after D' (unless the deal holds entities whose loans it may owe) and the scenario dates
// or draws its default (DL0518).
internal sealed partial class DealChecks
{
    private void CheckDrawnWorkout(WorkoutDrawnSyntax drawn, ScenarioSyntax scenario, string name)
    {
        string party = drawn.Party?.Text ?? "";
        string what = $"the drawn workout lag of party '{party}'";
        var seen = new HashSet<int>();
        int? previous = null;
        bool unordered = false;
        double sum = 0;
        foreach (DelayOutcomeSyntax outcome in SyntaxWalk.Safe(drawn.Outcomes))
        {
            sum += _analysis.ConstantOf(outcome.Probability, 0);
            string written = (outcome.Negative ? "-" : "") + outcome.Delay.Text;
            string? reason = outcome.Negative && outcome.Delay.Amount != 0 ? "is negative (a recovery comes after the default)"
                : outcome.Delay.WholeMonths is not { } whole ? "is not a whole number of months"
                : whole == 0 ? "is no lag (a loan without 'after' receives its recovery in the default period)"
                : whole > DurationRules.MaxWorkoutMonths ? $"is longer than {DurationRules.MaxWorkoutMonths} months"
                : null;
            if (reason is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDelayOutOfRange(outcome.Negative ? outcome.Span : outcome.Delay.Span, what, name, written, reason, least: 1));
                continue;
            }

            int months = outcome.Delay.WholeMonths!.Value;
            if (!seen.Add(months))
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDelayRepeated(outcome.Delay.Span, what, name, months, "lag"));
            }
            else if (!unordered && previous is { } before && months < before)
            {
                // Once per item: the first lag out of order says what to fix; the ones after it follow from it.
                _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutOutOfOrder(outcome.Delay.Span, party, name, months, before));
                unordered = true;
            }

            previous = Math.Max(previous ?? 0, months);
        }

        if (Math.Abs(sum - 1) > DelayProbabilityTolerance)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnDelayProbabilities(drawn.Span, what, name, sum, "6m with 50%, 18m with 50%"));
        }

        if (!_analysis.Symbols.TryLookup(party, out Symbol symbol) || symbol.Kind != SymbolKind.Party)
        {
            return; // the binder reported the name
        }

        // A chain's top reaches the loans of the entities it holds (a party of the same name there takes the path's lag),
        // which this deal's checks do not see: only a deal holding nothing must owe the loan itself.
        bool holds = SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<HoldingSyntax>().Any();
        if (!holds && !SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<LoanSyntax>().Any(l => l.Obligor?.Text == party && l.RecoveryLag is not null))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutMovesNothing(drawn.Span, party, name,
                "it owes no loan with a workout lag ('recovery R after D')", $"give a loan to '{party}' a lag, or remove the draw"));
        }
        else if (!SyntaxWalk.Safe(scenario.Items).Any(i => i is PartyDefaultsSyntax d && d.Party?.Text == party || i is DrawnDefaultsSyntax g && g.Party?.Text == party))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutMovesNothing(drawn.Span, party, name,
                "the scenario does not default it", $"add '{party} defaults on DATE' or '{party} defaults drawn', or remove the draw"));
        }
    }
}
