using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The order the entities of a chain run in: each deal after every deal it holds (its holdings' <c>of Deal.…</c>),
/// otherwise in reading order. A circle of holdings is reported once, at the holding that closes it (DL0701), and
/// that holding is left out of the order so every deal still gets one place. Iterative: no recursion however long
/// the chain.
/// </summary>
internal static class ChainOrder
{
    /// <summary>The order of <paramref name="deals"/>, whose last is the compilation's deal: no entity can hold it
    /// (it is no import of theirs), so it comes last.</summary>
    public static IReadOnlyList<int> Of(IReadOnlyList<DealSyntax> deals, DiagnosticBag diagnostics)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < deals.Count; i++)
        {
            index.TryAdd(deals[i].Name?.Text ?? "", i);
        }

        // Per deal, the holdings that name a deal of the chain, with the deal they name.
        var edges = deals.Select(d => SyntaxWalk.Safe(d.Declarations).OfType<HoldingSyntax>()
            .Where(h => h.Entity?.Text is { } e && index.ContainsKey(e))
            .Select(h => (Holding: h, Target: index[h.Entity!.Text])).ToArray()).ToArray();
        for (int i = 0; i < deals.Count - 1; i++)
        {
            edges[i] = [.. edges[i].Where(e => e.Target != deals.Count - 1)];
        }

        var order = new List<int>();
        var state = new int[deals.Count]; // 0 unvisited, 1 on the stack, 2 done
        var stack = new List<(int Deal, int Next)>();
        for (int root = 0; root < deals.Count; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            stack.Add((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                (int deal, int next) = stack[^1];
                if (next >= edges[deal].Length)
                {
                    stack.RemoveAt(stack.Count - 1);
                    state[deal] = 2;
                    order.Add(deal);
                    continue;
                }

                stack[^1] = (deal, next + 1);
                (HoldingSyntax holding, int target) = edges[deal][next];
                if (state[target] == 1)
                {
                    int from = stack.FindIndex(f => f.Deal == target);
                    IEnumerable<string> circle = stack.Skip(from).Select(f => deals[f.Deal].Name?.Text ?? "").Append(deals[target].Name?.Text ?? "");
                    diagnostics.Add(DiagnosticCatalogue.HoldingCycle(holding.Entity?.Span ?? holding.Span, circle));
                }
                else if (state[target] == 0)
                {
                    state[target] = 1;
                    stack.Add((target, 0));
                }
            }
        }

        return order;
    }
}
