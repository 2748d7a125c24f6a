using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// A contract's part of a forward CFADS (docs/language.md §7, 'cfads over next D'), kept apart from the period's
// revenue: the take-or-pay receipts contracted to the end of the term running at the period's end, from what the loop
// knows now.
internal sealed partial class ContractComponent
{
    /// <summary>
    /// Per contract, unless its customer is in default now or it has been broken: units × the fleet's share held now × hours a year ×
    /// take-or-pay × (the price now, held flat, × its term's years in the window, less an applied prepayment's credit;
    /// plus, while a renewal taken runs now, the market price now × that renewal's years in the window), each window
    /// cut at the end of the term running at the period's end; from the period its customer serves notice of a break,
    /// the term's years (and, for a break in a renewal term, that renewal's) cut on the break date. Utilisation above the floor and re-lets are not
    /// contracted, so not projected. A contract has no deductions.
    /// </summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) =>
        deductions ? [] : States.Select(contract => ForwardTakeOrPay(contract, lastArray));

    /// <summary>A contract's revenue over the window, as its forward cfads counts it (the take-or-pay receipts): what a
    /// per-period fee that is a share of it is projected on.</summary>
    public override string? ForwardFlow(Quantity quantity, int index, string lastArray) =>
        quantity == Quantity.ContractRevenue ? ForwardTakeOrPay(this[index], lastArray) : null;

    private string ForwardTakeOrPay(ContractState contract, string lastArray)
    {
        var fleets = Ctx.Components.Of<FleetComponent>();
        var c = contract.Info;
        string kept = fleets.States[c.Fleet].Kept.Name;
        string defaulted = Ctx.Current(Quantity.PartyDefaulted, c.Customer);
        string units = CSharpLiterals.DoubleOperand(c.Units);
        string hours = CSharpLiterals.DoubleOperand(c.HoursPerYear);
        string floor = CSharpLiterals.DoubleOperand(c.TakeOrPay);
        string price = PriceNow(c);
        string curves = contract.Curves.Name;
        string window = "t, " + lastArray + "[t], " + curves + ".TermEndPeriod[t]";
        string perYear = units + " * " + price + " * " + hours + " * " + floor;
        if (c.PrepaymentApplied)
        {
            perYear = "Math.Max(0.0, " + perYear + " - " + CSharpLiterals.DoubleOperand(c.PrepaymentCreditPerYear) + ")";
        }

        // Once the customer has served notice of a break, its leaving is a contractual fact: the window reads the
        // term's years stopping on the break date (docs/language.md §5, "Break option"). A re-let after the break is
        // not contracted when notice is served, so, as any re-let, not projected.
        string years = contract.ReadsNotice
            ? "(" + contract.NoticePeriod + " >= 0 && t >= " + contract.NoticePeriod + " ? " + contract.NoticedYears + " : " + curves + ".LiveYears)"
            : curves + ".LiveYears";
        string term = perYear + " * ForwardReceipts.Sum(" + years + ", " + window + ")";
        if (contract.ReadsRenewalNotice)
        {
            // A break in a renewal term with notice: the noticed years hold the term's years and, after it, the years of
            // the renewal running on each period's start, all cut on the break date (BreakNotices.FillContract). While
            // a renewal runs at the period's end the window lies wholly after the term (the term's years in it are 0),
            // and before it no renewal is counted, so the two parts are one or the other and read the one row.
            string renewalYears = "(" + contract.NoticePeriod + " >= 0 && t >= " + contract.NoticePeriod + " ? " + contract.NoticedYears + " : " + curves + ".RenewalTermYears)";
            term = "(" + contract.RenewalLive + "[t] != 0.0 ? " + units + " * " + Market(contract) + " * " + hours + " * " + floor
                + " * ForwardReceipts.Sum(" + renewalYears + ", " + window + ") : " + term + ")";
        }
        else if (contract.HasRenewals)
        {
            term += " + (" + contract.RenewalLive + "[t] != 0.0 ? " + units + " * " + Market(contract) + " * " + hours + " * " + floor
                + " * ForwardReceipts.Sum(" + curves + ".RenewalTermYears, " + window + ") : 0.0)";
        }

        // From the break's period the contract has ended, as on a default: nothing is contracted any more.
        string stopped = contract.CanBreak ? "(" + defaulted + " || " + contract.Broken + "[t] != 0.0)" : defaulted;
        return "(" + stopped + " ? 0.0 : " + kept + " * (" + term + "))";
    }

    // A renewal's price per GPU-hour read now: the fleet's generation index, plus the spread of an index-plus-spread price.
    private string Market(ContractState contract)
    {
        string spot = Ctx.Current(Quantity.IndexLevel, contract.SpotIndex);
        return contract.Info.PriceIndex >= 0 ? IndexPrice(spot, contract.Info) : spot;
    }

    // The price per GPU-hour read now: the spread, or the index's level at the period's start plus it.
    private string PriceNow(Runtime.ContractInfo c) =>
        c.PriceIndex < 0 ? CSharpLiterals.DoubleOperand(c.PriceSpread) : IndexPrice(Ctx.Current(Quantity.IndexLevel, c.PriceIndex), c);
}
