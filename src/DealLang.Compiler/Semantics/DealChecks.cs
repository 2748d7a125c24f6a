using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The structural rules of a deal (docs/language.md §13, "Structural rules"): required header items and terms,
/// dates in range, one waterfall ending with the equity, every tranche paid, accounts that release what they
/// hold, no cycles among tests (and their evaluation order), scenario limits. Split by area:
/// this file (header), DealChecks.Limits.cs (sizes), DealChecks.Declarations.cs, DealChecks.Waterfall.cs, DealChecks.Scenarios.cs, TestOrder.cs,
/// and a file per feature (.BusinessDays, .Enforcement, .Workout, .ReletIdle, .ImpactCarry, .LoanRecovery, .Stochastic,
/// .RecoveryOutcomes, .DrawnDelays, .DrawnWorkouts).
/// </summary>
internal sealed partial class DealChecks
{
    private readonly DealAnalysis _analysis;
    private readonly DiagnosticBag _diagnostics;

    private DealChecks(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        _analysis = analysis;
        _diagnostics = diagnostics;
    }

    /// <summary>What the passes have learnt so far, for a kind's rules (Semantics/Kinds/).</summary>
    internal DealAnalysis Analysis => _analysis;

    internal DiagnosticBag Diagnostics => _diagnostics;

    private DealSyntax Deal => _analysis.Deal;

    private SourceSpan DealNameSpan => Deal.Name?.Span ?? Deal.Span;

    /// <summary>The closing date when the header gives a usable one.</summary>
    internal Date? Closing => Deal.Closing?.Value;

    /// <summary>The payment frequency when the header gives a known one.</summary>
    internal Frequency? Frequency => Frequencies.TryParse(Deal.Frequency?.Text, out Frequency f) ? f : null;

    /// <summary>The maturity date when the header gives one after closing.</summary>
    internal Date? Maturity => Deal.Maturity is { } m && (Closing is not { } c || c < m.Value) ? m.Value : null;

    public static void Run(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        var checks = new DealChecks(analysis, diagnostics);
        checks.CheckLimits();
        checks.CheckHeader();
        checks.CheckDeclarations();
        checks.CheckWaterfalls();
        checks.CheckScenarios();
        analysis.TestOrder = TestOrder.Compute(analysis, diagnostics);
    }

    // headerItem : TITLE STRING | CURRENCY ident | CLOSING DATE | MATURITY DATE | FIRST_PAYMENT DATE
    //            | PAY frequency=ident | DAYCOUNT_KW dayCount | BUSINESS_DAYS roll=ident accrual=ident? (HOLIDAYS ...)?
    private void CheckHeader()
    {
        string name = _analysis.DealName;
        if (_analysis.EarlierErrors.Count > 0)
        {
            // A header line the parser could not read is already reported; checking what else is missing can wait.
            CheckHeaderValues();
            return;
        }

        if (Deal.Currency is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingHeaderItem(DealNameSpan, name, "a currency", "currency USD"));
        }

        if (Deal.Closing is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingHeaderItem(DealNameSpan, name, "a closing date", "closing 2025-10-30"));
        }

        if (Deal.Maturity is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingHeaderItem(DealNameSpan, name, "a maturity date", "maturity 2049-05-30"));
        }

        if (Deal.Frequency is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingHeaderItem(DealNameSpan, name, "a payment frequency", "pay semiannual"));
        }

        if (Deal.DayCount is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingHeaderItem(DealNameSpan, name, "a day count", "daycount 30/360"));
        }

        CheckHeaderValues();
    }

    private void CheckHeaderValues()
    {
        if (Deal.Frequency is not null && !Frequencies.TryParse(Deal.Frequency.Text, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownFrequency(
                Deal.Frequency.Span, Deal.Frequency.Text ?? "", NameSuggestions.Closest(Deal.Frequency.Text, ["monthly", "quarterly", "semiannual", "annual"])));
        }

        if (Deal.DayCount is not null && !DayCounts.TryParse(Deal.DayCount.Text, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownDayCount(Deal.DayCount.Span, Deal.DayCount.Text ?? ""));
        }

        if (Deal.Closing is { } closing && Deal.Maturity is { } maturity && closing.Value >= maturity.Value)
        {
            _diagnostics.Add(DiagnosticCatalogue.ClosingNotBeforeMaturity(maturity.Span, closing.Value.ToString(), maturity.Value.ToString()));
        }
        else if (Deal.Closing is { } start && Deal.Maturity is { } end
            && start.Value.AddMonthsClamped(12 * DiagnosticCatalogue.LongestPlausibleTermYears) < end.Value)
        {
            _diagnostics.Add(DiagnosticCatalogue.TermBeyondACentury(end.Span, start.Value.ToString(), end.Value.ToString()));
        }

        if (Deal.FirstPayment is { } first && Closing is { } c && Maturity is { } m && (first.Value <= c || first.Value > m))
        {
            _diagnostics.Add(DiagnosticCatalogue.FirstPaymentOutOfRange(first.Span, first.Value.ToString(), c.ToString(), m.ToString()));
        }

        CheckBusinessDays();
    }

    /// <summary>Reports a date outside (closing, limit]; silent when the bounds are unknown (already reported).</summary>
    internal void RequireWithinDeal(DateSyntax? date, string what, Date? limit, string limitName)
    {
        if (date is null || Closing is not { } closing || limit is not { } end)
        {
            return;
        }

        if (date.Value <= closing || date.Value > end)
        {
            _diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                date.Span, what, date.Value.ToString(), $"after closing ({closing}) and not after {limitName} ({end})"));
        }
    }

    /// <summary>Whole months of a duration, warning when days or weeks had to be rounded up.</summary>
    internal int MonthsOf(DurationSyntax duration, string what)
    {
        int months = DurationRules.WholeMonths(duration, out bool exact);
        if (!exact)
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(duration.Span, duration.Text ?? "", months));
        }

        if (months <= 0 && DurationRules.Months(duration) <= 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationNotPositive(duration.Span, what));
        }

        return months;
    }
}
