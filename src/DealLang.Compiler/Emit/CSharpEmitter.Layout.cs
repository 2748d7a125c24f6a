using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// The full-mode ledger (docs/language.md, "Ledger"): one column list drives both the Layout the class
// publishes and the `ledger[t, k] = ...` writes in the loop, so the two cannot drift apart. The entities' columns
// are their state handles that name a ledger slot, section by section (LedgerSection); the steps' are their amounts.
public static partial class CSharpEmitter
{
    /// <summary>One ledger column: its printed name, how it prints, the C# value the loop writes into it, and the
    /// waterfall step whose amount it is (written right after the step: WriteStepLedger), if any.</summary>
    internal sealed record LedgerEntry(string Name, ColumnKind Kind, string Value, NumberedStep? Step = null);

    internal static List<LedgerEntry> LedgerColumns(EmitContext ctx)
    {
        var components = ctx.Components;
        var columns = new List<LedgerEntry>();

        // Collection sources, then their total.
        columns.AddRange(components.SelectMany(c => c.LedgerColumns(LedgerSection.Receipts)));
        if (HasEnforcement(ctx) && ctx.Sales.Length > 0)
        {
            columns.Add(new("sale proceeds", ColumnKind.Money, "saleProceeds"));
        }

        columns.Add(new("collections", ColumnKind.Money, "collections"));
        columns.AddRange(components.SelectMany(c => c.LedgerColumns(LedgerSection.Due)));

        // Waterfall steps, regular then enforcement, depth-first.
        foreach (var step in ctx.AllSteps)
        {
            if (step.Step is PayStep)
            {
                columns.Add(new(step.Title + " due", ColumnKind.Money, step.Due, step));
                columns.Add(new(step.Title + " paid", ColumnKind.Money, step.Paid, step));
                columns.Add(new(step.Title + " short", ColumnKind.Money, step.Due + " - " + step.Paid, step));
            }
            else if (step.Amounts.Count > 0)
            {
                columns.Add(new(step.Title + " " + step.MovedWord, ColumnKind.Money, step.Moved, step));
            }
        }

        // Cash held and what is still owed after the period, measures, flags.
        foreach (var section in new[] { LedgerSection.Held, LedgerSection.Outstanding, LedgerSection.Measures, LedgerSection.Flags })
        {
            columns.AddRange(components.SelectMany(c => c.LedgerColumns(section)));
        }

        columns.Add(new("event of default", ColumnKind.Flag, "eventOfDefault ? 1.0 : 0.0"));
        return columns;
    }

    private static void WriteLayout(EmitContext ctx, IndentedWriter w)
    {
        w.Line(RunsOnce);
        using (w.Block("private static LedgerLayout CreateLayout()"))
        {
            w.Line("LedgerColumn[] columns =");
            using (w.Block(closingSuffix: ";"))
            {
                foreach (var column in LedgerColumns(ctx))
                {
                    w.Line("new LedgerColumn(" + CSharpLiterals.String(column.Name) + ", ColumnKind." + column.Kind + "),");
                }
            }

            w.Line("return new LedgerLayout(columns, HistorySlots);");
        }
    }
}
