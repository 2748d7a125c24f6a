namespace DealLang.Runtime;

/// <summary>
/// One enforcement sale: after an event of default, the listed <see cref="Collateral"/> (of any sellable kind) is
/// sold <see cref="LagMonths"/> after the default date at value less <see cref="Haircut"/> (both scenario-overridable);
/// with a <see cref="Market"/>, one fleet's units are sold month by month into the repo market from that date on; a
/// sale of coins with <see cref="SpreadPeriods"/> above 1 sells an equal share of the coins left in each of that many
/// periods from its first (docs/language.md §9); with a <see cref="Price"/>, each loan that has not defaulted is sold at a
/// market price rather than at its balance. A spread sale with <see cref="SpreadHalfLifeMonths"/> above 0 (<c>over 3
/// periods half_life 3m</c>) carries the impact of each period's coins into the periods after it, fading by half every
/// that many months (<see cref="CoinSale.CarriedLiquidation"/>); 0: each period is priced on its own coins alone.
/// </summary>
public sealed record SaleInfo(CollateralRef[] Collateral, double Haircut, int LagMonths, SaleMarket? Market = null, int SpreadPeriods = 1,
    int SpreadHalfLifeMonths = 0)
{
    /// <summary>The market price of the loans sold (docs/language.md §9, "A loan's market price"); null for par.</summary>
    public LoanSalePrice? Price { get; init; }

    /// <summary>Whether the facilities sold are sold subject to their leases (docs/language.md §9, "subject-to-lease"): the
    /// sale waits, past its date, until every lease of them has ended on the path (or the run's last period), the rent and
    /// the RVG collected meanwhile. Only facilities that a lease is on are sold so (DL0232).</summary>
    public bool SubjectToLease { get; init; }
}

/// <summary>
/// A loan's market price in an enforcement sale (docs/language.md §9, "A loan's market price"): with <see cref="Yield"/>,
/// the present value at that yield (scenario-overridable) of the loan's remaining scheduled payments; with
/// <see cref="Index"/> (the description's index), its balance × that index's level, a price as a share of par.
/// Exactly one of the two is set. With <see cref="YieldIndex"/> as well as <see cref="Yield"/> (<c>price yield SOFR + 6%</c>),
/// the yield is that index's level in the sale period plus <see cref="Yield"/> (the spread), held in [0, 100%].
/// </summary>
public sealed record LoanSalePrice(double? Yield, int? Index, int? YieldIndex = null);

/// <summary>
/// The repo market a fleet's units are sold into (docs/language.md §9), each scenario-overridable: it absorbs
/// <see cref="Depth"/> units a month near the market price; a month's price per unit is the market value per unit ×
/// (1 − haircut) × (1 − <see cref="Impact"/> × units sold that month / depth), at least 0, less <see cref="Costs"/>
/// (removal and transport per unit), at least 0; at most <see cref="Limit"/> units are sold a month. With
/// <see cref="KeepContracts"/> the lender keeps the units under running compute contracts running (their revenue
/// enters the enforcement waterfall) and sells only the idle ones and those freed as contracts end; no unit is sold
/// at a price below <see cref="Reserve"/> per unit but in the run's last period (both scenario-overridable). With
/// <see cref="Relet"/> above 0 (<c>relet idle at R for D</c>) the free units are re-let at the fleet's spot index at that
/// utilisation from the sale date, none offered for sale for <see cref="ReletMonths"/> months (−1: until the run's last
/// period), and the units a sale leaves unsold after that are re-let while they wait (docs/language.md §9). With
/// <see cref="HalfLifeMonths"/> above 0 (<c>half_life 3m</c>) the impact of a month's sales carries into the months after
/// it, fading by half every that many months (<see cref="RepoMarket"/>; scenario-overridable); 0: each month is priced on
/// its own volume alone. A re-let's utilisation ramps from <see cref="Relet"/> to <see cref="ReletTo"/> over the
/// <see cref="ReletRampMonths"/> months from the sale date (0: flat at <see cref="Relet"/>), and the units are let at
/// <see cref="ReletPrice"/> (null: the fleet's generation index), docs/language.md §9, "relet-ramp"; or it follows
/// <see cref="ReletCurve"/> (null: none), <see cref="Relet"/> then its first level and the ramp flat (docs/language.md §9, "relet-curve").
/// </summary>
public sealed record SaleMarket(double Depth, double Impact, double Limit, double Costs, bool KeepContracts = false, double Reserve = 0,
    double Relet = 0, int ReletMonths = -1, int HalfLifeMonths = 0, double ReletTo = 0, int ReletRampMonths = 0, ReletPrice? ReletPrice = null,
    ReletCurve? ReletCurve = null);

/// <summary>The price idle units are re-let at in enforcement (or a contract's units once it stops, a scenario's
/// <c>C relet after D at R price …</c>), per GPU-hour: <see cref="Share"/> × the level of index
/// number <see cref="Index"/> at the period's start + <see cref="Spread"/>, at least 0 (<c>price 85% of H100Rent</c>:
/// share 0.85; <c>price H100Rent - 0.30</c>: spread −0.30).</summary>
public sealed record ReletPrice(int Index, double Share, double Spread);
