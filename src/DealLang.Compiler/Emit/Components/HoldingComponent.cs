using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A holding's state in the generated C#: what the held entity paid it and its par per period on this path
/// (inputs the chain runner fills from the entity's run), and this period's receipts and value.</summary>
internal sealed class HoldingState : EntityState
{
    /// <param name="closingValue">The C# of the mark at the closing (the par at the closing, a path input, × the mark's
    /// level then) when a coupon or PIK condition reads the value at the period's start; null when none does.</param>
    /// <param name="called">Whether an equity of the deal is called for the draws its cash cannot fund (<see cref="HoldingInfo.CalledFrom"/>).</param>
    public HoldingState(HoldingInfo info, int index, string? closingValue = null, bool called = false)
        : base(DeclarationKind.Holding, info.Name, index)
    {
        Info = info;
        ReceiptsIn = Input("receiptsIn", "double[]");
        ParIn = Input("par", "double[]");
        Receipts = Local("receipts", "double", StateLife.Period, comment: info.Name + ".receipts: what " + info.Entity + "." + info.Member + " paid the holding this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "receipts " + info.Name));
        Value = Local("value", "double", StateLife.Period, comment: info.Name + ".value: its mark at the period's end",
            ledger: new LedgerSlot(LedgerSection.Measures, info.Name + " value"));

        StartValue = Local("startValue", "double", StateLife.Carried, closingValue,
            info.Name + ".value at the period's start (the closing's mark, then each period's end): what coupons and PIK conditions read",
            declared: closingValue is not null);

        // A holding a sale step sells (a forced sale): the share still held and what each period's sales did.
        bool sold = info.Sold;
        Discount = Input("saleDiscount", "double");
        Depth = Input("depth", "double");
        Impact = Input("impact", "double");
        Kept = Local("kept", "double", StateLife.Carried, "1.0", "the share of the holding still held (forced sales lower it)",
            new LedgerSlot(LedgerSection.Outstanding, info.Name + " share held", ColumnKind.Rate), declared: sold);
        KeptAtStart = Local("keptAtStart", "double", StateLife.Period, comment: "the share held at the period's start, which its receipts and value are on",
            declared: sold);
        ValueSold = Local("valueSold", "double", StateLife.Paid, comment: "the marked value the sale steps sold this period",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " value sold"), declared: sold);
        Proceeds = Local("proceeds", "double", StateLife.Paid, comment: "what those sales raised, after the discount and the price impact",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " sale proceeds"), declared: sold);
        SaleCost = Local("saleCost", "double", StateLife.Paid, comment: "the value sold less what it raised: the loss on the sale",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " loss on sale"), declared: sold);

        // A holding of a delayed draw that draws after the closing: the holder funds its share of each draw.
        bool draws = info.Draws;
        DrawsIn = Input("drawsIn", "double[]");
        Drawn = Local("drawn", "double", StateLife.Period, comment: "its share of this period's draws, on the share held",
            declared: draws);
        DrawDue = Local("drawDue", "double", StateLife.Period, comment: "this period's draws and those left unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, info.Name + " draw due"), declared: draws);
        DrawPaid = Local("drawPaid", "double", StateLife.Paid, comment: "what the holder paid of them, ahead of the waterfall",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " draw paid"), declared: draws);
        DrawUnpaid = Local("drawUnpaid", "double", StateLife.Carried, comment: "draws the holder could not fund, due again next period",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " draw unpaid"), declared: draws);
        DrawCalled = Local("drawCalled", "double", StateLife.Paid, comment: "what of them its investors were called for, the cash short",
            ledger: new LedgerSlot(LedgerSection.Receipts, info.Name + " draw called"), declared: draws && called);
    }

    public HoldingInfo Info { get; }

    /// <summary>The receipts of each period on this path (<c>input.Series</c>, <see cref="InputQuantity.HoldingReceipts"/>).</summary>
    public StateVar ReceiptsIn { get; }

    /// <summary>The par at each period's end on this path (<see cref="InputQuantity.HoldingPar"/>).</summary>
    public StateVar ParIn { get; }

    public StateVar Receipts { get; }

    public StateVar Value { get; }

    /// <summary>The mark at the period's start, declared when an interest-period determination reads it
    /// (<see cref="EmitContext.ReadsAtPeriodStart"/>).</summary>
    public StateVar StartValue { get; }

    /// <summary>This path's sale discount, market depth and price impact (<see cref="InputQuantity.HoldingSaleDiscount"/>…);
    /// read only for a holding a sale step sells.</summary>
    public StateVar Discount { get; }

    /// <inheritdoc cref="Discount"/>
    public StateVar Depth { get; }

    /// <inheritdoc cref="Discount"/>
    public StateVar Impact { get; }

    public StateVar Kept { get; }

    public StateVar KeptAtStart { get; }

    public StateVar ValueSold { get; }

    public StateVar Proceeds { get; }

    public StateVar SaleCost { get; }

    /// <summary>What the holding funds of the held tranche's draws per period on this path (<see cref="InputQuantity.HoldingDraws"/>);
    /// read only for a holding that funds draws (<see cref="HoldingInfo.Draws"/>).</summary>
    public StateVar DrawsIn { get; }

    public StateVar Drawn { get; }

    public StateVar DrawDue { get; }

    public StateVar DrawPaid { get; }

    public StateVar DrawUnpaid { get; }

    public StateVar DrawCalled { get; }

    public override string Heading => Name + " (holding of " + Info.Entity + "." + Info.Member + ")";
}

/// <summary>
/// Holdings of other entities' tranches and equities (docs/language.md §5 "holding"): what the held entity paid the
/// holding in a period, bucketed into the holder's periods, and its par are path inputs (the chain runner fills them
/// from the entity's run before the holder's loop, so the loops of a chain stay independent). At the period's start
/// the receipts are copied into a local, a recurring collection, and the value is the par times the mark's index
/// level (or the par). A holding owes and holds nothing and is not collateral; a <c>sell H1, H2 to cover X</c> step
/// sells it (a forced sale, <see cref="WriteStep"/>), after which its receipts and value are on the share still held.
/// </summary>
internal sealed class HoldingComponent(EmitContext ctx)
    : EmitterComponent<HoldingState>(ctx, () => ctx.Model.Holdings.Select((h, i) =>
        new HoldingState(h, i, ClosingValue(ctx, h, i), h.CalledFrom >= 0)))
{
    /// <summary>The locals of what equity <paramref name="equity"/>'s investors were called for this period, per holding
    /// whose draws it funds (<see cref="HoldingInfo.CalledFrom"/>): capital it paid in (its injections).</summary>
    public IEnumerable<string> DrawCalls(int equity) =>
        States.Where(h => h.DrawCalled.Declared && h.Info.CalledFrom == equity).Select(h => h.DrawCalled.Name);

    /// <summary>The mark at the closing, when a coupon or PIK condition reads the value at the period's start: the par at
    /// the closing (a path input) × the mark's level at the closing (the first period's).</summary>
    private static string? ClosingValue(EmitContext ctx, HoldingInfo holding, int index) =>
        !ctx.ReadsAtPeriodStart(Quantity.HoldingValue, index) ? null
        : "input.Scalars[" + ctx.InputSlot(InputQuantity.HoldingClosingPar, index) + "]"
            + (holding.MarkIndex >= 0 ? " * HoldingMark.Price(" + ctx.Components.Of<IndexComponent>().States[holding.MarkIndex].Levels + "[0])" : "");

    public override string? ReadAtPeriodStart(Quantity quantity, int index) =>
        quantity == Quantity.HoldingValue && this[index].StartValue.Declared ? this[index].StartValue.Name : null;

    // The mark at the next period's start is this period's end mark, on the share still held after the period's sales.
    public override void WriteNextPeriodStart(IndentedWriter w)
    {
        foreach (var holding in States.Where(h => h.StartValue.Declared))
        {
            w.Line(holding.StartValue + " = " + holding.ParIn + "[t]"
                + (holding.Info.MarkIndex >= 0 ? " * HoldingMark.Price(" + Ctx.Current(Quantity.IndexLevel, holding.Info.MarkIndex) + ")" : "")
                + (holding.Info.Sold ? " * " + holding.Kept : "") + "; // the next period's coupons read it at its start");
        }
    }

    public override DeclarationKind Kind => DeclarationKind.Holding;

    public override string DescriptionProperty => "Holdings";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var h = s.Info;
        return "new HoldingInfo(" + CSharpLiterals.String(h.Name) + ", " + CSharpLiterals.String(h.Entity) + ", " + CSharpLiterals.String(h.Member)
            + ", " + (h.Equity ? "true" : "false") + ", " + CSharpLiterals.Double(h.Share) + ", " + CSharpLiterals.Double(h.Face)
            + ", " + CSharpLiterals.Int(h.MarkIndex) + ")"
            + (h.Sold || h.SaleDiscount != 0 || h.Depth != 0 || h.Impact != 0
                ? " { Sold = " + (h.Sold ? "true" : "false") + ", SaleDiscount = " + CSharpLiterals.Double(h.SaleDiscount) + ", Depth = " + CSharpLiterals.Double(h.Depth)
                    + ", Impact = " + CSharpLiterals.Double(h.Impact) + Draws(h) + " }"
                : h.Draws ? " { " + Draws(h)[2..] + " }" : "");
    });

    // ", Draws = true" and, when an equity is called for them, ", CalledFrom = e" (a holding without draws: nothing).
    private static string Draws(HoldingInfo h) =>
        !h.Draws ? "" : ", Draws = true" + (h.CalledFrom >= 0 ? ", CalledFrom = " + CSharpLiterals.Int(h.CalledFrom) : "");

    // A marked holding reads its index's level, so the level is among the inputs the loop declares.
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Holdings.Where(h => h.MarkIndex >= 0)
            .Select(h => ((BoundExpression)new QuantityExpression(Quantity.IndexLevel, h.MarkIndex, Unit.Rate, IsFlow: false), 1));

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.HoldingReceipts => this[index].Receipts.Name,
        Quantity.HoldingValue => this[index].Value.Name,
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.Collections => States.Select(h => h.Receipts.Name),
        DealSum.PaidOut => States.Where(h => h.Info.Draws).Select(h => h.DrawPaid.Name),
        _ => [],
    };

    // A draw is owed this period as the held tranche draws it (on the share still held: a buyer of a part sold takes its
    // commitment with it), with what was left unfunded before. It is an investment, not a cost: cfads does not deduct it.
    public override void WriteAmountsDue(IndentedWriter w)
    {
        foreach (var holding in States.Where(h => h.Info.Draws))
        {
            w.Line(holding.Drawn + " = " + holding.DrawsIn + "[t]" + (holding.Info.Sold ? " * " + holding.Kept : "") + ";");
            w.Line(holding.DrawDue + " = " + holding.Drawn + " + " + holding.DrawUnpaid + ";");
        }
    }

    /// <summary>4. Before the waterfall's first step (and an enforcement pass's), ahead of an equity cure's prepayment
    /// (holdings come before triggers): the holder funds the draws due as a
    /// lender must, ahead of everything else: from the cash available (the period's collections: an equity cure is not
    /// in it, being deposited in its account or prepaying its tranches after this), then, for what that
    /// cannot fund, by calling its investors' commitment (the equity <see cref="HoldingInfo.CalledFrom"/> names), at most what is left of it;
    /// the call is capital the equity pays in, which joins the collections and goes straight out to the borrower. What
    /// neither funds is carried (<see cref="WriteCarry"/>).</summary>
    public override void WriteBeforeSteps(IndentedWriter w)
    {
        foreach (var holding in States.Where(h => h.Info.Draws))
        {
            string? undrawn = holding.Info.CalledFrom >= 0 ? Ctx.Components.Of<EquityComponent>().UndrawnOf(holding.Info.CalledFrom) : null;
            w.Line(holding.DrawPaid + " = Math.Min(Math.Max(0.0, available), " + holding.DrawDue + "); // " + holding.Name + ": its share of the draws, funded first");
            w.Line("available -= " + holding.DrawPaid + ";");
            if (undrawn is not null)
            {
                w.Line(holding.DrawCalled + " = Math.Min(" + undrawn + ", " + holding.DrawDue + " - " + holding.DrawPaid + "); // the rest called from the investors' commitment");
                w.Line(undrawn + " -= " + holding.DrawCalled + ";");
                w.Line("collections += " + holding.DrawCalled + ";");
                w.Line(holding.DrawPaid + " += " + holding.DrawCalled + ";");
            }
        }
    }

    public override void WriteCarry(IndentedWriter w)
    {
        foreach (var holding in States.Where(h => h.Info.Draws))
        {
            w.Line(holding.DrawUnpaid + " = Flows.Shortfall(" + holding.DrawDue + ", " + holding.DrawPaid + ");");
        }
    }

    // Each period: both known from the path inputs, before anything reads them; a holding sold in part earlier
    // receives and is worth only the share it still holds.
    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var holding in States)
        {
            string kept = holding.Info.Sold ? " * " + holding.Kept : "";
            if (holding.Info.Sold)
            {
                w.Line(holding.KeptAtStart + " = " + holding.Kept + ";");
            }

            w.Line(holding.Receipts + " = " + holding.ReceiptsIn + "[t]" + kept + ";");
            w.Line(holding.Value + " = " + holding.ParIn + "[t]"
                + (holding.Info.MarkIndex >= 0 ? " * HoldingMark.Price(" + Ctx.Current(Quantity.IndexLevel, holding.Info.MarkIndex) + ")" : "") + kept + ";");
        }
    }

    /// <summary>
    /// 4. <c>sell H1, H2 to cover X</c>: the shortfall is what a <c>pay X</c> step would owe now less the cash
    /// available, sold for only when it is half a cent or more (<c>Flows.ShortfallTolerance</c>: less is rounding, and
    /// would count as paid, so it must not make a forced sale, a first sale date and a share sold); each holding in turn sells the least marked value <c>v</c> (at most what it still holds this period)
    /// whose proceeds <c>v × (1 − discount) × (1 − impact × v / depth)</c> raise what is still short (the coins'
    /// formula, <see cref="CoinSale"/>, with the mark as the unit and 1 − discount as its price). The proceeds join
    /// the collections and the available cash; the share sold stops paying the holder from the next period.
    /// </summary>
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not SellHoldingsStep sell)
        {
            base.WriteStep(step, w);
            return;
        }

        string owed = "(" + Ctx.Components[CSharpEmitter.TargetKind(sell.Cover)].PayOwed(sell.Cover) + ")";
        if (sell.ProRata)
        {
            WriteProRataSale(sell, owed, step.Moved, w);
            return;
        }

        foreach (int index in sell.Holdings)
        {
            var holding = this[index];
            string left = "(" + holding.Value + " - " + holding.ValueSold + ")";
            string price = "(1.0 - " + holding.Discount + ")";
            using (w.Block("if (" + left + " > 0.0 && " + owed + " - available >= Flows.ShortfallTolerance)"))
            {
                w.Comment(holding.Name + ": the least marked value whose proceeds cover the shortfall, at most what is left of it");
                w.Line("double valueSold = CoinSale.CoinsToSell(" + owed + " - available, " + price + ", " + left + ", " + holding.Depth + ", " + holding.Impact + ");");
                w.Line("double raised = Math.Min(" + owed + " - available, CoinSale.Proceeds(valueSold, " + price + ", " + holding.Depth + ", " + holding.Impact + "));");
                w.Line(holding.ValueSold + " += valueSold;");
                w.Line(holding.Proceeds + " += raised;");
                w.Line(holding.SaleCost + " += valueSold - raised;");
                w.Line(holding.Kept + " = " + holding.KeptAtStart + " * Math.Max(0.0, 1.0 - " + holding.ValueSold + " / " + holding.Value + ");");
                w.Line(step.Moved + " += raised;");
                w.Line("available += raised;");
                w.Line("collections += raised;");
            }
        }
    }

    /// <summary>
    /// <c>sell H1, H2 pro_rata to cover X</c>: every holding sells the same share <c>s</c> of its marked value left, the
    /// least that covers the shortfall (<see cref="CoinSale.ShareToSell"/>: the proceeds are a quadratic in <c>s</c>,
    /// each holding priced in its own market); each holding's sale is then booked as a sale in turn books it.
    /// </summary>
    void WriteProRataSale(SellHoldingsStep sell, string owed, string moved, IndentedWriter w)
    {
        using (w.Block("if (" + owed + " - available >= Flows.ShortfallTolerance)"))
        {
            var sold = sell.Holdings.Select(index => this[index]).ToList();
            string Left(int i) => "left" + CSharpLiterals.Int(i);
            string Price(int i) => "(1.0 - " + sold[i].Discount + ")";
            for (int i = 0; i < sold.Count; i++)
            {
                w.Line("double " + Left(i) + " = Math.Max(0.0, " + sold[i].Value + " - " + sold[i].ValueSold + "); // " + sold[i].Name + "'s marked value left");
            }

            w.Line("double linear = " + string.Join(" + ", sold.Select((_, i) => Left(i) + " * " + Price(i))) + ";");
            w.Line("double quadratic = " + string.Join(" + ", sold.Select((h, i) => "CoinSale.QuadraticTerm(" + Left(i) + ", " + Price(i) + ", " + h.Depth + ", " + h.Impact + ")")) + ";");
            w.Comment("the same share of each, the least whose proceeds cover the shortfall");
            w.Line("double share = CoinSale.ShareToSell(" + owed + " - available, linear, quadratic);");
            for (int i = 0; i < sold.Count; i++)
            {
                var holding = sold[i];
                using (w.Block("if (" + Left(i) + " > 0.0)"))
                {
                    w.Line("double valueSold = share * " + Left(i) + ";");
                    w.Line("double raised = CoinSale.Proceeds(valueSold, " + Price(i) + ", " + holding.Depth + ", " + holding.Impact + ");");
                    w.Line(holding.ValueSold + " += valueSold;");
                    w.Line(holding.Proceeds + " += raised;");
                    w.Line(holding.SaleCost + " += valueSold - raised;");
                    w.Line(holding.Kept + " = " + holding.KeptAtStart + " * Math.Max(0.0, 1.0 - " + holding.ValueSold + " / " + holding.Value + ");");
                    w.Line(moved + " += raised;");
                    w.Line("available += raised;");
                    w.Line("collections += raised;");
                }
            }
        }
    }

    // What each sold holding did this period, and what each holding that funds draws paid and left unpaid, for the
    // summary (which a run without a ledger has too).
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var holding in States.Where(h => h.Info.Draws))
        {
            string index = CSharpLiterals.Int(holding.Index);
            w.Line("result.HoldingDrawPaid[" + index + "][t] = " + holding.DrawPaid + ";");
            w.Line("result.HoldingDrawUnpaid[" + index + "][t] = " + holding.DrawUnpaid + ";");
            if (holding.DrawCalled.Declared)
            {
                w.Line("result.HoldingDrawCalled[" + index + "][t] = " + holding.DrawCalled + ";");
            }
        }

        foreach (var holding in States.Where(h => h.Info.Sold))
        {
            string index = CSharpLiterals.Int(holding.Index);
            w.Line("result.HoldingReceived[" + index + "][t] = " + holding.Receipts + ";");
            w.Line("result.HoldingValue[" + index + "][t] = " + holding.Value + ";");
            w.Line("result.HoldingKept[" + index + "][t] = " + holding.Kept + ";");
            w.Line("result.HoldingValueSold[" + index + "][t] = " + holding.ValueSold + ";");
            w.Line("result.HoldingSaleProceeds[" + index + "][t] = " + holding.Proceeds + ";");
        }
    }
}
