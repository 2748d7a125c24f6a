using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// Everything scenario-dependent that the period loop reads, precomputed before the loop (so that no
/// curve evaluation, dictionary or string work is done inside it), in the numbered slots of an <see cref="InputLayout"/>:
/// <see cref="Series"/> (a <c>double</c> per period), <see cref="Flags"/> (a <c>bool</c> per period) and
/// <see cref="Scalars"/> (a number per path). Allocated once per deal and refilled per path by a path source.
/// The per-kind properties (<see cref="FacilityValue"/> … <see cref="SaleLagMonths"/>) are views of the same
/// buffers, made once here, for code that thinks per kind.
/// </summary>
public sealed class PathInputs
{
    /// <summary>Buffers for every slot of <paramref name="deal"/>'s layout (<see cref="InputLayout.Of(DealDescription)"/>).</summary>
    public PathInputs(DealDescription deal)
        : this(deal, InputLayout.Of(deal))
    {
    }

    /// <summary>Buffers for every slot of <paramref name="layout"/>, each series <paramref name="deal"/>'s periods long.</summary>
    public PathInputs(DealDescription deal, InputLayout layout)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(layout);
        if (!layout.Fits(deal))
        {
            throw new ArgumentException($"The input layout was made for another deal than '{deal.Name}'.", nameof(layout));
        }

        int n = deal.Periods;
        Layout = layout;
        Series = Arrays.Jagged<double>(layout.Series.Length, n);
        ownedSeries = (double[][])Series.Clone();
        seriesFirst = new int[Enum.GetValues<InputQuantity>().Length];
        foreach (InputQuantity quantity in Enum.GetValues<InputQuantity>())
        {
            seriesFirst[(int)quantity] = layout.FirstOf(quantity);
        }
        Flags = Arrays.Jagged<bool>(layout.Flags.Length, n);
        periods = n;
        Scalars = new double[layout.Scalars.Length];

        FacilityValue = Rows(Series, layout, InputQuantity.FacilityValue, layout.Facilities);
        LeaseRent = Rows(Series, layout, InputQuantity.LeaseRent, layout.Leases);
        IndexLevel = Rows(Series, layout, InputQuantity.IndexLevel, layout.Indices);
        PartyDefaulted = Rows(Flags, layout, InputQuantity.PartyDefaulted, layout.Parties);
        partyDefaultedFirst = First(layout, InputQuantity.PartyDefaulted, layout.Parties);
        LeaseEndPeriod = new IntSlots(Scalars, First(layout, InputQuantity.LeaseEndPeriod, layout.Leases), layout.Leases);
        RvgApplies = new FlagSlots(Scalars, First(layout, InputQuantity.RvgApplies, layout.Leases), layout.Leases);
        RvgRecovery = new DoubleSlots(Scalars, First(layout, InputQuantity.RvgRecovery, layout.Leases), layout.Leases);
        RvgValue = new DoubleSlots(Scalars, First(layout, InputQuantity.RvgValue, layout.Leases), layout.Leases);
        RvgBreakTerms = new IntSlots(Scalars, First(layout, InputQuantity.RvgBreakTerms, layout.Leases), layout.Leases);
        SaleHaircut = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleHaircut, layout.Sales), layout.Sales);
        SaleLagMonths = new IntSlots(Scalars, First(layout, InputQuantity.SaleLagMonths, layout.Sales), layout.Sales);
        SaleDepth = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleDepth, layout.Sales), layout.Sales);
        SaleImpact = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleImpact, layout.Sales), layout.Sales);
        SaleLimit = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleLimit, layout.Sales), layout.Sales);
        SaleCosts = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleCosts, layout.Sales), layout.Sales);
        SaleKeepContracts = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleKeepContracts, layout.Sales), layout.Sales);
        SaleReserve = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleReserve, layout.Sales), layout.Sales);
        SaleYield = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleYield, layout.Sales), layout.Sales);
        SaleReletUtilisation = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleReletUtilisation, layout.Sales), layout.Sales);
        SaleReletMonths = new IntSlots(Scalars, First(layout, InputQuantity.SaleReletMonths, layout.Sales), layout.Sales);
        SaleHalfLifeMonths = new IntSlots(Scalars, First(layout, InputQuantity.SaleHalfLifeMonths, layout.Sales), layout.Sales);
        SaleYieldWeight = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleYieldWeight, layout.Sales), layout.Sales);
        SaleReletTo = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleReletTo, layout.Sales), layout.Sales);
        SaleReletRampMonths = new IntSlots(Scalars, First(layout, InputQuantity.SaleReletRampMonths, layout.Sales), layout.Sales);
        SaleReletPriceIndex = new IntSlots(Scalars, First(layout, InputQuantity.SaleReletPriceIndex, layout.Sales), layout.Sales);
        SaleReletPriceShare = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleReletPriceShare, layout.Sales), layout.Sales);
        SaleReletPriceSpread = new DoubleSlots(Scalars, First(layout, InputQuantity.SaleReletPriceSpread, layout.Sales), layout.Sales);
        SaleReletCurve = new ReletCurve?[layout.Sales];
        ContractReletCurve = new ReletCurve?[layout.Contracts];
        PartyRecovery = new DoubleSlots(Scalars, First(layout, InputQuantity.PartyRecovery, layout.Parties), layout.Parties);
        PartyWorkoutPeriods = new IntSlots(Scalars, First(layout, InputQuantity.PartyWorkoutPeriods, layout.Parties), layout.Parties);
        LoanWorkoutPeriods = new IntSlots(Scalars, First(layout, InputQuantity.LoanWorkoutPeriods, layout.Loans), layout.Loans);
        LoanDefaultDay = new IntSlots(Scalars, First(layout, InputQuantity.LoanDefaultDay, layout.Loans), layout.Loans);
        LoanPaysFrom = new IntSlots(Scalars, First(layout, InputQuantity.LoanPaysFrom, layout.Loans), layout.Loans);
        LoanPaysTo = new IntSlots(Scalars, First(layout, InputQuantity.LoanPaysTo, layout.Loans), layout.Loans);
        LoanArrearsPeriods = new IntSlots(Scalars, First(layout, InputQuantity.LoanArrearsPeriods, layout.Loans), layout.Loans);
        LoanPaysShareByPeriod = Rows(Series, layout, InputQuantity.LoanPaysShareByPeriod, layout.Loans);
        ContractReletYears = Rows(Series, layout, InputQuantity.ContractReletYears, layout.Contracts);
        ContractReletLive = Rows(Series, layout, InputQuantity.ContractReletLive, layout.Contracts);
        ContractTermination = Rows(Series, layout, InputQuantity.ContractTermination, layout.Contracts);
        ContractRenewalYears = Rows(Series, layout, InputQuantity.ContractRenewalYears, layout.Contracts);
        ContractRenewalLive = Rows(Series, layout, InputQuantity.ContractRenewalLive, layout.Contracts);
        ContractTermYears = Rows(Series, layout, InputQuantity.ContractTermYears, layout.Contracts);
        ContractPrepaid = Rows(Series, layout, InputQuantity.ContractPrepaid, layout.Contracts);
        HoldingReceipts = Rows(Series, layout, InputQuantity.HoldingReceipts, layout.Holdings);
        HoldingPar = Rows(Series, layout, InputQuantity.HoldingPar, layout.Holdings);
        HoldingDraws = Rows(Series, layout, InputQuantity.HoldingDraws, layout.Holdings);
        LeaseTermRent = Rows(Series, layout, InputQuantity.LeaseTermRent, layout.ProjectsCfads ? layout.Leases : 0);
        LeaseNoticedRent = Rows(Series, layout, InputQuantity.LeaseNoticedRent, layout.ProjectsCfads ? layout.Leases : 0);
        int noticed = layout.ProjectsCfads ? layout.Leases : 0;
        LeaseNoticePeriod = new IntSlots(Scalars, First(layout, InputQuantity.LeaseNoticePeriod, noticed), noticed);
        ContractNoticedYears = Rows(Series, layout, InputQuantity.ContractNoticedYears, layout.ProjectsCfads ? layout.Contracts : 0);
        int noticedContracts = layout.ProjectsCfads ? layout.Contracts : 0;
        ContractNoticePeriod = new IntSlots(Scalars, First(layout, InputQuantity.ContractNoticePeriod, noticedContracts), noticedContracts);
        IndexSchedule = Rows(Series, layout, InputQuantity.IndexSchedule, layout.ProjectsCompletion ? layout.Indices : 0);
        LeaseGuaranteeDue = Rows(Series, layout, InputQuantity.LeaseGuaranteeDue, layout.Guarantees ? layout.Leases : 0);
        ContractGuaranteeYears = Rows(Series, layout, InputQuantity.ContractGuaranteeYears, layout.Guarantees ? layout.Contracts : 0);
        LeaseTermination = Rows(Series, layout, InputQuantity.LeaseTermination, layout.Leases);
        ContractBroken = Rows(Series, layout, InputQuantity.ContractBroken, layout.Contracts);
        int guarantors = layout.Guarantees ? layout.Parties : 0;
        GuarantorHonour = new DoubleSlots(Scalars, First(layout, InputQuantity.GuarantorHonour, guarantors), guarantors);
        GuarantorDisownedPeriod = new IntSlots(Scalars, First(layout, InputQuantity.GuarantorDisownedPeriod, guarantors), guarantors);
        ContractUtilisation = new DoubleSlots(Scalars, First(layout, InputQuantity.ContractUtilisation, layout.Contracts), layout.Contracts);
        ContractReletUtilisation = new DoubleSlots(Scalars, First(layout, InputQuantity.ContractReletUtilisation, layout.Contracts), layout.Contracts);
        ContractReletTo = new DoubleSlots(Scalars, First(layout, InputQuantity.ContractReletTo, layout.Contracts), layout.Contracts);
        ContractReletRampMonths = new IntSlots(Scalars, First(layout, InputQuantity.ContractReletRampMonths, layout.Contracts), layout.Contracts);
        ContractReletStartDay = new IntSlots(Scalars, First(layout, InputQuantity.ContractReletStartDay, layout.Contracts), layout.Contracts);
        ContractReletPriceIndex = new IntSlots(Scalars, First(layout, InputQuantity.ContractReletPriceIndex, layout.Contracts), layout.Contracts);
        ContractReletPriceShare = new DoubleSlots(Scalars, First(layout, InputQuantity.ContractReletPriceShare, layout.Contracts), layout.Contracts);
        ContractReletPriceSpread = new DoubleSlots(Scalars, First(layout, InputQuantity.ContractReletPriceSpread, layout.Contracts), layout.Contracts);
        HoldingSaleDiscount = new DoubleSlots(Scalars, First(layout, InputQuantity.HoldingSaleDiscount, layout.Holdings), layout.Holdings);
        HoldingDepth = new DoubleSlots(Scalars, First(layout, InputQuantity.HoldingDepth, layout.Holdings), layout.Holdings);
        HoldingImpact = new DoubleSlots(Scalars, First(layout, InputQuantity.HoldingImpact, layout.Holdings), layout.Holdings);
        FacilityClosingValue = new DoubleSlots(Scalars, First(layout, InputQuantity.FacilityClosingValue, layout.Facilities), layout.Facilities);
        HoldingClosingPar = new DoubleSlots(Scalars, First(layout, InputQuantity.HoldingClosingPar, layout.Holdings), layout.Holdings);
        int callable = layout.TrancheCalls ? layout.Tranches : 0;
        TrancheCallPart = Rows(Series, layout, InputQuantity.TrancheCallPart, callable);
        TrancheCallPrice = Rows(Series, layout, InputQuantity.TrancheCallPrice, callable);
        TrancheConvertPart = new DoubleSlots(Scalars, First(layout, InputQuantity.TrancheConvertPart, callable), callable);
        contractRowFirst = [.. ContractRowSet.Quantities.Select(q => seriesFirst[(int)q])];
        contractRowViews = [.. ContractRowSet.Quantities.Select(ContractView)];
    }

    // The series buffers made here. A path source may point a slot at a read-only row of its own instead (ShareLeaseRent,
    // ShareFacilityValue, ShareIndexLevel, ShareContractRow); writing goes back to the slot's own buffer first
    // (OwnLeaseRent, OwnFacilityValue, OwnIndexLevel, OwnContractRow).
    readonly double[][] ownedSeries;

    // [series quantity]: the slot of its first entity (Layout.FirstOf; read only through a view of its entities).
    readonly int[] seriesFirst;

    // The deal's periods, every flag row's length, and the slot of the first party's default flags (SharePartyDefaulted).
    readonly int periods;
    readonly int partyDefaultedFirst;

    // [ContractRowSet's position]: its quantity's first slot and its view (ShareContractRows).
    readonly int[] contractRowFirst;
    readonly double[][][] contractRowViews;

    /// <summary>What each slot holds.</summary>
    public InputLayout Layout { get; }

    /// <summary>[series slot][t]. After a path source's fill a row may be one it shares read-only across paths
    /// (<see cref="ShareLeaseRent"/>): read them, never write them (the period loop only reads).</summary>
    public double[][] Series { get; }

    /// <summary>[flag slot][t].</summary>
    public bool[][] Flags { get; }

    /// <summary>[scalar slot]: flags as 1/0, periods and months as whole numbers.</summary>
    public double[] Scalars { get; }

    /// <summary>Name of the scenario (or path) these inputs were built from.</summary>
    public string Scenario { get; set; } = "";

    /// <summary>[facility][t]: market value at the end of period t, after scenario stresses (series slots).</summary>
    public double[][] FacilityValue { get; }

    /// <summary>[lease][t]: rent accrued in period t (zero before start, after the end or the lessee's default).</summary>
    public double[][] LeaseRent { get; }

    /// <summary>[index][t]: the index's level at the start of period t, after the scenario's levers (series slots).</summary>
    public double[][] IndexLevel { get; }

    /// <summary>[index][t], in a deal whose forward tests project a completion index (else empty): the index's level at
    /// the start of period t under the scenario's levers alone, without a stochastic scenario's draws
    /// (<see cref="InputQuantity.IndexSchedule"/>).</summary>
    public double[][] IndexSchedule { get; }

    /// <summary>[lease]: the period in which the lease ends (by expiry or lessee default); -1 if it runs past the horizon.</summary>
    public IntSlots LeaseEndPeriod { get; }

    /// <summary>[lease]: whether the lease's end falls inside its residual value guarantee window.</summary>
    public FlagSlots RvgApplies { get; }

    /// <summary>[lease]: the share of the RVG claim actually paid: 1, or the lessee's recovery if the lessee defaulted.</summary>
    public DoubleSlots RvgRecovery { get; }

    /// <summary>[lease]: the facility's value on the day the lease ends, what its RVG is measured against (<see cref="InputQuantity.RvgValue"/>).</summary>
    public DoubleSlots RvgValue { get; }

    /// <summary>[lease]: whose RVG terms answer for its end: 0 the lease's, 1 its initial term's break's, 2 its renewal terms'
    /// break's (<see cref="InputQuantity.RvgBreakTerms"/>).</summary>
    public IntSlots RvgBreakTerms { get; }

    /// <summary>[party][t]: whether the party has defaulted by the end of period t (flag slots). After a path source's fill a
    /// row may be one it shares read-only across paths (<see cref="SharePartyDefaulted"/>): read them, never write them.</summary>
    public bool[][] PartyDefaulted { get; }

    /// <summary>Per party, its recovery on this path (<see cref="InputQuantity.PartyRecovery"/>).</summary>
    public DoubleSlots PartyRecovery { get; }

    /// <summary>Per party, its loans' workout lag in periods on this path, −1 for each loan's own
    /// (<see cref="InputQuantity.PartyWorkoutPeriods"/>).</summary>
    public IntSlots PartyWorkoutPeriods { get; }

    /// <summary>Per loan, its own workout lag in periods on this path, −1 for its obligor's or its own
    /// (<see cref="InputQuantity.LoanWorkoutPeriods"/>).</summary>
    public IntSlots LoanWorkoutPeriods { get; }

    /// <summary>Per loan, the days from the closing to its obligor's default date on this path, −1 without one
    /// (<see cref="InputQuantity.LoanDefaultDay"/>).</summary>
    public IntSlots LoanDefaultDay { get; }

    /// <summary>Per loan: the first window's first period, −1 without one (<see cref="InputQuantity.LoanPaysFrom"/>).</summary>
    public IntSlots LoanPaysFrom { get; }

    /// <summary>Per loan: the last window's last period, −1 for "to the maturity" (<see cref="InputQuantity.LoanPaysTo"/>).</summary>
    public IntSlots LoanPaysTo { get; }

    /// <summary>Per loan: the periods the last window's arrears are repaid over, 1 for at once
    /// (<see cref="InputQuantity.LoanArrearsPeriods"/>).</summary>
    public IntSlots LoanArrearsPeriods { get; }

    /// <summary>Per loan: the share its obligor pays in each period, −1 in a period in no window
    /// (<see cref="InputQuantity.LoanPaysShareByPeriod"/>). A path source shares one read-only row of −1 with every path
    /// whose obligor pays in full (<see cref="ShareLoanPaysShareByPeriod"/>).</summary>
    public double[][] LoanPaysShareByPeriod { get; }

    /// <summary>Per lease, in a deal with guarantees: the rent its lessee's default leaves unpaid, per period
    /// (<see cref="InputQuantity.LeaseGuaranteeDue"/>); empty otherwise.</summary>
    public double[][] LeaseGuaranteeDue { get; }

    /// <summary>Per contract, in a deal with guarantees: its term's years its customer's default took away, per period
    /// (<see cref="InputQuantity.ContractGuaranteeYears"/>); empty otherwise.</summary>
    public double[][] ContractGuaranteeYears { get; }

    /// <summary>Per party, in a deal with guarantees: the share of what falls due it pays as a guarantor
    /// (<see cref="InputQuantity.GuarantorHonour"/>).</summary>
    public DoubleSlots GuarantorHonour { get; }

    /// <summary>Per party, in a deal with guarantees: the first period it pays nothing as a guarantor, −1 for none
    /// (<see cref="InputQuantity.GuarantorDisownedPeriod"/>).</summary>
    public IntSlots GuarantorDisownedPeriod { get; }

    /// <summary>[sale]: enforcement haircut after scenario overrides.</summary>
    public DoubleSlots SaleHaircut { get; }

    /// <summary>[sale]: months from the event of default to the sale, after scenario overrides.</summary>
    public IntSlots SaleLagMonths { get; }

    /// <summary>[sale]: the repo market's depth (GPUs a month) after scenario overrides; 0 without a market.</summary>
    public DoubleSlots SaleDepth { get; }

    /// <summary>[sale]: the repo market's price impact after scenario overrides.</summary>
    public DoubleSlots SaleImpact { get; }

    /// <summary>[sale]: the most GPUs sold a month after scenario overrides.</summary>
    public DoubleSlots SaleLimit { get; }

    /// <summary>[sale]: removal and transport costs per GPU after scenario overrides.</summary>
    public DoubleSlots SaleCosts { get; }

    /// <summary>[sale]: 1 when the lender keeps the sold fleet's running contracts, after scenario overrides; 0 otherwise.</summary>
    public DoubleSlots SaleKeepContracts { get; }

    /// <summary>[sale]: the reserve price per GPU after scenario overrides; 0 for none.</summary>
    public DoubleSlots SaleReserve { get; }

    /// <summary>[sale]: the yield its loans are priced at after scenario overrides (for a yield that reads an index, its
    /// constant part: the spread); 0 for a sale priced at no yield.</summary>
    public DoubleSlots SaleYield { get; }

    /// <summary>[sale]: the weight of the index its yield reads (<see cref="InputQuantity.SaleYieldWeight"/>): 1 for the
    /// deal's own yield, 0 under a scenario's constant yield or for a yield that reads no index.</summary>
    public DoubleSlots SaleYieldWeight { get; }
    /// <summary>[sale]: the utilisation at which a sale into the market re-lets the fleet's free units, after scenario
    /// overrides; 0 for none.</summary>
    public DoubleSlots SaleReletUtilisation { get; }

    /// <summary>[sale]: the months of the re-let window from the sale date, after scenario overrides; −1 until the run's
    /// last period.</summary>
    public IntSlots SaleReletMonths { get; }

    /// <summary>[sale]: the utilisation the re-let ramps to, after scenario overrides (<see cref="InputQuantity.SaleReletTo"/>).</summary>
    public DoubleSlots SaleReletTo { get; }

    /// <summary>[sale]: the months of the re-let's ramp from the sale date, after scenario overrides; 0 for a flat re-let.</summary>
    public IntSlots SaleReletRampMonths { get; }

    /// <summary>[sale]: the number of the index the re-let is priced at, after scenario overrides.</summary>
    public IntSlots SaleReletPriceIndex { get; }

    /// <summary>[sale]: the share of that index the re-let is priced at, after scenario overrides.</summary>
    public DoubleSlots SaleReletPriceShare { get; }

    /// <summary>[sale]: the constant (money per GPU-hour) added to it, after scenario overrides.</summary>
    public DoubleSlots SaleReletPriceSpread { get; }

    /// <summary>[sale]: the curve its re-let's utilisation follows on this path (docs/language.md §9, "relet-curve"),
    /// null for a flat or straight re-let (or none). Not a numbered slot: a curve has as many points as it is written
    /// with. Set by the path source beside the sale's re-let slots and read only by a loop whose re-lets are shaped
    /// (<see cref="DealDescription.ShapesSaleRelets"/>); shared, never written, by the paths.</summary>
    public ReletCurve?[] SaleReletCurve { get; }

    /// <summary>[contract]: the curve its re-let's utilisation follows from its start (docs/language.md §5,
    /// "contract-relet-curve"), null for a flat or straight re-let (or none), read as <see cref="SaleReletCurve"/> is by a
    /// loop whose contract's re-let is shaped (<see cref="ContractInfo.ReletShaped"/>).</summary>
    public ReletCurve?[] ContractReletCurve { get; }

    /// <summary>[sale]: the half-life in months of the price impact a sale into the market carries, after scenario
    /// overrides; 0 for none.</summary>
    public IntSlots SaleHalfLifeMonths { get; }

    /// <summary>When set, the period loop verifies cash conservation every period and throws
    /// <see cref="CashConservationException"/> on a break (the tests and every `deallang run`).</summary>
    /// <summary>Per contract: the years of each period its units are re-let (<see cref="InputQuantity.ContractReletYears"/>).</summary>
    public double[][] ContractReletYears { get; }

    /// <summary>Per contract: 1 when its units are re-let at each period's end (<see cref="InputQuantity.ContractReletLive"/>).</summary>
    public double[][] ContractReletLive { get; }

    /// <summary>Per lease: the termination fee received in each period (<see cref="InputQuantity.LeaseTermination"/>), its
    /// own row, written by every path.</summary>
    public double[][] LeaseTermination { get; }

    /// <summary>Per contract: the termination fee received in each period (<see cref="InputQuantity.ContractTermination"/>).</summary>
    public double[][] ContractTermination { get; }

    /// <summary>Per contract: the years of each period inside the renewals taken (<see cref="InputQuantity.ContractRenewalYears"/>).</summary>
    public double[][] ContractRenewalYears { get; }

    /// <summary>Per contract: 1 when a renewal taken runs at each period's end (<see cref="InputQuantity.ContractRenewalLive"/>).</summary>
    public double[][] ContractRenewalLive { get; }

    /// <summary>Per contract: the years of each period in its term, up to its customer's default (<see cref="InputQuantity.ContractTermYears"/>).</summary>
    public double[][] ContractTermYears { get; }

    /// <summary>Per contract: the prepayment received in each period (<see cref="InputQuantity.ContractPrepaid"/>).</summary>
    public double[][] ContractPrepaid { get; }

    /// <summary>Per contract: 1 from the period its customer breaks it in (<see cref="InputQuantity.ContractBroken"/>).</summary>
    public double[][] ContractBroken { get; }

    /// <summary>Per holding: what the held entity paid it in each period (<see cref="InputQuantity.HoldingReceipts"/>).</summary>
    public double[][] HoldingReceipts { get; }

    /// <summary>Per holding: its par at each period's end (<see cref="InputQuantity.HoldingPar"/>).</summary>
    public double[][] HoldingPar { get; }

    /// <summary>Per holding: its share of the held delayed draw's draws in each period, what it pays
    /// (<see cref="InputQuantity.HoldingDraws"/>).</summary>
    public double[][] HoldingDraws { get; }

    /// <summary>Per lease, in a deal that projects cfads (else empty): the rent of each period in its current term
    /// (<see cref="InputQuantity.LeaseTermRent"/>).</summary>
    public double[][] LeaseTermRent { get; }

    /// <summary>Per lease, in a deal that projects cfads (else empty): its rent cut on the break date once notice of the
    /// break is served (<see cref="InputQuantity.LeaseNoticedRent"/>).</summary>
    public double[][] LeaseNoticedRent { get; }

    /// <summary>Per lease, in a deal that projects cfads (else none): the period its break's notice is served in, −1
    /// when none is (<see cref="InputQuantity.LeaseNoticePeriod"/>).</summary>
    public IntSlots LeaseNoticePeriod { get; }

    /// <summary>Per contract, in a deal that projects cfads (else empty): the years of each period in its term cut on the
    /// break date once notice of the break is served (<see cref="InputQuantity.ContractNoticedYears"/>).</summary>
    public double[][] ContractNoticedYears { get; }

    /// <summary>Per contract, in a deal that projects cfads (else none): the period its break's notice is served in, −1
    /// when none is (<see cref="InputQuantity.ContractNoticePeriod"/>).</summary>
    public IntSlots ContractNoticePeriod { get; }

    /// <summary>Per contract: the scenario's utilisation of its hours.</summary>
    public DoubleSlots ContractUtilisation { get; }

    /// <summary>Per contract: the utilisation of its units once re-let.</summary>
    public DoubleSlots ContractReletUtilisation { get; }

    /// <summary>[contract]: the utilisation its re-let ramps to (<see cref="InputQuantity.ContractReletTo"/>).</summary>
    public DoubleSlots ContractReletTo { get; }

    /// <summary>[contract]: the months of its re-let's ramp; 0 for a flat re-let.</summary>
    public IntSlots ContractReletRampMonths { get; }

    /// <summary>[contract]: the days from the closing to its re-let's start on this path (read only with a ramp).</summary>
    public IntSlots ContractReletStartDay { get; }

    /// <summary>[contract]: the number of the index its re-let is priced at.</summary>
    public IntSlots ContractReletPriceIndex { get; }

    /// <summary>[contract]: the share of that index its re-let is priced at.</summary>
    public DoubleSlots ContractReletPriceShare { get; }

    /// <summary>[contract]: the constant (money per GPU-hour) added to it.</summary>
    public DoubleSlots ContractReletPriceSpread { get; }

    /// <summary>Per holding: the discount to its mark of a forced sale on this path (<see cref="InputQuantity.HoldingSaleDiscount"/>).</summary>
    public DoubleSlots HoldingSaleDiscount { get; }

    /// <summary>Per holding: its market's depth, marked value a period (<see cref="InputQuantity.HoldingDepth"/>).</summary>
    public DoubleSlots HoldingDepth { get; }

    /// <summary>Per holding: its market's price impact at a sale of the whole depth (<see cref="InputQuantity.HoldingImpact"/>).</summary>
    public DoubleSlots HoldingImpact { get; }

    /// <summary>Per facility: its market value at the closing date, after the scenario's stresses at that date
    /// (<see cref="InputQuantity.FacilityClosingValue"/>): the value a coupon reads at the start of the first period.</summary>
    public DoubleSlots FacilityClosingValue { get; }

    /// <summary>Per holding: its par at the closing date (<see cref="InputQuantity.HoldingClosingPar"/>).</summary>
    public DoubleSlots HoldingClosingPar { get; }

    /// <summary>[tranche][t], in a deal with a tranche a scenario may call (else none): the share of the balance the scenario's issuer
    /// calls in period t, 0 when it does not call (<see cref="InputQuantity.TrancheCallPart"/>).</summary>
    public double[][] TrancheCallPart { get; }

    /// <summary>[tranche][t], in a deal with a convertible (else none): the hard call's price in period t, a share of the
    /// principal (<see cref="InputQuantity.TrancheCallPrice"/>).</summary>
    public double[][] TrancheCallPrice { get; }

    /// <summary>Per tranche, in a deal with a convertible (else none): the share of the balance its holders convert
    /// (<see cref="InputQuantity.TrancheConvertPart"/>).</summary>
    public DoubleSlots TrancheConvertPart { get; }

    public bool CheckCashConservation { get; set; }

    /// <summary>What the path source that fills these buffers keeps with them between paths (its memo of numbers
    /// computed on earlier paths, Runner.Paths.ScenarioPaths; a Monte Carlo source's work arrays,
    /// Runner.MonteCarlo.StochasticPaths): found here in a load, where a table keyed by the
    /// buffers costs a lookup on every path. The loop never reads it; a source checks that what it finds is its own
    /// (another source may have filled these buffers since).</summary>
    public object? SourceMemo { get; set; }

    /// <summary>Lease <paramref name="lease"/>'s rent row for this path is <paramref name="row"/> itself, a row its path
    /// source computed once and shares, read-only, with every path it leaves unchanged: no copy. The slot and its
    /// <see cref="LeaseRent"/> view point at it until <see cref="OwnLeaseRent"/>.</summary>
    public void ShareLeaseRent(int lease, double[] row) => Share(LeaseRent, lease, InputQuantity.LeaseRent, row);

    /// <summary>Lease <paramref name="lease"/>'s own rent buffer, for writing this path's rents into: the slot and its
    /// view point at it again.</summary>
    public double[] OwnLeaseRent(int lease) => Own(LeaseRent, lease, InputQuantity.LeaseRent);

    /// <summary>As <see cref="ShareLeaseRent"/>, for facility <paramref name="facility"/>'s value row.</summary>
    public void ShareFacilityValue(int facility, double[] row) =>
        Share(FacilityValue, facility, InputQuantity.FacilityValue, row);

    /// <summary>As <see cref="OwnLeaseRent"/>, for facility <paramref name="facility"/>'s value row.</summary>
    public double[] OwnFacilityValue(int facility) =>
        Own(FacilityValue, facility, InputQuantity.FacilityValue);

    /// <summary>As <see cref="ShareLeaseRent"/>, for index <paramref name="index"/>'s level row.</summary>
    public void ShareIndexLevel(int index, double[] row) =>
        Share(IndexLevel, index, InputQuantity.IndexLevel, row);

    /// <summary>As <see cref="OwnLeaseRent"/>, for index <paramref name="index"/>'s level row.</summary>
    public double[] OwnIndexLevel(int index) =>
        Own(IndexLevel, index, InputQuantity.IndexLevel);

    /// <summary>As <see cref="ShareLeaseRent"/>, for index <paramref name="index"/>'s schedule row.</summary>
    public void ShareIndexSchedule(int index, double[] row) =>
        Share(IndexSchedule, index, InputQuantity.IndexSchedule, row);

    /// <summary>As <see cref="OwnLeaseRent"/>, for index <paramref name="index"/>'s schedule row.</summary>
    public double[] OwnIndexSchedule(int index) =>
        Own(IndexSchedule, index, InputQuantity.IndexSchedule);

    /// <summary>As <see cref="ShareLeaseRent"/>, for contract <paramref name="contract"/>'s row of
    /// <paramref name="quantity"/> (<see cref="InputQuantity.ContractTermYears"/>, its renewal, re-let, termination-fee,
    /// prepayment and guarantee-years rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with a constant quantity, the view's switch folds away
    public void ShareContractRow(InputQuantity quantity, int contract, double[] row) =>
        Share(ContractView(quantity), contract, quantity, row);

    /// <summary>As <see cref="OwnLeaseRent"/>, for contract <paramref name="contract"/>'s row of <paramref name="quantity"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double[] OwnContractRow(InputQuantity quantity, int contract) =>
        Own(ContractView(quantity), contract, quantity);

    /// <summary><see cref="ShareContractRow"/> for each of <paramref name="rows"/>' eight rows of contract
    /// <paramref name="contract"/> (<see cref="ContractRowSet"/>' positions): the same slots and views written, with the
    /// slots' firsts and views looked up once per buffers, not per row, so a row the path before shared costs a load and a
    /// compare.</summary>
    public void ShareContractRows(int contract, in ContractRowSet rows)
    {
        if ((uint)contract >= (uint)ContractTermYears.Length)
        {
            InputLayout.NoSlot(InputQuantity.ContractTermYears, contract);
        }

        double[][] series = Series;
        int[] first = contractRowFirst;
        for (int k = 0; k < ContractRowSet.Count; k++)
        {
            double[] row = rows[k];
            int slot = first[k] + contract;
            if (!ReferenceEquals(series[slot], row))
            {
                ShareContractRowAt(k, contract, slot, row);
            }
        }
    }

    // ShareContractRows' row that is not in its slot yet: Share's checks and stores, apart so the loop stays small.
    void ShareContractRowAt(int k, int contract, int slot, double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Length != ownedSeries[slot].Length)
        {
            WrongLength(row, ownedSeries[slot].Length);
        }

        Series[slot] = row;
        contractRowViews[k][contract] = row;
    }

    /// <summary>Party <paramref name="party"/>'s default flags for this path are <paramref name="row"/> itself, a row its
    /// path source made once and shares read-only (as <see cref="ShareLeaseRent"/> a series): no copy. A row the path
    /// before shared costs a compare.</summary>
    public void SharePartyDefaulted(int party, bool[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if ((uint)party >= (uint)PartyDefaulted.Length)
        {
            InputLayout.NoSlot(InputQuantity.PartyDefaulted, party);
        }

        int slot = partyDefaultedFirst + party;
        if (ReferenceEquals(Flags[slot], row))
        {
            return;
        }

        if (row.Length != periods)
        {
            throw new ArgumentException($"A shared row must have the deal's {periods} periods, not {row.Length}.", nameof(row));
        }

        Flags[slot] = row;
        PartyDefaulted[party] = row;
    }

    /// <summary>As <see cref="ShareLeaseRent"/>, for loan <paramref name="loan"/>'s share paid in each period.</summary>
    public void ShareLoanPaysShareByPeriod(int loan, double[] row) =>
        Share(LoanPaysShareByPeriod, loan, InputQuantity.LoanPaysShareByPeriod, row);

    /// <summary>As <see cref="OwnLeaseRent"/>, for loan <paramref name="loan"/>'s share paid in each period.</summary>
    public double[] OwnLoanPaysShareByPeriod(int loan) =>
        Own(LoanPaysShareByPeriod, loan, InputQuantity.LoanPaysShareByPeriod);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    double[][] ContractView(InputQuantity quantity) => quantity switch
    {
        InputQuantity.ContractReletYears => ContractReletYears,
        InputQuantity.ContractReletLive => ContractReletLive,
        InputQuantity.ContractTermination => ContractTermination,
        InputQuantity.ContractRenewalYears => ContractRenewalYears,
        InputQuantity.ContractRenewalLive => ContractRenewalLive,
        InputQuantity.ContractTermYears => ContractTermYears,
        InputQuantity.ContractPrepaid => ContractPrepaid,
        InputQuantity.ContractGuaranteeYears => ContractGuaranteeYears,
        InputQuantity.ContractBroken => ContractBroken,
        _ => NotAContractRow(quantity),
    };

    [DoesNotReturn]
    static double[][] NotAContractRow(InputQuantity quantity) =>
        throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Not a contract's per-period row.");

    // Inlined into each share, path after path; its throws apart, so that it stays small. The slot is the quantity's
    // first (seriesFirst, a constant index at every call) plus the entity, checked against the view's length: what
    // Layout.IndexOf gives, at two loads fewer per share (a path of a deal with contracts makes dozens).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Share(double[][] view, int entity, InputQuantity quantity, double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if ((uint)entity >= (uint)view.Length)
        {
            InputLayout.NoSlot(quantity, entity);
        }

        int slot = seriesFirst[(int)quantity] + entity;
        if (ReferenceEquals(Series[slot], row))
        {
            // Shared already (the path before shared it): a store into an array of arrays checks its type, every time.
            // The view's row is the slot's (Share and Own write both, and nothing else writes either), so one look does.
            return;
        }

        if (row.Length != ownedSeries[slot].Length)
        {
            WrongLength(row, ownedSeries[slot].Length);
        }

        Series[slot] = row;
        view[entity] = row;
    }

    [DoesNotReturn]
    static void WrongLength(double[] row, int periods) =>
        throw new ArgumentException($"A shared row must have the deal's {periods} periods, not {row.Length}.", nameof(row));

    double[] Own(double[][] view, int entity, InputQuantity quantity)
    {
        if ((uint)entity >= (uint)view.Length)
        {
            InputLayout.NoSlot(quantity, entity);
        }

        int slot = seriesFirst[(int)quantity] + entity;
        double[] own = ownedSeries[slot];
        if (!ReferenceEquals(Series[slot], own))
        {
            // As in Share: the slot and its view are both this row already when the path before wrote its own, and a
            // store into an array of arrays checks its type every time.
            Series[slot] = own;
            view[entity] = own;
        }

        return own;
    }

    static T[][] Rows<T>(T[][] buffers, InputLayout layout, InputQuantity quantity, int entities)
    {
        var rows = new T[entities][];
        for (int e = 0; e < entities; e++)
        {
            rows[e] = buffers[layout.IndexOf(quantity, e)];
        }

        return rows;
    }

    static int First(InputLayout layout, InputQuantity quantity, int entities) =>
        entities > 0 ? layout.IndexOf(quantity, 0) : 0;
}
