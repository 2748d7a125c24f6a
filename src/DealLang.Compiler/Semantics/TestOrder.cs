using System.Collections.Immutable;
using System.Globalization;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The order tests are evaluated in each period: every test after the tests it reads, otherwise in declaration
/// order. A cycle (A reads B reads A) has no such order; each cycle is reported once, named in the order the
/// tests read each other, at the first of its tests in the file. Nothing here recurses, so a long chain of
/// tests reading tests cannot exhaust the stack.
/// </summary>
internal static class TestOrder
{
    /// <summary>Reports cycles and returns the evaluation order (declaration indexes; tests in or behind a cycle are left out).</summary>
    public static ImmutableArray<int> Compute(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        IReadOnlyList<Symbol> tests = analysis.Symbols.OfKind(SymbolKind.Test);
        List<int>[] reads = Dependencies(analysis);
        ReportCycles(tests, reads, diagnostics);
        return Order(reads);
    }

    /// <summary>The evaluation order without reporting anything (the type checker binds tests in it).</summary>
    public static ImmutableArray<int> Order(DealAnalysis analysis) => Order(Dependencies(analysis));

    /// <summary>For each test (by declaration index), the distinct tests it reads, in the order it reads them.</summary>
    private static List<int>[] Dependencies(DealAnalysis analysis)
    {
        IReadOnlyList<Symbol> tests = analysis.Symbols.OfKind(SymbolKind.Test);
        var result = new List<int>[tests.Count];
        for (int i = 0; i < tests.Count; i++)
        {
            result[i] = [];
            foreach (ReferenceSyntax reference in SyntaxWalk.References(((TestSyntax)tests[i].Declaration).Expression))
            {
                if (analysis.References.TryGetValue(reference, out ResolvedReference? r)
                    && r.Symbol is { Kind: SymbolKind.Test } dependency && !result[i].Contains(dependency.Index))
                {
                    result[i].Add(dependency.Index);
                }
            }
        }

        return result;
    }

    /// <summary>Kahn's algorithm taking the first ready test in declaration order each time, so the order is stable.</summary>
    private static ImmutableArray<int> Order(List<int>[] reads)
    {
        int count = reads.Length;
        var waitingFor = new int[count];
        var readBy = new List<int>[count];
        for (int i = 0; i < count; i++)
        {
            readBy[i] = [];
        }

        for (int i = 0; i < count; i++)
        {
            foreach (int d in reads[i])
            {
                waitingFor[i]++;
                readBy[d].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < count; i++)
        {
            if (waitingFor[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = ImmutableArray.CreateBuilder<int>(count);
        while (ready.TryDequeue(out int next, out _))
        {
            order.Add(next);
            foreach (int reader in readBy[next])
            {
                if (--waitingFor[reader] == 0)
                {
                    ready.Enqueue(reader, reader);
                }
            }
        }

        return order.ToImmutable();
    }

    /// <summary>Depth-first search with an explicit stack; an edge back to a test on the current path closes a cycle.</summary>
    private static void ReportCycles(IReadOnlyList<Symbol> tests, List<int>[] reads, DiagnosticBag diagnostics)
    {
        int count = reads.Length;
        var state = new byte[count]; // 0 unvisited, 1 on the path, 2 done
        var nextEdge = new int[count];
        var path = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (int root = 0; root < count; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            state[root] = 1;
            path.Add(root);
            while (path.Count > 0)
            {
                int node = path[^1];
                if (nextEdge[node] < reads[node].Count)
                {
                    int next = reads[node][nextEdge[node]++];
                    if (state[next] == 1)
                    {
                        int start = path.IndexOf(next);
                        Report(tests, path.GetRange(start, path.Count - start), seen, diagnostics);
                    }
                    else if (state[next] == 0)
                    {
                        state[next] = 1;
                        path.Add(next);
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }

    private static void Report(IReadOnlyList<Symbol> tests, List<int> cycle, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        // Start the cycle at its first-declared test, so the same cycle found from elsewhere reads the same.
        int start = cycle.IndexOf(cycle.Min());
        List<int> rotated = [.. cycle.Skip(start), .. cycle.Take(start)];
        if (seen.Add(string.Join(",", rotated.Select(i => i.ToString(CultureInfo.InvariantCulture)))))
        {
            List<string> names = [.. rotated.Select(i => tests[i].Name), tests[rotated[0]].Name];
            diagnostics.Add(DiagnosticCatalogue.TestCycle(tests[rotated[0]].Span, names));
        }
    }
}
