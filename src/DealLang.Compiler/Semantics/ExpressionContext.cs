namespace DealLang.Compiler.Semantics;

/// <summary>Where in the period an expression is evaluated, which decides what it may read.</summary>
internal enum ContextKind
{
    /// <summary>A term fixed when the deal is written (coupon, balance, rent): must fold to a constant.</summary>
    Term,
    /// <summary>A tranche's floating coupon, PIK toggle or target balance: evaluated at the period's start, when the
    /// tranche's interest and principal are worked out, before collections, amounts due, tests and triggers.</summary>
    PeriodStart,
    /// <summary>An RVG's guaranteed amount: evaluated with the period's collections, before amounts due.</summary>
    RvgGuarantee,
    /// <summary>A fee's annual amount: evaluated when amounts due are worked out, before cfads and tests.</summary>
    FeeAmount,
    /// <summary>An account's target: worked out once a period with the amounts due (after cfads, before the tests and
    /// triggers, which it therefore cannot read), and read when the waterfall fills or releases the account.</summary>
    AccountTarget,
    /// <summary>A test: after amounts due, in dependency order, before triggers.</summary>
    Test,
    /// <summary>A trigger's condition: after the tests, in declaration order.</summary>
    Trigger,
    /// <summary>The default rule: after the waterfall.</summary>
    DefaultRule,
    /// <summary>An <c>if</c> in a waterfall: when the step is reached.</summary>
    WaterfallCondition,
}

/// <summary>An expression's context: what kind of position, whose it is (for messages) and, for tests and
/// triggers, which one (to check the order they are evaluated in).</summary>
internal readonly record struct ExpressionContext(ContextKind Kind, string Owner, Symbol? Self = null);
