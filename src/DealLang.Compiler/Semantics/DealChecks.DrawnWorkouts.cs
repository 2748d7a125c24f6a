using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A loan's workout lag drawn per path (docs/language.md §10, "Drawn workout lags"): each outcome whole months in
// [1, 120], a fixed lag's range (DL0768), written from the shortest to the longest (DL0519), each once (DL0773), the
// probabilities adding up to 100% (DL0769; each one's range is DL0307's); a draw that moves something: the party owes
// a loan with 'recovery R after D', here or in an entity the deal holds, and the scenario dates or draws its default
// (DL0518); and no outcome putting such a loan's last instalment ('in N instalments') past the workout (DL0517). A
// loan's own lag ('L workout drawn …') is checked the same way for that loan, and is DL0522 without a lag or drawn twice. Its
// loadings are checked with every drawn item's (DealChecks.Stochastic: DL0513, DL0533, DL0534).
internal sealed partial class DealChecks
{
    private void CheckDrawnWorkout(WorkoutDrawnSyntax drawn, ScenarioSyntax scenario, string name)
    {
        string party = drawn.Party?.Text ?? "";
        bool ofLoan = IsLoan(drawn.Party);
        string who = ofLoan ? $"loan '{party}'" : $"party '{party}'";
        string what = $"the drawn workout lag of {who}";
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
                _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutOutOfOrder(outcome.Delay.Span, who, name, months, before));
                unordered = true;
            }

            previous = Math.Max(previous ?? 0, months);
        }

        if (Math.Abs(sum - 1) > DelayProbabilityTolerance)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnDelayProbabilities(drawn.Span, what, name, sum, "6m with 50%, 18m with 50%"));
        }

        if (ofLoan && _analysis.Symbols.TryLookup(party, out Symbol loanSymbol) && loanSymbol.Declaration is LoanSyntax loan)
        {
            CheckDrawnLoanWorkout(drawn, loan, scenario, name);
            return;
        }

        if (!_analysis.Symbols.TryLookup(party, out Symbol symbol) || symbol.Kind != SymbolKind.Party)
        {
            return; // the binder reported the name
        }

        // The path's lag reaches the loans the party owes here and, in a chain, in every entity the deal holds (directly
        // or through others: a party of the same name there takes it, ChainPaths), each rounded to its entity's periods.
        var lagged = ReachedLoans().Where(l => l.Loan.Obligor?.Text == party && l.Loan.RecoveryLag is not null).ToList();
        CheckDrawnInstalments(drawn, lagged, who, name);
        if (lagged.Count == 0)
        {
            bool holds = SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<HoldingSyntax>().Any();
            _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutMovesNothing(drawn.Span, who, name,
                $"it owes no loan with a workout lag ('recovery R after D'){(holds ? " here or in an entity the deal holds" : "")}", $"give a loan to '{party}' a lag, or remove the draw"));
        }
        else if (!Defaults(scenario, party))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutMovesNothing(drawn.Span, who, name,
                "the scenario does not default it", $"add '{party} defaults on DATE' or '{party} defaults drawn', or remove the draw"));
        }
    }

    // 'L workout drawn …': the loan's own lag, in place of its obligor's for that loan only. It moves something only for
    // a loan with 'recovery R after D' (DL0522) whose obligor the scenario defaults (DL0518), and is drawn once (DL0522:
    // a second would be a second uniform for one lag, not a lever set again). Its outcomes are checked as a party's.
    private void CheckDrawnLoanWorkout(WorkoutDrawnSyntax drawn, LoanSyntax loan, ScenarioSyntax scenario, string name)
    {
        string loanName = loan.Name?.Text ?? "";
        string who = $"loan '{loanName}'";
        if (SyntaxWalk.Safe(scenario.Items).TakeWhile(i => !ReferenceEquals(i, drawn)).Any(i => i is WorkoutDrawnSyntax w && w.Party?.Text == loanName))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnLoanWorkoutRejected(drawn.Span, loanName, name,
                "draws it a second time", "draw each loan's lag once"));
            return;
        }

        if (loan.RecoveryLag is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnLoanWorkoutRejected(drawn.Span, loanName, name,
                "the loan has no workout lag ('recovery R after D'), so the draw would move nothing", $"give '{loanName}' a lag ('recovery 40% after 18m'), or remove the draw"));
            return;
        }

        CheckDrawnInstalments(drawn, [(loan, _analysis)], who, name);
        string obligor = loan.Obligor?.Text ?? "";
        if (!Defaults(scenario, obligor))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutMovesNothing(drawn.Span, who, name,
                $"the scenario does not default its obligor '{obligor}'", $"add '{obligor} defaults on DATE' or '{obligor} defaults drawn', or remove the draw"));
        }
    }

    // Whether the scenario dates or draws the default of party <paramref name="party"/>.
    private static bool Defaults(ScenarioSyntax scenario, string party) =>
        SyntaxWalk.Safe(scenario.Items).Any(i => i is PartyDefaultsSyntax d && d.Party?.Text == party || i is DrawnDefaultsSyntax g && g.Party?.Text == party);

    // Whether a drawn workout lag names a loan (its own lag) rather than a party (the lag of every loan it owes).
    private bool IsLoan(NameSyntax? name) =>
        _analysis.Symbols.TryLookup(name?.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Loan;

    // 'in N instalments' after a drawn lag: the last instalment comes (⌈D / months per period⌉ + N − 1) periods after the
    // default period, which for the longer outcomes may pass the longest workout a run covers, as the loan's own lag is
    // checked (DL0498). Once per loan, at the first outcome (the shortest, the lags increasing) that passes it.
    private void CheckDrawnInstalments(WorkoutDrawnSyntax drawn, List<(LoanSyntax Loan, DealAnalysis Entity)> lagged, string who, string name)
    {
        foreach ((LoanSyntax loan, DealAnalysis entity) in lagged)
        {
            if (loan.RecoveryInstalments is not { Count: > 1 } instalments)
            {
                continue;
            }

            int perPeriod = entity.MonthsPerPeriod;
            foreach (DelayOutcomeSyntax outcome in SyntaxWalk.Safe(drawn.Outcomes))
            {
                if (outcome.Negative || outcome.Delay.WholeMonths is not (> 0 and <= DurationRules.MaxWorkoutMonths))
                {
                    continue; // DL0768's
                }

                int months = outcome.Delay.WholeMonths.Value;
                long last = (DurationRules.LagPeriods(months, perPeriod) + instalments.Periods(perPeriod) - 1) * perPeriod;
                if (last > DurationRules.MaxWorkoutMonths)
                {
                    _diagnostics.Add(DiagnosticCatalogue.DrawnWorkoutInstalmentsBeyondWorkout(outcome.Delay.Span, who, name, outcome.Delay.Text ?? "",
                        loan.Name?.Text ?? "", instalments.Count, (int)Math.Min(last, int.MaxValue), DurationRules.MaxWorkoutMonths / 12));
                    break;
                }
            }
        }
    }

    /// <summary>The loans a path's drawn workout lag reaches: this deal's, then those of each entity it holds, directly or
    /// through the entities it holds (each once, with its analysis, whose periods the lag is rounded to).</summary>
    private IEnumerable<(LoanSyntax Loan, DealAnalysis Entity)> ReachedLoans()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<DealAnalysis>([_analysis]);
        while (pending.Count > 0)
        {
            DealAnalysis entity = pending.Pop();
            foreach (LoanSyntax loan in SyntaxWalk.Safe(entity.Deal.Declarations).OfType<LoanSyntax>())
            {
                yield return (loan, entity);
            }

            // Every entity held anywhere below the deal was analysed before it, so the deal's own map holds them all.
            foreach (string held in SemanticAnalyzer.Held(entity.Deal))
            {
                if (seen.Add(held) && _analysis.Entities.TryGetValue(held, out DealAnalysis? next))
                {
                    pending.Push(next);
                }
            }
        }
    }
}
