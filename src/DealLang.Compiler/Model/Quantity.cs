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
    /// <summary><c>date</c>: the period's end date.</summary>
    PeriodEnd,

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
}
