using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A holding's state in the generated C#: what the held entity paid it and its par per period on this path
/// (inputs the chain runner fills from the entity's run), and this period's receipts and value.</summary>
internal sealed class HoldingState : EntityState
{
    public HoldingState(HoldingInfo info, int index)
        : base(DeclarationKind.Holding, info.Name, index)
    {
        Info = info;
        ReceiptsIn = Input("receiptsIn", "double[]");
        ParIn = Input("par", "double[]");
        Receipts = Local("receipts", "double", StateLife.Period, comment: info.Name + ".receipts: what " + info.Entity + "." + info.Member + " paid the holding this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "receipts " + info.Name));
        Value = Local("value", "double", StateLife.Period, comment: info.Name + ".value: its mark at the period's end",
            ledger: new LedgerSlot(LedgerSection.Measures, info.Name + " value"));
    }

    public HoldingInfo Info { get; }

    /// <summary>The receipts of each period on this path (<c>input.Series</c>, <see cref="InputQuantity.HoldingReceipts"/>).</summary>
    public StateVar ReceiptsIn { get; }

    /// <summary>The par at each period's end on this path (<see cref="InputQuantity.HoldingPar"/>).</summary>
    public StateVar ParIn { get; }

    public StateVar Receipts { get; }

    public StateVar Value { get; }

    public override string Heading => Name + " (holding of " + Info.Entity + "." + Info.Member + ")";
}

/// <summary>
/// Holdings of other entities' tranches and equities (docs/language.md §5 "holding"): what the held entity paid the
/// holding in a period, bucketed into the holder's periods, and its par are path inputs (the chain runner fills them
/// from the entity's run before the holder's loop, so the loops of a chain stay independent). At the period's start
/// the receipts are copied into a local, a recurring collection, and the value is the par times the mark's index
/// level (or the par). A holding owes, holds and carries nothing, is the target of no step and is not collateral.
/// </summary>
internal sealed class HoldingComponent(EmitContext ctx)
    : EmitterComponent<HoldingState>(ctx, () => ctx.Model.Holdings.Select((h, i) => new HoldingState(h, i)))
{
    public override DeclarationKind Kind => DeclarationKind.Holding;

    public override string DescriptionProperty => "Holdings";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var h = s.Info;
        return "new HoldingInfo(" + CSharpLiterals.String(h.Name) + ", " + CSharpLiterals.String(h.Entity) + ", " + CSharpLiterals.String(h.Member)
            + ", " + (h.Equity ? "true" : "false") + ", " + CSharpLiterals.Double(h.Share) + ", " + CSharpLiterals.Double(h.Face)
            + ", " + CSharpLiterals.Int(h.MarkIndex) + ")";
    });

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
        _ => [],
    };

    // Each period: both known from the path inputs, before anything reads them.
    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var holding in States)
        {
            w.Line(holding.Receipts + " = " + holding.ReceiptsIn + "[t];");
            w.Line(holding.Value + " = " + holding.ParIn + "[t]"
                + (holding.Info.MarkIndex >= 0 ? " * " + Ctx.Current(Quantity.IndexLevel, holding.Info.MarkIndex) : "") + ";");
        }
    }
}
