namespace DealLang.Runtime;

/// <summary>What a guarantee stands behind: a lease's rent, a tranche's interest and principal, a contract's take-or-pay
/// payments, or a lease's residual value guarantee (<c>rvg … with guarantor P cap M</c>: the part of the RVG claim a
/// defaulted lessee does not pay).</summary>
public enum GuaranteeTarget
{
    Lease,
    Tranche,
    Contract,
    LeaseRvg,
}

/// <summary>
/// A guarantee (docs/language.md §5, "Guarantors"): party <see cref="Guarantor"/> stands behind lease or tranche
/// <see cref="Target"/> (an index into the description's leases or tranches, by <see cref="Kind"/>), paying at most
/// <see cref="Cap"/> in all, for what falls due in periods ending on or before <see cref="Until"/> (null: to the end of
/// the run). Behind a lease it pays the rent the lessee no longer pays once it defaults, into the deal's collections
/// (behind a lease's RVG, <see cref="GuaranteeTarget.LeaseRvg"/>, the part of the RVG claim a defaulted lessee does not pay);
/// behind a tranche it pays the holders directly what the issuer leaves unpaid of what it covers
/// (<see cref="CoversInterest"/>, <see cref="CoversPrincipal"/>), for a fee of <see cref="FeeRate"/> a year on the
/// tranche's opening balance that the issuer's waterfall pays (<c>pay T.guarantee_fee</c>). Behind a tranche it recovers
/// what it paid from the issuer's later payments pari passu with the holders, or, with
/// <see cref="SubrogatedAfterHolders"/> (<c>subrogated after holders</c>), only once the holders are paid in full.
/// </summary>
public sealed record GuaranteeInfo(
    string Name,
    int Guarantor,
    GuaranteeTarget Kind,
    int Target,
    double Cap,
    Date? Until,
    double FeeRate = 0,
    bool CoversInterest = false,
    bool CoversPrincipal = false,
    bool SubrogatedAfterHolders = false);
