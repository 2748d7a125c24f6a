using System.Globalization;
using DealLang.Runtime;
using DealLang.Runtime.Tests.Actus;

namespace DealLang.Cli.Tests.Actus;

/// <summary>
/// Writes an ACTUS reference case as a .deal: closing at the initial exchange, one payment cycle from the first
/// payment date to the maturity, one tranche (PAM bullet, LAM linear, ANN level) and a lease large enough to pay
/// everything. Only cases whose schedule and terms a deal can state are eligible; the rest say why. A premium or
/// discount at the exchange only changes the exchange payoff, which a deal's ledger does not carry.
/// </summary>
internal static class ActusDeal
{
    /// <summary>Why the case cannot be written as a deal, or null when it can.</summary>
    public static string? Ineligible(ActusTestCase c)
    {
        ActusTerms t = c.Terms;
        string type = t.Required("contractType");
        if (ActusCaseSelection.ExclusionReason(c) is { } reason)
        {
            return "excluded from the harness (" + reason + ")";
        }

        if (type == "NAM")
        {
            return "no negative amortisation in DealLang";
        }

        if (t.Date("initialExchangeDate") <= t.Date("statusDate"))
        {
            return "exchanged before the status date: a deal starts at its closing";
        }

        if (t.Number("accruedInterest") is { } accrued && accrued != 0)
        {
            return "interest accrued before the exchange: a deal owes none at its closing";
        }

        if (t.Has("nextPrincipalRedemptionPayment"))
        {
            return "a given instalment or redemption amount: DealLang computes level and linear amounts";
        }

        if (t.Has("maturityDate") && t.Has("amortizationDate") && t.Date("maturityDate") != t.Date("amortizationDate"))
        {
            return "amortisation to a date other than the maturity";
        }

        if (Cycle(c) is not { } cycle || cycle.Months is not (1 or 3 or 6 or 12))
        {
            return "interest and principal on different cycles, or a cycle DealLang cannot pay";
        }

        Date closing = t.Date("initialExchangeDate")!.Value;
        Date first = FirstPayment(c, cycle);
        Date maturity = Maturity(c);
        if (first.Day >= 28 || first > maturity)
        {
            return "an anchor day that month ends would move";
        }

        int k = 1;
        while (cycle.Add(first, k) < maturity)
        {
            k++;
        }

        if (cycle.Add(first, k) != maturity && cycle.LongStub)
        {
            return "a long last period (L0): a deal's last stub is short";
        }

        Date? prAnchor = t.Date("cycleAnchorDateOfPrincipalRedemption");
        if (type != "PAM" && prAnchor <= closing)
        {
            return "a redemption on the exchange date: a deal's first payment falls after its closing";
        }

        if (type == "ANN" && cycle.Add(closing, 1) != first)
        {
            return "a short first period under ANN: ACTUS pays a full instalment in it, DealLang its share (docs/language.md)";
        }

        return null;
    }

    public static string Text(ActusTestCase c)
    {
        ActusTerms t = c.Terms;
        ActusCycle cycle = Cycle(c)!;
        Date closing = t.Date("initialExchangeDate")!.Value;
        Date maturity = Maturity(c);
        double notional = t.Number("notionalPrincipal")!.Value;
        string amortize = t.Required("contractType") switch
        {
            "ANN" => "level",
            "LAM" => "linear",
            _ => "bullet",
        };
        string pay = cycle.Months switch
        {
            1 => "monthly",
            3 => "quarterly",
            6 => "semiannual",
            _ => "annual",
        };
        string daycount = t.Required("dayCountConvention") switch
        {
            "A365" => "ACT/365F",
            "A360" => "ACT/360",
            "30E360" => "30E/360",
            _ => "ACT/ACT",
        };

        // The rate as the case writes it (0.08 becomes 8%), so the deal's coupon is the same double.
        decimal rate = decimal.Parse(t.Required("nominalInterestRate"), NumberStyles.Float, CultureInfo.InvariantCulture) * 100;
        string money = Invariant(notional);
        int years = ((maturity.Year - closing.Year) + 2);
        return $$"""
            deal Actus {
              title    "ACTUS {{c.Id}}"
              currency USD
              closing  {{closing}}
              first_payment {{FirstPayment(c, cycle)}}
              maturity {{maturity}}
              pay      {{pay}}
              daycount {{daycount}}

              party Borrower { rating "A" }
              facility Asset { cost {{money}}  value straight_line 30y }
              lease Rent on Asset { lessee Borrower  rent {{Invariant(notional * 10)}} per year  starts {{closing}}  term {{years}}y }
              tranche Loan { balance {{money}}  coupon {{rate.ToString(CultureInfo.InvariantCulture)}}%  amortize {{amortize}} }
              equity Owner { contributed {{money}} }

              waterfall {
                pay Loan.interest
                pay Loan.principal
                distribute rest to Owner
              }
            }
            """;
    }

    // PAM pays on its interest cycle; LAM and ANN on their principal cycle, which interest must follow.
    private static ActusCycle? Cycle(ActusTestCase c)
    {
        ActusTerms t = c.Terms;
        ActusCycle? interest = ActusCycle.Parse(t.Text("cycleOfInterestPayment"));
        if (t.Required("contractType") == "PAM")
        {
            return interest;
        }

        ActusCycle? principal = ActusCycle.Parse(t.Text("cycleOfPrincipalRedemption"));
        bool sameAnchor = t.Date("cycleAnchorDateOfInterestPayment") is not { } ipAnchor
            || ipAnchor == t.Date("cycleAnchorDateOfPrincipalRedemption");
        return interest is null || (interest == principal && sameAnchor) ? principal : null;
    }

    // An anchor on the exchange date pays nothing there: the first payment is one cycle on.
    private static Date FirstPayment(ActusTestCase c, ActusCycle cycle)
    {
        ActusTerms t = c.Terms;
        Date closing = t.Date("initialExchangeDate")!.Value;
        Date anchor = (t.Required("contractType") == "PAM"
            ? t.Date("cycleAnchorDateOfInterestPayment")
            : t.Date("cycleAnchorDateOfPrincipalRedemption")) ?? cycle.Add(closing, 1);
        return anchor > closing ? anchor : cycle.Add(anchor, 1);
    }

    private static Date Maturity(ActusTestCase c) =>
        c.Terms.Date("maturityDate") ?? c.Terms.Date("amortizationDate") ?? throw new NotSupportedException("No maturity.");

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
