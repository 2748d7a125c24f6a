using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>An index's state in the generated C#: its level per period on this path (an input the runner fills:
/// base curve, drift, launches and the scenario's levers), and the level this period, a ledger measure.</summary>
internal sealed class IndexState : EntityState
{
    public IndexState(IndexModel model, int index)
        : base(DeclarationKind.Index, model.Info.Name, index)
    {
        Model = model;
        Levels = Input("levels", "double[]");
        Schedule = Input("schedule", "double[]");
        Level = Local("level", "double", StateLife.Period, ledger: new LedgerSlot(LedgerSection.Measures, model.Info.Name, ColumnKindOf(model.Unit)));
    }

    public IndexModel Model { get; }

    /// <summary>The level of each period on this path, read at the period's start (<c>input.Series</c>).</summary>
    public StateVar Levels { get; }

    /// <summary>The level of each period under the scenario's levers alone, without a path's draws
    /// (<c>InputQuantity.IndexSchedule</c>): what a forward projection of a completion index reads ahead; declared only
    /// where one does (<see cref="EmitContext.ProjectsCompletion"/>).</summary>
    public StateVar Schedule { get; }

    /// <summary>This period's level: what the index's bare name reads, and its ledger column.</summary>
    public StateVar Level { get; }

    private static ColumnKind ColumnKindOf(Unit unit) => unit switch
    {
        Unit.Money => ColumnKind.Money,
        Unit.Rate => ColumnKind.Rate,
        Unit.Ratio => ColumnKind.Ratio,
        _ => ColumnKind.Number,
    };
}

/// <summary>
/// Market indices: each one's level per period is a path input (the runner computes it from the terms and the
/// scenario, <c>Runner/Paths/IndexLevels.cs</c>), copied into a local at the period's start, so every expression
/// of the period reads the same level, and written to the ledger as a measure. An index receives, owes, holds and
/// carries nothing, is the target of no step and is not collateral: it takes part in the period's start only.
/// </summary>
internal sealed class IndexComponent(EmitContext ctx)
    : EmitterComponent<IndexState>(ctx, () => ctx.Model.Indices.Select((m, i) => new IndexState(m, i)))
{
    public override DeclarationKind Kind => DeclarationKind.Index;

    public override string DescriptionProperty => "Indices";

    public override IEnumerable<string> DescriptionElements() => States.Select(s => Info(s.Model.Info));

    /// <summary>An index's terms as the C# that builds its <see cref="IndexInfo"/>.</summary>
    internal static string Info(IndexInfo i) =>
        "new IndexInfo(" + CSharpLiterals.String(i.Name) + ", " + CSharpLiterals.Double(i.Level) + ", " + CSharpLiterals.Double(i.DeflatePerYear)
        + ", " + (i.Points is { } p
            ? "new IndexPoints(" + (p.Interpolated ? "true" : "false") + ", " + CSharpEmitter.List(p.Dates.Select(CSharpLiterals.Date)) + ", "
              + CSharpEmitter.List(p.Values.Select(CSharpLiterals.Double)) + ")"
            : "null")
        + ", " + (i.Launches.Length == 0 ? "[]" : "[" + string.Join(", ", i.Launches.Select(l => "new IndexLaunch(" + CSharpLiterals.Date(l.Date) + ", " + CSharpLiterals.Double(l.Down) + ")")) + "]")
        + ")" + (i.Closing is { } closing ? " { Closing = " + CSharpLiterals.Date(closing) + " }" : "");

    public override string? Read(Quantity quantity, int index) =>
        quantity == Quantity.IndexLevel ? this[index].Level.Name : null;

    // Each period: the level fixed at the period's start, which every expression of the period reads.
    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var index in States)
        {
            w.Line(index.Level + " = " + index.Levels + "[t];");
        }
    }
}
