namespace DealLang.Compiler.Emit;

/// <summary>
/// The state of one enforcement sale in the generated C#, each piece named once. Sales have no names in the deal
/// file: <c>sale1_date</c>, numbered from 1 in declaration order. What a sale sells is collateral of any kind; its
/// component says what it realises (<c>EmitterComponent.CollateralValue</c>).
/// </summary>
internal sealed class SaleState
{
    public SaleState(int index)
    {
        string prefix = "sale" + CSharpLiterals.Int(index + 1) + "_";
        Index = index;
        Haircut = prefix + "haircut";
        LagMonths = prefix + "lagMonths";
        Date = prefix + "date";
        Done = prefix + "done";
    }

    public int Index { get; }

    /// <summary>This path's haircut on the value sold (an input).</summary>
    public string Haircut { get; }

    /// <summary>This path's months from the event of default to the sale (an input).</summary>
    public string LagMonths { get; }

    /// <summary>The sale's date, set at the event of default.</summary>
    public string Date { get; }

    /// <summary>Whether the sale has happened.</summary>
    public string Done { get; }
}
