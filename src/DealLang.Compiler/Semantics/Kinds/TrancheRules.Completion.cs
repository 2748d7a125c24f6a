using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

// Amortisation as buildings are completed (docs/language.md §5 "tranche", "Completion"): 'completion Built', a rate
// read at the period's start (an index whose dated points are the completions), which scales scheduled principal.
internal sealed partial class TrancheRules
{
    private static void BindCompletion(TrancheSyntax tranche, Binder binder) => binder.BindTerms(tranche.Completion);

    private static void CheckCompletion(TrancheSyntax tranche, TypeChecker checker, string t) =>
        checker.Value(tranche.Completion, Unit.Rate, new ExpressionContext(ContextKind.PeriodStart, $"the completed share of {t}"));
}
