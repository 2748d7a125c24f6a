using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A contract's state in the generated C#, each piece declared once.</summary>
internal sealed class ContractState : EntityState
{
    public ContractState(ContractInfo info, int index, string fleet, int spotIndex, bool readsActive, bool readsLargestShare,
        (GuaranteeInfo Info, int Index)? guarantee = null, bool shapesRelet = false)
        : base(DeclarationKind.Contract, info.Name, index)
    {
        ShapesRelet = shapesRelet;
        Guarantee = guarantee;
        GuaranteeYears = Input("guaranteeYears", "double[]");
        Info = info;
        Fleet = fleet;
        SpotIndex = spotIndex;
        Utilisation = Input("utilisation", "double");
        Floor = Input("floor", "double");
        ReletYears = Input("reletYears", "double[]");
        ReletLive = Input("reletLive", "double[]");
        ReletUtilisation = Input("reletUtilisation", "double");
        ReletTo = Input("reletTo", "double");
        ReletRampMonths = Input("reletRampMonths", "int");
        ReletStart = Input("reletStart", "Date");
        ReletCurve = Input("reletCurve", "ReletCurve?");
        ReletPriceIndex = Input("reletPriceIndex", "int");
        ReletPriceShare = Input("reletPriceShare", "double");
        ReletPriceSpread = Input("reletPriceSpread", "double");
        ReletPriceLevels = Input("reletPriceLevels", "double[]");
        TerminationFees = Input("terminationFees", "double[]");
        RenewalYears = Input("renewalYears", "double[]");
        RenewalLive = Input("renewalLive", "double[]");
        TermYears = Input("termYears", "double[]");
        Prepaid = Input("prepaid", "double[]");
        Broken = Input("broken", "double[]");
        NoticedYears = Input("noticedYears", "double[]");
        NoticePeriod = Input("noticePeriod", "int");
        Termination = Local("termination", "double", StateLife.Period, comment: !info.CanBreak ? "the termination fee recovered from a defaulted customer" : "the termination fee recovered from a defaulted customer, or its break fee",
            ledger: new LedgerSlot(LedgerSection.Receipts, "termination fee " + info.Name), declared: HasTerminationFee);
        Prepayment = Local("prepayment", "double", StateLife.Period, comment: "the prepayment received at the start",
            ledger: new LedgerSlot(LedgerSection.Receipts, "prepayment " + info.Name), declared: HasPrepayment);
        Curves = Static("curves", "ContractCurves");
        Revenue = Local("revenue", "double", StateLife.Period, comment: info.Name + ".revenue: what the customer pays this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "revenue " + info.Name));
        Units = Local("units", "double", StateLife.Period, comment: info.Name + ".units: the fleet's units it takes at the period's end",
            ledger: new LedgerSlot(LedgerSection.Outstanding, info.Name + " units", ColumnKind.Number));
        Active = Local("active", "bool", StateLife.Period, declared: readsActive);
        bool guaranteed = guarantee is not null;
        Guaranteed = Local("guaranteed", "double", StateLife.Period, comment: "paid by the guarantor once the customer has defaulted",
            ledger: new LedgerSlot(LedgerSection.Receipts, "guarantor " + info.Name), declared: guaranteed);
        GuaranteeCapLeft = Local("guaranteeCapLeft", "double", StateLife.Carried,
            guaranteed ? CSharpLiterals.Double(guarantee!.Value.Info.Cap) : null, "what the guarantor's cap still allows", declared: guaranteed);
        // Deal-wide, kept with the first contract: declared there only when an expression reads it.
        LargestShare = Local("largestCustomerShare", "double", StateLife.Period,
            comment: "largest_customer_share: the largest customer's share of this period's contract revenue", declared: index == 0 && readsLargestShare);
    }

    public ContractInfo Info { get; }

    /// <summary>The guarantee behind the contract and its position in the deal's guarantees; null when none.</summary>
    public (GuaranteeInfo Info, int Index)? Guarantee { get; }

    /// <summary>This path's term years the customer's default took away, per period (an input of a guaranteed contract).</summary>
    public StateVar GuaranteeYears { get; }

    /// <summary>What the guarantor pays this period, and what its cap still allows (declared only with a guarantor).</summary>
    public StateVar Guaranteed { get; }

    public StateVar GuaranteeCapLeft { get; }

    /// <summary>The years of each period the contract runs for, and whether it runs at each period's end
    /// (<see cref="ContractCurves"/>), computed once per deal.</summary>
    public StateVar Curves { get; }

    public StateVar Revenue { get; }

    /// <summary>The fleet's spot index (its generation) that re-let units are priced at; −1 when the fleet has none,
    /// and then a scenario cannot re-let them (DL0469) unless at a price of its own, and the re-let inputs are not read.</summary>
    public int SpotIndex { get; }

    /// <summary>Whether a scenario may re-let the units: at the fleet's spot index, or at a price of its own.</summary>
    public bool CanRelet => SpotIndex >= 0 || ShapesRelet;

    /// <summary>Whether a scenario's re-let of the contract ramps its utilisation or has a price of its own
    /// (docs/language.md §5, "contract-relet-ramp"): only then does the generated loop read the ramp and the price, for
    /// every scenario (a flat one ramps to its own utilisation at its generation index), so a contract re-let flat at the
    /// spot index keeps its C#.</summary>
    public bool ShapesRelet { get; }

    /// <summary>This path's utilisation the re-let ramps to, the ramp's months and the day it counts them from (its
    /// start: the contract's stop plus the idle gap); inputs of a contract whose re-let is shaped.</summary>
    public StateVar ReletTo { get; }

    /// <summary>See <see cref="ReletTo"/>.</summary>
    public StateVar ReletRampMonths { get; }

    /// <summary>See <see cref="ReletTo"/>.</summary>
    public StateVar ReletStart { get; }

    /// <summary>This path's utilisation curve of the re-let (null: none), in a deal whose re-lets are shaped.</summary>
    public StateVar ReletCurve { get; }

    /// <summary>This path's re-let price, share × the level of index number <see cref="ReletPriceIndex"/> + spread (inputs
    /// of a contract whose re-let is shaped).</summary>
    public StateVar ReletPriceIndex { get; }

    /// <summary>See <see cref="ReletPriceIndex"/>.</summary>
    public StateVar ReletPriceShare { get; }

    /// <summary>See <see cref="ReletPriceIndex"/>.</summary>
    public StateVar ReletPriceSpread { get; }

    /// <summary>The levels on this path of the index the re-let is priced at (the path's series of that index's levels,
    /// drawn on a Monte Carlo path).</summary>
    public StateVar ReletPriceLevels { get; }

    /// <summary>The period's re-let utilisation on the ramp, a local of the period's dues.</summary>
    public string ReletRate => EntityName("reletRate");

    /// <summary>The unit-days of the period the contract's units are taken (its term, renewals and re-let, each to its
    /// stop), a local of the period's dues written only for a fleet with an <c>idle_cost</c> (its opex's share).</summary>
    public string UnitDaysInUse => EntityName("unitDaysInUse");

    /// <summary>This path's utilisation of the contracted hours (the take-or-pay share unless the scenario says); an input.</summary>
    public StateVar Utilisation { get; }

    /// <summary>The share of the contracted hours paid for on this path, max(take-or-pay, <see cref="Utilisation"/>):
    /// fixed for the path, so worked out once before the loop.</summary>
    public StateVar Floor { get; }

    /// <summary>The years of each period the units are re-let at the spot index on this path; an input.</summary>
    public StateVar ReletYears { get; }

    /// <summary>1 when the units are re-let at each period's end on this path; an input.</summary>
    public StateVar ReletLive { get; }

    /// <summary>The utilisation of the re-let units on this path; an input.</summary>
    public StateVar ReletUtilisation { get; }

    /// <summary>Whether a termination fee can be received: the customer's default's or its break's.</summary>
    public bool HasTerminationFee => Info.HasTerminationReceipts;

    /// <summary>Whether the customer may break the contract (<c>break_option</c>): only then is <see cref="Broken"/> read.</summary>
    public bool CanBreak => Info.CanBreak;

    /// <summary>1 from the period the customer breaks the contract in on this path (its units idle from that period's
    /// end, as after a default); an input read only for a contract with a break option.</summary>
    public StateVar Broken { get; }

    /// <summary>This path's years of each period in the term cut on the break date once notice of it is served (an input
    /// of a contract with <c>notice</c> in a deal that projects cfads).</summary>
    public StateVar NoticedYears { get; }

    /// <summary>The period the break's notice is served in on this path, −1 when none is (an input as <see cref="NoticedYears"/>).</summary>
    public StateVar NoticePeriod { get; }

    /// <summary>Whether a forward cfads reads the contract's break notice: a contract with <c>notice</c> (months above 0)
    /// on its initial term's break or its renewal terms'.</summary>
    public bool ReadsNotice => Info.BreakNoticeMonths > 0 || Info.RenewalBreakNoticeMonths > 0;

    /// <summary>Whether a forward cfads reads a renewal break's notice: the noticed years then cut a renewal's years too
    /// (<see cref="ContractComponent.ForwardCfads"/>).</summary>
    public bool ReadsRenewalNotice => Info.RenewalBreakNoticeMonths > 0 && HasRenewals;

    public bool HasPrepayment => Info.Prepayment != 0;

    /// <summary>The years of each period in the term up to the customer's default on this path (the default's period
    /// prorated to its day); an input.</summary>
    public StateVar TermYears { get; }

    /// <summary>The prepayment received per period on this path; an input read only for a contract with one.</summary>
    public StateVar Prepaid { get; }

    /// <summary>This period's prepayment received: a one-off receipt (not cfads). Declared only with a prepayment.</summary>
    public StateVar Prepayment { get; }

    /// <summary>Whether the contract offers renewals (priced at the fleet's generation index, which DL0476 requires).</summary>
    public bool HasRenewals => Info.RenewalCount > 0 && SpotIndex >= 0;

    /// <summary>The years of each period inside the renewals taken on this path; an input read only with renewals.</summary>
    public StateVar RenewalYears { get; }

    /// <summary>1 when a renewal taken runs at each period's end on this path; an input read only with renewals.</summary>
    public StateVar RenewalLive { get; }

    /// <summary>The termination fee received per period on this path (the customer's recovery of it, in its default
    /// period); an input read only for a contract with a fee.</summary>
    public StateVar TerminationFees { get; }

    /// <summary>This period's termination fee received: a one-off receipt (not cfads). Declared only with a fee.</summary>
    public StateVar Termination { get; }

    public StateVar Units { get; }

    /// <summary>Declared only when an expression reads <c>C.active</c>.</summary>
    public StateVar Active { get; }

    /// <summary><c>largest_customer_share</c>: declared on the first contract only, when read.</summary>
    public StateVar LargestShare { get; }

    public override string Heading => Name + " (contract on " + Fleet + ")";

    private string Fleet { get; }
}

/// <summary>
/// Take-or-pay compute contracts (docs/language.md §5 "contract"): each period a contract's revenue is units ×
/// price per GPU-hour (read at the period's start) × hours a year × the years it runs in the period × its take-or-pay
/// share, scaled by the share of its fleet still held, less an applied prepayment's credit; its years stop on its
/// customer's default date (a path input, so the default's period pays for the days before it), and its units are idle
/// from that period's end (the party's default flag); in the renewals a scenario takes (a path input) the price is the fleet's
/// generation index, plus the spread of an index-plus-spread price. Its units are taken from the fleet's idle units while it runs. Revenue is
/// a collection, in cfads; a termination fee recovered on the customer's default (or its break fee, a break stopping the
/// contract as a default does: a path input) and a prepayment received at the start are one-off receipts, outside cfads. A contract owes, holds and carries nothing, is the target of no step, and is not
/// collateral (its fleet is). The deal-wide <c>largest_customer_share</c> is worked out here, after the revenues.
/// </summary>
internal sealed partial class ContractComponent(EmitContext ctx)
    : EmitterComponent<ContractState>(ctx, () => ctx.Model.Contracts.Select((c, i) => new ContractState(
        c, i, ctx.Model.Fleets[c.Fleet].Name, ctx.Model.Fleets[c.Fleet].Generation, ctx.Reads(Quantity.ContractActive, i), ctx.Reads(Quantity.LargestCustomerShare, 0),
        GuarantorCode.Of(ctx, GuaranteeTarget.Contract, i), ctx.ShapesContractRelet(i))))
{
    public override DeclarationKind Kind => DeclarationKind.Contract;

    public override string DescriptionProperty => "Contracts";

    public override IEnumerable<string> DescriptionElements() => States.Select(s => Info(s.Info, s.ShapesRelet));

    private static string Info(ContractInfo c, bool reletShaped) =>
        "new ContractInfo(" + CSharpLiterals.String(c.Name) + ", " + CSharpLiterals.Int(c.Fleet) + ", " + CSharpLiterals.Int(c.Customer)
        + ", " + CSharpLiterals.Double(c.Units) + ", " + CSharpLiterals.Int(c.PriceIndex) + ", " + CSharpLiterals.Double(c.PriceSpread)
        + ", " + CSharpLiterals.Double(c.HoursPerYear) + ", " + CSharpLiterals.Double(c.TakeOrPay) + ", " + CSharpLiterals.Date(c.Start)
        + ", " + CSharpLiterals.Int(c.TermMonths)
        // Only a contract with a fee passes one: the others keep the record's defaults (and their C#).
        + (c.TerminationFee != 0 || c.RenewalCount != 0 ? ", " + CSharpLiterals.Double(c.TerminationFee) + ", " + CSharpLiterals.Bool(c.FeeAmortising) : "")
        + (c.RenewalCount != 0 ? ", " + CSharpLiterals.Int(c.RenewalCount) + ", " + CSharpLiterals.Int(c.RenewalTermMonths) : "")
        + (c.Prepayment != 0 ? ", Prepayment: " + CSharpLiterals.Double(c.Prepayment) + ", PrepaymentApplied: " + CSharpLiterals.Bool(c.PrepaymentApplied) : "")
        + (c.FeeFloor != 0 ? ", FeeFloor: " + CSharpLiterals.Double(c.FeeFloor) : "") + ")"
        + InitialisedTerms(c, reletShaped);

    // Only a contract with a break option passes its terms (the initial term's, the renewal terms', each only when there),
    // and only one whose re-let some scenario shapes says so: the others keep the record's (and their C#).
    private static string InitialisedTerms(ContractInfo c, bool reletShaped)
    {
        var terms = new List<string>();
        if (reletShaped)
        {
            terms.Add("ReletShaped = true");
        }

        if (c.BreakMonths.Length != 0)
        {
            terms.Add("BreakMonths = [" + string.Join(", ", c.BreakMonths.Select(CSharpLiterals.Int)) + "]");
            if (c.BreakFeeMonths != 0)
            {
                terms.Add("BreakFeeMonths = " + CSharpLiterals.Double(c.BreakFeeMonths));
            }

            if (c.BreakFeeAmount != 0)
            {
                terms.Add("BreakFeeAmount = " + CSharpLiterals.Double(c.BreakFeeAmount));
            }

            if (c.BreakNoticeMonths != 0)
            {
                terms.Add("BreakNoticeMonths = " + CSharpLiterals.Int(c.BreakNoticeMonths));
            }
        }

        if (c.RenewalBreakMonths.Length != 0)
        {
            terms.Add("RenewalBreakMonths = [" + string.Join(", ", c.RenewalBreakMonths.Select(CSharpLiterals.Int)) + "]");
            if (c.RenewalBreakFeeAmount != 0)
            {
                terms.Add("RenewalBreakFeeAmount = " + CSharpLiterals.Double(c.RenewalBreakFeeAmount));
            }

            if (c.RenewalBreakNoticeMonths != 0)
            {
                terms.Add("RenewalBreakNoticeMonths = " + CSharpLiterals.Int(c.RenewalBreakNoticeMonths));
            }
        }

        return terms.Count == 0 ? "" : " { " + string.Join(", ", terms) + " }";
    }

    // A contract reads its customer's default flag, its price index and its fleet's spot index (path inputs), so
    // they are declared.
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions()
    {
        foreach (ContractInfo c in Model.Contracts)
        {
            yield return (new QuantityExpression(Quantity.PartyDefaulted, c.Customer, Unit.Bool, IsFlow: false), 1);
            if (c.PriceIndex >= 0)
            {
                yield return (new QuantityExpression(Quantity.IndexLevel, c.PriceIndex, Unit.Measure, IsFlow: false), 1);
            }

            if (Model.Fleets[c.Fleet].Generation is >= 0 and int spot)
            {
                yield return (new QuantityExpression(Quantity.IndexLevel, spot, Unit.Measure, IsFlow: false), 1);
            }
        }
    }

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.ContractRevenue => this[index].Revenue.Name,
        Quantity.ContractUnits => this[index].Units.Name,
        Quantity.ContractActive => this[index].Active.Name,
        Quantity.LargestCustomerShare => States.Count == 0 ? "double.NaN" : this[0].LargestShare.Name,
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        // What a guarantor pays stands in for the take-or-pay payments the customer's default took away: recurring, in cfads as it.
        DealSum.Collections => States.SelectMany(c => OneOffs(c).Prepend(c.Revenue.Name).Concat(c.Guaranteed.Declared ? [c.Guaranteed.Name] : [])),
        // A termination fee and a prepayment are one-offs: in collections, not in cfads (as a loan's recovery).
        DealSum.OneOffReceipts => States.SelectMany(OneOffs),
        _ => [],
    };

    // Each contract's one-off receipts, in ledger order: its termination fee, then its prepayment.
    private static IEnumerable<string> OneOffs(ContractState c)
    {
        if (c.HasTerminationFee)
        {
            yield return c.Termination.Name;
        }

        if (c.HasPrepayment)
        {
            yield return c.Prepayment.Name;
        }
    }

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var contract in States)
        {
            w.Line();
            w.Comment(contract.Name + ": the years it runs in each period, and whether it runs at each period's end.");
            w.Line("private static readonly ContractCurves " + contract.Curves + " = ContractCurves.Compute(" + Info(contract.Info, reletShaped: false) + ", Boundaries);");
        }
    }

    // 2a, after the fleets: each contract's units and revenue (the fleet's figures are known), then each fleet's idle
    // units, then the largest customer's share. Nothing else is needed, so everything after may read them.
    public override void WriteDues(IndentedWriter w)
    {
        if (States.Count == 0)
        {
            return;
        }

        var fleets = Ctx.Components.Of<FleetComponent>();
        foreach (var contract in States)
        {
            ContractInfo c = contract.Info;
            // The share of the contract's units its fleet still holds (1 while the lender keeps its contracts running).
            string kept = fleets.ContractShare(c.Fleet);
            string defaulted = Ctx.Current(Quantity.PartyDefaulted, c.Customer);
            string price = c.PriceIndex < 0 ? CSharpLiterals.DoubleOperand(c.PriceSpread) : IndexPrice(Ctx.Current(Quantity.IndexLevel, c.PriceIndex), c);
            string curves = contract.Curves.Name;
            string units = CSharpLiterals.DoubleOperand(c.Units);
            string hours = CSharpLiterals.DoubleOperand(c.HoursPerYear);
            w.Comment(c.Name + ": units × price × hours a year × years run × max(take-or-pay, utilisation), × the fleet's share held; the years "
                + "stop on " + Ctx.Model.Parties[c.Customer].Name + "'s default date (its period prorated to the day)");
            string floor = contract.Floor.Name;
            string years = contract.TermYears + "[t]";
            // An applied prepayment is credited against the term's payments at a constant amount a year, never below 0.
            string contracted = c.PrepaymentApplied
                ? "Math.Max(0.0, " + units + " * " + price + " * " + hours + " * " + floor + " - " + CSharpLiterals.DoubleOperand(c.PrepaymentCreditPerYear) + ") * " + kept + " * " + years
                : units + " * " + kept + " * " + price + " * " + hours + " * " + years + " * " + floor;
            // A break stops the contract as a default does (the years are an input cut on the break date): no units from
            // the break's period's end.
            string stopped = contract.CanBreak ? "(" + defaulted + " || " + contract.Broken + "[t] != 0.0)" : defaulted;
            string running = "(" + stopped + " || !" + curves + ".LiveAtEnd[t] ? 0.0 : " + units + ")";
            if (contract.HasRenewals)
            {
                // The renewals taken, at the market price (the spot index, plus the spread of an index-plus-spread
                // price), at the same take-or-pay floor, to the customer's default date (an input cut there).
                string spot = Ctx.Current(Quantity.IndexLevel, contract.SpotIndex);
                string market = c.PriceIndex >= 0 ? IndexPrice(spot, c) : spot;
                contracted = c.PrepaymentApplied
                    ? contracted + " + " + units + " * " + kept + " * " + market + " * " + contract.RenewalYears + "[t] * " + hours + " * " + floor
                    : units + " * " + kept + " * (" + price + " * " + years + " + " + market + " * " + contract.RenewalYears + "[t]) * " + hours + " * " + floor;
                running = "(" + stopped + " || (!" + curves + ".LiveAtEnd[t] && " + contract.RenewalLive + "[t] == 0.0) ? 0.0 : " + units + ")";
            }

            if (contract.CanRelet)
            {
                // Re-let at the spot index, at the scenario's utilisation, from its idle gap after the contract stops.
                string reletRevenue;
                if (contract.ShapesRelet)
                {
                    // Or on a ramp (or along a curve) over the whole months from the re-let's start to the day the period starts
                    // re-letting, at a price of its own read at the period's start (docs/language.md §5, "contract-relet-ramp",
                    // "contract-relet-curve"). The curve is a path's input (not a numbered slot), read into a local with the ramp's.
                    string rate = contract.ReletRate;
                    w.Line("double " + rate + " = ReletRamp.Utilisation(" + contract.ReletCurve + ", " + contract.ReletUtilisation + ", " + contract.ReletTo + ", " + contract.ReletRampMonths
                        + ", " + contract.ReletStart + ", Date.Max(Boundaries[t], " + contract.ReletStart + "));");
                    string reletPrice = "Math.Max(0.0, " + contract.ReletPriceShare + " * " + contract.ReletPriceLevels + "[t] + " + contract.ReletPriceSpread + ")";
                    reletRevenue = units + " * " + kept + " * " + reletPrice + " * " + hours + " * " + contract.ReletYears + "[t] * " + rate;
                }
                else
                {
                    string spot = Ctx.Current(Quantity.IndexLevel, contract.SpotIndex);
                    reletRevenue = units + " * " + kept + " * " + spot + " * " + hours + " * " + contract.ReletYears + "[t] * " + contract.ReletUtilisation;
                }

                string reletUnits = units + " * " + contract.ReletLive + "[t]";
                if (fleets.Keeping(c.Fleet) is { } keeping)
                {
                    // A lender keeping the contracts running sells idle units rather than re-let them (docs/language.md §9).
                    reletRevenue = "(" + keeping + " ? 0.0 : " + reletRevenue + ")";
                    reletUnits = "(" + keeping + " ? 0.0 : " + reletUnits + ")";
                }

                w.Line(contract.Revenue + " = (" + contracted + ") + " + reletRevenue + ";");
                w.Line(contract.Units + " = (" + running + " + " + reletUnits + ") * " + kept + ";");
            }
            else
            {
                w.Line(contract.Revenue + " = " + contracted + ";");
                w.Line(contract.Units + " = " + running + " * " + kept + ";");
            }
            if (fleets.States[c.Fleet].OpexAwaitsContracts)
            {
                // The days of the period its units are taken: the term's and renewals' years (to the customer's default
                // or a break, inputs cut there) and the re-let's, each a period's days over 365 (docs/language.md §5 "Idle cost").
                string inUse = years + (contract.HasRenewals ? " + " + contract.RenewalYears + "[t]" : "");
                if (contract.CanRelet)
                {
                    inUse += fleets.Keeping(c.Fleet) is { } keepingNow
                        ? " + (" + keepingNow + " ? 0.0 : " + contract.ReletYears + "[t])"
                        : " + " + contract.ReletYears + "[t]";
                }

                w.Line("double " + contract.UnitDaysInUse + " = " + units + " * (" + inUse + ") * 365.0 * " + kept + ";");
            }

            if (contract.Guarantee is { } guarantee)
            {
                // The guarantor backs what the customer signed for: the term's take-or-pay payments its default took
                // away, at the contract's own rate over the years lost (an input), the prepayment's credit applied as in
                // the term; not utilisation above the floor (the customer was never bound to pay it), the renewals or a re-let.
                string lostYears = contract.GuaranteeYears + "[t]";
                string takeOrPay = CSharpLiterals.DoubleOperand(c.TakeOrPay);
                string owed = c.PrepaymentApplied
                    ? "Math.Max(0.0, " + units + " * " + price + " * " + hours + " * " + takeOrPay + " - " + CSharpLiterals.DoubleOperand(c.PrepaymentCreditPerYear) + ") * " + kept + " * " + lostYears
                    : units + " * " + kept + " * " + price + " * " + hours + " * " + lostYears + " * " + takeOrPay;
                w.Comment(c.Name + ": " + Ctx.Model.Parties[guarantee.Info.Guarantor].Name + " pays the term's take-or-pay payments the customer's default leaves unpaid, up to its cap");
                w.Line(contract.Guaranteed + " = 0.0;");
                using (w.Block("if (" + GuarantorCode.Pays(Ctx, guarantee.Info, "t", "periodEnd") + ")"))
                {
                    w.Line(contract.Guaranteed + " = Math.Min(" + owed + " * " + GuarantorCode.Honour(Ctx, guarantee.Info.Guarantor) + ", " + contract.GuaranteeCapLeft + ");");
                    w.Line(contract.GuaranteeCapLeft + " -= " + contract.Guaranteed + ";");
                }

                w.Line("result.GuaranteePaid[" + CSharpLiterals.Int(guarantee.Index) + "][t] = " + contract.Guaranteed + ";");
            }

            // The one-off receipts (a fee on the customer's default or break, a prepayment) are the contract's as its
            // revenue is, × the fleet's share held: the units an enforcement sale sold took their share of the contract
            // with them, and once the fleet is sold whole no fee or prepayment is the deal's (as a lease's RVG, rent and
            // fee stop with its facility's sale).
            if (contract.HasTerminationFee)
            {
                w.Line(contract.Termination + " = " + contract.TerminationFees + "[t] * " + kept + ";");
            }

            if (contract.HasPrepayment)
            {
                w.Line(contract.Prepayment + " = " + contract.Prepaid + "[t] * " + kept + ";");
            }

            if (contract.Active.Declared)
            {
                w.Line(contract.Active + " = " + contract.Units + " > 0.0;");
            }
        }

        for (int f = 0; f < fleets.States.Count; f++)
        {
            var onFleet = States.Where(s => s.Info.Fleet == f).ToList();
            if (onFleet.Count > 0 && fleets.States[f].Delivering.Declared)
            {
                // No GPU is delivered after an event of default, so the contracts cannot take more units than the
                // fleet holds: when they would, they share its units pro rata, their revenue cut alike (docs/language.md §5).
                string held = fleets.UnitsNow(f);
                w.Comment(fleets.States[f].Name + ": with its deliveries stopped, its contracts share the units it holds");
                using (w.Block("if (" + fleets.States[f].Delivering + ".Cut)"))
                {
                    w.Line("double contractsTaking = " + string.Join(" + ", onFleet.Select(s => s.Units.Name)) + ";");
                    using (w.Block("if (contractsTaking > " + held + ")"))
                    {
                        w.Line("double contractsCovered = " + held + " / contractsTaking;");
                        foreach (var s in onFleet)
                        {
                            w.Line(s.Revenue + " *= contractsCovered;");
                            w.Line(s.Units + " *= contractsCovered;");
                            if (fleets.States[f].OpexAwaitsContracts)
                            {
                                w.Line(s.UnitDaysInUse + " *= contractsCovered;");
                            }
                            if (s.Active.Declared)
                            {
                                w.Line(s.Active + " = " + s.Units + " > 0.0;");
                            }
                        }
                    }
                }
            }

            var taken = onFleet.Select(s => s.Units.Name).ToList();
            if (taken.Count > 0)
            {
                fleets.WriteIdleUnits(f, string.Join(" + ", taken), string.Join(" + ", onFleet.Select(s => s.UnitDaysInUse)), w);
            }
        }

        if (this[0].LargestShare.Declared)
        {
            WriteLargestShare(w);
        }
    }

    // The summary's figures (Runner/Running/ContractSummaries): revenue and fee per period (the units taken at the
    // end of the last period run are written after the loop, WriteRunEnd), and the period it stops: the first in its term (it runs for part of
    // it or at its end, renewals taken included) in which the term ends or its customer is in default.
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var contract in States)
        {
            string index = CSharpLiterals.Int(contract.Index);
            string curves = contract.Curves.Name;
            w.Line(Ctx.ResultRow("ContractRevenue", index) + "[t] = " + contract.Revenue + ";");
            if (contract.HasTerminationFee)
            {
                w.Line(Ctx.ResultRow("ContractTerminationFee", index) + "[t] = " + contract.Termination + ";");
            }

            if (contract.HasPrepayment)
            {
                w.Line(Ctx.ResultRow("ContractPrepayment", index) + "[t] = " + contract.Prepayment + ";");
            }

            string defaulted = Ctx.Current(Quantity.PartyDefaulted, contract.Info.Customer);
            if (contract.CanBreak)
            {
                // A break stops the contract in its period as a default does.
                defaulted = "(" + defaulted + " || " + contract.Broken + "[t] != 0.0)";
            }

            string inTerm = curves + ".LiveYears[t] > 0.0 || " + curves + ".LiveAtEnd[t]";
            string runsAtEnd = curves + ".LiveAtEnd[t]";
            if (contract.HasRenewals)
            {
                // The renewals taken extend the term: it stops at the end of the last one.
                inTerm += " || " + contract.RenewalYears + "[t] > 0.0 || " + contract.RenewalLive + "[t] != 0.0";
                runsAtEnd = "(" + runsAtEnd + " || " + contract.RenewalLive + "[t] != 0.0)";
            }

            using (w.Block("if (result.ContractStopPeriod[" + index + "] < 0 && (" + inTerm + ") && (" + defaulted + " || !" + runsAtEnd + "))"))
            {
                w.Line("result.ContractStopPeriod[" + index + "] = t;");
            }
        }
    }

    /// <summary>
    /// A fleet sold whole at the end of this period (<see cref="FleetComponent.WriteSold"/>): its contracts' units go
    /// with it, so each takes none at the period's end (its revenue for the period stands: the GPUs ran until the sale),
    /// and a contract still running stops in this period.
    /// </summary>
    public void WriteFleetSold(int fleet, IndentedWriter w)
    {
        foreach (var contract in States.Where(s => s.Info.Fleet == fleet))
        {
            string index = CSharpLiterals.Int(contract.Index);
            using (w.Block("if (" + contract.Units + " > 0.0 && result.ContractStopPeriod[" + index + "] < 0)"))
            {
                w.Line("result.ContractStopPeriod[" + index + "] = t;");
            }

            w.Line(contract.Units + " = 0.0;");
            if (contract.Active.Declared)
            {
                w.Line(contract.Active + " = false;");
            }
        }
    }

    // The units taken at the end of the last period run, written once after the loop (nothing changes them after
    // that period's results).
    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var contract in States)
        {
            w.Line("result.ContractUnits[" + CSharpLiterals.Int(contract.Index) + "] = " + contract.Units + ";");
        }
    }

    // Each customer's revenue over all contracts': the largest, as a fraction; n/a (NaN) when no contract earns, as a
    // ratio over zero is (a concentration of nothing is no concentration, and a covenant's minimum must not read 0%).
    private void WriteLargestShare(IndentedWriter w)
    {
        w.Comment("largest_customer_share: the largest customer's share of this period's contract revenue");
        string total = string.Join(" + ", States.Select(s => s.Revenue.Name));
        var customers = States.GroupBy(s => s.Info.Customer).Select(g => "(" + string.Join(" + ", g.Select(s => s.Revenue.Name)) + ")").ToList();
        string largest = customers.Count == 1 ? customers[0] : customers.Skip(1).Aggregate(customers[0], (a, b) => "Math.Max(" + a + ", " + b + ")");
        w.Line(this[0].LargestShare + " = " + total + " > 0.0 ? " + largest + " / (" + total + ") : double.NaN;");
    }

    /// <summary>
    /// An index-plus-spread price per GPU-hour, <paramref name="level"/> an index's level: never below zero (a customer
    /// is never paid to take the GPUs). An index's level is not (a drawn price's is floored where it is drawn:
    /// <c>FactorSpec.NeverNegative</c>), so only a spread below zero needs the floor here; a price without a spread or
    /// with one above zero is written as it reads.
    /// </summary>
    internal static string IndexPrice(string level, Runtime.ContractInfo c) =>
        c.PriceSpread == 0 ? level
        : c.PriceSpread > 0 ? "(" + level + " + " + CSharpLiterals.DoubleOperand(c.PriceSpread) + ")"
        : "Math.Max(0.0, " + level + " - " + CSharpLiterals.DoubleOperand(-c.PriceSpread) + ")";
}
