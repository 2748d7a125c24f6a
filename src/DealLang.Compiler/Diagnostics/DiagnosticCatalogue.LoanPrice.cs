namespace DealLang.Compiler.Diagnostics;

// A loan sold in enforcement at a market price ('sell LoanA price yield 14%', 'sell LoanA price LoanMarks',
// docs/language.md §9 "A loan's market price"): DL0227 a price that is not one (a yield outside [0, 100%), an index
// whose level is not a share of par), DL0525 a price where no loan is sold at one.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0227: a loan's sale price that is not one: a yield outside [0, 100%) (below 0 the buyer pays more
    /// than the payments it receives; at 100% a year or more the price is a distressed claim's, not a performing
    /// loan's), or an index whose level is not a price as a share of par (as DL0708 for a holding's mark).</summary>
    public static Diagnostic LoanPriceNotAPrice(SourceSpan span, string what, string why) =>
        Error("DL0227", span, SemanticText.Invariant($"{what} is not a loan's price: {why}"));

    /// <summary>DL0525: a <c>price</c> that prices no loan: on a sale of a facility, a fleet or coins (each sold at its
    /// own value less the haircut), or a scenario's <c>enforcement price …</c> when no sale prices its loans at a yield,
    /// or naming an index (which index prices a sale is the deal's term; a scenario moves the index's level).</summary>
    public static Diagnostic LoanPriceUnused(SourceSpan span, string why) =>
        Error("DL0525", span, SemanticText.Invariant($"this price prices no loan: {why}"));
}
