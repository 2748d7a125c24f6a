using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// Redemptions in cash before the maturity: the issuer's hard call (at a call schedule's or the make-whole price), the
// holder's put, and the premium or discount either carries; written after the conversion, which they defer to.
internal sealed partial class TrancheComponent
{
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
                    if (tranche.Guarantee is null)
                    {
                        WriteConversion(w, tranche, share, price, part);
                    }
                    else
                    {
                        // Converting is a conversion (docs/language.md §5, "guaranteed convertible"): only the holders'
                        // part of the called share converts (nothing once the guarantor holds it all); the guarantor's
                        // subrogated principal, a claim to cash, is redeemed in cash at the call price.
                        w.Line("double holdersCalled = " + part + " * " + HoldersBalance(tranche, tranche.Balance.Name) + " / " + tranche.Balance + ";");
                        WriteConversion(w, tranche, share, price, "holdersCalled");
                        WriteGuarantorCalled(w, tranche, part, callPrice);
                    }
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
                    WriteGuarantorPremium(w, tranche);
                }

                using (w.Block("else"))
                {
                    WriteGuarantorDiscount(w, tranche);
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
            WriteGuarantorPremium(w, tranche);
        }

        using (w.Block("else"))
        {
            WriteGuarantorDiscount(w, tranche);
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
    /// A guaranteed convertible's whole call the holders answer by converting (docs/language.md §5, "guaranteed
    /// convertible"): the call is of the whole issue, and the guarantor, subrogated to a claim to cash (it cannot convert),
    /// is redeemed in cash at the call price on what is left once the holders' part has converted, its S (all of the
    /// balance then), as at a call taken in cash (<see cref="WritePremium"/>): the balance due this period from the
    /// waterfall's principal step (owed as arrears after it when unpaid), a premium with the interest, a price below par
    /// writing S down. The balance redeemed is the guarantor's part alone (S / B = 1 now), so the premium or discount is
    /// all its own. A partial call leaves S owed as before (to the maturity, or overdue).
    /// </summary>
    private static void WriteGuarantorCalled(IndentedWriter w, TrancheState tranche, string part, string callPrice)
    {
        using (w.Block("if (" + part + " >= 1.0 && " + tranche.Balance + " > 0.0)"))
        {
            w.Line(tranche.Redeemed + " = true;");
            WritePremium(w, tranche, callPrice);
        }
    }

    /// <summary>
    /// Behind a guarantor, the redemption price applies to both claims on the balance alike (docs/language.md §5,
    /// "guaranteed convertible"): the guarantor, subrogated to the holders' rights on what it paid, is owed the premium
    /// on its part, the premium × S / B (<see cref="RedeemedShare"/>), with its interest due, so the holders get the
    /// price on their part B − S and no more. Nothing without a guarantor.
    /// </summary>
    private static void WriteGuarantorPremium(IndentedWriter w, TrancheState tranche)
    {
        if (tranche.Guarantee is not null)
        {
            w.Line(tranche.GuarantorInterestDue + " += " + tranche.RedemptionPremium + " * " + RedeemedShare(tranche) + ";");
        }
    }

    /// <summary>Behind a guarantor, a price below par writes the guarantor's part down by the same share as the
    /// holders' (the discount × S / B, <see cref="RedeemedShare"/>; the discount is negative), so each claim is repaid
    /// at the price; written before the balance falls. Nothing without a guarantor.</summary>
    private static void WriteGuarantorDiscount(IndentedWriter w, TrancheState tranche)
    {
        if (tranche.Guarantee is not null)
        {
            w.Line(tranche.GuaranteePrincipal + " = Math.Max(0.0, " + tranche.GuaranteePrincipal + " + " + tranche.RedemptionPremium + " * " + RedeemedShare(tranche) + ");");
        }
    }

    /// <summary>The guarantor's part of the balance being redeemed, S / B as they stand at the redemption (at most 1):
    /// the opening S / B (interest paid in kind joins both by it) but after a conversion in the same period, which takes
    /// only the holders' part off the balance: all of it when the holders' part has converted whole.</summary>
    private static string RedeemedShare(TrancheState tranche) =>
        "(" + tranche.Balance + " > 0.0 ? Math.Min(1.0, " + tranche.GuaranteePrincipal + " / " + tranche.Balance + ") : 0.0)";

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
            p.Date + " at " + CSharpLiterals.Percent(p.Price))) + ")");
        // Two put dates in one period are one decision at its start: a rational holder takes the higher price.
        string putPrice = "t switch { " + string.Join(", ", conversion.Puts.GroupBy(p => p.Period)
            .Select(g => CSharpLiterals.Int(g.Key) + " => " + CSharpLiterals.DoubleOperand(g.Max(p => p.Price)))) + ", _ => 0.0 }";
        w.Line(tranche.PutPrice + " = " + putPrice + ";");
        // After a partial conversion the holders of the rest may put it, by the same rule; not in the period of a partial
        // hard call taken in cash, whose decision the period's is (the rest may be put at a later date).
        // The put is the holders' option: behind a guarantor, not once they hold nothing (their part converted, or the
        // guarantor's subrogated principal the whole balance), the guarantor's claim to cash running on.
        using (w.Block("if (!" + tranche.Redeemed + " && " + HoldersBalance(tranche, tranche.Balance.Name) + " > 0.0 && " + tranche.CalledDue + " == 0.0 && " + tranche.PutPrice + " > 0.0 && "
            + share + " < " + tranche.PutPrice + " * " + price + ")"))
        {
            w.Line(tranche.Redeemed + " = true;");
            w.Line("result.TranchePutPeriod[" + CSharpLiterals.Int(tranche.Index) + "] = t;");
            WritePremium(w, tranche, tranche.PutPrice.ToString());
        }
    }
}
