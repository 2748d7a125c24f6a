using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A default's recovery drawn from outcomes (docs/language.md §10, "Drawn recovery outcomes"): each recovery in [0%, 100%]
// (DL0552), each probability in (0%, 100%] and all of them adding up to 100% (DL0553), or below 100% before 'else beta'
// (DL0588: the beta takes the rest; the beta itself is checked as any, DL0541), the recoveries written from the
// lowest to the highest, each once (DL0554). Where it may be written (a drawn default, a dated one) is the grammar's, and
// its loadings are checked with every drawn item's (DealChecks.Stochastic: DL0513, DL0533, DL0534).
internal sealed partial class DealChecks
{
    /// <summary>How far a drawn recovery's probabilities may add up from 100% and still be 100%, as a drawn delay's
    /// (<see cref="DelayProbabilityTolerance"/>); the runtime allows the same.</summary>
    private const double RecoveryProbabilityTolerance = 1e-9;

    // A term that is not a constant share was reported by the type checks (DL0307's kin); it is left out here, and the
    // sum is not checked without every probability.
    private void CheckRecoveryOutcomes(OutcomesRecoverySyntax drawn, string party, string scenario)
    {
        double sum = 0;
        bool summed = true;
        double? highest = null;
        foreach (RecoveryOutcomeSyntax outcome in SyntaxWalk.Safe(drawn.Outcomes))
        {
            if (_analysis.BoundOf(outcome.Recovery) is ConstantExpression { Value: double recovery })
            {
                if (recovery is < 0 or > 1)
                {
                    _diagnostics.Add(DiagnosticCatalogue.RecoveryOutcomeOutOfRange(outcome.Recovery.Span, party, scenario, recovery));
                }
                else if (recovery <= highest)
                {
                    _diagnostics.Add(DiagnosticCatalogue.RecoveryOutcomeOutOfOrder(outcome.Recovery.Span, party, scenario, recovery, highest.Value));
                }
                else
                {
                    highest = recovery;
                }
            }

            if (_analysis.BoundOf(outcome.Probability) is ConstantExpression { Value: double probability })
            {
                sum += probability;
                if (probability is <= 0 or > 1)
                {
                    _diagnostics.Add(DiagnosticCatalogue.RecoveryOutcomeProbabilities(outcome.Probability.Span, party, scenario, probability, sum: false));
                }
            }
            else
            {
                summed = false;
            }
        }

        // Outcomes alone are the whole distribution; before 'else beta' they leave it the rest, 1 − Σp, above 0.
        if (summed && drawn.Rest is null && Math.Abs(sum - 1) > RecoveryProbabilityTolerance)
        {
            _diagnostics.Add(DiagnosticCatalogue.RecoveryOutcomeProbabilities(drawn.Span, party, scenario, sum, sum: true));
        }
        else if (summed && drawn.Rest is not null && sum >= 1 - RecoveryProbabilityTolerance)
        {
            _diagnostics.Add(DiagnosticCatalogue.RecoveryMixtureLeavesNothing(drawn.Span, party, scenario, sum));
        }
    }
}
