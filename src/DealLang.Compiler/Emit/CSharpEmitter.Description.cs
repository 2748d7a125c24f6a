using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// Description: the deal's terms as literal data for the runner (scenario paths, reports). It gets its own
// copies of the arrays, so nothing a caller does to the description can change what Run computes.
public static partial class CSharpEmitter
{
    private static void WriteDescription(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        using (w.Block("private static DealDescription CreateDescription()"))
        {
            using (w.Block("return new DealDescription", closingSuffix: ";"))
            {
                w.Line("Name = " + CSharpLiterals.String(model.Name) + ",");
                w.Line("Title = " + CSharpLiterals.String(model.Title) + ",");
                w.Line("Currency = " + CSharpLiterals.String(model.Currency) + ",");
                w.Line("Closing = " + CSharpLiterals.Date(model.Closing) + ",");
                w.Line("Maturity = " + CSharpLiterals.Date(model.Maturity) + ",");
                w.Line("Frequency = Frequency." + model.Frequency + ",");
                w.Line("DayCount = DayCount." + model.DayCount + ",");
                w.Line("Boundaries = (Date[])Boundaries.Clone(),");
                w.Line("ScheduledPeriods = ScheduledPeriods,");
                w.Line("YearFractions = ComputeYearFractions(),");
                ArrayProperty(w, "Parties", model.Parties.Select(Party));
                ArrayProperty(w, "Facilities", model.Facilities.Select(Facility));
                ArrayProperty(w, "Leases", model.Leases.Select(l => Lease(l.Info)));
                ArrayProperty(w, "Tranches", model.Tranches.Select(t => Tranche(t.ToInfo())));
                ArrayProperty(w, "Equities", model.Equities.Select(Equity));
                ArrayProperty(w, "Accounts", model.Accounts.Select(a => "new AccountInfo(" + CSharpLiterals.String(a.Name) + ", "
                    + CSharpLiterals.Double(a.Initial) + ", " + CSharpLiterals.Double(a.Rate) + ")"));
                ArrayProperty(w, "Fees", model.Fees.Select(f => CSharpLiterals.String(f.Name)));
                ArrayProperty(w, "Tests", ctx.TestsByIndex.Select(t => CSharpLiterals.String(t.Name)));
                ArrayProperty(w, "Triggers", model.Triggers.Select(t => CSharpLiterals.String(t.Name)));
                ArrayProperty(w, "Sales", ctx.Sales.Select(Sale));
            }
        }
    }

    /// <summary><c>Name =</c> followed by a collection expression, one element per line.</summary>
    private static void ArrayProperty(IndentedWriter w, string property, IEnumerable<string> elements)
    {
        var items = elements.ToList();
        if (items.Count == 0)
        {
            w.Line(property + " = [],");
            return;
        }

        w.Line(property + " =");
        w.Line("[");
        w.Indent();
        foreach (string item in items)
        {
            w.Line(item + ",");
        }

        w.Outdent();
        w.Line("],");
    }

    private static string Party(PartyInfo p) =>
        "new PartyInfo(" + CSharpLiterals.String(p.Name) + ", " + CSharpLiterals.String(p.Rating) + ", "
        + CSharpLiterals.Double(p.AnnualPd) + ", " + CSharpLiterals.Double(p.Recovery) + ")";

    private static string Facility(FacilityInfo f) =>
        "new FacilityInfo(" + CSharpLiterals.String(f.Name) + ", " + CSharpLiterals.Double(f.Cost) + ", FacilityValueKind." + f.ValueKind
        + ", " + CSharpLiterals.Int(f.LifeMonths) + ", " + CSharpLiterals.Double(f.FloorFraction) + ", " + CSharpLiterals.Date(f.DepreciationStart)
        + ", " + List(f.ScheduleDates.Select(CSharpLiterals.Date)) + ", " + List(f.ScheduleValues.Select(CSharpLiterals.Double)) + ")";

    private static string Lease(LeaseInfo l) =>
        "new LeaseInfo(" + CSharpLiterals.String(l.Name) + ", " + CSharpLiterals.Int(l.Facility) + ", " + CSharpLiterals.Int(l.Lessee)
        + ", " + CSharpLiterals.Double(l.RentPerYear) + ", " + CSharpLiterals.Double(l.Escalator) + ", " + CSharpLiterals.Date(l.Start)
        + ", " + CSharpLiterals.Int(l.TermMonths) + ", " + CSharpLiterals.Int(l.RenewalCount) + ", " + CSharpLiterals.Int(l.RenewalTermMonths)
        + ", " + CSharpLiterals.Bool(l.RenewalAtMarket) + ", " + CSharpLiterals.NullableDate(l.RvgUntil) + ", " + CSharpLiterals.Double(l.RvgCap)
        // Only a lease that states a day count passes one: the others keep the record's default (and their C#).
        + (l.RentDayCount is { } dc ? ", DayCount." + dc : "") + ")";

    private static string Tranche(TrancheInfo t) =>
        "new TrancheInfo(" + CSharpLiterals.String(t.Name) + ", " + CSharpLiterals.Double(t.Balance) + ", " + CSharpLiterals.Double(t.Coupon)
        + ", " + CSharpLiterals.Int(t.Seniority) + ", " + CSharpLiterals.Date(t.Maturity) + ", " + CSharpLiterals.String(t.Amortization) + ")";

    private static string Equity(EquityInfo e) =>
        "new EquityInfo(" + CSharpLiterals.String(e.Name) + ", " + CSharpLiterals.Double(e.Contributed) + ", "
        + List(e.Holders.Select(h => "new EquityHolder(" + CSharpLiterals.Int(h.Party) + ", " + CSharpLiterals.Double(h.Share) + ")")) + ")";

    private static string Sale(SaleInfo s) =>
        "new SaleInfo(" + List(s.Facilities.Select(CSharpLiterals.Int)) + ", " + CSharpLiterals.Double(s.Haircut) + ", "
        + CSharpLiterals.Int(s.LagMonths) + ")";

    /// <summary>An inline collection expression, <c>[a, b]</c>; the parameter's array type gives it its type.</summary>
    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
