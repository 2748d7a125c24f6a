namespace DealLang.Compiler.Diagnostics;

// DL0780–DL0799: a fund and its investors (docs/language.md §5 "equity", "A fund's LPs: hurdle and carry"): an
// equity's distribution waterfall between its LPs and its GP, its commitment and capital calls, its classes' terms. Each is located at the item that makes it.
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

    /// <summary>DL0790: what the LPs are called for (the contribution at closing and the dated calls) exceeds their
    /// commitment: an LP pays no more than it committed.</summary>
    public static Diagnostic CallsAboveCommitment(SourceSpan span, string equity, double called, double commitment) =>
        Error("DL0790", span, FormattableString.Invariant(
            $"equity '{equity}' calls {called:#,0.##} in all (its contribution and calls) but its LPs committed {commitment:#,0.##}; lower the calls or raise the commitment"));

    /// <summary>DL0791: a capital call dated on or before the closing (capital paid then is the contribution) or
    /// after the maturity (the run never reaches it).</summary>
    public static Diagnostic CallDateOutsideRun(SourceSpan span, string equity, string date, string bound, bool afterMaturity) =>
        Error("DL0791", span, afterMaturity
            ? $"equity '{equity}' calls capital on {date}, after the deal's maturity {bound}; the run never reaches it"
            : $"equity '{equity}' calls capital on {date}, not after the closing {bound}; capital paid at the closing is its 'contributed'");

    /// <summary>DL0792: capital calls out of date order (each call's date must follow the one before).</summary>
    public static Diagnostic CallsOutOfOrder(SourceSpan span, string equity, string date, string previous) =>
        Error("DL0792", span, $"equity '{equity}' calls capital on {date}, not after its previous call on {previous}; list the calls in date order, one per date");

    /// <summary>DL0793: an LP class with terms of its own (hurdle, carry, catch-up) on an equity with no carry: the
    /// terms split distributions with a GP that the equity's 'carry K to GP' names.</summary>
    public static Diagnostic ClassTermsWithoutCarry(SourceSpan span, string equity, string holder) =>
        Error("DL0793", span, $"the class '{holder}' of equity '{equity}' has terms of its own but the equity has no carry; add 'carry 20% to Manager' (the GP and the default terms) to the equity");

    /// <summary>DL0794: a deal-by-deal carry in a deal that holds nothing: the carry is paid per holding.</summary>
    public static Diagnostic DealByDealWithoutHoldings(SourceSpan span, string equity) =>
        Error("DL0794", span, $"equity '{equity}' has a deal-by-deal carry but the deal has no holdings to pay it on; declare the fund's holdings or remove 'deal_by_deal'");

    /// <summary>DL0795: a holding that funds a delayed draw's later draws (those landing after the holder's closing and
    /// by its maturity, <see cref="DealLang.Runtime.HeldDraws"/>) in a deal with several equities stating a commitment, none named by <c>draws called from E</c>: which investors are called for what the cash cannot fund
    /// would be a guess.</summary>
    public static Diagnostic DrawsCallUnnamed(SourceSpan span, string holding, string tranche, IEnumerable<string> equities) =>
        Error("DL0795", span, $"holding '{holding}' funds the draws of '{tranche}', and equities {string.Join(", ", equities.Select(e => "'" + e + "'"))} "
            + $"each state a commitment to call; say which is called for them: 'draws called from {equities.First()}'");

    /// <summary>DL0796: <c>draws called from E</c> naming an equity that states no commitment: there is nothing to
    /// call, and the draws would wait for the cash unseen.</summary>
    public static Diagnostic DrawsCalledFromNoCommitment(SourceSpan span, string holding, string equity) =>
        Error("DL0796", span, $"holding '{holding}' calls its draws from equity '{equity}', which states no commitment to call; "
            + $"add 'commitment M' to '{equity}', or name an equity that states one");

    /// <summary>DL0797: <c>draws called from E</c> on a holding that funds no draws (an equity, a tranche without a
    /// commitment, or a delayed draw whose draws all land by the holder's closing or after its maturity): the clause
    /// changes nothing.</summary>
    public static Diagnostic DrawsCallUnused(SourceSpan span, string holding, string held) =>
        Warning("DL0797", span, $"holding '{holding}' names an equity to call for its draws, but '{held}' draws nothing after the holder's closing and by its maturity, so the clause changes nothing");
}
