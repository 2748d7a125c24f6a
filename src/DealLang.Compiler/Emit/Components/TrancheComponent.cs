using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A tranche's state in the generated C#, each piece declared once.</summary>
internal sealed class TrancheState : EntityState
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
    }

    public TrancheModel Model { get; }

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
    private const int NumbersPerLine = 4;

    /// <summary>The periods' weights in a level payment, one array per deal (written with the first level tranche).</summary>
    private const string LevelWeights = "LevelWeights";

    public override DeclarationKind Kind => DeclarationKind.Tranche;

    // ------------------------------------------------------------------ the strategies, each switched on here only

    /// <summary>The annual coupon rate as a C# operand.</summary>
    private static string Rate(CouponModel coupon) => coupon switch
    {
        FixedCoupon f => CSharpLiterals.DoubleOperand(f.Rate),
        _ => throw new InvalidOperationException("No emitter for the coupon " + coupon + "."),
    };

    /// <summary>The rate a level payment is computed at, once per deal (a literal: the annuity is precomputed).</summary>
    private static string AnnuityRate(CouponModel coupon) => coupon switch
    {
        FixedCoupon f => CSharpLiterals.Double(f.Rate),
        _ => throw new InvalidOperationException("A level payment needs a fixed coupon, not " + coupon + "."),
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
            var model = tranche.Model;
            w.Line();
            int first = model.Amortization.FirstPrincipalPeriod;
            string interestOnly = model.Amortization.InterestOnlyUntil is { } io ? " (interest only until " + io + ")" : "";
            w.Comment(model.Name + ": scheduled principal from period " + CSharpLiterals.Int(first) + interestOnly
                + ", all of it in period " + CSharpLiterals.Int(model.MaturityPeriod) + " (maturity " + model.Maturity + ").");
            w.Line("private const int " + tranche.FirstPrincipalPeriod + " = " + CSharpLiterals.Int(first) + ";");
            w.Line("private const int " + tranche.MaturityPeriod + " = " + CSharpLiterals.Int(model.MaturityPeriod) + ";");

            if (model.Amortization is ScheduledAmortization schedule)
            {
                // One amount per period, as lowered.
                var amounts = schedule.Amounts;
                w.Comment(model.Name + ": scheduled principal per period.");
                w.Line("private static readonly double[] " + tranche.Schedule + " =");
                using (w.Block(closingSuffix: ";"))
                {
                    foreach (var chunk in amounts.Chunk(NumbersPerLine))
                    {
                        w.Line(string.Join(", ", chunk.Select(CSharpLiterals.Double)) + ",");
                    }
                }
            }

            WriteLevelConstants(w, tranche);
        }
    }

    // Level amortisation: the unequal-period annuity of docs/language.md (tranche), fed from static arrays that the
    // runtime computes once per deal, so the loop only slices them (no allocation, no day counts in the loop).
    private void WriteLevelConstants(IndentedWriter w, TrancheState tranche)
    {
        if (tranche.Model.Amortization is not LevelAmortization)
        {
            return;
        }

        if (States.First(t => t.Model.Amortization is LevelAmortization) == tranche)
        {
            w.Comment("Each period's share of a regular period's level payment: 1, or a stub's year fraction over a full period's.");
            w.Line("private static readonly double[] " + LevelWeights + " = Annuity.PeriodWeights(DayCount." + Model.DayCount
                + ", 12 / PeriodsPerYear, Boundaries);");
        }

        w.Comment(tranche.Name + ": coupon × each period's year fraction, the rates of its level payment.");
        w.Line("private static readonly double[] " + tranche.LevelRates + " = Annuity.PeriodRates("
            + AnnuityRate(tranche.Model.Coupon) + ", YearFractions);");
        w.Comment(tranche.Name + ": the annuity's sums from each period to the maturity, so the loop's payment is O(1).");
        w.Line("private static readonly " + tranche.LevelSums.Type + " " + tranche.LevelSums
            + " = Annuity.LevelSums(" + tranche.LevelRates + ", " + LevelWeights + ", " + CSharpLiterals.Int(tranche.Model.MaturityPeriod) + ");");
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

        string? scheduled = model.Amortization switch
        {
            LevelAmortization => LevelPrincipal(tranche, balance + " - " + unpaidPrincipal),
            LinearAmortization => "Annuity.LinearPrincipal(" + balance + " - " + unpaidPrincipal + ", " + remaining + ")",
            ScheduledAmortization => tranche.Schedule + "[t]",
            BulletAmortization => null,
            _ => throw new InvalidOperationException("No emitter for the amortisation " + model.Amortization.Name + "."),
        };

        w.Comment(model.Name + ": " + model.Amortization.Name
            + " principal, plus principal unpaid so far; the whole balance at maturity (and in the workout after it)");
        using (w.Block("if (t >= " + tranche.MaturityPeriod + ")"))
        {
            w.Line(tranche.ScheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + ";");
        }

        if (scheduled is not null)
        {
            using (w.Block("else if (t >= " + tranche.FirstPrincipalPeriod + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " = Math.Min(" + balance + " - " + unpaidPrincipal + ", " + scheduled + ");");
            }
        }

        using (w.Block("else"))
        {
            w.Line(tranche.ScheduledPrincipal + " = 0.0;");
        }

        w.Line(tranche.PrincipalDue + " = Math.Min(" + balance + ", " + tranche.ScheduledPrincipal + " + " + unpaidPrincipal + ");");
    }

    /// <summary>This period's level principal on <paramref name="outstanding"/>, over the periods left to the tranche's maturity.</summary>
    private static string LevelPrincipal(TrancheState tranche, string outstanding)
    {
        string remaining = tranche.MaturityPeriod + " - t + 1";
        string sums = tranche.LevelSums.Name;
        return "Annuity.LevelPrincipal(" + outstanding + ", " + tranche.LevelRates + "[t], " + LevelWeights + "[t], "
            + sums + ".Growth[t], " + sums + ".PaymentsAtMaturity[t], " + remaining + ")";
    }

    // pay T.interest, T.principal, T.balance: what is owed now, and what a payment reduces.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not PayStep { Kind: PayKind.Interest or PayKind.Principal or PayKind.Balance } pay)
        {
            base.WriteStep(step, w);
            return;
        }

        var tranche = this[pay.Target];
        string owed = pay.Kind switch
        {
            PayKind.Interest => "Math.Max(0.0, " + tranche.InterestDue + " - " + tranche.InterestPaid + ")",
            PayKind.Principal => "Math.Min(" + tranche.Balance + ", Math.Max(0.0, " + tranche.PrincipalDue + " - " + tranche.PrincipalPaid + "))",
            _ => tranche.Balance.Name,
        };

        CSharpEmitter.WritePay(Ctx, w, step, pay, owed);
        if (pay.Kind == PayKind.Interest)
        {
            w.Line(tranche.InterestPaid + " += " + step.Paid + ";");
        }
        else
        {
            w.Line(tranche.PrincipalPaid + " += " + step.Paid + ";");
            w.Line(tranche.Balance + " -= " + step.Paid + ";");
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
