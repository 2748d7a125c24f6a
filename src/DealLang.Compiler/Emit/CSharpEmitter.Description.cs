using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// Description: the deal's terms as literal data for the runner (scenario paths, reports): each kind's component
// writes its entities' runtime records. It gets its own copies of the arrays, so nothing a caller does to the
// description can change what Run computes.
public static partial class CSharpEmitter
{
    private static void WriteDescription(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Line(RunsOnce);
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
                if (!model.RolledBoundaries.IsEmpty)
                {
                    // Only a deal whose business days move a date has the line: the others' regular grid is their boundaries.
                    w.Line("RolledBoundaries = (Date[])RolledDates.Clone(),");
                }

                w.Line("YearFractions = ComputeYearFractions(),");
                foreach (var component in ctx.Components)
                {
                    ArrayProperty(w, component.DescriptionProperty, component.DescriptionElements());
                }

                ArrayProperty(w, "Sales", ctx.Sales.Select(Sale));
                if (!model.Guarantees.IsEmpty)
                {
                    // Only a deal with guarantees has the line (and the guarantors' inputs).
                    ArrayProperty(w, "Guarantees", model.Guarantees.Select(Guarantee));
                }

                if (ctx.ProjectsCfads)
                {
                    // Only a deal with a forward cfads has the leases' term-rent inputs (and the line).
                    w.Line("ProjectsCfads = true,");
                }

                if (ctx.ShapesRelets)
                {
                    // Only a deal whose re-lets of idle units ramp or have a price of their own reads those inputs.
                    w.Line("ShapesSaleRelets = true,");
                }

                if (ctx.ProjectsCompletion)
                {
                    // Only a deal whose forward tests project a completion index has the indices' schedule inputs.
                    w.Line("ProjectsCompletion = true,");
                }
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

    private static string Sale(SaleInfo s) =>
        "new SaleInfo(" + List(s.Collateral.Select(c => "new CollateralRef(CollateralKind." + c.Kind + ", " + CSharpLiterals.Int(c.Index) + ")")) + ", " + CSharpLiterals.Double(s.Haircut) + ", "
        + CSharpLiterals.Int(s.LagMonths)
        + (s.Market is { } m
            ? ", new SaleMarket(" + CSharpLiterals.Double(m.Depth) + ", " + CSharpLiterals.Double(m.Impact) + ", " + CSharpLiterals.Double(m.Limit)
              + ", " + CSharpLiterals.Double(m.Costs)
              // Only a sale that keeps contracts or has a reserve passes them: the others keep the record's defaults (and their C#).
              + (m.KeepContracts || m.Reserve != 0 ? ", " + CSharpLiterals.Bool(m.KeepContracts) + ", " + CSharpLiterals.Double(m.Reserve) : "")
              // Likewise only a sale that re-lets its idle units passes its re-let.
              + (m.Relet != 0 ? ", Relet: " + CSharpLiterals.Double(m.Relet) + ", ReletMonths: " + CSharpLiterals.Int(m.ReletMonths) : "")
              // And only a sale that carries its impact passes its half-life.
              + (m.HalfLifeMonths != 0 ? ", HalfLifeMonths: " + CSharpLiterals.Int(m.HalfLifeMonths) : "")
              // And only a re-let that ramps, or has a price of its own, passes them.
              + (m.ReletRampMonths != 0 ? ", ReletTo: " + CSharpLiterals.Double(m.ReletTo) + ", ReletRampMonths: " + CSharpLiterals.Int(m.ReletRampMonths) : "")
              + (m.ReletPrice is { } rp ? ", ReletPrice: new ReletPrice(" + CSharpLiterals.Int(rp.Index) + ", " + CSharpLiterals.Double(rp.Share) + ", "
                  + CSharpLiterals.Double(rp.Spread) + ")" : "")
              // And only a re-let that follows a curve passes it (docs/language.md §9, "relet-curve").
              + (m.ReletCurve is { } curve ? ", ReletCurve: new ReletCurve([" + string.Join(", ", curve.Months.Select(CSharpLiterals.Int)) + "], ["
                  + string.Join(", ", curve.Levels.Select(CSharpLiterals.Double)) + "])" : "") + ")"
            : "")
        // Only a spread sale passes its periods: the others keep the record's default of 1 (and their C#).
        + (s.SpreadPeriods != 1 ? ", SpreadPeriods: " + CSharpLiterals.Int(s.SpreadPeriods) : "")
        // And only a spread sale whose market remembers passes its half-life.
        + (s.SpreadHalfLifeMonths != 0 ? ", SpreadHalfLifeMonths: " + CSharpLiterals.Int(s.SpreadHalfLifeMonths) : "")
        + ")"
        + SaleInitializer(s);

    // Only a sale at a market price passes one (the others keep par), and only a sale subject to its lease says so: the
    // others keep their C#.
    private static string SaleInitializer(SaleInfo s)
    {
        var set = new List<string>();
        if (s.Price is { } p)
        {
            set.Add("Price = new LoanSalePrice(" + (p.Yield is { } y ? CSharpLiterals.Double(y) : "null") + ", "
                + (p.Index is { } i ? CSharpLiterals.Int(i) : "null")
                // Only a yield that reads an index passes it: the others keep their C#.
                + (p.YieldIndex is { } r ? ", YieldIndex: " + CSharpLiterals.Int(r) : "") + ")");
        }

        if (s.SubjectToLease)
        {
            set.Add("SubjectToLease = true");
        }

        return set.Count == 0 ? "" : " { " + string.Join(", ", set) + " }";
    }

    private static string Guarantee(GuaranteeInfo g) =>
        "new GuaranteeInfo(" + CSharpLiterals.String(g.Name) + ", " + CSharpLiterals.Int(g.Guarantor) + ", GuaranteeTarget." + g.Kind + ", "
        + CSharpLiterals.Int(g.Target) + ", " + CSharpLiterals.Double(g.Cap) + ", " + CSharpLiterals.NullableDate(g.Until) + ", "
        + CSharpLiterals.Double(g.FeeRate) + ", " + CSharpLiterals.Bool(g.CoversInterest) + ", " + CSharpLiterals.Bool(g.CoversPrincipal)
        // Named and only when set, so a pari passu guarantee's description reads as before.
        + (g.SubrogatedAfterHolders ? ", SubrogatedAfterHolders: true" : "") + ")";

    /// <summary>An inline collection expression, <c>[a, b]</c>; the parameter's array type gives it its type.</summary>
    internal static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
