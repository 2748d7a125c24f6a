using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// The crypto miner's diagnostics (docs/language.md §5 "coins", and a contract's termination fee amortising to a
// floor): DL0750–DL0779. Kept in a file of their own so the codes read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0750: a coins term in the wrong unit: holdings or a market depth that are not coins, a hashrate that
    /// is not EH/s, rewards that are not coins per hour or per day, power that is not kW or MW, a power price that is
    /// not money per kWh or MWh (adding a hashrate to money is the unit checker's DL0301).</summary>
    public static Diagnostic CoinsTermUnit(SourceSpan span, string what, string expected, string actual, string example) =>
        Error("DL0750", span, $"{what} must be {expected} (e.g. '{example}'), not {actual}");

    /// <summary>DL0751: the price index of coins is not a price per coin (its level must be written like
    /// <c>95k per coin</c>), so the coins' value and a sale's proceeds would not be money.</summary>
    public static Diagnostic CoinPriceNotPerCoin(SourceSpan span, string coins, string index, string actual) =>
        Error("DL0751", span, $"the price of coins '{coins}' must be an index in money per coin, but '{index}' is {actual}: declare the coin's price (e.g. 'index BTC {{ level 95k per coin }}') and write 'price BTC'");

    /// <summary>DL0752: the miners' hashrate above the network's: their share of the network's rewards would exceed
    /// 100%.</summary>
    public static Diagnostic HashrateAboveNetwork(SourceSpan span, string coins, double hashrate, double network) =>
        Error("DL0752", span, string.Create(CultureInfo.InvariantCulture,
            $"the hashrate of coins '{coins}' ({hashrate} EH/s) exceeds the network's ({network} EH/s): a miner's share of the network's rewards is at most 100%"));

    /// <summary>DL0753: a contract's or a lease's termination fee amortising to a floor above the fee itself (it would
    /// grow); <paramref name="kind"/> is <c>contract</c> or <c>lease</c>, <paramref name="what"/> the fee (<c>termination
    /// fee</c>, or a lease's <c>renewal terms' termination fee</c>).</summary>
    public static Diagnostic TerminationFeeFloorAboveFee(SourceSpan span, string kind, string name, double fee, double floor, string what = "termination fee") =>
        Error("DL0753", span, string.Create(CultureInfo.InvariantCulture,
            $"the {what} of {kind} '{name}' amortises from {fee:#,0.##} to {floor:#,0.##}: the amount it falls to must not exceed the fee"));

    /// <summary>DL0754 (warning): an enforcement sale of coins that hold none at the closing: mined coins are sold as
    /// mined and never join the holdings, so the sale can only ever realise nothing.</summary>
    public static Diagnostic CoinsSoldButNoneHeld(SourceSpan span, string coins) =>
        Warning("DL0754", span,
            $"enforcement sells coins '{coins}', which hold no coins (holdings 0) and never will (mined coins are sold as mined); the sale realises nothing: give the coins held, or leave them out of the sale");

    /// <summary>DL0756: <c>over N periods</c> where it cannot apply: a sale that lists anything but coins (a facility,
    /// a loan, a fleet: each is sold at once or, a fleet, into the repo market), or a scenario's enforcement override (the
    /// spread is the deal's own term); <paramref name="why"/> says which.</summary>
    public static Diagnostic SpreadNotOnCoins(SourceSpan span, string why) =>
        Error("DL0756", span, $"'over N periods' spreads a sale of coins only: {why}");

    /// <summary>DL0757: a sale of coins spread over more periods than the workout limit holds: after a default in the
    /// deal's last period the run would end long before the last share, and sell it all in its last period.</summary>
    public static Diagnostic SpreadBeyondWorkout(SourceSpan span, int periods, int limitPeriods, int limitYears) =>
        Error("DL0757", span, string.Create(CultureInfo.InvariantCulture,
            $"a sale spread over {periods} periods is longer than the workout limit of {limitYears}y ({limitPeriods} periods at the deal's frequency): a default late in the deal leaves no room for it; spread it over at most {limitPeriods}"));

    /// <summary>DL0760: a convertible's conversion price that is not money (per share): a rate or a compute unit,
    /// usually a percentage typed for a price.</summary>
    public static Diagnostic ConversionPriceUnit(SourceSpan span, string what, string expected, string actual, string example) =>
        Error("DL0760", span, $"{what} must be {expected} (e.g. 'convertible at {example} against WULF'), not {actual}");

    /// <summary>DL0761: a conversion price of zero (the holder would receive infinitely many shares).</summary>
    public static Diagnostic ConversionPriceZero(SourceSpan span, string tranche) =>
        Error("DL0761", span, $"the conversion price of tranche '{tranche}' must be above zero");

    /// <summary>DL0762: an early-conversion threshold below 100% of the conversion price: the holder would convert
    /// shares worth less than the notes' face, out of the money.</summary>
    public static Diagnostic EarlyConversionBelowPrice(SourceSpan span, string tranche, double above) =>
        Error("DL0762", span, string.Create(CultureInfo.InvariantCulture,
            $"tranche '{tranche}' converts early only when the share price is at least its conversion price: the threshold must be at least 100%, not {above * 100:0.##}%"));

    /// <summary>DL0763: the share price a convertible converts against that is not money per share (an index in
    /// money per share, or an expression of one, read at the period's start).</summary>
    public static Diagnostic SharePriceUnit(SourceSpan span, string what, string expected, string actual, string example) =>
        Error("DL0763", span, $"{what} must be {expected} (e.g. '{example}'), not {actual}");

    /// <summary>DL0770: a convertible's put date or provisional call date outside the tranche's life: it must be after
    /// the closing and before the tranche's maturity (at the maturity the notes are repaid or convert anyway).</summary>
    public static Diagnostic ConvertibleDateOutsideLife(SourceSpan span, string what, string tranche, string date, string closing, string maturity) =>
        Error("DL0770", span, $"{what} of tranche '{tranche}' ({date}) must be after the closing ({closing}) and before the tranche's maturity ({maturity})");

    /// <summary>DL0771: a convertible's put dates not in increasing order (or one given twice).</summary>
    public static Diagnostic PutDatesNotIncreasing(SourceSpan span, string tranche, string date, string previous) =>
        Error("DL0771", span, $"the put dates of tranche '{tranche}' must increase: {date} is not after {previous}");

    /// <summary>DL0772: a put price of zero or less: the holder would give the notes away for nothing.</summary>
    public static Diagnostic PutPriceNotPositive(SourceSpan span, string tranche, double price) =>
        Error("DL0772", span, string.Create(CultureInfo.InvariantCulture,
            $"the put price of tranche '{tranche}' is a share of the principal and must be above 0%, not {price * 100:0.##}%"));

    /// <summary>DL0775: a provisional call threshold below 100% of the conversion price: the issuer would force
    /// conversion into shares worth less than the notes' face, which holders would refuse (they would take cash).</summary>
    public static Diagnostic CallBelowConversionPrice(SourceSpan span, string tranche, double above) =>
        Error("DL0775", span, string.Create(CultureInfo.InvariantCulture,
            $"tranche '{tranche}' can be called only when the share price is at least its conversion price: the threshold must be at least 100%, not {above * 100:0.##}%"));

    /// <summary>DL0777: a hard call's price of zero or less: the issuer would take the notes back for nothing.</summary>
    public static Diagnostic CallPriceNotPositive(SourceSpan span, string scenario, string tranche, double price) =>
        Error("DL0777", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}' calls tranche '{tranche}' at a share of the principal, which must be above 0%, not {price * 100:0.##}%"));

    /// <summary>DL0779: <c>keep</c> on coins that are not mined: it keeps a share of the mining margin in coins, and
    /// coins without the mining items earn none.</summary>
    public static Diagnostic KeepWithoutMining(SourceSpan span, string coins) =>
        Error("DL0779", span, $"coins '{coins}' keep a share of their mining margin, but they are not mined: 'keep' goes with the mining items (hashrate, network, rewards, power, power_price)");

    /// <summary>DL0778: a partial conversion (<c>T converts 60%</c>) of a tranche that is not convertible: the lever is the
    /// share of convertible notes the holders convert; plain notes convert into nothing. (A plain tranche may be called,
    /// <c>T called on DATE</c>: it is redeemed in cash.)</summary>
    public static Diagnostic ConversionOfPlainTranche(SourceSpan span, string scenario, string tranche) =>
        Error("DL0778", span,
            $"scenario '{scenario}' converts tranche '{tranche}', which is not convertible: 'converts' is the share of convertible notes ('convertible at 12.43 per share against WULF') the holders convert");

    /// <summary>DL0559: the share of a convertible's balance a partial hard call calls (<c>part X</c>) or a partial
    /// conversion converts (<c>T converts X</c>) outside (0, 100%]: nothing called or converted is no lever, and no more
    /// than the whole balance can be.</summary>
    public static Diagnostic ConvertiblePartOutOfRange(SourceSpan span, string what, double part) =>
        Error("DL0559", span, string.Create(CultureInfo.InvariantCulture,
            $"{what} must be above 0% and at most 100% of the balance, not {part * 100:0.##}%"));

    /// <summary>DL0560: a hard call of a convertible in a scenario that has already called it on a date in the same
    /// period or a later one (a tranche's calls are made in turn, the dates in increasing periods), or after a call of
    /// the whole balance (nothing is left to call).</summary>
    public static Diagnostic HardCallOutOfTurn(SourceSpan span, string scenario, string tranche, string date, string earlier, bool afterWhole) =>
        Error("DL0560", span, afterWhole
            ? $"scenario '{scenario}' calls tranche '{tranche}' on {date} after calling all of it on {earlier}: nothing is left to call; give the earlier call a 'part'"
            : $"scenario '{scenario}' calls tranche '{tranche}' on {date}, not in a period after its call on {earlier}: a tranche's calls are made in turn, each in a later period");

    /// <summary>DL0764 (warning): a scenario delays an index that has no dated points (neither the deal's nor the
    /// scenario's), so nothing moves: a completion index needs its completion dates as points.</summary>
    public static Diagnostic DelayWithoutPoints(SourceSpan span, string index, string scenario) =>
        Warning("DL0764", span, $"scenario '{scenario}' delays index '{index}', which has no dated points to move; give it its completions as points (e.g. 'points stepped {{ 2026-06-30 40%  2027-03-31 100% }}')");

    /// <summary>DL0776 (warning): a delay <c>from</c> a date after the index's last dated point moves nothing: only the
    /// points on or after the date move.</summary>
    public static Diagnostic DelayFromAfterPoints(SourceSpan span, string index, string scenario, string from) =>
        Warning("DL0776", span, $"scenario '{scenario}' delays index '{index}' from {from}, after its last dated point, so nothing moves; 'from' names the first completion that slips (a point's date or one before it)");

    /// <summary>DL0765: a lease phased by an index whose level is not a share (money, a ratio or a compute price): the
    /// rent is scaled by the share of the buildings handed over, a rate in [0%, 100%].</summary>
    public static Diagnostic PhasedIndexNotAShare(SourceSpan span, string lease, string index, string unit) =>
        Error("DL0765", span, $"lease '{lease}' is phased by index '{index}', whose level is {unit}; a lease is phased by the share of its buildings completed, e.g. 'index Built {{ level 0%  points stepped {{ 2026-06-30 50%  2027-06-30 100% }} }}'");
}
