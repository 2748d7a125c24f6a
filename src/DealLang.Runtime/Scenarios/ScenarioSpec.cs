namespace DealLang.Runtime;

/// <summary>
/// A deterministic scenario as data: the overrides a <c>scenario</c> block makes to the deal's assumptions.
/// Arrays are indexed like the description's parties, facilities and leases; null means "as the deal says". The
/// enforcement overrides apply to every sale; the repo market's (depth, impact, limit, costs, reserve, keep contracts)
/// to those with a market.
/// </summary>
public sealed record ScenarioSpec(
    string Name,
    int?[] RenewalsTaken,
    ValueStress[] FacilityStress,
    double MarketRentDeflation,
    Date?[] PartyDefaults,
    double? EnforcementHaircut,
    int? EnforcementLagMonths,
    double? EnforcementDepth = null,
    double? EnforcementImpact = null,
    double? EnforcementLimit = null,
    double? EnforcementCosts = null)
{
    /// <summary>Per index (the description's order): the scenario's levers on it, null for "as the deal says". Empty
    /// (the default) means no index is touched, so a scenario made before indices existed still fits.</summary>
    public IndexOverride?[] Indices { get; init; } = [];

    /// <summary>Per contract (the description's order): the scenario's levers on it, null for "as the deal says"
    /// (utilisation at the take-or-pay share, units not re-let). Empty (the default) means no contract is touched.</summary>
    public ContractLevers?[] Contracts { get; init; } = [];

    /// <summary>Whether the lender keeps the running compute contracts of every fleet sold into the repo market
    /// (<c>enforcement keep contracts</c>: true; <c>enforcement sell all</c>: false); null for "as each sale says".</summary>
    public bool? EnforcementKeepContracts { get; init; }

    /// <summary>The reserve price per GPU of every sale into the repo market (<c>enforcement reserve 12k per gpu</c>);
    /// null for "as each sale says".</summary>
    public double? EnforcementReserve { get; init; }

    /// <summary>The yield the loans of every sale priced at a yield are sold at (<c>enforcement price yield 16%</c>);
    /// null for "as each sale says".</summary>
    public double? EnforcementYield { get; init; }
    /// <summary>The re-let utilisation of every sale into the repo market that re-lets idle units (<c>enforcement relet
    /// idle at 50% for 3m</c>: 0.5; <c>enforcement not relet idle</c>: 0, no re-let); null for "as each sale says".</summary>
    public double? EnforcementReletUtilisation { get; init; }

    /// <summary>The months of that re-let window (<c>for 3m</c>: 3; without <c>for</c>, −1: until the run's last period),
    /// set with <see cref="EnforcementReletUtilisation"/>; null for "as each sale says".</summary>
    public int? EnforcementReletMonths { get; init; }

    /// <summary>The utilisation that re-let ramps to (<c>rising to 80% over 6m</c>: 0.8), set with
    /// <see cref="EnforcementReletUtilisation"/> (for a flat lever, the utilisation itself); null for "as each sale says".</summary>
    public double? EnforcementReletTo { get; init; }

    /// <summary>The months of that ramp (<c>over 6m</c>: 6; 0 for a flat lever), set with
    /// <see cref="EnforcementReletUtilisation"/>; null for "as each sale says".</summary>
    public int? EnforcementReletRampMonths { get; init; }

    /// <summary>The price of that re-let (<c>price 85% of H100Rent</c>); null for "as each sale says" (a lever without
    /// <c>price</c> keeps each sale's own price).</summary>
    public ReletPrice? EnforcementReletPrice { get; init; }

    /// <summary>The curve that re-let's utilisation follows (<c>enforcement relet idle at curve { 0m 30%  6m 70% }</c>),
    /// set with <see cref="EnforcementReletUtilisation"/> (then its first level, the ramp flat); null for a flat or
    /// straight lever, or for "as each sale says" (docs/language.md §9, "relet-curve").</summary>
    public ReletCurve? EnforcementReletCurve { get; init; }

    /// <summary>The half-life in months of the price impact of every sale into the repo market that carries its impact
    /// (<c>enforcement half_life 6m</c>: 6); null for "as each sale says".</summary>
    public int? EnforcementHalfLifeMonths { get; init; }

    /// <summary>Per party (the description's order): its recovery on this path in place of its <c>recovery</c>,
    /// null for "as the deal says"; empty (the default) for none. A Monte Carlo path sets it from a drawn recovery
    /// (docs/language.md §10, "Stochastic scenarios").</summary>
    public double?[] PartyRecoveries { get; init; } = [];

    /// <summary>Per party (the description's order): the scenario's levers on the guarantees it gives
    /// (<c>Google guarantees honoured 50%</c>, <c>State guarantees disowned from DATE</c>), null for "honoured in full";
    /// empty (the default) for none.</summary>
    public GuarantorLevers?[] Guarantors { get; init; } = [];

    /// <summary>Per holding (the description's order): the scenario's levers on the market its forced sale sells into
    /// (<c>H market discount 20% depth 50m</c>), null for "as the deal says"; empty (the default) for none.</summary>
    public HoldingLevers?[] Holdings { get; init; } = [];

    /// <summary>Per lease (the description's order): the month from its start at which its lessee breaks it (<c>L breaks
    /// at 60m</c>, one of the lease's break dates), null for "not broken"; empty (the default) for none.</summary>
    public int?[] LeaseBreaks { get; init; } = [];

    /// <summary>Per tranche (the description's order): the issuer's hard calls of a convertible (<c>Converts called on DATE
    /// at 101% part 50%</c>), in turn (each in a later period), null for "not called"; empty (the default) for none.</summary>
    public TrancheCall[]?[] TrancheCalls { get; init; } = [];

    /// <summary>Whether this scenario calls tranche <paramref name="tranche"/> (<see cref="TrancheCalls"/>).</summary>
    public bool Calls(int tranche) => tranche < TrancheCalls.Length && TrancheCalls[tranche] is { Length: > 0 };

    /// <summary>Per tranche (the description's order): the share of a convertible's balance its holders convert when the
    /// rule says they convert (<c>Converts converts 60%</c>), null for all of it; empty (the default) for none.</summary>
    public double?[] TrancheConverts { get; init; } = [];

    /// <summary>The share of tranche <paramref name="tranche"/>'s balance its holders convert (1: all of it).</summary>
    public double ConvertPartOf(int tranche) => tranche < TrancheConverts.Length && TrancheConverts[tranche] is { } part ? part : 1.0;

    /// <summary>Per party (the description's order): the workout lag, in whole months, of each loan it owes with a lag
    /// (<c>recovery R after D</c>) in place of D, null for "as each loan says"; empty (the default) for none. A Monte
    /// Carlo path sets it from a drawn workout lag (docs/language.md §10, "Drawn workout lags").</summary>
    public int?[] PartyWorkoutMonths { get; init; } = [];

    /// <summary>Per loan (the description's order): its own workout lag, whole months, in place of its obligor's
    /// (<see cref="PartyWorkoutMonths"/>) and of its own <c>after D</c>, null for "as its obligor's or its own"; empty
    /// (the default) for none. A Monte Carlo path sets it from a loan's drawn workout lag (<c>L workout drawn …</c>).</summary>
    public int?[] LoanWorkoutMonths { get; init; } = [];

    /// <summary>Loan <paramref name="loan"/>'s own workout lag under this scenario, whole months
    /// (<see cref="LoanWorkoutMonths"/>'); −1 for "as its obligor's or its own".</summary>
    public int WorkoutMonthsOfLoan(int loan) =>
        loan < LoanWorkoutMonths.Length && LoanWorkoutMonths[loan] is { } months ? months : -1;

    /// <summary>Per loan (the description's order): its obligor's partial payments (<c>MinerLoan pays 60% from DATE to
    /// DATE</c>, docs/language.md §10, "Partial payments"), one window after another in time order (a restructuring
    /// that steps: <c>pays 40% … then pays 70% …</c>), no two sharing a period and only the last without <c>to</c>
    /// (the checker's DL0590, DL0591); null for "pays in full"; empty (the default) for none. The same on every path of
    /// a stochastic scenario.</summary>
    public PartialPayment[]?[] LoanPayments { get; init; } = [];

    /// <summary>Per loan (the description's order), per window of <see cref="LoanPayments"/>: the share a path drew for
    /// the window (<c>pays beta mean m sd s</c>, docs/language.md §10, "Partial payments"), NaN for the window's own
    /// <see cref="PartialPayment.Share"/>; null for a loan with none drawn; empty (the default) for none. A Monte Carlo
    /// path writes it (its deterministic scenario, StochasticPaths.Drawn, has the shares in its windows instead).</summary>
    public double[]?[] LoanPaymentShares { get; init; } = [];

    /// <summary>The share window <paramref name="window"/> of loan <paramref name="loan"/> pays on this path: the share
    /// drawn for it (<see cref="LoanPaymentShares"/>), else <paramref name="written"/>, the window's own.</summary>
    public double PaymentShareOf(int loan, int window, double written) =>
        loan < LoanPaymentShares.Length && LoanPaymentShares[loan] is { } drawn && window < drawn.Length && !double.IsNaN(drawn[window])
            ? drawn[window]
            : written;

    /// <summary>The re-lets' utilisations a path drew (<see cref="StochasticSpec.ReletUtilisations"/>, docs/language.md §5,
    /// "drawn-relet-utilisation"): two per contract (the description's order), its re-let's level (flat, or its ramp's
    /// start) then its ramp's end, and two last for the scenario's <c>enforcement relet idle</c>; NaN for the one the
    /// scenario writes; empty (the default) for none drawn. A Monte Carlo path writes it (its deterministic scenario,
    /// StochasticPaths.Drawn, has the utilisations in its levers instead).</summary>
    public double[] ReletUtilisationsDrawn { get; init; } = [];

    /// <summary>Where contract <paramref name="contract"/>'s re-let's level (or, with <paramref name="rampEnd"/>, its ramp's
    /// end) is in <see cref="ReletUtilisationsDrawn"/>; null <paramref name="contract"/> for the scenario's
    /// <c>enforcement relet idle</c>, after every contract's (<paramref name="contracts"/> the deal's count).</summary>
    public static int ReletDrawSlot(int? contract, bool rampEnd, int contracts) => (2 * (contract ?? contracts)) + (rampEnd ? 1 : 0);

    /// <summary>The re-let utilisation in slot <paramref name="slot"/> (<see cref="ReletDrawSlot"/>) on this path: the one
    /// drawn, else <paramref name="written"/>, the scenario's own.</summary>
    public double ReletUtilisationOf(int slot, double written) =>
        slot < ReletUtilisationsDrawn.Length && !double.IsNaN(ReletUtilisationsDrawn[slot]) ? ReletUtilisationsDrawn[slot] : written;

    /// <summary>Loan <paramref name="loan"/>'s partial-payment windows under this scenario (<see cref="LoanPayments"/>),
    /// in time order; null when its obligor pays in full.</summary>
    public PartialPayment[]? PaymentsOfLoan(int loan) => loan < LoanPayments.Length ? LoanPayments[loan] : null;

    /// <summary>Party <paramref name="party"/>'s levers as a guarantor under this scenario (<see cref="GuarantorLevers.Honoured"/>
    /// unless it says).</summary>
    public GuarantorLevers GuarantorOf(int party) =>
        party < Guarantors.Length && Guarantors[party] is { } levers ? levers : GuarantorLevers.Honoured;

    /// <summary>Party <paramref name="party"/>'s loans' workout lag under this scenario, whole months
    /// (<see cref="PartyWorkoutMonths"/>'); −1 for "as each loan says".</summary>
    public int WorkoutMonthsOf(int party) =>
        party < PartyWorkoutMonths.Length && PartyWorkoutMonths[party] is { } months ? months : -1;

    /// <summary>Party <paramref name="party"/>'s recovery under this scenario: <see cref="PartyRecoveries"/>' or the party's own.</summary>
    public double RecoveryOf(DealDescription deal, int party)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return party < PartyRecoveries.Length && PartyRecoveries[party] is { } r ? r : deal.Parties[party].Recovery;
    }

        /// <summary>The scenario's stochastic items (a Monte Carlo scenario: docs/language.md §10, "Stochastic
    /// scenarios"); null for a deterministic scenario.</summary>
    public StochasticSpec? Stochastic { get; init; }

    /// <summary>The deal as written: no renewals taken, no stresses, no defaults.</summary>
    public static ScenarioSpec AsWritten(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(
            "AsWritten",
            new int?[deal.Leases.Length],
            [.. deal.Facilities.Select(_ => ValueStress.None)],
            0,
            new Date?[deal.Parties.Length],
            null,
            null);
    }
}

/// <summary>
/// A stress on a facility's value: deflation compounding per year from closing (negative: a growth, <c>grow R</c>
/// being −R), and a drop that falls linearly from 0 at closing to <see cref="DropFraction"/> at <see cref="DropBy"/>
/// and holds after. Both multiply the unstressed curve.
/// </summary>
public sealed record ValueStress(double DeflatePerYear, double DropFraction, Date? DropBy)
{
    public static readonly ValueStress None = new(0, 0, null);
}

/// <summary>
/// A scenario's levers on one index (docs/language.md §10): a new level, drift (a deflation a year, in [−100%, 100%):
/// negative for <c>grow</c>, as in <see cref="IndexInfo"/>) or points replace the deal's (null: as the deal says); added launches step it down besides the deal's own; a shift is added to the level at every
/// date, after everything else (0: none).
/// </summary>
public sealed record IndexOverride(double? Level, double? DeflatePerYear, IndexPoints? Points, IndexLaunch[] AddedLaunches, double Shift)
{
    public static readonly IndexOverride None = new(null, null, null, [], 0);

    /// <summary>The level is read at max(0, level): an index of a price (money, money per unit) or a ratio, which a
    /// shift below zero may take there, while a price never goes there (a rate's index is read as shifted).</summary>
    public bool NeverNegative { get; init; }
}

/// <summary>
/// A scenario's levers on one contract (docs/language.md §10): the utilisation of its hours (null: its take-or-pay
/// share), and whether its units are re-let at the fleet's spot index once it stops (expiry or the customer's
/// default), after <see cref="ReletAfterMonths"/> idle, at <see cref="ReletUtilisation"/> (or on a ramp from it, at a
/// price of its own, docs/language.md §5, "contract-relet-ramp").
/// </summary>
public sealed record ContractLevers(double? Utilisation, bool Relet, int ReletAfterMonths, double ReletUtilisation)
{
    /// <summary>How many of the contract's renewals the customer takes (<c>C renewals taken K</c>); 0 by default.</summary>
    public int RenewalsTaken { get; init; }

    /// <summary>The month from the contract's start at which its customer breaks it (<c>C breaks at 24m</c>, one of the
    /// contract's break dates); null when it does not.</summary>
    public int? BreakMonths { get; init; }

    /// <summary>The utilisation the re-let ramps to (<c>C relet after 3m at 30% rising to 80% over 12m</c>: 0.8), over
    /// <see cref="ReletRampMonths"/> whole months from the re-let's start; unread for a flat re-let (0 months).</summary>
    public double ReletTo { get; init; }

    /// <summary>The months of the re-let's ramp (<c>over 12m</c>: 12); 0 for a flat re-let.</summary>
    public int ReletRampMonths { get; init; }

    /// <summary>The re-let's own price (<c>price 85% of H100Rent</c>); null for the fleet's generation index.</summary>
    public ReletPrice? ReletPrice { get; init; }

    /// <summary>The curve the re-let's utilisation follows from its start (<c>C relet after 3m at curve { 0m 30%  6m 70% }</c>,
    /// <see cref="ReletUtilisation"/> then its first level and the ramp flat); null for a flat or straight re-let
    /// (docs/language.md §5, "contract-relet-curve").</summary>
    public ReletCurve? ReletCurve { get; init; }

    public static readonly ContractLevers None = new(null, false, 0, 0);
}

/// <summary>
/// One window of a loan's obligor paying only part of what falls due (docs/language.md §10, "Partial payments"):
/// <see cref="Share"/> of each period's interest and scheduled principal, interest first, in the periods from the one
/// holding <see cref="From"/> (null: from the first) through the one holding <see cref="To"/> (null: until the loan's
/// maturity or a default); what it leaves unpaid is in arrears, paid in full in the period after <see cref="To"/>'s
/// unless the loan's next window starts in that very period (the arrears then carry on into it).
/// </summary>
public sealed record PartialPayment(double Share, Date? From, Date? To)
{
    /// <summary>The periods the arrears left after this window are repaid over, in equal instalments from the period
    /// after it (a standstill, <c>then arrears over 12m</c>: docs/language.md §10, "Arrears rescheduled"); 1, the default,
    /// repays them at once; 0 capitalises them (<c>then arrears capitalised</c>: principal from the period after it, paid
    /// pro rata with the schedule). Read only on a loan's last window (the checker's DL0597).</summary>
    public int ArrearsPeriods { get; init; } = 1;
}

/// <summary>
/// A scenario's levers on a guarantor (docs/language.md §10): the share of what falls due that it pays
/// (<see cref="Honour"/>, 1 when honoured in full), and whether it disowns its guarantees (<see cref="Disowned"/>),
/// from <see cref="From"/> on (null: from the closing). A guarantor that disowns pays nothing from that date.
/// </summary>
public sealed record GuarantorLevers(double Honour, bool Disowned, Date? From)
{
    public static readonly GuarantorLevers Honoured = new(1.0, false, null);
}

/// <summary>
/// An issuer's hard call of a convertible tranche (docs/language.md §5, "The issuer's hard call"): at the start of the
/// period holding <see cref="On"/> the holder converts when its shares are worth more than the cash offered, else the
/// whole balance is due in cash at <see cref="Price"/>, a share of the principal (1: par). A partial call calls
/// <see cref="Part"/> of the balance (1: all of it), and the rest runs on. A call of notes with a call schedule has the
/// price of the step in force on <see cref="On"/>; one before the first step is <see cref="MakeWhole"/> (its price, 1 here,
/// is worked out in the run, docs/language.md §5 "The make-whole price"). <see cref="On"/> (and each step's date) is the
/// day the call is paid, which the run places against the periods' ends as paid: with business days the compiler
/// lowers a written date to it (docs/language.md §4, "Business days", dated terms), so a call on a Saturday quarter end
/// paid on the Friday before is that quarter's.
/// </summary>
public sealed record TrancheCall(Date On, double Price, double Part = 1.0)
{
    /// <summary>Whether the call is made before the notes' first call date at the make-whole price, which the period
    /// loop works out at the call period's start (the price series then reads 0, "priced in the run"). Of a call decided
    /// in the run (<see cref="When"/>): whether the notes' call schedule has a make-whole, so that a call before its
    /// first step is made at that price rather than waiting for the step.</summary>
    public bool MakeWhole { get; init; }

    /// <summary>A call decided in the run (docs/language.md §10, "A call decided in the run"): made in the first period,
    /// from the one holding <see cref="On"/> (the <c>from</c> date, else the closing), whose start's index levels make the
    /// condition hold; null for a call on the date <see cref="On"/>.</summary>
    public CallCondition? When { get; init; }

    /// <summary>Of a call decided in the run of notes with a call schedule: each step's first date and its price, in
    /// order (empty without a schedule: the call is at <see cref="Price"/>). The run prices the call as one on the end of
    /// its period.</summary>
    public CallStepPrice[] Steps { get; init; } = [];
}

/// <summary>A call schedule's step as a run reads it: from <see cref="From"/> on, the notes are called at <see cref="Price"/>.</summary>
public sealed record CallStepPrice(Date From, double Price);

/// <summary>
/// The condition of a call decided in the run: the sum of <see cref="Signs"/>[k] × the level of index
/// <see cref="Indices"/>[k], plus <see cref="Constant"/>, below <see cref="Below"/> (or at it, <see cref="OrEqual"/>),
/// read at a period's start (<c>UST5Y + 3% &lt; 8%</c>: index UST5Y, sign 1, constant 3%, below 8%).
/// </summary>
public sealed record CallCondition(int[] Indices, double[] Signs, double Constant, double Below, bool OrEqual)
{
    /// <summary>Whether the condition holds at the start of period <paramref name="t"/> of <paramref name="levels"/>
    /// (each index's level at each period's start).</summary>
    public bool HoldsAt(double[][] levels, int t)
    {
        double rate = Constant;
        for (int k = 0; k < Indices.Length; k++)
        {
            rate += Signs[k] * levels[Indices[k]][t];
        }

        return OrEqual ? rate <= Below : rate < Below;
    }
}

/// <summary>
/// A scenario's levers on the market a holding's forced sale sells into (docs/language.md §10): each term given
/// replaces the holding's own (null: as the deal says).
/// </summary>
public sealed record HoldingLevers(double? Discount, double? Depth, double? Impact)
{
    public static readonly HoldingLevers None = new(null, null, null);
}
