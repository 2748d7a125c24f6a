using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// A convertible's conversion (docs/language.md §5): its price reset and the holder's conversion, written in the dues
// after the interest and before the principal; apart because only a convertible (or plain notes a scenario calls) writes it.
internal sealed partial class TrancheComponent
{
    /// <summary>
    /// A convertible, after this period's interest (still due in cash) and before its principal: at the start of its
    /// maturity period (or of any period once the share price reaches the early threshold), if the share price is above
    /// the conversion price, the holder converts the whole balance (arrears of principal included) into shares worth
    /// balance × share price / conversion price; the balance and the principal in arrears go to 0, so no principal
    /// is due in cash, now or later. No cash moves: the shares are the issuer's, not the deal's. Behind a guarantor only
    /// the holders' part of the balance converts (its subrogated principal is a claim to cash).
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
            : CSharpLiterals.Percent(multiple) + " of it";
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
        // A guarantor that has paid the holders' principal holds a claim to cash, not the option (as a holder that has
        // put): only the holders' part of the balance, B − S, converts, and nothing does once the guarantor holds it all.
        string holders = HoldersBalance(tranche, tranche.Balance.Name);
        using (w.Block("if (!" + tranche.Converted + " && !" + tranche.Redeemed + " && " + holders + " > 0.0 && (" + when + ") && " + share + " > " + price + ")"))
        {
            // Converted once: the holders that kept the rest (a partial conversion) keep it for the coupon and are repaid in cash.
            w.Line(tranche.Converted + " = true;");
            if (tranche.Guarantee is not null)
            {
                // Read before the balance falls: the share of the whole balance the holders convert.
                w.Line("double holdersPart = " + part + " * " + holders + " / " + tranche.Balance + ";");
                part = "holdersPart";
            }

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

        w.Comment(tranche.Name + ": the conversion price resets (" + string.Join(", ", reset.Dates) + ") to " + CSharpLiterals.Percent(reset.Ratio)
            + " of the share price when that is lower, never below " + CSharpLiterals.Double(reset.Floor));
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
}
