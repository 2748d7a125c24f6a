using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Everything the semantic stages learn about one deal, filled in pipeline order: the
/// <see cref="Binder"/> declares symbols and resolves names, the <see cref="TypeChecker"/> binds every
/// expression to a typed tree, <see cref="DealChecks"/> orders the tests, and the
/// <see cref="Lowering.Lowerer"/> reads it all to build the <see cref="DealModel"/>.
/// Syntax nodes are keys by reference: two identical-looking nodes are still two places in the file.
/// </summary>
internal sealed class DealAnalysis(CompilationUnitSyntax unit, DealSyntax deal, SymbolTable symbols)
{
    /// <summary>The file that holds the deal.</summary>
    public CompilationUnitSyntax Unit { get; } = unit;

    public DealSyntax Deal { get; } = deal;

    public string DealName { get; } = deal.Name?.Text ?? "";

    public SymbolTable Symbols { get; } = symbols;

    /// <summary>The payment frequency when the header names a valid one (checked and reported by DealChecks).</summary>
    public Frequency? Frequency { get; init; }

    public DayCount? DayCount { get; init; }

    /// <summary>The business days payment dates move to (<c>business_days</c>, docs/language.md §4); null without the
    /// item or with a word DL0442 reports: the dates are then paid as they fall.</summary>
    public BusinessDays? BusinessDays { get; init; }

    /// <summary>Whether interest accrues between the rolled dates (<c>business_days ... unadjusted</c>) rather than the
    /// adjusted ones.</summary>
    public bool AccruesUnadjusted { get; init; }

    /// <summary>
    /// The scheduled period boundaries as the lowering builds them (docs/language.md §11, "The schedule"): rolled from the
    /// header's dates, then moved to business days (<see cref="BusinessDayRules.PaymentDates"/>), for a check that places
    /// a date in a period as the run will. Null when the closing, the maturity or the frequency is missing or the closing
    /// is not before the maturity (each an error of its own); a first payment outside (closing, maturity] is ignored, as
    /// the lowering ignores it (an error of its own too).
    /// </summary>
    public Date[]? ScheduledBoundaries() =>
        RolledBoundaries() is { } rolled ? _paidBoundaries ??= BusinessDayRules.PaymentDates(BusinessDays, rolled) : null;

    /// <summary>The day a date of a repayment schedule is paid on, on the schedule <see cref="ScheduledBoundaries"/> gives
    /// (<see cref="BusinessDayRules.PaidOn"/>): the date itself without business days or without the deal's dates.</summary>
    public Date PaidOn(Date due) =>
        BusinessDays is null || RolledBoundaries() is not { } rolled ? due : BusinessDayRules.PaidOn(BusinessDays, rolled, ScheduledBoundaries()!, due);

    /// <summary>The day a scenario lever's date names a period by (docs/language.md §4, "Business days", scenario levers;
    /// <see cref="Schedule.NamedByDate"/>, as the runner's LeverPeriods): a date on one of the schedule's dates as rolled
    /// stands for that date as paid, any other is itself (no weekend moves it, unlike <see cref="PaidOn"/>).</summary>
    public Date NamedByLever(Date date) =>
        BusinessDays is null || RolledBoundaries() is not { } rolled || ScheduledBoundaries() is not { } paid
            ? date
            : Schedule.NamedByDate(rolled, paid, date);

    // The schedule as rolled and as paid, worked out once: the checks place many dates on them. Never handed out to be
    // changed (the callers only read them).
    private Date[]? _rolledBoundaries, _paidBoundaries;

    /// <summary>The schedule's dates as rolled from the header's (closing to maturity, a first payment inside them), before
    /// business days move them; null as <see cref="ScheduledBoundaries"/> is.</summary>
    private Date[]? RolledBoundaries()
    {
        if (_rolledBoundaries is not null)
        {
            return _rolledBoundaries;
        }

        if (Deal.Closing?.Value is not { } closing || Deal.Maturity?.Value is not { } maturity || closing >= maturity || Frequency is not { } frequency)
        {
            return null;
        }

        Date? first = Deal.FirstPayment?.Value is { } fp && fp > closing && fp <= maturity ? fp : null;
        return _rolledBoundaries = Schedule.Boundaries(closing, maturity, frequency, first);
    }

    /// <summary>Where errors reported before this stage (syntax errors) are. Parts of the tree near them may
    /// be missing or garbled, so "X is missing" and "unknown name" findings there would only repeat them.</summary>
    public IReadOnlyList<SourceSpan> EarlierErrors { get; init; } = [];

    /// <summary>Whether an earlier error falls inside the node: from its first character to its last. An error earlier on
    /// its first line (another item of the same declaration or lever line: 'Lab defaults on 2026-03-01 2026-04-01
    /// enforcement relet idle at curve { 0m 30% }') is outside it and does not silence its checks: the parser reports an
    /// error at the token it could not place, and one it deleted or conjured inside the node is reported there (a missing
    /// first token at the node's first real token, its start), so a node that starts after the error was parsed from its
    /// own tokens. The parser's recovery may drop later items of a declaration after an error inside it: those are inside
    /// the declaration's span, so a declaration's "missing item" stays held back (DealChecks.Missing).</summary>
    public bool IsDamaged(SyntaxNode? node)
    {
        if (node is null)
        {
            return false;
        }

        SourceSpan span = node.Span;
        foreach (SourceSpan error in EarlierErrors)
        {
            if (!string.Equals(error.Path, span.Path, StringComparison.Ordinal))
            {
                continue; // an error in another file of the compilation
            }

            bool afterStart = error.Line > span.Line || (error.Line == span.Line && error.Column >= span.Column);
            bool beforeEnd = error.Line < span.EndLine || (error.Line == span.EndLine && error.Column <= span.EndColumn);
            if (afterStart && beforeEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the deal holds a declaration with a misspelt keyword (DL0109). Its block was skipped unread,
    /// so findings it might have answered ("no waterfall", "default rule without enforcement", "account never
    /// released") would only repeat that error; and the deal is not lowered.</summary>
    public bool HasUnknownDeclarations => SyntaxWalk.Safe(Deal.Declarations).OfType<UnknownDeclarationSyntax>().Any();

    /// <summary>Months per payment period; 1 when the frequency is missing or invalid (an error is reported then).</summary>
    public int MonthsPerPeriod => Frequency is { } f ? Frequencies.MonthsPerPeriod(f) : 1;

    public Dictionary<ReferenceSyntax, ResolvedReference> References { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Symbols a reference names but reads wrongly (a member on a trigger, DL0207; a kind that is not read,
    /// DL0205; a trigger read by itself or by one declared before it, DL0211, as two triggers reading each other in a
    /// cycle do): an error the user must fix, so a finding that the symbol is read by nothing would only mislead.</summary>
    public HashSet<Symbol> NamedInError { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<PayStepSyntax, PayTarget> PayTargets { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every expression the deal and its scenarios contain, bound at its root (terms, conditions, targets).</summary>
    public Dictionary<ExpressionSyntax, BoundExpression> Bound { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Declaration indexes of the tests, each after every test it reads (set by DealChecks).</summary>
    public ImmutableArray<int> TestOrder { get; set; } = [];

    /// <summary>A plain name (a lessee, an account in a step, a lease in a scenario…) and the symbol it names,
    /// recorded by the binder where the name is of the kind required (for the semantic model).</summary>
    public Dictionary<NameSyntax, Symbol> Names { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The scenarios of every file of the compilation, in compilation order (those of the deal's own file
    /// when the analysis is of one file).</summary>
    public ImmutableArray<ScenarioSyntax> Scenarios { get; init; } = unit.Scenarios.IsDefault ? [] : unit.Scenarios;

    /// <summary>The other entities of the chain analysed before this deal, by deal name: those its holdings may name
    /// (docs/language.md §5 "holding"); empty for a deal that imports no deal.</summary>
    public IReadOnlyDictionary<string, DealAnalysis> Entities { get; init; } = new Dictionary<string, DealAnalysis>();

    /// <summary>For each index another entity of the chain declares (brought into this deal's scope by name), the
    /// closing of the deal that declares it, where its drift and its points' interpolation are anchored: one index is one
    /// path in every entity that names it (docs/language.md §5, "holding"). Empty for a deal that imports none.</summary>
    public IReadOnlyDictionary<IndexSyntax, Date> ImportedIndexClosings { get; init; } = new Dictionary<IndexSyntax, Date>();

    /// <summary>The closing an index's level is anchored at when it is not this deal's own: the declaring deal's, or
    /// null for an index this deal declares (its own closing).</summary>
    public Date? DeclaringClosing(IndexSyntax index) => ImportedIndexClosings.TryGetValue(index, out Date closing) ? closing : null;

    /// <summary>Whether an imported deal was left out of the chain for its name (DL0700): a holding of an entity not
    /// found may be one of it, so "no such deal" would only repeat that error.</summary>
    public bool EntityNameClash { get; init; }

    /// <summary>What each holding holds, once bound: the entity's analysis and the tranche or equity symbol in it.</summary>
    public Dictionary<HoldingSyntax, HeldTarget> Held { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>On the compilation's deal: the other entities of the chain, each after those it holds (the order
    /// they run in); empty for a deal that imports no deal.</summary>
    public IReadOnlyList<DealAnalysis> Chain { get; set; } = [];

    /// <summary>The first waterfall declared (a second one is an error).</summary>
    public WaterfallSyntax? Waterfall => SyntaxWalk.Safe(Deal.Declarations).OfType<WaterfallSyntax>().FirstOrDefault();

    /// <summary>The first enforcement block declared (a second one is an error).</summary>
    public EnforcementSyntax? Enforcement => SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>().FirstOrDefault();

    /// <summary>The first default rule declared (a second one is an error).</summary>
    public DefaultRuleSyntax? DefaultRule => SyntaxWalk.Safe(Deal.Declarations).OfType<DefaultRuleSyntax>().FirstOrDefault();

    /// <summary>Whether anything can make an event of default: the default rule, or a trigger's <c>event_of_default</c>.</summary>
    public bool CanDefault => DefaultRule is not null || SyntaxWalk.Safe(Deal.Declarations).OfType<TriggerSyntax>()
        .Any(t => SyntaxWalk.Safe(t.Effects).Any(e => e is NamedEffectSyntax { Word.Text: "event_of_default" }));

    /// <summary>Whether a <c>cfads includes ...</c> rule names <paramref name="item"/> (e.g. <c>rvg</c>).</summary>
    public bool CfadsIncludes(string item) => SyntaxWalk.Safe(Deal.Declarations).OfType<CfadsRuleSyntax>()
        .Any(rule => SyntaxWalk.Safe(rule.Included).Any(name => name.Text == item));

    /// <summary>The bound form of an expression, or null if it was absent or could not be bound.</summary>
    public BoundExpression? BoundOf(ExpressionSyntax? expression) =>
        expression is not null && Bound.TryGetValue(expression, out BoundExpression? b) ? b : null;

    /// <summary>A constant term's folded value, or <paramref name="fallback"/> when the term is absent.</summary>
    public double ConstantOf(ExpressionSyntax? expression, double fallback) =>
        BoundOf(expression) is ConstantExpression c ? c.Value : fallback;
}
