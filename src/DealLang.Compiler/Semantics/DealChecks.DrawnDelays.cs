using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A completion delay drawn per path (docs/language.md §10, "Drawn delays"): each outcome whole months in [0, 120]
// (DL0768), each delay once (DL0773), the probabilities adding up to 100% (DL0769; each one's range is DL0307's), and
// nothing else moving the index's row in the same scenario (DL0774). An index with no dated points moves nothing
// (DL0764's warning, as for a fixed delay). A loaded delay's outcomes are written shortest first (DL0516); its loadings
// are checked with every drawn item's (DealChecks.Stochastic: DL0513, DL0533, DL0534).
internal sealed partial class DealChecks
{
    /// <summary>How far a drawn delay's probabilities may add up from 100% and still be 100%: a sum of a few
    /// percentages written in decimals is exact to far better than this.</summary>
    private const double DelayProbabilityTolerance = 1e-9;

    private void CheckDrawnDelay(IndexDelayDrawnSyntax drawn, ScenarioSyntax scenario, string name)
    {
        string index = drawn.Index?.Text ?? "";
        var seen = new HashSet<int>();
        int? longest = null;
        double sum = 0;
        foreach (DelayOutcomeSyntax outcome in SyntaxWalk.Safe(drawn.Outcomes))
        {
            sum += _analysis.ConstantOf(outcome.Probability, 0);
            string written = (outcome.Negative ? "-" : "") + outcome.Delay.Text;
            string? reason = outcome.Negative && outcome.Delay.Amount != 0 ? "is negative (a delay moves completions later)"
                : outcome.Delay.WholeMonths is not { } whole ? "is not a whole number of months"
                : whole > DiagnosticCatalogue.MaxDrawnDelayMonths ? $"is longer than {DiagnosticCatalogue.MaxDrawnDelayMonths} months"
                : null;
            if (reason is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDelayOutOfRange(outcome.Negative ? outcome.Span : outcome.Delay.Span, $"the drawn delay of index '{index}'", name, written, reason));
            }
            else if (!seen.Add(outcome.Delay.WholeMonths!.Value))
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDelayRepeated(outcome.Delay.Span, $"the drawn delay of index '{index}'", name, outcome.Delay.WholeMonths.Value));
            }
            else if (!drawn.Loadings.IsDefaultOrEmpty && outcome.Delay.WholeMonths.Value < longest)
            {
                _diagnostics.Add(DiagnosticCatalogue.LoadedDelayOutOfOrder(outcome.Delay.Span, index, name, outcome.Delay.WholeMonths.Value, longest.Value));
            }
            else
            {
                longest = outcome.Delay.WholeMonths.Value;
            }
        }

        if (Math.Abs(sum - 1) > DelayProbabilityTolerance)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnDelayProbabilities(drawn.Span, $"the drawn delay of index '{index}'", name, sum));
        }

        foreach (ScenarioItemSyntax other in SyntaxWalk.Safe(scenario.Items))
        {
            string? what = other switch
            {
                IndexDelayedSyntax d when d.Index?.Text == index => $"a fixed delay ('{index} delayed {d.Delay.Text}')",
                IndexProcessSyntax p when p.Index?.Text == index => "a process",
                JumpsSyntax j when j.Index?.Text == index => "jumps",
                _ => null,
            };
            if (what is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDelayWithOther(drawn.Span, index, name, what));
                break;
            }
        }

        if (_analysis.Symbols.TryLookup(index, out Symbol symbol) && symbol.Declaration is IndexSyntax { Points: null }
            && !SyntaxWalk.Safe(scenario.Items).OfType<IndexPointsOverrideSyntax>().Any(p => p.Index?.Text == index))
        {
            _diagnostics.Add(DiagnosticCatalogue.DelayWithoutPoints(drawn.Span, index, name));
        }

        CheckDelayFrom(drawn.Index?.Text, drawn.From, name);
    }
}
