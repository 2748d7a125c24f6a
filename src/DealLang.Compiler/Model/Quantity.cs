namespace DealLang.Compiler.Model;

/// <summary>
/// A built-in quantity of the deal's state that expressions can read. Deal-wide ones ignore the entity index;
/// the others index the tranche, facility, lease, account, fee, party, test or trigger array.
/// Flows are per-period amounts (summed by trailing tests); stocks are balances at the period's start.
/// </summary>
public enum Quantity
{
    // Deal-wide flows.
    /// <summary><c>collections</c>: rent, RVG, account interest and sale proceeds received this period.</summary>
    Collections,
    /// <summary><c>cfads</c>: collections less fees due this period.</summary>
    Cfads,
    /// <summary><c>debt_service</c>: all tranches' interest and scheduled principal due this period.</summary>
    DebtService,
    /// <summary><c>date</c>, <c>period_end</c>: the period's end date.</summary>
    PeriodEnd,
    /// <summary><c>period_start</c>: the period's start date (the previous period's end; the closing date for the first).</summary>
    PeriodStart,

    // Index.
    /// <summary><c>SOFR</c>, an index's bare name: its level at the period's start (fixed in advance, as a floating
    /// coupon resets), on this path; the unit is the index's level's.</summary>
    IndexLevel,

    // Tranche.
    TrancheBalance,
    TrancheScheduledBalance,
    TrancheInterestDue,
    TranchePrincipalDue,
    TrancheDebtService,
    TrancheInterestShortfall,
    TranchePrincipalShortfall,
    TrancheInterestPaid,
    TranchePrincipalPaid,
    TrancheCoupon,
    /// <summary><c>T.undrawn</c>: a delayed-draw tranche's commitment not yet drawn nor cancelled, at the period's start.</summary>
    TrancheUndrawn,
    /// <summary><c>T.drawn</c>: drawn on the commitment at this period's end.</summary>
    TrancheDrawn,
    /// <summary><c>T.commitment_fee</c>: the commitment fee due this period (with any unpaid so far).</summary>
    TrancheCommitmentFee,
    /// <summary><c>T.guarantee_fee</c>: a guaranteed tranche's guarantee fee due this period (with any unpaid so far).</summary>
    TrancheGuaranteeFee,

    // Facility, lease, party.
    FacilityValue,
    FacilityCost,
    LeaseRent,
    LeaseActive,
    /// <summary><c>Lease.ended</c>: from the period the lease ends in (expiry, lessee default or sale of its facility) on.</summary>
    LeaseEnded,
    PartyDefaulted,

    // Account, fee.
    AccountBalance,
    AccountTarget,
    FeeDue,
    FeePaid,

    // Tests and triggers.
    TestValue,
    TriggerActive,

    // Loan (an asset: what its obligor pays the deal).
    /// <summary><c>L.balance</c>: principal outstanding at the period's start.</summary>
    LoanBalance,
    /// <summary><c>L.interest</c>: interest received this period (none from the obligor's default on).</summary>
    LoanInterest,
    /// <summary><c>L.principal</c>: scheduled principal received this period.</summary>
    LoanPrincipal,
    /// <summary><c>L.recovery</c>: recovered in the period the obligor defaults in (a one-off, not CFADS).</summary>
    LoanRecovery,
    /// <summary><c>L.loss</c>: the balance written off in the default period (what the recovery did not cover).</summary>
    LoanLoss,
    /// <summary><c>L.defaulted</c>: from the period the obligor defaults in while the loan is outstanding, on.</summary>
    LoanDefaulted,
    LoanCoupon,

    // Holding (another entity's tranche or equity the deal holds; docs/language.md §5 "holding").
    /// <summary><c>H.receipts</c>: what the held entity paid the holding, in this period (a collection, a flow).</summary>
    HoldingReceipts,
    /// <summary><c>H.value</c>: the holding's mark at the period's end (par less realised loss, times a price index).</summary>
    HoldingValue,

    // Fleet (GPUs the deal owns; docs/language.md §5 "fleet"). Read before this period's enforcement sales.
    /// <summary><c>F.units</c>: units delivered and not sold (GPUs).</summary>
    FleetUnits,
    /// <summary><c>F.book_value</c>: the held units' cost less depreciation at the period's end.</summary>
    FleetBookValue,
    /// <summary><c>F.market_value</c>: the held units' market value at the period's end.</summary>
    FleetMarketValue,
    /// <summary><c>F.age</c>: the held units' unit-weighted age in years at the period's end.</summary>
    FleetAge,
    /// <summary><c>F.idle_units</c>: units not under contract; every held unit until contracts exist.</summary>
    FleetIdleUnits,
    /// <summary><c>F.opex</c>: this period's power and maintenance due, plus opex unpaid so far (a flow).</summary>
    FleetOpex,

    // Contract (compute sold from a fleet; docs/language.md §5 "contract").
    /// <summary><c>C.revenue</c>: what the customer pays this period (a collection, a flow).</summary>
    ContractRevenue,
    /// <summary><c>C.units</c>: the fleet's units the contract takes at the period's end (0 before its start, after its end or the customer's default).</summary>
    ContractUnits,
    /// <summary><c>C.active</c>: whether the contract takes units at the period's end.</summary>
    ContractActive,
    /// <summary><c>largest_customer_share</c>: the largest customer's share of this period's contract revenue.</summary>
    LargestCustomerShare,

    // Coins (a crypto holding and its mining; docs/language.md §5 "coins").
    /// <summary><c>C.units</c>: coins held at the period's start (coins).</summary>
    CoinsUnits,
    /// <summary><c>C.value</c>: the coins held at the period's start at the price index's level then.</summary>
    CoinsValue,
    /// <summary><c>C.mined</c>: coins mined this period (sold as mined; 0 while mining is switched off).</summary>
    CoinsMined,
    /// <summary><c>C.revenue</c>: the period's mining margin collected: coins mined × price − power (a flow).</summary>
    CoinsRevenue,
    /// <summary><c>C.power_cost</c>: what the miners' power would cost this period (a flow).</summary>
    CoinsPowerCost,
}
