using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// The compute contract's diagnostics (docs/language.md §5 "contract"): DL0466–DL0469, DL0579, and the
// renewals' DL0475–DL0476. Kept in a file of their own so
// the kind's codes read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0466: the contracts on a fleet take more units than it holds on a date (the date one of them
    /// starts): a fleet cannot sell a GPU twice, nor one not yet delivered.</summary>
    public static Diagnostic ContractUnitsAboveFleet(SourceSpan span, string contract, string fleet, string date, double taken, double held) =>
        Error("DL0466", span, string.Create(CultureInfo.InvariantCulture,
            $"on {date}, when contract '{contract}' starts, the contracts on fleet '{fleet}' take {taken} GPUs but the fleet has {held} delivered"));

    /// <summary>DL0467: a contract's price that is neither a constant, an index plus a constant spread, nor
    /// <c>at market</c>: the price is read once a period from one index.</summary>
    public static Diagnostic ContractPriceShape(SourceSpan span, string contract) =>
        Error("DL0467", span,
            $"the price of contract '{contract}' must be a constant ('2.35 per gpu_hour'), an index plus a constant spread ('H100Rent + 0.10 per gpu_hour'), or 'at market'");

    /// <summary>DL0468: a contract priced <c>at market</c> on a fleet without a generation index: there is no
    /// market price to read.</summary>
    public static Diagnostic ContractMarketWithoutGeneration(SourceSpan span, string contract, string fleet) =>
        Error("DL0468", span,
            $"contract '{contract}' is priced at market, but fleet '{fleet}' has no generation index to read the market from (give the fleet 'generation H100Rent', or the contract a price)");

    /// <summary>DL0469: a scenario re-lets a contract's units on a fleet without a generation index: re-let units are
    /// priced at the spot index, and there is none.</summary>
    public static Diagnostic ReletWithoutSpot(SourceSpan span, string contract, string fleet, string scenario) =>
        Error("DL0469", span,
            $"scenario '{scenario}' re-lets contract '{contract}' at the spot price, but fleet '{fleet}' has no generation index to price it (give the fleet 'generation H100Rent')");

    /// <summary>DL0579: a contract's hours a year outside (0, 8,784]: a unit is sold for at most the hours a year has
    /// (366 × 24 in a leap year), and its revenue is units × price per GPU-hour × these hours, so more (87600 for 8760)
    /// multiplies the revenue past anything the GPUs can earn, and none earns nothing.</summary>
    public static Diagnostic ContractHoursOutsideYear(SourceSpan span, string contract, double hours) =>
        Error("DL0579", span, string.Create(CultureInfo.InvariantCulture,
            $"the hours a year of contract '{contract}' are {hours}, outside what a year holds: give more than 0 and at most 8784 hours per year (366 days × 24; 8760 is every hour of a common year)"));

    /// <summary>DL0475: a scenario takes more renewals of a contract than it offers (or the contract offers none).</summary>
    public static Diagnostic TooManyContractRenewals(SourceSpan span, string contract, int offered, int taken) =>
        Error("DL0475", span, string.Create(CultureInfo.InvariantCulture,
            $"contract '{contract}' has {offered} renewal option{(offered == 1 ? "" : "s")}; {taken} cannot be taken"));

    /// <summary>DL0476: a contract offering renewals on a fleet without a generation index: a renewal is priced at
    /// the market, and there is none.</summary>
    public static Diagnostic ContractRenewalsWithoutGeneration(SourceSpan span, string contract, string fleet) =>
        Error("DL0476", span,
            $"contract '{contract}' offers renewals at market, but fleet '{fleet}' has no generation index to price them (give the fleet 'generation H100Rent')");
}
