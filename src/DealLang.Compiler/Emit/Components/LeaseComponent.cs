using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A lease's state in the generated C#, each piece declared once.</summary>
internal sealed class LeaseState : EntityState
{
    public LeaseState(LeaseModel model, int index, string facility, bool readsActive, bool readsEnded, (GuaranteeInfo Info, int Index)? guarantee,
        double? baseLevel, (GuaranteeInfo Info, int Index)? rvgGuarantee = null)
        : base(DeclarationKind.Lease, model.Info.Name, index)
    {
        Guarantee = guarantee;
        RvgGuarantee = rvgGuarantee;
        Model = model;
        Facility = facility;
        ScheduledRent = Input("scheduledRent", "double[]");
        EndPeriod = Input("endPeriod", "int");
        RvgApplies = Input("rvgApplies", "bool");
        RvgRecovery = Input("rvgRecovery", "double");
        RvgValue = Input("rvgValue", "double");
        Rent = Local("rent", "double", StateLife.Period, ledger: new LedgerSlot(LedgerSection.Receipts, "rent " + Name));
        Rvg = Local("rvg", "double", StateLife.Period, comment: "residual value guarantee paid",
            ledger: new LedgerSlot(LedgerSection.Receipts, "rvg " + Name), declared: HasRvg);
        // An RVG against remarketing: the net proceeds of selling the facility on the lease's last day, and the period it
        // was sold in (the facility is gone after it: no later value, sale or rent).
        bool remarketing = HasRvg && model.Info.RvgRemarketing;
        Remarketing = Local("remarketing", "double", StateLife.Period, comment: "net proceeds of the remarketing sale of the facility when the lease ends",
            ledger: new LedgerSlot(LedgerSection.Receipts, "remarketing " + Name), declared: remarketing);
        RemarketedIn = Local("remarketedIn", "int", StateLife.Carried, "-1", "the period the facility was sold in by the remarketing (-1: not sold)",
            declared: remarketing);
        // Beside the lessee's RVG column: what the RVG's guarantor pays of the claim a defaulted lessee leaves unpaid.
        RvgGuaranteed = Local("rvgGuaranteed", "double", StateLife.Period, comment: "residual value guarantee paid by its guarantor for the defaulted lessee",
            ledger: new LedgerSlot(LedgerSection.Receipts, "rvg guarantor " + Name), declared: HasRvg && rvgGuarantee is not null);
        RvgBreakTerms = Input("rvgBreakTerms", "int");
        TerminationFees = Input("terminationFees", "double[]");
        Termination = Local("termination", "double", StateLife.Period, comment: Info.BreakMonths.Length == 0 && Info.RenewalBreakMonths.Length == 0 ? "the termination fee recovered from a defaulted lessee" : "the termination fee recovered from a defaulted lessee, or its break fee",
            ledger: new LedgerSlot(LedgerSection.Receipts, "termination fee " + Name), declared: HasTerminationFee);
        Active = Local("active", "bool", StateLife.Period, declared: readsActive);
        Ended = Local("ended", "bool", StateLife.Period, declared: readsEnded);
        TermRent = Input("termRent", "double[]");
        TermEnds = Static("termEnds", "int[]");
        NoticedRent = Input("noticedRent", "double[]");
        NoticePeriod = Input("noticePeriod", "int");
        GuaranteeDue = Input("guaranteeDue", "double[]");
        bool guaranteed = guarantee is not null;
        Guaranteed = Local("guaranteed", "double", StateLife.Period, comment: "rent paid by the guarantor once the lessee has defaulted",
            ledger: new LedgerSlot(LedgerSection.Receipts, "guarantor " + Name), declared: guaranteed);
        GuaranteeCapLeft = Local("guaranteeCapLeft", "double", StateLife.Carried,
            guaranteed ? CSharpLiterals.Double(guarantee!.Value.Info.Cap) : null, "what the guarantor's cap still allows", declared: guaranteed);
        RentIndexation terms = model.Indexation;
        bool yearly = model.IndexedBy is not null && terms.Yearly;
        IndexResets = Static("indexResets", "bool[]");
        IndexHistory = Static("indexHistory", "double[]");
        IndexRatio = Local("indexRatio", "double", StateLife.Carried, "1.0", "the index ratio held since the last anniversary", declared: yearly);
        IndexLevel = Local("indexLevel", "double", StateLife.Carried, baseLevel is { } b ? CSharpLiterals.Double(b) : null,
            "the index's level read at the last reset (the base before the first)", declared: yearly && terms.Collared);
        BaseLevel = baseLevel;
    }

    /// <summary>An indexed lease's base level: its index's level on the lease's start (less the lag) under the deal's own
    /// terms, a constant checked above zero (DL0492); null when the rent is not indexed.</summary>
    public double? BaseLevel { get; }

    /// <summary>Per period, whether a yearly indexation resets at its start (a static of a yearly indexed lease).</summary>
    public StateVar IndexResets { get; }

    /// <summary>A lagged index's levels before the first period, under the deal's own terms (a static of a lagged lease).</summary>
    public StateVar IndexHistory { get; }

    /// <summary>A yearly indexed lease's ratio, held from one reset to the next (declared only for one).</summary>
    public StateVar IndexRatio { get; }

    /// <summary>A collared lease's level read at the last reset, which the next change is over (declared only for one).</summary>
    public StateVar IndexLevel { get; }

    /// <summary>The guarantee behind the lease and its position in the deal's guarantees; null when none.</summary>
    public (GuaranteeInfo Info, int Index)? Guarantee { get; }

    /// <summary>The guarantee behind the lease's RVG (<c>rvg … with guarantor P cap M</c>) and its position in the deal's
    /// guarantees; null when none.</summary>
    public (GuaranteeInfo Info, int Index)? RvgGuarantee { get; }

    /// <summary>This period's net proceeds of the remarketing sale (declared only for an RVG <c>against remarketing</c>).</summary>
    public StateVar Remarketing { get; }

    /// <summary>The period the remarketing sold the facility in, −1 before (declared only as <see cref="Remarketing"/>).</summary>
    public StateVar RemarketedIn { get; }

    /// <summary>What the RVG's guarantor pays this period (declared only for a lease whose RVG has one).</summary>
    public StateVar RvgGuaranteed { get; }

    /// <summary>Whose RVG terms answer for the lease's end on this path: 0 the lease's, 1 the initial term's break's, 2 the
    /// renewal terms' break's (an input, read only when a break states terms of its own: <see cref="HasBreakRvgTerms"/>).</summary>
    public StateVar RvgBreakTerms { get; }

    /// <summary>Whether a break of the lease states RVG terms of its own (<c>with rvg guarantees 90m cap 20m</c>).</summary>
    public bool HasBreakRvgTerms => HasRvg && (Model.BreakRvg is not null || Model.RenewalBreakRvg is not null);

    /// <summary>This path's rent left unpaid by the lessee's default, per period (an input of a guaranteed lease).</summary>
    public StateVar GuaranteeDue { get; }

    /// <summary>What the guarantor pays this period (declared only for a guaranteed lease).</summary>
    public StateVar Guaranteed { get; }

    /// <summary>The guarantor's cap less what it has paid (declared only for a guaranteed lease).</summary>
    public StateVar GuaranteeCapLeft { get; }

    public LeaseModel Model { get; }

    public LeaseInfo Info => Model.Info;

    /// <summary>Whether the lease has a residual value guarantee.</summary>
    public bool HasRvg => Model.Info.RvgUntil is not null;

    /// <summary>This path's rent per period (an input).</summary>
    public StateVar ScheduledRent { get; }

    /// <summary>The period the lease ends in on this path (-1: after the run); an input.</summary>
    public StateVar EndPeriod { get; }

    /// <summary>Whether the RVG is paid on this path (the lease ends inside its window); an input.</summary>
    public StateVar RvgApplies { get; }

    /// <summary>What the lessee can pay of the RVG on this path (1 unless it has defaulted); an input.</summary>
    public StateVar RvgRecovery { get; }

    /// <summary>The facility's value on the day the lease ends on this path, what the RVG is measured against; an input.</summary>
    public StateVar RvgValue { get; }

    public StateVar Rent { get; }

    /// <summary>Declared only for a lease with an RVG.</summary>
    public StateVar Rvg { get; }

    /// <summary>Declared only when an expression reads <c>L.active</c>.</summary>
    public StateVar Active { get; }

    /// <summary>Declared only when an expression reads <c>L.ended</c>.</summary>
    public StateVar Ended { get; }

    /// <summary>This path's rent per period in the term running at the period's start, as if the lessee never
    /// defaults (an input of a deal that projects cfads).</summary>
    public StateVar TermRent { get; }

    /// <summary>Per period, the last period of the term running at its end (a static of a deal that projects cfads).</summary>
    public StateVar TermEnds { get; }

    /// <summary>This path's rent per period cut on the break date once notice of it is served (an input of a lease with
    /// <c>notice</c> in a deal that projects cfads).</summary>
    public StateVar NoticedRent { get; }

    /// <summary>The period the break's notice is served in on this path, −1 when none is (an input as <see cref="NoticedRent"/>).</summary>
    public StateVar NoticePeriod { get; }

    /// <summary>Whether a forward cfads reads the lease's break notice: a lease with <c>notice</c> (months above 0).</summary>
    public bool ReadsNotice => Info.BreakNoticeMonths > 0 || Info.RenewalBreakNoticeMonths > 0;

    /// <summary>Whether a termination fee can be received: the lessee's default's or its break's.</summary>
    public bool HasTerminationFee => Info.HasTerminationReceipts;

    /// <summary>The termination fee received per period on this path (the lessee's recovery of it, in its default
    /// period, or the break fee in the break's period); an input read only for a lease with a fee.</summary>
    public StateVar TerminationFees { get; }

    /// <summary>This period's termination fee received: a one-off receipt (not cfads). Declared only with a fee.</summary>
    public StateVar Termination { get; }

    public override string Heading => Name + " (lease of " + Facility + ")";

    private string Facility { get; }
}

/// <summary>
/// Leases: rent (until the leased facility is sold), whether the lease is active or has ended, the RVG the
/// lessee pays when the lease ends inside its window, and the termination fee recovered from a lessee defaulting in
/// the initial term (a path input, as a contract's); the RVG is a one-off receipt, outside cfads unless the deal
/// counts it, the fee always one. A lease owes, holds and carries nothing, is the target of no step, and is not itself collateral (its
/// facility is).
/// </summary>
internal sealed class LeaseComponent(EmitContext ctx)
    : EmitterComponent<LeaseState>(ctx, () => ctx.Model.Leases.Select((l, i) => new LeaseState(
        l, i, ctx.Model.Facilities[l.Info.Facility].Name, ctx.Reads(Quantity.LeaseActive, i), ctx.Reads(Quantity.LeaseEnded, i),
        GuarantorCode.Of(ctx, GuaranteeTarget.Lease, i), BaseLevelOf(ctx, l), GuarantorCode.Of(ctx, GuaranteeTarget.LeaseRvg, i))))
{
    public override DeclarationKind Kind => DeclarationKind.Lease;

    public override string DescriptionProperty => "Leases";

    public override IEnumerable<string> DescriptionElements() => States.Select(s => Info(s.Info));

    private static string Info(LeaseInfo l)
    {
        return "new LeaseInfo(" + CSharpLiterals.String(l.Name) + ", " + CSharpLiterals.Int(l.Facility) + ", " + CSharpLiterals.Int(l.Lessee)
            + ", " + CSharpLiterals.Double(l.RentPerYear) + ", " + CSharpLiterals.Double(l.Escalator) + ", " + CSharpLiterals.Date(l.Start)
            + ", " + CSharpLiterals.Int(l.TermMonths) + ", " + CSharpLiterals.Int(l.RenewalCount) + ", " + CSharpLiterals.Int(l.RenewalTermMonths)
            + ", " + CSharpLiterals.Bool(l.RenewalAtMarket) + ", " + CSharpLiterals.NullableDate(l.RvgUntil) + ", " + CSharpLiterals.Double(l.RvgCap)
            // Only a lease that states a day count or a fee passes one: the others keep the record's defaults (and their C#).
            + (l.RentDayCount is { } dc ? ", DayCount." + dc : "")
            + (l.TerminationFee != 0 ? ", TerminationFee: " + CSharpLiterals.Double(l.TerminationFee) + ", FeeAmortising: " + CSharpLiterals.Bool(l.FeeAmortising) : "")
            + (l.FeeFloor != 0 ? ", FeeFloor: " + CSharpLiterals.Double(l.FeeFloor) : "") + ")"
            + BreakTerms(l);
    }

    // A lease that may be broken passes its break terms (the initial term's, the renewal terms', each only when there),
    // and one with a renewal terms' termination fee passes it; the others pass none, so their C# is what it was before.
    private static string BreakTerms(LeaseInfo l)
    {
        var terms = new List<string>();
        if (l.BreakMonths.Length != 0)
        {
            terms.Add("BreakMonths = [" + string.Join(", ", l.BreakMonths.Select(CSharpLiterals.Int)) + "]");
            terms.AddRange(FeeAndNotice("Break", l.BreakFeeMonths, l.BreakFeeAmount, l.BreakNoticeMonths));
            if (l.BreakOwesRvg)
            {
                terms.Add("BreakOwesRvg = true");
            }
        }

        if (l.RenewalBreakMonths.Length != 0)
        {
            terms.Add("RenewalBreakMonths = [" + string.Join(", ", l.RenewalBreakMonths.Select(CSharpLiterals.Int)) + "]");
            terms.AddRange(FeeAndNotice("RenewalBreak", l.RenewalBreakFeeMonths, l.RenewalBreakFeeAmount, l.RenewalBreakNoticeMonths));
            if (l.RenewalBreakOwesRvg)
            {
                terms.Add("RenewalBreakOwesRvg = true");
            }
        }

        // An RVG against remarketing, only when there (a lease whose RVG is measured against the appraised value keeps its C#).
        if (l.RvgRemarketing)
        {
            terms.Add("RvgRemarketing = true");
            if (l.RemarketingCost != 0)
            {
                terms.Add("RemarketingCost = " + CSharpLiterals.Double(l.RemarketingCost));
            }
        }

        // The renewal terms' termination fee, only when there (a lease without one keeps its C#): one for every term, or
        // one per term.
        if (l.HasRenewalTerminationFee)
        {
            terms.Add(l.RenewalTerminationFeeByTerm.Length == 0
                ? "RenewalTerminationFee = " + CSharpLiterals.Double(l.RenewalTerminationFee)
                : "RenewalTerminationFeeByTerm = [" + string.Join(", ", l.RenewalTerminationFeeByTerm.Select(CSharpLiterals.Double)) + "]");
            if (l.RenewalFeeAmortising)
            {
                terms.Add("RenewalFeeAmortising = true");
            }

            if (l.RenewalFeeFloor != 0)
            {
                terms.Add("RenewalFeeFloor = " + CSharpLiterals.Double(l.RenewalFeeFloor));
            }
        }

        return terms.Count == 0 ? "" : " { " + string.Join(", ", terms) + " }";
    }

    private static IEnumerable<string> FeeAndNotice(string prefix, double feeMonths, double feeAmount, int noticeMonths)
    {
        if (feeMonths != 0)
        {
            yield return prefix + "FeeMonths = " + CSharpLiterals.Double(feeMonths);
        }

        if (feeAmount != 0)
        {
            yield return prefix + "FeeAmount = " + CSharpLiterals.Double(feeAmount);
        }

        if (noticeMonths != 0)
        {
            yield return prefix + "NoticeMonths = " + CSharpLiterals.Int(noticeMonths);
        }
    }

    /// <summary>An indexed lease's base: its index's level on the lease's start less the lag, under the deal's own terms
    /// (the runtime's <see cref="IndexCurve"/>, as the checker read it for DL0492); null when the rent is not indexed.</summary>
    private static double? BaseLevelOf(EmitContext ctx, LeaseModel lease) =>
        lease.IndexedBy is { } index
            ? IndexCurve.At(ctx.Model.Indices[index].Info, ctx.Model.Closing, lease.Info.Start.AddMonthsClamped(-lease.Indexation.LagMonths))
            : null;

    // A forward cfads's windows stop at the end of each lease's current term; a yearly indexed lease resets in the
    // periods its anniversaries mark, and a lagged one reads the index's history before the first period.
    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var lease in States)
        {
            if (Ctx.ProjectsCfads)
            {
                w.Line();
                w.Comment(lease.Name + ": the last period of the term running at each period's end (a forward cfads).");
                w.Line("private static readonly int[] " + lease.TermEnds + " = ForwardReceipts.TermEndPeriods(" + Info(lease.Info) + ", Boundaries);");
            }

            if (lease.Model.IndexedBy is not { } index)
            {
                continue;
            }

            RentIndexation terms = lease.Model.Indexation;
            if (terms.Yearly)
            {
                w.Line();
                w.Comment(lease.Name + ": whether its index ratio resets at each period's start (the first on or after each anniversary of its start).");
                w.Line("private static readonly bool[] " + lease.IndexResets + " = IndexedRent.Resets(" + Ctx.DateConstant(lease.Info.Start) + ", Boundaries);");
            }

            if (terms.LagPeriods > 0)
            {
                // Periods t < k read their start less the lag, before the closing, where no path has a level: the index's
                // history under the deal's own terms, as the base is. No more entries than the deal has periods: every
                // period then reads the history (Lagged's t < history.Length).
                IndexInfo info = Ctx.Model.Indices[index].Info;
                var history = Enumerable.Range(0, Math.Min(terms.LagPeriods, Ctx.Model.Periods)).Select(t =>
                    IndexCurve.At(info, Ctx.Model.Closing, Ctx.Model.Boundaries[t].AddMonthsClamped(-terms.LagMonths)));
                w.Line();
                string periods = terms.LagPeriods == 1 ? "period 0" : "periods 0-" + (terms.LagPeriods - 1);
                w.Comment(lease.Name + ": " + info.Name + " read " + terms.LagMonths + " months before the start of " + periods
                    + ", before the closing (its level under the deal's terms).");
                w.Line("private static readonly double[] " + lease.IndexHistory + " = " + CSharpEmitter.List(history.Select(CSharpLiterals.Double)) + ";");
            }
        }
    }

    /// <summary>
    /// A forward cfads's rent: per lease, its rent in the periods of the window inside the term running now (an input:
    /// the lease's terms, the renewals taken and the market rate, as if the lessee never defaults; from the period its
    /// lessee serves notice of a break, the rent cut on the break date), or nothing once it has ended (expiry, or the
    /// lessee's default: known when it has happened) or its facility is sold.
    /// </summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) =>
        deductions ? [] : States.Select(lease => ForwardRent(lease, lastArray));

    /// <summary>A lease's rent over the window, as its forward cfads counts it: what a per-period fee that is a share of
    /// it is projected on.</summary>
    public override string? ForwardFlow(Quantity quantity, int index, string lastArray) =>
        quantity == Quantity.LeaseRent ? ForwardRent(this[index], lastArray) : null;

    private string ForwardRent(LeaseState lease, string lastArray)
    {
        string soldFlag = CSharpEmitter.SoldFlag(Ctx, new CollateralRef(CollateralKind.Facility, lease.Info.Facility));
        string over = (soldFlag.Length > 0 ? soldFlag + " || " : "") + "(" + lease.EndPeriod + " >= 0 && t >= " + lease.EndPeriod + ")";
        // Once the lessee has served notice of a break, its leaving is a contractual fact: the window reads the rent
        // stopping on the break date (docs/language.md §5, "Break option").
        string row = lease.ReadsNotice
            ? "(" + lease.NoticePeriod + " >= 0 && t >= " + lease.NoticePeriod + " ? " + lease.NoticedRent + " : " + lease.TermRent + ")"
            : lease.TermRent.Name;
        // A phased lease's rent in each period of the window is on the share its completion index gives that period, as known now.
        string sum = lease.Model.PhasedBy is { } index
            ? "ForwardReceipts.SumScaled(" + row + ", " + TrancheComponent.ProjectedShares(Ctx, index) + ", t, " + lastArray + "[t], " + lease.TermEnds + "[t])"
            : "ForwardReceipts.Sum(" + row + ", t, " + lastArray + "[t], " + lease.TermEnds + "[t])";
        // An indexed rent ahead is held at the index's level now, as a floating coupon ahead is held at its rate now:
        // the projection reads only what is known at the test's period.
        string? ratio = IndexRatio(lease, "t");
        return "(" + over + " ? 0.0 : " + sum + (ratio is null ? "" : " * " + ratio) + ")";
    }

    /// <summary>A phased lease's completed share in period <paramref name="period"/> (C#): its completion index's level read
    /// at that period's start, n/a as nothing completed, clamped to [0, 1] (as a tranche's 'completion'); null when the
    /// rent starts in full.</summary>
    private string? PhasedShare(LeaseState lease, string period) =>
        lease.Model.PhasedBy is { } index
            ? "CompletedShare.Of(" + Ctx.Components.Of<IndexComponent>().States[index].Levels.Name + "[" + period + "])"
            : null;

    /// <summary>An indexed lease's factor in period <paramref name="period"/> (C#): its index's level read at that period's
    /// start (or the lag's periods earlier) over the base (<see cref="LeaseState.BaseLevel"/>); a yearly one's ratio held
    /// since its last reset (<see cref="WritePeriodStart"/>); null when the rent is not indexed.</summary>
    private string? IndexRatio(LeaseState lease, string period)
    {
        if (lease.BaseLevel is not { } baseLevel)
        {
            return null;
        }

        return lease.Model.Indexation.Yearly ? lease.IndexRatio.Name
            : "IndexedRent.Ratio(" + IndexReading(lease, period) + ", " + CSharpLiterals.Double(baseLevel) + ")";
    }

    /// <summary>The level an indexed lease reads for period <paramref name="period"/> (C#): its index's level at the period's
    /// start, or with a lag the path's level the lag's periods earlier (the deal's history before the first period).</summary>
    private string IndexReading(LeaseState lease, string period)
    {
        string levels = Ctx.Components.Of<IndexComponent>().States[lease.Model.IndexedBy!.Value].Levels.Name;
        return lease.Model.Indexation.LagPeriods > 0
            ? "IndexedRent.Lagged(" + levels + ", " + lease.IndexHistory + ", " + period + ")"
            : levels + "[" + period + "]";
    }

    // A yearly indexed lease's ratio, reset at the start of the periods its anniversaries mark and held between: the level
    // read over the base, or, collared, the last ratio times the change since the last reset held within the collar. Set
    // before anything reads it: the rent, a guarantor's ask and a forward cfads all read the ratio of the period.
    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var lease in States.Where(l => l.IndexRatio.Declared))
        {
            RentIndexation terms = lease.Model.Indexation;
            string index = Ctx.Model.Indices[lease.Model.IndexedBy!.Value].Info.Name;
            w.Comment(lease.Name + ": its ratio to " + index + " resets on its anniversaries" + (terms.LagMonths > 0 ? ", " + index + " read " + terms.LagMonths + " months early" : "")
                + (terms.Collared ? ", each change held within [" + Bound(terms.Floor, "0") + ", " + Bound(terms.Cap, "no cap") + "]" : ""));
            using (w.Block("if (" + lease.IndexResets + "[t])"))
            {
                if (terms.Collared)
                {
                    // A block's own name: a lease's level read now, which the next reset's change is over.
                    string now = lease.IndexLevel.Name + "Now";
                    w.Line("double " + now + " = IndexedRent.Level(" + IndexReading(lease, "t") + ");");
                    w.Line(lease.IndexRatio + " *= IndexedRent.Change(" + now + ", " + lease.IndexLevel + ", "
                        + CSharpLiterals.Double(terms.Floor ?? -1) + ", " + CSharpLiterals.Double(terms.Cap ?? double.PositiveInfinity) + ");");
                    w.Line(lease.IndexLevel + " = " + now + ";");
                }
                else
                {
                    w.Line(lease.IndexRatio + " = IndexedRent.Ratio(" + IndexReading(lease, "t") + ", " + CSharpLiterals.Double(lease.BaseLevel!.Value) + ");");
                }
            }
        }
    }

    // 1 + a collar's bound, as the comment shows it.
    private static string Bound(double? bound, string none) =>
        bound is { } b ? (1 + b).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : none;

    /// <summary>What scales a lease's scheduled rent (or the rent its lessee's default leaves unpaid) in period t: the
    /// share completed of a phased lease, the index ratio of an indexed one (" * …" for each; empty when neither).</summary>
    private string Scaling(LeaseState lease)
    {
        string? share = PhasedShare(lease, "t");
        string? ratio = IndexRatio(lease, "t");
        return (share is null ? "" : " * " + share) + (ratio is null ? "" : " * " + ratio);
    }

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Leases.Where(l => l.RvgGuarantees is not null)
            .SelectMany(l => new[] { l.RvgGuarantees, l.BreakRvg?.Guarantees, l.RenewalBreakRvg?.Guarantees })
            .OfType<BoundExpression>().Select(e => (e, 1));

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.LeaseRent => this[index].Rent.Name,
        Quantity.LeaseActive => this[index].Active.Name,
        Quantity.LeaseEnded => this[index].Ended.Name,
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        // What a guarantor pays stands in for rent: a collection, recurring (in cfads) as the rent it replaces.
        DealSum.Collections => States.SelectMany(l => new[] { l.Rent.Name }
            .Concat(l.HasRvg ? [l.Rvg.Name] : []).Concat(l.Remarketing.Declared ? [l.Remarketing.Name] : [])
            .Concat(l.RvgGuaranteed.Declared ? [l.RvgGuaranteed.Name] : [])
            .Concat(l.Guaranteed.Declared ? [l.Guaranteed.Name] : [])
            .Concat(l.HasTerminationFee ? [l.Termination.Name] : [])),
        // 'cfads includes rvg' makes the RVG recurring cash; other kinds' one-offs (a loan's recovery) stay out. A
        // termination fee is a one-off, as a contract's is.
        // What an RVG's guarantor pays stands in for the RVG: a one-off as the RVG is, recurring with it. A remarketing
        // sale's proceeds are a sale's, never cfads ('cfads includes rvg' counts the guarantee, not the building sold).
        DealSum.OneOffReceipts => (Model.CfadsIncludesRvg ? [] : States.Where(l => l.HasRvg).Select(l => l.Rvg.Name)
                .Concat(States.Where(l => l.RvgGuaranteed.Declared).Select(l => l.RvgGuaranteed.Name)))
            .Concat(States.Where(l => l.Remarketing.Declared).Select(l => l.Remarketing.Name))
            .Concat(States.Where(l => l.HasTerminationFee).Select(l => l.Termination.Name)),
        _ => [],
    };

    // 1. Rent (none once the facility is sold), the lease's flags, and the RVG.
    public override void WriteCollections(IndentedWriter w)
    {
        foreach (var lease in States)
        {
            string soldFlag = CSharpEmitter.SoldFlag(Ctx, new CollateralRef(CollateralKind.Facility, lease.Info.Facility));
            string scheduled = lease.ScheduledRent + "[t]" + Scaling(lease);
            w.Comment(lease.Name + ": rent" + (lease.Model.PhasedBy is null ? "" : " on the share of its buildings completed at the period's start")
                + (lease.Model.IndexedBy is null ? "" : lease.Model.Indexation == RentIndexation.EveryPeriod
                    ? " times its index's level now over its level on the lease's start" : " times its index ratio")
                + (soldFlag.Length > 0 ? ", until its facility is sold" : ""));
            w.Line(lease.Rent + " = " + (soldFlag.Length > 0 ? soldFlag + " ? 0.0 : " + scheduled : scheduled) + ";");
            if (lease.Active.Declared)
            {
                w.Line(lease.Active + " = " + (soldFlag.Length > 0 ? "!(" + soldFlag + ") && " : "")
                    + "periodEnd > " + Ctx.DateConstant(lease.Info.Start)
                    + " && (" + lease.EndPeriod + " < 0 || t <= " + lease.EndPeriod + ");");
            }

            if (lease.Ended.Declared)
            {
                // true in the period the lease ends (when any RVG is paid) and after: what a sweep trigger needs
                w.Line(lease.Ended + " = " + (soldFlag.Length > 0 ? soldFlag + " || " : "")
                    + "(" + lease.EndPeriod + " >= 0 && t >= " + lease.EndPeriod + ");");
            }

            if (lease.HasRvg)
            {
                WriteRvg(w, lease, soldFlag);
            }

            if (lease.Guarantee is { } guarantee)
            {
                WriteGuarantee(w, lease, guarantee.Info, guarantee.Index, soldFlag);
            }

            if (lease.HasTerminationFee)
            {
                // The lessee's recovery of the fee its default in the initial term owes, or the fee its break pays (an
                // input); none once the facility is sold (no lease is left to terminate).
                w.Line(lease.Termination + " = " + (soldFlag.Length > 0 ? soldFlag + " ? 0.0 : " : "") + lease.TerminationFees + "[t];");
            }
        }
    }

    // The guarantor pays the rent the lessee's default leaves unpaid (an input: what the lease would have paid, less
    // what it pays; a phased lease's times the share completed, an indexed one's times its index ratio), in the period it falls due, times its honour share,
    // within what its cap still allows, while it pays (not in default, not disowned, within 'until'); nothing once the
    // facility is sold (no lease is left).
    private void WriteGuarantee(IndentedWriter w, LeaseState lease, GuaranteeInfo g, int index, string soldFlag)
    {
        string pays = GuarantorCode.Pays(Ctx, g, "t", "periodEnd");
        w.Comment(lease.Name + ": " + Ctx.Model.Parties[g.Guarantor].Name + " pays the rent the lessee's default leaves unpaid, up to its cap");
        w.Line(lease.Guaranteed + " = 0.0;");
        using (w.Block("if (" + (soldFlag.Length > 0 ? "!(" + soldFlag + ") && " : "") + pays + ")"))
        {
            // A phased lease's unpaid rent is on the buildings handed over, an indexed one's at the index's ratio, as its rent is.
            w.Line(lease.Guaranteed + " = Math.Min(" + lease.GuaranteeDue + "[t]" + Scaling(lease) + " * "
                + GuarantorCode.Honour(Ctx, g.Guarantor) + ", " + lease.GuaranteeCapLeft + ");");
            w.Line(lease.GuaranteeCapLeft + " -= " + lease.Guaranteed + ";");
        }

        w.Line("result.GuaranteePaid[" + CSharpLiterals.Int(index) + "][t] = " + lease.Guaranteed + ";");
    }

    // The summary's termination fee received (Runner/Running/DealEventsBuilder), per period, as a contract's.
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var lease in States.Where(l => l.HasTerminationFee))
        {
            w.Line(Ctx.ResultRow("LeaseTerminationFee", CSharpLiterals.Int(lease.Index)) + "[t] = " + lease.Termination + ";");
        }
    }

    // None once the facility is sold in an earlier period, as no rent, guarantor or termination fee is: the lease ended
    // with the sale, and the value it guaranteed was realised by it (an RVG at the lease's later expiry, default or break
    // would be measured against a facility the deal no longer owns). A sale at the end of the lease's own last period
    // comes after its RVG, as after that period's rent.
    private void WriteRvg(IndentedWriter w, LeaseState lease, string soldFlag)
    {
        string cap = CSharpLiterals.DoubleOperand(lease.Info.RvgCap);
        w.Line(lease.Rvg + " = 0.0;");
        if (lease.Remarketing.Declared)
        {
            w.Line(lease.Remarketing + " = 0.0;");
        }

        if (lease.RvgGuaranteed.Declared)
        {
            w.Line(lease.RvgGuaranteed + " = 0.0;");
        }

        using (w.Block("if (" + (soldFlag.Length > 0 ? "!(" + soldFlag + ") && " : "") + "t == " + lease.EndPeriod + " && " + lease.RvgApplies + ")"))
        {
            // The value is the facility's on the day the lease ends (an input: the day may fall inside the period, whose
            // value row is read at its end), as the appraisal a term sheet's guarantee is settled on.
            w.Comment("the lease ends inside its RVG window: the lessee pays min(cap, guaranteed - value on its last day), times what it can recover");
            string guaranteed = lease.Model.RvgGuarantees is { } g ? CSharpEmitter.Amount(Ctx, g, asOperand: false) : cap;
            if (lease.HasBreakRvgTerms)
            {
                // A break that states its own amount or cap owes the RVG on them (each the lease's where not written).
                w.Comment("a break's own RVG terms, where the path's break states them, in place of the lease's");
                string terms = lease.RvgBreakTerms.Name;
                w.Line("double guaranteed = " + ByTerms(terms, lease.Model.BreakRvg?.Guarantees, lease.Model.RenewalBreakRvg?.Guarantees, guaranteed,
                    e => CSharpEmitter.Amount(Ctx, e, asOperand: false)) + ";");
                w.Line("double rvgCap = " + ByTerms(terms, lease.Model.BreakRvg?.Cap, lease.Model.RenewalBreakRvg?.Cap, cap, c => CSharpLiterals.DoubleOperand(c!.Value)) + ";");
                cap = "rvgCap";
            }
            else
            {
                w.Line("double guaranteed = " + guaranteed + ";");
            }

            // Against remarketing the facility is sold that day, at its value then less the remarketing cost (not the
            // enforcement haircut: an arm's-length sale over a remarketing period, which the lessee's guarantee stands
            // behind), and the claim is the shortfall below those net proceeds; the facility is gone from then on.
            string measure = lease.RvgValue.Name;
            if (lease.Remarketing.Declared)
            {
                w.Comment("against remarketing: the facility is sold on the lease's last day, at its value then less the remarketing cost");
                w.Line(lease.Remarketing + " = " + lease.RvgValue + " * (1.0 - " + CSharpLiterals.DoubleOperand(lease.Info.RemarketingCost) + ");");
                w.Line(lease.RemarketedIn + " = t;");
                w.Line("result.RemarketingProceeds[" + CSharpLiterals.Int(lease.Index) + "] = " + lease.Remarketing + ";");
                measure = lease.Remarketing.Name;
            }

            if (lease.RvgGuarantee is { } rvgGuarantee)
            {
                // The claim once, then the lessee's share of it and the guarantor's payment of the rest.
                w.Line("double claim = Math.Min(" + cap + ", Math.Max(0.0, guaranteed - " + measure + "));");
                w.Line(lease.Rvg + " = claim * " + lease.RvgRecovery + ";");
                WriteRvgGuarantee(w, lease, rvgGuarantee.Info);
            }
            else
            {
                w.Line(lease.Rvg + " = Math.Min(" + cap + ", Math.Max(0.0, guaranteed - " + measure + ")) * " + lease.RvgRecovery + ";");
            }

            w.Line("result.RvgPaid[" + CSharpLiterals.Int(lease.Index) + "] = " + lease.Rvg + ";");
        }

        if (lease.RvgGuarantee is { } written)
        {
            w.Line("result.GuaranteePaid[" + CSharpLiterals.Int(written.Index) + "][t] = " + lease.RvgGuaranteed + ";");
        }
    }

    // A break's own term (1: the initial term's break's, 2: the renewal terms' break's) where the path's break states it,
    // else the lease's: a conditional on the path's input, each operand in parentheses.
    private static string ByTerms<T>(string terms, T? initial, T? renewal, string lease, Func<T, string> write)
    {
        string of(T? term) => term is null ? lease : "(" + write(term) + ")";
        string text = "(" + lease + ")";
        if (renewal is not null)
        {
            text = terms + " == 2 ? " + of(renewal) + " : " + text;
        }

        if (initial is not null)
        {
            text = terms + " == 1 ? " + of(initial) + " : " + text;
        }

        return text;
    }

    // The RVG's guarantor pays the part of the claim the defaulted lessee does not (claim − what the lessee pays: 0 while
    // the lessee performs), times its honour share, within its cap, while it answers (not disowned, within 'until'); one
    // that has defaulted by the period's end pays its recovery share of that, the claim on it being a one-off as the
    // lessee's is (a rent guarantor in default pays nothing of rent falling due period after period). The RVG is paid
    // once, so its cap is not carried.
    private void WriteRvgGuarantee(IndentedWriter w, LeaseState lease, GuaranteeInfo g)
    {
        w.Comment(Ctx.Model.Parties[g.Guarantor].Name + " pays the part of the RVG claim the defaulted lessee does not, up to its cap, at its recovery if it has defaulted");
        string answers = GuarantorCode.Answers(Ctx, g, "t", "periodEnd");
        // Without 'until' the condition is one parenthesised test: written once, not in a second pair.
        using (w.Block(g.Until is null ? "if " + answers : "if (" + answers + ")"))
        {
            w.Line(lease.RvgGuaranteed + " = Math.Min((claim - " + lease.Rvg + ") * " + GuarantorCode.Honour(Ctx, g.Guarantor) + ", "
                + CSharpLiterals.DoubleOperand(g.Cap) + ") * (" + GuarantorCode.Defaulted(Ctx, g.Guarantor) + "[t] ? "
                + GuarantorCode.Recovery(Ctx, g.Guarantor) + " : 1.0);");
        }
    }
}
