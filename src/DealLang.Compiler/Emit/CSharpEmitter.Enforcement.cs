using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// 5-6. The default rule (with its grace period), the enforcement sales and the enforcement pass, and the end of
// the run (docs/language.md, "Enforcement" and "The period loop"). After an event of default the run goes on past
// the maturity (the workout periods) until every sale has happened, so a late default still realises the
// collateral.
public static partial class CSharpEmitter
{
    private static void WriteDefaultRule(EmitContext ctx, IndentedWriter w)
    {
        var defaulting = DefaultingTriggers(ctx).ToList();
        if (defaulting.Count > 0)
        {
            // A trigger's event_of_default: the end of a period in which it is active (its trips/cures counts are
            // its grace), like the default rule's; either comes first.
            var triggers = ctx.Components.Of<TriggerComponent>();
            w.Comment("triggers with event_of_default: an event of default at the end of a period in which one is active");
            using (w.Block("if (!eventOfDefault && t < ScheduledPeriods && (" + string.Join(" || ", defaulting.Select(t => triggers[t.Index].Active.Name)) + "))"))
            {
                WriteEventOfDefault(ctx, w);
            }
        }

        if (ctx.Model.DefaultRule is not { } rule)
        {
            return;
        }

        DefaultGrace grace = ctx.Model.DefaultGrace;
        w.Comment("default rule: an event of default at the end of this period");
        if (grace.IsNone)
        {
            using (w.Block("if (!eventOfDefault && t < ScheduledPeriods && " + Operand(ctx, rule, null) + ")"))
            {
                WriteEventOfDefault(ctx, w);
            }

            return;
        }

        // A breach must last the whole grace period, measured from the end of the period in which it began and
        // checked at each period end; a period end at which the condition no longer holds cures it. The maturity is
        // the last period end the run sees: a breach that holds there has no later payment date to be cured on, so it
        // is an event of default there, whatever is left of the grace (without this, a principal unpaid at the
        // maturity under a 30-day grace was never a default and the collateral was never sold).
        using (w.Block("if (!eventOfDefault && t < ScheduledPeriods)"))
        {
            using (w.Block("if (" + Operand(ctx, rule, null) + ")"))
            {
                using (w.Block("if (!breached)"))
                {
                    w.Line("breached = true;");
                    w.Line("breachedFrom = " + ScheduledEnd(ctx) + ";");
                }

                string graceEnd = NamedByDate(ctx, "breachedFrom" + (grace.Months != 0 ? ".AddMonthsClamped(" + CSharpLiterals.Int(grace.Months) + ")" : "")
                    + (grace.Days != 0 ? ".AddDays(" + CSharpLiterals.Int(grace.Days) + ")" : ""));
                w.Comment("grace: " + GraceText(grace) + " from the first breach");
                using (w.Block("if (periodEnd >= " + graceEnd + " || t == ScheduledPeriods - 1)"))
                {
                    WriteEventOfDefault(ctx, w);
                }
            }

            using (w.Block("else"))
            {
                w.Line("breached = false; // cured within the grace period");
            }
        }
    }

    // A lag or a grace is counted from the period's end as scheduled, and a date it reaches that is one of the schedule's
    // own dates stands for that date as paid (Schedule.NamedByDate): with business days moving month ends, a 3-month lag
    // from the quarter paid on Friday 2029-06-29 ends with the quarter scheduled to end 2029-09-30 (paid Friday 09-28),
    // where counting from the day paid (to 09-29) sold a quarter late. Without business days both are the dates as they fall.
    private static string ScheduledEnd(EmitContext ctx) => ctx.Model.RolledBoundaries.IsEmpty ? "periodEnd" : "RolledDates[t + 1]";

    private static string NamedByDate(EmitContext ctx, string date) =>
        ctx.Model.RolledBoundaries.IsEmpty ? date : "Schedule.NamedByDate(RolledDates, Boundaries, " + date + ")";

    private static string GraceText(DefaultGrace grace) =>
        (grace.Months != 0 ? CSharpLiterals.Int(grace.Months) + " months" : "")
        + (grace.Months != 0 && grace.Days != 0 ? " and " : "")
        + (grace.Days != 0 ? CSharpLiterals.Int(grace.Days) + " days" : "");

    private static void WriteEventOfDefault(EmitContext ctx, IndentedWriter w)
    {
        if (ctx.DefaultLeavesLoop)
        {
            w.Line("goto " + DefaultedLabel + "; // the rest of the path runs in RunDefaulted");
            return;
        }

        w.Line("eventOfDefault = true;");
        w.Line("result.EventOfDefaultPeriod = t;");
        ctx.Components.Of<FleetComponent>().WriteDeliveriesStop(w);
        if (HasEnforcement(ctx))
        {
            foreach (var sale in ctx.SaleStates)
            {
                w.Line(sale.Date + " = " + NamedByDate(ctx, ScheduledEnd(ctx) + ".AddMonthsClamped(" + sale.LagMonths + ")") + ";");
                if (ctx.Sales[sale.Index].Market is not null && ctx.Sales[sale.Index].Collateral is [{ Kind: CollateralKind.Fleet } fleet])
                {
                    // From now on the lender runs the fleet: keeping its contracts (re-lets stop) or selling every unit.
                    ctx.Components.Of<FleetComponent>().WriteKeeping(fleet.Index, sale.KeepContracts, w);
                }
            }
        }
    }

    // 6. From the event of default on: each sale at the end of the first period ending on or after its date (the
    // default period itself when the lag is 0), the accounts swept in as collateral, and the enforcement
    // waterfall (the regular one if the deal declares none) over the period's cash, the proceeds and the accounts.
    private static void WriteEnforcement(EmitContext ctx, IndentedWriter w)
    {
        if (!HasEnforcement(ctx))
        {
            return;
        }

        w.Line();
        w.Comment("6. enforcement: from the period after the event of default, or at once when a sale falls in it (lag 0)");
        using (w.Block("if (eventOfDefault)"))
        {
            w.Line("bool enforcing = afterDefault;");
            if (ctx.Sales.Length > 0)
            {
                WriteSales(ctx, w);
            }

            using (w.Block("if (enforcing)"))
            {
                if (ctx.Sales.Length > 0)
                {
                    w.Line("collections += saleProceeds;");
                    w.Line("available += saleProceeds;");
                }

                foreach (string relet in ctx.Components.Of<FleetComponent>().ReletRevenues)
                {
                    w.Comment("re-letting idle units: a collection of the period, which the enforcement waterfall applies");
                    w.Line("collections += " + relet + ";");
                    w.Line("available += " + relet + ";");
                }

                if (ctx.Components.Terms(DealSum.CashHeld).Count > 0)
                {
                    w.Comment("the accounts are collateral: their cash joins the enforcement waterfall");
                    WriteReleaseHeld(ctx, w);
                }

                if (RetiresDebt(ctx))
                {
                    w.Line("debtRetired = false; // the enforcement waterfall keeps what its holds keep until the run's last period");
                }

                w.Line("finalPeriod = " + (ctx.Sales.Length > 0 ? AllSold(ctx) + " || " : "") + "t == Periods - 1;");
                var steps = ctx.EnforcementSteps.IsEmpty ? ctx.RegularSteps : ctx.EnforcementSteps;
                w.Comment(ctx.EnforcementSteps.IsEmpty ? "no enforcement waterfall: the regular one keeps running" : "enforcement waterfall");
                WriteStepAmounts(ctx.EnforcementSteps.SelectMany(s => s.SelfAndDescendants()), w);
                if (ctx.EnforcementSteps.IsEmpty)
                {
                    // The regular steps' amounts start this pass at 0, as the first did: a step that does not run
                    // again (a coin sale with nothing to cover) must not add the first pass's amount to its ledger
                    // columns a second time, nor one that adds up (a holdings sale) start from it.
                    WriteStepAmountsZeroed(ctx.RegularSteps.SelectMany(s => s.SelfAndDescendants()), w);
                }

                WriteStepsAndResidual(ctx, w, steps, again: ctx.EnforcementSteps.IsEmpty);
                ctx.Components.Of<TriggerComponent>().WriteCureRecount(w);
                WriteCarry(ctx, w);
            }
        }
    }

    private static string AllSold(EmitContext ctx) => string.Join(" && ", ctx.SaleStates.Select(s => s.Done));

    // Each sale's date (set at the event of default) and whether it has happened.
    private static void WriteSaleState(EmitContext ctx, IndentedWriter w)
    {
        if (!HasEnforcement(ctx))
        {
            return;
        }

        foreach (var sale in ctx.SaleStates)
        {
            w.Comment("enforcement sale " + CSharpLiterals.Int(sale.Index + 1) + " of " + CollateralNames(ctx, ctx.Sales[sale.Index].Collateral));
            w.Line("Date " + sale.Date + " = Closing; // set at the event of default");
            w.Line("bool " + sale.Done + " = false;");
            if (ctx.Sales[sale.Index].Market is not null)
            {
                w.Line("bool " + sale.Begun + " = false; // its first period counts the units kept running");
            }

            if (ctx.Sales[sale.Index].SpreadPeriods > 1)
            {
                w.Line("int " + sale.PeriodsSold + " = 0; // the periods the spread sale has sold in");
            }

            if (ctx.Sales[sale.Index].Market is { HalfLifeMonths: > 0 })
            {
                w.Line("double " + sale.Carried + " = 0.0; // the market's depression carried into the next month, from the sale's own sales");
            }

            if (ctx.Sales[sale.Index].Market is { Relet: > 0 })
            {
                w.Line("double " + sale.ReletUnits + " = 0.0; // the fleet's free units at the period's start, re-let while none is sold");
            }
        }
    }

    private static string CollateralNames(EmitContext ctx, CollateralRef[] collateral) =>
        string.Join(", ", collateral.Select(c => ctx.Components[c.Kind].Entities[c.Index].Name));

    /// <summary>The condition that a piece of collateral has been sold ("" if no sale includes it).</summary>
    internal static string SoldFlag(EmitContext ctx, CollateralRef collateral)
    {
        if (!HasEnforcement(ctx))
        {
            return "";
        }

        var flags = ctx.SaleStates.Where(s => ctx.Sales[s.Index].Collateral.Contains(collateral)).Select(s => s.Done).ToList();
        return flags.Count switch
        {
            0 => "",
            1 => flags[0],
            _ => "(" + Join(" || ", flags) + ")",
        };
    }

    private static void WriteSales(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("sales: at the end of the first period ending on or after the sale date, at value less the haircut");
        w.Line("saleProceeds = 0.0;");
        // What a sale realises is each piece of collateral's component's to say, whatever its kind.
        foreach (var sale in ctx.SaleStates)
        {
            string done = sale.Done;
            if (ctx.Sales[sale.Index].Market is not null)
            {
                WriteMarketSale(ctx, w, sale);
                continue;
            }

            if (ctx.Sales[sale.Index].SpreadPeriods > 1)
            {
                WriteSpreadSale(ctx, w, sale);
                continue;
            }

            string waits = LeasesRunning(ctx, sale);
            if (waits.Length > 0)
            {
                w.Comment("subject to lease: not sold while a lease of it runs, until the run's last period");
            }

            using (w.Block("if (!" + done + " && periodEnd >= " + sale.Date + waits + ")"))
            {
                var collateral = ctx.Sales[sale.Index].Collateral;
                LoanSalePrice? price = ctx.Sales[sale.Index].Price;
                string yield = sale.Yield;
                if (price?.YieldIndex is { } read)
                {
                    // The index's level this period (as a floating coupon reads it) plus the spread; a path taking the index
                    // below 0 or the yield past 100% is held there, as a price index below 0 fetches nothing.
                    yield = "yieldAtSale";
                    w.Line("double yieldAtSale = Math.Clamp(" + sale.Yield + " + " + sale.YieldWeight + " * " + ctx.Current(Quantity.IndexLevel, read)
                        + ", 0.0, " + CSharpLiterals.Double(Semantics.TypeChecker.MaxLoanSaleYield) + "); // " + ctx.Model.Indices[read].Info.Name
                        + " + the spread, or the scenario's yield");
                }

                string value = collateral.Length == 0
                    ? "0.0"
                    : Join(" + ", collateral.Select(c => c.Kind == CollateralKind.Loan && price is not null
                        ? ctx.Components.Of<LoanComponent>().MarketValue(c.Index, price, yield)
                        : ctx.Components[c.Kind].CollateralValue(c.Index)).ToList());
                if (collateral.Length > 1)
                {
                    value = "(" + value + ")";
                }

                w.Comment("sells " + CollateralNames(ctx, collateral) + (price is null ? ""
                    : price.Index is { } index ? " (each loan not defaulted at its balance × " + ctx.Model.Indices[index].Info.Name + ")"
                    : " (each loan not defaulted at the present value of its payments at the yield)"));
                w.Line("double proceeds = " + value + " * (1.0 - " + sale.Haircut + ");");
                w.Line("saleProceeds += proceeds;");
                w.Line("result.SaleProceeds += proceeds;");
                w.Line("result.SalePeriod = t;");
                foreach (var sold in collateral)
                {
                    if (sold.Kind == CollateralKind.Fleet)
                    {
                        // The fleet's own rows: every unit it holds, for its market value less the haircut.
                        ctx.Components.Of<FleetComponent>().WriteSoldWhole(sold.Index, sale.Haircut, w);
                    }

                    if (sold.Kind == CollateralKind.Coins)
                    {
                        // The coins' own rows: every coin held, for its liquidation value less the haircut.
                        ctx.Components.Of<CoinsComponent>().WriteSoldInEnforcement(sold.Index, sale.Haircut, w);
                    }

                    ctx.Components[sold.Kind].WriteSold(sold.Index, w);
                }

                w.Line(done + " = true;");
                w.Line("enforcing = true;");
            }
        }
    }

    // A sale subject to its leases (docs/language.md §9, "subject-to-lease") waits, past its date, until every lease of the
    // facilities it sells has ended on the path: the period a lease ends in (its last term as the path takes it, or its
    // lessee's default or break: the path's LeaseEndPeriod, −1 past the run) and after it, when its rent and any RVG are
    // in. The run's last period sells whatever still waits. A sale without the option waits for nothing (""). One lease is
    // compared in place; several are read once a path into the sale's LeasesEnd (WriteLeasesEnd).
    private static string LeasesRunning(EmitContext ctx, SaleState sale)
    {
        var leases = LeasesWaitedFor(ctx, ctx.Sales[sale.Index]);
        string end = leases.Count switch
        {
            0 => "",
            1 => leases[0].EndPeriod.Name,
            _ => sale.LeasesEnd,
        };
        return end.Length == 0 ? "" : " && ((" + end + " >= 0 && t >= " + end + ") || t == Periods - 1)";
    }

    /// <summary>The leases a sale subject to its leases waits for: those of the facilities it sells (none for a sale
    /// without the option).</summary>
    private static List<LeaseState> LeasesWaitedFor(EmitContext ctx, SaleInfo sale)
    {
        if (!sale.SubjectToLease)
        {
            return [];
        }

        var facilities = sale.Collateral.Where(c => c.Kind == CollateralKind.Facility).Select(c => c.Index).ToHashSet();
        return [.. ctx.Components.Of<LeaseComponent>().States.Where(l => facilities.Contains(l.Info.Facility))];
    }

    /// <summary>For each sale subject to several leases, the constant list of their end periods' input slots.</summary>
    internal static void WriteLeaseEndSlots(EmitContext ctx, IndentedWriter w)
    {
        if (!HasEnforcement(ctx))
        {
            return;
        }

        foreach (var sale in ctx.SaleStates)
        {
            if (LeasesWaitedFor(ctx, ctx.Sales[sale.Index]) is { Count: > 1 } leases)
            {
                w.Line();
                w.Comment("sale " + CSharpLiterals.Int(sale.Index + 1) + ", subject to lease: the input slots of the end periods of the "
                    + CSharpLiterals.Int(leases.Count) + " leases it waits for.");
                w.Line("private static readonly int[] " + sale.LeaseEndSlots + " = [" + string.Join(", ", leases.Select(l => ctx.InputSlot(InputQuantity.LeaseEndPeriod, l.Index))) + "];");
            }
        }
    }

    /// <summary>At the path's start, for a sale subject to several leases, the period from which all have ended.</summary>
    internal static void WriteLeasesEnd(EmitContext ctx, SaleState sale, IndentedWriter w)
    {
        if (LeasesWaitedFor(ctx, ctx.Sales[sale.Index]).Count > 1)
        {
            w.Line("int " + sale.LeasesEnd + " = LeaseEnds.AllEnded(input.Scalars, " + sale.LeaseEndSlots + ");");
        }
    }

    /// <summary>Whether a sale subject to its leases sells the facility, so its leases' end periods are read.</summary>
    internal static bool SoldSubjectToLease(EmitContext ctx, int facility) =>
        HasEnforcement(ctx) && ctx.Sales.Any(s => s.SubjectToLease && s.Collateral.Contains(new CollateralRef(CollateralKind.Facility, facility)));

    // A sale into the repo market (docs/language.md §9): from the period its date falls in, each period offers at most
    // the monthly limit × the period's months of the fleet's units (all that is left in the run's last period) — only
    // the idle ones, not taken by a running contract, when the lender keeps the contracts running — and sells them at
    // the market value per unit less the haircut, cut by the impact × the month's volume over the depth, less the costs
    // per unit (each factor and the net price at least 0); never more than the volume the market pays most for, less
    // what each unit held back costs over the next period (RepoMarket.BestVolumeHolding, WriteMarketHolding), and with a reserve no more than the volume whose price is the reserve
    // (RepoMarket.VolumeAtReserve), but for the last period's. The sale is done once no unit is left. A market
    // with a half-life remembers: its months are priced on the depression the sales before them carried in as well
    // (RepoMarket.CarriedProceeds), the reserve reckoned on it, and the depression carried on to the next period.
    private static void WriteMarketSale(EmitContext ctx, IndentedWriter w, SaleState sale)
    {
        CollateralRef sold = ctx.Sales[sale.Index].Collateral[0];
        var fleets = ctx.Components.Of<FleetComponent>();
        var contracts = ctx.Components.Of<ContractComponent>().States.Where(c => c.Info.Fleet == sold.Index).ToList();
        bool keeps = fleets.Keeping(sold.Index) is not null && contracts.Count > 0;
        string f = CSharpLiterals.Int(sold.Index);
        string units = fleets.UnitsNow(sold.Index), value = fleets.CollateralValue(sold.Index);
        string months = CSharpLiterals.Int(ctx.MonthsPerPeriod);
        bool relets = ctx.Sales[sale.Index].Market is { Relet: > 0 };
        // The units no running (or signed) contract takes: a contract signed but not yet started keeps its units
        // (unless its customer defaults).
        string taken = contracts.Count == 0 ? "0.0" : string.Join(" + ", contracts.Select(c => c.Info.Start > ctx.Model.Closing
            ? "(" + c.Units + " + (periodEnd < " + CSharpLiterals.Date(c.Info.Start) + " && !" + ctx.Current(Quantity.PartyDefaulted, c.Info.Customer)
              + " ? " + CSharpLiterals.DoubleOperand(c.Info.Units) + " : 0.0))"
            : c.Units.Name));
        if (relets)
        {
            WriteReletRevenue(ctx, w, sale, sold.Index, taken);
        }

        bool carries = ctx.Sales[sale.Index].Market is { HalfLifeMonths: > 0 };
        if (carries)
        {
            w.Line(fleets.Depression(sold.Index) + " = 0.0; // until the sale's first period, and once it is done");
        }

        using (w.Block("if (!" + sale.Done + " && periodEnd >= " + sale.Date + ")"))
        {
            w.Comment("sells " + CollateralNames(ctx, [sold]) + " into the repo market, " + months + " month(s) a period");
            w.Line("double marketUnits = " + units + ";");
            if (contracts.Count > 0)
            {
                // A contract signed but not yet started is kept too: its units stay for it (unless its customer defaults).
                w.Line("double marketIdle = Math.Max(0.0, marketUnits - (" + taken + ")); // the units no running (or signed) contract takes");
            }

            if (keeps)
            {
                w.Comment("keeping the contracts running, only the idle units are offered");
                w.Line("double marketFree = " + fleets.Keeping(sold.Index) + " ? marketIdle : marketUnits;");
            }

            string free = keeps ? "marketFree" : "marketUnits";
            using (w.Block("if (!" + sale.Begun + ")"))
            {
                w.Line(sale.Begun + " = true;");
                w.Line("result.FleetUnitsKept[" + f + "] = " + (keeps ? "marketUnits - marketFree" : "0.0") + ";");
            }

            if (relets)
            {
                w.Comment("re-letting idle units: none offered until the window from the sale date ends (or, without one, the run's last period)");
                w.Line("bool marketReletting = " + sale.ReletUtilisation + " > 0.0 && (" + sale.ReletMonths + " < 0 || periodEnd < " + sale.Date
                    + ".AddMonthsClamped(" + sale.ReletMonths + "));");
                w.Line("double marketOffered = t == Periods - 1 ? marketUnits : marketReletting ? 0.0 : Math.Min(" + free + ", " + sale.Limit + " * " + months + ");");
            }
            else
            {
                w.Line("double marketOffered = t == Periods - 1 ? marketUnits : Math.Min(" + free + ", " + sale.Limit + " * " + months + ");");
            }

            w.Line("double marketUnitValue = marketUnits > 0.0 ? " + value + " / marketUnits : 0.0;");
            WriteMarketHolding(w, fleets.IdleUnitCostNext(sold.Index), contracts.Count > 0, keeps ? fleets.Keeping(sold.Index) : null);
            w.Comment("none past the volume the market pays most for less what a unit held back costs, nor below the reserve, but in the run's last period");
            if (carries)
            {
                w.Line(fleets.Depression(sold.Index) + " = " + sale.Carried + ";");
                w.Line("double marketSold = t == Periods - 1 ? marketOffered : Math.Min(RepoMarket.VolumeAtReserveCarried(marketOffered, marketUnitValue * (1.0 - "
                    + sale.Haircut + "), " + months + ", " + sale.Depth + ", " + sale.Impact + ", " + sale.Costs + ", " + sale.Reserve + ", " + sale.Carried
                    + ", " + sale.Decay + "), RepoMarket.BestVolumeHolding(marketOffered, marketUnitValue * (1.0 - " + sale.Haircut + "), " + months + ", "
                    + sale.Depth + ", " + sale.Impact + ", " + sale.Costs + ", " + sale.Carried + ", " + sale.Decay + ", marketHolding));");
            }
            else
            {
                w.Line("double marketSold = t == Periods - 1 ? marketOffered : Math.Min(RepoMarket.VolumeAtReserve(marketOffered, marketUnitValue * (1.0 - " + sale.Haircut + "), "
                    + months + ", " + sale.Depth + ", " + sale.Impact + ", " + sale.Costs + ", " + sale.Reserve + "), RepoMarket.BestVolumeHolding(marketOffered, marketUnitValue * (1.0 - "
                    + sale.Haircut + "), " + months + ", " + sale.Depth + ", " + sale.Impact + ", " + sale.Costs + ", 0.0, 0.0, marketHolding));");
            }

            using (w.Block("if (marketSold < marketOffered)"))
            {
                w.Line("result.FleetUnitsHeld[" + f + "] = Math.Max(result.FleetUnitsHeld[" + f + "], marketOffered - marketSold);");
                w.Line("result.FleetPeriodsHeld[" + f + "]++;");
            }

            if (carries)
            {
                w.Comment("each month priced on the depression carried into it and its own volume's impact; the depression carried on");
                w.Line("double proceeds = RepoMarket.CarriedProceeds(marketSold, marketUnitValue * (1.0 - " + sale.Haircut + "), " + months + ", " + sale.Depth
                    + ", " + sale.Impact + ", " + sale.Costs + ", " + sale.Carried + ", " + sale.Decay + ");");
                w.Line(sale.Carried + " = RepoMarket.CarriedAfter(marketSold, " + months + ", " + sale.Depth + ", " + sale.Impact + ", " + sale.Carried + ", "
                    + sale.Decay + ");");
            }
            else
            {
                w.Line("double marketImpact = Math.Max(0.0, 1.0 - " + sale.Impact + " * (marketSold / " + months + ") / " + sale.Depth + ");");
                w.Line("double marketUnitPrice = Math.Max(0.0, marketUnitValue * (1.0 - " + sale.Haircut + ") * marketImpact - " + sale.Costs + ");");
                w.Line("double proceeds = marketSold * marketUnitPrice;");
            }

            w.Line("saleProceeds += proceeds;");
            w.Line("result.SaleProceeds += proceeds;");
            w.Line("result.FleetUnitsSold[" + f + "] += marketSold;");
            w.Line("result.FleetSaleProceeds[" + f + "] += proceeds;");
            if (contracts.Count > 0)
            {
                w.Line("result.FleetSaleRevenue[" + f + "] += " + string.Join(" + ", contracts.Select(c => c.Revenue.Name)) + ";");
            }

            if (relets)
            {
                // The free units left after the sale wait for the next period's: kept contracts keep theirs; selling
                // every unit takes the contracts' units down in proportion with the free ones.
                string keeping = fleets.Keeping(sold.Index) is { } k ? k + " ? Math.Max(0.0, " + sale.Idle + " - marketSold) : " : "";
                w.Line(sale.ReletUnits + " = marketUnits > 0.0 ? " + keeping + sale.Idle + " * (1.0 - marketSold / marketUnits) : 0.0;");
            }

            using (w.Block("if (marketSold >= marketUnits)"))
            {
                w.Line("result.SalePeriod = t;");
                fleets.WriteSold(sold.Index, w);
                w.Line(sale.Done + " = true;");
            }

            using (w.Block("else if (marketSold > 0.0)"))
            {
                w.Line("result.SalePeriod = t;");
                fleets.WriteSoldUnits(sold.Index, "marketSold", "marketUnits", w);
            }

            w.Line("enforcing = true;");
        }
    }

    // What a unit the period holds back costs by staying unsold (docs/language.md §9, "The repo market"): an idle unit's
    // power and maintenance over the next period at the fleet's idle_cost share (FleetComponent.IdleUnitCostNext), × the
    // share of a held-back unit that is idle. A sale keeping the contracts running offers free units only, all idle; one
    // selling every unit holds back a slice of the fleet whose contracts go with it (its in-use part earns its revenue
    // and is not weighed), idle as the fleet's units no contract takes at the period's end are. Nothing in the run's last
    // period, which sells everything left.
    private static void WriteMarketHolding(IndentedWriter w, string idleUnitCost, bool hasContracts, string? keeping)
    {
        string idleShare = !hasContracts ? "" : " * (" + (keeping is null ? "" : keeping + " ? 1.0 : ") + "marketUnits > 0.0 ? marketIdle / marketUnits : 1.0)";
        w.Line("double marketHolding = t < Periods - 1 ? " + idleUnitCost + idleShare + " : 0.0;");
    }

    // Re-letting a fleet's idle units in enforcement (docs/language.md §9, "relet idle"): from the sale date until the
    // sale is done, the units free at the period's start (ReletUnits, set at each period's end from the event of
    // default) earn units × I_t × 8,760 × y'_t × R, I_t the fleet's generation index at the period's start and y'_t the
    // days from max(period start, sale date) to the period's end over 365. Before the sale's first period (and in it,
    // before its sale) the free units are those held less those its contracts take (SaleState.Idle).
    private static void WriteReletRevenue(EmitContext ctx, IndentedWriter w, SaleState sale, int fleet, string taken)
    {
        var fleets = ctx.Components.Of<FleetComponent>();
        string revenue = fleets.ReletRevenue(fleet), f = CSharpLiterals.Int(fleet);
        string spot = ctx.Current(Quantity.IndexLevel, ctx.Model.Fleets[fleet].Generation);
        w.Comment("re-letting " + ctx.Model.Fleets[fleet].Name + "'s free units at its spot index from the sale date, until the sale is done");
        w.Line(revenue + " = 0.0;");
        using (w.Block("if (!" + sale.Done + " && " + sale.ReletUtilisation + " > 0.0 && periodEnd > " + sale.Date + ")"))
        {
            w.Line("Date reletFrom = " + sale.Date + " > Boundaries[t] ? " + sale.Date + " : Boundaries[t];");
            if (ctx.ShapesRelets)
            {
                w.Comment("the utilisation ramps (or follows its curve) over the whole months from the sale date to the re-let's start; the price follows its index");
                w.Line("double reletRate = ReletRamp.Utilisation(" + sale.ReletCurve + ", " + sale.ReletUtilisation + ", " + sale.ReletTo + ", " + sale.ReletRampMonths + ", "
                    + sale.Date + ", reletFrom);");
                w.Line("double reletPrice = Math.Max(0.0, " + sale.ReletPriceShare + " * " + sale.ReletPriceLevels + "[t] + " + sale.ReletPriceSpread + ");");
                w.Line(revenue + " = " + sale.ReletUnits + " * reletPrice * 8760.0 * (Date.DaysBetween(reletFrom, periodEnd) / 365.0) * reletRate;");
            }
            else
            {
                w.Line(revenue + " = " + sale.ReletUnits + " * " + spot + " * 8760.0 * (Date.DaysBetween(reletFrom, periodEnd) / 365.0) * " + sale.ReletUtilisation + ";");
            }

            w.Line("result.FleetReletRevenue[" + f + "] += " + revenue + ";");
        }

        w.Line("double " + sale.Idle + " = Math.Max(0.0, " + fleets.UnitsNow(fleet) + " - (" + taken + "));");
        w.Line(sale.ReletUnits + " = " + sale.Idle + "; // the units free at the next period's start, unless the sale below sells some");
    }

    // A sale of coins spread over N periods (docs/language.md §9): from the period its date falls in, each period sells
    // the coins left / the periods left of the spread (an equal share Q / N when nothing else sells them), each
    // holding's share at that period's price less the impact on that share alone, less the haircut; the last period of
    // the spread, or the run's last period if the run ends first, sells all that is left. The sale is done then. With a
    // half-life the coins' market remembers: each period's share is priced on the depression carried in as well.
    private static void WriteSpreadSale(EmitContext ctx, IndentedWriter w, SaleState sale)
    {
        var collateral = ctx.Sales[sale.Index].Collateral;
        string periods = CSharpLiterals.Int(ctx.Sales[sale.Index].SpreadPeriods);
        var coins = ctx.Components.Of<CoinsComponent>();
        using (w.Block("if (!" + sale.Done + " && periodEnd >= " + sale.Date + ")"))
        {
            w.Comment("sells " + CollateralNames(ctx, collateral) + " over " + periods + " periods: the coins left / the periods left, all of them in the run's last period");
            w.Line("double spreadShare = t == Periods - 1 ? 1.0 : 1.0 / (" + periods + " - " + sale.PeriodsSold + ");");
            foreach (var sold in collateral)
            {
                coins.WriteSoldInEnforcement(sold.Index, sale.Haircut, w, share: "spreadShare", ctx.Sales[sale.Index].SpreadHalfLifeMonths);
            }

            w.Line("double proceeds = " + Join(" + ", collateral.Select(c => coins[c.Index].EnforcementProceeds.Name).ToList()) + ";");
            w.Line("saleProceeds += proceeds;");
            w.Line("result.SaleProceeds += proceeds;");
            w.Line("result.SalePeriod = t;");
            w.Line(sale.PeriodsSold + "++;");
            using (w.Block("if (spreadShare >= 1.0)"))
            {
                foreach (var sold in collateral)
                {
                    coins.WriteSold(sold.Index, w);
                }

                w.Line(sale.Done + " = true;");
            }

            w.Line("enforcing = true;");
        }
    }

    // The run ends after the maturity when no event of default has occurred, and after the last enforcement
    // sale when one has; the workout periods after the maturity exist only for those sales.
    private static void WriteTermination(EmitContext ctx, IndentedWriter w)
    {
        bool hasWorkout = ctx.Model.Periods > ctx.Model.ScheduledPeriods;
        bool ends = HasEnforcement(ctx) && ctx.Sales.Length > 0;
        if (!hasWorkout && !ends)
        {
            return;
        }

        w.Line();
        w.Comment("the run ends at the maturity without a default, or with the last enforcement sale");
        string condition = (hasWorkout ? "(!eventOfDefault && t == ScheduledPeriods - 1)" : "")
            + (hasWorkout && ends ? " || " : "")
            + (ends ? "(" + AllSold(ctx) + ")" : "");
        using (w.Block("if (" + condition + ")"))
        {
            w.Line("periodsRun = t + 1;");
            w.Line("break;");
        }
    }
}
