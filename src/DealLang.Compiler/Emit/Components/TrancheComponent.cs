using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A tranche's state in the generated C#, each piece declared once.</summary>
internal sealed class TrancheState : EntityState, IAmortizingState
{
    public TrancheState(TrancheModel model, (DealLang.Runtime.GuaranteeInfo Info, int Index)? guarantee = null, bool accelerable = false)
        : base(DeclarationKind.Tranche, model.Name, model.Index)
    {
        Model = model;
        Guarantee = guarantee;
        Accelerable = accelerable;
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
            comment: "the holders' balance has been put to the guarantor (once, at the run's first final period)",
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

    public AmortizationTerms Terms { get; }

    public StateVar Balance { get; }

    public StateVar StartBalance { get; }

    /// <summary>A floating coupon's rate this period (declared only when the coupon floats).</summary>
    public StateVar Coupon { get; }

    public StateVar ScheduledInterest { get; }

    /// <summary>Interest capitalised this period (declared only for a PIK tranche).</summary>
    public StateVar Capitalised { get; }

    public StateVar ScheduledPrincipal { get; }

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

/// <summary>
/// Tranches: interest on the opening balance and scheduled principal (fixed coupon; bullet, level, linear or
/// schedule amortisation), what is due with arrears, the pay steps on interest, principal and balance, the
/// shortfalls carried forward, and what is never repaid. Tranches receive nothing (no collections), hold no cash
/// (no release), read no expression (no amounts due or tests), and are never collateral.
/// </summary>
internal sealed class TrancheComponent(EmitContext ctx)
    : EmitterComponent<TrancheState>(ctx, () => ctx.Model.Tranches.Select(t => new TrancheState(t, GuarantorCode.Of(ctx, DealLang.Runtime.GuaranteeTarget.Tranche, t.Index),
        accelerable: ctx.Model.Triggers.Any(g => g.ActionList.OfType<AccelerateAction>().Any(a => a.Tranches.Contains(t.Index))))))
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    // ------------------------------------------------------------------ the strategies, each switched on here only

    /// <summary>The annual coupon rate as a C# operand (a floating one is this period's, in its local).</summary>
    private static string Rate(TrancheState tranche) => CouponCode.Rate(tranche.Model.Coupon, tranche.Coupon);

    /// <summary>The line that resets a floating coupon at the period's start (none for a fixed one).</summary>
    private void WriteCouponReset(IndentedWriter w, TrancheState tranche) =>
        CouponCode.WriteReset(Ctx, w, tranche.Name, tranche.Model.Coupon, tranche.Coupon, tranche.InvestmentGradeShare);

    /// <summary>A delayed draw's constants: its draw per period and the last period of its availability.</summary>
    private static void WriteDrawConstants(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Draw)
        {
            case FundedAtClosing:
                return;
            case DelayedDraw d:
                w.Comment(tranche.Name + ": drawn at the end of each period (commitment " + CSharpLiterals.Double(d.Commitment)
                    + "), available until the end of period " + CSharpLiterals.Int(d.AvailableUntilPeriod) + ".");
                w.Line("private const int " + tranche.AvailableUntilPeriod + " = " + CSharpLiterals.Int(d.AvailableUntilPeriod) + ";");
                AmortizationCode.WriteDoubles(w, tranche.Draws.Name, d.Draws);

                if (!d.InvestmentGradeDraws.IsDefaultOrEmpty)
                {
                    w.Comment(tranche.Name + ": the part of each period's draw that funds investment-grade contracts.");
                    AmortizationCode.WriteDoubles(w, tranche.InvestmentGradeDraws.Name, d.InvestmentGradeDraws);
                }

                return;
            default:
                throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
        }
    }

    /// <summary>A delayed draw's commitment fee due on the opening undrawn amount, and this period's draw (funded at
    /// the period's end, <see cref="WritePeriodEnd"/>).</summary>
    private static void WriteDrawDues(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Draw)
        {
            case FundedAtClosing:
                return;
            case DelayedDraw d:
                w.Comment(tranche.Name + ": the commitment fee on the undrawn amount, plus fees unpaid so far; this period's draw, within what is undrawn");
                w.Line(tranche.CommitmentFeeDue + " = " + tranche.Undrawn + " * " + CSharpLiterals.DoubleOperand(d.FeeRate) + " * yf + " + tranche.CommitmentFeeUnpaid + ";");
                w.Line(tranche.Drawn + " = Math.Min(" + tranche.Draws + "[t], " + tranche.Undrawn + ");");
                return;
            default:
                throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
        }
    }

    // 7. A delayed draw is funded at the period's end, outside the waterfall: the lender pays it to the seller of the
    // assets it finances, so it is neither collected nor paid out (cash stays conserved); the balance grows by it and
    // it earns interest from the next period. An event of default stops it and cancels the rest, as does the end of
    // the availability period.
    public override void WritePeriodEnd(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            if (tranche.Guarantee is not null)
            {
                // Before any capitalisation: the share is of the balance the issuer's payments came out of.
                WriteGuaranteeRecovery(w, tranche);
            }

            if (tranche.Model.Capitalisation is UnpaidCapitalises)
            {
                // pik unpaid: the interest the waterfall (and any enforcement pass) left unpaid joins the balance
                // instead of deferring; no cash moves.
                w.Comment(tranche.Name + ": unpaid interest capitalises into the balance instead of deferring");
                w.Line(tranche.Capitalised + " += " + tranche.UnpaidInterest + ";");
                w.Line(tranche.Balance + " += " + tranche.UnpaidInterest + ";");
                w.Line(tranche.UnpaidInterest + " = 0.0;");
                if (tranche.Guarantee is not null)
                {
                    // The guarantor's interest arrears capitalise into its part of the balance, the holders' into theirs.
                    w.Line(tranche.GuaranteePrincipal + " += " + tranche.GuaranteeCovered + ";");
                    w.Line(tranche.GuaranteeCovered + " = 0.0;");
                }
            }

            if (tranche.Guarantee is { } guarantee)
            {
                WriteGuarantee(w, tranche, guarantee.Info, guarantee.Index);
            }

            switch (tranche.Model.Draw)
            {
                case FundedAtClosing:
                    break;
                case DelayedDraw:
                    w.Comment(tranche.Name + ": the draw is funded (none once an event of default has occurred); the commitment ends with its availability");
                    using (w.Block("if (eventOfDefault)"))
                    {
                        w.Line(tranche.Drawn + " = 0.0;");
                    }

                    if (tranche.InvestmentGradeShare.Declared)
                    {
                        // The draw's investment-grade part (its share of the period's draws, if the commitment cut it)
                        // joins that class; the classes' shares change only here.
                        w.Comment(tranche.Name + ": the investment-grade share after the draw");
                        using (w.Block("if (" + tranche.Balance + " + " + tranche.Drawn + " > 0.0)"))
                        {
                            w.Line(tranche.InvestmentGradeShare + " = (" + tranche.InvestmentGradeShare + " * " + tranche.Balance + " + (" + tranche.Draws
                                + "[t] > 0.0 ? " + tranche.Drawn + " * " + tranche.InvestmentGradeDraws + "[t] / " + tranche.Draws + "[t] : 0.0)) / ("
                                + tranche.Balance + " + " + tranche.Drawn + ");");
                        }
                    }

                    w.Line(tranche.Balance + " += " + tranche.Drawn + ";");
                    w.Line(tranche.Undrawn + " -= " + tranche.Drawn + ";");
                    if (tranche.InvestmentGradeBalance.Declared)
                    {
                        w.Line(tranche.InvestmentGradeBalance + " = " + tranche.Balance + " * " + tranche.InvestmentGradeShare + ";");
                    }

                    using (w.Block("if (eventOfDefault || t >= " + tranche.AvailableUntilPeriod + ")"))
                    {
                        w.Line(tranche.Undrawn + " = 0.0;");
                    }

                    w.Line(Ctx.ResultRow("TrancheDrawn", CSharpLiterals.Int(tranche.Index)) + "[t] = " + tranche.Drawn + ";");
                    if (tranche.Model.Draw is DelayedDraw { FeeRate: > 0 })
                    {
                        // After both waterfalls: the lender's fee income of the period, for its IRR with the fee.
                        w.Line(Ctx.ResultRow("CommitmentFeePaid", CSharpLiterals.Int(tranche.Index)) + "[t] = " + tranche.CommitmentFeePaid + ";");
                    }

                    break;
                default:
                    throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
            }
        }
    }

    /// <summary>
    /// The principal a guaranteed tranche's holders hold: the balance <paramref name="balance"/> less the guarantor's
    /// subrogated principal (never below 0: a conversion can take the balance to 0); the balance itself without a
    /// guarantee. The guarantee fee accrues on it, and the guarantor is asked for it at the run's first final period.
    /// </summary>
    private static string HoldersBalance(TrancheState tranche, string balance) =>
        tranche.Guarantee is null ? balance : "Math.Max(0.0, " + balance + " - " + tranche.GuaranteePrincipal + ")";

    /// <summary>The share of this period's interest due the issuer left unpaid, in [0, 1] (0 when nothing was due).</summary>
    private static string UnpaidShare(TrancheState tranche) =>
        "(" + tranche.InterestDue + " > 0.0 ? Math.Clamp(1.0 - " + tranche.InterestPaid + " / " + tranche.InterestDue + ", 0.0, 1.0) : 0.0)";

    /// <summary>
    /// A guaranteed tranche at the period's end, once the waterfall (and any enforcement pass) has paid what it could,
    /// first (<see cref="WriteGuaranteeRecovery"/>) what the holders pass back to the guarantor (docs/language.md §5,
    /// "Guarantors": its subrogation), then what it pays them. The guarantor pays the holders directly, outside the
    /// deal's cash: the holders' part of this period's interest the issuer left unpaid (if it covers interest) and, the
    /// first time the run reaches a final period (the maturity, or the last enforcement sale), the balance the holders
    /// still hold (if it covers principal), times its honour share, within what its cap still allows, while it pays.
    /// What it pays becomes its own claim on the issuer: principal joins its part of the balance (which earns the
    /// coupon), interest its interest arrears.
    /// </summary>
    private void WriteGuarantee(IndentedWriter w, TrancheState tranche, DealLang.Runtime.GuaranteeInfo g, int index)
    {
        string covered = tranche.GuaranteeCovered.Name;
        string honour = GuarantorCode.Honour(Ctx, g.Guarantor), capLeft = tranche.GuaranteeCapLeft.Name;
        w.Comment(tranche.Name + ": " + Ctx.Model.Parties[g.Guarantor].Name + " pays the holders what the issuer leaves unpaid of what it covers, up to its cap");
        w.Line(tranche.Guaranteed + " = 0.0;");
        using (w.Block("if (" + GuarantorCode.Pays(Ctx, g, "t", "periodEnd") + ")"))
        {
            // pik unpaid: the holders' unpaid interest has joined their balance; nothing is asked for it.
            if (g.CoversInterest && tranche.Model.Capitalisation is not UnpaidCapitalises)
            {
                w.Comment("the holders' part of this period's interest the issuer left unpaid (asked once; their older arrears were asked before)");
                w.Line("double interestGuaranteed = Math.Min((" + tranche.ScheduledInterest + " - " + tranche.GuarantorAccrued + ") * " + UnpaidShare(tranche)
                    + " * " + honour + ", " + capLeft + ");");
                w.Line(covered + " += interestGuaranteed;");
                w.Line(capLeft + " -= interestGuaranteed;");
                w.Line(tranche.Guaranteed + " += interestGuaranteed;");
            }

            if (g.CoversPrincipal)
            {
                using (w.Block("if (finalPeriod && !" + tranche.GuaranteePrincipalClaimed + ")"))
                {
                    w.Comment("the run's first final period: the balance the holders still hold is their loss, which the guarantor pays and then owns");
                    w.Line("double principalGuaranteed = Math.Min(" + HoldersBalance(tranche, tranche.Balance.Name) + " * " + honour + ", " + capLeft + ");");
                    w.Line(capLeft + " -= principalGuaranteed;");
                    w.Line(tranche.GuaranteePrincipal + " += principalGuaranteed;");
                    w.Line(tranche.Guaranteed + " += principalGuaranteed;");
                }
            }
        }

        if (g.CoversPrincipal)
        {
            // Asked once: an event of default at the maturity runs a workout whose last sale is final again.
            using (w.Block("if (finalPeriod)"))
            {
                w.Line(tranche.GuaranteePrincipalClaimed + " = true;");
            }
        }

        string i = CSharpLiterals.Int(index);
        w.Line("result.GuaranteePaid[" + i + "][t] = " + tranche.Guaranteed + ";");
        w.Line("result.GuaranteeRecovered[" + i + "][t] = " + tranche.GuaranteeRecovered + ";");
        w.Line("result.GuarantorPrincipal[" + i + "][t] = " + tranche.GuaranteePrincipal + ";");
        w.Line("result.GuarantorInterest[" + i + "][t] = " + covered + ";");
    }

    /// <summary>
    /// What the holders of a guaranteed tranche pass back to the guarantor out of the issuer's payments this period (its
    /// subrogation: it stands in the holders' place for what it paid, so the holders are never paid twice). The issuer's
    /// interest paid is shared pro rata to the two claims' interest due: the guarantor gets interest paid × its interest
    /// due / interest due, and its arrears become its due less that; the issuer's principal paid, pro rata to the parts
    /// of the balance it was paid from: principal paid × subrogated principal / (balance + principal paid), which its
    /// subrogated principal falls by.
    /// </summary>
    private static void WriteGuaranteeRecovery(IndentedWriter w, TrancheState tranche)
    {
        string covered = tranche.GuaranteeCovered.Name;
        string principal = tranche.GuaranteePrincipal.Name, paid = tranche.PrincipalPaid.Name, balance = tranche.Balance.Name;
        w.Comment(tranche.Name + ": the holders pass the guarantor its share of what the issuer paid (its subrogation)");
        w.Comment("interest: pro rata to the two claims' interest due; what the issuer left unpaid of the guarantor's part is its arrears");
        w.Line(tranche.GuaranteeRecovered + " = " + tranche.GuarantorInterestDue + " * (1.0 - " + UnpaidShare(tranche) + ");");
        w.Line(covered + " = " + tranche.GuarantorInterestDue + " - " + tranche.GuaranteeRecovered + ";");
        using (w.Block("if (" + principal + " > 0.0 && " + paid + " > 0.0)"))
        {
            w.Comment("the issuer paid principal: the guarantor's share of the balance it was paid from goes back to it");
            w.Line("double principalRecovered = Math.Min(" + principal + ", " + paid + " * " + principal + " / (" + balance + " + " + paid + "));");
            w.Line(principal + " -= principalRecovered;");
            w.Line(tranche.GuaranteeRecovered + " += principalRecovered;");
        }

        // Its part is never more than the balance (a conversion takes the balance to 0).
        w.Line(principal + " = Math.Min(" + principal + ", " + balance + ");");
    }

    /// <summary>The lines that capitalise this period's PIK interest into the balance (none for cash interest).</summary>
    private void WriteCapitalisation(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Capitalisation)
        {
            case CashInterest:
                return;
            case UnpaidCapitalises:
                w.Line(tranche.Capitalised + " = 0.0; // what goes unpaid capitalises at the period's end");
                return;
            case PaidInKind pik:
                string share = CSharpLiterals.DoubleOperand(pik.Share);
                string amount = pik.When is null
                    ? tranche.ScheduledInterest + " * " + share
                    : "(" + Ctx.AtPeriodStart(() => CSharpEmitter.Expression(Ctx, pik.When, null)) + " ? " + tranche.ScheduledInterest + " * " + share + " : 0.0)";
                w.Comment(tranche.Name + ": interest paid in kind is added to the balance (and earns the coupon from now on); the rest is due in cash");
                w.Line(tranche.Capitalised + " = " + amount + ";");
                w.Line(tranche.Balance + " += " + tranche.Capitalised + ";");
                w.Line(tranche.ScheduledInterest + " -= " + tranche.Capitalised + ";");
                if (tranche.Guarantee is not null)
                {
                    w.Line(tranche.GuaranteePrincipal + " += " + tranche.Capitalised + " * " + tranche.GuarantorShare + "; // the guarantor's part of it joins its principal");
                }

                return;
            default:
                throw new InvalidOperationException("No emitter for the interest settlement " + tranche.Model.Capitalisation + ".");
        }
    }

    /// <summary>The balance outstanding at the closing.</summary>
    internal static string InitialBalance(TrancheModel model) => model.Draw switch
    {
        FundedAtClosing or DelayedDraw => CSharpLiterals.Double(model.Balance),
        _ => throw new InvalidOperationException("No emitter for the draw " + model.Draw + "."),
    };

    public override string DescriptionProperty => "Tranches";

    public override IEnumerable<string> DescriptionElements() => States.Select(t =>
    {
        var info = t.Model.ToInfo();
        return "new TrancheInfo(" + CSharpLiterals.String(info.Name) + ", " + CSharpLiterals.Double(info.Balance) + ", " + CSharpLiterals.Double(info.Coupon)
            + ", " + CSharpLiterals.Int(info.Seniority) + ", " + CSharpLiterals.Date(info.Maturity) + ", " + CSharpLiterals.String(info.Amortization)
            + (info.IssuePrice == 1.0 ? "" : ", " + CSharpLiterals.Double(info.IssuePrice)) + ")"
            + Initialiser(
                info.ConversionPrice == 0 ? null : "ConversionPrice = " + CSharpLiterals.Double(info.ConversionPrice),
                info.HasPuts ? "HasPuts = true" : null,
                info.HasReset ? "HasReset = true" : null,
                info.CalledByScenario ? "CalledByScenario = true" : null,
                info.CallsAtMakeWhole ? "CallsAtMakeWhole = true" : null,
                info.CommitmentFee == 0 ? null : "CommitmentFee = " + CSharpLiterals.Double(info.CommitmentFee));
    });

    /// <summary>An object initialiser of the given assignments (those not null), or nothing when there are none.</summary>
    private static string Initialiser(params string?[] assignments)
    {
        string[] given = [.. assignments.Where(a => a is not null).Select(a => a!)];
        return given.Length == 0 ? "" : " { " + string.Join(", ", given) + " }";
    }

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.TrancheBalance => this[index].StartBalance.Name,
        Quantity.TrancheScheduledBalance => "(" + this[index].StartBalance + " - " + this[index].ScheduledPrincipal + ")",
        Quantity.TrancheInterestDue => this[index].InterestDue.Name,
        Quantity.TranchePrincipalDue => this[index].PrincipalDue.Name,
        Quantity.TrancheDebtService => "(" + this[index].ScheduledInterest + " + " + this[index].ScheduledPrincipal + ")",
        Quantity.TrancheInterestShortfall => this[index].UnpaidInterest.Name,
        Quantity.TranchePrincipalShortfall => this[index].UnpaidPrincipal.Name,
        Quantity.TrancheInterestPaid => this[index].InterestPaid.Name,
        Quantity.TranchePrincipalPaid => this[index].PrincipalPaid.Name,
        Quantity.TrancheCoupon => Rate(this[index]),
        Quantity.TrancheUndrawn => this[index].Model.Draw is DelayedDraw ? this[index].Undrawn.Name : "0.0",
        Quantity.TrancheDrawn => this[index].Model.Draw is DelayedDraw ? this[index].Drawn.Name : "0.0",
        Quantity.TrancheCommitmentFee => this[index].Model.Draw is DelayedDraw ? this[index].CommitmentFeeDue.Name : "0.0",
        Quantity.TrancheGuaranteeFee => this[index].Guarantee is not null ? this[index].GuaranteeFeeDue.Name : "0.0",
        _ => null,
    };

    /// <summary>
    /// The tranche's debt service over the periods after this one up to <c><paramref name="lastArray"/>[t]</c> (a
    /// forward test's window): projected by <c>ForwardDebtService</c> from the balance this period's schedule leaves
    /// (arrears left out), at this period's coupon, with this period's share of the interest paid in cash, and a
    /// <c>completion</c> tranche's principal on the share of the buildings completed each period of the window reads.
    /// </summary>
    internal string ForwardDebtService(int index, string lastArray)
    {
        var tranche = this[index];
        string balance = "(" + tranche.Balance + " - " + tranche.ArrearsOfSchedule + " - " + tranche.ScheduledPrincipal + ")";
        return AmortizationCode.ForwardSchedule(tranche, balance, Rate(tranche), CashShare(tranche), "YearFractions", lastArray, Completion(tranche));
    }

    /// <summary>The completed share each period of a forward window reads (C#; null without a <c>completion</c>): a
    /// completion index's shares as known at this period (<c>CompletionShares.Projected</c>: its schedule, moved by what
    /// the path has shown by now, never a drawn index's later levels), the very shares a phased lease's forward CFADS
    /// reads (<see cref="LeaseComponent"/>), so a forward DSCR's numerator and denominator stand on the same completions;
    /// any other expression, which the projection cannot read ahead, held at this period's share.</summary>
    private string? Completion(TrancheState tranche) => tranche.Model.Completion switch
    {
        null => null,
        QuantityExpression { Quantity: Quantity.IndexLevel } index => ProjectedShares(Ctx, index.Index),
        _ => "CompletionShares.Held(" + tranche.CompletedShare + ")",
    };

    /// <summary>Completion index <paramref name="index"/>'s shares as a forward projection at period t reads them (C#),
    /// its tranches' and its phased leases' alike.</summary>
    internal static string ProjectedShares(EmitContext ctx, int index)
    {
        IndexState state = ctx.Components.Of<IndexComponent>().States[index];
        return "CompletionShares.Projected(" + state.Levels + ", " + state.Schedule + ", t)";
    }

    /// <summary>The share of interest paid in cash, held at this period's: all of it, or a PIK tranche's cash share
    /// (with a <c>when</c>, the share of a period in which the condition holds only if it holds now). A
    /// <c>pik unpaid</c> tranche owes all its interest in cash; only what the waterfall leaves unpaid capitalises,
    /// which a projection does not foresee.</summary>
    private string CashShare(TrancheState tranche) => tranche.Model.Capitalisation switch
    {
        CashInterest or UnpaidCapitalises => "1.0",
        PaidInKind { When: null } pik => CSharpLiterals.Double(1 - pik.Share),
        PaidInKind pik => "(" + Ctx.AtPeriodStart(() => CSharpEmitter.Expression(Ctx, pik.When, null)) + " ? " + CSharpLiterals.Double(1 - pik.Share) + " : 1.0)",
        var other => throw new InvalidOperationException("No emitter for the interest settlement " + other + "."),
    };

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Tranches.SelectMany(t => new[]
        {
            (t.Coupon as FloatingCoupon)?.Rate,
            (t.Capitalisation as PaidInKind)?.When,
            t.TargetBalance,
            t.Conversion?.SharePrice,
            t.Completion,
        }.Concat(CouponCode.Reads(t.Coupon))).OfType<BoundExpression>().Select(e => (e, 1));

    public override bool KnownAfterWaterfall(Quantity quantity) =>
        quantity is Quantity.TrancheInterestPaid or Quantity.TranchePrincipalPaid;

    public override string HistoryName(Quantity quantity, int index) =>
        quantity == Quantity.TrancheDebtService ? this[index].DebtServiceHistory : base.HistoryName(quantity, index);

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.DebtService => States.SelectMany(t => new[] { t.ScheduledInterest.Name, t.ScheduledPrincipal.Name }),
        // The guarantee fee is paid out to the guarantor; what the guarantor pays the holders never enters the deal.
        DealSum.PaidOut => States.SelectMany(t => new[] { t.InterestPaid.Name, t.PrincipalPaid.Name }
            .Concat(t.Model.Draw is DelayedDraw ? [t.CommitmentFeePaid.Name] : [])
            .Concat(t.Guarantee is not null ? [t.GuaranteeFeePaid.Name] : [])),
        _ => [],
    };

    // ------------------------------------------------------------------ constants

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            AmortizationCode.WriteConstants(w, Model, tranche, AmortizationCode.DeclaresLevelWeights(Ctx, tranche));
            WriteDrawConstants(w, tranche);
        }
    }

    // ------------------------------------------------------------------ the loop

    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            w.Line(tranche.StartBalance + " = " + tranche.Balance + ";");
        }
    }

    // 2a. What each tranche owes this period: it depends only on its own state, so it comes first, where the
    // RVG (step 1) can read the balance the schedule leaves (T.scheduled_balance).
    public override void WriteDues(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            WriteDue(w, tranche);
        }
    }

    private void WriteDue(IndentedWriter w, TrancheState tranche)
    {
        var model = tranche.Model;
        string balance = tranche.Balance.Name;
        string unpaidPrincipal = tranche.ArrearsOfSchedule;
        string coupon = Rate(tranche);

        WriteCouponReset(w, tranche);
        w.Comment(model.Name + ": interest on the opening balance, plus interest unpaid so far (which earns none)");
        w.Line(tranche.ScheduledInterest + " = " + balance + " * " + coupon + " * yf;");
        if (tranche.Guarantee is not null)
        {
            // The holders and the guarantor share the issuer's interest by their parts of the balance (its subrogation).
            w.Line(tranche.GuarantorShare + " = " + balance + " > 0.0 ? Math.Min(1.0, " + tranche.GuaranteePrincipal + " / " + balance + ") : 0.0;");
        }

        WriteCapitalisation(w, tranche);
        w.Line(tranche.InterestDue + " = " + tranche.ScheduledInterest + " + " + tranche.UnpaidInterest + ";");
        if (tranche.Guarantee is not null)
        {
            w.Comment(model.Name + ": the guarantor's part of the interest due: the coupon on its subrogated principal, plus its interest arrears");
            w.Line(tranche.GuarantorAccrued + " = " + tranche.ScheduledInterest + " * " + tranche.GuarantorShare + ";");
            w.Line(tranche.GuarantorInterestDue + " = " + tranche.GuarantorAccrued + " + " + tranche.GuaranteeCovered + ";");
        }

        WriteConversion(w, tranche);

        // A partial hard call's share is due on its own (below): the schedule runs on the rest.
        AmortizationCode.WriteScheduledPrincipal(w, tranche, tranche.ScheduledPrincipal,
            balance + " - " + unpaidPrincipal + (model.Callable ? " - " + tranche.CalledDue : ""),
            model.Name + ": " + model.Amortization.Name
            + " principal, plus principal unpaid so far; the whole balance at maturity (and in the workout after it)");
        if (model.Completion is { } completion)
        {
            // Before the maturity only the completed buildings amortise: the schedule × the completed share, held
            // within [0, 1] (n/a counts as nothing completed). At and after the maturity the whole balance is due.
            w.Comment(model.Name + ": only the share of the buildings completed amortises before the maturity");
            w.Line(tranche.CompletedShare + " = CompletedShare.Of(" + CSharpEmitter.Expression(Ctx, completion, null) + ");");
            using (w.Block("if (t < " + tranche.MaturityPeriod + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " *= " + tranche.CompletedShare + ";");
            }
        }

        if (model.TargetBalance is { } target)
        {
            // A borrowing base: the balance above the target is due now (a mandatory prepayment). A target that is
            // n/a (a ratio over zero) asks for nothing.
            w.Comment(model.Name + ": the balance above the target balance is due as principal (a mandatory prepayment)");
            w.Line(tranche.Target + " = " + CSharpEmitter.Expression(Ctx, target, null) + ";");
            using (w.Block("if (" + balance + " - " + unpaidPrincipal + " - " + tranche.Target + " > " + tranche.ScheduledPrincipal + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + " - " + tranche.Target + ";");
            }
        }

        if (model.Callable)
        {
            // Put or called for cash: the whole balance is due in cash, in that period and (as arrears) every period after;
            // a partial hard call's share is due with the schedule of the rest.
            using (w.Block("if (" + tranche.Redeemed + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + ";");
            }

            using (w.Block("else"))
            {
                w.Line(tranche.ScheduledPrincipal + " += " + tranche.CalledDue + ";");
            }
        }

        // What the schedule asks with its arrears: the principal due, unless a trigger has accelerated the tranche.
        string scheduleDue = "Math.Min(" + balance + ", " + tranche.ScheduledPrincipal + " + " + unpaidPrincipal + ")";
        if (Ctx.Components.Of<TriggerComponent>().AcceleratedCondition(tranche.Index) is { } accelerated)
        {
            // Accelerated, the whole balance is due; the schedule's own due is kept apart so that its arrears, not the
            // accelerated shortfall, are what the next periods' schedule (and debt service) deducts.
            w.Line(tranche.ScheduleDue + " = " + scheduleDue + ";");
            w.Line(tranche.PrincipalDue + " = (" + accelerated + ") ? " + balance + " : " + tranche.ScheduleDue + ";");
        }
        else
        {
            w.Line(tranche.PrincipalDue + " = " + scheduleDue + ";");
        }

        WriteDrawDues(w, tranche);
        if (tranche.Guarantee is { } guarantee)
        {
            w.Comment(model.Name + ": the guarantee fee on the opening balance the holders hold while the guarantee runs, plus fees unpaid so far");
            w.Line(tranche.GuaranteeFeeDue + " = (" + GuarantorCode.Pays(Ctx, guarantee.Info, "t", "periodEnd") + " ? " + HoldersBalance(tranche, tranche.StartBalance.Name) + " * "
                + CSharpLiterals.DoubleOperand(guarantee.Info.FeeRate) + " * yf : 0.0) + " + tranche.GuaranteeFeeUnpaid + ";");
        }
    }

    /// <summary>
    /// A convertible, after this period's interest (still due in cash) and before its principal: at the start of its
    /// maturity period (or of any period once the share price reaches the early threshold), if the share price is above
    /// the conversion price, the holder converts the whole balance (arrears of principal included) into shares worth
    /// balance × share price / conversion price; the balance and the principal in arrears go to 0, so no principal
    /// is due in cash, now or later. No cash moves: the shares are the issuer's, not the deal's.
    /// </summary>
    private void WriteConversion(IndentedWriter w, TrancheState tranche)
    {
        if (tranche.Model.Conversion is not { } conversion)
        {
            if (tranche.Model.CalledByScenario)
            {
                // Plain notes a scenario calls: no shares, so the call is the convertible's cash branch alone.
                w.Line(tranche.RedemptionPremium + " = 0.0;");
                w.Line(tranche.CalledDue + " = 0.0;");
                WriteNoCallPrice(w, tranche);
                WriteHardCall(w, tranche, null, null);
            }

            return;
        }

        string share = "(" + CSharpEmitter.Expression(Ctx, conversion.SharePrice, null) + ")";
        // A fixed price is a literal, and so are its thresholds; a price that resets is the state every rule reads.
        string price = conversion.Reset is null ? CSharpLiterals.DoubleOperand(conversion.Price) : tranche.ConversionPrice.Name;
        string Times(double multiple) => conversion.Reset is null
            ? CSharpLiterals.DoubleOperand(multiple * conversion.Price)
            : CSharpLiterals.DoubleOperand(multiple) + " * " + tranche.ConversionPrice;
        string Described(double multiple) => conversion.Reset is null
            ? CSharpLiterals.Double(multiple * conversion.Price)
            : (multiple * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "% of it";
        WriteReset(w, tranche, conversion, share);
        string when = "t >= " + tranche.MaturityPeriod
            + (conversion.EarlyAbove is { } above ? " || " + share + " >= " + Times(above) : "")
            + (conversion.Call is { } call
                ? " || (t >= " + CSharpLiterals.Int(call.FromPeriod) + " && " + share + " >= " + Times(call.Above) + ")"
                : "");
        w.Comment(tranche.Name + ": converts into shares when the share price is above "
            + (conversion.Reset is null ? CSharpLiterals.Double(conversion.Price) : "the conversion price")
            + (conversion.EarlyAbove is { } a ? " at maturity, or as soon as it reaches " + Described(a) : " at maturity"));
        if (conversion.Call is { } c)
        {
            w.Comment(tranche.Name + ": or from period " + CSharpLiterals.Int(c.FromPeriod) + " (" + c.From + ") once it reaches "
                + Described(c.Above) + ": the issuer calls and the holder converts");
        }

        // A holder that has put the notes (or taken the issuer's cash) holds a claim to cash, not the option: it never
        // converts afterwards. The scenario's share converting (T converts X) is the holders': at the issuer's provisional
        // call every holder converts, offered par for shares worth more.
        w.Line(tranche.SharesValue + " = 0.0;");
        w.Line(tranche.RedemptionPremium + " = 0.0;");
        w.Line(tranche.CalledDue + " = 0.0;");
        WriteNoCallPrice(w, tranche);
        string part = conversion.Call is { } provisional
            ? "(t >= " + CSharpLiterals.Int(provisional.FromPeriod) + " && " + share + " >= " + Times(provisional.Above) + " ? 1.0 : "
                + tranche.ConvertPart + ")"
            : tranche.ConvertPart.Name;
        using (w.Block("if (!" + tranche.Converted + " && !" + tranche.Redeemed + " && " + tranche.Balance + " > 0.0 && (" + when + ") && " + share + " > " + price + ")"))
        {
            // Converted once: the holders that kept the rest (a partial conversion) keep it for the coupon and are repaid in cash.
            w.Line(tranche.Converted + " = true;");
            WriteConversion(w, tranche, share, price, part);
        }

        WriteHardCall(w, tranche, share, price);
        WritePut(w, tranche, conversion, share, price);
    }

    /// <summary>
    /// A convertible's conversion price reset, first in its period (before the conversion, the calls and the put, which
    /// all read the price): at the start of each period holding a reset date, while notes are outstanding, the price
    /// falls to ratio × the share price when that is lower, never below the floor. Downward only; a share price that is
    /// n/a resets nothing (the comparison is false).
    /// </summary>
    private static void WriteReset(IndentedWriter w, TrancheState tranche, ConversionModel conversion, string share)
    {
        if (conversion.Reset is not { } reset)
        {
            return;
        }

        w.Comment(tranche.Name + ": the conversion price resets (" + string.Join(", ", reset.Dates) + ") to " + (reset.Ratio * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
            + "% of the share price when that is lower, never below " + CSharpLiterals.Double(reset.Floor));
        string periods = string.Join(" || ", reset.Periods.Select(p => "t == " + CSharpLiterals.Int(p)));
        using (w.Block("if ((" + periods + ") && !" + tranche.Redeemed + " && " + tranche.Balance + " > 0.0 && "
            + CSharpLiterals.DoubleOperand(reset.Ratio) + " * " + share + " < " + tranche.ConversionPrice + ")"))
        {
            w.Line(tranche.ConversionPrice + " = Math.Max(" + CSharpLiterals.DoubleOperand(reset.Floor) + ", " + CSharpLiterals.DoubleOperand(reset.Ratio)
                + " * " + share + ");");
        }
    }

    /// <summary>Notes with a call schedule: no call price until this period's call sets one (the ledger's column reads 0
    /// outside the call's period).</summary>
    private static void WriteNoCallPrice(IndentedWriter w, TrancheState tranche)
    {
        if (tranche.CallPriceNow.Declared)
        {
            w.Line(tranche.CallPriceNow + " = 0.0;");
        }
    }

    /// <summary>The holder converts the share <paramref name="part"/> of the balance (its arrears of principal pro rata)
    /// into shares worth part × balance × S / K (at a conversion, or answering the issuer's hard call): that share is owed
    /// in cash no more, nor its arrears; with all of it, nothing is.</summary>
    private static void WriteConversion(IndentedWriter w, TrancheState tranche, string share, string price, string part)
    {
        w.Line(tranche.SharesValue + " += " + tranche.Balance + " * " + part + " * " + share + " / " + price + ";");
        WriteShareGone(w, tranche, part);
    }

    /// <summary>The share <paramref name="part"/> of the balance leaves it (converted, or called for cash), with that share
    /// of the arrears of principal: the rest keeps (1 − part) of each.</summary>
    private static void WriteShareGone(IndentedWriter w, TrancheState tranche, string part)
    {
        w.Line(tranche.Balance + " *= 1.0 - " + part + ";");
        w.Line(tranche.UnpaidPrincipal + " *= 1.0 - " + part + ";");
        if (tranche.Accelerable)
        {
            w.Line(tranche.ScheduleArrears + " *= 1.0 - " + part + ";");
        }
    }

    /// <summary>
    /// A convertible's hard call, a scenario's <c>T called on DATE at P</c> (read from the inputs: the period holding the
    /// date, −1 for none, and P), after the conversion and before the holder's put: at the start of the period holding
    /// the date (before the maturity period, in which the notes are due anyway) the issuer offers P × balance in cash. A
    /// rational holder converts when its shares are worth more, balance × S / K &gt; P × balance, i.e. S &gt; P × K, as at a
    /// conversion; otherwise the notes are redeemed as at a put (<see cref="WritePut"/>): the whole balance is due in cash,
    /// a premium above par with the interest, a price below par writing the balance down. Plain notes a scenario calls
    /// (<paramref name="share"/> and <paramref name="price"/> null) have no shares: the call is that cash branch alone.
    /// </summary>
    private void WriteHardCall(IndentedWriter w, TrancheState tranche, string? share, string? price)
    {
        string part = tranche.CallPart + "[t]";
        string callPrice = tranche.CallPrice + "[t]";
        if (share is null)
        {
            w.Comment(tranche.Name + ": the issuer's call of a share of the balance, if the scenario calls it this period: the share is due in cash at the");
            w.Comment("call price (a premium with the interest); a partial call's rest runs on");
        }
        else
        {
            w.Comment(tranche.Name + ": the issuer's hard call of a share of the balance, if the scenario calls it this period: the holder converts the share when its");
            w.Comment("shares are worth more than the cash (the holders that kept the rest of a partial conversion take the cash); a partial call's rest runs on");
        }

        // Notes converted whole are not called (docs/language.md, "The issuer's hard call"), even when a later draw has
        // lent more under them; the rest of a partial conversion is (it takes the cash).
        string wholeConverted = share is null ? "" : " && !(" + tranche.Converted + " && " + tranche.ConvertPart + " >= 1.0)";
        using (w.Block("if (" + part + " > 0.0 && t < " + tranche.MaturityPeriod + " && !" + tranche.Redeemed + " && " + tranche.Balance + " > 0.0" + wholeConverted + ")"))
        {
            // The summary's 'called on' is the first call's.
            using (w.Block("if (result.TrancheCallPeriod[" + CSharpLiterals.Int(tranche.Index) + "] < 0)"))
            {
                w.Line("result.TrancheCallPeriod[" + CSharpLiterals.Int(tranche.Index) + "] = t;");
            }

            if (tranche.CallPriceNow.Declared)
            {
                callPrice = WriteScheduledCallPrice(w, tranche, callPrice);
            }

            if (share is not null && price is not null)
            {
                using (w.Block("if (!" + tranche.Converted + " && " + share + " > " + callPrice + " * " + price + ")"))
                {
                    WriteConversion(w, tranche, share, price, part);
                }
            }

            using (w.Block((share is null ? "if (" : "else if (") + part + " >= 1.0)"))
            {
                w.Line(tranche.Redeemed + " = true;");
                WritePremium(w, tranche, callPrice);
            }

            using (w.Block("else"))
            {
                // The called share (its arrears pro rata) is due this period at the call price; the rest runs on.
                w.Line(tranche.CalledDue + " = " + part + " * " + tranche.Balance + ";");
                w.Line(tranche.UnpaidPrincipal + " *= 1.0 - " + part + ";");
                if (tranche.Accelerable)
                {
                    w.Line(tranche.ScheduleArrears + " *= 1.0 - " + part + ";");
                }

                w.Line(tranche.RedemptionPremium + " = (" + callPrice + " - 1.0) * " + tranche.CalledDue + ";");
                using (w.Block("if (" + tranche.RedemptionPremium + " > 0.0)"))
                {
                    w.Line(tranche.InterestDue + " += " + tranche.RedemptionPremium + ";");
                }

                using (w.Block("else"))
                {
                    w.Line(tranche.Balance + " += " + tranche.RedemptionPremium + ";");
                    w.Line(tranche.CalledDue + " += " + tranche.RedemptionPremium + ";");
                }
            }
        }
    }

    /// <summary>
    /// Notes with a call schedule: the call's price is the step's in force on the call date (the input, resolved when the
    /// scenario was lowered), or, where the input reads 0 (a call before the first call date), the make-whole price worked
    /// out now from the make-whole rate read at the period's start and this period's coupon (docs/language.md §5, "The
    /// make-whole price"). Returns the operand the call reads its price from.
    /// </summary>
    private string WriteScheduledCallPrice(IndentedWriter w, TrancheState tranche, string input)
    {
        CallScheduleModel schedule = tranche.Model.CallSchedule!;
        string dayCount = "DayCount." + Ctx.Model.DayCount;
        string firstCall = CSharpLiterals.Date(schedule.First.From);
        string makeWholeRate;
        if (schedule.MakeWhole is { } rate)
        {
            makeWholeRate = CSharpEmitter.Expression(Ctx, rate, null);
        }
        else if (!schedule.Curve.IsDefaultOrEmpty)
        {
            // The curve's rate at the years from the redemption to the first call date, its points' tenors in years.
            makeWholeRate = "MakeWhole.CurveRate([" + string.Join(", ", schedule.Curve.Select(p => CSharpLiterals.DoubleOperand(p.Years))) + "], ["
                + string.Join(", ", schedule.Curve.Select(p => CSharpEmitter.Expression(Ctx, p.Rate, null))) + "], "
                + CSharpLiterals.DoubleOperand(schedule.CurveSpread) + ", " + firstCall + ", t, Boundaries, " + dayCount + ")";
        }
        else
        {
            w.Line(tranche.CallPriceNow + " = " + input + ";");
            return tranche.CallPriceNow.Name;
        }

        w.Comment(tranche.Name + ": a call before " + schedule.First.From + " (its price 0 in the inputs) is at the make-whole price: "
            + CSharpLiterals.Double(schedule.First.Price) + " on that date and the coupons to it, discounted at the make-whole rate"
            + (schedule.MakeWhole is null ? " (the curve's at the time to that date)" : "") + ", at least par");
        w.Line(tranche.CallPriceNow + " = " + input + " > 0.0 ? " + input + " : MakeWhole.Price(" + makeWholeRate + ", "
            + Rate(tranche) + ", " + CSharpLiterals.DoubleOperand(schedule.First.Price) + ", " + firstCall
            + ", t, Boundaries, " + dayCount + ");");
        return tranche.CallPriceNow.Name;
    }

    /// <summary>A redemption in cash at <paramref name="redemptionPrice"/> per unit of principal (a put or a hard call):
    /// a premium above par is due with this period's interest, a price below par writes the balance down.</summary>
    private static void WritePremium(IndentedWriter w, TrancheState tranche, string redemptionPrice)
    {
        w.Line(tranche.RedemptionPremium + " = (" + redemptionPrice + " - 1.0) * " + tranche.Balance + ";");
        using (w.Block("if (" + tranche.RedemptionPremium + " > 0.0)"))
        {
            w.Line(tranche.InterestDue + " += " + tranche.RedemptionPremium + ";");
        }

        using (w.Block("else"))
        {
            w.Line(tranche.Balance + " += " + tranche.RedemptionPremium + ";");
            // The discount is on the whole balance, arrears included: what is in arrears is at most what is left (else
            // the schedule's principal, the balance less its arrears, would be negative, and so would debt service).
            w.Line(tranche.UnpaidPrincipal + " = Math.Min(" + tranche.UnpaidPrincipal + ", " + tranche.Balance + ");");
            if (tranche.ArrearsOfSchedule != tranche.UnpaidPrincipal.Name)
            {
                w.Line(tranche.ArrearsOfSchedule + " = Math.Min(" + tranche.ArrearsOfSchedule + ", " + tranche.Balance + ");");
            }
        }
    }

    /// <summary>
    /// A convertible's holder put, after the conversion (which takes the balance to 0 when it happens): at the start of
    /// the period holding a put date, a rational holder puts when the shares it could convert into are worth less than
    /// the put price, balance × S / K &lt; put price × balance, i.e. S &lt; put price × K. The whole balance (principal in
    /// arrears included) is then due in cash from this period on, as at maturity (<see cref="WriteDue"/>); a price above
    /// par adds (price − 1) × balance to this period's interest due (paid by <c>pay T.interest</c>, an interest arrear
    /// when unpaid, counted in the IRR), a price below par writes the balance down by (1 − price) × balance (the holder
    /// accepts less). Otherwise the holder keeps the option and the notes run on.
    /// </summary>
    private static void WritePut(IndentedWriter w, TrancheState tranche, ConversionModel conversion, string share, string price)
    {
        if (conversion.Puts.IsEmpty)
        {
            return;
        }

        w.Comment(tranche.Name + ": the holder puts when the shares are worth less than the put price (" + string.Join(", ", conversion.Puts.Select(p =>
            p.Date + " at " + (p.Price * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%")) + ")");
        // Two put dates in one period are one decision at its start: a rational holder takes the higher price.
        string putPrice = "t switch { " + string.Join(", ", conversion.Puts.GroupBy(p => p.Period)
            .Select(g => CSharpLiterals.Int(g.Key) + " => " + CSharpLiterals.DoubleOperand(g.Max(p => p.Price)))) + ", _ => 0.0 }";
        w.Line(tranche.PutPrice + " = " + putPrice + ";");
        // After a partial conversion the holders of the rest may put it, by the same rule; not in the period of a partial
        // hard call taken in cash, whose decision the period's is (the rest may be put at a later date).
        using (w.Block("if (!" + tranche.Redeemed + " && " + tranche.Balance + " > 0.0 && " + tranche.CalledDue + " == 0.0 && " + tranche.PutPrice + " > 0.0 && "
            + share + " < " + tranche.PutPrice + " * " + price + ")"))
        {
            w.Line(tranche.Redeemed + " = true;");
            w.Line("result.TranchePutPeriod[" + CSharpLiterals.Int(tranche.Index) + "] = t;");
            WritePremium(w, tranche, tranche.PutPrice.ToString());
        }
    }

    // pay T.interest, T.principal, T.balance: what is owed now, and what a payment reduces.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is SweepStep sweep)
        {
            // sweep X% of rest to T: that share of the cash still unapplied prepays T, at most its balance
            var swept = this[sweep.Tranche];
            w.Line(step.Moved + " = Math.Min(available * " + CSharpLiterals.DoubleOperand(sweep.Share) + ", " + swept.Balance + ");");
            w.Line(swept.PrincipalPaid + " += " + step.Moved + ";");
            w.Line(swept.Balance + " -= " + step.Moved + ";");
            w.Line("available -= " + step.Moved + ";");
            return;
        }

        if (step.Step is not PayStep { Kind: PayKind.Interest or PayKind.Principal or PayKind.Balance or PayKind.CommitmentFee or PayKind.GuaranteeFee } pay)
        {
            base.WriteStep(step, w);
            return;
        }

        CSharpEmitter.WritePay(Ctx, w, step, pay, PayOwed(pay));
        WriteApplyPaid(pay, step.Paid, w);
    }

    public override string PayOwed(PayStep pay)
    {
        var tranche = this[pay.Target];
        return pay.Kind switch
        {
            PayKind.Interest => "Math.Max(0.0, " + tranche.InterestDue + " - " + tranche.InterestPaid + ")",
            PayKind.CommitmentFee => "Math.Max(0.0, " + tranche.CommitmentFeeDue + " - " + tranche.CommitmentFeePaid + ")",
            PayKind.GuaranteeFee => "Math.Max(0.0, " + tranche.GuaranteeFeeDue + " - " + tranche.GuaranteeFeePaid + ")",
            PayKind.Principal => "Math.Min(" + tranche.Balance + ", Math.Max(0.0, " + tranche.PrincipalDue + " - " + tranche.PrincipalPaid + "))",
            _ => tranche.Balance.Name,
        };
    }

    public override string ProRataWeight(PayStep pay) => this[pay.Target].Balance.Name;

    public override void WriteApplyPaid(PayStep pay, string paid, IndentedWriter w)
    {
        var tranche = this[pay.Target];
        if (pay.Kind == PayKind.Interest)
        {
            w.Line(tranche.InterestPaid + " += " + paid + ";");
        }
        else if (pay.Kind == PayKind.CommitmentFee)
        {
            w.Line(tranche.CommitmentFeePaid + " += " + paid + ";");
        }
        else if (pay.Kind == PayKind.GuaranteeFee)
        {
            w.Line(tranche.GuaranteeFeePaid + " += " + paid + ";");
        }
        else
        {
            w.Line(tranche.PrincipalPaid + " += " + paid + ";");
            w.Line(tranche.Balance + " -= " + paid + ";");
        }
    }

    public override void WriteCarry(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            w.Line(tranche.UnpaidInterest + " = Flows.Shortfall(" + tranche.InterestDue + ", " + tranche.InterestPaid + ");");
            w.Line(tranche.UnpaidPrincipal + " = Flows.Shortfall(" + tranche.PrincipalDue + ", " + tranche.PrincipalPaid + ");");
            if (tranche.Accelerable)
            {
                // What was paid goes to the schedule first (it is due first, and acceleration only adds to it).
                w.Line(tranche.ScheduleArrears + " = Flows.Shortfall(" + tranche.ScheduleDue + ", " + tranche.PrincipalPaid + ");");
            }

            if (tranche.Model.Draw is DelayedDraw)
            {
                w.Line(tranche.CommitmentFeeUnpaid + " = Flows.Shortfall(" + tranche.CommitmentFeeDue + ", " + tranche.CommitmentFeePaid + ");");
            }

            if (tranche.Guarantee is not null)
            {
                w.Line(tranche.GuaranteeFeeUnpaid + " = Flows.Shortfall(" + tranche.GuaranteeFeeDue + ", " + tranche.GuaranteeFeePaid + ");");
            }
        }
    }

    public override void WriteResults(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line(Ctx.ResultRow("InterestPaid", index) + "[t] = " + tranche.InterestPaid + ";");
            w.Line(Ctx.ResultRow("PrincipalPaid", index) + "[t] = " + tranche.PrincipalPaid + ";");
            w.Line(Ctx.ResultRow("TrancheBalance", index) + "[t] = " + tranche.Balance + ";");
            w.Line(Ctx.ResultRow("InterestShortfall", index) + "[t] = " + tranche.UnpaidInterest + ";");
            w.Line(Ctx.ResultRow("PrincipalShortfall", index) + "[t] = " + tranche.UnpaidPrincipal + ";");
            if (tranche.Model.Conversion is not null)
            {
                w.Line("result.TrancheConversion[" + index + "][t] = " + tranche.SharesValue + ";");
            }
        }
    }

    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line("result.PrincipalLoss[" + index + "] = " + tranche.Balance + ";");
            w.Line("result.UnpaidInterest[" + index + "] = " + tranche.UnpaidInterest + ";");
            if (tranche.Model.Conversion is { Reset: not null })
            {
                w.Line("result.TrancheConversionPrice[" + index + "] = " + tranche.ConversionPrice + ";");
            }
        }
    }
}
