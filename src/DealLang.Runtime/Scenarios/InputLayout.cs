using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>The kind of entity an input slot belongs to.</summary>
public enum InputEntity
{
    Facility,
    Lease,
    Party,
    Sale,
    Index,
    Contract,
    Holding,
    Tranche,
    Loan,
}

/// <summary>What an input slot holds, and so its shape: a per-period series (<see cref="InputShape.Series"/>),
/// a per-period flag (<see cref="InputShape.Flags"/>) or one number per path (<see cref="InputShape.Scalar"/>).</summary>
public enum InputQuantity
{
    /// <summary>Series, per facility: market value at each period's end, after the scenario's stresses.</summary>
    FacilityValue,

    /// <summary>Series, per lease: rent accrued in each period (zero before the start and after the end).</summary>
    LeaseRent,

    /// <summary>Flags, per party: whether the party has defaulted by each period's end.</summary>
    PartyDefaulted,

    /// <summary>Scalar, per lease: the period the lease ends in (expiry or the lessee's default); −1 past the horizon.</summary>
    LeaseEndPeriod,

    /// <summary>Scalar, per lease: 1 when the lease's end falls in its residual value guarantee window, else 0.</summary>
    RvgApplies,

    /// <summary>Scalar, per lease: the share of the RVG claim paid (1, or the defaulted lessee's recovery).</summary>
    RvgRecovery,

    /// <summary>Scalar, per sale: the enforcement haircut.</summary>
    SaleHaircut,

    /// <summary>Scalar, per sale: months from the event of default to the sale.</summary>
    SaleLagMonths,

    /// <summary>Scalar, per sale: the repo market's depth, GPUs a month (0 for a sale without a market).</summary>
    SaleDepth,

    /// <summary>Scalar, per sale: the repo market's price impact at a month's sales equal to the depth.</summary>
    SaleImpact,

    /// <summary>Scalar, per sale: the most GPUs sold a month into the repo market.</summary>
    SaleLimit,

    /// <summary>Scalar, per sale: removal and transport costs per GPU sold.</summary>
    SaleCosts,

    /// <summary>Series, per index: its level at each period's start (the level a period reads), after the scenario's levers.</summary>
    IndexLevel,

    /// <summary>Series, per contract: the years of each period its units are re-let at the spot index after it stops
    /// (expiry or the customer's default, then the scenario's idle gap); zero when the scenario does not re-let them.</summary>
    ContractReletYears,

    /// <summary>Series, per contract: 1 when its units are re-let on the period's end day, else 0.</summary>
    ContractReletLive,

    /// <summary>Series, per contract: the termination fee received in each period (its customer's recovery of the fee
    /// owed, in the period its default falls in); zero elsewhere.</summary>
    ContractTermination,

    /// <summary>Scalar, per contract: the scenario's utilisation of the contracted hours (the take-or-pay share unless it says).</summary>
    ContractUtilisation,

    /// <summary>Scalar, per contract: the utilisation of the units once re-let (0 when not re-let).</summary>
    ContractReletUtilisation,

    /// <summary>Series, per contract: the years of each period inside the renewals the scenario takes (from the end of
    /// the term to the end of the last renewal taken); zero when it takes none.</summary>
    ContractRenewalYears,

    /// <summary>Series, per contract: 1 when a renewal taken runs on the period's end day, else 0.</summary>
    ContractRenewalLive,

    /// <summary>Series, per contract: the days of each period in its term over 365, up to its customer's default date
    /// (so the period of the default pays for the days before it); zero from then on.</summary>
    ContractTermYears,

    /// <summary>Series, per contract: its prepayment, received in the period its start falls in unless its customer
    /// defaulted on or before the start; zero elsewhere.</summary>
    ContractPrepaid,

    /// <summary>Series, per lease, only in a deal that projects cfads (<see cref="DealDescription.ProjectsCfads"/>): the
    /// rent of each period in the term running at its start (the initial term or a renewal taken), as if the lessee
    /// never defaults; a period in which a term ends and a renewal taken begins holds the ending term's days only.</summary>
    LeaseTermRent,

    /// <summary>Scalar, per sale: 1 when the lender keeps the sold fleet's running contracts (selling only idle and
    /// freed units), else 0 (0 for a sale without a market).</summary>
    SaleKeepContracts,

    /// <summary>Scalar, per sale: the reserve price per GPU below which no unit is sold (0: none, or no market).</summary>
    SaleReserve,

    /// <summary>Scalar, per sale: the yield its loans are priced at (0 for a sale that prices none at a yield).</summary>
    SaleYield,

    /// <summary>Scalar, per party: its recovery on this path (its <c>recovery</c>, or the scenario's draw from a
    /// beta distribution); what a loan owed by it without a <c>recovery</c> of its own recovers.</summary>
    PartyRecovery,

    /// <summary>Series, per lease, only in a deal with guarantees (<see cref="DealDescription.HasGuarantees"/>): the rent
    /// the lease would have paid in each period had its lessee not defaulted, less what it pays (zero while the lessee
    /// performs): what a guarantor of the lease is asked for.</summary>
    LeaseGuaranteeDue,

    /// <summary>Scalar, per party, only in a deal with guarantees: the share of what falls due that the party pays as a
    /// guarantor on this path (1 unless the scenario says <c>honoured 50%</c>).</summary>
    GuarantorHonour,

    /// <summary>Scalar, per party, only in a deal with guarantees: the first period in which the party, as a guarantor,
    /// pays nothing because the scenario disowns its guarantees (the period whose end first reaches the date; 0
    /// without a date); −1 when it does not.</summary>
    GuarantorDisownedPeriod,

    /// <summary>Series, per contract, only in a deal with guarantees: the days of each period in its term over 365 that
    /// its customer's default took away (the term's days had it not defaulted, less those it paid for): what a
    /// guarantor of the contract is asked for, at the contract's rate.</summary>
    ContractGuaranteeYears,

    /// <summary>Series, per holding: what the held entity paid the holding, bucketed into the holder's periods (its
    /// share of the tranche's interest and principal paid, or of the equity's distributions: docs/language.md §5
    /// "holding"); filled by the chain runner from the entity's run, zero in a run of the holder alone.</summary>
    HoldingReceipts,

    /// <summary>Series, per holding: its par at each period's end (the share of the held tranche's balance, or of the
    /// equity's contribution, less what is lost); filled as <see cref="HoldingReceipts"/>.</summary>
    HoldingPar,

    /// <summary>Scalar, per holding: the discount to its mark at which a forced sale sells it on this path (the
    /// holding's <c>market discount</c>, or the scenario's).</summary>
    HoldingSaleDiscount,

    /// <summary>Scalar, per holding: the marked value a period its market absorbs (0: no depth, no price impact).</summary>
    HoldingDepth,

    /// <summary>Scalar, per holding: the further discount at a sale of the whole depth in one period.</summary>
    HoldingImpact,

    /// <summary>Scalar, per facility: its market value at the closing date, after the scenario's stresses as they stand
    /// at that date (and any lever on the value row): what a coupon or PIK condition reading the facility's value sees
    /// in the first period (docs/language.md §5 "tranche", "Timing of a value").</summary>
    FacilityClosingValue,

    /// <summary>Scalar, per holding: its par at the closing date (as <see cref="HoldingPar"/> at a period's end: the
    /// share of the held tranche's balance, or of the equity's contribution, after the held entity's periods ended by
    /// then); filled by the chain runner, zero in a run of the holder alone.</summary>
    HoldingClosingPar,

    /// <summary>Series, per holding: its share of the held delayed-draw tranche's draws funded in each of the holder's
    /// periods (after its closing), what the holder pays (docs/language.md §5 "holding", "Draws"); filled as
    /// <see cref="HoldingReceipts"/>, zero for a holding of anything else.</summary>
    HoldingDraws,

    /// <summary>Series, per index, only in a deal whose forward tests project a completion index
    /// (<see cref="DealDescription.ProjectsCompletion"/>): its level at each period's start under the scenario's levers
    /// alone, without a stochastic scenario's draws (the row a deterministic scenario reads as <see cref="IndexLevel"/>,
    /// the same numbers): the schedule a forward projection reads (<see cref="CompletionShares.Projected"/>).</summary>
    IndexSchedule,

    /// <summary>Series, per lease: the termination fee received in each period (its lessee's recovery of the fee owed,
    /// in the period its default falls in); zero elsewhere. Last, so that the slots before it are where they were.</summary>
    LeaseTermination,

    /// <summary>Series, per contract: 1 from the period its customer breaks it in (<c>C breaks at 24m</c>: its units idle
    /// from that period's end), 0 before and on a path that does not break it. After the leases' termination fees, so
    /// that the slots before it are where they were.</summary>
    ContractBroken,

    /// <summary>Series, per lease, only in a deal that projects cfads: the lease's rent in each period cut on the date the
    /// scenario breaks it, as if the lessee never defaults (what a forward CFADS reads once notice of the break is
    /// served: docs/language.md §5, "Break option"); zero on a path on which no notice is served. After the contracts'
    /// broken flags, so that the slots before it are where they were.</summary>
    LeaseNoticedRent,

    /// <summary>Scalar, per lease, only in a deal that projects cfads: the period holding the date its lessee serves
    /// notice of the break the scenario exercises (the break date less the lease's <c>notice</c>; 0 for a date on or
    /// before the closing); −1 when none is served on this path. After the holdings' par at the closing, so that the
    /// slots before it are where they were.</summary>
    LeaseNoticePeriod,

    /// <summary>Series, per contract, only in a deal that projects cfads: the years of each period in the contract's term
    /// cut on the date the scenario breaks it, as if the customer never defaults (what a forward CFADS reads once notice
    /// of the break is served: docs/language.md §5, "Break option"); zero on a path on which no notice is served. After
    /// the leases' noticed rents, so that the slots before it are where they were.</summary>
    ContractNoticedYears,

    /// <summary>Scalar, per contract, only in a deal that projects cfads: the period holding the date its customer serves
    /// notice of the break the scenario exercises (the break date less the contract's <c>notice</c>; 0 for a date on or
    /// before the closing); −1 when none is served on this path. After the leases' notice periods, so that the slots
    /// before it are where they were.</summary>
    ContractNoticePeriod,

    /// <summary>Series, per tranche, only in a deal with a tranche a scenario may call (<see cref="DealDescription.HasTrancheCalls"/>): the
    /// share of the balance the scenario's issuer calls in each period (<c>Converts called on DATE part 50%</c>: in the
    /// period holding the date; 1 for a call of the whole balance), 0 in a period without a call. Last of the series, so
    /// that the series before it are where they were.</summary>
    TrancheCallPart,

    /// <summary>Series, per tranche, only in such a deal: the price of the scenario's hard call in each
    /// period, a share of the principal (1 at par, and in a period without a call).</summary>
    TrancheCallPrice,

    /// <summary>Scalar, per party: the workout lag in periods of each loan it owes with a lag (<c>recovery R after D</c>),
    /// a drawn lag's whole months over the months per period rounded up, as a fixed lag's; −1 for "as each loan says".</summary>
    PartyWorkoutPeriods,

    /// <summary>Scalar, per sale: the utilisation at which a sale into the repo market re-lets the fleet's free units
    /// (<c>relet idle at R</c>; 0: no re-let, or no market).</summary>
    SaleReletUtilisation,

    /// <summary>Scalar, per sale: the months from the sale date during which no unit is offered and the free units are
    /// re-let (<c>for D</c>); −1 for "until the run's last period", 0 without a re-let.</summary>
    SaleReletMonths,

    /// <summary>Scalar, per loan: its own workout lag in periods (<c>L workout drawn …</c>), read in place of its obligor's
    /// (<see cref="PartyWorkoutPeriods"/>) and of its own <c>after D</c>, rounded as they are; −1 for "as its obligor's or
    /// its own". Last, after the sales' re-let slots, so that the slots before it are where they were.</summary>
    LoanWorkoutPeriods,

    /// <summary>Scalar, per sale: the half-life in months of the price impact a sale into the repo market carries from
    /// one month to the next (<c>half_life 3m</c>); 0 for none. Last, after the loans' workout lags, so that the slots
    /// before it are where they were.</summary>
    SaleHalfLifeMonths,

    /// <summary>Scalar, per tranche, only in a deal with a tranche a scenario may call: the share of the balance the holders convert when
    /// the rule says they convert (<c>Converts converts 60%</c>; 1 without it). Last, after the sales' half-lives.</summary>
    TrancheConvertPart,

    /// <summary>Scalar, per sale: the weight of the index a sale's yield reads (<c>price yield SOFR + 6%</c>): 1 for the deal's
    /// own yield, 0 when a scenario's <c>enforcement price yield Y</c> replaces it (and for a sale whose yield reads no
    /// index); the yield at the sale is <see cref="SaleYield"/> + weight × the index's level. Last, after the tranches'
    /// shares converted, so that the slots before it are where they were.</summary>
    SaleYieldWeight,

    /// <summary>Scalar, per loan: the days from the closing to its obligor's default date on this path (the scenario's
    /// date, or the one drawn per path), −1 without one; a loan with instalments, or its maturity, dated inside the
    /// deal's periods receives those of its default period dated before it (docs/language.md §5, "loan"). Last, after
    /// the sales' yield weights, so that the slots before it are where they were.</summary>
    LoanDefaultDay,

    /// <summary>Scalar, per sale: the utilisation a sale's re-let of idle units ramps to (<c>rising to R1</c>; the
    /// utilisation itself for a flat re-let, 0 without one). Last, after the loans' default days, with the ramp's months
    /// and the re-let's price, so that the slots before them are where they were.</summary>
    SaleReletTo,

    /// <summary>Scalar, per sale: the months of that ramp from the sale date (<c>over M</c>); 0 for a flat re-let.</summary>
    SaleReletRampMonths,

    /// <summary>Scalar, per sale: the number of the index the re-let is priced at (its <c>price</c>'s, else the fleet's
    /// generation); 0 without a re-let.</summary>
    SaleReletPriceIndex,

    /// <summary>Scalar, per sale: the share of that index the re-let is priced at (1 without <c>price 85% of …</c>; 0 without
    /// a re-let).</summary>
    SaleReletPriceShare,

    /// <summary>Scalar, per sale: the constant added to it, money per GPU-hour (<c>price H100Rent - 0.30</c>: −0.30; 0 without).</summary>
    SaleReletPriceSpread,

    /// <summary>Scalar, per loan: the first window's first period (the one whose end first reaches its <c>from</c> date;
    /// 0 without one); −1 without the lever. Each period's share is <see cref="LoanPaysShareByPeriod"/>'s. Last, after the
    /// sales' re-let prices, with the last window's period.</summary>
    LoanPaysFrom,

    /// <summary>Scalar, per loan: the last window's last period (the one whose end first reaches its <c>to</c> date), the
    /// arrears being paid in the next; −1 when the last window has no <c>to</c> (partial payments until the loan's
    /// maturity or a default).</summary>
    LoanPaysTo,

    /// <summary>Scalar, per lease: the facility's value on the day the lease ends (its expiry, its lessee's default or
    /// its break; the closing for an end before it), after the path's stresses: what its RVG is measured against
    /// (docs/language.md §5, "rvg-value"); 0 when no RVG answers for the end.</summary>
    RvgValue,

    /// <summary>Scalar, per contract: the utilisation a contract's re-let ramps to (<c>C relet after 3m at 30% rising to
    /// 80% over 12m</c>: 0.8; the re-let's utilisation itself for a flat one, 0 without a re-let). Last, after the sales'
    /// re-let prices, with the ramp's months and start and the re-let's price, so that the slots before them are where
    /// they were.</summary>
    ContractReletTo,

    /// <summary>Scalar, per contract: the months of that ramp (<c>over M</c>); 0 for a flat re-let.</summary>
    ContractReletRampMonths,

    /// <summary>Scalar, per contract: the days from the closing to the day its re-let starts on this path (its stop plus
    /// the idle gap), which the ramp counts its months from; 0 for a flat re-let or none (not read).</summary>
    ContractReletStartDay,

    /// <summary>Scalar, per contract: the number of the index its re-let is priced at (its <c>price</c>'s, else the fleet's
    /// generation); 0 without a re-let.</summary>
    ContractReletPriceIndex,

    /// <summary>Scalar, per contract: the share of that index the re-let is priced at (1 without <c>price 85% of …</c>; 0
    /// without a re-let).</summary>
    ContractReletPriceShare,

    /// <summary>Scalar, per contract: the constant added to it, money per GPU-hour (<c>price H100Rent - 0.30</c>: −0.30; 0 without).</summary>
    ContractReletPriceSpread,

    /// <summary>Series, per loan: the share of what falls due its obligor pays in each period, that of the scenario's
    /// window holding the period (<c>MinerLoan pays 40% from … to …</c> then <c>pays 70% from … to …</c>: 0.4 then 0.7),
    /// −1 in a period in no window (it pays in full, and its arrears with it). Last among the series, so that the slots
    /// before them are where they were; a path without the lever shares one read-only row of −1.</summary>
    LoanPaysShareByPeriod,

    /// <summary>Scalar, per lease: whose RVG terms answer for the lease's end on this path: 0 the lease's own (its expiry, its
    /// lessee's default, or a break without terms of its own), 1 the initial term's break's, 2 the renewal terms' break's
    /// (<c>with rvg guarantees 90m cap 20m</c>: docs/language.md §5, "An RVG owed at a break"). Read only for a lease whose
    /// break states terms of its own. Last, after the contracts' re-let prices, so that the slots before it are where they
    /// were.</summary>
    RvgBreakTerms,

    /// <summary>Scalar, per loan: the periods the last window's arrears are repaid over, in equal instalments from the
    /// period after it (a standstill, <c>then arrears over 12m</c>: docs/language.md §10, "Arrears rescheduled"), 0 for
    /// <c>then arrears capitalised</c>; 1 (at once) without the clause or the lever. Last among the scalars (after the leases' RVG break terms), so that the slots before it are where they were.</summary>
    LoanArrearsPeriods,
}

/// <summary>How a slot is stored in <see cref="PathInputs"/>.</summary>
public enum InputShape
{
    Series,
    Flags,
    Scalar,
}

/// <summary>One input slot: <see cref="Quantity"/> of entity number <see cref="Entity"/> (a position in the
/// description's array of that kind), at position <see cref="Index"/> of its shape's buffers.</summary>
public sealed record InputSlot(InputEntity Kind, int Entity, InputQuantity Quantity, int Index)
{
    public InputShape Shape => InputLayout.ShapeOf(Quantity);
}

/// <summary>
/// The path inputs of a deal as numbered slots, the way <see cref="LedgerLayout.HistorySlots"/> numbers history
/// buffers: <see cref="PathInputs.Series"/> holds one <c>double[]</c> per period-series slot,
/// <see cref="PathInputs.Flags"/> one <c>bool[]</c> per flag slot and <see cref="PathInputs.Scalars"/> one number
/// per scalar slot. A path source (the deterministic scenario, a Monte Carlo engine) fills slots by this layout,
/// not by a field per kind; the generated loop reads the same positions (the compiler asks this class for them).
/// Slots of one quantity are contiguous, in entity order: series are every facility's value then every lease's
/// rent, then every index's level, then every contract's re-let years, re-let flag and termination fee, then every contract's renewal years and renewal flag, then every contract's term years and prepayment, then (in a deal
/// that projects cfads) every lease's rent in its current term, then (in a deal with guarantees) every lease's guarantee due and every contract's guaranteed years, then every holding's receipts and par, then every holding's draws, then (in a deal whose forward tests project a completion index) every index's schedule, then every lease's termination fee, then every contract's broken flag, then (in a deal that projects cfads) every lease's rent and every contract's term years as a break's notice cuts them, then (in a deal with a tranche a scenario may call) every tranche's share called and call price, then every loan's share paid in each period; flags every party's default; scalars every
/// lease's end period, RVG flag and RVG recovery, then every sale's haircut and lag, then every sale's repo-market depth,
/// impact, limit and costs, then every contract's utilisation and re-let utilisation, then every sale's keep-contracts
/// flag and reserve, then every party's recovery, then (in a deal with guarantees) every party's honour share and disowned
/// period, then every holding's sale discount, market depth and price impact, then every facility's value at the
/// closing and every holding's par at the closing, then (in a deal that projects cfads) every lease's notice period and
/// every contract's notice period, then
/// every party's workout lag, then every sale's re-let utilisation and re-let months, then every loan's own workout lag, then
/// every sale's half-life of its price impact, then (in a deal with a tranche a scenario may call) every tranche's share
/// converted, then every sale's weight of the index its yield reads, then every loan's default day, then every sale's
/// re-let ramp end, ramp months, price index, price share and price spread, then every loan's partial-payment share, first
/// and last period, then every lease's RVG value, then every contract's re-let ramp end, ramp months, ramp start day, price
/// index, price share and price spread, then every lease's RVG break terms, then every loan's arrears periods (last, so
/// that the slots before them are where they were before).
/// </summary>
public sealed class InputLayout
{
    static readonly InputQuantity[] SeriesOrder =
    [
        InputQuantity.FacilityValue, InputQuantity.LeaseRent, InputQuantity.IndexLevel,
        InputQuantity.ContractReletYears, InputQuantity.ContractReletLive, InputQuantity.ContractTermination,
        InputQuantity.ContractRenewalYears, InputQuantity.ContractRenewalLive,
        InputQuantity.ContractTermYears, InputQuantity.ContractPrepaid, InputQuantity.LeaseTermRent,
        InputQuantity.LeaseGuaranteeDue, InputQuantity.ContractGuaranteeYears,
        InputQuantity.HoldingReceipts, InputQuantity.HoldingPar, InputQuantity.HoldingDraws, InputQuantity.IndexSchedule,
        InputQuantity.LeaseTermination, InputQuantity.ContractBroken, InputQuantity.LeaseNoticedRent, InputQuantity.ContractNoticedYears,
        InputQuantity.TrancheCallPart, InputQuantity.TrancheCallPrice,
        // Last, so adding it moved no other slot (and no generated C# but a loan's that may pay in part).
        InputQuantity.LoanPaysShareByPeriod,
    ];
    static readonly InputQuantity[] FlagsOrder = [InputQuantity.PartyDefaulted];
    static readonly InputQuantity[] ScalarOrder =
    [
        InputQuantity.LeaseEndPeriod, InputQuantity.RvgApplies, InputQuantity.RvgRecovery,
        InputQuantity.SaleHaircut, InputQuantity.SaleLagMonths,
        InputQuantity.SaleDepth, InputQuantity.SaleImpact, InputQuantity.SaleLimit, InputQuantity.SaleCosts,
        InputQuantity.ContractUtilisation, InputQuantity.ContractReletUtilisation,
        InputQuantity.SaleKeepContracts, InputQuantity.SaleReserve, InputQuantity.PartyRecovery,
        InputQuantity.GuarantorHonour, InputQuantity.GuarantorDisownedPeriod,
        InputQuantity.HoldingSaleDiscount, InputQuantity.HoldingDepth, InputQuantity.HoldingImpact,
        InputQuantity.FacilityClosingValue, InputQuantity.HoldingClosingPar, InputQuantity.LeaseNoticePeriod,
        InputQuantity.ContractNoticePeriod, InputQuantity.PartyWorkoutPeriods,
        // Last, so adding them moved no other slot (and no deal's generated C#): a loan sale's yield, then a re-let's terms.
        InputQuantity.SaleYield,
        InputQuantity.SaleReletUtilisation, InputQuantity.SaleReletMonths,
        InputQuantity.LoanWorkoutPeriods,
        InputQuantity.SaleHalfLifeMonths,
        InputQuantity.TrancheConvertPart,
        InputQuantity.SaleYieldWeight,
        InputQuantity.LoanDefaultDay,
        InputQuantity.SaleReletTo, InputQuantity.SaleReletRampMonths,
        InputQuantity.SaleReletPriceIndex, InputQuantity.SaleReletPriceShare, InputQuantity.SaleReletPriceSpread,
        InputQuantity.LoanPaysFrom, InputQuantity.LoanPaysTo,
        InputQuantity.RvgValue,
        InputQuantity.ContractReletTo, InputQuantity.ContractReletRampMonths, InputQuantity.ContractReletStartDay,
        InputQuantity.ContractReletPriceIndex, InputQuantity.ContractReletPriceShare, InputQuantity.ContractReletPriceSpread,
        InputQuantity.RvgBreakTerms,
        InputQuantity.LoanArrearsPeriods,
    ];

    readonly int[] firstIndex = new int[Enum.GetValues<InputQuantity>().Length];
    readonly int[] count = new int[Enum.GetValues<InputQuantity>().Length];

    InputLayout(int facilities, int leases, int parties, int sales, int indices, int contracts, bool projectsCfads, bool guarantees, int holdings,
        bool projectsCompletion, int tranches, bool trancheCalls, int loans)
    {
        Loans = loans;
        Tranches = tranches;
        TrancheCalls = trancheCalls;
        ProjectsCompletion = projectsCompletion;
        Holdings = holdings;
        ProjectsCfads = projectsCfads;
        Guarantees = guarantees;
        Indices = indices;
        Contracts = contracts;
        Facilities = facilities;
        Leases = leases;
        Parties = parties;
        Sales = sales;
        Series = Number(SeriesOrder);
        Flags = Number(FlagsOrder);
        Scalars = Number(ScalarOrder);
    }

    /// <summary>The layout of a deal with these numbers of facilities, leases, parties, enforcement sales and
    /// market indices (what the compiler calls, from the bound model).</summary>
    public static InputLayout Of(int facilities, int leases, int parties, int sales, int indices = 0, int contracts = 0, bool projectsCfads = false,
        bool guarantees = false, int holdings = 0, bool projectsCompletion = false, int tranches = 0, bool trancheCalls = false, int loans = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(loans);
        ArgumentOutOfRangeException.ThrowIfNegative(tranches);
        ArgumentOutOfRangeException.ThrowIfNegative(holdings);
        ArgumentOutOfRangeException.ThrowIfNegative(contracts);
        ArgumentOutOfRangeException.ThrowIfNegative(indices);
        ArgumentOutOfRangeException.ThrowIfNegative(facilities);
        ArgumentOutOfRangeException.ThrowIfNegative(leases);
        ArgumentOutOfRangeException.ThrowIfNegative(parties);
        ArgumentOutOfRangeException.ThrowIfNegative(sales);
        return new InputLayout(facilities, leases, parties, sales, indices, contracts, projectsCfads, guarantees, holdings, projectsCompletion, tranches,
            trancheCalls, loans);
    }

    /// <summary>The layout of <paramref name="deal"/> (what <see cref="IDealProgram.Inputs"/> publishes).</summary>
    public static InputLayout Of(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Of(deal.Facilities.Length, deal.Leases.Length, deal.Parties.Length, deal.Sales.Length, deal.Indices.Length, deal.Contracts.Length, deal.ProjectsCfads,
            deal.HasGuarantees, deal.Holdings.Length, deal.ProjectsCompletion, deal.Tranches.Length, deal.HasTrancheCalls, deal.Loans.Length);
    }

    public int Facilities { get; }
    public int Leases { get; }
    public int Parties { get; }
    public int Sales { get; }
    public int Indices { get; }
    public int Contracts { get; }
    public int Holdings { get; }
    public int Tranches { get; }
    public int Loans { get; }

    /// <summary>Whether the deal has a tranche a scenario may call (<see cref="DealDescription.HasTrancheCalls"/>: a
    /// convertible, or a plain tranche some scenario calls), hence the tranches' hard-call and conversion slots
    /// (<see cref="InputQuantity.TrancheCallPart"/>, <see cref="InputQuantity.TrancheCallPrice"/>,
    /// <see cref="InputQuantity.TrancheConvertPart"/>).</summary>
    public bool TrancheCalls { get; }

    /// <summary>Whether the leases have <see cref="InputQuantity.LeaseTermRent"/> slots (a deal that projects cfads).</summary>
    public bool ProjectsCfads { get; }

    /// <summary>Whether the indices have <see cref="InputQuantity.IndexSchedule"/> slots (a deal whose forward tests project a
    /// completion index).</summary>
    public bool ProjectsCompletion { get; }

    /// <summary>Whether the deal has guarantees, hence the guarantors' slots (<see cref="InputQuantity.LeaseGuaranteeDue"/>,
    /// <see cref="InputQuantity.GuarantorHonour"/>, <see cref="InputQuantity.GuarantorDisownedPeriod"/>).</summary>
    public bool Guarantees { get; }

    /// <summary>Per-period <c>double</c> series, in <see cref="PathInputs.Series"/> order.</summary>
    public InputSlot[] Series { get; }

    /// <summary>Per-period flags, in <see cref="PathInputs.Flags"/> order.</summary>
    public InputSlot[] Flags { get; }

    /// <summary>One number per path, in <see cref="PathInputs.Scalars"/> order (flags as 0/1, counts as whole numbers).</summary>
    public InputSlot[] Scalars { get; }

    /// <summary>The position of <paramref name="quantity"/>'s first entity in its shape's buffers (its entities follow it,
    /// in order); meaningless for a quantity with no entities, which has no slot.</summary>
    public int FirstOf(InputQuantity quantity) => firstIndex[(int)quantity];

    /// <summary>The position of <paramref name="quantity"/> of entity <paramref name="entity"/> in its shape's buffers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a path source asks it for each row it shares, path after path
    public int IndexOf(InputQuantity quantity, int entity)
    {
        int q = (int)quantity;
        if ((uint)q >= (uint)count.Length || (uint)entity >= (uint)count[q])
        {
            NoSlot(quantity, entity);
        }

        return firstIndex[q] + entity;
    }

    // Apart from IndexOf, so that it inlines small: a formatted message inlined with it costs its caller a zeroed
    // string builder on every call, thrown or not. PathInputs' row views throw it too.
    [DoesNotReturn]
    internal static void NoSlot(InputQuantity quantity, int entity) =>
        throw new ArgumentOutOfRangeException(nameof(entity), entity, $"The deal has no {quantity} slot for entity {entity}.");

    /// <summary>Whether <paramref name="deal"/> has this layout's numbers of entities of every kind.</summary>
    public bool Fits(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.Facilities.Length == Facilities && deal.Leases.Length == Leases
            && deal.Parties.Length == Parties && deal.Sales.Length == Sales && deal.Indices.Length == Indices
            && deal.Contracts.Length == Contracts && deal.ProjectsCfads == ProjectsCfads && deal.HasGuarantees == Guarantees
            && deal.Holdings.Length == Holdings && deal.ProjectsCompletion == ProjectsCompletion
            && deal.HasTrancheCalls == TrancheCalls && (!TrancheCalls || deal.Tranches.Length == Tranches) && deal.Loans.Length == Loans;
    }

    public static InputShape ShapeOf(InputQuantity quantity) => quantity switch
    {
        InputQuantity.FacilityValue or InputQuantity.LeaseRent or InputQuantity.IndexLevel
            or InputQuantity.ContractReletYears or InputQuantity.ContractReletLive or InputQuantity.ContractTermination
            or InputQuantity.ContractRenewalYears or InputQuantity.ContractRenewalLive
            or InputQuantity.ContractTermYears or InputQuantity.ContractPrepaid or InputQuantity.LeaseTermRent
            or InputQuantity.LeaseGuaranteeDue or InputQuantity.ContractGuaranteeYears
            or InputQuantity.HoldingReceipts or InputQuantity.HoldingPar or InputQuantity.HoldingDraws or InputQuantity.IndexSchedule
            or InputQuantity.LeaseTermination or InputQuantity.ContractBroken or InputQuantity.LeaseNoticedRent
            or InputQuantity.ContractNoticedYears or InputQuantity.TrancheCallPart or InputQuantity.TrancheCallPrice
            or InputQuantity.LoanPaysShareByPeriod => InputShape.Series,
        InputQuantity.PartyDefaulted => InputShape.Flags,
        InputQuantity.LeaseEndPeriod or InputQuantity.RvgApplies or InputQuantity.RvgRecovery
            or InputQuantity.SaleHaircut or InputQuantity.SaleLagMonths or InputQuantity.SaleDepth or InputQuantity.SaleImpact
            or InputQuantity.SaleLimit or InputQuantity.SaleCosts or InputQuantity.SaleKeepContracts or InputQuantity.SaleReserve
            or InputQuantity.SaleYield or InputQuantity.ContractUtilisation or InputQuantity.ContractReletUtilisation or InputQuantity.PartyRecovery
            or InputQuantity.GuarantorHonour or InputQuantity.GuarantorDisownedPeriod
            or InputQuantity.HoldingSaleDiscount or InputQuantity.HoldingDepth or InputQuantity.HoldingImpact
            or InputQuantity.FacilityClosingValue or InputQuantity.HoldingClosingPar or InputQuantity.LeaseNoticePeriod
            or InputQuantity.ContractNoticePeriod
            or InputQuantity.PartyWorkoutPeriods or InputQuantity.SaleReletUtilisation or InputQuantity.SaleReletMonths
            or InputQuantity.LoanWorkoutPeriods or InputQuantity.SaleHalfLifeMonths or InputQuantity.TrancheConvertPart
            or InputQuantity.SaleYieldWeight or InputQuantity.LoanDefaultDay or InputQuantity.SaleReletTo or InputQuantity.SaleReletRampMonths
            or InputQuantity.SaleReletPriceIndex or InputQuantity.SaleReletPriceShare or InputQuantity.SaleReletPriceSpread
            or InputQuantity.LoanPaysFrom or InputQuantity.LoanPaysTo
            or InputQuantity.RvgValue
            or InputQuantity.ContractReletTo or InputQuantity.ContractReletRampMonths or InputQuantity.ContractReletStartDay
            or InputQuantity.ContractReletPriceIndex or InputQuantity.ContractReletPriceShare or InputQuantity.ContractReletPriceSpread
            or InputQuantity.RvgBreakTerms
            or InputQuantity.LoanArrearsPeriods => InputShape.Scalar,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown input quantity."),
    };

    public static InputEntity EntityOf(InputQuantity quantity) => quantity switch
    {
        InputQuantity.FacilityValue or InputQuantity.FacilityClosingValue => InputEntity.Facility,
        InputQuantity.LeaseRent or InputQuantity.LeaseEndPeriod or InputQuantity.RvgApplies or InputQuantity.RvgRecovery
            or InputQuantity.LeaseTermRent or InputQuantity.LeaseGuaranteeDue or InputQuantity.LeaseTermination
            or InputQuantity.LeaseNoticedRent or InputQuantity.LeaseNoticePeriod or InputQuantity.RvgValue
            or InputQuantity.RvgBreakTerms => InputEntity.Lease,
        InputQuantity.PartyDefaulted or InputQuantity.PartyRecovery or InputQuantity.GuarantorHonour
            or InputQuantity.GuarantorDisownedPeriod or InputQuantity.PartyWorkoutPeriods => InputEntity.Party,
        InputQuantity.SaleHaircut or InputQuantity.SaleLagMonths or InputQuantity.SaleDepth or InputQuantity.SaleImpact
            or InputQuantity.SaleLimit or InputQuantity.SaleCosts or InputQuantity.SaleKeepContracts or InputQuantity.SaleReserve
            or InputQuantity.SaleYield or InputQuantity.SaleReletUtilisation or InputQuantity.SaleReletMonths
            or InputQuantity.SaleHalfLifeMonths or InputQuantity.SaleYieldWeight or InputQuantity.SaleReletTo or InputQuantity.SaleReletRampMonths
            or InputQuantity.SaleReletPriceIndex or InputQuantity.SaleReletPriceShare or InputQuantity.SaleReletPriceSpread => InputEntity.Sale,
        InputQuantity.IndexLevel or InputQuantity.IndexSchedule => InputEntity.Index,
        InputQuantity.ContractReletYears or InputQuantity.ContractReletLive or InputQuantity.ContractTermination or InputQuantity.ContractUtilisation
            or InputQuantity.ContractReletUtilisation or InputQuantity.ContractRenewalYears or InputQuantity.ContractRenewalLive
            or InputQuantity.ContractTermYears or InputQuantity.ContractPrepaid or InputQuantity.ContractGuaranteeYears
            or InputQuantity.ContractBroken or InputQuantity.ContractNoticedYears or InputQuantity.ContractNoticePeriod
            or InputQuantity.ContractReletTo or InputQuantity.ContractReletRampMonths or InputQuantity.ContractReletStartDay
            or InputQuantity.ContractReletPriceIndex or InputQuantity.ContractReletPriceShare or InputQuantity.ContractReletPriceSpread => InputEntity.Contract,
        InputQuantity.HoldingReceipts or InputQuantity.HoldingPar or InputQuantity.HoldingDraws
            or InputQuantity.HoldingSaleDiscount or InputQuantity.HoldingDepth or InputQuantity.HoldingImpact
            or InputQuantity.HoldingClosingPar => InputEntity.Holding,
        InputQuantity.TrancheCallPart or InputQuantity.TrancheCallPrice or InputQuantity.TrancheConvertPart => InputEntity.Tranche,
        InputQuantity.LoanWorkoutPeriods or InputQuantity.LoanDefaultDay
            or InputQuantity.LoanPaysFrom or InputQuantity.LoanPaysTo
            or InputQuantity.LoanPaysShareByPeriod or InputQuantity.LoanArrearsPeriods => InputEntity.Loan,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown input quantity."),
    };

    int Entities(InputEntity kind) => kind switch
    {
        InputEntity.Facility => Facilities,
        InputEntity.Lease => Leases,
        InputEntity.Party => Parties,
        InputEntity.Sale => Sales,
        InputEntity.Index => Indices,
        InputEntity.Contract => Contracts,
        InputEntity.Holding => Holdings,
        InputEntity.Tranche => Tranches,
        InputEntity.Loan => Loans,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown input entity."),
    };

    InputSlot[] Number(InputQuantity[] order)
    {
        var slots = new List<InputSlot>();
        foreach (InputQuantity quantity in order)
        {
            InputEntity kind = EntityOf(quantity);
            // A lease's rent in its current term, and a lease's rent and a contract's term years as a break's notice
            // cuts them, are inputs only where a forward test projects cfads.
            // A guarantor's inputs only where the deal has guarantees.
            // An index's schedule only where a forward test projects a completion index.
            // A tranche's hard call and partial conversion only where the deal has a tranche a scenario may call.
            int n = (quantity is InputQuantity.LeaseTermRent or InputQuantity.LeaseNoticedRent or InputQuantity.LeaseNoticePeriod
                    or InputQuantity.ContractNoticedYears or InputQuantity.ContractNoticePeriod && !ProjectsCfads)
                || (quantity == InputQuantity.IndexSchedule && !ProjectsCompletion)
                || (quantity is InputQuantity.LeaseGuaranteeDue or InputQuantity.GuarantorHonour or InputQuantity.GuarantorDisownedPeriod
                    or InputQuantity.ContractGuaranteeYears && !Guarantees)
                || (quantity is InputQuantity.TrancheCallPart or InputQuantity.TrancheCallPrice or InputQuantity.TrancheConvertPart && !TrancheCalls)
                ? 0
                : Entities(kind);
            firstIndex[(int)quantity] = slots.Count;
            count[(int)quantity] = n;
            for (int e = 0; e < n; e++)
            {
                slots.Add(new InputSlot(kind, e, quantity, slots.Count));
            }
        }

        return [.. slots];
    }
}
