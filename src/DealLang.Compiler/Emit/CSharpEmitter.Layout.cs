using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// The full-mode ledger (docs/language.md, "Ledger"): one column list drives both the Layout the class
// publishes and the `ledger[t, k] = ...` writes in the loop, so the two cannot drift apart.
public static partial class CSharpEmitter
{
    /// <summary>One ledger column: its printed name, how it prints, and the C# value the loop writes into it.</summary>
    internal sealed record LedgerEntry(string Name, ColumnKind Kind, string Value);

    internal static List<LedgerEntry> LedgerColumns(EmitContext ctx)
    {
        var model = ctx.Model;
        var columns = new List<LedgerEntry>();

        // Collection sources, then their total.
        for (int l = 0; l < model.Leases.Length; l++)
        {
            string name = model.Leases[l].Info.Name;
            columns.Add(new("rent " + name, ColumnKind.Money, ctx.Lease(l, "rent")));
            if (HasRvg(model.Leases[l]))
            {
                columns.Add(new("rvg " + name, ColumnKind.Money, ctx.Lease(l, "rvg")));
            }
        }

        foreach (var account in model.Accounts)
        {
            if (account.Rate != 0)
            {
                columns.Add(new("interest " + account.Name, ColumnKind.Money, ctx.Account(account.Index, "interest")));
            }
        }

        if (HasEnforcement(ctx) && ctx.Sales.Length > 0)
        {
            columns.Add(new("sale proceeds", ColumnKind.Money, "saleProceeds"));
        }

        columns.Add(new("collections", ColumnKind.Money, "collections"));

        foreach (var tranche in model.Tranches)
        {
            columns.Add(new(tranche.Name + " interest due", ColumnKind.Money, ctx.Tranche(tranche.Index, "interestDue")));
            columns.Add(new(tranche.Name + " principal due", ColumnKind.Money, ctx.Tranche(tranche.Index, "principalDue")));
        }

        // Waterfall steps, regular then enforcement, depth-first.
        foreach (var step in ctx.AllSteps)
        {
            string local = step.Local;
            switch (step.Step)
            {
                case PayStep:
                    columns.Add(new(step.Title + " due", ColumnKind.Money, local + "_due"));
                    columns.Add(new(step.Title + " paid", ColumnKind.Money, local + "_paid"));
                    columns.Add(new(step.Title + " short", ColumnKind.Money, local + "_due - " + local + "_paid"));
                    break;
                case FillStep:
                    columns.Add(new(step.Title + " filled", ColumnKind.Money, local + "_filled"));
                    break;
                case ReleaseStep:
                    columns.Add(new(step.Title + " released", ColumnKind.Money, local + "_released"));
                    break;
                case HoldStep:
                    columns.Add(new(step.Title + " held", ColumnKind.Money, local + "_held"));
                    break;
                case DistributeStep:
                    columns.Add(new(step.Title + " distributed", ColumnKind.Money, local + "_distributed"));
                    break;
            }
        }

        // Balances after the period, test values, flags.
        foreach (var account in model.Accounts)
        {
            columns.Add(new(account.Name + " balance", ColumnKind.Money, ctx.Account(account.Index, "balance")));
        }

        foreach (var tranche in model.Tranches)
        {
            columns.Add(new(tranche.Name + " balance", ColumnKind.Money, ctx.Tranche(tranche.Index, "balance")));
        }

        foreach (var test in ctx.TestsByIndex)
        {
            columns.Add(new(test.Name, TestKind(test), ctx.Test(test.Index, "value")));
        }

        foreach (var trigger in model.Triggers)
        {
            columns.Add(new(trigger.Name, ColumnKind.Flag, ctx.Trigger(trigger.Index, "active") + " ? 1.0 : 0.0"));
        }

        columns.Add(new("event of default", ColumnKind.Flag, "eventOfDefault ? 1.0 : 0.0"));
        return columns;
    }

    private static ColumnKind TestKind(TestModel test) => test.Expression.Unit switch
    {
        Unit.Money => ColumnKind.Money,
        Unit.Rate => ColumnKind.Rate,
        _ => ColumnKind.Ratio,
    };

    private static void WriteLayout(EmitContext ctx, IndentedWriter w)
    {
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
