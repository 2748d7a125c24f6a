using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A tranche's state in the generated C#, each piece declared once.</summary>
internal sealed class TrancheState : EntityState, IAmortizingState
{
    public TrancheState(TrancheModel model)
        : base(DeclarationKind.Tranche, model.Name, model.Index)
    {
        Model = model;
        Balance = Local("balance", "double", StateLife.Carried, TrancheComponent.InitialBalance(model), "principal outstanding",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " balance"));
        StartBalance = Local("startBalance", "double", StateLife.Period, Balance.Name, model.Name + ".balance: outstanding at the period's start");
        ScheduledInterest = Local("scheduledInterest", "double", StateLife.Period, comment: "this period's interest on the opening balance");
        ScheduledPrincipal = Local("scheduledPrincipal", "double", StateLife.Period, comment: "this period's scheduled principal (not arrears)");
        InterestDue = Local("interestDue", "double", StateLife.Period, comment: "incl. interest unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " interest due"));
        PrincipalDue = Local("principalDue", "double", StateLife.Period, comment: "incl. principal unpaid so far",
            ledger: new LedgerSlot(LedgerSection.Due, model.Name + " principal due"));
        InterestPaid = Local("interestPaid", "double", StateLife.Paid);
        PrincipalPaid = Local("principalPaid", "double", StateLife.Paid);
        UnpaidInterest = Local("unpaidInterest", "double", StateLife.Carried, comment: model.Name + ".interest_shortfall, carried forward");
        UnpaidPrincipal = Local("unpaidPrincipal", "double", StateLife.Carried, comment: model.Name + ".principal_shortfall, carried forward");
        FirstPrincipalPeriod = Static("firstPrincipalPeriod", "int");
        MaturityPeriod = Static("maturityPeriod", "int");
        Schedule = Static("schedule", "double[]");
        LevelRates = Static("levelRates", "double[]");
        LevelSums = Static("levelSums", "(double[] Growth, double[] PaymentsAtMaturity)");
        DebtServiceHistory = "history_" + EntityName("debtService");
        Terms = new AmortizationTerms(model.Name, (model.Coupon as FixedCoupon)?.Rate, model.Amortization, model.Maturity,
            model.MaturityPeriod);
    }

    public TrancheModel Model { get; }

    public AmortizationTerms Terms { get; }

    public StateVar Balance { get; }

    public StateVar StartBalance { get; }

    public StateVar ScheduledInterest { get; }

    public StateVar ScheduledPrincipal { get; }

    public StateVar InterestDue { get; }

    public StateVar PrincipalDue { get; }

    public StateVar InterestPaid { get; }

    public StateVar PrincipalPaid { get; }

    public StateVar UnpaidInterest { get; }

    public StateVar UnpaidPrincipal { get; }

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
}

/// <summary>
/// Tranches: interest on the opening balance and scheduled principal (fixed coupon; bullet, level, linear or
/// schedule amortisation), what is due with arrears, the pay steps on interest, principal and balance, the
/// shortfalls carried forward, and what is never repaid. Tranches receive nothing (no collections), hold no cash
/// (no release), read no expression (no amounts due or tests), and are never collateral.
/// </summary>
internal sealed class TrancheComponent(EmitContext ctx)
    : EmitterComponent<TrancheState>(ctx, () => ctx.Model.Tranches.Select(t => new TrancheState(t)))
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    // ------------------------------------------------------------------ the strategies, each switched on here only

    /// <summary>The annual coupon rate as a C# operand.</summary>
    private static string Rate(CouponModel coupon) => coupon switch
    {
        FixedCoupon f => CSharpLiterals.DoubleOperand(f.Rate),
        _ => throw new InvalidOperationException("No emitter for the coupon " + coupon + "."),
    };

    /// <summary>The balance outstanding at the closing.</summary>
    internal static string InitialBalance(TrancheModel model) => model.Draw switch
    {
        FundedAtClosing => CSharpLiterals.Double(model.Balance),
        _ => throw new InvalidOperationException("No emitter for the draw " + model.Draw + "."),
    };

    public override string DescriptionProperty => "Tranches";

    public override IEnumerable<string> DescriptionElements() => States.Select(t =>
    {
        var info = t.Model.ToInfo();
        return "new TrancheInfo(" + CSharpLiterals.String(info.Name) + ", " + CSharpLiterals.Double(info.Balance) + ", " + CSharpLiterals.Double(info.Coupon)
            + ", " + CSharpLiterals.Int(info.Seniority) + ", " + CSharpLiterals.Date(info.Maturity) + ", " + CSharpLiterals.String(info.Amortization) + ")";
    });

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
        Quantity.TrancheCoupon => Rate(this[index].Model.Coupon),
        _ => null,
    };

    public override bool KnownAfterWaterfall(Quantity quantity) =>
        quantity is Quantity.TrancheInterestPaid or Quantity.TranchePrincipalPaid;

    public override string HistoryName(Quantity quantity, int index) =>
        quantity == Quantity.TrancheDebtService ? this[index].DebtServiceHistory : base.HistoryName(quantity, index);

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.DebtService => States.SelectMany(t => new[] { t.ScheduledInterest.Name, t.ScheduledPrincipal.Name }),
        DealSum.PaidOut => States.SelectMany(t => new[] { t.InterestPaid.Name, t.PrincipalPaid.Name }),
        _ => [],
    };

    // ------------------------------------------------------------------ constants

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            AmortizationCode.WriteConstants(w, Model, tranche, AmortizationCode.DeclaresLevelWeights(Ctx, tranche));
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
        string unpaidPrincipal = tranche.UnpaidPrincipal.Name;
        string coupon = Rate(model.Coupon);
        string remaining = tranche.MaturityPeriod + " - t + 1";

        w.Comment(model.Name + ": interest on the opening balance, plus interest unpaid so far (which earns none)");
        w.Line(tranche.ScheduledInterest + " = " + balance + " * " + coupon + " * yf;");
        w.Line(tranche.InterestDue + " = " + tranche.ScheduledInterest + " + " + tranche.UnpaidInterest + ";");

        AmortizationCode.WriteScheduledPrincipal(w, tranche, tranche.ScheduledPrincipal, balance + " - " + unpaidPrincipal,
            model.Name + ": " + model.Amortization.Name
            + " principal, plus principal unpaid so far; the whole balance at maturity (and in the workout after it)");
        w.Line(tranche.PrincipalDue + " = " + (Ctx.Components.Of<TriggerComponent>().AcceleratedCondition(tranche.Index) is { } accelerated ? "(" + accelerated + ") ? " + balance + " : " : "") + "Math.Min(" + balance + ", " + tranche.ScheduledPrincipal + " + " + unpaidPrincipal + ");");
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

        if (step.Step is not PayStep { Kind: PayKind.Interest or PayKind.Principal or PayKind.Balance } pay)
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
        }
    }

    public override void WriteResults(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line("result.InterestPaid[" + index + "][t] = " + tranche.InterestPaid + ";");
            w.Line("result.PrincipalPaid[" + index + "][t] = " + tranche.PrincipalPaid + ";");
            w.Line("result.TrancheBalance[" + index + "][t] = " + tranche.Balance + ";");
            w.Line("result.InterestShortfall[" + index + "][t] = " + tranche.UnpaidInterest + ";");
            w.Line("result.PrincipalShortfall[" + index + "][t] = " + tranche.UnpaidPrincipal + ";");
        }
    }

    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line("result.PrincipalLoss[" + index + "] = " + tranche.Balance + ";");
            w.Line("result.UnpaidInterest[" + index + "] = " + tranche.UnpaidInterest + ";");
        }
    }
}
