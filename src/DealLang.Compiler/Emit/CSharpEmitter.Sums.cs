using System.Text;

namespace DealLang.Compiler.Emit;

// Sums the emitter writes itself, one term per entity (cfads less every fee, cash paid out, the accounts' total):
// the components give the terms (EmitterComponent.Terms, DealSum), these functions write them.
// Up to BalancedChains.BalanceAbove terms they are written flat, a + b + c; a longer one is written as a balanced
// tree of parenthesized halves, as BalancedChains does for a deal's own sums, so Roslyn compiles it in linear time.
public static partial class CSharpEmitter
{
    /// <summary>The terms joined by <paramref name="op"/> (" + ", " || "), grouped in balanced halves when many;
    /// "0.0" for none.</summary>
    internal static string Join(string op, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return "0.0";
        }

        if (terms.Count <= BalancedChains.BalanceAbove)
        {
            return string.Join(op, terms);
        }

        var text = new StringBuilder();
        WriteHalves(text, op, terms, 0, terms.Count - 1);
        return text.ToString();
    }

    /// <summary>A sum of many terms, as an operand of a subtraction: parenthesized when grouped.</summary>
    internal static string Subtracted(IReadOnlyList<string> terms) =>
        terms.Count > BalancedChains.BalanceAbove ? " - (" + Join(" + ", terms) + ")" : string.Concat(terms.Select(t => " - " + t));

    // Depth log2(terms): the left half flat-joined with the right half parenthesized, recursively.
    private static void WriteHalves(StringBuilder text, string op, IReadOnlyList<string> terms, int lo, int hi)
    {
        if (hi - lo < BalancedChains.BalanceAbove)
        {
            for (int k = lo; k <= hi; k++)
            {
                text.Append(k == lo ? "" : op).Append(terms[k]);
            }

            return;
        }

        int mid = lo + ((hi - lo) / 2);
        text.Append('(');
        WriteHalves(text, op, terms, lo, mid);
        text.Append(')').Append(op).Append('(');
        WriteHalves(text, op, terms, mid + 1, hi);
        text.Append(')');
    }
}
