using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// Run: the period loop of docs/language.md ("The period loop") as a schedule of phases. Each phase writes the
// deal-wide lines it owns and asks every component (EmitterComponents, in registry order) for its code; what a
// kind does in a phase is in Components/<Kind>Component.cs. Every piece of state is a local named after its deal
// entity and declared before the loop, so any expression can read any state at any phase; the loop body itself is
// straight-line arithmetic over those locals and arrays, with no allocation.
public static partial class CSharpEmitter
{
    private static void WriteRun(EmitContext ctx, IndentedWriter w)
    {
        if (ctx.SplitRun)
        {
            WriteSplitRun(ctx, w);
            return;
        }

        // Run only chooses: the JIT compiles a method on its first call, and the loaded deal's methods are compiled
        // fully optimised at once (a collectible assembly is not tiered), so a run that keeps no ledger never pays
        // for compiling the ledger's loop, nor one that keeps it for the summary's (bench/HISTORY.md, "Session
        // 2026-12-03e").
        w.Comment("Runs one path. Writes only into result's preallocated buffers: the loop allocates nothing.");
        using (w.Block("public void Run(PathInputs input, RunResult result)"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(input);");
            w.Line("ArgumentNullException.ThrowIfNull(result);");
            using (w.Block("if (result.Ledger == null)"))
            {
                w.Line("RunSummary(input, result);");
            }

            using (w.Block("else"))
            {
                w.Line("RunLedger(input, result);");
            }
        }

        w.Line();
        w.Comment("Run for a result that keeps the period ledger.");
        using (w.Block("private void RunLedger(PathInputs input, RunResult result)"))
        {
            WriteLoop(ctx, w);
        }
    }

    /// <summary>
    /// A small deal's <c>RunSummary</c>: <c>Run</c>'s loop for a summary-only result (no ledger, as Monte Carlo runs
    /// every path), written again without the ledger's writes. Skipped or not, those writes keep the step amounts and
    /// the ledger alive through the period: CoreWeave's loop ran about 15% slower with them (bench/HISTORY.md, "Session
    /// 2026-12-03").
    /// The split shape keeps one <c>Run</c>: its state lives in a struct, not in registers.
    /// </summary>
    private static void WriteRunSummary(EmitContext ctx, IndentedWriter w)
    {
        w.Line();
        w.Comment("Run for a summary-only result (no ledger): the same loop, without the ledger's writes"
            + (HasEnforcement(ctx) ? "; from an event of default on, RunDefaulted." : "."));
        // What RunDefaulted runs of the period it takes over decides what both halves hand over.
        string? resumedPeriod = HasEnforcement(ctx) ? ResumedPeriodText(ctx) : null;
        using (w.Block("private void RunSummary(PathInputs input, RunResult result)"))
        {
            ctx.WritesLedger = false;
            ctx.DefersCashCheck = true;
            try
            {
                if (resumedPeriod is not null)
                {
                    WritePerformingLoop(ctx, w, resumedPeriod);
                }
                else
                {
                    WriteLoop(ctx, w);
                }
            }
            finally
            {
                ctx.WritesLedger = true;
                ctx.DefersCashCheck = false;
            }
        }

        if (resumedPeriod is not null)
        {
            WriteRunDefaulted(ctx, w, resumedPeriod);
        }
    }

    /// <summary>The body of <c>Run</c>: the path's start, setup, the period loop between its markers, and the run's end.</summary>
    private static void WriteLoop(EmitContext ctx, IndentedWriter w)
    {
        w.Line("result.BeginPath(); // the run's events to none; every per-period figure is written below, so nothing is cleared");
        WriteSetup(ctx, w);

        // The loop first, so that the result's rows it writes are known and read once before it.
        var loop = new IndentedWriter(w.Depth);
        ctx.ResultRowDeclarations();
        loop.Line(LoopBeginMarker);
        using (loop.Block("for (int t = 0; t < Periods; t++)"))
        {
            foreach (var phase in Phases(ctx))
            {
                if (phase.BlankBefore)
                {
                    loop.Line();
                }

                phase.Write(loop);
            }

            WriteTermination(ctx, loop);
        }

        loop.Line(LoopEndMarker);
        w.Line();
        WriteResultRows(ctx, w);

        w.Line();
        w.Append(loop);
        w.Line();
        WriteDeferredCashCheck(ctx, w, "periodsRun");
        WriteRunEnd(ctx, w);
    }

    /// <summary>After the loop's text is written (which names the rows it writes), the rows' locals, declared before
    /// the loop: Run's, RunSummary's and RunDefaulted's.</summary>
    private static void WriteResultRows(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("The result's rows the loop writes each period.");
        foreach (string declaration in ctx.ResultRowDeclarations())
        {
            w.Line(declaration);
        }
    }

    /// <summary>A summary-only loop's cash check, after its periods (0 to <paramref name="periods"/> − 1): it stored
    /// each period's terms (WritePeriodResults). In RunSummary the final period is the maturity's: only the regular
    /// waterfall runs there.</summary>
    private static void WriteDeferredCashCheck(EmitContext ctx, IndentedWriter w, string periods)
    {
        if (!ctx.DefersCashCheck)
        {
            return;
        }

        using (w.Block("if (checkCash)"))
        {
            w.Line("CashCheck.VerifyPeriods(result, " + periods + ", ScheduledPeriods - 1);");
        }
    }

    /// <summary>Everything before the loop: the result's ledger, the path's inputs and the state at closing.</summary>
    private static void WriteSetup(EmitContext ctx, IndentedWriter w)
    {
        if (ctx.WritesLedger)
        {
            w.Line("double[,]? ledger = result.Ledger;");
        }

        w.Line("bool checkCash = input.CheckCashConservation;");
        WriteInputs(ctx, w);
        WriteInitialState(ctx, w);
    }

    private static void WriteRunEnd(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("7. at termination or the horizon: what was never repaid");
        w.Line("result.PeriodsRun = periodsRun;");
        Each(ctx.Components, c => c.WriteRunEnd(w));
    }

    /// <summary>One phase of a period, in loop order: <paramref name="Name"/> names its method in a large deal's
    /// <c>PathState</c> (<see cref="WriteSplitRun"/>); in <c>Run</c> a blank line goes before it when
    /// <paramref name="BlankBefore"/>.</summary>
    private sealed record Phase(string Name, bool BlankBefore, Action<IndentedWriter> Write);

    /// <summary>The period loop's body as a schedule of phases (docs/language.md, "The period loop").</summary>
    private static IReadOnlyList<Phase> Phases(EmitContext ctx)
    {
        var components = ctx.Components;
        return
        [
            new("StartPeriod", false, w => WritePeriodStart(ctx, w)),
            new("Dues", true, w =>
            {
                w.Comment("2a. tranches: scheduled interest and principal, and what is due with arrears");
                Each(components, c => c.WriteDues(w));
            }),
            new("Collect", true, w => WriteCollections(ctx, w)),
            new("AmountsDue", true, w => WriteAmountsDue(ctx, w)),
            new("Test", true, w => WriteTestsAndTriggers(ctx, w)),
            new("Waterfall", true, w => WriteWaterfall(ctx, w)),
            new("Carry", true, w =>
            {
                w.Comment("5. what was not paid carries to the next period");
                WriteCarry(ctx, w);
            }),
            new("Default", false, w => WriteDefaultRule(ctx, w)),
            new("Enforce", false, w =>
            {
                WriteEnforcement(ctx, w);
                WriteHistory(ctx, w, afterWaterfall: true);
            }),
            new("Results", true, w =>
            {
                WritePeriodResults(ctx, w);
                Each(components, c => c.WriteNextPeriodStart(w));
            }),
        ];
    }

    /// <summary>Asks every component, in registry order, for its code of one phase.</summary>
    private static void Each(ComponentSet components, Action<EmitterComponent> phase)
    {
        foreach (var component in components)
        {
            phase(component);
        }
    }

    /// <summary>Whether an event of default can happen: a default rule, or a trigger with <c>event_of_default</c>.</summary>
    internal static bool HasDefaultRule(EmitContext ctx) => ctx.Model.DefaultRule is not null || DefaultingTriggers(ctx).Any();

    /// <summary>The triggers whose effects include <c>event_of_default</c>.</summary>
    private static IEnumerable<TriggerModel> DefaultingTriggers(EmitContext ctx) =>
        ctx.Model.Triggers.Where(t => t.ActionList.Any(a => a is EventOfDefaultAction));

    /// <summary>Enforcement (sales, account sweep, its own waterfall) can only start after an event of default.</summary>
    internal static bool HasEnforcement(EmitContext ctx) => HasDefaultRule(ctx) && ctx.Model.Enforcement is not null;

    /// <summary>
    /// The path's inputs as locals, read from the slots of <see cref="InputLayout"/> (the runtime numbers them, so
    /// the loop and every path source agree on one rule): per-period series and flags as arrays, per-path scalars
    /// as values. Only what the loop reads is declared.
    /// </summary>
    private static void WriteInputs(EmitContext ctx, IndentedWriter w)
    {
        string Slot(InputQuantity quantity, int entity) => ctx.InputSlot(quantity, entity);
        var facilities = ctx.Components.Of<FacilityComponent>();
        w.Line();
        w.Comment("This path's scenario inputs, from the slots of InputLayout: Series and Flags per period, Scalars per path.");
        foreach (var facility in facilities.States)
        {
            if (facilities.ReadsValue(facility.Index))
            {
                w.Line("double[] " + facility.Value + " = input.Series[" + Slot(InputQuantity.FacilityValue, facility.Index) + "];");
            }
        }

        foreach (var holding in ctx.Components.Of<HoldingComponent>().States)
        {
            w.Line("double[] " + holding.ReceiptsIn + " = input.Series[" + Slot(InputQuantity.HoldingReceipts, holding.Index) + "];");
            w.Line("double[] " + holding.ParIn + " = input.Series[" + Slot(InputQuantity.HoldingPar, holding.Index) + "];");
            if (holding.Info.Draws)
            {
                w.Line("double[] " + holding.DrawsIn + " = input.Series[" + Slot(InputQuantity.HoldingDraws, holding.Index) + "];");
            }
            if (holding.Info.Sold)
            {
                w.Line("double " + holding.Discount + " = input.Scalars[" + Slot(InputQuantity.HoldingSaleDiscount, holding.Index) + "];");
                w.Line("double " + holding.Depth + " = input.Scalars[" + Slot(InputQuantity.HoldingDepth, holding.Index) + "];");
                w.Line("double " + holding.Impact + " = input.Scalars[" + Slot(InputQuantity.HoldingImpact, holding.Index) + "];");
            }
        }

        foreach (var index in ctx.Components.Of<IndexComponent>().States)
        {
            w.Line("double[] " + index.Levels + " = input.Series[" + Slot(InputQuantity.IndexLevel, index.Index) + "];");
            if (ctx.ProjectsCompletion && ctx.CompletionIndices.Contains(index.Index))
            {
                w.Line("double[] " + index.Schedule + " = input.Series[" + Slot(InputQuantity.IndexSchedule, index.Index) + "];");
            }
        }

        foreach (var lease in ctx.Components.Of<LeaseComponent>().States)
        {
            w.Line("double[] " + lease.ScheduledRent + " = input.Series[" + Slot(InputQuantity.LeaseRent, lease.Index) + "];");
            if (ctx.ProjectsCfads)
            {
                w.Line("double[] " + lease.TermRent + " = input.Series[" + Slot(InputQuantity.LeaseTermRent, lease.Index) + "];");
                if (lease.ReadsNotice)
                {
                    w.Line("double[] " + lease.NoticedRent + " = input.Series[" + Slot(InputQuantity.LeaseNoticedRent, lease.Index) + "];");
                    w.Line("int " + lease.NoticePeriod + " = (int)input.Scalars[" + Slot(InputQuantity.LeaseNoticePeriod, lease.Index) + "];");
                }
            }

            if (lease.HasTerminationFee)
            {
                w.Line("double[] " + lease.TerminationFees + " = input.Series[" + Slot(InputQuantity.LeaseTermination, lease.Index) + "];");
            }

            if (lease.HasRvg || lease.Active.Declared || lease.Ended.Declared || ctx.ProjectsCfads || SoldSubjectToLease(ctx, lease.Info.Facility))
            {
                w.Line("int " + lease.EndPeriod + " = (int)input.Scalars[" + Slot(InputQuantity.LeaseEndPeriod, lease.Index) + "];");
            }

            if (lease.HasRvg)
            {
                w.Line("bool " + lease.RvgApplies + " = input.Scalars[" + Slot(InputQuantity.RvgApplies, lease.Index) + "] != 0.0;");
                w.Line("double " + lease.RvgRecovery + " = input.Scalars[" + Slot(InputQuantity.RvgRecovery, lease.Index) + "];");
                w.Line("double " + lease.RvgValue + " = input.Scalars[" + Slot(InputQuantity.RvgValue, lease.Index) + "];");
                if (lease.HasBreakRvgTerms)
                {
                    w.Line("int " + lease.RvgBreakTerms + " = (int)input.Scalars[" + Slot(InputQuantity.RvgBreakTerms, lease.Index) + "];");
                }
            }
        }

        foreach (var loan in ctx.Components.Of<LoanComponent>().States.Where(l => l.Model.RecoveryFromObligor))
        {
            w.Line("double " + loan.RecoveryRate + " = input.Scalars[" + Slot(InputQuantity.PartyRecovery, loan.Model.Obligor) + "];");
        }

        // A loan's workout lag: its own drawn lag on this path, else (−1) its obligor's drawn lag (docs/language.md §10,
        // "Drawn workout lags"), else (−1) the loan's own. Its own slot is read only where a scenario of the deal draws
        // it ('L workout drawn'), so that every other deal's loop is the one it was.
        foreach (var loan in ctx.Components.Of<LoanComponent>().States.Where(l => l.Model.RecoveryLagPeriods > 0))
        {
            string slot = "input.Scalars[" + Slot(InputQuantity.PartyWorkoutPeriods, loan.Model.Obligor) + "]";
            string lag = slot + " < 0.0 ? " + CSharpLiterals.Int(loan.Model.RecoveryLagPeriods) + " : (int)" + slot;
            if (loan.DrawsOwnWorkout)
            {
                string own = "input.Scalars[" + Slot(InputQuantity.LoanWorkoutPeriods, loan.Model.Index) + "]";
                lag = own + " >= 0.0 ? (int)" + own + " : " + lag;
            }

            w.Line("int " + loan.WorkoutPeriods + " = " + lag + ";");
        }

        // A loan paying more often than the deal reads its obligor's default date (days from the closing), drawn or dated:
        // its default period receives the instalments dated before it (docs/language.md §5, "loan").
        foreach (var loan in ctx.Components.Of<LoanComponent>().States.Where(l => l.BeforeDefault is not null))
        {
            w.Line("int " + loan.DefaultDay + " = (int)input.Scalars[" + Slot(InputQuantity.LoanDefaultDay, loan.Model.Index) + "];");
        }

        // A loan a scenario of the deal has its obligor pay in part reads the lever's share in each period and its windows'
        // span (docs/language.md §10, "Partial payments"); on a path whose scenario leaves it alone they say "pays in
        // full" (a row of −1, −1, −1).
        foreach (var loan in ctx.Components.Of<LoanComponent>().States.Where(l => l.PaysInPart))
        {
            w.Line("double[] " + loan.PaysShare + " = input.Series[" + Slot(InputQuantity.LoanPaysShareByPeriod, loan.Model.Index) + "];");
            w.Line("int " + loan.PaysFrom + " = (int)input.Scalars[" + Slot(InputQuantity.LoanPaysFrom, loan.Model.Index) + "];");
            w.Line("int " + loan.PaysTo + " = (int)input.Scalars[" + Slot(InputQuantity.LoanPaysTo, loan.Model.Index) + "];");
            if (loan.ReschedulesArrears || loan.CapitalisesArrears)
            {
                w.Line("int " + loan.ArrearsPeriods + " = (int)input.Scalars[" + Slot(InputQuantity.LoanArrearsPeriods, loan.Model.Index) + "];");
            }
        }

        foreach (var contract in ctx.Components.Of<ContractComponent>().States)
        {
            w.Line("double " + contract.Utilisation + " = input.Scalars[" + Slot(InputQuantity.ContractUtilisation, contract.Index) + "];");
            w.Line("double " + contract.Floor + " = Math.Max(" + CSharpLiterals.DoubleOperand(contract.Info.TakeOrPay) + ", " + contract.Utilisation + "); // max(take-or-pay, utilisation): fixed for the path");
            w.Line("double[] " + contract.TermYears + " = input.Series[" + Slot(InputQuantity.ContractTermYears, contract.Index) + "];");
            if (contract.HasPrepayment)
            {
                w.Line("double[] " + contract.Prepaid + " = input.Series[" + Slot(InputQuantity.ContractPrepaid, contract.Index) + "];");
            }
            if (contract.HasTerminationFee)
            {
                w.Line("double[] " + contract.TerminationFees + " = input.Series[" + Slot(InputQuantity.ContractTermination, contract.Index) + "];");
            }

            if (contract.CanBreak)
            {
                w.Line("double[] " + contract.Broken + " = input.Series[" + Slot(InputQuantity.ContractBroken, contract.Index) + "];");
            }

            if (ctx.ProjectsCfads && contract.ReadsNotice)
            {
                w.Line("double[] " + contract.NoticedYears + " = input.Series[" + Slot(InputQuantity.ContractNoticedYears, contract.Index) + "];");
                w.Line("int " + contract.NoticePeriod + " = (int)input.Scalars[" + Slot(InputQuantity.ContractNoticePeriod, contract.Index) + "];");
            }

            if (contract.HasRenewals)
            {
                w.Line("double[] " + contract.RenewalYears + " = input.Series[" + Slot(InputQuantity.ContractRenewalYears, contract.Index) + "];");
                w.Line("double[] " + contract.RenewalLive + " = input.Series[" + Slot(InputQuantity.ContractRenewalLive, contract.Index) + "];");
            }

            if (contract.CanRelet)
            {
                w.Line("double[] " + contract.ReletYears + " = input.Series[" + Slot(InputQuantity.ContractReletYears, contract.Index) + "];");
                w.Line("double[] " + contract.ReletLive + " = input.Series[" + Slot(InputQuantity.ContractReletLive, contract.Index) + "];");
                w.Line("double " + contract.ReletUtilisation + " = input.Scalars[" + Slot(InputQuantity.ContractReletUtilisation, contract.Index) + "];");
                if (contract.ShapesRelet)
                {
                    w.Line("double " + contract.ReletTo + " = input.Scalars[" + Slot(InputQuantity.ContractReletTo, contract.Index) + "];");
                    w.Line("int " + contract.ReletRampMonths + " = (int)input.Scalars[" + Slot(InputQuantity.ContractReletRampMonths, contract.Index) + "];");
                    w.Line("ReletCurve? " + contract.ReletCurve + " = input.ContractReletCurve[" + CSharpLiterals.Int(contract.Index) + "];");
                    w.Line("Date " + contract.ReletStart + " = Closing.AddDays((int)input.Scalars[" + Slot(InputQuantity.ContractReletStartDay, contract.Index) + "]);");
                    w.Line("int " + contract.ReletPriceIndex + " = (int)input.Scalars[" + Slot(InputQuantity.ContractReletPriceIndex, contract.Index) + "];");
                    w.Line("double " + contract.ReletPriceShare + " = input.Scalars[" + Slot(InputQuantity.ContractReletPriceShare, contract.Index) + "];");
                    w.Line("double " + contract.ReletPriceSpread + " = input.Scalars[" + Slot(InputQuantity.ContractReletPriceSpread, contract.Index) + "];");
                    // The index a scenario's price names is a path input, so its levels are the path's series of that index's levels.
                    w.Line("double[] " + contract.ReletPriceLevels + " = input.Series[" + Slot(InputQuantity.IndexLevel, 0) + " + " + contract.ReletPriceIndex + "];");
                }
            }
        }

        ctx.Components.Of<FleetComponent>().WriteDeliveryLevels(w);
        foreach (var party in ctx.Components.Of<PartyComponent>().States)
        {
            if (ctx.Reads(Quantity.PartyDefaulted, party.Index))
            {
                w.Line("bool[] " + party.Defaulted + " = input.Flags[" + Slot(InputQuantity.PartyDefaulted, party.Index) + "];");
            }
        }

        GuarantorCode.WriteInputs(ctx, w, (q, e) => Slot(q, e));
        foreach (var tranche in ctx.Components.Of<TrancheComponent>().States.Where(t => t.Model.Callable))
        {
            // A scenario's hard calls ('T called on DATE at P part X') and partial conversion ('T converts X'): every
            // convertible reads them, the scenario being run-time data; a plain tranche reads its calls when some
            // scenario of the deal calls it.
            w.Line("double[] " + tranche.CallPart + " = input.Series[" + Slot(InputQuantity.TrancheCallPart, tranche.Index) + "];");
            w.Line("double[] " + tranche.CallPrice + " = input.Series[" + Slot(InputQuantity.TrancheCallPrice, tranche.Index) + "];");
            if (tranche.Model.Conversion is not null)
            {
                w.Line("double " + tranche.ConvertPart + " = input.Scalars[" + Slot(InputQuantity.TrancheConvertPart, tranche.Index) + "];");
            }
        }

        if (HasEnforcement(ctx))
        {
            foreach (var sale in ctx.SaleStates)
            {
                w.Line("double " + sale.Haircut + " = input.Scalars[" + Slot(InputQuantity.SaleHaircut, sale.Index) + "];");
                w.Line("int " + sale.LagMonths + " = (int)input.Scalars[" + Slot(InputQuantity.SaleLagMonths, sale.Index) + "];");
                WriteLeasesEnd(ctx, sale, w);
                if (ctx.Sales[sale.Index].Market is not null)
                {
                    w.Line("double " + sale.Depth + " = input.Scalars[" + Slot(InputQuantity.SaleDepth, sale.Index) + "];");
                    w.Line("double " + sale.Impact + " = input.Scalars[" + Slot(InputQuantity.SaleImpact, sale.Index) + "];");
                    w.Line("double " + sale.Limit + " = input.Scalars[" + Slot(InputQuantity.SaleLimit, sale.Index) + "];");
                    w.Line("double " + sale.Costs + " = input.Scalars[" + Slot(InputQuantity.SaleCosts, sale.Index) + "];");
                    w.Line("bool " + sale.KeepContracts + " = input.Scalars[" + Slot(InputQuantity.SaleKeepContracts, sale.Index) + "] != 0.0;");
                    w.Line("double " + sale.Reserve + " = input.Scalars[" + Slot(InputQuantity.SaleReserve, sale.Index) + "];");
                    if (ctx.Sales[sale.Index].Market is { Relet: > 0 })
                    {
                        w.Line("double " + sale.ReletUtilisation + " = input.Scalars[" + Slot(InputQuantity.SaleReletUtilisation, sale.Index) + "];");
                        w.Line("int " + sale.ReletMonths + " = (int)input.Scalars[" + Slot(InputQuantity.SaleReletMonths, sale.Index) + "];");
                        if (ctx.ShapesRelets)
                        {
                            w.Line("double " + sale.ReletTo + " = input.Scalars[" + Slot(InputQuantity.SaleReletTo, sale.Index) + "];");
                            w.Line("int " + sale.ReletRampMonths + " = (int)input.Scalars[" + Slot(InputQuantity.SaleReletRampMonths, sale.Index) + "];");
                            w.Line("ReletCurve? " + sale.ReletCurve + " = input.SaleReletCurve[" + CSharpLiterals.Int(sale.Index) + "];");
                            w.Line("int " + sale.ReletPriceIndex + " = (int)input.Scalars[" + Slot(InputQuantity.SaleReletPriceIndex, sale.Index) + "];");
                            w.Line("double " + sale.ReletPriceShare + " = input.Scalars[" + Slot(InputQuantity.SaleReletPriceShare, sale.Index) + "];");
                            w.Line("double " + sale.ReletPriceSpread + " = input.Scalars[" + Slot(InputQuantity.SaleReletPriceSpread, sale.Index) + "];");
                            // The index a lever may name is a path input, so its levels are the path's series of that index's levels.
                            w.Line("double[] " + sale.ReletPriceLevels + " = input.Series[" + Slot(InputQuantity.IndexLevel, 0) + " + " + sale.ReletPriceIndex + "];");
                        }
                    }

                    if (ctx.Sales[sale.Index].Market is { HalfLifeMonths: > 0 })
                    {
                        w.Line("double " + sale.Decay + " = RepoMarket.MonthlyDecay(input.Scalars[" + Slot(InputQuantity.SaleHalfLifeMonths, sale.Index)
                            + "]); // 2^(-1 / half-life): what a month keeps of the depression");
                    }
                }

                if (ctx.Sales[sale.Index].Price?.Yield is not null)
                {
                    w.Line("double " + sale.Yield + " = input.Scalars[" + Slot(InputQuantity.SaleYield, sale.Index) + "];");
                }

                // Only a yield that reads an index has the index's weight: other deals' C# is unchanged.
                if (ctx.Sales[sale.Index].Price?.YieldIndex is not null)
                {
                    w.Line("double " + sale.YieldWeight + " = input.Scalars[" + Slot(InputQuantity.SaleYieldWeight, sale.Index) + "];");
                }
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

    private static void WriteInitialState(EmitContext ctx, IndentedWriter w)
    {
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
        if (RetiresDebt(ctx))
        {
            w.Line("bool debtRetired = false; // every tranche repaid, nothing owed nor left to draw: no account keeps cash");
        }

        w.Line("int periodsRun = Periods;");
        if (ctx.Model.DefaultRule is not null && !ctx.Model.DefaultGrace.IsNone)
        {
            w.Line("bool breached = false; // the default rule's condition held at the end of the last period");
            w.Line("Date breachedFrom = Closing; // ... since the end of this period (the grace period runs from here)");
        }
        if (HasEnforcement(ctx) && ctx.Sales.Length > 0)
        {
            w.Line("double saleProceeds = 0.0;");
        }

        Each(ctx.Components, c => c.WriteState(w));
        WriteSaleState(ctx, w);
    }

    private static void WritePeriodStart(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("Period t runs from Boundaries[t] to Boundaries[t + 1].");
        w.Line("periodEnd = Boundaries[t + 1];");
        w.Line("double yf = YearFractions[t];");
        if (HasDefaultRule(ctx))
        {
            w.Line("bool afterDefault = eventOfDefault; // the event of default happened in an earlier period");
        }

        w.Line("double accountsStart = " + Join(" + ", ctx.Components.Terms(DealSum.CashHeld)) + ";");
        Each(ctx.Components, c => c.WritePeriodStart(w));
    }

    // 1. Collections: rent, RVG, account interest and, after a default, sale proceeds.
    private static void WriteCollections(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("1. collections");
        Each(ctx.Components, c => c.WriteCollections(w));
        w.Line("collections = " + Join(" + ", ctx.Components.Terms(DealSum.Collections)) + ";");
        w.Line("available = collections;");
        w.Comment("recurring cash (not the RVG" + (ctx.Model.CfadsIncludesRvg ? ", which this deal counts: 'cfads includes rvg'" : "") + "): what cfads is made of");
        List<string> oneOff = ctx.Components.Terms(DealSum.OneOffReceipts);
        w.Line("recurring = collections" + Subtracted(oneOff) + ";");
    }

    // 2b. Amounts due: fees; then debt service, CFADS and what is worked out from them (account targets).
    private static void WriteAmountsDue(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("2b. fees due, debt service, cfads and account targets");
        Each(ctx.Components, c => c.WriteAmountsDue(w));
        w.Comment("debt service is what the schedule asks this period: arrears are not counted again");
        w.Line("debtService = " + Join(" + ", ctx.Components.Terms(DealSum.DebtService)) + ";");
        w.Line("cfads = recurring" + Subtracted(ctx.Components.Terms(DealSum.CfadsDeductions)) + ";");
        Each(ctx.Components, c => c.WriteAmountsAfterCfads(w));
    }

    // 3. The history trailing tests read, then tests (in dependency order) and triggers.
    private static void WriteTestsAndTriggers(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("3. tests and triggers");
        WriteHistory(ctx, w, afterWaterfall: false);
        Each(ctx.Components, c => c.WriteTests(w));
    }

    // The flows trailing tests read: those known before the waterfall in phase 3, the amounts paid once the
    // period's payments are known (after any enforcement pass).
    private static void WriteHistory(EmitContext ctx, IndentedWriter w, bool afterWaterfall)
    {
        foreach (var slot in ctx.HistorySlots)
        {
            if (slot.AfterWaterfall == afterWaterfall)
            {
                w.Line(slot.Name + "[t] = " + slot.Value + ";");
            }
        }
    }

    // 7. The period's results, ledger row and cash check.
    private static void WritePeriodResults(EmitContext ctx, IndentedWriter w)
    {
        Each(ctx.Components, c => c.WritePeriodEnd(w));
        w.Comment("7. results");
        w.Line(ctx.ResultRow("Collections") + "[t] = collections;");
        Each(ctx.Components, c => c.WriteResults(w));
        // One guarded block; a large deal's PathState writes it in blocks of LedgerColumnsPerMethod, so that each
        // fits a method of its own.
        var columns = LedgerColumns(ctx).Select((c, k) => (Column: c, Index: k)).Where(c => c.Column.Step is null).ToList();
        int perBlock = ctx.SplitRun ? LedgerColumnsPerMethod : Math.Max(1, columns.Count);
        for (int first = 0; ctx.WritesLedger && (first < columns.Count || first == 0); first += perBlock)
        {
            using (w.Block("if (ledger != null)"))
            {
                for (int c = first; c < Math.Min(columns.Count, first + perBlock); c++)
                {
                    var (column, k) = columns[c];
                    w.Line("ledger[t, " + CSharpLiterals.Int(k) + "] = " + column.Value + "; // " + CSharpLiterals.CommentText(column.Name));
                }
            }
        }

        using (w.Block("if (checkCash)"))
        {
            string held = Join(" + ", ctx.Components.Terms(DealSum.CashHeld));
            string paidOut = Join(" + ", ctx.Components.Terms(DealSum.PaidOut));
            if (ctx.DefersCashCheck)
            {
                w.Comment("the check's terms, verified after the periods (CashCheck.VerifyPeriods)");
                w.Line(ctx.ResultRow("CashPaidOut") + "[t] = " + paidOut + ";");
                w.Line(ctx.ResultRow("CashHeldStart") + "[t] = accountsStart;");
                w.Line(ctx.ResultRow("CashHeldEnd") + "[t] = " + held + ";");
                return;
            }

            w.Line("double paidOut = " + paidOut + ";");
            w.Line("CashCheck.Verify(t, collections, paidOut, accountsStart, " + held + ");");
            using (w.Block("if (finalPeriod)"))
            {
                w.Line("CashCheck.VerifyNothingLeft(t, " + held + ");");
            }
        }
    }
}
