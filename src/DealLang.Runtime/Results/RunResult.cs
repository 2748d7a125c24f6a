namespace DealLang.Runtime;

/// <summary>
/// What one path produced, in buffers allocated once and reused across paths. The generated period loop
/// writes here; the runner's analytics and reports read from here. <see cref="Ledger"/> exists only in
/// full-ledger mode: summary-only runs (Monte Carlo) skip the wide table. A run writes the figures of the periods it
/// runs, and only those (<see cref="BeginPath"/>): read the per-period buffers up to <see cref="PeriodsRun"/>.
/// </summary>
public sealed class RunResult
{
    public RunResult(DealDescription deal, LedgerLayout layout, bool fullLedger)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(layout);
        int n = deal.Periods;
        Ledger = fullLedger ? new double[n, layout.Columns.Length] : null;
        Collections = new double[n];
        CashPaidOut = new double[n];
        CashHeldStart = new double[n];
        CashHeldEnd = new double[n];
        InterestPaid = Arrays.Jagged<double>(deal.Tranches.Length, n);
        PrincipalPaid = Arrays.Jagged<double>(deal.Tranches.Length, n);
        TrancheBalance = Arrays.Jagged<double>(deal.Tranches.Length, n);
        TrancheDrawn = Arrays.Jagged<double>(deal.Tranches.Length, n);
        CommitmentFeePaid = Arrays.Jagged<double>(deal.Tranches.Length, n);
        GuaranteeFeePaid = Arrays.Jagged<double>(deal.Tranches.Length, n);
        InterestShortfall = Arrays.Jagged<double>(deal.Tranches.Length, n);
        PrincipalShortfall = Arrays.Jagged<double>(deal.Tranches.Length, n);
        Distributions = Arrays.Jagged<double>(deal.Equities.Length, n);
        Injections = Arrays.Jagged<double>(deal.Equities.Length, n);
        AccountBalance = Arrays.Jagged<double>(deal.Accounts.Length, n);
        TestValues = Arrays.Jagged<double>(deal.Tests.Length, n);
        TriggerActive = Arrays.Jagged<bool>(deal.Triggers.Length, n);
        History = Arrays.Jagged<double>(layout.HistorySlots, n);
        RvgPaid = new double[deal.Leases.Length];
        // Only a deal with an RVG against remarketing has the slots: the others' paths reset nothing more.
        RemarketingProceeds = deal.Leases.Any(l => l.RvgRemarketing) ? new double[deal.Leases.Length] : [];
        GuaranteePaid = Arrays.Jagged<double>(deal.Guarantees.Length, n);
        GuaranteeRecovered = Arrays.Jagged<double>(deal.Guarantees.Length, n);
        GuarantorPrincipal = Arrays.Jagged<double>(deal.Guarantees.Length, n);
        GuarantorInterest = Arrays.Jagged<double>(deal.Guarantees.Length, n);
        PrincipalLoss = new double[deal.Tranches.Length];
        UnpaidInterest = new double[deal.Tranches.Length];
        LoanInterest = Arrays.Jagged<double>(deal.Loans.Length, n);
        LoanPrincipal = Arrays.Jagged<double>(deal.Loans.Length, n);
        LoanRecovery = Arrays.Jagged<double>(deal.Loans.Length, n);
        LoanLoss = new double[deal.Loans.Length];
        LoanSold = new double[deal.Loans.Length];
        LoanOutstanding = new double[deal.Loans.Length];
        LoanWorkoutInterest = new double[deal.Loans.Length];
        LoanPeakArrears = new double[deal.Loans.Length];
        LoanArrearsInterest = new double[deal.Loans.Length];
        LoanDefaultPeriod = new int[deal.Loans.Length];
        FleetUnitsSold = new double[deal.Fleets.Length];
        FleetSaleProceeds = new double[deal.Fleets.Length];
        FleetUnits = new double[deal.Fleets.Length];
        FleetMarketValue = new double[deal.Fleets.Length];
        FleetBookValue = new double[deal.Fleets.Length];
        FleetUnitsKept = new double[deal.Fleets.Length];
        FleetUnitsHeld = new double[deal.Fleets.Length];
        FleetPeriodsHeld = new int[deal.Fleets.Length];
        FleetSaleRevenue = new double[deal.Fleets.Length];
        FleetReletRevenue = new double[deal.Fleets.Length];
        FleetOpexUnpaid = new double[deal.Fleets.Length];
        FeeUnpaid = new double[deal.Fees.Length];
        CommitmentFeeUnpaid = new double[deal.Tranches.Length];
        GuaranteeFeeUnpaid = new double[deal.Tranches.Length];
        ContractRevenue = Arrays.Jagged<double>(deal.Contracts.Length, n);
        ContractTerminationFee = Arrays.Jagged<double>(deal.Contracts.Length, n);
        LeaseTerminationFee = Arrays.Jagged<double>(deal.Leases.Length, n);
        ContractPrepayment = Arrays.Jagged<double>(deal.Contracts.Length, n);
        ContractUnits = new double[deal.Contracts.Length];
        ContractStopPeriod = new int[deal.Contracts.Length];
        TrancheConversion = Arrays.Jagged<double>(deal.Tranches.Length, n);
        TranchePutPeriod = new int[deal.Tranches.Length];
        TrancheCallPeriod = new int[deal.Tranches.Length];
        TrancheConversionPrice = new double[deal.Tranches.Length];
        CoinsHeld = Arrays.Jagged<double>(deal.Coins.Length, n);
        CoinsSold = Arrays.Jagged<double>(deal.Coins.Length, n);
        CoinsProceeds = Arrays.Jagged<double>(deal.Coins.Length, n);
        CoinsMining = Arrays.Jagged<double>(deal.Coins.Length, n);
        CoinsSoldInEnforcement = new double[deal.Coins.Length];
        CoinsEnforcementProceeds = new double[deal.Coins.Length];
        CoinsKept = new double[deal.Coins.Length];
        HoldingReceived = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingValue = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingKept = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingValueSold = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingSaleProceeds = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingDrawPaid = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingDrawUnpaid = Arrays.Jagged<double>(deal.Holdings.Length, n);
        HoldingDrawCalled = Arrays.Jagged<double>(deal.Holdings.Length, n);
        Reset();
    }

    /// <summary>[t, column] in full-ledger mode; null in summary-only mode.</summary>
    public double[,]? Ledger { get; }

    /// <summary>Periods actually simulated: the deal ends early once enforcement has sold the collateral.</summary>
    public int PeriodsRun { get; set; }

    public double[] Collections { get; }

    /// <summary>Per period, what the waterfall paid out of the deal (fees, interest, principal, distributions), when the
    /// summary-only loop checks cash: with <see cref="CashHeldStart"/> and <see cref="CashHeldEnd"/> the terms of the
    /// conservation check, which it makes after its periods (<see cref="CashCheck.VerifyPeriods"/>). Written only for the periods
    /// RunSummary runs (those before an event of default: RunDefaulted checks its own as it runs them).</summary>
    public double[] CashPaidOut { get; }

    /// <summary>Per period, the cash the accounts held at its start (see <see cref="CashPaidOut"/>).</summary>
    public double[] CashHeldStart { get; }

    /// <summary>Per period, the cash the accounts held at its end (see <see cref="CashPaidOut"/>).</summary>
    public double[] CashHeldEnd { get; }
    public double[][] InterestPaid { get; }
    public double[][] PrincipalPaid { get; }

    /// <summary>[tranche][t]: outstanding principal at the end of period t.</summary>
    public double[][] TrancheBalance { get; }

    /// <summary>[tranche][t]: drawn on a delayed-draw tranche's commitment at the end of period t (the lender's
    /// outflow); written only for tranches with a commitment, so it stays zero for the others.</summary>
    public double[][] TrancheDrawn { get; }

    /// <summary>[tranche][t]: the commitment fee a delayed-draw tranche's lender was paid in period t (by both
    /// waterfalls); written only for tranches with a commitment, so it stays zero for the others.</summary>
    public double[][] CommitmentFeePaid { get; }

    /// <summary>[tranche][t]: the guarantee fee the waterfalls paid in period t (<c>pay T.guarantee_fee</c>, both
    /// waterfalls), the guarantor's fee income, which its net cost nets; written every period for a guaranteed tranche
    /// only (0 for the others).</summary>
    public double[][] GuaranteeFeePaid { get; }

    /// <summary>[tranche][t]: interest due but unpaid at the end of period t.</summary>
    public double[][] InterestShortfall { get; }

    /// <summary>[tranche][t]: scheduled principal due but unpaid at the end of period t.</summary>
    public double[][] PrincipalShortfall { get; }

    public double[][] Distributions { get; }

    /// <summary>Per equity and period: cash it paid in (an equity cure); a deal writes it every period for an equity
    /// that cures, and never for one that does not, which keeps its zeros.</summary>
    public double[][] Injections { get; }
    public double[][] AccountBalance { get; }
    public double[][] TestValues { get; }
    public bool[][] TriggerActive { get; }

    /// <summary>Scratch buffers for trailing-window tests; owned by the generated code.</summary>
    public double[][] History { get; }

    public double[] RvgPaid { get; }

    /// <summary>[lease]: the net proceeds of the remarketing sale of the lease's facility (an RVG <c>against
    /// remarketing</c>, docs/language.md §5), zero when it never happened; empty in a deal without such an RVG.</summary>
    public double[] RemarketingProceeds { get; }

    /// <summary>[guarantee][t]: what the guarantor paid in period t (docs/language.md §5, "Guarantors"): behind a lease,
    /// into the deal's collections; behind a tranche, to its holders directly (and, in the last period run, the
    /// principal it covers). Written every period.</summary>
    public double[][] GuaranteePaid { get; }

    /// <summary>[guarantee][t]: what a tranche's guarantor got back in period t from the holders, out of the issuer's
    /// later payments of interest arrears it had paid (its subrogation). Written every period.</summary>
    public double[][] GuaranteeRecovered { get; }

    /// <summary>[guarantee][t]: a tranche's guarantor's subrogated principal S at the end of period t (the part of the
    /// balance the issuer owes it, not the holders: the holders' balance is max(0, balance − S)); 0 for a lease's or a
    /// contract's guarantee. Written every period.</summary>
    public double[][] GuarantorPrincipal { get; }

    /// <summary>[guarantee][t]: the interest a tranche's issuer owes its guarantor and has not paid at the end of period t
    /// (the holders' arrears it paid, and interest accrued on S); the rest of the tranche's interest shortfall is the
    /// holders'. Written every period.</summary>
    public double[][] GuarantorInterest { get; }

    /// <summary>[tranche]: principal never repaid (at the horizon or after the enforcement sale).</summary>
    public double[] PrincipalLoss { get; }

    /// <summary>[tranche]: interest due and never paid.</summary>
    public double[] UnpaidInterest { get; }

    /// <summary>[loan][t]: interest the loan paid the deal in period t.</summary>
    public double[][] LoanInterest { get; }

    /// <summary>[loan][t]: scheduled principal the loan paid the deal in period t.</summary>
    public double[][] LoanPrincipal { get; }

    /// <summary>[loan][t]: the recovery received in period t (only in the period its obligor defaults in).</summary>
    public double[][] LoanRecovery { get; }

    /// <summary>[loan]: the balance written off when its obligor defaulted (outstanding less the recovery).</summary>
    public double[] LoanLoss { get; }

    /// <summary>[loan]: the balance an enforcement sale sold (before the sale's haircut); 0 if it was not sold.</summary>
    public double[] LoanSold { get; }

    /// <summary>[loan]: the balance still outstanding when the run ended (neither repaid, written off nor sold).</summary>
    public double[] LoanOutstanding { get; }

    /// <summary>[loan]: the interest its recovery claim accrued during the workout (<c>accruing 8%</c>), in what it
    /// recovered, sold or left outstanding; 0 for a claim that accrues nothing.</summary>
    public double[] LoanWorkoutInterest { get; }

    /// <summary>[loan]: the largest arrears at a period's end (docs/language.md §10, "Partial payments"); 0 for a loan
    /// whose obligor paid in full.</summary>
    public double[] LoanPeakArrears { get; }

    /// <summary>[loan]: the interest among its arrears (unpaid interest and the interest the arrears bore) when they
    /// became a claim at a default, were sold, or were left at the run's end (docs/language.md §10, "Partial payments"):
    /// within the recovery, loss, sold and outstanding figures, so principal received + recovery + loss + sold +
    /// outstanding is the balance lent plus this and the workout interest; 0 for a loan whose obligor paid in full.</summary>
    public double[] LoanArrearsInterest { get; }

    /// <summary>[loan]: the period its obligor defaulted in while it was outstanding, or -1.</summary>
    public int[] LoanDefaultPeriod { get; }

    /// <summary>[fleet]: the units a repo-market sale sold over the run; 0 if none ran.</summary>
    public double[] FleetUnitsSold { get; }

    /// <summary>[fleet]: the proceeds of the repo-market sale of its units over the run; 0 if none ran.</summary>
    public double[] FleetSaleProceeds { get; }

    /// <summary>[fleet]: the units held at the end of the last period run.</summary>
    public double[] FleetUnits { get; }

    /// <summary>[fleet]: the held units' market value at the end of the last scheduled period (0 when the run ended
    /// before it, all sold).</summary>
    public double[] FleetMarketValue { get; }

    /// <summary>[fleet]: the held units' book value at the end of the last scheduled period (as the market value).</summary>
    public double[] FleetBookValue { get; }

    /// <summary>[fleet]: the units under running contracts the lender kept running when its repo-market sale began
    /// (<c>keep contracts</c>); 0 if none ran or it sold every unit.</summary>
    public double[] FleetUnitsKept { get; }

    /// <summary>[fleet]: the most units a reserve held back from a period's sale (offered but not sold); 0 if none.</summary>
    public double[] FleetUnitsHeld { get; }

    /// <summary>[fleet]: the periods in which a reserve held units back from the sale.</summary>
    public int[] FleetPeriodsHeld { get; }

    /// <summary>[fleet]: its contracts' revenue in the periods of its repo-market sale (from its first to its last).</summary>
    public double[] FleetSaleRevenue { get; }

    /// <summary>[fleet]: what the lender earned re-letting its free units in enforcement (<c>relet idle at R</c>), over the run.</summary>
    public double[] FleetReletRevenue { get; }

    /// <summary>[fleet]: its opex (power and maintenance) due and still unpaid when the run ended: what the last period
    /// carried (docs/language.md §12, "The summary"). Written at the end of every run.</summary>
    public double[] FleetOpexUnpaid { get; }

    /// <summary>[fee]: the fee due and still unpaid when the run ended: what the last period carried. Written at the end
    /// of every run.</summary>
    public double[] FeeUnpaid { get; }

    /// <summary>[tranche]: a delayed draw's commitment fee due and still unpaid when the run ended; written at the end of
    /// the run only for a tranche with a commitment, so it stays zero for the others.</summary>
    public double[] CommitmentFeeUnpaid { get; }

    /// <summary>[tranche]: a guaranteed tranche's guarantee fee due and still unpaid when the run ended; written at the
    /// end of the run only for a guaranteed tranche, so it stays zero for the others.</summary>
    public double[] GuaranteeFeeUnpaid { get; }

    /// <summary>[contract][t]: the revenue its customer paid in period t (re-lets included).</summary>
    public double[][] ContractRevenue { get; }

    /// <summary>[contract][t]: the termination fee received in period t; written only for a contract with a fee, so
    /// it stays zero for the others.</summary>
    public double[][] ContractTerminationFee { get; }

    /// <summary>[lease][t]: the termination fee received from its defaulted lessee in period t; written only for a
    /// lease with a fee, so it stays zero for the others.</summary>
    public double[][] LeaseTerminationFee { get; }

    /// <summary>[contract][t]: the prepayment received in period t; written every period only for a contract with a
    /// prepayment (the run writes each period it runs), so it stays zero for the others.</summary>
    public double[][] ContractPrepayment { get; }

    /// <summary>[contract]: the units it took at the end of the last period run.</summary>
    public double[] ContractUnits { get; }

    /// <summary>[contract]: the period its term ended in, or its customer defaulted in during its term; -1 if neither.</summary>
    public int[] ContractStopPeriod { get; }

    /// <summary>[tranche][t]: what the shares a convertible's holder converted into were worth, in the period it
    /// converted (written every period only for a convertible tranche, so it stays zero for the others).</summary>
    public double[][] TrancheConversion { get; }

    /// <summary>[tranche]: the period a convertible's holder put the notes in (written only then); -1 if it did not.</summary>
    public int[] TranchePutPeriod { get; }

    /// <summary>[tranche]: the period the issuer called a convertible in (written only then, whether the holder then
    /// converted or took the cash); -1 if it did not.</summary>
    public int[] TrancheCallPeriod { get; }

    /// <summary>[tranche]: a convertible's conversion price at the run's end, after its resets (written at the run's end
    /// only for a convertible whose price resets; 0 for the others).</summary>
    public double[] TrancheConversionPrice { get; }

    /// <summary>[coins][t]: the coins held at the end of period t (written every period run).</summary>
    public double[][] CoinsHeld { get; }

    /// <summary>[coins][t]: the coins the waterfall's sale steps sold in period t.</summary>
    public double[][] CoinsSold { get; }

    /// <summary>[coins][t]: what those sales raised in period t.</summary>
    public double[][] CoinsProceeds { get; }

    /// <summary>[coins][t]: the mining margin collected in period t (0 for coins not mined).</summary>
    public double[][] CoinsMining { get; }

    /// <summary>[coins]: the coins an enforcement sale sold over the run (apart from <see cref="CoinsSold"/>); 0 if none did.</summary>
    public double[] CoinsSoldInEnforcement { get; }

    /// <summary>[coins]: what that sale raised for them, their liquidation value less the haircut (the deal's
    /// <see cref="SaleProceeds"/> count it too); 0 if none did.</summary>
    public double[] CoinsEnforcementProceeds { get; }

    /// <summary>[coins]: the mined coins a miner kept over the run (<c>keep R</c>: its share of the margin, in coins);
    /// 0 for coins that keep none.</summary>
    public double[] CoinsKept { get; }

    /// <summary>Per holding a sale step sells (<see cref="HoldingInfo.Sold"/>; never written for another) and period:
    /// what it received, the share of what the held entity paid that the holder still held.</summary>
    public double[][] HoldingReceived { get; }

    /// <summary>Per sold holding and period: its value (mark) at the period's start, on the share held then.</summary>
    public double[][] HoldingValue { get; }

    /// <summary>Per sold holding and period: the share of the original holding still held at the period's end.</summary>
    public double[][] HoldingKept { get; }

    /// <summary>Per sold holding and period: the marked value its forced sales sold.</summary>
    public double[][] HoldingValueSold { get; }

    /// <summary>Per sold holding and period: what those sales raised, after the discount and the price impact.</summary>
    public double[][] HoldingSaleProceeds { get; }

    /// <summary>Per holding that funds draws (<see cref="HoldingInfo.Draws"/>; never written for another) and period: what
    /// the holder paid of its share of the held tranche's draws (this period's and those it had left unpaid).</summary>
    public double[][] HoldingDrawPaid { get; }

    /// <summary>Per holding that funds draws and period: its share of the draws the holder had not paid at the period's end.</summary>
    public double[][] HoldingDrawUnpaid { get; }

    /// <summary>Per holding that funds draws by a call (<see cref="HoldingInfo.CalledFrom"/>; never written for another) and
    /// period: what of its draws the holder's investors were called for, capital in that equity's
    /// <see cref="Injections"/> (a deal-by-deal carry counts it as this holding's).</summary>
    public double[][] HoldingDrawCalled { get; }

    /// <summary>Period in which the event of default occurred, or -1.</summary>
    public int EventOfDefaultPeriod { get; set; }

    /// <summary>Period in which enforcement sold the collateral, or -1.</summary>
    public int SalePeriod { get; set; }

    public double SaleProceeds { get; set; }

    /// <summary>
    /// What the generated <c>Run</c> does first: the run's events and the per-entity figures a run writes only when
    /// something happens (an RVG paid, a loan's default) back to "nothing happened". Every per-period figure of
    /// periods 0 .. <see cref="PeriodsRun"/> − 1, and the ledger's rows for them, are written by the run itself,
    /// so no buffer is cleared: slots at and after <see cref="PeriodsRun"/> keep what an earlier path left there
    /// (<see cref="Reset"/> zeroes them for a caller that wants to read them). Plain loops over arrays with one
    /// slot per lease or loan, not <see cref="Array.Clear(Array)"/>: no vector stores at the start of every path.
    /// </summary>
    public void BeginPath()
    {
        PeriodsRun = 0;
        EventOfDefaultPeriod = -1;
        SalePeriod = -1;
        SaleProceeds = 0;
        double[] rvgPaid = RvgPaid;
        for (int i = 0; i < rvgPaid.Length; i++)
        {
            rvgPaid[i] = 0.0;
        }

        double[] remarketing = RemarketingProceeds;
        for (int i = 0; i < remarketing.Length; i++)
        {
            remarketing[i] = 0.0;
        }

        double[] loanLoss = LoanLoss;
        double[] loanSold = LoanSold;
        double[] loanOutstanding = LoanOutstanding;
        double[] loanWorkoutInterest = LoanWorkoutInterest;
        int[] loanDefault = LoanDefaultPeriod;
        double[] peakArrears = LoanPeakArrears;
        double[] arrearsInterest = LoanArrearsInterest;
        // In this loop, not by Array.Clear: that is two calls into the runtime on every path, a deal without loans too
        // (bench/HISTORY.md, session 2026-12-08 (perfref)).
        for (int i = 0; i < loanLoss.Length && i < loanDefault.Length && i < loanSold.Length && i < loanOutstanding.Length
            && i < loanWorkoutInterest.Length && i < peakArrears.Length && i < arrearsInterest.Length; i++)
        {
            loanLoss[i] = 0.0;
            loanSold[i] = 0.0; // written only when a sale sells the loan
            loanOutstanding[i] = 0.0;
            loanWorkoutInterest[i] = 0.0; // added to in each period the claim accrues
            loanDefault[i] = -1;
            peakArrears[i] = 0.0; // raised in each period a loan is in arrears
            arrearsInterest[i] = 0.0; // added to where arrears become a claim, are sold or are left at the end
        }

        double[] unitsSold = FleetUnitsSold;
        double[] saleProceeds = FleetSaleProceeds;
        double[] fleetUnits = FleetUnits;
        double[] marketValue = FleetMarketValue;
        double[] bookValue = FleetBookValue;
        for (int i = 0; i < unitsSold.Length && i < saleProceeds.Length && i < fleetUnits.Length && i < marketValue.Length && i < bookValue.Length; i++)
        {
            unitsSold[i] = 0.0; // added to only when a repo-market sale sells
            saleProceeds[i] = 0.0;
            fleetUnits[i] = 0.0;
            marketValue[i] = 0.0; // written only in the last scheduled period, which a sold-out run never reaches
            bookValue[i] = 0.0;
        }

        double[] unitsKept = FleetUnitsKept;
        double[] unitsHeld = FleetUnitsHeld;
        int[] periodsHeld = FleetPeriodsHeld;
        double[] saleRevenue = FleetSaleRevenue;
        for (int i = 0; i < unitsKept.Length && i < unitsHeld.Length && i < periodsHeld.Length && i < saleRevenue.Length; i++)
        {
            unitsKept[i] = 0.0; // written only in a repo-market sale's first period
            unitsHeld[i] = 0.0; // and these only while it runs
            periodsHeld[i] = 0;
            saleRevenue[i] = 0.0;
        }

        double[] reletRevenue = FleetReletRevenue;
        for (int i = 0; i < reletRevenue.Length; i++)
        {
            reletRevenue[i] = 0.0; // added to only while a sale re-lets idle units
        }

        double[] coinsSold = CoinsSoldInEnforcement;
        double[] coinsProceeds = CoinsEnforcementProceeds;
        double[] coinsKept = CoinsKept;
        for (int i = 0; i < coinsSold.Length && i < coinsProceeds.Length && i < coinsKept.Length; i++)
        {
            coinsSold[i] = 0.0; // added to only when an enforcement sale sells the coins
            coinsProceeds[i] = 0.0;
            coinsKept[i] = 0.0; // added to only by a miner that keeps coins
        }

        double[] contractUnits = ContractUnits;
        int[] contractStop = ContractStopPeriod;
        for (int i = 0; i < contractUnits.Length && i < contractStop.Length; i++)
        {
            contractUnits[i] = 0.0;
            contractStop[i] = -1; // written only in the period it stops
        }

        int[] tranchePut = TranchePutPeriod;
        int[] trancheCall = TrancheCallPeriod;
        for (int i = 0; i < tranchePut.Length && i < trancheCall.Length; i++)
        {
            tranchePut[i] = -1; // written only in the period the holder puts
            trancheCall[i] = -1; // written only in the period the issuer calls
        }
        // TrancheConversionPrice needs nothing: every run writes it at its end for each convertible whose price resets,
        // the only tranches whose summary reads it.
    }

    /// <summary>Every buffer zeroed (the ledger too) and the run's events to "nothing happened": a fresh result.
    /// <c>Run</c> does not need it (it starts with <see cref="BeginPath"/>).</summary>
    public void Reset()
    {
        if (Ledger is not null)
        {
            Array.Clear(Ledger);
        }

        PeriodsRun = 0;
        EventOfDefaultPeriod = -1;
        SalePeriod = -1;
        SaleProceeds = 0;
        Array.Clear(Collections);
        Array.Clear(CashPaidOut);
        Array.Clear(CashHeldStart);
        Array.Clear(CashHeldEnd);
        Arrays.Clear(InterestPaid);
        Arrays.Clear(PrincipalPaid);
        Arrays.Clear(TrancheBalance);
        Arrays.Clear(TrancheDrawn);
        Arrays.Clear(CommitmentFeePaid);
        Arrays.Clear(InterestShortfall);
        Arrays.Clear(PrincipalShortfall);
        Arrays.Clear(Distributions);
        Arrays.Clear(Injections);
        Arrays.Clear(AccountBalance);
        Arrays.Clear(TestValues);
        Arrays.Clear(TriggerActive);
        Arrays.Clear(History);
        Array.Clear(RvgPaid);
        Array.Clear(RemarketingProceeds);
        Arrays.Clear(GuaranteePaid);
        Arrays.Clear(GuaranteeFeePaid);
        Arrays.Clear(GuaranteeRecovered);
        Arrays.Clear(GuarantorPrincipal);
        Arrays.Clear(GuarantorInterest);
        Array.Clear(PrincipalLoss);
        Array.Clear(UnpaidInterest);
        Arrays.Clear(LoanInterest);
        Arrays.Clear(LoanPrincipal);
        Arrays.Clear(LoanRecovery);
        Array.Clear(LoanLoss);
        Array.Clear(LoanSold);
        Array.Clear(LoanOutstanding);
        Array.Clear(LoanWorkoutInterest);
        Array.Clear(LoanPeakArrears);
        Array.Clear(LoanArrearsInterest);
        Array.Fill(LoanDefaultPeriod, -1);
        Array.Clear(FleetUnitsSold);
        Array.Clear(FleetSaleProceeds);
        Array.Clear(FleetUnits);
        Array.Clear(FleetMarketValue);
        Array.Clear(FleetBookValue);
        Array.Clear(FleetUnitsKept);
        Array.Clear(FleetUnitsHeld);
        Array.Clear(FleetPeriodsHeld);
        Array.Clear(FleetSaleRevenue);
        Array.Clear(FleetReletRevenue);
        Array.Clear(FleetOpexUnpaid);
        Array.Clear(FeeUnpaid);
        Array.Clear(CommitmentFeeUnpaid);
        Array.Clear(GuaranteeFeeUnpaid);
        Arrays.Clear(ContractRevenue);
        Arrays.Clear(ContractTerminationFee);
        Arrays.Clear(LeaseTerminationFee);
        Arrays.Clear(ContractPrepayment);
        Array.Clear(ContractUnits);
        Array.Fill(ContractStopPeriod, -1);
        Array.Fill(TranchePutPeriod, -1);
        Array.Fill(TrancheCallPeriod, -1);
        Array.Clear(TrancheConversionPrice);
        Arrays.Clear(TrancheConversion);
        Arrays.Clear(CoinsHeld);
        Arrays.Clear(CoinsSold);
        Arrays.Clear(CoinsProceeds);
        Arrays.Clear(CoinsMining);
        Array.Clear(CoinsSoldInEnforcement);
        Array.Clear(CoinsEnforcementProceeds);
        Array.Clear(CoinsKept);
        Arrays.Clear(HoldingReceived);
        Arrays.Clear(HoldingValue);
        Arrays.Clear(HoldingKept);
        Arrays.Clear(HoldingValueSold);
        Arrays.Clear(HoldingSaleProceeds);
        Arrays.Clear(HoldingDrawPaid);
        Arrays.Clear(HoldingDrawUnpaid);
        Arrays.Clear(HoldingDrawCalled);
    }
}
