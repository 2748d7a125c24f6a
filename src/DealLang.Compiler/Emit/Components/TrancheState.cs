using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A tranche's state in the generated C#, each piece declared once.</summary>
internal sealed class TrancheState : EntityState, IAmortizingState
{
    public TrancheState(TrancheModel model, (DealLang.Runtime.GuaranteeInfo Info, int Index)? guarantee = null, bool accelerable = false,
        bool readsScheduledBalance = false, bool maturesBeforeTheDeal = false)
        : base(DeclarationKind.Tranche, model.Name, model.Index)
    {
        Model = model;
        Guarantee = guarantee;
        Accelerable = accelerable;
        MaturesBeforeTheDeal = maturesBeforeTheDeal;
        Balance = Local("balance", "double", StateLife.Carried, TrancheComponent.InitialBalance(model), "principal outstanding",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " balance"));
        StartBalance = Local("startBalance", "double", StateLife.Period, Balance.Name, model.Name + ".balance: outstanding at the period's start");
        Coupon = Local("coupon", "double", StateLife.Period, comment: model.Name + ".coupon: this period's floating rate, reset at its start",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " coupon", DealLang.Runtime.ColumnKind.Rate),
            declared: model.Coupon is FloatingCoupon);
        ScheduledInterest = Local("scheduledInterest", "double", StateLife.Period, comment: "this period's interest on the opening balance");
        Capitalised = Local("capitalised", "double", StateLife.Period, comment: "this period's interest paid in kind: added to the balance",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " interest capitalised"),
            declared: model.Capitalisation is PaidInKind or UnpaidCapitalises);
        ScheduledPrincipal = Local("scheduledPrincipal", "double", StateLife.Period, comment: "this period's scheduled principal (not arrears)");
        ScheduledBalance = Local("scheduledBalance", "double", StateLife.Period,
            comment: model.Name + ".scheduled_balance: what the schedule leaves outstanding at the period's end", declared: readsScheduledBalance);
        CompletedShare = Local("completedShare", "double", StateLife.Period,
            comment: model.Name + ": the share of the buildings completed at the period's start, which scales the scheduled principal",
            declared: model.Completion is not null);
        InterestDue = Local("interestDue", "double", StateLife.Period, comment: "incl. interest unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " interest due"));
        PrincipalDue = Local("principalDue", "double", StateLife.Period, comment: "incl. principal unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " principal due"));
        bool draws = model.Draw is DelayedDraw;
        Target = Local("targetBalance", "double", StateLife.Period, comment: "the borrowing base: the balance above it is due",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " target balance"), declared: model.TargetBalance is not null);
        Drawn = Local("drawn", "double", StateLife.Period, comment: model.Name + ".drawn: funded at the period's end, outside the waterfall",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " drawn"), declared: draws);
        Undrawn = Local("undrawn", "double", StateLife.Carried,
            draws ? CSharpLiterals.Double(((DelayedDraw)model.Draw).Commitment - model.Balance) : null,
            model.Name + ".undrawn: the commitment not yet drawn nor cancelled",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " undrawn"), declared: draws);
        CommitmentFeeDue = Local("commitmentFeeDue", "double", StateLife.Period, comment: "on the undrawn amount, incl. fees unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " commitment fee due"), declared: draws);
        CommitmentFeePaid = Local("commitmentFeePaid", "double", StateLife.Paid, declared: draws);
        CommitmentFeeUnpaid = Local("commitmentFeeUnpaid", "double", StateLife.Carried, comment: "carried forward", declared: draws);
        Draws = Static("draws", "double[]");
        bool classes = model.Coupon is FloatingCoupon { Classes: not null };
        InvestmentGradeShare = Local("investmentGradeShare", "double", StateLife.Carried, "0.0",
            model.Name + ": the share of the balance funding investment-grade contracts", declared: classes);
        InvestmentGradeBalance = Local("investmentGradeBalance", "double", StateLife.Period,
            comment: model.Name + ": the balance funding investment-grade contracts, at the period's end",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " investment-grade balance"), declared: classes);
        InvestmentGradeDraws = Static("investmentGradeDraws", "double[]");
        AvailableUntilPeriod = Static("availableUntilPeriod", "int");
        InterestPaid = Local("interestPaid", "double", StateLife.Paid);
        PrincipalPaid = Local("principalPaid", "double", StateLife.Paid);
        UnpaidInterest = Local("unpaidInterest", "double", StateLife.Carried, comment: model.Name + ".interest_shortfall, carried forward");
        UnpaidPrincipal = Local("unpaidPrincipal", "double", StateLife.Carried, comment: model.Name + ".principal_shortfall, carried forward");
        ScheduleDue = Local("scheduleDue", "double", StateLife.Period,
            comment: "what the schedule asks this period with its arrears (the principal due but for an acceleration)", declared: accelerable);
        ScheduleArrears = Local("scheduleArrears", "double", StateLife.Carried,
            comment: "scheduled principal unpaid so far: principal_shortfall less what an acceleration brought forward", declared: accelerable);
        FirstPrincipalPeriod = Static("firstPrincipalPeriod", "int");
        MaturityPeriod = Static("maturityPeriod", "int");
        Schedule = Static("schedule", "double[]");
        LevelRates = Static("levelRates", "double[]");
        LevelSums = Static("levelSums", "(double[] Growth, double[] PaymentsAtMaturity)");
        DebtServiceHistory = "history_" + EntityName("debtService");
        bool guaranteed = guarantee is not null;
        string guarantor = guarantee is { } gi ? " " + gi.Info.Name[..gi.Info.Name.IndexOf(" for ", StringComparison.Ordinal)] : "";
        GuaranteeFeeDue = Local("guaranteeFeeDue", "double", StateLife.Period, comment: "on the opening balance while the guarantee runs, incl. fees unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " guarantee fee due"), declared: guaranteed);
        GuaranteeFeePaid = Local("guaranteeFeePaid", "double", StateLife.Paid, declared: guaranteed);
        GuaranteeFeeUnpaid = Local("guaranteeFeeUnpaid", "double", StateLife.Carried, comment: "carried forward", declared: guaranteed);
        Guaranteed = Local("guaranteed", "double", StateLife.Period, comment: "paid by the guarantor to the holders directly, outside the waterfall",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " paid by" + guarantor), declared: guaranteed);
        GuaranteeRecovered = Local("guaranteeRecovered", "double", StateLife.Period,
            comment: "passed back to the guarantor: its pro rata share of the issuer's interest and principal paid",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " repaid to" + guarantor), declared: guaranteed);
        GuaranteeCapLeft = Local("guaranteeCapLeft", "double", StateLife.Carried,
            guaranteed ? CSharpLiterals.Double(guarantee!.Value.Info.Cap) : null, "what the guarantor's cap still allows", declared: guaranteed);
        GuarantorShare = Local("guarantorShare", "double", StateLife.Period,
            comment: "the guarantor's part of the opening balance, S / B: its share of the period's interest", declared: guaranteed);
        GuarantorAccrued = Local("guarantorAccrued", "double", StateLife.Period,
            comment: "the interest due in cash this period on the guarantor's subrogated principal", declared: guaranteed);
        GuarantorInterestDue = Local("guarantorInterestDue", "double", StateLife.Period,
            comment: "the guarantor's part of the interest due: interest on its subrogated principal plus its interest arrears", declared: guaranteed);
        GuaranteeCovered = Local("guaranteeCovered", "double", StateLife.Carried,
            comment: "the guarantor's interest arrears: holders' interest it paid, and interest on its principal, the issuer has not paid",
            declared: guaranteed);
        GuaranteePrincipal = Local("guaranteePrincipal", "double", StateLife.Carried,
            comment: "principal the guarantor paid the holders and has not got back: its part of the balance (it earns the coupon)",
            declared: guaranteed);
        GuaranteePrincipalClaimed = Local("guaranteePrincipalClaimed", "bool", StateLife.Carried,
            comment: maturesBeforeTheDeal
                ? "the holders' balance has been put to the guarantor (once, at the tranche's own maturity or the run's first final period, whichever comes first)"
                : "the holders' balance has been put to the guarantor (once, at the run's first final period)",
            declared: guarantee is { Info.CoversPrincipal: true });
        bool converts = model.Conversion is not null;
        Converted = Local("converted", "bool", StateLife.Carried, comment: "the holder has converted the notes into shares", declared: converts);
        SharesValue = Local("sharesValue", "double", StateLife.Period, comment: "what the shares the holder converted into are worth, in the period it converts",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " converted into shares"), declared: converts);
        // Only a convertible whose price resets carries it: every other reads its fixed price as a literal.
        bool resets = model.Conversion is { Reset: not null };
        ConversionPrice = Local("conversionPrice", "double", StateLife.Carried, resets ? CSharpLiterals.Double(model.Conversion!.Price) : null,
            model.Name + ": the conversion price in force, lowered towards the share price at its resets, never below the floor",
            new LedgerSlot(LedgerSection.Due, model.Name + " conversion price", DealLang.Runtime.ColumnKind.Number), declared: resets);
        bool puts = model.Conversion is { Puts.IsEmpty: false };
        // Any convertible may be called for cash by a scenario (its 'called on' is run-time data, read from the inputs),
        // so every convertible has the redemption's state and the premium's ledger column; so has a plain tranche some
        // scenario calls.
        bool callable = model.Callable;
        Redeemed = Local("redeemed", "bool", StateLife.Carried,
            comment: "the holder has put the notes or the issuer has called them for cash: the whole balance is due in cash from then on", declared: callable);
        PutPrice = Local("putPrice", "double", StateLife.Period, comment: "the put price this period (per unit of principal), 0 outside the put dates' periods",
            declared: puts);
        RedemptionPremium = Local("redemptionPremium", "double", StateLife.Period,
            comment: "in the put's or the hard call's period, (price − 1) × the balance: a premium due with the interest, or (negative) the discount the holder accepts",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " redemption premium"), declared: callable);
        CalledDue = Local("calledDue", "double", StateLife.Period,
            comment: "a partial hard call's: the called share of the balance, due in cash this period (after a discount), else 0", declared: callable);
        CallPriceNow = Local("callPriceNow", "double", StateLife.Period,
            comment: "the price of this period's call from the call schedule: the step's, or the make-whole price worked out now; 0 without a call",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " call price", DealLang.Runtime.ColumnKind.Rate), declared: callable && model.CallSchedule is not null);
        CallPart = Input("callPart", "double[]");
        CallPrice = Input("callPrice", "double[]");
        ConvertPart = Input("convertPart", "double");
        Terms = new AmortizationTerms(model.Name, (model.Coupon as FixedCoupon)?.Rate, model.Amortization, model.Maturity,
            model.MaturityPeriod);
    }

    public TrancheModel Model { get; }

    /// <summary>The guarantee behind the tranche and its position in the deal's guarantees; null when none.</summary>
    public (DealLang.Runtime.GuaranteeInfo Info, int Index)? Guarantee { get; }

    /// <summary>A guaranteed tranche's state (declared only with a guarantor): the fee, what the guarantor pays the
    /// holders and gets back, its cap left, the interest arrears put to it and paid by it, and its subrogated principal.</summary>
    public StateVar GuaranteeFeeDue { get; }

    public StateVar GuaranteeFeePaid { get; }

    public StateVar GuaranteeFeeUnpaid { get; }

    public StateVar Guaranteed { get; }

    public StateVar GuaranteeRecovered { get; }

    public StateVar GuaranteeCapLeft { get; }

    public StateVar GuarantorShare { get; }

    public StateVar GuarantorAccrued { get; }

    public StateVar GuarantorInterestDue { get; }

    public StateVar GuaranteeCovered { get; }

    /// <summary>The guarantor's subrogated principal (the part of the balance it paid the holders and has not got
    /// back), and whether the holders' balance has been put to it.</summary>
    public StateVar GuaranteePrincipal { get; }

    public StateVar GuaranteePrincipalClaimed { get; }

    /// <summary>Whether the tranche's own maturity period comes before the deal's last scheduled period (a principal
    /// guarantee then pays there: docs/language.md §5, "Guarantors").</summary>
    public bool MaturesBeforeTheDeal { get; }

    public AmortizationTerms Terms { get; }

    public StateVar Balance { get; }

    public StateVar StartBalance { get; }

    /// <summary>A floating coupon's rate this period (declared only when the coupon floats).</summary>
    public StateVar Coupon { get; }

    public StateVar ScheduledInterest { get; }

    /// <summary>Interest capitalised this period (declared only for a PIK tranche).</summary>
    public StateVar Capitalised { get; }

    public StateVar ScheduledPrincipal { get; }

    /// <summary>What the schedule leaves outstanding at the period's end (<c>T.scheduled_balance</c>): the balance once the
    /// period's start has changed it (interest paid in kind added, a conversion or a redemption's write-down taken off),
    /// less the scheduled principal.</summary>
    public StateVar ScheduledBalance { get; }

    /// <summary>The share its <c>completion</c> gives this period (declared only with one).</summary>
    public StateVar CompletedShare { get; }

    public StateVar InterestDue { get; }

    public StateVar PrincipalDue { get; }

    /// <summary>The target balance this period (declared only with a <c>target_balance</c>).</summary>
    public StateVar Target { get; }

    /// <summary>A delayed draw's state (declared only with a commitment): drawn this period, undrawn, the fee.</summary>
    public StateVar Drawn { get; }

    public StateVar Undrawn { get; }

    public StateVar CommitmentFeeDue { get; }

    public StateVar CommitmentFeePaid { get; }

    public StateVar CommitmentFeeUnpaid { get; }

    /// <summary>A delayed draw's amount per period, and the last period its commitment is available in.</summary>
    public StateVar Draws { get; }

    public StateVar AvailableUntilPeriod { get; }

    /// <summary>With a margin by investment grade: the investment-grade share of the balance (changed only by draws:
    /// repayments and capitalised interest move both classes pro rata), its amount at the period's end, and the
    /// investment-grade part of each period's draws.</summary>
    public StateVar InvestmentGradeShare { get; }

    public StateVar InvestmentGradeBalance { get; }

    public StateVar InvestmentGradeDraws { get; }

    public StateVar InterestPaid { get; }

    public StateVar PrincipalPaid { get; }

    public StateVar UnpaidInterest { get; }

    public StateVar UnpaidPrincipal { get; }

    /// <summary>Whether a trigger may accelerate the tranche: then <see cref="ScheduleDue"/> and
    /// <see cref="ScheduleArrears"/> are declared.</summary>
    public bool Accelerable { get; }

    /// <summary>What the schedule asks this period, arrears of it included: the principal due unless accelerated.</summary>
    public StateVar ScheduleDue { get; }

    /// <summary>The schedule's principal left unpaid so far. Without an acceleration it is the principal shortfall;
    /// once accelerated, the shortfall is the whole balance, and the schedule (so <c>debt_service</c>) runs on what
    /// the schedule itself has not been paid, not on the balance less the accelerated shortfall (which is nothing).</summary>
    public StateVar ScheduleArrears { get; }

    /// <summary>The principal in arrears the schedule deducts from the balance before it amortises it.</summary>
    public string ArrearsOfSchedule => Accelerable ? ScheduleArrears.Name : UnpaidPrincipal.Name;

    public StateVar FirstPrincipalPeriod { get; }

    public StateVar MaturityPeriod { get; }

    /// <summary>A <c>schedule</c> tranche's principal per period.</summary>
    public StateVar Schedule { get; }

    /// <summary>A <c>level</c> tranche's period rates (coupon × year fraction).</summary>
    public StateVar LevelRates { get; }

    /// <summary>A <c>level</c> tranche's annuity sums from each period to the maturity.</summary>
    public StateVar LevelSums { get; }

    /// <summary>The history buffer of the tranche's debt service (an expression, not a local of its own).</summary>
    public string DebtServiceHistory { get; }

    /// <summary>A convertible's: whether the holder has converted (declared only for a convertible tranche).</summary>
    public StateVar Converted { get; }

    /// <summary>A convertible's: the shares' value in the period it converts, else 0.</summary>
    public StateVar SharesValue { get; }

    /// <summary>A convertible whose price resets: the conversion price in force (declared only for such a tranche).</summary>
    public StateVar ConversionPrice { get; }

    /// <summary>A convertible's: whether the holder has put the notes or the issuer has called them for cash.</summary>
    public StateVar Redeemed { get; }

    /// <summary>A convertible's input, [t]: the share of the balance the scenario's issuer calls in period t (a hard call;
    /// 1 for the whole), 0 for none.</summary>
    public StateVar CallPart { get; }

    /// <summary>A convertible's input, [t]: the hard call's price in period t, per unit of principal.</summary>
    public StateVar CallPrice { get; }

    /// <summary>Notes with a call schedule: the price of this period's call (the step's, or the make-whole price the loop
    /// works out where the input reads 0), per unit of principal; 0 in a period without a call.</summary>
    public StateVar CallPriceNow { get; }

    /// <summary>A convertible's input: the share of the balance its holders convert when the rule says they convert.</summary>
    public StateVar ConvertPart { get; }

    /// <summary>A convertible's: the share of the balance a partial hard call calls for cash, due this period, else 0.</summary>
    public StateVar CalledDue { get; }

    /// <summary>A convertible with puts: this period's put price (0 outside the puts' periods).</summary>
    public StateVar PutPrice { get; }

    /// <summary>A convertible's: the put's or the hard call's premium over par in its period (negative for a discount), else 0.</summary>
    public StateVar RedemptionPremium { get; }
}
