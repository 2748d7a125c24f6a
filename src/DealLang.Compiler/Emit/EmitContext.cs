using System.Collections.Immutable;
using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

/// <summary>
/// What the emitter's partial files share while writing one deal: the model, the components that write each
/// kind's code (with the handles of every entity's state, <see cref="Components"/>), the numbered waterfall steps,
/// and what a first walk over all expressions found (which quantities are read, which dates are compared with,
/// which flows trailing tests sum). Names are decided once, by the handles, so the declarations, the loop and the
/// ledger always agree.
/// </summary>
internal sealed class EmitContext
{
    private readonly SortedDictionary<int, Date> _dates = [];
    private readonly HashSet<(Quantity, int)> _reads = [];
    private readonly HashSet<(Quantity, int)> _periodStartReads = [];
    private readonly List<(Quantity Quantity, int Index)> _historyFlows = [];
    private readonly HashSet<(Quantity, int)> _historySeen = [];
    private readonly Dictionary<(Quantity, int), HistorySlot> _historyByFlow = [];
    private readonly List<HistorySlot> _history = [];
    private readonly Dictionary<int, TestModel> _testsByIndex = [];

    public EmitContext(DealModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        TypeName = CSharpNames.DealType(model.Name);
        MonthsPerPeriod = Frequencies.MonthsPerPeriod(model.Frequency);
        PeriodsPerYear = Frequencies.PeriodsPerYear(model.Frequency);

        int next = 1;
        RegularSteps = NumberedStep.NumberAll(model.Waterfall, ref next);
        EnforcementSteps = model.Enforcement is { Waterfall.IsEmpty: false } enforcement
            ? NumberedStep.NumberAll(enforcement.Waterfall, ref next)
            : [];
        Sales = model.Enforcement?.Sales ?? [];
        SaleStates = [.. Sales.Select((_, s) => new SaleState(s))];

        foreach (var test in model.Tests)
        {
            _testsByIndex.Add(test.Index, test);
        }

        CheckIndexes();
        Components = EmitterComponents.Create(this);
        CollectReads();

        // Each component builds its entities' handles now, once the reads are known (a lease's 'active' exists only
        // when read): that makes every name an identifier (CSharpNames) or fails, before any text is written.
        foreach (var component in Components)
        {
            _ = component.Entities;
        }

        CreateHistorySlots();
    }

    public DealModel Model { get; }

    /// <summary>A component per declaration kind, in registry order, holding its entities' state handles.</summary>
    public ComponentSet Components { get; }

    /// <summary>Above this <see cref="Size"/> a deal is compiled the way that keeps Roslyn's cost in proportion to
    /// it (no nullable analysis); a real deal, with tens of entities and steps, is far below and keeps its usual C#.</summary>
    public const int LargeAbove = 500;

    /// <summary>Entities and waterfall steps: what the length of the generated <c>Run</c> grows with.</summary>
    public int Size => Components.Sum(c => c.Entities.Count) + AllSteps.Count();

    /// <summary>Whether <see cref="Size"/> is above <see cref="LargeAbove"/>.</summary>
    public bool IsLarge => Size > LargeAbove;

    /// <summary>Whether <c>Run</c> is written in the split shape (its state in a struct, its phases that struct's
    /// methods: CSharpEmitter.SplitRun.cs), because in one method it would be too large for the JIT to optimise.</summary>
    public bool SplitRun { get; set; }

    /// <summary>Whether the loop being written keeps the ledger (its <c>if (ledger != null)</c> blocks): false while a
    /// small deal's summary-only copy of the loop, <c>RunSummary</c>, is written (CSharpEmitter.PeriodLoop.cs).</summary>
    public bool WritesLedger { get; set; } = true;

    /// <summary>Whether an event of default leaves the loop being written (<c>goto</c> the state's hand-over to
    /// <c>RunDefaulted</c>) instead of being recorded in it: true while the performing half of a small deal's
    /// <c>RunSummary</c> is written (CSharpEmitter.DefaultedRun.cs).</summary>
    public bool DefaultLeavesLoop { get; set; }

    private readonly List<(string Name, string Declaration)> _resultRows = [];

    /// <summary>The loop being written stores each period's cash-check terms in the result's rows and checks them after
    /// its periods (RunSummary), rather than in each period.</summary>
    public bool DefersCashCheck { get; set; }

    /// <summary>
    /// The row of <c>RunResult.<paramref name="buffer"/></c> (of entity <paramref name="index"/>, a C# literal; null
    /// for a per-deal buffer) that the loop writes at <c>[t]</c>. In one <c>Run</c>, a local read once before the loop
    /// (<see cref="ResultRowDeclarations"/>): the JIT cannot keep <c>result.X[i]</c> in a register across the loop's
    /// other stores, and would load the field and check the row's bounds at every write. In the split shape, the
    /// field's row itself.
    /// </summary>
    public string ResultRow(string buffer, string? index = null)
    {
        string row = "result." + buffer + (index is null ? "" : "[" + index + "]");
        if (SplitRun)
        {
            return row;
        }

        string name = "result_" + buffer + (index is null ? "" : "_" + index);
        if (!_resultRows.Exists(r => r.Name == name))
        {
            _resultRows.Add((name, (buffer == "TriggerActive" ? "bool[] " : "double[] ") + name + " = " + row + ";"));
        }

        return name;
    }

    /// <summary>The declarations of the rows <see cref="ResultRow"/> handed out since the last call, in first-use
    /// order; the list starts again empty.</summary>
    public IReadOnlyList<string> ResultRowDeclarations()
    {
        var declarations = _resultRows.Select(r => r.Declaration).ToList();
        _resultRows.Clear();
        return declarations;
    }

    /// <summary>The class name, <c>Deal_Hyperion</c>.</summary>
    public string TypeName { get; }

    public int MonthsPerPeriod { get; }

    public int PeriodsPerYear { get; }

    public ImmutableArray<NumberedStep> RegularSteps { get; }

    /// <summary>Empty when the deal declares no enforcement waterfall (the regular one then keeps running).</summary>
    public ImmutableArray<NumberedStep> EnforcementSteps { get; }

    public ImmutableArray<SaleInfo> Sales { get; }

    /// <summary>The handles of each enforcement sale's state, by index.</summary>
    public ImmutableArray<SaleState> SaleStates { get; }

    public IEnumerable<NumberedStep> AllSteps =>
        RegularSteps.Concat(EnforcementSteps).SelectMany(s => s.SelfAndDescendants());

    public IReadOnlyList<HistorySlot> HistorySlots => _history;

    /// <summary>Dates the deal's expressions compare with, hoisted to static fields in date order.</summary>
    public IEnumerable<Date> DateConstants => _dates.Values;

    /// <summary>Set while writing expressions: the generated class then needs its NaN-aware NotEqual helper.</summary>
    public bool UsesNotEqual { get; set; }

    /// <summary>Tests in the order they are evaluated (each after those it reads).</summary>
    public ImmutableArray<TestModel> TestsInOrder => Model.Tests;

    /// <summary>Tests in index order: the order of the description, the result arrays and the ledger.</summary>
    public IEnumerable<TestModel> TestsByIndex => _testsByIndex.OrderBy(p => p.Key).Select(p => p.Value);

    /// <summary>The static field holding a date constant: <c>date_2030_11_30</c>.</summary>
    public string DateConstant(Date date)
    {
        _dates.TryAdd(date.DayNumber, date);
        var (year, month, day) = date;
        return "date_" + CSharpLiterals.Int(year) + "_" + month.ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            + "_" + day.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether any expression reads <paramref name="quantity"/> of entity <paramref name="index"/>.</summary>
    public bool Reads(Quantity quantity, int index) => _reads.Contains((quantity, index));

    /// <summary>Whether a tranche's coupon or PIK condition reads collateral value <paramref name="quantity"/> of entity
    /// <paramref name="index"/>: it then reads the value at the period's start, which the entity carries in a local
    /// (docs/language.md §5 "tranche", "Timing of a value").</summary>
    public bool ReadsAtPeriodStart(Quantity quantity, int index) => _periodStartReads.Contains((quantity, index));

    /// <summary>A collateral value: what the period's end sets (the payment date's appraisal), read at the period's
    /// start by an interest-period determination (a coupon, a PIK condition).</summary>
    public static bool IsCollateralValue(Quantity quantity) =>
        quantity is Quantity.FacilityValue or Quantity.FleetBookValue or Quantity.FleetMarketValue or Quantity.HoldingValue;

    /// <summary>Set while an interest-period determination is written (<see cref="AtPeriodStart"/>): the expression
    /// emitter then reads a collateral value as it stood at the period's start.</summary>
    public bool ReadingAtPeriodStart { get; private set; }

    /// <summary>What <paramref name="write"/> writes, with collateral values read at the period's start (a tranche's
    /// coupon and its PIK condition are set then).</summary>
    public string AtPeriodStart(Func<string> write)
    {
        bool outer = ReadingAtPeriodStart;
        ReadingAtPeriodStart = true;
        try
        {
            return write();
        }
        finally
        {
            ReadingAtPeriodStart = outer;
        }
    }

    /// <summary>Set while <see cref="ReadingWith"/> writes: the C# a quantity is read as, or null to read it as usual.</summary>
    public Func<QuantityExpression, string?>? ReadOverride { get; private set; }

    /// <summary>What <paramref name="write"/> writes, each quantity read as <paramref name="read"/> gives it (as usual
    /// where it gives null): a trigger worked out again after the waterfall reads what it read before it
    /// (<c>CureReplay</c>).</summary>
    public string ReadingWith(Func<QuantityExpression, string?> read, Func<string> write)
    {
        var outer = ReadOverride;
        ReadOverride = read;
        try
        {
            return write();
        }
        finally
        {
            ReadOverride = outer;
        }
    }

    /// <summary>The C# local holding a collateral value at the period's start (<see cref="AtPeriodStart"/>).</summary>
    public string ValueAtPeriodStart(Quantity quantity, int index) =>
        Components.Select(c => c.ReadAtPeriodStart(quantity, index)).FirstOrDefault(read => read is not null)
        ?? throw new InvalidOperationException("Internal error: no value at the period's start for " + quantity + " #" + CSharpLiterals.Int(index) + ".");

    private InputLayout? _inputLayout;

    /// <summary>The position of an input slot in <c>PathInputs</c>' buffers, as a C# literal (the runtime numbers them,
    /// <see cref="InputLayout"/>, so the loop and every path source agree on one rule).</summary>
    public string InputSlot(InputQuantity quantity, int entity)
    {
        _inputLayout ??= InputLayout.Of(Model.Facilities.Length, Model.Leases.Length, Model.Parties.Length, Sales.Length, Model.Indices.Length,
            Model.Contracts.Length, ProjectsCfads, !Model.Guarantees.IsEmpty, Model.Holdings.Length, ProjectsCompletion, Model.Tranches.Length,
            Model.Tranches.Any(t => t.Callable), Model.Loans.Length);
        return CSharpLiterals.Int(_inputLayout.IndexOf(quantity, entity));
    }

    /// <summary>The history buffer a trailing test sums for this flow.</summary>
    public HistorySlot HistoryFor(Quantity quantity, int index) => _historyByFlow[(quantity, index)];

    /// <summary>The C# expression for a quantity's value now (not summed over a window): a deal-wide one's, or
    /// what the component of the quantity's kind reads.</summary>
    public string Current(Quantity quantity, int index) => quantity switch
    {
        Quantity.Collections => "collections",
        Quantity.Cfads => "cfads",
        Quantity.DebtService => "debtService",
        Quantity.PeriodEnd => "periodEnd",
        Quantity.PeriodStart => "Boundaries[t]",
        _ => Components.Select(c => c.Read(quantity, index)).FirstOrDefault(read => read is not null)
            ?? throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown quantity."),
    };

    /// <summary>Whether a re-let of idle units in the deal, or a scenario's lever on one, ramps its utilisation, follows a
    /// curve or has a price of its own (docs/language.md §9, "relet-ramp", "relet-curve"): only then does the generated loop
    /// read the ramp, the curve and the price (a flat re-let at the generation index keeps its C#).</summary>
    public bool ShapesRelets => Sales.Any(s => s.Market is { Relet: > 0 } m && (m.ReletRampMonths > 0 || m.ReletPrice is not null || m.ReletCurve is not null))
        || Sales.Any(s => s.Market is { Relet: > 0 }) && Model.Scenarios.Any(s => s.EnforcementReletRampMonths > 0 || s.EnforcementReletPrice is not null
            || s.EnforcementReletCurve is not null);

    /// <summary>Whether a scenario's re-let of contract <paramref name="contract"/> ramps its utilisation, follows a curve or
    /// has a price of its own (docs/language.md §5, "contract-relet-ramp", "contract-relet-curve"): only then does the
    /// generated loop read the contract's ramp, curve and price (a contract re-let flat at the generation index keeps its C#).</summary>
    public bool ShapesContractRelet(int contract) => Model.Scenarios.Any(s => contract < s.Contracts.Length
        && s.Contracts[contract] is { Relet: true } levers && (levers.ReletRampMonths > 0 || levers.ReletPrice is not null || levers.ReletCurve is not null));

    /// <summary>Whether a forward test projects <c>cfads</c>: each lease's rent in its current term is then a path
    /// input (<c>DealDescription.ProjectsCfads</c>).</summary>
    public bool ProjectsCfads => _projectsCfads ??= Model.Tests.Any(t => t.ForwardMonths > 0
        && BoundExpressionWalk.PreOrder(t.Expression).Any(e => e is QuantityExpression { Quantity: Quantity.Cfads }));

    private bool? _projectsCfads;

    /// <summary>Whether a forward test projects a completion index's shares: some forward test, and a tranche whose
    /// <c>completion</c> is an index's name or a phased lease. Each index's schedule is then a path input
    /// (<c>DealDescription.ProjectsCompletion</c>), which the projection reads ahead in place of the path's levels.</summary>
    public bool ProjectsCompletion => _projectsCompletion ??= Model.Tests.Any(t => t.ForwardMonths > 0) && CompletionIndices.Count > 0;

    private bool? _projectsCompletion;

    /// <summary>The indices a forward projection reads as completions: a tranche's <c>completion</c> that names one, a
    /// lease's <c>phased</c>.</summary>
    public IReadOnlySet<int> CompletionIndices => _completionIndices ??= [.. Model.Tranches
        .Select(t => t.Completion is QuantityExpression { Quantity: Quantity.IndexLevel } index ? index.Index : -1)
        .Concat(Model.Leases.Select(l => l.PhasedBy ?? -1)).Where(i => i >= 0)];

    private HashSet<int>? _completionIndices;

    /// <summary>A forward test's projection of a flow over the periods after this one up to
    /// <c><paramref name="lastArray"/>[t]</c>: debt service, the deal's (every tranche's) or a tranche's, or the
    /// deal's cfads (each kind's contracted receipts less its known costs); the checks (DL0230) let no other flow into
    /// a forward test. Inside the forward cfads, a per-period fee's flows (collections, a lease's rent, a contract's
    /// revenue, a loan's interest or principal: <see cref="ForwardFlows"/>) are projected as the receipts count them.</summary>
    public string Forward(Quantity quantity, int index, string lastArray)
    {
        var tranches = Components.Of<TrancheComponent>();
        return quantity switch
        {
            Quantity.Cfads => ForwardCfads(lastArray),
            Quantity.DebtService => Model.Tranches.Length == 0 ? "0.0"
                : "(" + string.Join(" + ", Model.Tranches.Select(t => tranches.ForwardDebtService(t.Index, lastArray))) + ")",
            Quantity.TrancheDebtService => tranches.ForwardDebtService(index, lastArray),
            Quantity.Collections => "(" + ForwardCollections(lastArray) + ")",
            _ => Components.Select(c => c.ForwardFlow(quantity, index, lastArray)).FirstOrDefault(f => f is not null)
                ?? throw new InvalidOperationException("A forward projection reads only debt service, cfads and the flows a per-period fee may be projected on, not " + quantity + "."),
        };
    }

    // Receipts less deductions, every kind's in registry order.
    private string ForwardCfads(string lastArray)
    {
        var deductions = Components.SelectMany(c => c.ForwardCfads(lastArray, deductions: true)).ToList();
        return "(" + ForwardCollections(lastArray) + string.Concat(deductions.Select(d => " - " + d)) + ")";
    }

    // What every kind is contracted to receive over the window: the forward cfads's receipts, and the collections a
    // per-period fee's share of collections is projected on (docs/language.md §7, "Forward CFADS").
    private string ForwardCollections(string lastArray)
    {
        var receipts = Components.SelectMany(c => c.ForwardCfads(lastArray, deductions: false)).ToList();
        return receipts.Count == 0 ? "0.0" : string.Join(" + ", receipts);
    }

    /// <summary>Flows known only after the waterfall (amounts paid): trailing tests read their completed periods,
    /// which is also what a non-trailing read sees before this period's waterfall has run.</summary>
    public bool IsKnownAfterWaterfall(Quantity quantity) => Components.Any(c => c.KnownAfterWaterfall(quantity));

    /// <summary>Every expression in the deal, in the order the loop evaluates them, with its trailing window: each
    /// kind's (its component's), then the default rule and the waterfall's conditions.</summary>
    public IEnumerable<(BoundExpression Expression, int Window)> AllExpressions()
    {
        foreach (var component in Components)
        {
            foreach (var expression in component.Expressions())
            {
                yield return expression;
            }
        }

        if (Model.DefaultRule is { } rule)
        {
            yield return (rule, 1);
        }

        foreach (var step in AllSteps)
        {
            if (step.Step is IfStep branch)
            {
                yield return (branch.Condition, 1);
            }
        }
    }

    // What the expressions read. The dates they compare with are collected too, as are the other dates the loop
    // compares with (a test's 'from', a lease's start) when Run, written before the class's constants, writes them.
    private void CollectReads()
    {
        foreach (var (expression, window) in AllExpressions())
        {
            Walk(expression, window);
        }

        // The interest-period determinations: a floating coupon (a tranche's or a loan's) and a PIK condition read
        // collateral values at the period's start (not a target balance, tested on the payment date's appraisal).
        var determinations = Model.Tranches
            .SelectMany(t => new[] { (t.Coupon as FloatingCoupon)?.Rate, (t.Capitalisation as PaidInKind)?.When })
            .Concat(Model.Loans.Select(l => (l.Coupon as FloatingCoupon)?.Rate));
        foreach (var determination in determinations)
        {
            if (determination is null)
            {
                continue;
            }

            foreach (var node in BoundExpressionWalk.PreOrder(determination))
            {
                if (node is QuantityExpression q && IsCollateralValue(q.Quantity))
                {
                    _periodStartReads.Add((q.Quantity, q.Index));
                }
            }
        }
    }

    // Which state and dates an expression reads, in reading order (the walk is iterative: sums can be long).
    private void Walk(BoundExpression root, int window)
    {
        foreach (BoundExpression expression in BoundExpressionWalk.PreOrder(root))
        {
            switch (expression)
            {
                case DateConstantExpression d:
                    DateConstant(d.Value);
                    break;
                case QuantityExpression q:
                    Read(q, window);
                    break;
            }
        }
    }

    private void Read(QuantityExpression q, int window)
    {
        _reads.Add((q.Quantity, q.Index));
        if (window > 1 && q.IsFlow && _historySeen.Add((q.Quantity, q.Index)))
        {
            _historyFlows.Add((q.Quantity, q.Index));
        }
    }

    // The history buffers, in the order the walk first met their flows, once the components can name them.
    private void CreateHistorySlots()
    {
        foreach (var (quantity, index) in _historyFlows)
        {
            var slot = new HistorySlot(_history.Count, HistoryName(quantity, index), Current(quantity, index), IsKnownAfterWaterfall(quantity));
            _history.Add(slot);
            _historyByFlow.Add((quantity, index), slot);
        }
    }

    private string HistoryName(Quantity quantity, int index) => quantity switch
    {
        Quantity.Collections => "history_collections",
        Quantity.Cfads => "history_cfads",
        Quantity.DebtService => "history_debtService",
        _ => Components.First(c => c.Read(quantity, index) is not null).HistoryName(quantity, index),
    };

    // The emitter indexes arrays by position; an IR whose entity indexes disagree with positions is a lowering bug
    // (each component checks its kind's; tests are looked up by index, so theirs must be 0..n-1 here).
    private void CheckIndexes()
    {
        for (int i = 0; i < Model.Tests.Length; i++)
        {
            Require(_testsByIndex.ContainsKey(i), "test", "#" + CSharpLiterals.Int(i));
        }

        Require(Model.Boundaries.Length >= 2, "deal", Model.Name);

        static void Require(bool condition, string kind, string name)
        {
            if (!condition)
            {
                throw new InvalidOperationException(
                    "Internal error: the " + kind + " '" + CSharpLiterals.CommentText(name) + "' has an index that does not match its position.");
            }
        }
    }
}

/// <summary>A per-period buffer (<c>RunResult.History[Index]</c>) of one flow that a trailing test sums.
/// <paramref name="Value"/> is the C# expression written into it; <paramref name="AfterWaterfall"/> flows are
/// written once the period's payments are known.</summary>
internal sealed record HistorySlot(int Index, string Name, string Value, bool AfterWaterfall);
