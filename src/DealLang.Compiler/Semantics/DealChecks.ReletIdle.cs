using System.Globalization;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// 'relet idle at R for D' (docs/language.md §9, "Re-letting idle units"): the utilisation a share above 0 and at most
// 100%, the window whole months within the workout limit (the schedule's room for it, Lowerer.WorkoutPeriods), and the
// fleet sold priced by a generation index, as a contract's re-let is (DL0469), unless the re-let has a price of its own.
// A ramp ('rising to R1 over M') ends at a share above 0 and at most 100% (DL0574) after whole months within the workout
// limit (DL0575); a price's shape and share are the type checker's (DL0576, DL0577). Its other limits are the repo market's:
// a 'relet idle' on a sale of anything but one fleet is DL0464, without a depth DL0465.
internal sealed partial class DealChecks
{
    private void CheckReletIdle(ReletIdleSyntax? relet, string where)
    {
        if (relet is not { Relets: true })
        {
            return;
        }

        // A drawn utilisation's range is its beta's (DL0526), whose mean is the Utilisation; a drawn end's likewise.
        CheckReletDraws(relet.Drawn, relet.DrawnTo, $"the re-let utilisation {where}", $"the re-let's end utilisation {where}");
        if (relet.Drawn is null && relet.Curve is null && relet.Utilisation is { } utilisation && _analysis.BoundOf(utilisation) is Model.ConstantExpression { Value: var value }
            && !(value > 0 && value <= 1))
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletIdleOutOfRange(utilisation.Span, $"the re-let utilisation {where}", string.Create(
                CultureInfo.InvariantCulture,
                $"must be above 0% and at most 100% (e.g. 'relet idle at 60%'), not {value * 100:0.####}% (write 'not relet idle' in a scenario for none)")));
        }

        CheckReletRamp(relet.DrawnTo is null ? relet.RampTo : null, relet.RampOver, where, "the sale date");
        CheckReletCurve(relet.Curve, relet.RampTo ?? relet.DrawnTo?.Mean, where, "the sale date");
        if (relet.For is { } window)
        {
            int months = DurationRules.WholeMonths(window, out bool exact);
            string what = $"the re-let window {where} ({window.Text})";
            if (!exact)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletIdleOutOfRange(window.Span, what,
                    "is not a whole number of months (e.g. 'for 6m'): the sale starts at the end of a period"));
            }
            else if (months > DurationRules.MaxWorkoutMonths)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletIdleOutOfRange(window.Span, what, string.Create(CultureInfo.InvariantCulture,
                    $"is longer than the workout limit of {DurationRules.MaxWorkoutMonths / 12}y: the schedule would have no room to sell after it")));
            }
        }
    }

    // A re-let's ramp ('rising to R1 over M'), a sale's re-let of idle units' or a contract's re-let's in a scenario: R1
    // above 0 and at most 100% (DL0574), M whole months above 0 within the workout limit (DL0575), counted from
    // the start given (the sale date, or the contract's re-let's start).
    private void CheckReletRamp(ExpressionSyntax? rampTo, DurationSyntax? rampOver, string where, string start)
    {
        if (rampTo is not null && _analysis.BoundOf(rampTo) is Model.ConstantExpression { Value: var end } && !(end > 0 && end <= 1))
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletRampEndOutOfRange(rampTo.Span, $"the re-let's end utilisation {where}", end));
        }

        if (rampOver is { } ramp)
        {
            // The ramp is the market filling (or fading) from the re-let's start, not a sale's window: it may run past the
            // window, into the months a reserve holds units back, but within the schedule's room for a re-let (the workout limit).
            int months = DurationRules.WholeMonths(ramp, out bool exact);
            string what = $"the re-let's ramp {where} ({ramp.Text})";
            if (!exact || months < 1)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletRampMonths(ramp.Span, what,
                    $"is not a whole number of months above 0 (e.g. 'over 12m'): the utilisation moves at each month from {start}"));
            }
            else if (months > DurationRules.MaxWorkoutMonths)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletRampMonths(ramp.Span, what, string.Create(CultureInfo.InvariantCulture,
                    $"is longer than the workout limit of {DurationRules.MaxWorkoutMonths / 12}y: no re-let runs that long")));
            }
        }
    }

    // A re-let's curve ('at curve { 0m 30%  3m 55% … }', docs/language.md §9, "relet-curve"), a sale's or a contract's:
    // each level a fixed share above 0 and at most 100% (DL0514, as DL0439 and DL0574 hold a flat level and a ramp's end);
    // at least two points, the first at 0m (the start given), each a whole number of months after the one before and within
    // the workout limit (DL0515, as DL0575 holds a ramp's months).
    private void CheckReletCurve(ReletCurveSyntax? curve, ExpressionSyntax? rampTo, string where, string start)
    {
        if (curve is null)
        {
            return;
        }

        string what = $"the re-let's curve {where}";
        if (rampTo is not null)
        {
            // 'at curve { … } rising to R1 over M': two shapes for one re-let; the curve's last point is where it ends.
            _diagnostics.Add(DiagnosticCatalogue.ReletCurvePoints(rampTo.Span, what,
                "is followed by a straight ramp ('rising to … over …'): a curve ends at its last point, so write the ramp's end as one more point ('12m 80%')"));
        }

        foreach (ReletCurvePointSyntax point in SyntaxWalk.Safe(curve.Points))
        {
            string at = point.At.Text ?? "";
            if (point.Drawn is { } drawn)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletCurveLevel(drawn.Span, what, at, _analysis.ConstantOf(drawn.Mean, 0), drawn: true));
            }
            else if (point.Level is { } level && _analysis.BoundOf(level) is Model.ConstantExpression { Value: var value } && !(value > 0 && value <= 1))
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletCurveLevel(level.Span, what, at, value, drawn: false));
            }
        }

        if (curve.Points.Length < 2)
        {
            // A point the parser could not read ('{ 0 30%  3 55% }', months without their unit) is a syntax error there,
            // and the points it dropped are not missing: "has no point" would only contradict what the user wrote.
            if (_analysis.IsDamaged(curve))
            {
                return;
            }

            _diagnostics.Add(DiagnosticCatalogue.ReletCurvePoints(curve.Span, what,
                $"has {(curve.Points.IsEmpty ? "no point" : "one point")}: a curve has a level at 0m and at least one later (a re-let at one level is written 'at 60%')"));
            return;
        }

        int before = -1;
        foreach (ReletCurvePointSyntax point in curve.Points)
        {
            if (_analysis.IsDamaged(point.At))
            {
                return; // a month past 10,000 years is DL0130 already, where it is written: "past the workout limit" would repeat it
            }

            int months = DurationRules.WholeMonths(point.At, out bool exact);
            string at = point.At.Text ?? "";
            string? why = !exact
                ? $"has a point at {at}, not a whole number of months: the utilisation moves at each month from {start}"
                : before < 0 && months != 0
                    ? $"starts at {at}: its first point is the level at {start}, written '0m …'"
                    : before >= 0 && months <= before
                        ? string.Create(CultureInfo.InvariantCulture, $"has a point at {at} not after the point before it ({before}m): the points' months are strictly increasing")
                        : months > DurationRules.MaxWorkoutMonths
                            ? string.Create(CultureInfo.InvariantCulture, $"has a point at {at}, past the workout limit of {DurationRules.MaxWorkoutMonths / 12}y: no re-let runs that long")
                            : null;
            if (why is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletCurvePoints(point.At.Span, what, why));
                return;
            }

            before = months;
        }
    }

    // A re-let's utilisations drawn per path (at R, at R1): each beta one that exists (DL0526, as a drawn share's DL0599),
    // so every utilisation drawn is in (0, 1) as DL0439 and DL0574 hold a fixed one; the loadings are DealChecks.Stochastic's.
    private void CheckReletDraws(BetaRecoverySyntax? at, BetaRecoverySyntax? to, string what, string whatTo)
    {
        foreach ((BetaRecoverySyntax beta, bool rampEnd) in ReletDraws.Of(at, to))
        {
            double mean = _analysis.ConstantOf(beta.Mean, 0.5), sd = _analysis.ConstantOf(beta.Sd, 0.1);
            if (mean <= 0 || mean >= 1 || sd <= 0 || sd * sd >= mean * (1 - mean))
            {
                _diagnostics.Add(DiagnosticCatalogue.ReletUtilisationBeta(beta.Span, rampEnd ? whatTo : what, mean, sd, rampEnd));
            }
        }
    }

    // The sale's own: its fleet must have a spot price to re-let at, and its utilisation is one figure: a draw is a
    // stochastic scenario's (DL0527).
    private void CheckReletIdleSale(SellSyntax sale)
    {
        if (sale.Market?.Relet is not { Relets: true } relet)
        {
            return;
        }

        foreach ((BetaRecoverySyntax beta, _) in ReletDraws.Of(relet.Drawn, relet.DrawnTo))
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletUtilisationDrawnOutsideScenario(beta.Span, ReletText(relet, drawn: false), ReletText(relet, drawn: true)));
        }

        CheckReletIdle(relet, "of the enforcement sale");
        // A re-let with a price of its own reads its own index, not the fleet's generation.
        if (relet.Price is null && SyntaxWalk.Safe(sale.Assets).ToList() is [var asset] && _analysis.Symbols.TryLookup(asset.Text, out Symbol symbol)
            && symbol.Declaration is FleetSyntax { Generation: null })
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletIdleCannotApply(relet.Span, $"the sale re-lets the idle units of fleet '{asset.Text}' at its spot price",
                "the fleet has no generation index to price them (give the fleet 'generation H100Rent')"));
        }
    }

    // DL0527's two fixes in the user's own figures: the sale's re-let with each beta's mean in its place (its price kept,
    // which the fixed re-let replacing the drawn one would otherwise drop), or the scenario's lever drawing it as written
    // (loadings included, the price left to the sale: a scenario's lever without one keeps each sale's, language.md §10).
    private string ReletText(ReletIdleSyntax relet, bool drawn)
    {
        string Percent(ExpressionSyntax? e) => (_analysis.ConstantOf(e, 0) * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
        string Level(ExpressionSyntax? fixedLevel, BetaRecoverySyntax? beta) => beta is null || !drawn
            ? Percent(beta?.Mean ?? fixedLevel)
            : "beta mean " + Percent(beta.Mean) + " sd " + Percent(beta.Sd)
                + string.Concat(SyntaxWalk.Safe(beta.Loadings).Select(l => " loading " + l.Factor.Name.Text + " " + Percent(l.Beta)));
        string text = (drawn ? "enforcement relet idle at " : "relet idle at ") + Level(relet.Utilisation, relet.Drawn);
        if (relet.RampTo is not null || relet.DrawnTo is not null)
        {
            text += " rising to " + Level(relet.RampTo, relet.DrawnTo) + (relet.RampOver is { } over ? " over " + over.Text : "");
        }

        return text + (relet.For is { } window ? " for " + window.Text : "")
            + (!drawn && relet.Price is { } price ? " price " + ExpressionPrinter.Print(price) : "");
    }

    // A scenario's re-let lever reaches only a sale that re-lets idle units.
    private void ReportReletLeverUnused(ReletIdleSyntax relet, string scenario) =>
        _diagnostics.Add(DiagnosticCatalogue.ReletIdleCannotApply(relet.Span, $"scenario '{scenario}' sets the re-let of idle units",
            "no enforcement sale of the deal re-lets them (give the fleet's sale 'relet idle at 60% for 6m')"));

    /// <summary>Whether an enforcement sale of the deal re-lets its fleet's idle units (so a scenario's re-let lever applies).</summary>
    private bool ReletsIdleUnits() => SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>()
        .SelectMany(e => SyntaxWalk.Safe(e.Sales)).Any(s => s.Market?.Relet is { Relets: true });
}
