namespace DealLang.Runtime;

/// <summary>
/// Everything scenario-dependent that the period loop reads, precomputed into arrays before the loop
/// (ARCHITECTURE.md: no curve evaluation, dictionaries or string work inside it). Allocated once per
/// deal and refilled per path by the runner's path builder.
/// </summary>
public sealed class PathInputs
{
    public PathInputs(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        int n = deal.Periods;
        FacilityValue = Arrays.Jagged<double>(deal.Facilities.Length, n);
        LeaseRent = Arrays.Jagged<double>(deal.Leases.Length, n);
        LeaseEndPeriod = new int[deal.Leases.Length];
        RvgApplies = new bool[deal.Leases.Length];
        RvgRecovery = new double[deal.Leases.Length];
        PartyDefaulted = Arrays.Jagged<bool>(deal.Parties.Length, n);

        SaleHaircut = new double[deal.Sales.Length];
        SaleLagMonths = new int[deal.Sales.Length];
    }

    /// <summary>Name of the scenario these inputs were built from.</summary>
    public string Scenario { get; set; } = "";

    /// <summary>[facility][t]: market value at the end of period t, after scenario stresses.</summary>
    public double[][] FacilityValue { get; }

    /// <summary>[lease][t]: rent accrued in period t (zero before start, after the end or the lessee's default).</summary>
    public double[][] LeaseRent { get; }

    /// <summary>[lease]: the period in which the lease ends (by expiry or lessee default); -1 if it runs past the horizon.</summary>
    public int[] LeaseEndPeriod { get; }

    /// <summary>[lease]: whether the lease's end falls inside its residual value guarantee window.</summary>
    public bool[] RvgApplies { get; }

    /// <summary>[lease]: the share of the RVG claim actually paid: 1, or the lessee's recovery if the lessee defaulted.</summary>
    public double[] RvgRecovery { get; }

    /// <summary>[party][t]: whether the party has defaulted by the end of period t.</summary>
    public bool[][] PartyDefaulted { get; }

    /// <summary>[sale]: enforcement haircut after scenario overrides.</summary>
    public double[] SaleHaircut { get; }

    /// <summary>[sale]: months from the event of default to the sale, after scenario overrides.</summary>
    public int[] SaleLagMonths { get; }

    /// <summary>When set, the period loop verifies cash conservation every period and throws
    /// <see cref="CashConservationException"/> on a break (the tests and every `deallang run`).</summary>
    public bool CheckCashConservation { get; set; }
}
