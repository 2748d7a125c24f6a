using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A loan's state in the generated C#, each piece declared once.</summary>
internal sealed class LoanState : EntityState, IAmortizingState
{
    public LoanState(LoanModel model, string obligor, bool readsLoss, bool paysInPart = false, bool drawsOwnWorkout = false,
        bool reschedulesArrears = false, bool capitalisesArrears = false)
        : base(DeclarationKind.Loan, model.Name, model.Index)
    {
        Model = model;
        PaysInPart = paysInPart;
        ReschedulesArrears = paysInPart && reschedulesArrears;
        CapitalisesArrears = paysInPart && capitalisesArrears;
        DrawsOwnWorkout = drawsOwnWorkout && model.RecoveryLagPeriods > 0;
        Obligor = obligor;
        Balance = Local("balance", "double", StateLife.Carried, CSharpLiterals.Double(model.Balance), "principal the obligor still owes",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " balance"));
        StartBalance = Local("startBalance", "double", StateLife.Period, Balance.Name, model.Name + ".balance: outstanding at the period's start");
        Coupon = Local("coupon", "double", StateLife.Period, comment: model.Name + ".coupon: this period's floating rate, reset at its start",
            ledger: new LedgerSlot(LedgerSection.Receipts, model.Name + " coupon", ColumnKind.Rate),
            declared: model.Coupon is FloatingCoupon);
        Interest = Local("interest", "double", StateLife.Period, comment: "interest received this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "interest " + model.Name));
        Principal = Local("principal", "double", StateLife.Period, comment: "scheduled principal received this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "principal " + model.Name));
        Recovery = Local("recovery", "double", StateLife.Period, comment: model.RecoveryFrequency is { } every
                ? "the " + Frequencies.Name(every.Every) + " instalments of the recovery claim falling in the period, from the workout lag's end (not cfads)"
                : model.RecoveryInstalments > 1
                ? "an instalment of the recovery claim, one a period from the workout lag's end (not cfads)"
                : model.HasWorkout
                ? "received when the workout lag after the default has run (not cfads)"
                : "received in the period the obligor defaults in (not cfads)",
            ledger: new LedgerSlot(LedgerSection.Receipts, "recovery " + model.Name));
        // Also kept for a loan paying in part with instalments inside the periods: the interest it left unpaid before a
        // default joins the claim, so the run's loss is the one the default worked out (WriteResults).
        Loss = Local("loss", "double", StateLife.Period, comment: "written off in the default period",
            declared: readsLoss || (paysInPart && model.Amortization.BeforeDefault is not null));
        Defaulted = Local("defaulted", "bool", StateLife.Carried, comment: model.Name + ".defaulted: its obligor defaulted while it was outstanding");
        FirstPrincipalPeriod = Static("firstPrincipalPeriod", "int");
        MaturityPeriod = Static("maturityPeriod", "int");
        Schedule = Static("schedule", "double[]");
        AccrualFractions = Static("accrualFractions", "double[]");
        InstalmentDays = Static("instalmentDays", "int[]");
        FirstInstalment = Static("firstInstalment", "int[]");
        PaidFractions = Static("paidFractions", "double[]");
        PaidPrincipal = Static("paidPrincipal", "double[]");
        DefaultDay = Input("defaultDay", "int");
        LevelRates = Static("levelRates", "double[]");
        LevelSums = Static("levelSums", "(double[] Growth, double[] PaymentsAtMaturity)");
        RecoveryRate = Input("recoveryRate", "double");
        WorkoutPeriods = Input("workoutPeriods", "int");
        RecoveryFractions = Static("recoveryFractions", "double[]");
        RecoveryPeriod = Local("recoveryPeriod", "int", StateLife.Carried, "-1",
            model.RecoveryInstalments > 1
                ? "the period the first recovery instalment is received in: the default period plus the workout lag"
                : "the period the recovery is received in: the default period plus the workout lag",
            declared: model.HasWorkout);
        ClaimInterest = Local("claimInterest", "double", StateLife.Period, comment: "interest the recovery claim accrued this period (none received)",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " claim interest"), declared: model.RecoveryAccrues);
        Owed = Local("owed", "double", StateLife.Carried, comment: "what the obligor owes once defaulted: the balance then, at the "
                + (model.DefaultInterest > 0 ? "default rate (the coupon plus the default interest)" : "coupon") + ", less what was recovered (the claim's cap)",
            declared: CapsClaim(model));
        // Declared only for a loan a scenario of the deal has its obligor pay in part ('L pays 60% from DATE'), so that
        // every other deal's loop is the one it was.
        Arrears = Local("arrears", "double", StateLife.Carried, "0.0", "what the obligor owes and has not paid: interest and principal that fell due, with the interest they bore",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " arrears"), declared: paysInPart);
        ArrearsPrincipal = Local("arrearsPrincipal", "double", StateLife.Carried, "0.0", "the scheduled principal among the arrears (the rest is interest)",
            declared: paysInPart);
        StartArrears = Local("startArrears", "double", StateLife.Period, Arrears.Name, "the arrears at the period's start", declared: paysInPart);
        PaysShare = Input("paysShare", "double[]");
        PaysFrom = Input("paysFrom", "int");
        PaysTo = Input("paysTo", "int");
        ArrearsPeriods = Input("arrearsPeriods", "int");
        Terms = new AmortizationTerms(model.Name, (model.Coupon as FixedCoupon)?.Rate, model.Amortization,
            model.Maturity, model.MaturityPeriod);
        PriceAtYield = EntityName("priceAtYield");
    }

    /// <summary>The static method that prices the loan at a yield (written only for a loan a sale prices at one).</summary>
    public string PriceAtYield { get; }

    public LoanModel Model { get; }

    /// <summary>Whether a scenario of the deal has the loan's obligor pay only part of what falls due (<c>L pays 60% from
    /// DATE</c>, docs/language.md §10 "Partial payments"): only such a loan carries arrears and reads the lever's inputs.</summary>
    public bool PaysInPart { get; }

    /// <summary>Whether a scenario of the deal reschedules the loan's arrears after its last window (a standstill, <c>then
    /// arrears over 12m</c>, docs/language.md §10 "Arrears rescheduled"): only such a loan reads the instalments' count,
    /// so that every other deal's loop is the one it was.</summary>
    public bool ReschedulesArrears { get; }

    /// <summary>Whether a scenario of the deal capitalises the loan's arrears after its last window (<c>then arrears
    /// capitalised</c>, docs/language.md §10 "Arrears rescheduled"): only such a loan reads the slot for it.</summary>
    public bool CapitalisesArrears { get; }

    /// <summary>The periods the last window's arrears are repaid over, 1 for at once (<see cref="InputQuantity.LoanArrearsPeriods"/>).</summary>
    public StateVar ArrearsPeriods { get; }

    /// <summary>Whether a scenario of the deal draws the loan's own workout lag (<c>L workout drawn</c>, docs/language.md
    /// §10, "Drawn workout lags"): only then does the loop read the loan's own lag slot (a loan with a lag: DL0539 refuses
    /// one without), so that every other deal's loop is the one it was.</summary>
    public bool DrawsOwnWorkout { get; }

    /// <summary>What falls due and is unpaid, with the interest it bore (declared only with <see cref="PaysInPart"/>).</summary>
    public StateVar Arrears { get; }

    /// <summary>The scheduled principal among the arrears (declared only with <see cref="PaysInPart"/>).</summary>
    public StateVar ArrearsPrincipal { get; }

    /// <summary>The arrears at the period's start: with the balance, the claim a default in the period is on.</summary>
    public StateVar StartArrears { get; }

    /// <summary>The share of what falls due the obligor pays in each period, −1 in a period in no window
    /// (<see cref="InputQuantity.LoanPaysShareByPeriod"/>).</summary>
    public StateVar PaysShare { get; }

    /// <summary>The first window's first period, −1 without the lever (<see cref="InputQuantity.LoanPaysFrom"/>).</summary>
    public StateVar PaysFrom { get; }

    /// <summary>The last window's last period, −1 without <c>to</c> (<see cref="InputQuantity.LoanPaysTo"/>).</summary>
    public StateVar PaysTo { get; }

    /// <summary>What the obligor owes at the period's start as C#: the balance, and the arrears when it may have any.</summary>
    public string OwedAtStart => PaysInPart ? "(" + StartBalance + " + " + StartArrears + ")" : StartBalance.Name;

    public AmortizationTerms Terms { get; }

    public StateVar Balance { get; }

    public StateVar StartBalance { get; }

    /// <summary>A floating coupon's rate this period; declared only when the coupon floats.</summary>
    public StateVar Coupon { get; }

    public StateVar Interest { get; }

    public StateVar Principal { get; }

    public StateVar Recovery { get; }

    /// <summary>The obligor's recovery on this path, read from the path inputs; declared only for a loan without a
    /// <c>recovery</c> of its own (<see cref="LoanModel.RecoveryFromObligor"/>).</summary>
    public StateVar RecoveryRate { get; }

    /// <summary>The workout lag in periods on this path: the obligor's drawn lag, else the loan's own (read only for a
    /// loan with a lag, <see cref="LoanModel.RecoveryLagPeriods"/> above zero).</summary>
    public StateVar WorkoutPeriods { get; }

    /// <summary>Instalments of unequal size: the part of the claim outstanding each takes (written only with
    /// <see cref="LoanModel.RecoveryShares"/>).</summary>
    public StateVar RecoveryFractions { get; }

    /// <summary>Declared only when an expression reads <c>L.loss</c>.</summary>
    public StateVar Loss { get; }

    public StateVar Defaulted { get; }

    /// <summary>Declared only for a loan with a workout (<see cref="LoanModel.HasWorkout"/>).</summary>
    public StateVar RecoveryPeriod { get; }

    /// <summary>Declared only for a claim that accrues (<see cref="LoanModel.RecoveryAccrues"/>).</summary>
    public StateVar ClaimInterest { get; }

    /// <summary>Declared only for a claim accruing at a stated rate, which what is owed caps (<see cref="CapsClaim"/>).</summary>
    public StateVar Owed { get; }

    /// <summary>A claim accruing at a stated rate may outgrow what the obligor owes (the defaulted balance at the
    /// coupon plus any default interest); one accruing at that rate never does, being at most that balance and growing
    /// alike.</summary>
    public static bool CapsClaim(LoanModel model) => model.RecoveryAccrualRate > 0 && !model.RecoveryAccruesAtCoupon;

    public StateVar FirstPrincipalPeriod { get; }

    public StateVar MaturityPeriod { get; }

    public StateVar Schedule { get; }

    /// <summary>Instalments more frequent than the deal's periods: each period's interest as a share of its opening
    /// balance (<see cref="InstalmentAmortization.AccrualFractions"/>); written only for such a loan.</summary>
    public StateVar AccrualFractions { get; }

    /// <summary>The accrual fractions, empty unless the loan's instalments are more frequent than the deal's periods.</summary>
    public ImmutableArray<double> Fractions => Model.Amortization is InstalmentAmortization { AccrualFractions: var f } ? f : [];

    /// <summary>What the default period receives of the instalments dated before the default: null unless some of the
    /// loan's instalments, or its maturity, fall inside the deal's periods (<see cref="AmortizationModel.BeforeDefault"/>).</summary>
    public DefaultPeriodInstalments? BeforeDefault => Model.Amortization.BeforeDefault;

    /// <summary>Each instalment's date in days from the closing (<see cref="DefaultPeriodInstalments.Days"/>).</summary>
    public StateVar InstalmentDays { get; }

    /// <summary>Each period's first instalment (<see cref="DefaultPeriodInstalments.First"/>).</summary>
    public StateVar FirstInstalment { get; }

    /// <summary>The interest from each instalment's period start through it, a share of the opening balance.</summary>
    public StateVar PaidFractions { get; }

    /// <summary>The principal from each instalment's period start through it.</summary>
    public StateVar PaidPrincipal { get; }

    /// <summary>Its obligor's default date on this path, days from the closing (<see cref="InputQuantity.LoanDefaultDay"/>);
    /// read only with <see cref="BeforeDefault"/>.</summary>
    public StateVar DefaultDay { get; }

    public StateVar LevelRates { get; }

    public StateVar LevelSums { get; }

    public override string Heading => Name + " (loan to " + Obligor + ")";

    private string Obligor { get; }
}

/// <summary>
/// Loans the deal owns: each period the obligor pays interest on the opening balance at the coupon (a floating one
/// reset at the period's start, a tranche's coupon code, <see cref="CouponCode"/>), or on the balance left through
/// each of its instalments inside the period when they are more frequent than the deal's periods
/// (<see cref="InstalmentAmortization.AccrualFractions"/>), and the scheduled principal (a
/// tranche's amortisation, <see cref="AmortizationCode"/>), both recurring collections; from the period the
/// obligor defaults in, nothing more: the recovery on the balance outstanding is received then (a one-off receipt,
/// outside cfads) and the rest is written off; with a workout lag the balance is written down to the recovery then,
/// and that claim is received whole when the lag has run (<see cref="LoanModel.RecoveryLagPeriods"/>), or in
/// instalments from then (<see cref="LoanModel.RecoveryInstalments"/>), growing meanwhile if it accrues
/// (<see cref="LoanModel.RecoveryAccrues"/>). The obligor's default is its party's flag (a path input), which the
/// loan reads as an expression would. A loan owes, holds and carries nothing of the deal's and is the target of no
/// step (no waterfall step). It is collateral: an enforcement sale realises its outstanding balance (par, after the
/// period's payments), or, if it has not defaulted, a market price (its payments' present value at a yield, or its
/// balance × a price index: <see cref="MarketValue"/>), less the sale's haircut, and the loan then pays nothing more. Its run results (what it paid
/// each period, and its write-off) feed the summary, which a run without a ledger has too.
/// </summary>
internal sealed class LoanComponent(EmitContext ctx)
    : EmitterComponent<LoanState>(ctx, () => ctx.Model.Loans.Select(l => new LoanState(
        l, ctx.Model.Parties[l.Obligor].Name, ctx.Reads(Quantity.LoanLoss, l.Index),
        ctx.Model.Scenarios.Any(s => s.PaymentsOfLoan(l.Index) is not null),
        ctx.Model.Scenarios.Any(s => s.Stochastic?.LoanWorkouts.Any(m => m.Loan == l.Index) == true),
        ctx.Model.Scenarios.Any(s => s.PaymentsOfLoan(l.Index) is { Length: > 0 } windows && windows[^1].ArrearsPeriods > 1),
        ctx.Model.Scenarios.Any(s => s.PaymentsOfLoan(l.Index) is { Length: > 0 } windows && windows[^1].ArrearsPeriods == 0))))
{
    public override DeclarationKind Kind => DeclarationKind.Loan;

    public override string DescriptionProperty => "Loans";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var l = s.Model.ToInfo();
        return "new LoanInfo(" + CSharpLiterals.String(l.Name) + ", " + CSharpLiterals.Int(l.Obligor) + ", " + CSharpLiterals.Double(l.Balance)
            + ", " + CSharpLiterals.Double(l.Coupon) + ", " + CSharpLiterals.Date(l.Maturity) + ", " + CSharpLiterals.String(l.Amortization)
            + ", " + CSharpLiterals.Double(l.Recovery) + ")" + Flags(l.RecoveryAccrues, s.PaysInPart, s.DrawsOwnWorkout);
    });

    // The object initialiser of a loan's flags, empty when none is set (every loan's description as it was).
    private static string Flags(bool recoveryAccrues, bool paysInPart, bool drawsOwnWorkout)
    {
        var set = new List<string>();
        if (recoveryAccrues)
        {
            set.Add("RecoveryAccrues = true");
        }

        if (paysInPart)
        {
            set.Add("PaysInPart = true");
        }

        if (drawsOwnWorkout)
        {
            set.Add("DrawsOwnWorkout = true");
        }

        return set.Count == 0 ? "" : " { " + string.Join(", ", set) + " }";
    }

    /// <summary>
    /// A forward cfads's loan receipts (docs/language.md §7, "Forward CFADS"): per loan, the interest and principal its
    /// schedule has it pay over the window from the balance this period leaves, at this period's coupon (a floating one
    /// held at its rate now, as a tranche's forward debt service holds it), with a loan paying more often than the deal
    /// accruing on its accrual fractions as the loop does; nothing once its obligor's default is known (the recovery is
    /// a one-off, not cfads) or a sale has sold it (its balance is then 0).
    /// </summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) =>
        deductions ? [] : States.Select(loan => "(" + loan.Defaulted + " ? 0.0 : " + Schedule(loan, "1.0", lastArray) + ")");

    /// <summary>A loan's interest or principal over the window, as its forward cfads counts them: what a per-period fee
    /// that is a share of either is projected on. The principal is the schedule with no interest (its share of the
    /// interest 0: the principal the amortisation asks does not depend on it); the interest is the receipts less it.</summary>
    public override string? ForwardFlow(Quantity quantity, int index, string lastArray)
    {
        var loan = this[index];
        return quantity switch
        {
            Quantity.LoanPrincipal => "(" + loan.Defaulted + " ? 0.0 : " + Schedule(loan, "0.0", lastArray) + ")",
            Quantity.LoanInterest => "(" + loan.Defaulted + " ? 0.0 : " + Schedule(loan, "1.0", lastArray) + " - " + Schedule(loan, "0.0", lastArray) + ")",
            _ => null,
        };
    }

    // The schedule's receipts over the window, with interest × interestShare (1: all of it; 0: the principal alone).
    private static string Schedule(LoanState loan, string interestShare, string lastArray) =>
        AmortizationCode.ForwardSchedule(loan, loan.Balance.Name, CouponCode.Rate(loan.Model.Coupon, loan.Coupon), interestShare,
            loan.Fractions.IsEmpty ? "YearFractions" : loan.AccrualFractions.Name, lastArray, completion: null);

    // The loan reads its obligor's default flag, so the flag is among the path inputs the loop declares.
    // A floating coupon's rate is read like any expression's, so what it reads is declared too, as are the trigger
    // states and test values its step-ups and margin grid read.
    // A sale pricing loans at an index reads its level at the sale, as a holding's mark does.
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Loans.SelectMany(l => new[]
        {
            (BoundExpression?)new QuantityExpression(Quantity.PartyDefaulted, l.Obligor, Unit.Bool, IsFlow: false),
            (l.Coupon as FloatingCoupon)?.Rate,
        }.Concat(CouponCode.Reads(l.Coupon))).OfType<BoundExpression>()
        .Concat(PriceIndices().Select(i => (BoundExpression)new QuantityExpression(Quantity.IndexLevel, i, Unit.Rate, IsFlow: false)))
        .Select(e => (e, 1));

    /// <summary>The indices of the deal that price a sale's loans (docs/language.md §9, "A loan's market price").</summary>
    private IEnumerable<int> PriceIndices() => Ctx.Sales
        .Where(s => s.Collateral.Any(c => c.Kind == CollateralKind.Loan))
        .Select(s => s.Price?.Index).OfType<int>().Distinct();

    /// <summary>Whether a sale prices loan <paramref name="loan"/> at a yield (so its pricing method is written).</summary>
    private bool SoldAtAYield(int loan) =>
        Ctx.Sales.Any(s => s.Price?.Yield is not null && s.Collateral.Contains(new CollateralRef(CollateralKind.Loan, loan)));

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.LoanBalance => this[index].StartBalance.Name,
        Quantity.LoanInterest => this[index].Interest.Name,
        Quantity.LoanPrincipal => this[index].Principal.Name,
        Quantity.LoanRecovery => this[index].Recovery.Name,
        Quantity.LoanLoss => this[index].Loss.Name,
        Quantity.LoanDefaulted => this[index].Defaulted.Name,
        Quantity.LoanCoupon => CouponCode.Rate(this[index].Model.Coupon, this[index].Coupon),
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.Collections => States.SelectMany(l => new[] { l.Interest.Name, l.Principal.Name, l.Recovery.Name }),
        DealSum.OneOffReceipts => States.Select(l => l.Recovery.Name),
        _ => [],
    };

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var loan in States)
        {
            AmortizationCode.WriteConstants(w, Model, loan, AmortizationCode.DeclaresLevelWeights(Ctx, loan));
            if (!loan.Fractions.IsEmpty)
            {
                w.Comment(loan.Model.Name + ": each period's interest as a share of its opening balance, Σ (balance left / opening balance) ×"
                    + " year fraction over the pieces its instalments cut it into.");
                AmortizationCode.WriteDoubles(w, loan.AccrualFractions.Name, loan.Fractions);
            }

            if (loan.BeforeDefault is { } before)
            {
                WriteBeforeDefault(w, loan, before);
            }

            if (SoldAtAYield(loan.Index))
            {
                WritePriceAtYield(w, loan);
            }

            if (!loan.Model.RecoveryShares.IsEmpty)
            {
                w.Comment(loan.Model.Name + ": each recovery instalment's share of the claim still outstanding, s_j / (s_j + ... + s_last), the last all of it.");
                w.Line("private static readonly double[] " + loan.RecoveryFractions + " = { "
                    + string.Join(", ", RecoveryFractions(loan.Model.RecoveryShares).Select(CSharpLiterals.Double)) + " };");
            }
        }
    }

    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var loan in States)
        {
            w.Line(loan.StartBalance + " = " + loan.Balance + ";");
            if (loan.PaysInPart)
            {
                w.Line(loan.StartArrears + " = " + loan.Arrears + ";");
            }
        }
    }

    // 2a. What each loan pays the deal this period depends only on its own state and its obligor's default flag, so
    // it is known before the collections (which add it up) and anything that reads it.
    public override void WriteDues(IndentedWriter w)
    {
        foreach (var loan in States)
        {
            WriteLoan(w, loan);
        }
    }

    private void WriteLoan(IndentedWriter w, LoanState loan)
    {
        LoanModel model = loan.Model;
        string defaulted = Ctx.Current(Quantity.PartyDefaulted, model.Obligor);
        string rate = RecoveryRate(loan);
        CouponCode.WriteReset(Ctx, w, model.Name, model.Coupon, loan.Coupon, loan.Coupon);
        if (model.HasWorkout)
        {
            WriteLaggedDefault(w, loan, defaulted, rate);
        }
        else
        {
            w.Comment(model.Name + ": in the period its obligor defaults in, " + DefaultPeriodPayment(loan) + "; the recovery on the balance"
                + (loan.BeforeDefault is null ? "" : " left") + " is received, the rest written off");
            using (w.Block("if (!" + loan.Defaulted + " && " + DefaultCondition(loan, defaulted)))
            {
                WriteDefaultPeriodReceipts(w, loan);
                WriteArrearsIntoClaim(w, loan);
                w.Line(loan.Recovery + " = " + loan.Balance + " * " + rate + ";");
                if (loan.Loss.Declared)
                {
                    w.Line(loan.Loss + " = " + loan.Balance + " - " + loan.Recovery + ";");
                }

                w.Line(loan.Balance + " = 0.0;");
            }
        }

        using (w.Block("else"))
        {
            if (loan.Fractions.IsEmpty)
            {
                w.Comment("interest on the opening balance (none once written off)");
                w.Line(loan.Interest + " = " + loan.Balance + " * " + CouponCode.Rate(model.Coupon, loan.Coupon) + " * yf;");
            }
            else
            {
                w.Comment("interest on the balance left through each of its " + model.Amortization.Name + " instalments inside the period (none once written off)");
                w.Line(loan.Interest + " = " + loan.Balance + " * " + CouponCode.Rate(model.Coupon, loan.Coupon) + " * " + loan.AccrualFractions + "[t];");
            }
            AmortizationCode.WriteScheduledPrincipal(w, loan, loan.Principal, loan.Balance.Name,
                model.Amortization.Name + " principal; the whole balance at the loan's maturity");
            w.Line(loan.Balance + " -= " + loan.Principal + ";");
            w.Line(loan.Recovery + " = 0.0;");
            if (loan.Loss.Declared)
            {
                w.Line(loan.Loss + " = 0.0;");
            }

            if (loan.ClaimInterest.Declared)
            {
                w.Line(loan.ClaimInterest + " = 0.0;");
            }

            if (loan.PaysInPart)
            {
                WritePartialPayment(w, loan);
            }
        }
    }

    // The default's condition after '!defaulted && ': its obligor's flag, and something still owed. A loan whose obligor
    // pays in part owes its arrears too, and, paying in part to the maturity (no 'to'), is in default from the period
    // after its maturity period if it has not paid them (docs/language.md §10, "Partial payments").
    private static string DefaultCondition(LoanState loan, string defaulted) => loan.PaysInPart
        ? "(" + defaulted + " || (" + loan.PaysFrom + " >= 0 && " + loan.PaysTo + " < 0 && t > " + CSharpLiterals.Int(loan.Model.MaturityPeriod) + ")) && "
            + loan.Balance + " + " + loan.Arrears + " > 0.0)"
        : defaulted + " && " + loan.Balance + " > 0.0)";

    // A default while arrears are outstanding: the claim is the balance and the arrears (what the obligor owes); the
    // recovery, the write-down and the loss are on it.
    private static void WriteArrearsIntoClaim(IndentedWriter w, LoanState loan)
    {
        if (!loan.PaysInPart)
        {
            return;
        }

        w.Comment("the claim is the balance and the arrears, of which the interest is reported apart");
        WriteArrearsInterest(w, loan);
        w.Line(loan.Balance + " += " + loan.Arrears + ";");
        w.Line(loan.Arrears + " = 0.0;");
        w.Line(loan.ArrearsPrincipal + " = 0.0;");
    }

    // The interest among the arrears (all but their principal) as they become a claim, are sold or are left at the run's
    // end: within the recovery, loss, sold and outstanding figures, which it lifts above the balance lent (§12).
    private static void WriteArrearsInterest(IndentedWriter w, LoanState loan) =>
        w.Line("result.LoanArrearsInterest[" + CSharpLiterals.Int(loan.Index) + "] += " + loan.Arrears + " - " + loan.ArrearsPrincipal + ";");

    // Partial payments (docs/language.md §10, "Partial payments"): what is overdue bears interest at the default rate
    // (the coupon plus any default interest), added to the arrears; in a window the obligor pays that window's share of
    // what falls due, applied to interest first, so the unpaid part is principal first, the arrears carrying on into a
    // window that follows without a period between; in a period in no window it pays the arrears with what falls due
    // (a cure: zero added when there are none, so a share of 100% is the loan paying in full).
    private static void WritePartialPayment(IndentedWriter w, LoanState loan)
    {
        LoanModel model = loan.Model;
        string rate = CouponCode.Rate(model.Coupon, loan.Coupon);
        if (model.DefaultInterest > 0)
        {
            rate = "(" + rate + " + " + CSharpLiterals.DoubleOperand(model.DefaultInterest) + ")";
        }

        string capitalised = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "capitalised");
        if (loan.CapitalisesArrears)
        {
            // Capitalised, from the period after the last window while a schedule is left, they are principal: they bear
            // the coupon through the schedule's interest (WriteCapitalisedShare), not the default rate.
            w.Line("bool " + capitalised + " = " + loan.PaysTo + " >= 0 && t > " + loan.PaysTo + " && " + loan.ArrearsPeriods + " == 0 && "
                + loan.StartBalance + " > 0.0;");
            w.Comment("the arrears bear interest at " + (model.DefaultInterest > 0 ? "the default rate (the coupon plus the default interest)" : "the coupon") + " until capitalised");
            using (w.Block("if (!" + capitalised + ")"))
            {
                w.Line(loan.Arrears + " += " + loan.Arrears + " * " + rate + " * yf;");
            }
        }
        else
        {
            w.Comment("the arrears bear interest at " + (model.DefaultInterest > 0 ? "the default rate (the coupon plus the default interest)" : "the coupon"));
            w.Line(loan.Arrears + " += " + loan.Arrears + " * " + rate + " * yf;");
        }

        using (w.Block("if (" + InWindow(loan) + ")"))
        {
            w.Comment("in the window: its share of what falls due, interest first; the rest, principal first, in arrears");
            WriteUnpaidShare(w, loan);
        }

        if (loan.ReschedulesArrears)
        {
            WriteRescheduledInstalment(w, loan);
        }

        if (loan.CapitalisesArrears)
        {
            WriteCapitalisedShare(w, loan, capitalised);
        }

        using (w.Block("else"))
        {
            w.Comment("after it, the arrears are paid with what falls due: their principal as principal, the rest as interest");
            w.Line(loan.Interest + " += " + loan.Arrears + " - " + loan.ArrearsPrincipal + ";");
            w.Line(loan.Principal + " += " + loan.ArrearsPrincipal + ";");
            w.Line(loan.Arrears + " = 0.0;");
            w.Line(loan.ArrearsPrincipal + " = 0.0;");
        }
    }

    // Capitalised arrears (docs/language.md §10, "Arrears rescheduled"): at the start of the period after the last window
    // all of them, K = A_{c−1}, become principal (their interest so far reported as the arrears' interest, as when they
    // become a claim); in each period from then they are paid pro rata with the schedule, K/B of what falls due on the
    // schedule's opening balance B: K × I_t / B of interest and K × P_t / B of principal (all of K when P_t is the whole
    // balance, at the maturity), so K follows the schedule's balance down, K_t = K_c × B_t / B_c.
    private static void WriteCapitalisedShare(IndentedWriter w, LoanState loan, string capitalised)
    {
        string interest = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "capitalisedInterest");
        string principal = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "capitalisedPrincipal");
        using (w.Block("else if (" + capitalised + ")"))
        {
            w.Comment("capitalised: at the first period after the window all the arrears become principal; then their share of what the schedule has fall due");
            using (w.Block("if (t == " + loan.PaysTo + " + 1)"))
            {
                WriteArrearsInterest(w, loan);
                w.Line(loan.ArrearsPrincipal + " = " + loan.Arrears + ";");
            }

            w.Line("double " + interest + " = " + loan.Interest + " * " + loan.Arrears + " / " + loan.StartBalance + ";");
            w.Line("double " + principal + " = " + loan.Principal + " >= " + loan.StartBalance + " ? " + loan.Arrears + " : "
                + loan.Principal + " * " + loan.Arrears + " / " + loan.StartBalance + ";");
            w.Line(loan.Interest + " += " + interest + ";");
            w.Line(loan.Principal + " += " + principal + ";");
            w.Line(loan.Arrears + " -= " + principal + ";");
            w.Line(loan.ArrearsPrincipal + " = " + loan.Arrears + ";");
        }
    }

    // A standstill (docs/language.md §10, "Arrears rescheduled"): after the last window the arrears are repaid in N equal
    // instalments, one a period from the period after it, c = paysTo + 1. In period t the instalments left, this one
    // included, are k = c + N − t; while k > 1 and before the loan's maturity period the obligor pays the interest the
    // arrears bore this period and 1/k of those at the period's start, A − A_start × (k − 1) / k (A after this period's
    // accrual), so that each instalment's principal is A_c / N; the last instalment, the maturity's or a cure after
    // it pays them all (the branch after this one). Each payment is applied interest first: the arrears' interest
    // (unpaid interest and what they bore), then their principal.
    private static void WriteRescheduledInstalment(IndentedWriter w, LoanState loan)
    {
        string left = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "instalmentsLeft");
        string paid = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "arrearsPaid");
        string paidInterest = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "arrearsInterestPaid");
        using (w.Block("else if (" + loan.PaysTo + " >= 0 && t > " + loan.PaysTo + " && " + loan.PaysTo + " + " + loan.ArrearsPeriods
            + " + 1 - t > 1 && t < " + CSharpLiterals.Int(loan.Model.MaturityPeriod) + ")"))
        {
            w.Comment("after the last window, rescheduled: this period's interest on the arrears and 1/k of them, interest first");
            w.Line("int " + left + " = " + loan.PaysTo + " + " + loan.ArrearsPeriods + " + 1 - t;");
            w.Line("double " + paid + " = " + loan.Arrears + " - " + loan.StartArrears + " * (" + left + " - 1) / " + left + ";");
            w.Line("double " + paidInterest + " = Math.Min(" + paid + ", " + loan.Arrears + " - " + loan.ArrearsPrincipal + ");");
            w.Line(loan.Interest + " += " + paidInterest + ";");
            w.Line(loan.Principal + " += " + paid + " - " + paidInterest + ";");
            w.Line(loan.Arrears + " -= " + paid + ";");
            w.Line(loan.ArrearsPrincipal + " -= " + paid + " - " + paidInterest + ";");
        }
    }

    // Whether period t is in one of the loan's partial-payment windows: the period's share is −1 in none (the path fills
    // each window's periods, from the period holding its 'from' through the one holding its 'to'); never without the
    // lever (from −1), whose path shares a row of −1 the test then does not read.
    private static string InWindow(LoanState loan) =>
        loan.PaysFrom + " >= 0 && " + loan.PaysShare + "[t] >= 0.0";

    // In the window the obligor pays its share of what fell due (the interest and principal as the loop has them), as a
    // credit agreement applies a payment, interest first: what it leaves unpaid is principal first, and joins the arrears.
    private static void WriteUnpaidShare(IndentedWriter w, LoanState loan)
    {
        string name = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "unpaid");
        string principal = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "unpaidPrincipal");
        w.Line("double " + name + " = (1.0 - " + loan.PaysShare + "[t]) * (" + loan.Interest + " + " + loan.Principal + ");");
        w.Line("double " + principal + " = Math.Min(" + loan.Principal + ", " + name + ");");
        w.Line(loan.Interest + " -= " + name + " - " + principal + ";");
        w.Line(loan.Principal + " -= " + principal + ";");
        w.Line(loan.Arrears + " += " + name + ";");
        w.Line(loan.ArrearsPrincipal + " += " + principal + ";");
    }

    private static string DefaultPeriodPayment(LoanState loan) =>
        loan.BeforeDefault is null ? "no payment" : "only the instalments dated before the default, with their interest";

    // What the default period receives before the default: nothing, as for every loan, unless some of the loan's
    // instalments fall inside the deal's periods (it pays more often than the deal, or on other dates); then the instalments of the period dated before the default and the interest of the pieces up to
    // the last of them (docs/language.md §5, "loan"), and the balance the recovery and the loss are reckoned on is the
    // balance after them (its interest from the last instalment to the default is lost). A loan those instalments
    // repaid (its maturity inside the period, before the default: a bullet's too) has not defaulted: it receives what it
    // would without the default, and nothing is left to recover or lose. An obligor paying in part pays in its window
    // only its share of them, the rest in arrears, which the claim then takes (docs/language.md §10, "Partial payments").
    private static void WriteDefaultPeriodReceipts(IndentedWriter w, LoanState loan)
    {
        if (loan.BeforeDefault is null)
        {
            w.Line(loan.Defaulted + " = true;");
            w.Line(loan.Interest + " = 0.0;");
            w.Line(loan.Principal + " = 0.0;");
            return;
        }

        string last = CSharpNames.Entity(DeclarationKind.Loan.Keyword(), loan.Name, "lastPaid");
        w.Comment("the instalments dated before the default inside the period, with the interest of the pieces up to the last of them, received at its end");
        w.Line("int " + last + " = InstalmentsBeforeDefault.Last(" + loan.InstalmentDays + ", " + loan.FirstInstalment + ", t, " + loan.DefaultDay + ");");
        // Paid at its maturity, before the default, a loan receives its maturity period's interest as it would performing:
        // at the deal's frequency or a coarser one on the opening balance over the period (a loan paying more often
        // accrues nothing after its maturity, so its fraction through the maturity is already the period's).
        string fraction = loan.BeforeDefault.Maturity < 0 || !loan.Fractions.IsEmpty
            ? loan.PaidFractions + "[" + last + "]"
            : "(" + last + " == " + CSharpLiterals.Int(loan.BeforeDefault.Maturity) + " ? yf : " + loan.PaidFractions + "[" + last + "])";
        w.Line(loan.Interest + " = " + last + " < 0 ? 0.0 : " + loan.Balance + " * " + CouponCode.Rate(loan.Model.Coupon, loan.Coupon)
            + " * " + fraction + ";");
        // The maturity's own instalment takes the whole balance left, as the maturity period does.
        string whole = loan.BeforeDefault.Maturity < 0 ? "" : last + " == " + CSharpLiterals.Int(loan.BeforeDefault.Maturity) + " ? " + loan.Balance + " : ";
        w.Line(loan.Principal + " = " + last + " < 0 ? 0.0 : " + whole + "Math.Min(" + loan.Balance + ", " + loan.PaidPrincipal + "[" + last + "]);");
        w.Line(loan.Balance + " -= " + loan.Principal + ";");
        if (!loan.PaysInPart)
        {
            w.Line(loan.Defaulted + " = " + loan.Balance + " > 0.0; // repaid before the default (its maturity inside the period), it has not defaulted");
            return;
        }

        using (w.Block("if (" + InWindow(loan) + ")"))
        {
            w.Comment("in the window: its share of those instalments and their interest, interest first; the rest, principal first, in arrears");
            WriteUnpaidShare(w, loan);
        }

        w.Line(loan.Defaulted + " = " + loan.Balance + " + " + loan.Arrears + " > 0.0; // repaid in full before the default, it has not defaulted");
    }

    // A loan with instalments inside the deal's periods (paying more often than the deal, or dated inside its periods):
    // each instalment's date (days from the closing), each period's first, and what the period has received through
    // each one, for a default inside a period.
    private static void WriteBeforeDefault(IndentedWriter w, LoanState loan, DefaultPeriodInstalments before)
    {
        w.Comment(loan.Model.Name + ": for a default inside a period, each instalment's date in days from the closing, each period's first instalment, and,");
        w.Comment("from the period's start through each instalment, the interest as a share of the opening balance and the principal.");
        WriteInts(w, loan.InstalmentDays.Name, before.Days);
        WriteInts(w, loan.FirstInstalment.Name, before.First);
        AmortizationCode.WriteDoubles(w, loan.PaidFractions.Name, before.Fractions);
        AmortizationCode.WriteDoubles(w, loan.PaidPrincipal.Name, before.Principal);
    }

    private static void WriteInts(IndentedWriter w, string name, ImmutableArray<int> values)
    {
        w.Line("private static readonly int[] " + name + " =");
        using (w.Block(closingSuffix: ";"))
        {
            foreach (var chunk in values.Chunk(12))
            {
                w.Line(string.Join(", ", chunk.Select(CSharpLiterals.Int)) + ",");
            }
        }
    }

    // 'recovery 40% after 18m accruing 8% in 4 instalments': at the default the balance is written down to the recovery
    // claim (the rest is the loss then, as without a lag); from the next period the claim accrues (if it does), capped
    // by what the obligor owes, and is received in its instalments from the period the lag ends (whole, by default),
    // unless a sale sold it first (its balance is then 0).
    private void WriteLaggedDefault(IndentedWriter w, LoanState loan, string defaulted, string rate)
    {
        LoanModel model = loan.Model;
        // A loan with a lag reads it from the path (its obligor's lag may be drawn per path); one without has none to draw.
        string lag = model.RecoveryLagPeriods > 0 ? loan.WorkoutPeriods.Name : CSharpLiterals.Int(model.RecoveryLagPeriods);
        w.Comment(model.Name + ": in the period its obligor defaults in, " + DefaultPeriodPayment(loan) + "; the balance"
            + (loan.BeforeDefault is null ? "" : " left") + " is written down to the recovery, received "
            + (model.RecoveryFrequency is { } every
                ? "in " + CSharpLiterals.Int(every.Parts) + " " + Frequencies.Name(every.Every) + " instalments, those of each period at its end, from "
                : model.RecoveryInstalments > 1 ? "in " + CSharpLiterals.Int(model.RecoveryInstalments) + " instalments from " : "")
            + (model.RecoveryLagPeriods > 0
                ? "after its workout lag (" + CSharpLiterals.Int(model.RecoveryLagPeriods) + " periods, or its obligor's lag drawn on the path)"
                : lag + " periods later"));
        using (w.Block("if (!" + loan.Defaulted + " && " + DefaultCondition(loan, defaulted)))
        {
            WriteDefaultPeriodReceipts(w, loan);
            WriteArrearsIntoClaim(w, loan);
            if (model.RecoveryLagPeriods > 0)
            {
                w.Line(loan.Recovery + " = 0.0;");
            }

            if (loan.Loss.Declared)
            {
                w.Line(loan.Loss + " = " + loan.Balance + " - " + loan.Balance + " * " + rate + ";");
            }

            if (loan.Owed.Declared)
            {
                w.Line(loan.Owed + " = " + loan.Balance + ";");
            }

            w.Line(loan.Balance + " = " + loan.Balance + " * " + rate + ";");
            w.Line(loan.RecoveryPeriod + " = t + " + lag + ";");
            if (model.RecoveryLagPeriods == 0)
            {
                // Without a lag the first instalment is received in the default period itself.
                w.Line(loan.Recovery + " = " + (model.RecoveryShares.IsEmpty
                    ? loan.Balance + " / " + CSharpLiterals.DoubleOperand(model.RecoveryInstalments)
                    : loan.Balance + " * " + loan.RecoveryFractions + "[0]") + ";");
                w.Line(loan.Balance + " -= " + loan.Recovery + ";");
                if (loan.Owed.Declared)
                {
                    w.Line(loan.Owed + " -= " + loan.Recovery + ";");
                }
            }

            if (loan.ClaimInterest.Declared)
            {
                w.Line(loan.ClaimInterest + " = 0.0;");
            }
        }

        using (w.Block("else if (" + loan.Defaulted + ")"))
        {
            w.Comment("the recovery claim: nothing paid during the workout; " + (model.RecoveryFrequency is not null
                ? "from the lag's end the shares of the " + Frequencies.Name(model.RecoveryFrequency.Value.Every) + " instalments falling in each period of what is left"
                    + ", the last part in the last instalment"
                : model.RecoveryInstalments > 1
                ? (model.RecoveryShares.IsEmpty ? "from the lag's end an equal part of what is left each period" : "from the lag's end each instalment's share of what is left")
                    + ", the last part in the last instalment"
                : "the whole claim received when it ends"));
            w.Line(loan.Interest + " = 0.0;");
            w.Line(loan.Principal + " = 0.0;");
            if (model.RecoveryAccrues)
            {
                WriteClaimAccrual(w, loan);
            }

            w.Line(loan.Recovery + " = " + (model.RecoveryInstalments > 1
                ? "t >= " + loan.RecoveryPeriod + " ? " + Instalment(loan) + " : 0.0"
                : "t == " + loan.RecoveryPeriod + " ? " + loan.Balance + " : 0.0") + ";");
            w.Line(loan.Balance + " -= " + loan.Recovery + ";");
            if (loan.Owed.Declared)
            {
                w.Line(loan.Owed + " -= " + loan.Recovery + ";");
            }

            if (loan.Loss.Declared)
            {
                w.Line(loan.Loss + " = 0.0;");
            }
        }
    }

    // The claim's interest this period, compounded into it (one period's simple interest at the deal's day count, as the
    // coupon's): at the default rate (the coupon plus any default interest), or at a stated rate capped by what the
    // obligor owes, itself accruing at the default rate.
    private void WriteClaimAccrual(IndentedWriter w, LoanState loan)
    {
        LoanModel model = loan.Model;
        string coupon = CouponCode.Rate(model.Coupon, loan.Coupon);
        if (model.DefaultInterest > 0)
        {
            coupon = "(" + coupon + " + " + CSharpLiterals.DoubleOperand(model.DefaultInterest) + ")";
        }

        if (loan.Owed.Declared)
        {
            w.Line(loan.Owed + " += " + loan.Owed + " * " + coupon + " * yf;");
            w.Line(loan.ClaimInterest + " = Math.Max(0.0, Math.Min(" + loan.Balance + " * " + CSharpLiterals.DoubleOperand(model.RecoveryAccrualRate)
                + " * yf, " + loan.Owed + " - " + loan.Balance + "));");
        }
        else
        {
            w.Line(loan.ClaimInterest + " = " + loan.Balance + " * " + coupon + " * yf;");
        }

        w.Line(loan.Balance + " += " + loan.ClaimInterest + ";");
        w.Line("result.LoanWorkoutInterest[" + CSharpLiterals.Int(loan.Index) + "] += " + loan.ClaimInterest + ";");
    }

    // A loan's price at a yield Y (docs/language.md §9, "A loan's market price"): its scheduled payments after the sale
    // period k = t + 1 … its maturity period, principal P_k by its amortisation on the balance B_k still scheduled and
    // interest B_k × c × yf_k at the sale period's coupon c, each discounted from its period's end to the sale's at Y
    // compounded per period: (1 + Y / m)^(−m × (yf_t+1 + … + yf_k)), m periods a year, yf the deal's day count.
    private static void WritePriceAtYield(IndentedWriter w, LoanState loan)
    {
        w.Line();
        w.Comment(loan.Model.Name + ": the present value at a yield of its scheduled payments after period t (interest at the coupon it");
        w.Comment("paid in period t, and principal), each discounted from its period's end at the yield compounded per period.");
        using (w.Block("private static double " + loan.PriceAtYield + "(int t, double balance, double coupon, double yield)"))
        {
            w.Line("double value = 0.0, discount = 1.0;");
            using (w.Block("for (int k = t + 1; k <= " + loan.MaturityPeriod + " && balance > 0.0; k++)"))
            {
                w.Line("discount /= Math.Pow(1.0 + yield / PeriodsPerYear, PeriodsPerYear * YearFractions[k]);");
                w.Line("double principal = " + AmortizationCode.ScheduledPrincipalAt(loan, "balance", "k") + ";");
                // A loan paying more often than the deal accrues each period over its instalments inside it (AccrualFractions).
                w.Line("value += (balance * coupon * " + (loan.Fractions.IsEmpty ? "YearFractions[k]" : loan.AccrualFractions + "[k]") + " + principal) * discount;");
                w.Line("balance -= principal;");
            }

            w.Line("return value;");
        }
    }

    /// <summary>Instalment j of unequal instalments takes s_j / Σ_{i≥j} s_i of the claim outstanding (with what it
    /// accrued), so without accrual it is s_j of the claim at the default; the last takes what is left (1, also when
    /// only zero shares are left, the claim then being 0).</summary>
    internal static double[] RecoveryFractions(ImmutableArray<double> shares)
    {
        var fractions = new double[shares.Length];
        double tail = 0;
        for (int j = shares.Length - 1; j >= 0; j--)
        {
            tail += shares[j];
            fractions[j] = j == shares.Length - 1 || tail <= 0 ? 1.0 : shares[j] / tail;
        }

        return fractions;
    }

    /// <summary>This period's instalment of the claim: an equal part of what is left over the instalments left, or
    /// an unequal instalment's fraction of it.</summary>
    private static string Instalment(LoanState loan)
    {
        LoanModel model = loan.Model;
        return model.RecoveryShares.IsEmpty
            ? loan.Balance + " / Math.Max(1, " + loan.RecoveryPeriod + " + " + CSharpLiterals.Int(model.RecoveryInstalments) + " - t)"
            : loan.Balance + " * " + loan.RecoveryFractions + "[Math.Min(t - " + loan.RecoveryPeriod + ", " + CSharpLiterals.Int(model.RecoveryInstalments - 1) + ")]";
    }

    /// <summary>The loan's recovery rate: its own constant, or its obligor's read from this path's inputs.</summary>
    private static string RecoveryRate(LoanState loan) =>
        loan.Model.RecoveryFromObligor ? loan.RecoveryRate.Name : CSharpLiterals.DoubleOperand(loan.Model.Recovery);

    public override CollateralKind? Collateral => CollateralKind.Loan;

    /// <summary>A sale realises the loan's outstanding balance at the period's end, after what its obligor paid in
    /// the period (the haircut is the sale's discount to par).</summary>
    public override string CollateralValue(int index) => this[index].PaysInPart
        ? "(" + this[index].Balance + " + " + this[index].Arrears + ")"
        : this[index].Balance.Name;

    /// <summary>What a sale at a market price realises for loan <paramref name="index"/> before the haircut (docs/language.md
    /// §9, "A loan's market price"): a defaulted loan its balance as at par (the recovery claim, or nothing), one
    /// performing its price at the sale's yield (<paramref name="yield"/>, this path's) or its balance × the index's level.</summary>
    public string MarketValue(int index, LoanSalePrice price, string yield)
    {
        LoanState loan = this[index];
        // A price below nothing (an index a mean-reverting path takes below 0) fetches nothing: the lender would not pay to sell.
        string value = price.Index is { } i
            ? loan.Balance + " * Math.Max(0.0, " + Ctx.Current(Quantity.IndexLevel, i) + ")"
            : loan.PriceAtYield + "(t, " + loan.Balance + ", " + CouponCode.Rate(loan.Model.Coupon, loan.Coupon) + ", " + yield + ")";
        // Arrears, owed now, are bought at par with the loan.
        return "(" + loan.Defaulted + " ? " + loan.Balance + " : " + value + (loan.PaysInPart ? " + " + loan.Arrears : "") + ")";
    }

    /// <summary>The buyer now owns the loan: the deal receives nothing more from it.</summary>
    public override void WriteSold(int index, IndentedWriter w)
    {
        w.Line("result.LoanSold[" + CSharpLiterals.Int(index) + "] = " + CollateralValue(index) + ";");
        w.Line(this[index].Balance + " = 0.0;");
        if (this[index].PaysInPart)
        {
            WriteArrearsInterest(w, this[index]);
            w.Line(this[index].Arrears + " = 0.0;");
            w.Line(this[index].ArrearsPrincipal + " = 0.0;");
        }
    }

    // What a run that ends before a loan matures leaves of it: after a default, a loan no sale sells (DL0471).
    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var loan in States)
        {
            w.Line("result.LoanOutstanding[" + CSharpLiterals.Int(loan.Index) + "] = " + CollateralValue(loan.Index) + ";");
            if (loan.PaysInPart)
            {
                WriteArrearsInterest(w, loan);
            }
        }
    }

    // What each loan paid, and its write-off in the period its obligor defaulted in (the first with the flag set:
    // the recovery on the opening balance came in then, the rest was lost).
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var loan in States)
        {
            string index = CSharpLiterals.Int(loan.Index);
            w.Line(Ctx.ResultRow("LoanInterest", index) + "[t] = " + loan.Interest + ";");
            w.Line(Ctx.ResultRow("LoanPrincipal", index) + "[t] = " + loan.Principal + ";");
            w.Line(Ctx.ResultRow("LoanRecovery", index) + "[t] = " + loan.Recovery + ";");
            if (loan.PaysInPart)
            {
                w.Line("result.LoanPeakArrears[" + index + "] = Math.Max(result.LoanPeakArrears[" + index + "], " + loan.Arrears + ");");
            }
            using (w.Block("if (" + loan.Defaulted + " && result.LoanDefaultPeriod[" + index + "] < 0)"))
            {
                w.Line("result.LoanDefaultPeriod[" + index + "] = t;");
                // With a workout lag nothing is received in the default period: the loss is what the write-down took.
                // A loan with instalments inside the deal's periods received those dated before the default first: the
                // loss is on the balance after them.
                // A loan in arrears owed them too (the claim is the balance and the arrears).
                // One paying in part in its window left some of those instalments unpaid, their interest too, in the claim:
                // its loss is the one its default worked out on that claim.
                string owed = loan.BeforeDefault is null ? loan.OwedAtStart : "(" + loan.OwedAtStart + " - " + loan.Principal + ")";
                w.Line("result.LoanLoss[" + index + "] = " + (loan.PaysInPart && loan.BeforeDefault is not null
                    ? loan.Loss.Name
                    : owed + " - " + (loan.Model.HasWorkout ? owed + " * " + RecoveryRate(loan) : loan.Recovery.Name)) + ";");
            }
        }
    }
}
