using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// The semantic stage's diagnostics: DL02xx names and declarations, DL03xx units and types,
// DL04xx deal structure, DL05xx scenarios. Messages are written for a credit analyst reading a deal
// file: they name the thing, say what is wrong and, where there is one, what to write instead.
public static partial class DiagnosticCatalogue
{
    // ------------------------------------------------------------------ DL02xx names and declarations

    /// <summary>DL0201: two declarations in one deal share a name (parties, facilities, leases, tranches,
    /// equities, accounts, fees, tests and triggers share one namespace).</summary>
    public static Diagnostic DuplicateName(SourceSpan span, string name, string previousKind, SourceSpan previous) =>
        Error("DL0201", span, SemanticText.Invariant($"'{name}' is already declared (as {previousKind} at {previous})"));

    /// <summary>DL0202: a name that nothing in the deal declares; suggests the closest declared name.</summary>
    public static Diagnostic UnknownName(SourceSpan span, string name, string dealName, string? suggestion) =>
        Error("DL0202", span, $"'{name}' is not declared in deal '{dealName}'{SemanticText.DidYouMean(suggestion)}");

    /// <summary>DL0203: <c>Name.member</c> where the declaration has no such member.</summary>
    public static Diagnostic UnknownMember(
        SourceSpan span, string name, string kind, string member, string? suggestion, IEnumerable<string> members) =>
        Error("DL0203", span,
            $"{kind} '{name}' has no member '{member}'{SemanticText.DidYouMean(suggestion)} (it has: {string.Join(", ", members)})");

    /// <summary>DL0204: a tranche, facility, lease, party, account or fee used as a value without saying which
    /// of its quantities is meant.</summary>
    public static Diagnostic MemberRequired(SourceSpan span, string name, string kind, IEnumerable<string> members) =>
        Error("DL0204", span,
            $"{kind} '{name}' is not a value by itself; use one of {string.Join(", ", members.Select(m => name + "." + m))}");

    /// <summary>DL0205: a name of the wrong kind where a particular kind is needed
    /// ("'Notes' is a tranche; fill needs an account").</summary>
    public static Diagnostic WrongKind(SourceSpan span, string name, string actualKind, string requirement) =>
        Error("DL0205", span, $"'{name}' is {SemanticText.WithArticle(actualKind)}; {requirement}");

    /// <summary>DL0206: a declaration named like a built-in quantity, which would make references ambiguous.</summary>
    public static Diagnostic NameIsBuiltin(SourceSpan span, string name, string kind) =>
        Error("DL0206", span, $"{kind} '{name}' cannot be called '{name}': that is the name of a built-in quantity");

    /// <summary>DL0207: a member on something that has none: a built-in, a test or a trigger.</summary>
    public static Diagnostic NoMembers(SourceSpan span, string name, string what) =>
        Error("DL0207", span, $"{what} '{name}' has no members; write just '{name}'");

    /// <summary>DL0208: a call to a function that does not exist.</summary>
    public static Diagnostic UnknownFunction(SourceSpan span, string name, string? suggestion) =>
        Error("DL0208", span, $"there is no function '{name}'{SemanticText.DidYouMean(suggestion)} (functions: min, max, abs)");

    /// <summary>DL0209: a built-in function called with the wrong number of values.</summary>
    public static Diagnostic WrongArgumentCount(SourceSpan span, string function, string expected, int actual) =>
        Error("DL0209", span, SemanticText.Invariant($"{function} takes {expected}, not {actual}"));

    /// <summary>DL0210: an expression reads a quantity that is only worked out later in the period
    /// (e.g. a fee's amount reading cfads, which is collections less the fees).</summary>
    public static Diagnostic NotYetKnown(SourceSpan span, string quantity, string owner, string reason) =>
        Error("DL0210", span, $"{owner} cannot read '{quantity}': {reason}");

    /// <summary>DL0211: a trigger reads a trigger declared after it (or itself); triggers are evaluated in
    /// declaration order, so the value would be last period's.</summary>
    public static Diagnostic TriggerReadsLaterTrigger(SourceSpan span, string trigger, string other) =>
        Error("DL0211", span,
            trigger == other
                ? $"trigger '{trigger}' cannot depend on itself"
                : $"trigger '{trigger}' reads trigger '{other}', which is declared after it; declare '{other}' first");

    /// <summary>DL0212: a test reads a trigger; tests are evaluated before triggers.</summary>
    public static Diagnostic TestReadsTrigger(SourceSpan span, string test, string trigger) =>
        Error("DL0212", span,
            $"test '{test}' cannot read trigger '{trigger}': tests are worked out before triggers (use the trigger's condition instead)");

    /// <summary>DL0231: an account's target reads a test or a trigger. Targets are worked out once a period with the
    /// amounts due, before the tests and triggers (a test may read a target), so the value read would be the previous
    /// period's: a reserve sized on last half-year's DSCR, a trap account filled a period after its trigger trips.</summary>
    public static Diagnostic TargetReadsTestOrTrigger(SourceSpan span, string owner, string name, bool trigger) =>
        Error("DL0231", span,
            $"{owner} cannot read {(trigger ? "trigger" : "test")} '{name}': an account's target is worked out with the amounts due, before the tests and triggers, so it would read the previous period's {(trigger ? "state" : "value")}; "
            + (trigger
                ? $"branch on the trigger in the waterfall instead ('if {name} {{ fill … }} else {{ release … }}' with a target of its own), or write its condition in the target"
                : "write the test's expression in the target (it may read cfads, debt_service and balances), or branch on a trigger in the waterfall"));

    /// <summary>DL0213: a pay step whose target does not say what to pay, or says something that cannot be paid.</summary>
    public static Diagnostic BadPayTarget(SourceSpan span, string target, string hint) =>
        Error("DL0213", span, $"cannot pay '{target}'; {hint}");

    // ------------------------------------------------------------------ DL03xx units and types

    /// <summary>DL0301: an operator applied to operands whose units do not combine ("cannot add money and rate").</summary>
    public static Diagnostic IncompatibleUnits(SourceSpan span, string operation) =>
        Error("DL0301", span, $"cannot {operation}");

    /// <summary>DL0302: a term or expression whose unit is not the one its position requires.</summary>
    public static Diagnostic WrongUnit(SourceSpan span, string what, string expected, string actual) =>
        Error("DL0302", span, $"{what} must be {expected}, but this is {actual}");

    /// <summary>DL0303: a rate written as a bare number (is 0.05 five percent or five hundred?).</summary>
    public static Diagnostic BareRate(SourceSpan span, string what, double written)
    {
        double percent = Math.Abs(written) < 1 ? written * 100 : written;
        string p = percent.ToString("0.########", CultureInfo.InvariantCulture);
        string bp = (percent * 100).ToString("0.######", CultureInfo.InvariantCulture);
        return Error("DL0303", span, $"{what} is a rate and must be written with % or bp, e.g. {p}% or {bp}bp");
    }

    /// <summary>DL0328: the two branches of <c>if … then … else</c> have different units (a bare number takes the
    /// other branch's unit), so the expression would have no one unit.</summary>
    public static Diagnostic ConditionalBranchesDiffer(SourceSpan span, string whenTrue, string whenFalse) =>
        Error("DL0328", span, $"the branches of 'if … then … else' must have the same unit, but 'then' gives {whenTrue} and 'else' {whenFalse}");

    /// <summary>DL0329: an argument of <c>years_between(d1, d2)</c> that is not a date.</summary>
    public static Diagnostic YearsBetweenNeedsDates(SourceSpan span, string actual) =>
        Error("DL0329", span, $"years_between(d1, d2) takes two dates (period_start, period_end, date or a date such as 2030-01-01), but this is {actual}");

    /// <summary>DL0304: a condition (trigger, default rule, waterfall <c>if</c>) that is not true/false.</summary>
    public static Diagnostic ConditionNotBool(SourceSpan span, string what, string actual) =>
        Error("DL0304", span, $"{what} must be a condition (true or false), but this is {actual}; compare it, e.g. Dscr < 1.10x");

    /// <summary>DL0305: <c>6m of X</c> where X is not a per-period flow of money (a balance has no "six months of").</summary>
    public static Diagnostic DurationOfNeedsFlow(SourceSpan span, string duration, string operand) =>
        Error("DL0305", span,
            $"'{duration} of {operand}' needs a per-period flow such as debt_service or Notes.interest; '{operand}' is not one");

    /// <summary>DL0306: a term that must be fixed when the deal is written reads deal state.</summary>
    public static Diagnostic NotConstant(SourceSpan span, string what) =>
        Error("DL0306", span, $"{what} must be a constant; it cannot read deal state");

    /// <summary>DL0307: a fraction outside 0%..100% (recovery, share, haircut, floor, drop).</summary>
    public static Diagnostic FractionOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0307", span, SemanticText.Invariant($"{what} must be between 0% and 100%, not {SemanticText.FormatPercent(value)}"));

    /// <summary>DL0308: a test whose value is a date or a condition; tests are numbers (use a trigger for conditions).</summary>
    public static Diagnostic TestNotNumeric(SourceSpan span, string test, string actual) =>
        Error("DL0308", span,
            $"test '{test}' must be money, a rate, a ratio or a number, but this is {actual} (conditions belong in a trigger)");

    /// <summary>DL0309: <c>and</c>, <c>or</c> or <c>not</c> applied to something that is not a condition.</summary>
    public static Diagnostic LogicNeedsConditions(SourceSpan span, string op, string actual) =>
        Error("DL0309", span, $"'{op}' needs conditions (true or false), but this is {actual}");

    /// <summary>
    /// DL0321 (warning): a condition written twice in one chain of <c>or</c> (or <c>and</c>); the copy adds nothing,
    /// so it was most likely meant to say something else.
    /// </summary>
    public static Diagnostic RepeatedCondition(SourceSpan span, string op, string condition, SourceSpan first) =>
        Warning("DL0321", span,
            $"'{condition}' is already in this '{op}' ({(first.Line == span.Line ? "" : $"line {first.Line}, ")}column {first.Column}): the copy adds nothing; was it meant to say something else?");

    /// <summary>DL0310: an operator that has no meaning for its operand (negating a date, ordering conditions).</summary>
    public static Diagnostic OperatorNotApplicable(SourceSpan span, string op, string actual) =>
        Error("DL0310", span, $"'{op}' cannot be applied to {actual}");

    /// <summary>DL0311: a constant division by zero.</summary>
    public static Diagnostic DivisionByZero(SourceSpan span) =>
        Error("DL0311", span, "division by zero");

    /// <summary>DL0312: an amount that cannot be negative (cost, rent, balance, contribution, cap, initial balance), or a
    /// rate that cannot (a tranche's coupon, an account's interest rate).</summary>
    public static Diagnostic NegativeAmount(SourceSpan span, string what) =>
        Error("DL0312", span, $"{what} cannot be negative");

    /// <summary>DL0313 (warning): a duration in days or weeks where whole months are needed; it is rounded up.</summary>
    public static Diagnostic DurationRoundedToMonths(SourceSpan span, string duration, int months) =>
        Warning("DL0313", span,
            SemanticText.Invariant($"{duration} is not a whole number of months; it is rounded up to {months} month{(months == 1 ? "" : "s")}"));

    /// <summary>DL0314: a length of time that must be positive is zero.</summary>
    public static Diagnostic DurationNotPositive(SourceSpan span, string what) =>
        Error("DL0314", span, $"{what} must be longer than zero");

    /// <summary>DL0315 (warning): a trailing window that is not a whole number of payment periods.</summary>
    public static Diagnostic TrailingNotWholePeriods(SourceSpan span, string duration, string frequency, int periods) =>
        Warning("DL0315", span,
            SemanticText.Invariant($"trailing {duration} is not a whole number of {frequency} periods; {periods} period{(periods == 1 ? " is" : "s are")} used"));

    /// <summary>DL0316: a fee 'per year' whose amount reads a per-period flow ('2% of collections per year'): the
    /// year fraction would scale the period's flow a second time.</summary>
    public static Diagnostic FlowFeePerYear(SourceSpan span, string fee, string amount, string perPeriod) =>
        Error("DL0316", span,
            $"fee '{fee}' takes '{amount}', which reads a flow that is already per period, so 'per year' would also scale it by the period's year fraction; write 'fee {fee} {{ {perPeriod} }}' to take a share of each period's flow, or base an annual fee on a balance or value");

    /// <summary>DL0317: a fee without 'per year' whose amount is not a share of a per-period flow: its size would
    /// depend on the payment frequency.</summary>
    public static Diagnostic PerPeriodFeeNotOfAFlow(SourceSpan span, string fee, string amount) =>
        Error("DL0317", span,
            $"fee '{fee}' has no 'per year', so '{amount}' would be taken every period, whatever the period's length; write '{amount} per year', or a share of a per-period flow such as '2% of collections'");

    /// <summary>DL0318: an index's level whose unit nothing can read it with: a date, a condition, or a plain number
    /// (an index is money, a rate, a ratio or a compute price, and its readers' units follow from it).</summary>
    public static Diagnostic IndexLevelUnit(SourceSpan span, string index, string actual) =>
        Error("DL0318", span,
            $"the level of index '{index}' must be money, a rate, a ratio or a compute price (such as 2.35 per gpu_hour), not {actual}; a plain number has no unit for the index's readers (write 1.00x for a ratio)");

    /// <summary>DL0319: a value given for an index (a point, or a scenario's level, points or shift) whose unit is not
    /// the index's own, its level's.</summary>
    public static Diagnostic IndexValueUnit(SourceSpan span, string what, string index, string actual, string expected) =>
        Error("DL0319", span, $"{what} is {actual}, but the level of index '{index}' is {expected}: give it in the same unit");

    // ------------------------------------------------------------------ DL04xx deal structure

    /// <summary>DL0401: a second deal in one file (each file holds exactly one deal and its scenarios).</summary>
    public static Diagnostic MoreThanOneDeal(SourceSpan span, string name, string first) =>
        Error("DL0401", span, $"a file holds exactly one deal; deal '{name}' comes after deal '{first}' (put it in its own file)");

    /// <summary>DL0402: a file with no deal in it.</summary>
    public static Diagnostic NoDeal(SourceSpan span) =>
        Error("DL0402", span, "this file declares no deal; start with 'deal Name { ... }'");

    /// <summary>DL0403: a required header item (currency, closing, maturity, pay, daycount) is missing.</summary>
    public static Diagnostic MissingHeaderItem(SourceSpan span, string deal, string item, string example) =>
        Error("DL0403", span, $"deal '{deal}' needs {item} (e.g. '{example}')");

    /// <summary>DL0404: the closing date is not before the maturity date.</summary>
    public static Diagnostic ClosingNotBeforeMaturity(SourceSpan span, string closing, string maturity) =>
        Error("DL0404", span, $"the closing date {closing} must be before the maturity date {maturity}");

    /// <summary>
    /// DL0448 (warning): the maturity is more than <see cref="LongestPlausibleTermYears"/> years after the closing. No
    /// debt runs that long (a data centre's ground lease may, its notes do not), and a year typed wrong (2205 for 2050)
    /// makes a deal of hundreds of years that checks and runs, its figures spread over periods nobody meant. The
    /// deal still compiles and runs.
    /// </summary>
    public static Diagnostic TermBeyondACentury(SourceSpan span, string closing, string maturity) =>
        Warning("DL0448", span, string.Create(CultureInfo.InvariantCulture,
            $"the maturity {maturity} is more than {LongestPlausibleTermYears} years after the closing {closing}: no debt runs that long; is the year right?"));

    /// <summary>The term DL0448 warns beyond, in years from the closing.</summary>
    public const int LongestPlausibleTermYears = 100;

    /// <summary>DL0405: the first payment date is not after closing and on or before maturity.</summary>
    public static Diagnostic FirstPaymentOutOfRange(SourceSpan span, string firstPayment, string closing, string maturity) =>
        Error("DL0405", span,
            $"the first payment date {firstPayment} must be after closing ({closing}) and not after maturity ({maturity})");

    /// <summary>DL0406: a payment frequency that does not exist.</summary>
    public static Diagnostic UnknownFrequency(SourceSpan span, string text, string? suggestion) =>
        Error("DL0406", span,
            $"'{text}' is not a payment frequency{SemanticText.DidYouMean(suggestion)} (use monthly, quarterly, semiannual or annual)");

    /// <summary>DL0407: a day-count convention that does not exist.</summary>
    public static Diagnostic UnknownDayCount(SourceSpan span, string text) =>
        Error("DL0407", span, $"'{text}' is not a day count (use 30/360, 30E/360, ACT/360, ACT/365F or ACT/ACT)");

    /// <summary>DL0408: a declaration lacks a required item ("tranche 'Notes' needs a coupon").</summary>
    public static Diagnostic MissingItem(SourceSpan span, string kind, string name, string item) =>
        Error("DL0408", span, $"{kind} '{name}' needs {item}");

    /// <summary>DL0409: a tranche's interest, or its principal, is never paid by the waterfall.</summary>
    public static Diagnostic TrancheNotPaid(SourceSpan span, string tranche, bool interestPaid, bool principalPaid) =>
        Error("DL0409", span, (interestPaid, principalPaid) switch
        {
            (false, false) => $"tranche '{tranche}' is never paid in the waterfall (add 'pay {tranche}.interest' and 'pay {tranche}.principal')",
            (false, true) => $"the interest of tranche '{tranche}' is never paid in the waterfall (add 'pay {tranche}.interest')",
            _ => $"the principal of tranche '{tranche}' is never paid in the waterfall (add 'pay {tranche}.principal' or 'pay {tranche}.balance')",
        });

    /// <summary>DL0410: a waterfall that does not end by giving the residual cash to an equity piece.</summary>
    public static Diagnostic WaterfallMustEndWithDistribute(SourceSpan span, string which) =>
        Error("DL0410", span, $"the {which} must end with 'distribute rest to <equity>' so that the cash left over goes to the equity");

    /// <summary>DL0411: a deal with no waterfall.</summary>
    public static Diagnostic NoWaterfall(SourceSpan span, string deal) =>
        Error("DL0411", span, $"deal '{deal}' needs a waterfall {{ ... }} saying how cash is paid out");

    /// <summary>DL0412: a second waterfall, enforcement block or default rule where only one is allowed.</summary>
    public static Diagnostic DuplicateBlock(SourceSpan span, string block, SourceSpan first) =>
        Error("DL0412", span, $"a deal has at most one {block}; the first one is at {first}");

    /// <summary>DL0413 (warning): a default rule with no enforcement block: an event of default then changes nothing
    /// but the flag (the regular waterfall keeps running).</summary>
    public static Diagnostic DefaultWithoutEnforcement(SourceSpan span) =>
        Warning("DL0413", span,
            "the default rule has no enforcement block: after an event of default the regular waterfall keeps running and nothing is sold");

    /// <summary>DL0414: tests that depend on each other in a cycle, named in order.</summary>
    public static Diagnostic TestCycle(SourceSpan span, IReadOnlyList<string> cycle) =>
        Error("DL0414", span, cycle.Count <= 2
            ? $"test '{cycle[0]}' depends on itself"
            : $"tests depend on each other in a cycle: {string.Join(" → ", cycle)}");

    /// <summary>DL0415 (warning): cash goes into an account that no step ever draws on or releases.</summary>
    public static Diagnostic AccountNeverReleased(SourceSpan span, string account) =>
        Warning("DL0415", span,
            $"cash in '{account}' is never released: no step releases it or draws on it with 'using {account}'");

    /// <summary>DL0416: a trigger effect that is none of <c>trap</c>, <c>event_of_default</c>, <c>sweep X% to T</c>,
    /// <c>accelerate</c>.</summary>
    public static Diagnostic UnknownTriggerEffect(SourceSpan span, string effect, string? suggestion) =>
        Error("DL0416", span, $"'{effect}' is not a trigger effect{SemanticText.DidYouMean(suggestion)} (the effects are 'trap', 'event_of_default', 'sweep X% to T' and 'accelerate')");

    /// <summary>DL0417: a date outside the range its declaration allows (e.g. a lease starting before closing).</summary>
    public static Diagnostic DateOutOfRange(SourceSpan span, string what, string date, string range) =>
        Error("DL0417", span, $"{what} ({date}) must be {range}");

    /// <summary>DL0418: schedule dates that do not strictly increase.</summary>
    public static Diagnostic ScheduleNotIncreasing(SourceSpan span, string date, string previous) =>
        Error("DL0418", span, $"schedule dates must increase: {date} does not come after {previous}");

    /// <summary>DL0419: a schedule with no points.</summary>
    public static Diagnostic EmptySchedule(SourceSpan span, string what) =>
        Error("DL0419", span, $"{what} has no points; give at least one 'DATE AMOUNT'");

    /// <summary>DL0420 (warning): a junior tranche's interest is paid before a more senior tranche's interest.</summary>
    public static Diagnostic JuniorInterestFirst(SourceSpan span, string junior, string senior) =>
        Warning("DL0420", span,
            $"'{junior}.interest' is paid before '{senior}.interest', but '{senior}' is more senior");

    /// <summary>DL0421: equity holders' shares that do not add up to 100%.</summary>
    public static Diagnostic SharesDoNotSum(SourceSpan span, string equity, double total) =>
        Error("DL0421", span, SemanticText.Invariant($"the holders' shares of equity '{equity}' add up to {SemanticText.FormatPercent(total)}, not 100%"));

    /// <summary>DL0422: a seniority rank below 1.</summary>
    public static Diagnostic BadSeniority(SourceSpan span, string tranche, int rank) =>
        Error("DL0422", span, SemanticText.Invariant($"the seniority of tranche '{tranche}' must be 1 (most senior) or more, not {rank}"));

    /// <summary>DL0423 (warning): scheduled principal amounts that do not add up to the tranche's balance;
    /// what is left is due at maturity.</summary>
    public static Diagnostic ScheduleDoesNotRepay(SourceSpan span, string tranche, double scheduled, double balance) =>
        Warning("DL0423", span, SemanticText.Invariant(
            $"the amortisation schedule of tranche '{tranche}' adds up to {SemanticText.FormatMoney(scheduled)}, not its balance {SemanticText.FormatMoney(balance)}; the rest is due at maturity"));

    /// <summary>DL0424: collateral (a facility, a loan) listed in more than one enforcement sale (or twice in
    /// one): it would be sold, and its proceeds counted, twice.</summary>
    public static Diagnostic SoldTwice(SourceSpan span, string kind, string name, int firstLine) =>
        Error("DL0424", span, SemanticText.Invariant(
            $"{kind} '{name}' is already sold on enforcement (line {firstLine}); each {kind} can be sold once"));

    /// <summary>DL0430 (warning): a default rule whose enforcement sells nothing although the deal has
    /// collateral: after an event of default the collateral is never realised.</summary>
    public static Diagnostic DefaultSellsNothing(SourceSpan span) =>
        Warning("DL0430", span,
            "the enforcement block sells nothing: after an event of default the collateral is never realised, and what the tranches still owe at the end is reported as lost in full; add 'sell Facility haircut R lag D'");

    /// <summary>DL0431: an enforcement lag longer than the workout limit: the sale could fall after the run has
    /// ended, so the collateral would never be sold.</summary>
    public static Diagnostic LagBeyondWorkout(SourceSpan span, string lag, int limitYears) =>
        Error("DL0431", span, SemanticText.Invariant(
            $"an enforcement lag of {lag} is longer than the workout limit of {limitYears}y: a sale that late would never happen inside the run"));

    /// <summary>DL0432: <c>cfads includes X</c> where X is not a one-off receipt DealLang knows.</summary>
    public static Diagnostic UnknownCfadsItem(SourceSpan span, string item, string? suggestion) =>
        Error("DL0432", span,
            $"cfads cannot include '{item}' (the one-off receipts it can include are: rvg){SemanticText.DidYouMean(suggestion)}");

    /// <summary>DL0440: more declarations of one kind than the compiler accepts (thousands; a real deal has tens).
    /// Reported at the first one beyond the limit.</summary>
    public static Diagnostic TooManyDeclarations(SourceSpan span, string kind, int limit) =>
        Error("DL0440", span, SemanticText.Invariant(
            $"this is {kind} declaration {limit + 1:N0}; a deal may have at most {limit:N0} of one kind (a real deal has tens)"));

    /// <summary>DL0441: a waterfall with more steps (if/else included) than the compiler accepts. Reported at the
    /// first step beyond the limit.</summary>
    public static Diagnostic TooManySteps(SourceSpan span, string waterfall, int limit) =>
        Error("DL0441", span, SemanticText.Invariant(
            $"this is step {limit + 1:N0} of {waterfall}; a waterfall may have at most {limit:N0} steps (a real one has tens)"));

    /// <summary>DL0450 (warning): the same item (<c>Notes.interest</c>, a fee) is paid twice on one path through
    /// a waterfall: the second step can only pay what the first left unpaid, which is almost always a copy-paste
    /// slip. Steps in the two branches of an <c>if</c> are on different paths; <c>pay X.principal</c> then
    /// <c>pay X.balance</c> are different items.</summary>
    public static Diagnostic PaidTwice(SourceSpan span, string item, int firstLine) =>
        Warning("DL0450", span, SemanticText.Invariant(
            $"'{item}' is already paid at line {firstLine} on this path through the waterfall; remove one of the two steps"));

    /// <summary>DL0451 (warning): an account named twice after one <c>using</c>: the second draw finds it
    /// already drawn, so the repeat does nothing.</summary>
    public static Diagnostic AccountUsedTwice(SourceSpan span, string account) =>
        Warning("DL0451", span, $"'{account}' is already named in this 'using' list; drawing on it again does nothing, remove the repeat");

    /// <summary>DL0452: a <c>pro_rata</c> group that is empty, or holds a step other than a plain <c>pay</c> (one
    /// without <c>using</c>): it shares the period's cash among payments in proportion to what each is owed, which
    /// means nothing for a fill, a hold or an account draw.</summary>
    public static Diagnostic BadProRataStep(SourceSpan span, string why) =>
        Error("DL0452", span, $"a pro_rata group pays its members pari passu from the period's cash: {why}");

    /// <summary>DL0453: a <c>sequential</c> group that is empty, or, as a stack in a <c>pro_rata</c> group, holds a
    /// step other than a plain <c>pay</c> or sits in a group shared <c>by balance</c>.</summary>
    public static Diagnostic BadSequentialStep(SourceSpan span, string why) =>
        Error("DL0453", span, $"a sequential group pays its steps in order: {why}");

    /// <summary>DL0454 (warning): a trigger whose effect is <c>event_of_default</c> in a deal with no enforcement block:
    /// the event of default then changes nothing but the flag, as for a default rule without one (DL0413).</summary>
    public static Diagnostic TriggerDefaultWithoutEnforcement(SourceSpan span, string trigger) =>
        Warning("DL0454", span,
            $"trigger '{trigger}' makes an event of default, but the deal has no enforcement block: after it the regular waterfall keeps running and nothing is sold");

    /// <summary>DL0455 (warning): one trigger given the same effect twice (or a tranche twice in one
    /// <c>accelerate</c>): the repeat does nothing more (a second sweep to one tranche would sweep the rest again,
    /// which is almost always a slip).</summary>
    public static Diagnostic TriggerEffectRepeated(SourceSpan span, string trigger, string what) =>
        Warning("DL0455", span, $"trigger '{trigger}' already has {what}; remove the repeat");

    /// <summary>DL0225 (warning): a trigger whose only effect is <c>trap</c>, with no equity cure, that nothing reads: no
    /// waterfall step, default rule, other trigger or expression. <c>trap</c> is a flag the waterfall says what to do
    /// with; read by nothing, it holds back no cash, though its state is still reported. Read only by such triggers
    /// (<paramref name="readers"/>, in declaration order), it changes nothing either, and the message names them.</summary>
    public static Diagnostic TrapReadByNothing(SourceSpan span, string trigger, IReadOnlyList<string>? readers = null) =>
        Warning("DL0225", span,
            $"trigger '{trigger}' traps nothing: its only effect is 'trap', a flag, and no waterfall step or expression reads it{(readers is { Count: > 0 } ? $" but {string.Join(", ", readers.Select(r => "'" + r + "'"))}, {(readers.Count == 1 ? "a trigger that traps nothing itself" : "triggers that trap nothing themselves")}" : "")}, so no cash is held back when it is active; read it in the waterfall ('if {trigger} {{ hold rest in Reserve }}') or give it an effect ('=> sweep 100% to Loan')");

    /// <summary>DL0456: an equity cure on a trigger whose condition is not a coverage test below a constant
    /// (<c>Test &lt; K</c>, the test <c>cfads / X</c> of the period): no cash amount is known to make it pass.</summary>
    public static Diagnostic CureNeedsACoverageTest(SourceSpan span, string trigger, string why) =>
        Error("DL0456", span, $"trigger '{trigger}' has an equity cure: {why}");

    /// <summary>DL0457: an equity cure that does not say where its cash goes (<c>prepaying T</c> or <c>into A</c>): a
    /// facility agreement applies a cure amount to prepay the debt or deposits it in an account, and cash added to the
    /// period's waterfall would be free to go straight back to the equity that paid it in.</summary>
    public static Diagnostic CureWithoutDestination(SourceSpan span, string trigger) =>
        Error("DL0457", span,
            $"trigger '{trigger}' has an equity cure that does not say where its cash goes: add 'prepaying' and the tranches it prepays (e.g. 'prepaying Notes'), or 'into' and the account it is deposited in (e.g. 'into Dsra')");

    /// <summary>DL0480: a tranche's or a loan's coupon floor above its cap: no rate could satisfy both, so every period's coupon
    /// would be whichever of the two is applied last.</summary>
    public static Diagnostic CouponFloorAboveCap(SourceSpan span, string owner, double floor, double cap) =>
        Error("DL0480", span, SemanticText.Invariant(
            $"the coupon floor of {owner} ({SemanticText.FormatPercent(floor)}) is above its cap ({SemanticText.FormatPercent(cap)}); a floor must be at or below the cap"));

    /// <summary>DL0595: a tranche's or a loan's coupon floor or cap below 0%: a coupon is never below 0% (no holder pays
    /// its issuer interest, no obligor is paid by its lender, docs/language.md §5, tranche), so a floor there would do
    /// nothing, and a cap there would hold the coupon at 0% whatever its rate.</summary>
    public static Diagnostic CouponBoundBelowZero(SourceSpan span, string owner, string bound, double value) =>
        Error("DL0595", span, bound == "floor"
            ? SemanticText.Invariant($"the coupon floor of {owner} ({SemanticText.FormatPercent(value)}) is below 0%: a coupon is never below 0%, so it would do nothing; write 'floor 0%' to floor the coupon at zero, or leave the floor out")
            : SemanticText.Invariant($"the coupon cap of {owner} ({SemanticText.FormatPercent(value)}) is below 0%: a coupon is never below 0%, so it would hold the coupon at 0% whatever its rate; write a cap at or above 0%"));

    /// <summary>DL0481: a level (annuity) amortisation on a tranche or a loan whose coupon floats: a level payment is
    /// sized at one fixed rate, which a floating coupon does not have.</summary>
    public static Diagnostic LevelNeedsFixedCoupon(SourceSpan span, string owner) =>
        Error("DL0481", span,
            $"{owner} amortises level, but its coupon floats or steps up: a level payment is sized at one fixed rate; use 'amortize linear', a schedule or a bullet, or a fixed coupon");

    /// <summary>DL0798: a loan's floating coupon reading a loan's coupon (its own, or another's): the loans' coupons are
    /// reset together at the period's start, so neither would be known when the other is worked out.</summary>
    public static Diagnostic LoanCouponReadsLoanCoupon(SourceSpan span, string loan, string read) =>
        Error("DL0798", span,
            $"the coupon of loan '{loan}' reads the coupon of loan '{read}': a loan's coupon is reset at the period's start with the other loans', so it may read an index, opening balances and values, not a loan's coupon; write the rate it should follow (e.g. 'SOFR + 3.5%')");

    /// <summary>DL0482: an issue price that is not above 0% or above 200% of par: the price the lender pays per unit
    /// of par (98% for a 2-point original issue discount).</summary>
    public static Diagnostic IssuePriceOutOfRange(SourceSpan span, string tranche, double price) =>
        Error("DL0482", span, SemanticText.Invariant(
            $"the issue price of tranche '{tranche}' is {SemanticText.FormatPercent(price)}; it is the share of par the lender pays, above 0% and at most 200% (e.g. 'issue_price 98%')"));

    /// <summary>DL0483: a draw dated after the commitment's availability period, when nothing more can be drawn.</summary>
    public static Diagnostic DrawAfterAvailability(SourceSpan span, string tranche, string draw, string until) =>
        Error("DL0483", span,
            $"tranche '{tranche}' draws on {draw}, after its commitment is available (until {until}); move the draw or extend 'available until'");

    /// <summary>DL0484: the balance at closing and the draws add up to more than the commitment.</summary>
    public static Diagnostic DrawsAboveCommitment(SourceSpan span, string tranche, double drawn, double commitment) =>
        Error("DL0484", span, SemanticText.Invariant(
            $"tranche '{tranche}' draws {SemanticText.FormatMoney(drawn)} in all (its closing balance included), more than its commitment of {SemanticText.FormatMoney(commitment)}"));

    /// <summary>DL0485: a delayed-draw item (draws, availability, commitment fee, or paying the fee) on a tranche
    /// with no commitment: it is funded in full at closing, so there is nothing to draw and no undrawn amount.</summary>
    public static Diagnostic NeedsCommitment(SourceSpan span, string tranche, string item) =>
        Error("DL0485", span,
            $"{item} on tranche '{tranche}' needs a commitment to draw on ('commitment 7.5bn'); without one the tranche is funded in full at closing");

    /// <summary>DL0486: a margin grid (a tranche's or a loan's, <paramref name="owner"/> "tranche 'Notes'") without an <c>else</c> margin: the margin of the first period (before the test
    /// has a value) and of a period whose test is n/a.</summary>
    public static Diagnostic MarginGridWithoutElse(SourceSpan span, string owner) =>
        Error("DL0486", span,
            $"the margin grid of {owner} has no 'else' margin; add one ('else 7.00%'): it applies in the first period, when the test is n/a, and above the last bound");

    /// <summary>DL0487: a margin grid (a tranche's or a loan's) whose bounds do not increase: tiers are read in order, the first whose bound
    /// the test is below wins, so a bound not above the one before could never be reached.</summary>
    public static Diagnostic MarginGridBoundsNotIncreasing(SourceSpan span, string owner) =>
        Error("DL0487", span,
            $"the bounds of the margin grid of {owner} must increase: this tier is never reached, as the one before it already takes every value below it");

    /// <summary>DL0470: an enforcement sale naming something that is not collateral (a lease, a tranche…): only
    /// the sellable kinds (<c>CollateralRules</c>) have a value a sale can realise.</summary>
    public static Diagnostic NotCollateral(SourceSpan span, string name, string actualKind, IEnumerable<string> sellableKinds) =>
        Error("DL0470", span,
            $"'{name}' is {SemanticText.WithArticle(actualKind)}; enforcement can sell only collateral ({SemanticText.OneOf(sellableKinds.Select(SemanticText.WithArticle).ToList())})");

    /// <summary>DL0471 (warning): a deal whose enforcement sells collateral but not this loan: a run ends with the
    /// last sale, so a default before the loan matures leaves its balance then neither collected nor sold.</summary>
    public static Diagnostic LoanNotSold(SourceSpan span, string loan) =>
        Warning("DL0471", span,
            $"loan '{loan}' is sold by no enforcement sale: a run ends with the last sale, so after an event of default its balance then is never collected or realised; add it to a sale ('sell {loan} haircut R')");

    /// <summary>DL0472 (warning): enforcement sells collateral but has no waterfall of its own, and the regular one
    /// pays these tranches only their scheduled principal: sale proceeds beyond it would go to the equity while the
    /// tranches are still owed.</summary>
    public static Diagnostic ProceedsBypassTheDebt(SourceSpan span, IReadOnlyList<string> tranches) =>
        Warning("DL0472", span, SemanticText.Invariant(
            $"the enforcement block has no waterfall, and the regular one pays {string.Join(", ", tranches.Select(t => $"'{t}'"))} only scheduled principal: sale proceeds beyond it would go to the equity while the debt is still owed; give the enforcement block a waterfall that pays {(tranches.Count == 1 ? "its" : "their")} balance ('pay {tranches[0]}.balance')"));

    /// <summary>DL0473: an index's drift (<c>deflate R per year</c>, in the deal or a scenario) below 0% or at or above
    /// 100% a year: a negative deflation is growth, which <c>grow</c> says, and 100% would wipe the index out after the
    /// first day.</summary>
    public static Diagnostic IndexDeflateOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0473", span, SemanticText.Invariant($"{what} must be at least 0% and below 100% a year, not {SemanticText.FormatPercent(value)}"));

    /// <summary>DL0766: an index given both <c>deflate</c> and <c>grow</c>: they are one drift, falling or rising, so
    /// the index's level would be ambiguous.</summary>
    public static Diagnostic IndexDeflateAndGrow(SourceSpan span, string index) =>
        Error("DL0766", span, $"index '{index}' has both a 'deflate' and a 'grow': they are one drift, falling or rising; keep one");

    /// <summary>DL0767: a growth (<c>grow R per year</c>, on an index in the deal or a scenario, a facility's value or
    /// market_rent) below 0% or above 100% a year: a negative growth is a deflation, which <c>deflate</c> says, and
    /// more than doubling every year is almost surely a slip of the unit (300% for 3%).</summary>
    public static Diagnostic GrowthOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0767", span, SemanticText.Invariant($"{what} must be at least 0% and at most 100% a year, not {SemanticText.FormatPercent(value)}"));

    /// <summary>DL0474: a launch's step down (<c>launch DATE down R</c>) below 0% or at or above 100%.</summary>
    public static Diagnostic LaunchDownOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0474", span, SemanticText.Invariant($"{what} must be at least 0% and below 100%, not {SemanticText.FormatPercent(value)}"));

    // ------------------------------------------------------------------ DL05xx scenarios

    /// <summary>DL0501: a scenario written for a deal other than the one in the file (or, for a scenario in a file
    /// of its own, the one of the compilation, declared at <paramref name="dealElsewhere"/>, a <c>path(line,col)</c>).</summary>
    public static Diagnostic ScenarioForOtherDeal(SourceSpan span, string scenario, string named, string deal, string? dealElsewhere = null) =>
        Error("DL0501", span, dealElsewhere is { } at
            ? $"scenario '{scenario}' is for '{named}', but the deal it is compiled with is '{deal}', declared at {at}"
            : $"scenario '{scenario}' is for '{named}', but the deal in this file is '{deal}'");

    /// <summary>DL0511 (warning): a scenario for an entity of a chain, written outside that entity's own file (in the
    /// deal's file, or a scenario file given with the deal), with no scenario of its name for the deal: the chain runs
    /// an entity's scenario only under the deal's of the same name, so this one is checked but never run.</summary>
    public static Diagnostic EntityScenarioNotRun(SourceSpan span, string scenario, string entity, string deal, string entityFile) =>
        Warning("DL0511", span,
            $"scenario '{scenario}' is for '{entity}', which runs in deal '{deal}''s chain under a scenario of the same name for '{deal}', " +
            $"and '{deal}' has none: it is checked but never run; declare 'scenario {scenario} for {deal}', or run it with {entity}'s own file ({entityFile})");

    /// <summary>DL0598 (warning): an entity's own scenario that draws (a Monte Carlo one), named as a scenario of the
    /// chain's deal: under the deal's scenario of that name the entity runs as written with the deal's levers on its
    /// parties and indices, since a chain makes only the deal's draws; the entity's scenario, its levers and its draws,
    /// is not run in the chain (docs/language.md §10, "Scenarios in a chain").</summary>
    public static Diagnostic EntityStochasticScenarioNotRun(SourceSpan span, string scenario, string entity, string deal) =>
        Warning("DL0598", span,
            $"scenario '{scenario}' of '{entity}' draws (a Monte Carlo scenario), and in deal '{deal}''s chain only '{deal}''s draws are made: " +
            $"under '{deal}''s scenario '{scenario}', '{entity}' runs as written with '{deal}''s levers on its parties and indices, not this scenario's levers or draws; " +
            $"write the draws in '{deal}''s scenario '{scenario}' (they reach '{entity}''s parties and indices), or run '{entity}' alone for them");

    /// <summary>DL0502: two scenarios with the same name.</summary>
    public static Diagnostic DuplicateScenario(SourceSpan span, string name, SourceSpan previous) =>
        Error("DL0502", span, $"scenario '{name}' is already declared at {previous}");

    /// <summary>DL0503: more renewals taken than the lease offers.</summary>
    public static Diagnostic TooManyRenewals(SourceSpan span, string lease, int offered, int taken) =>
        Error("DL0503", span, SemanticText.Invariant(
            $"lease '{lease}' has {offered} renewal option{(offered == 1 ? "" : "s")}; {taken} cannot be taken"));

    /// <summary>DL0504: a scenario item naming something the deal does not declare.</summary>
    public static Diagnostic ScenarioUnknownName(SourceSpan span, string scenario, string name, string deal, string? suggestion) =>
        Error("DL0504", span,
            $"scenario '{scenario}' refers to '{name}', which is not declared in deal '{deal}'{SemanticText.DidYouMean(suggestion)}");

    /// <summary>DL0505: a scenario item naming something of the wrong kind ("'Notes' is a tranche; renewals need a lease").</summary>
    public static Diagnostic ScenarioWrongKind(SourceSpan span, string name, string actualKind, string requirement) =>
        Error("DL0505", span, $"'{name}' is {SemanticText.WithArticle(actualKind)}; {requirement}");

    /// <summary>DL0506: a deflate, grow or drop applied to something other than a facility's value (or, for deflate and
    /// grow, market_rent or an index by its bare name).</summary>
    public static Diagnostic ScenarioBadPath(SourceSpan span, string path, string verb, string facility) =>
        Error("DL0506", span, verb == "drop"
            ? $"'{path}' cannot drop: drop applies to a facility's value, e.g. {facility}.value drop 70% by 2034-01-01"
            : $"'{path}' cannot {verb}: {verb} applies to a facility's value ({facility}.value), to market_rent or to an index (by its bare name)");

    /// <summary>DL0507 (warning): a scenario sets the same thing twice; the later one wins.</summary>
    public static Diagnostic ScenarioItemRepeated(SourceSpan span, string scenario, string what) =>
        Warning("DL0507", span, $"scenario '{scenario}' sets {what} more than once; the last one is used");

    /// <summary>DL0508 (warning): a scenario overrides the enforcement terms of a deal that has no enforcement sale.</summary>
    public static Diagnostic ScenarioEnforcementUnused(SourceSpan span, string scenario) =>
        Warning("DL0508", span, $"scenario '{scenario}' changes the enforcement sale, but the deal sells nothing on enforcement");

    /// <summary>
    /// DL0586 (warning): a scenario's <c>P defaults on DATE</c> before the deal's closing. The party is then in default from
    /// the first day, so what it owes the deal (rent, a contract's revenue, a loan's payments) never comes in: a stress
    /// one may mean, but nearly always a year typed wrong (2025 for 2035).
    /// </summary>
    public static Diagnostic DefaultBeforeClosing(SourceSpan span, string party, string date, string scenario, string closing) =>
        Warning("DL0586", span,
            $"'{party} defaults on {date}' in scenario '{scenario}' is before the closing ({closing}): {party} is in default from the deal's first day and pays it nothing; check the year");

    /// <summary>DL0509: a value drop dated on or before closing (it falls linearly from closing to that date).</summary>
    public static Diagnostic DropDateNotAfterClosing(SourceSpan span, string date, string closing) =>
        Error("DL0509", span, $"a value drop must be dated after closing ({closing}), not {date}");

    /// <summary>DL0520: a scenario called <c>all</c>: <c>--scenario all</c> runs every scenario, so this one could
    /// never be run alone.</summary>
    public static Diagnostic ScenarioNamedAll(SourceSpan span) =>
        Error("DL0520", span, "a scenario cannot be called 'all': '--scenario all' runs every scenario, so this one could not be chosen alone; rename it");

    // ------------------------------------------------------------------ helpers

    // Nested so the helper names cannot collide with other stages' partial files.
    private static class SemanticText
    {
        public static string DidYouMean(string? suggestion) =>
            suggestion is null ? "" : $"; did you mean '{suggestion}'?";

        /// <summary>"a", "a or b", "a, b or c".</summary>
        public static string OneOf(IReadOnlyList<string> items) =>
            items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

        // 'coins' names its kind in the plural, which takes no article ("a facility, a loan, a fleet or coins")
        public static string WithArticle(string noun) =>
            noun == "coins" ? noun : noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " + noun : "a " + noun;

        public static string FormatPercent(double fraction) =>
            (fraction * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";

        public static string FormatMoney(double amount) =>
            amount.ToString("#,0.##", CultureInfo.InvariantCulture);

        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
