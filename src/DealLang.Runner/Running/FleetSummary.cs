namespace DealLang.Runner.Running;

/// <summary>
/// What became of a fleet in one scenario, in the deal's currency, unrounded: the GPUs a repo-market sale sold and
/// what it raised for them (both zero when none ran), the units held when the run ended, and the held units' market
/// and book values at the end of the last scheduled period (zero when the run sold everything before it). The
/// workout's figures (docs/language.md §9): the units the lender kept running under contracts when the sale began,
/// the most units a reserve held back in a period and the periods it did, and the contracts' revenue while the sale ran.
/// Its opex (power and maintenance) due and still unpaid when the run ended: what the last period carried.
/// </summary>
public sealed record FleetSummary(
    string Name,
    double UnitsSold,
    double SaleProceeds,
    double Units,
    double MarketValue,
    double BookValue,
    double UnitsKept = 0,
    double UnitsHeld = 0,
    int PeriodsHeld = 0,
    double SaleRevenue = 0,
    double ReletRevenue = 0,
    double OpexUnpaid = 0);
