using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A fleet's state in the generated C#, each piece declared once.</summary>
internal sealed class FleetState : EntityState
{
    public FleetState(FleetInfo info, int index, bool hasIdleUnits, bool hasContracts, bool canKeepContracts = false, bool readsAge = true, bool canStop = false,
        bool bookValueAtStart = false, bool marketValueAtStart = false, bool relets = false, bool carriesImpact = false, bool soldInMarket = false)
        : base(DeclarationKind.Fleet, info.Name, index)
    {
        ReletRevenue = Local("reletRevenue", "double", StateLife.Paid,
            comment: "what re-letting its free units in enforcement earned this period (a collection of the enforcement pass)",
            ledger: new LedgerSlot(LedgerSection.Receipts, info.Name + " enforcement re-let revenue"), declared: relets);
        Info = info;
        CanKeepContracts = canKeepContracts;
        ContractShare = Local("contractShare", "double", StateLife.Carried, "1.0",
            "share of its contracts' units still held: the share kept, but 1 while the lender keeps them running", declared: canKeepContracts);
        Keeping = Local("keeping", "bool", StateLife.Carried, comment: "the lender keeps its contracts running (set at the event of default)",
            declared: canKeepContracts);
        HasContracts = hasContracts;
        IdleUnits = Local("idleUnits", "double", StateLife.Period, comment: info.Name + ".idle_units: held and not taken by a running contract",
            declared: hasIdleUnits);
        Curves = Static("curves", "FleetCurves");
        Delivering = Local("delivering", "FleetCurves", StateLife.Carried, Curves.Name,
            "the batches it holds: all its deliveries, but those made by the event of default from then on", declared: canStop);
        Kept = Local("kept", "double", StateLife.Carried, "1.0", "share of the delivered units still held (sales lower it)");
        UnitsSold = Local("unitsSold", "double", StateLife.Carried, "0.0",
            "the units sold so far, a whole number (each period's repo-market volume is): units held are those delivered less these",
            declared: soldInMarket);
        Units = Local("units", "double", StateLife.Period, comment: info.Name + ".units: delivered and not sold",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " units", ColumnKind.Number));
        BookValue = Local("bookValue", "double", StateLife.Period, comment: info.Name + ".book_value",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " book value"));
        MarketValue = Local("marketValue", "double", StateLife.Period, comment: info.Name + ".market_value",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " market value"));
        Depression = Local("depression", "double", StateLife.Carried,
            comment: "the repo market's depression carried into this period's sale (0 in a period without one)",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " market depression", ColumnKind.Rate), declared: carriesImpact);
        StartBookValue = Local("startBookValue", "double", StateLife.Carried, Curves.Name + ".ClosingBookValue",
            info.Name + ".book_value at the period's start (the closing's, then each period's end): what coupons and PIK conditions read",
            declared: bookValueAtStart);
        StartMarketValue = Local("startMarketValue", "double", StateLife.Carried, Curves.Name + ".ClosingMarketValue",
            info.Name + ".market_value at the period's start (the closing's, then each period's end): what coupons and PIK conditions read",
            declared: marketValueAtStart);
        Age = Local("age", "double", StateLife.Period, comment: info.Name + ".age: unit-weighted, in years", declared: readsAge);
        CostShare = Local("costShare", "double", StateLife.Period,
            comment: "share of the held units' full power and maintenance due: (unit-days in use + idle_cost × idle unit-days) / unit-days held",
            declared: info.IdleCost != 1.0);
        OpexAccrued = Local("opexAccrued", "double", StateLife.Period, comment: "this period's power and maintenance: what cfads deducts",
            ledger: new LedgerSlot(LedgerSection.Due, info.Name + " opex"));
        Opex = Local("opex", "double", StateLife.Period, comment: info.Name + ".opex: power and maintenance due, incl. opex unpaid so far");
        OpexPaid = Local("opexPaid", "double", StateLife.Paid);
        OpexUnpaid = Local("opexUnpaid", "double", StateLife.Carried, comment: "carried forward");
    }

    public FleetInfo Info { get; }

    /// <summary>Declared for a fleet sold into the repo market by a sale that re-lets its idle units (<c>relet idle</c>):
    /// this period's re-let revenue, a collection the enforcement waterfall applies.</summary>
    public StateVar ReletRevenue { get; }

    /// <summary>The per-period figures as if nothing were sold (<see cref="FleetCurves"/>), computed once per deal.</summary>
    public StateVar Curves { get; }

    /// <summary>Declared for a fleet with a delivery after the closing in a deal that can default: the curves of the
    /// batches delivered, <see cref="Curves"/> until an event of default, then those delivered by it
    /// (<see cref="FleetCurves.Through"/>): no GPU is delivered after it.</summary>
    public StateVar Delivering { get; }

    /// <summary>The curves the period's figures read: <see cref="Delivering"/> when declared, else <see cref="Curves"/>.</summary>
    public string CurvesNow => Delivering.Declared ? Delivering.Name : Curves.Name;

    public StateVar Kept { get; }

    /// <summary>Declared for a fleet sold into the repo market: the units sold so far, which its units held subtract
    /// from those delivered. Counting them (rather than scaling the units delivered by <see cref="Kept"/>, a product of
    /// the shares each sale left) keeps a whole number of GPUs whole: 165,000 × that product read 115,625.99999999999
    /// after 49,374 were sold.</summary>
    public StateVar UnitsSold { get; }

    /// <summary>Whether the fleet is sold into the repo market and has contracts, so the lender may keep them running
    /// (a scenario may switch it on): then <see cref="ContractShare"/> and <see cref="Keeping"/> are declared.</summary>
    public bool CanKeepContracts { get; }

    /// <summary>The share of its contracts' units still held, which scales their revenue and units: <see cref="Kept"/>
    /// when every unit is sold, 1 while the lender keeps the contracts running (only idle units are sold).</summary>
    public StateVar ContractShare { get; }

    /// <summary>True from the event of default when the fleet's sale keeps its contracts running.</summary>
    public StateVar Keeping { get; }

    public StateVar Units { get; }

    /// <summary>Declared only for a fleet with contracts whose idle units are read (else they are its units).</summary>
    public StateVar IdleUnits { get; }

    public StateVar BookValue { get; }

    public StateVar MarketValue { get; }

    /// <summary>Declared for a fleet sold into a repo market that carries its impact (<c>half_life</c>): the depression
    /// of the price carried into this period from the sales before it, which its first month's sales are priced on
    /// (docs/language.md §9, "impact-carry"); 0 in a period the sale does not run in.</summary>
    public StateVar Depression { get; }

    /// <summary>The book and market values at the period's start, declared when an interest-period determination reads
    /// them (<see cref="EmitContext.ReadsAtPeriodStart"/>).</summary>
    public StateVar StartBookValue { get; }

    /// <inheritdoc cref="StartBookValue"/>
    public StateVar StartMarketValue { get; }

    public StateVar Age { get; }

    /// <summary>Declared for a fleet whose idle units cost less than units in use (<c>idle_cost</c> below 100%): the
    /// share of the held units' full power and maintenance due this period, (unit-days in use + idle_cost × idle
    /// unit-days) / unit-days held,
    /// which scales <see cref="OpexAccrued"/> and a forward cfads's opex.</summary>
    public StateVar CostShare { get; }

    /// <summary>Whether the fleet's opex is known only once its contracts know the unit-days they take
    /// (<see cref="FleetComponent.WriteIdleUnits"/>), so it is written there rather than with its other dues.</summary>
    public bool OpexAwaitsContracts => CostShare.Declared && HasContracts;

    /// <summary>Whether a contract is on the fleet (its units are taken by contracts).</summary>
    public bool HasContracts { get; }

    /// <summary>This period's power and maintenance alone: the ledger's opex column and what <c>cfads</c> deducts
    /// (opex carried unpaid was deducted in its own period).</summary>
    public StateVar OpexAccrued { get; }

    public StateVar Opex { get; }

    public StateVar OpexPaid { get; }

    public StateVar OpexUnpaid { get; }
}

/// <summary>
/// GPU fleets (docs/language.md §5 "fleet"): each period the delivered units' book value, market value, age and opex
/// come from <see cref="FleetCurves"/> (computed once, before any path), scaled by the share of the units still
/// held. The opex is due like a fee (deducted from cfads, paid by <c>pay F.opex</c>, unpaid opex carried forward).
/// A fleet receives no cash (its contracts collect the revenue, ContractComponent) and holds none. It is collateral: a sale realises
/// the held units' market value this period, and the fleet then holds nothing; a sale into the repo market sells it
/// month by month, and when the lender keeps its contracts running only its idle units (CSharpEmitter.Enforcement).
/// </summary>
internal sealed class FleetComponent(EmitContext ctx)
    : EmitterComponent<FleetState>(ctx, () => ctx.Model.Fleets.Select((f, i) => new FleetState(f, i,
        ctx.Reads(Quantity.FleetIdleUnits, i) && ctx.Model.Contracts.Any(c => c.Fleet == i),
        ctx.Model.Contracts.Any(c => c.Fleet == i),
        CSharpEmitter.HasEnforcement(ctx) && ctx.Model.Contracts.Any(c => c.Fleet == i)
            && ctx.Sales.Any(s => s.Market is not null && s.Collateral.Contains(new CollateralRef(CollateralKind.Fleet, i))),
        ctx.Reads(Quantity.FleetAge, i),
        CSharpEmitter.HasDefaultRule(ctx) && f.Batches.Any(b => b.Delivered > ctx.Model.Closing),
        ctx.ReadsAtPeriodStart(Quantity.FleetBookValue, i), ctx.ReadsAtPeriodStart(Quantity.FleetMarketValue, i),
        CSharpEmitter.HasEnforcement(ctx)
            && ctx.Sales.Any(s => s.Market is { Relet: > 0 } && s.Collateral.Contains(new CollateralRef(CollateralKind.Fleet, i))),
        CSharpEmitter.HasEnforcement(ctx)
            && ctx.Sales.Any(s => s.Market is { HalfLifeMonths: > 0 } && s.Collateral.Contains(new CollateralRef(CollateralKind.Fleet, i))),
        CSharpEmitter.HasEnforcement(ctx)
            && ctx.Sales.Any(s => s.Market is not null && s.Collateral.Contains(new CollateralRef(CollateralKind.Fleet, i))))))
{
    public override DeclarationKind Kind => DeclarationKind.Fleet;

    public override string DescriptionProperty => "Fleets";

    public override IEnumerable<string> DescriptionElements() => States.Select(s => Info(s.Info));

    /// <summary>A fleet as the C# that builds its runtime record.</summary>
    private static string Info(FleetInfo f) =>
        "new FleetInfo(" + CSharpLiterals.String(f.Name) + ", "
        + CSharpEmitter.List(f.Batches.Select(b => "new FleetBatch(" + CSharpLiterals.Date(b.Delivered) + ", " + CSharpLiterals.Double(b.Units)
            + ", " + CSharpLiterals.Double(b.UnitCost) + ")"))
        + ", " + CSharpLiterals.Int(f.LifeMonths) + ", " + CSharpLiterals.Double(f.DecliningRate) + ", " + CSharpLiterals.Double(f.PowerKwPerGpu)
        + ", " + CSharpLiterals.Double(f.Pue) + ", " + CSharpLiterals.Double(f.PowerPricePerKwh) + ", " + CSharpLiterals.Double(f.Maintenance)
        + ", " + CSharpLiterals.Double(f.MarketResidual) + ", " + CSharpLiterals.Double(f.MarketDecline)
        + (f.Generation >= 0 ? ", " + CSharpLiterals.Int(f.Generation) : "")
        + (f.IdleCost != 1.0 ? ", IdleCost: " + CSharpLiterals.Double(f.IdleCost) : "") + ")";

    // A fleet with a generation reads its index's levels (a path input), so the input is declared.
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Fleets.Where(f => f.Generation >= 0).Select(f =>
            ((BoundExpression)new QuantityExpression(Quantity.IndexLevel, f.Generation, Unit.Ratio, IsFlow: false), 1));

    public override bool KnownAfterWaterfall(Quantity quantity) => false;

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.FleetUnits => this[index].Units.Name,
        Quantity.FleetIdleUnits => this[index].IdleUnits.Declared ? this[index].IdleUnits.Name : this[index].Units.Name,
        Quantity.FleetBookValue => this[index].BookValue.Name,
        Quantity.FleetMarketValue => this[index].MarketValue.Name,
        Quantity.FleetAge => this[index].Age.Name,
        Quantity.FleetOpex => this[index].Opex.Name,
        _ => null,
    };

    public override string? ReadAtPeriodStart(Quantity quantity, int index) => quantity switch
    {
        Quantity.FleetBookValue when this[index].StartBookValue.Declared => this[index].StartBookValue.Name,
        Quantity.FleetMarketValue when this[index].StartMarketValue.Declared => this[index].StartMarketValue.Name,
        _ => null,
    };

    // The values at the next period's start are this period's end values: those of the units still held after any sale.
    public override void WriteNextPeriodStart(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            if (fleet.StartBookValue.Declared)
            {
                w.Line(fleet.StartBookValue + " = " + fleet.BookValue + "; // the next period's coupons read it at its start");
            }

            if (fleet.StartMarketValue.Declared)
            {
                w.Line(fleet.StartMarketValue + " = " + fleet.MarketValue + "; // the next period's coupons read it at its start");
            }
        }
    }

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.CfadsDeductions => States.Select(f => f.OpexAccrued.Name),
        DealSum.PaidOut => States.Select(f => f.OpexPaid.Name),
        _ => [],
    };

    /// <summary>A forward cfads's opex: per fleet, the power and maintenance of its batches (delivered, and scheduled
    /// in its terms) over the window, at the share of units held now (and, with an idle_cost, at this period's share
    /// of their full cost); nothing carried unpaid.</summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) => !deductions ? [] : States.Select(f =>
        "(ForwardReceipts.Sum(" + f.CurvesNow + ".PowerCost, t, " + lastArray + "[t]) + ForwardReceipts.Sum(" + f.CurvesNow + ".MaintenanceCost, t, "
        + lastArray + "[t])) * " + f.Kept + (f.CostShare.Declared ? " * " + f.CostShare : ""));

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            w.Line();
            w.Comment(fleet.Name + ": units, book and market value, unit-years and opex per period as if nothing were sold.");
            w.Line("private static readonly FleetCurves " + fleet.Curves + " = FleetCurves.Compute(" + Info(fleet.Info) + ", Boundaries);");
        }
    }

    // 2a. Each fleet's figures for the units still held, and its opex due; nothing else is needed to know them, so
    // everything after (fees, cfads, tests) may read them.
    public override void WriteDues(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            string c = fleet.CurvesNow;
            w.Comment(fleet.Name + ": the delivered units' figures × the share still held; opex = power + maintenance, plus opex unpaid so far");
            if (fleet.UnitsSold.Declared)
            {
                // A repo-market sale sells whole units, and no batch arrives once one may sell (it follows an event of
                // default, which stops the deliveries): the units delivered less those sold, the same as delivered × kept
                // but with no rounding residue.
                w.Line(fleet.Units + " = Math.Max(0.0, " + c + ".Delivered[t] - " + fleet.UnitsSold + ");");
            }
            else
            {
                w.Line(fleet.Units + " = " + c + ".Delivered[t] * " + fleet.Kept + ";");
            }

            w.Line(fleet.BookValue + " = " + c + ".BookValue[t] * " + fleet.Kept + ";");
            if (fleet.Info.Generation >= 0)
            {
                var index = Ctx.Components.Of<IndexComponent>().States[fleet.Info.Generation];
                w.Comment(fleet.Name + ".market_value: each batch's × " + index.Name + " now / at its delivery");
                if (UnrollsMarketValue(fleet))
                {
                    // Batch by batch, each delivery's level read once per path (WriteDeliveryLevels).
                    string now = Ctx.Current(Quantity.IndexLevel, fleet.Info.Generation);
                    var terms = fleet.Info.Batches.Select((_, b) => "FleetCurves.Moved(" + c + ".BatchMarketValue[" + CSharpLiterals.Int(b) + "][t], " + now
                        + ", " + DeliveryLevel(fleet, b) + ")");
                    w.Line(fleet.MarketValue + " = (0.0 + " + string.Join(" + ", terms) + ") * " + fleet.Kept + ";");
                }
                else
                {
                    w.Line(fleet.MarketValue + " = " + c + ".MarketValueAt(t, " + index.Levels + ") * " + fleet.Kept + ";");
                }
            }
            else
            {
                w.Line(fleet.MarketValue + " = " + c + ".MarketValue[t] * " + fleet.Kept + ";");
            }

            if (fleet.Age.Declared)
            {
                // Only a deal whose expressions read F.age computes it.
                w.Line(fleet.Age + " = " + c + ".Delivered[t] > 0.0 && " + fleet.Kept + " > 0.0 ? " + c + ".UnitYears[t] / " + c + ".Delivered[t] : 0.0;");
            }

            if (!fleet.OpexAwaitsContracts)
            {
                if (fleet.CostShare.Declared)
                {
                    // No contract takes a unit of a fleet without contracts: every unit held is idle.
                    w.Line(fleet.CostShare + " = " + CSharpLiterals.DoubleOperand(fleet.Info.IdleCost) + "; // every unit held is idle");
                }

                WriteOpex(fleet, w);
            }
        }
    }

    // opex = power + maintenance of the units held (× the share of their full cost due, with an idle_cost), plus opex unpaid so far.
    private static void WriteOpex(FleetState fleet, IndentedWriter w)
    {
        string c = fleet.CurvesNow;
        w.Line(fleet.OpexAccrued + " = (" + c + ".PowerCost[t] + " + c + ".MaintenanceCost[t]) * " + fleet.Kept
            + (fleet.CostShare.Declared ? " * " + fleet.CostShare : "") + ";");
        w.Line(fleet.Opex + " = " + fleet.OpexAccrued + " + " + fleet.OpexUnpaid + ";");
    }

    /// <summary>Batches up to which a fleet's market value is written batch by batch (more: FleetCurves.MarketValueAt's loop).</summary>
    internal const int UnrolledBatches = 16;

    private static bool UnrollsMarketValue(FleetState fleet) => fleet.Info.Generation >= 0 && fleet.Info.Batches.Length <= UnrolledBatches;

    private static string DeliveryLevel(FleetState fleet, int batch) =>
        CSharpNames.Entity(DeclarationKind.Fleet.Keyword(), fleet.Name, "deliveryLevel" + CSharpLiterals.Int(batch));

    /// <summary>With the path's inputs: each batch's generation index level in its delivery period, fixed for the path.</summary>
    public void WriteDeliveryLevels(IndentedWriter w)
    {
        foreach (var fleet in States.Where(UnrollsMarketValue))
        {
            string levels = Ctx.Components.Of<IndexComponent>().States[fleet.Info.Generation].Levels.Name;
            for (int b = 0; b < fleet.Info.Batches.Length; b++)
            {
                w.Line("double " + DeliveryLevel(fleet, b) + " = " + fleet.Curves + ".DeliveryLevel(" + CSharpLiterals.Int(b) + ", " + levels + ");");
            }
        }
    }

    // pay F.opex: what is still due of the fleet's opex.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not PayStep { Kind: PayKind.Opex } pay)
        {
            base.WriteStep(step, w);
            return;
        }

        CSharpEmitter.WritePay(Ctx, w, step, pay, PayOwed(pay));
        WriteApplyPaid(pay, step.Paid, w);
    }

    public override string PayOwed(PayStep pay)
    {
        var fleet = this[pay.Target];
        return "Math.Max(0.0, " + fleet.Opex + " - " + fleet.OpexPaid + ")";
    }

    public override void WriteApplyPaid(PayStep pay, string paid, IndentedWriter w) =>
        w.Line(this[pay.Target].OpexPaid + " += " + paid + ";");

    public override void WriteCarry(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            w.Line(fleet.OpexUnpaid + " = Flows.Shortfall(" + fleet.Opex + ", " + fleet.OpexPaid + ");");
        }
    }

    // The summary's figures (Runner/Running/FleetSummaries): the values at the last scheduled period's end (a run
    // that sold everything before it keeps 0), and the units held at the end of the last period run (WriteRunEnd).
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            string index = CSharpLiterals.Int(fleet.Index);
            using (w.Block("if (t == ScheduledPeriods - 1)"))
            {
                w.Line("result.FleetMarketValue[" + index + "] = " + fleet.MarketValue + ";");
                w.Line("result.FleetBookValue[" + index + "] = " + fleet.BookValue + ";");
            }
        }
    }

    // The units held at the end of the last period run, and the opex that period carried unpaid (the summary's
    // 'opex unpaid at end'): nothing changes them after that period, so they are written once, after the loop, rather
    // than every period.
    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var fleet in States)
        {
            w.Line("result.FleetUnits[" + CSharpLiterals.Int(fleet.Index) + "] = " + fleet.Units + ";");
            w.Line("result.FleetOpexUnpaid[" + CSharpLiterals.Int(fleet.Index) + "] = " + fleet.OpexUnpaid + ";");
        }
    }

    public override CollateralKind? Collateral => CollateralKind.Fleet;

    /// <summary>A sale realises the held units' market value this period (the haircut is the sale's discount).</summary>
    public override string CollateralValue(int index) => this[index].MarketValue.Name;

    /// <summary>The fleet's idle units: those held less those its contracts take (<paramref name="taken"/>), written
    /// by the contracts once they know theirs, when an expression reads them (the opex counts unit-days, not them). With an
    /// idle_cost, the fleet's opex follows, over the period's days: a unit-day in use costs its full power and
    /// maintenance, an idle one the idle_cost's share of them, <paramref name="unitDaysInUse"/> the contracts' unit-days
    /// (<see cref="ContractState.UnitDaysInUse"/>; still with the period's dues, before any fee reads the opex).</summary>
    public void WriteIdleUnits(int index, string taken, string unitDaysInUse, IndentedWriter w)
    {
        var fleet = this[index];
        if (fleet.IdleUnits.Declared)
        {
            w.Line(fleet.IdleUnits + " = Math.Max(0.0, " + fleet.Units + " - (" + taken + "));");
        }

        if (fleet.OpexAwaitsContracts)
        {
            w.Comment(fleet.Name + ": opex = full power and maintenance × (unit-days in use + idle_cost × idle unit-days) / unit-days held");
            string idleShare = "(1.0 - " + CSharpLiterals.DoubleOperand(fleet.Info.IdleCost) + ")";
            w.Line("double " + HeldUnitDays(fleet) + " = " + fleet.CurvesNow + ".HeldUnitDays[t] * " + fleet.Kept + ";");
            w.Line(fleet.CostShare + " = " + HeldUnitDays(fleet) + " > 0.0 ? 1.0 - " + idleShare + " * Math.Max(0.0, " + HeldUnitDays(fleet) + " - ("
                + unitDaysInUse + ")) / " + HeldUnitDays(fleet) + " : 1.0;");
            WriteOpex(fleet, w);
        }
    }

    /// <summary>What an idle unit of the fleet costs over the next period (t + 1, which the caller checks is run): its
    /// power and maintenance then, per unit held (the opex's curves over the units delivered, every batch held the
    /// same share), × the fleet's idle_cost share, as the opex counts an idle unit-day (docs/language.md §5, "Idle
    /// cost"); 0 for a fleet holding none then. What a repo-market sale weighs a unit it holds back by
    /// (docs/language.md §9, "The repo market").</summary>
    public string IdleUnitCostNext(int index)
    {
        var fleet = this[index];
        string c = fleet.CurvesNow;
        string idle = fleet.Info.IdleCost != 1.0 ? " * " + CSharpLiterals.DoubleOperand(fleet.Info.IdleCost) : "";
        return "(" + c + ".Delivered[t + 1] > 0.0 ? (" + c + ".PowerCost[t + 1] + " + c + ".MaintenanceCost[t + 1]) / " + c + ".Delivered[t + 1]" + idle + " : 0.0)";
    }

    private static string HeldUnitDays(FleetState fleet) =>
        CSharpNames.Entity(DeclarationKind.Fleet.Keyword(), fleet.Name, "heldUnitDays");

    /// <summary>At an event of default at the end of period t: no batch is delivered after it, so the fleet holds those
    /// delivered by then (docs/language.md §5 "fleet"; nothing for a fleet every batch of which is delivered by the
    /// first period's end).</summary>
    public void WriteDeliveriesStop(IndentedWriter w)
    {
        foreach (var fleet in States.Where(f => f.Delivering.Declared))
        {
            w.Line(fleet.Delivering + " = " + fleet.Curves + ".Through(t); // no delivery after the event of default");
        }
    }

    /// <summary>The fleet's re-let revenue this period (the C# local; a fleet whose sale re-lets idle units only).</summary>
    public string ReletRevenue(int index) => this[index].ReletRevenue.Name;

    /// <summary>The fleet's market depression carried into this period (the C# local; a fleet whose sale carries its impact only).</summary>
    public string Depression(int index) => this[index].Depression.Name;

    /// <summary>The fleets whose sale re-lets idle units: their re-let revenue is a collection of the enforcement pass.</summary>
    public IEnumerable<string> ReletRevenues => States.Where(f => f.ReletRevenue.Declared).Select(f => f.ReletRevenue.Name);

    /// <summary>The fleet's units held now (the C# local).</summary>
    public string UnitsNow(int index) => this[index].Units.Name;

    /// <summary>What scales the revenue and units of the fleet's contracts: the share of its units held, or, for a fleet
    /// whose lender may keep its contracts running, the share of the contracts' units held.</summary>
    public string ContractShare(int index) => this[index].CanKeepContracts ? this[index].ContractShare.Name : this[index].Kept.Name;

    /// <summary>The flag that the lender keeps the fleet's contracts running (null when it cannot).</summary>
    public string? Keeping(int index) => this[index].CanKeepContracts ? this[index].Keeping.Name : null;

    /// <summary>At the event of default: whether the lender keeps the fleet's contracts running, as its sale says.</summary>
    public void WriteKeeping(int index, string keepContracts, IndentedWriter w)
    {
        if (this[index].CanKeepContracts)
        {
            w.Line(this[index].Keeping + " = " + keepContracts + ";");
        }
    }

    /// <summary>Part of the fleet sold (<paramref name="sold"/> of <paramref name="held"/> units): every batch keeps the
    /// same share, so the held units' figures fall in proportion.</summary>
    public void WriteSoldUnits(int index, string sold, string held, IndentedWriter w)
    {
        var fleet = this[index];
        w.Line("double marketLeft = 1.0 - " + sold + " / " + held + ";");
        w.Line(fleet.Kept + " *= marketLeft;");
        if (fleet.CanKeepContracts)
        {
            // Selling every unit takes the contracts with their units; keeping them, only idle units were sold.
            using (w.Block("if (!" + fleet.Keeping + ")"))
            {
                w.Line(fleet.ContractShare + " *= marketLeft;");
            }
        }

        w.Line(fleet.Units + " -= " + sold + ";");
        if (fleet.UnitsSold.Declared)
        {
            w.Line(fleet.UnitsSold + " += " + sold + ";");
        }

        w.Line(fleet.BookValue + " *= marketLeft;");
        w.Line(fleet.MarketValue + " *= marketLeft;");
    }

    /// <summary>A sale of the whole fleet at its market value less <paramref name="haircut"/> (not into the repo market),
    /// in the fleet's summary rows: every unit held sold, for that (the deal's sale proceeds count it too).</summary>
    public void WriteSoldWhole(int index, string haircut, IndentedWriter w)
    {
        var fleet = this[index];
        string f = CSharpLiterals.Int(index);
        w.Line("result.FleetUnitsSold[" + f + "] += " + fleet.Units + ";");
        w.Line("result.FleetSaleProceeds[" + f + "] += " + fleet.MarketValue + " * (1.0 - " + haircut + ");");
    }

    /// <summary>The buyer now owns the GPUs: the fleet holds nothing and costs nothing from the next period on.</summary>
    public override void WriteSold(int index, IndentedWriter w)
    {
        var fleet = this[index];
        w.Line(fleet.Kept + " = 0.0;");
        if (fleet.CanKeepContracts)
        {
            w.Line(fleet.ContractShare + " = 0.0;");
        }

        if (fleet.UnitsSold.Declared)
        {
            w.Line(fleet.UnitsSold + " += " + fleet.Units + "; // every unit held, so none is left of those delivered");
        }

        w.Line(fleet.Units + " = 0.0;");
        w.Line(fleet.BookValue + " = 0.0;");
        w.Line(fleet.MarketValue + " = 0.0;");
        Ctx.Components.Of<ContractComponent>().WriteFleetSold(index, w);
    }
}
