namespace DealLang.Compiler.Diagnostics;

// DL0780–DL0799: a fund and its investors (docs/language.md §5 "equity", "A fund's LPs: hurdle and carry"): an
// equity's distribution waterfall between its LPs and its GP. Each is located at the item that makes it.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0780: a catch-up share at or below the carry rate: in the catch-up the GP's part of the profits
    /// would never rise to its carry, so the catch-up would never end.</summary>
    public static Diagnostic CatchUpNotAboveCarry(SourceSpan span, string equity, double catchUp, double carry) =>
        Error("DL0780", span, $"equity '{equity}' has a catch-up of {catchUp * 100:0.######}% at or below its carry of {carry * 100:0.######}%; "
            + "a catch-up share must exceed the carry (100% is usual), or be left out");

    /// <summary>DL0781: a hurdle on an equity without a carry: the hurdle defers only the GP's carry, so without
    /// one it changes nothing.</summary>
    public static Diagnostic HurdleWithoutCarry(SourceSpan span, string equity) =>
        Error("DL0781", span, $"equity '{equity}' has a hurdle but no carry; a hurdle is the LPs' preferred return ahead of the GP's carry: add 'carry 20% to Manager' or remove the hurdle");
}
