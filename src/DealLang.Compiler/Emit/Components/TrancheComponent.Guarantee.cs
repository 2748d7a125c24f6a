using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// A guaranteed tranche's guarantor at the period's end (docs/language.md §5, "Guarantors"): what it pays the holders
// outside the deal's cash and what the holders pass back to it, apart because only a tranche with a guarantor writes it.
internal sealed partial class TrancheComponent
{
    /// <summary>
    /// The principal a guaranteed tranche's holders hold: the balance <paramref name="balance"/> less the guarantor's
    /// subrogated principal (never below 0, a guard: a conversion takes only the holders' part, so leaves the
    /// subrogated principal in the balance); the balance itself without a guarantee. The guarantee fee accrues on
    /// it, and the guarantor is asked for it once (<see cref="PrincipalAsked"/>).
    /// </summary>
    private static string HoldersBalance(TrancheState tranche, string balance) =>
        tranche.Guarantee is null ? balance : "Math.Max(0.0, " + balance + " - " + tranche.GuaranteePrincipal + ")";

    /// <summary>The share of this period's interest due the issuer left unpaid, in [0, 1] (0 when nothing was due).</summary>
    private static string UnpaidShare(TrancheState tranche) =>
        "(" + tranche.InterestDue + " > 0.0 ? Math.Clamp(1.0 - " + tranche.InterestPaid + " / " + tranche.InterestDue + ", 0.0, 1.0) : 0.0)";

    /// <summary>
    /// Whether this period is one in which the guarantor is asked for the holders' unpaid principal (once: the first
    /// such period): the run's final period (the deal's maturity, or the last enforcement sale or the horizon), or
    /// from the tranche's own maturity when it falls before the deal's (an "ultimate principal" guarantee pays by
    /// the guaranteed bond's legal final maturity, not when the deal's other debt is due). A tranche maturing with
    /// the deal keeps the run's end, so a workout begun before it still ends with its last sale.
    /// </summary>
    private string PrincipalAsked(TrancheState tranche) =>
        tranche.MaturesBeforeTheDeal ? "(finalPeriod || t >= " + tranche.MaturityPeriod + ")" : "finalPeriod";

    /// <summary>
    /// A guaranteed tranche at the period's end, once the waterfall (and any enforcement pass) has paid what it could,
    /// first (<see cref="WriteGuaranteeRecovery"/>) what the holders pass back to the guarantor (docs/language.md §5,
    /// "Guarantors": its subrogation), then what it pays them. The guarantor pays the holders directly, outside the
    /// deal's cash: the holders' part of this period's interest the issuer left unpaid (if it covers interest) and, the
    /// first time the run reaches a final period (the maturity, or the last enforcement sale) or the tranche's own
    /// earlier maturity (<see cref="PrincipalAsked"/>), the balance the holders still hold (if it covers principal), times its honour share, within what its cap still allows, while it pays.
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
                using (w.Block("if (" + PrincipalAsked(tranche) + " && !" + tranche.GuaranteePrincipalClaimed + ")"))
                {
                    w.Comment((tranche.MaturesBeforeTheDeal ? "the tranche's own maturity or the run's first final period" : "the run's first final period")
                        + ": the balance the holders still hold is their loss, which the guarantor pays and then owns");
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
            using (w.Block("if (" + PrincipalAsked(tranche) + ")"))
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
    /// subrogated principal falls by. With <c>subrogated after holders</c> that share goes on to the holders while they
    /// are still owed anything (<see cref="WriteDeferredRecovery"/>).
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

        if (tranche.Guarantee is { Info.SubrogatedAfterHolders: true })
        {
            WriteDeferredRecovery(w, tranche);
        }

        // Its part is never more than the balance (a conversion takes the balance to 0).
        w.Line(principal + " = Math.Min(" + principal + ", " + balance + ");");
    }

    /// <summary>
    /// <c>subrogated after holders</c>: the guarantor recovers only once the holders are paid in full. What its share
    /// above would give it, up to what the holders are still owed (their interest arrears, the tranche's unpaid interest
    /// less the guarantor's arrears, then their balance, the balance less its subrogated principal), goes on to the
    /// holders instead, and the guarantor takes their place for it: its arrears grow by the part that pays the holders'
    /// interest arrears, its subrogated principal by the part that repays their balance, so its claim on the issuer is
    /// unchanged and the issuer's own figures do not move.
    /// </summary>
    private static void WriteDeferredRecovery(IndentedWriter w, TrancheState tranche)
    {
        string covered = tranche.GuaranteeCovered.Name, principal = tranche.GuaranteePrincipal.Name, recovered = tranche.GuaranteeRecovered.Name;
        w.Comment("subrogated after holders: its share goes on to the holders while they are owed anything, and it takes their place for it");
        w.Line("double holdersArrears = Math.Max(0.0, " + tranche.UnpaidInterest + " - " + covered + ");");
        w.Line("double holdersPrincipal = Math.Max(0.0, " + tranche.Balance + " - " + principal + ");");
        w.Line("double deferred = Math.Min(" + recovered + ", holdersArrears + holdersPrincipal);");
        w.Line("double deferredInterest = Math.Min(deferred, holdersArrears);");
        w.Line(covered + " += deferredInterest;");
        w.Line(principal + " += deferred - deferredInterest;");
        w.Line(recovered + " -= deferred;");
    }
}
