namespace DealLang.Compiler.Emit;

/// <summary>
/// The state of one enforcement sale in the generated C#, each piece named once. Sales have no names in the deal
/// file: <c>sale1_date</c>, numbered from 1 in declaration order. What a sale sells is collateral of any kind; its
/// component says what it realises (<c>EmitterComponent.CollateralValue</c>).
/// </summary>
internal sealed class SaleState
{
    public SaleState(int index)
    {
        string prefix = "sale" + CSharpLiterals.Int(index + 1) + "_";
        Index = index;
        Haircut = prefix + "haircut";
        LagMonths = prefix + "lagMonths";
        LeaseEndSlots = prefix + "leaseEndSlots";
        LeasesEnd = prefix + "leasesEnd";
        Date = prefix + "date";
        Done = prefix + "done";
        Depth = prefix + "depth";
        Impact = prefix + "impact";
        Limit = prefix + "limit";
        Costs = prefix + "costs";
        KeepContracts = prefix + "keepContracts";
        Reserve = prefix + "reserve";
        Begun = prefix + "begun";
        PeriodsSold = prefix + "periodsSold";
        Yield = prefix + "yield";
        YieldWeight = prefix + "yieldWeight";
        ReletUtilisation = prefix + "reletUtilisation";
        ReletMonths = prefix + "reletMonths";
        ReletUnits = prefix + "reletUnits";
        ReletTo = prefix + "reletTo";
        ReletRampMonths = prefix + "reletRampMonths";
        ReletCurve = prefix + "reletCurve";
        ReletPriceIndex = prefix + "reletPriceIndex";
        ReletPriceShare = prefix + "reletPriceShare";
        ReletPriceSpread = prefix + "reletPriceSpread";
        ReletPriceLevels = prefix + "reletPriceLevels";
        Idle = prefix + "idle";
        Decay = prefix + "decay";
        Carried = prefix + "carried";
    }

    /// <summary>The monthly factor of the depression a market that carries its impact remembers, 2^(−1/half-life), from
    /// this path's half-life (an input; a sale with <c>half_life</c> only).</summary>
    public string Decay { get; }

    /// <summary>The depression of the market's price carried into the next month the sale runs in (a sale with
    /// <c>half_life</c> only).</summary>
    public string Carried { get; }

    /// <summary>This path's yield the sale's loans are priced at (an input; a sale at a yield only).</summary>
    public string Yield { get; }

    /// <summary>This path's weight of the index the sale's yield reads, 1 or 0 under a scenario's constant yield (an input; a
    /// sale whose yield reads an index only, <c>price yield SOFR + 6%</c>); <see cref="Yield"/> is then the spread.</summary>
    public string YieldWeight { get; }

    /// <summary>The fleet's free units this period before the sale: held, less those its contracts take.</summary>
    public string Idle { get; }

    /// <summary>This path's utilisation of the fleet's free units re-let in enforcement (an input; 0: none).</summary>
    public string ReletUtilisation { get; }

    /// <summary>This path's months from the sale date during which no unit is offered (an input; −1: until the run's last period).</summary>
    public string ReletMonths { get; }

    /// <summary>This path's utilisation the re-let ramps to, and the ramp's months from the sale date (inputs; 0 months:
    /// flat), in a deal whose re-lets are shaped (<see cref="EmitContext.ShapesRelets"/>).</summary>
    public string ReletTo { get; }

    /// <summary>See <see cref="ReletTo"/>.</summary>
    public string ReletRampMonths { get; }

    /// <summary>This path's utilisation curve of the re-let (an input, read where it is used: null for none), in a deal whose
    /// re-lets are shaped; a local of Run like the ramp's, so that a large deal's PathState holds it too.</summary>
    public string ReletCurve { get; }

    /// <summary>This path's re-let price, share × the level of index number <see cref="ReletPriceIndex"/> + spread (inputs),
    /// in a deal whose re-lets are shaped.</summary>
    public string ReletPriceIndex { get; }

    /// <summary>See <see cref="ReletPriceIndex"/>.</summary>
    public string ReletPriceShare { get; }

    /// <summary>See <see cref="ReletPriceIndex"/>.</summary>
    public string ReletPriceSpread { get; }

    /// <summary>The levels on this path of the index the re-let is priced at (the path's series of that index's levels).</summary>
    public string ReletPriceLevels { get; }

    /// <summary>The fleet's free units at the period's start (held at the previous period's end, after its sale, and
    /// taken by no contract): the units re-let this period.</summary>
    public string ReletUnits { get; }

    /// <summary>The periods a spread sale of coins has sold in so far (a spread sale only).</summary>
    public string PeriodsSold { get; }

    /// <summary>This path's keep-contracts flag: the lender keeps the sold fleet's running contracts and sells only
    /// idle and freed units (an input; a sale into a market only).</summary>
    public string KeepContracts { get; }

    /// <summary>This path's reserve price per GPU, below which no unit is sold but in the run's last period (an input).</summary>
    public string Reserve { get; }

    /// <summary>Whether a sale into the market has had its first period (when the units kept running are counted).</summary>
    public string Begun { get; }

    /// <summary>This path's repo-market depth, GPUs a month (an input; a sale into a market only).</summary>
    public string Depth { get; }

    /// <summary>This path's price impact at a month's sales equal to the depth (an input).</summary>
    public string Impact { get; }

    /// <summary>This path's most GPUs sold a month (an input).</summary>
    public string Limit { get; }

    /// <summary>This path's removal and transport costs per GPU (an input).</summary>
    public string Costs { get; }

    public int Index { get; }

    /// <summary>This path's haircut on the value sold (an input).</summary>
    public string Haircut { get; }

    /// <summary>This path's months from the event of default to the sale (an input).</summary>
    public string LagMonths { get; }

    /// <summary>The input slots of the end periods of the leases a sale subject to several leases waits for (a
    /// constant; <see cref="LeasesEnd"/> reads them).</summary>
    public string LeaseEndSlots { get; }

    /// <summary>The period from which every lease a sale subject to several leases waits for has ended on this path, −1
    /// when one runs past the run (<c>LeaseEnds.AllEnded</c>, read at the path's start).</summary>
    public string LeasesEnd { get; }

    /// <summary>The sale's date, set at the event of default.</summary>
    public string Date { get; }

    /// <summary>Whether the sale has happened.</summary>
    public string Done { get; }
}
