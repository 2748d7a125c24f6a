using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// Run: the period loop of docs/language.md ("The period loop"), phase by phase. Every piece of state is a local
// named after its deal entity and declared before the loop, so any expression can read any state at any phase;
// the loop body itself is straight-line arithmetic over those locals and arrays, with no allocation.
public static partial class CSharpEmitter
{
    private static void WriteRun(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("Runs one path. Writes only into result's preallocated buffers: the loop allocates nothing.");
        using (w.Block("public void Run(PathInputs input, RunResult result)"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(input);");
            w.Line("ArgumentNullException.ThrowIfNull(result);");
            w.Line("result.Reset();");
            w.Line("double[,]? ledger = result.Ledger;");
            w.Line("bool checkCash = input.CheckCashConservation;");
            WriteInputs(ctx, w);
            WriteInitialState(ctx, w);
            w.Line();
            w.Line(LoopBeginMarker);
            using (w.Block("for (int t = 0; t < Periods; t++)"))
            {
                WritePeriodStart(ctx, w);
                w.Line();
                WriteTrancheDues(ctx, w);
                w.Line();
                WriteCollections(ctx, w);
                w.Line();
                WriteAmountsDue(ctx, w);
                w.Line();
                WriteTestsAndTriggers(ctx, w);
                w.Line();
                WriteWaterfall(ctx, w);
                w.Line();
                WriteCarryForward(ctx, w);
                WriteDefaultRule(ctx, w);
                WriteEnforcement(ctx, w);
                WriteAfterWaterfallHistory(ctx, w);
                w.Line();
                WritePeriodResults(ctx, w);
                WriteTermination(ctx, w);
            }

            w.Line(LoopEndMarker);
            w.Line();
            w.Comment("7. at termination or the horizon: what was never repaid");
            w.Line("result.PeriodsRun = periodsRun;");
            for (int i = 0; i < ctx.Model.Tranches.Length; i++)
            {
                string index = CSharpLiterals.Int(i);
                w.Line("result.PrincipalLoss[" + index + "] = " + ctx.Tranche(i, "balance") + ";");
                w.Line("result.UnpaidInterest[" + index + "] = " + ctx.Tranche(i, "unpaidInterest") + ";");
            }
        }
    }

    private static bool HasDefaultRule(EmitContext ctx) => ctx.Model.DefaultRule is not null;

    /// <summary>Enforcement (sales, account sweep, its own waterfall) can only start after an event of default.</summary>
    private static bool HasEnforcement(EmitContext ctx) => HasDefaultRule(ctx) && ctx.Model.Enforcement is not null;

    /// <summary>
    /// The path's inputs as locals, read from the slots of <see cref="InputLayout"/> (the runtime numbers them, so
    /// the loop and every path source agree on one rule): per-period series and flags as arrays, per-path scalars
    /// as values. Only what the loop reads is declared.
    /// </summary>
    private static void WriteInputs(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        var slots = InputLayout.Of(model.Facilities.Length, model.Leases.Length, model.Parties.Length, ctx.Sales.Length);
        string Slot(InputQuantity quantity, int entity) => CSharpLiterals.Int(slots.IndexOf(quantity, entity));
        w.Line();
        w.Comment("This path's scenario inputs, from the slots of InputLayout: Series and Flags per period, Scalars per path.");
        for (int f = 0; f < model.Facilities.Length; f++)
        {
            if (ctx.ReadsFacilityValue(f))
            {
                w.Line("double[] " + ctx.Facility(f, "value") + " = input.Series[" + Slot(InputQuantity.FacilityValue, f) + "];");
            }
        }

        for (int l = 0; l < model.Leases.Length; l++)
        {
            w.Line("double[] " + ctx.Lease(l, "scheduledRent") + " = input.Series[" + Slot(InputQuantity.LeaseRent, l) + "];");
            if (HasRvg(model.Leases[l]) || ctx.Reads(Quantity.LeaseActive, l) || ctx.Reads(Quantity.LeaseEnded, l))
            {
                w.Line("int " + ctx.Lease(l, "endPeriod") + " = (int)input.Scalars[" + Slot(InputQuantity.LeaseEndPeriod, l) + "];");
            }

            if (HasRvg(model.Leases[l]))
            {
                w.Line("bool " + ctx.Lease(l, "rvgApplies") + " = input.Scalars[" + Slot(InputQuantity.RvgApplies, l) + "] != 0.0;");
                w.Line("double " + ctx.Lease(l, "rvgRecovery") + " = input.Scalars[" + Slot(InputQuantity.RvgRecovery, l) + "];");
            }
        }

        for (int p = 0; p < model.Parties.Length; p++)
        {
            if (ctx.Reads(Quantity.PartyDefaulted, p))
            {
                w.Line("bool[] " + ctx.Party(p, "defaulted") + " = input.Flags[" + Slot(InputQuantity.PartyDefaulted, p) + "];");
            }
        }

        if (HasEnforcement(ctx))
        {
            for (int s = 0; s < ctx.Sales.Length; s++)
            {
                w.Line("double " + EmitContext.Sale(s, "haircut") + " = input.Scalars[" + Slot(InputQuantity.SaleHaircut, s) + "];");
                w.Line("int " + EmitContext.Sale(s, "lagMonths") + " = (int)input.Scalars[" + Slot(InputQuantity.SaleLagMonths, s) + "];");
            }
        }

        if (ctx.HistorySlots.Count > 0)
        {
            w.Line();
            w.Comment("Per-period history of the flows that trailing tests sum.");
            foreach (var slot in ctx.HistorySlots)
            {
                w.Line("double[] " + slot.Name + " = result.History[" + CSharpLiterals.Int(slot.Index) + "];");
            }
        }
    }

    private static bool HasRvg(LeaseModel lease) => lease.Info.RvgUntil is not null;

    private static void WriteInitialState(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Line();
        w.Comment("State at closing.");
        w.Line("double collections = 0.0; // rent, RVG, account interest and sale proceeds received this period");
        w.Line("double recurring = 0.0; // collections less one-off receipts (the RVG)");
        w.Line("double cfads = 0.0; // recurring collections less fees due");
        w.Line("double debtService = 0.0; // interest and principal due on all tranches");
        w.Line("double available = 0.0; // cash the waterfall has not yet applied");
        w.Line("Date periodEnd = Closing;");
        w.Line("bool eventOfDefault = false;");
        w.Line("bool finalPeriod = false; // the run ends with this period: every account is paid out");
        w.Line("int periodsRun = Periods;");
        if (HasDefaultRule(ctx) && !ctx.Model.DefaultGrace.IsNone)
        {
            w.Line("bool breached = false; // the default rule's condition held at the end of the last period");
            w.Line("Date breachedFrom = Closing; // ... since the end of this period (the grace period runs from here)");
        }
        if (HasEnforcement(ctx) && ctx.Sales.Length > 0)
        {
            w.Line("double saleProceeds = 0.0;");
        }

        foreach (var tranche in model.Tranches)
        {
            int i = tranche.Index;
            w.Comment(tranche.Name + " (tranche)");
            w.Line("double " + ctx.Tranche(i, "balance") + " = " + CSharpLiterals.Double(tranche.Balance) + "; // principal outstanding");
            w.Line("double " + ctx.Tranche(i, "startBalance") + " = " + ctx.Tranche(i, "balance") + "; // " + tranche.Name + ".balance: outstanding at the period's start");
            w.Line("double " + ctx.Tranche(i, "scheduledInterest") + " = 0.0; // this period's interest on the opening balance");
            w.Line("double " + ctx.Tranche(i, "scheduledPrincipal") + " = 0.0; // this period's scheduled principal (not arrears)");
            w.Line("double " + ctx.Tranche(i, "interestDue") + " = 0.0; // incl. interest unpaid so far");
            w.Line("double " + ctx.Tranche(i, "principalDue") + " = 0.0; // incl. principal unpaid so far");
            w.Line("double " + ctx.Tranche(i, "interestPaid") + " = 0.0;");
            w.Line("double " + ctx.Tranche(i, "principalPaid") + " = 0.0;");
            w.Line("double " + ctx.Tranche(i, "unpaidInterest") + " = 0.0; // " + tranche.Name + ".interest_shortfall, carried forward");
            w.Line("double " + ctx.Tranche(i, "unpaidPrincipal") + " = 0.0; // " + tranche.Name + ".principal_shortfall, carried forward");
        }

        for (int l = 0; l < model.Leases.Length; l++)
        {
            var lease = model.Leases[l];
            w.Comment(lease.Info.Name + " (lease of " + model.Facilities[lease.Info.Facility].Name + ")");
            w.Line("double " + ctx.Lease(l, "rent") + " = 0.0;");
            if (HasRvg(lease))
            {
                w.Line("double " + ctx.Lease(l, "rvg") + " = 0.0; // residual value guarantee paid");
            }

            if (ctx.Reads(Quantity.LeaseActive, l))
            {
                w.Line("bool " + ctx.Lease(l, "active") + " = false;");
            }

            if (ctx.Reads(Quantity.LeaseEnded, l))
            {
                w.Line("bool " + ctx.Lease(l, "ended") + " = false;");
            }
        }

        foreach (var account in model.Accounts)
        {
            int a = account.Index;
            w.Comment(account.Name + " (account)");
            w.Line("double " + ctx.Account(a, "balance") + " = " + CSharpLiterals.Double(account.Initial) + ";");
            if (account.Target is not null)
            {
                w.Line("double " + ctx.Account(a, "target") + " = 0.0;");
            }

            if (account.Rate != 0)
            {
                w.Line("double " + ctx.Account(a, "interest") + " = 0.0; // interest earned this period");
            }
        }

        foreach (var fee in model.Fees)
        {
            int f = fee.Index;
            w.Comment(fee.Name + " (fee)");
            w.Line("double " + ctx.Fee(f, "due") + " = 0.0; // incl. fees unpaid so far");
            w.Line("double " + ctx.Fee(f, "paid") + " = 0.0;");
            w.Line("double " + ctx.Fee(f, "unpaid") + " = 0.0; // carried forward");
        }

        for (int e = 0; e < model.Equities.Length; e++)
        {
            w.Comment(model.Equities[e].Name + " (equity)");
            w.Line("double " + ctx.Equity(e, "distributed") + " = 0.0;");
        }

        foreach (var test in ctx.TestsByIndex)
        {
            w.Comment(test.Name + " (test)");
            w.Line("double " + ctx.Test(test.Index, "value") + " = 0.0;");
        }

        foreach (var trigger in model.Triggers)
        {
            w.Comment(trigger.Name + " (trigger, " + trigger.Effect + ")");
            w.Line("bool " + ctx.Trigger(trigger.Index, "active") + " = false;");
        }

        if (HasEnforcement(ctx))
        {
            for (int s = 0; s < ctx.Sales.Length; s++)
            {
                w.Comment("enforcement sale " + CSharpLiterals.Int(s + 1) + " of " + FacilityNames(ctx, ctx.Sales[s].Facilities));
                w.Line("Date " + EmitContext.Sale(s, "date") + " = Closing; // set at the event of default");
                w.Line("bool " + EmitContext.Sale(s, "done") + " = false;");
            }
        }
    }

    private static string FacilityNames(EmitContext ctx, int[] facilities) =>
        string.Join(", ", facilities.Select(f => ctx.Model.Facilities[f].Name));

    private static void WritePeriodStart(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("Period t runs from Boundaries[t] to Boundaries[t + 1].");
        w.Line("periodEnd = Boundaries[t + 1];");
        w.Line("double yf = YearFractions[t];");
        if (HasDefaultRule(ctx))
        {
            w.Line("bool afterDefault = eventOfDefault; // the event of default happened in an earlier period");
        }

        w.Line("double accountsStart = " + AccountTotal(ctx) + ";");
        foreach (var tranche in ctx.Model.Tranches)
        {
            w.Line(ctx.Tranche(tranche.Index, "startBalance") + " = " + ctx.Tranche(tranche.Index, "balance") + ";");
        }
    }

    private static string AccountTotal(EmitContext ctx) =>
        Join(" + ", ctx.Model.Accounts.Select(a => ctx.Account(a.Index, "balance")).ToList());

    // 1. Collections: rent, RVG, account interest and, after a default, sale proceeds.
    private static void WriteCollections(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        var sources = new List<string>();
        w.Comment("1. collections");
        for (int l = 0; l < model.Leases.Length; l++)
        {
            var lease = model.Leases[l];
            string soldFlag = SoldFlag(ctx, lease.Info.Facility);
            string scheduled = ctx.Lease(l, "scheduledRent") + "[t]";
            w.Comment(lease.Info.Name + ": rent" + (soldFlag.Length > 0 ? ", until its facility is sold" : ""));
            w.Line(ctx.Lease(l, "rent") + " = " + (soldFlag.Length > 0 ? soldFlag + " ? 0.0 : " + scheduled : scheduled) + ";");
            sources.Add(ctx.Lease(l, "rent"));
            if (ctx.Reads(Quantity.LeaseActive, l))
            {
                string endPeriod = ctx.Lease(l, "endPeriod");
                w.Line(ctx.Lease(l, "active") + " = " + (soldFlag.Length > 0 ? "!(" + soldFlag + ") && " : "")
                    + "periodEnd > " + ctx.DateConstant(lease.Info.Start)
                    + " && (" + endPeriod + " < 0 || t <= " + endPeriod + ");");
            }

            if (ctx.Reads(Quantity.LeaseEnded, l))
            {
                // true in the period the lease ends (when any RVG is paid) and after: what a sweep trigger needs
                string endPeriod = ctx.Lease(l, "endPeriod");
                w.Line(ctx.Lease(l, "ended") + " = " + (soldFlag.Length > 0 ? soldFlag + " || " : "")
                    + "(" + endPeriod + " >= 0 && t >= " + endPeriod + ");");
            }

            if (HasRvg(lease))
            {
                WriteRvg(ctx, w, l);
                sources.Add(ctx.Lease(l, "rvg"));
            }
        }

        foreach (var account in model.Accounts)
        {
            if (account.Rate != 0)
            {
                w.Comment(account.Name + ": interest on the balance at the period's start");
                w.Line(ctx.Account(account.Index, "interest") + " = " + ctx.Account(account.Index, "balance") + " * "
                    + CSharpLiterals.DoubleOperand(account.Rate) + " * yf;");
                sources.Add(ctx.Account(account.Index, "interest"));
            }
        }

        w.Line("collections = " + Join(" + ", sources) + ";");
        w.Line("available = collections;");
        w.Comment("recurring cash (not the RVG" + (model.CfadsIncludesRvg ? ", which this deal counts: 'cfads includes rvg'" : "") + "): what cfads is made of");
        List<string> oneOff = model.CfadsIncludesRvg ? [] : Enumerable.Range(0, model.Leases.Length).Where(l => HasRvg(model.Leases[l])).Select(l => ctx.Lease(l, "rvg")).ToList();
        w.Line("recurring = collections" + Subtracted(oneOff) + ";");
    }

    /// <summary>Moves every account's balance into available cash (after a default, and in the final period).</summary>
    private static void WriteReleaseAllAccounts(EmitContext ctx, IndentedWriter w)
    {
        foreach (var account in ctx.Model.Accounts)
        {
            string balance = ctx.Account(account.Index, "balance");
            w.Line("available += " + balance + ";");
            w.Line(balance + " = 0.0;");
        }
    }

    /// <summary>The condition that a facility has been sold ("" if no sale includes it).</summary>
    private static string SoldFlag(EmitContext ctx, int facility)
    {
        if (!HasEnforcement(ctx))
        {
            return "";
        }

        var flags = new List<string>();
        for (int s = 0; s < ctx.Sales.Length; s++)
        {
            if (ctx.Sales[s].Facilities.Contains(facility))
            {
                flags.Add(EmitContext.Sale(s, "done"));
            }
        }

        return flags.Count switch
        {
            0 => "",
            1 => flags[0],
            _ => "(" + Join(" || ", flags) + ")",
        };
    }

    private static void WriteRvg(EmitContext ctx, IndentedWriter w, int l)
    {
        var lease = ctx.Model.Leases[l];
        string rvg = ctx.Lease(l, "rvg");
        string cap = CSharpLiterals.DoubleOperand(lease.Info.RvgCap);
        w.Line(rvg + " = 0.0;");
        using (w.Block("if (t == " + ctx.Lease(l, "endPeriod") + " && " + ctx.Lease(l, "rvgApplies") + ")"))
        {
            w.Comment("the lease ends inside its RVG window: the lessee pays min(cap, guaranteed - value), times what it can recover");
            string guaranteed = lease.RvgGuarantees is { } g ? Amount(ctx, g, asOperand: false) : cap;
            w.Line("double guaranteed = " + guaranteed + ";");
            w.Line(rvg + " = Math.Min(" + cap + ", Math.Max(0.0, guaranteed - " + ctx.Facility(lease.Info.Facility, "value")
                + "[t])) * " + ctx.Lease(l, "rvgRecovery") + ";");
            w.Line("result.RvgPaid[" + CSharpLiterals.Int(l) + "] = " + rvg + ";");
        }
    }

    // 2. Amounts due: fees, interest and scheduled principal; then debt service, CFADS and account targets.
    private static void WriteAmountsDue(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Comment("2b. fees due, debt service, cfads and account targets");
        foreach (var fee in model.Fees)
        {
            int f = fee.Index;
            string escalation = fee.Escalator != 0 ? " * " + ctx.Fee(f, "escalation") + "[t]" : "";
            string yearFraction = fee.PerPeriod ? "" : " * yf"; // a per-period fee (2% of collections) is the period's already
            w.Comment(fee.Name + (fee.PerPeriod ? ": its share of this period's flow" : ": the annual amount for this period's share of a year") + ", plus fees unpaid so far");
            w.Line(ctx.Fee(f, "due") + " = " + Amount(ctx, fee.AnnualAmount, asOperand: true) + yearFraction + escalation + " + " + ctx.Fee(f, "unpaid") + ";");
        }

        w.Comment("debt service is what the schedule asks this period: arrears are not counted again");
        w.Line("debtService = " + Join(" + ", model.Tranches
            .SelectMany(t => new[] { ctx.Tranche(t.Index, "scheduledInterest"), ctx.Tranche(t.Index, "scheduledPrincipal") }).ToList()) + ";");
        w.Line("cfads = recurring" + Subtracted(model.Fees.Select(f => ctx.Fee(f.Index, "due")).ToList()) + ";");

        foreach (var account in model.Accounts)
        {
            if (account.Target is { } target)
            {
                w.Line(ctx.Account(account.Index, "target") + " = " + Amount(ctx, target, asOperand: false) + "; // " + account.Name + " target");
            }
        }
    }

    // 2a. What each tranche owes this period: it depends only on its own state, so it comes first, where the
    // RVG (step 1) can read the balance the schedule leaves (T.scheduled_balance).
    private static void WriteTrancheDues(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("2a. tranches: scheduled interest and principal, and what is due with arrears");
        foreach (var tranche in ctx.Model.Tranches)
        {
            WriteTrancheDue(ctx, w, tranche);
        }
    }

    private static void WriteTrancheDue(EmitContext ctx, IndentedWriter w, TrancheModel tranche)
    {
        int i = tranche.Index;
        string balance = ctx.Tranche(i, "balance");
        string unpaidPrincipal = ctx.Tranche(i, "unpaidPrincipal");
        string principalDue = ctx.Tranche(i, "principalDue");
        string coupon = CSharpLiterals.DoubleOperand(tranche.Coupon);
        string remaining = ctx.Tranche(i, "maturityPeriod") + " - t + 1";

        string scheduledInterest = ctx.Tranche(i, "scheduledInterest");
        string scheduledPrincipal = ctx.Tranche(i, "scheduledPrincipal");
        w.Comment(tranche.Name + ": interest on the opening balance, plus interest unpaid so far (which earns none)");
        w.Line(scheduledInterest + " = " + balance + " * " + coupon + " * yf;");
        w.Line(ctx.Tranche(i, "interestDue") + " = " + scheduledInterest + " + " + ctx.Tranche(i, "unpaidInterest") + ";");

        string? scheduled = tranche.Amortization switch
        {
            AmortizationKind.Level => LevelPrincipal(ctx, tranche, balance + " - " + unpaidPrincipal),
            AmortizationKind.Linear => "Annuity.LinearPrincipal(" + balance + " - " + unpaidPrincipal + ", " + remaining + ")",
            AmortizationKind.Schedule => ctx.Tranche(i, "schedule") + "[t]",
            _ => null,
        };

        w.Comment(tranche.Name + ": " + tranche.Amortization.ToString().ToLowerInvariant()
            + " principal, plus principal unpaid so far; the whole balance at maturity (and in the workout after it)");
        using (w.Block("if (t >= " + ctx.Tranche(i, "maturityPeriod") + ")"))
        {
            w.Line(scheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + ";");
        }

        if (scheduled is not null)
        {
            using (w.Block("else if (t >= " + ctx.Tranche(i, "firstPrincipalPeriod") + ")"))
            {
                w.Line(scheduledPrincipal + " = Math.Min(" + balance + " - " + unpaidPrincipal + ", " + scheduled + ");");
            }
        }

        using (w.Block("else"))
        {
            w.Line(scheduledPrincipal + " = 0.0;");
        }

        w.Line(principalDue + " = Math.Min(" + balance + ", " + scheduledPrincipal + " + " + unpaidPrincipal + ");");
    }

    // 3. Tests in dependency order, then triggers.
    private static void WriteTestsAndTriggers(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("3. tests and triggers");
        foreach (var slot in ctx.HistorySlots)
        {
            if (!slot.AfterWaterfall)
            {
                w.Line(slot.Name + "[t] = " + slot.Value + ";");
            }
        }

        foreach (var test in ctx.TestsInOrder)
        {
            string? window = test.TrailingPeriods > 1 ? ctx.Test(test.Index, "window") : null;
            string value = ctx.Test(test.Index, "value");
            w.Comment(test.Name + (window is null ? "" : ", over its trailing window") + (test.From is { } start ? ", tested from " + start.ToString() + " (n/a before)" : ""));
            string expression = Expression(ctx, test.Expression, window);

            // Before 'from' the value is n/a (NaN: comparisons with it are false). The history above is written
            // every period all the same, so the first tested period sums a whole trailing window.
            w.Line(value + " = " + (test.From is { } from ? "periodEnd >= " + ctx.DateConstant(from) + " ? " + expression + " : double.NaN" : expression) + ";");
            w.Line("result.TestValues[" + CSharpLiterals.Int(test.Index) + "][t] = " + value + ";");
        }

        foreach (var trigger in ctx.Model.Triggers)
        {
            string active = ctx.Trigger(trigger.Index, "active");
            string condition = trigger.From is { } from
                ? "periodEnd >= " + ctx.DateConstant(from) + " && " + Operand(ctx, trigger.Condition, null)
                : Expression(ctx, trigger.Condition, null);
            w.Comment(trigger.Name + " (effect: " + trigger.Effect + ")");
            w.Line(active + " = " + condition + ";");
            w.Line("result.TriggerActive[" + CSharpLiterals.Int(trigger.Index) + "][t] = " + active + ";");
        }
    }

    // 5. Shortfalls carry to the next period (again after an enforcement pass: it pays more).
    private static void WriteCarryForward(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("5. what was not paid carries to the next period");
        WriteCarry(ctx, w);
    }

    // The flows trailing tests read once the period's payments are known (after any enforcement pass).
    private static void WriteAfterWaterfallHistory(EmitContext ctx, IndentedWriter w)
    {
        foreach (var slot in ctx.HistorySlots)
        {
            if (slot.AfterWaterfall)
            {
                w.Line(slot.Name + "[t] = " + slot.Value + ";");
            }
        }
    }

    private static void WriteCarry(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        foreach (var tranche in model.Tranches)
        {
            int i = tranche.Index;
            w.Line(ctx.Tranche(i, "unpaidInterest") + " = Flows.Shortfall(" + ctx.Tranche(i, "interestDue") + ", " + ctx.Tranche(i, "interestPaid") + ");");
            w.Line(ctx.Tranche(i, "unpaidPrincipal") + " = Flows.Shortfall(" + ctx.Tranche(i, "principalDue") + ", " + ctx.Tranche(i, "principalPaid") + ");");
        }

        foreach (var fee in model.Fees)
        {
            w.Line(ctx.Fee(fee.Index, "unpaid") + " = Flows.Shortfall(" + ctx.Fee(fee.Index, "due") + ", " + ctx.Fee(fee.Index, "paid") + ");");
        }
    }

    // 7. The period's results, ledger row and cash check.
    private static void WritePeriodResults(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Comment("7. results");
        w.Line("result.Collections[t] = collections;");
        foreach (var tranche in model.Tranches)
        {
            int i = tranche.Index;
            string index = CSharpLiterals.Int(i);
            w.Line("result.InterestPaid[" + index + "][t] = " + ctx.Tranche(i, "interestPaid") + ";");
            w.Line("result.PrincipalPaid[" + index + "][t] = " + ctx.Tranche(i, "principalPaid") + ";");
            w.Line("result.TrancheBalance[" + index + "][t] = " + ctx.Tranche(i, "balance") + ";");
            w.Line("result.InterestShortfall[" + index + "][t] = " + ctx.Tranche(i, "unpaidInterest") + ";");
            w.Line("result.PrincipalShortfall[" + index + "][t] = " + ctx.Tranche(i, "unpaidPrincipal") + ";");
        }

        for (int e = 0; e < model.Equities.Length; e++)
        {
            w.Line("result.Distributions[" + CSharpLiterals.Int(e) + "][t] = " + ctx.Equity(e, "distributed") + ";");
        }

        foreach (var account in model.Accounts)
        {
            w.Line("result.AccountBalance[" + CSharpLiterals.Int(account.Index) + "][t] = " + ctx.Account(account.Index, "balance") + ";");
        }

        using (w.Block("if (ledger != null)"))
        {
            var columns = LedgerColumns(ctx);
            for (int c = 0; c < columns.Count; c++)
            {
                w.Line("ledger[t, " + CSharpLiterals.Int(c) + "] = " + columns[c].Value + "; // " + CSharpLiterals.CommentText(columns[c].Name));
            }
        }

        using (w.Block("if (checkCash)"))
        {
            var paid = model.Fees.Select(f => ctx.Fee(f.Index, "paid"))
                .Concat(model.Tranches.SelectMany(t => new[] { ctx.Tranche(t.Index, "interestPaid"), ctx.Tranche(t.Index, "principalPaid") }))
                .Concat(Enumerable.Range(0, model.Equities.Length).Select(e => ctx.Equity(e, "distributed")))
                .ToList();
            w.Line("double paidOut = " + Join(" + ", paid) + ";");
            w.Line("CashCheck.Verify(t, collections, paidOut, accountsStart, " + AccountTotal(ctx) + ");");
            using (w.Block("if (finalPeriod)"))
            {
                w.Line("CashCheck.VerifyNothingLeft(t, " + AccountTotal(ctx) + ");");
            }
        }
    }
}
