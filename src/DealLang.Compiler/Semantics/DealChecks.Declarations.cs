using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Required items, dates and durations of each named declaration: its kind's rules (Semantics/Kinds/), which use the
// tools here and in DealChecks.cs.
internal sealed partial class DealChecks
{
    private void CheckDeclarations()
    {
        foreach (NamedDeclarationSyntax declaration in SyntaxWalk.Safe(Deal.Declarations).OfType<NamedDeclarationSyntax>())
        {
            KindRules.For(declaration.Kind).CheckStructure(declaration, this);
        }
    }

    /// <summary>Reports a missing item, unless a syntax error inside the declaration may have swallowed it.</summary>
    internal void Missing(NamedDeclarationSyntax declaration, string item)
    {
        if (!_analysis.IsDamaged(declaration))
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingItem(
                declaration.Name?.Span ?? declaration.Span, declaration.Keyword, declaration.Name?.Text ?? "", item));
        }
    }

    /// <summary>A value or amortisation schedule: at least one point, dates strictly increasing.</summary>
    internal void CheckSchedule(ImmutableArray<SchedulePointSyntax> points, SourceSpan span, string what)
    {
        var list = SyntaxWalk.Safe(points).Where(p => p.Date is not null).ToList();
        if (list.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.EmptySchedule(span, what));
            return;
        }

        for (int i = 1; i < list.Count; i++)
        {
            if (list[i].Date.Value <= list[i - 1].Date.Value)
            {
                _diagnostics.Add(DiagnosticCatalogue.ScheduleNotIncreasing(
                    list[i].Date.Span, list[i].Date.Value.ToString(), list[i - 1].Date.Value.ToString()));
            }
        }
    }
}
