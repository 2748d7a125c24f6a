using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// What the rest of the program reads of a tranche rather than what its loop writes: the compiled deal's description of
// it, its quantities for expressions (its forward debt service too), the expressions it reads, its history and sums.
internal sealed partial class TrancheComponent
{
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
        Quantity.TrancheScheduledBalance => this[index].ScheduledBalance.Name,
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
}
