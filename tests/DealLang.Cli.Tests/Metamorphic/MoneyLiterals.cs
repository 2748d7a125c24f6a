using System.Collections;
using System.Reflection;
using System.Text;
using DealLang.Compiler;
using DealLang.Compiler.Syntax;
using Unit = DealLang.Compiler.Model.Unit;

namespace DealLang.Cli.Tests.Metamorphic;

/// <summary>
/// Every money literal of a deal file scaled by a factor, found by the compiler's own reading of the file: a literal
/// written with <c>bn</c>/<c>m</c>/<c>k</c>; a bare number the type checker reads as money (<c>Notes.balance &gt; 0</c>)
/// or as money per a compute unit (the <c>0.30</c> of <c>H100Rent - 0.30</c>, <see cref="SemanticModel.DimensionAt"/>);
/// a price (<c>2.35 per gpu_hour</c>, <c>30k per gpu</c>, <c>100k per coin</c>, <c>12.43 per share</c>). Counts, hours,
/// power, rates, ratios, durations and dates are left as they are.
/// </summary>
internal static class MoneyLiterals
{
    /// <summary>The whole file with every money literal times <paramref name="factor"/>.</summary>
    public static string Scale(string path, string text, decimal factor) =>
        Scale(DealVariantRuns.Check(path, text), path, text, 0, text.Length, factor);

    /// <summary>The text with the money literals between two offsets times <paramref name="factor"/>.</summary>
    public static string Scale(Compilation compilation, string path, string text, int from, int to, decimal factor)
    {
        var unit = compilation.Units.First(u => u.Deals.Any(d => d.Span.Path == path) || u.Scenarios.Any(s => s.Span.Path == path));
        var model = compilation.SemanticModel;
        var edits = new SortedDictionary<int, (int Length, string By)>();
        foreach (var literal in Nodes<LiteralSyntax>(unit))
        {
            var at = literal.Span;
            bool money = literal.Kind == LiteralKind.Money
                || (literal.Kind == LiteralKind.Number && (model.UnitAt(path, at.Line, at.Column) == Unit.Money
                    || model.DimensionAt(path, at.Line, at.Column)?.Money == 1));
            if (money)
            {
                Edit(at);
            }
        }

        // A price's amount is money per unit (Unit null: "A per U"); a measure (10000 gpus, 0.7 kW per gpu) is not.
        foreach (var measure in Nodes<MeasureLiteralSyntax>(unit).Where(m => m.Unit is null))
        {
            Edit(measure.Span);
        }

        void Edit(DealLang.Compiler.Diagnostics.SourceSpan span)
        {
            int start = DealVariantRuns.Offset(text, span.Line, span.Column);
            int length = 0;
            while (start + length < text.Length && (char.IsAsciiLetterOrDigit(text[start + length]) || text[start + length] is '_' or '.'))
            {
                length++;
            }

            if (start >= from && start < to)
            {
                edits[start] = (length, DealVariantRuns.Times(text.Substring(start, length), factor));
            }
        }

        var result = new StringBuilder(text);
        foreach (var (start, (length, by)) in edits.Reverse())
        {
            result.Remove(start, length).Insert(start, by);
        }

        return result.ToString();
    }

    /// <summary>Every syntax node of a kind under <paramref name="root"/>, the tree's records walked by reflection.</summary>
    public static IEnumerable<T> Nodes<T>(object root) where T : class
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>([root]);
        while (stack.Count > 0)
        {
            object node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node is T t)
            {
                yield return t;
            }

            IEnumerable<object?> children = node is IEnumerable items
                ? items.Cast<object?>()
                : node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                    .Select(p => p.GetValue(node));
            foreach (object? child in children)
            {
                if (child is not null && IsTree(child.GetType()))
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static bool IsTree(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type != typeof(string)
        && (type.Namespace?.StartsWith(typeof(SyntaxNode).Namespace!, StringComparison.Ordinal) == true || type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true);
}
