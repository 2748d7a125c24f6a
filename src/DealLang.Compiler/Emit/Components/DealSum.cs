namespace DealLang.Compiler.Emit.Components;

/// <summary>The deal-wide sums the loop writes with one term per entity; each component gives its terms
/// (<see cref="EmitterComponent.Terms"/>), kinds in registry order.</summary>
internal enum DealSum
{
    /// <summary><c>collections</c>: what each entity received this period (before any sale proceeds).</summary>
    Collections,

    /// <summary>One-off receipts that <c>cfads</c> leaves out (unless the deal says otherwise).</summary>
    OneOffReceipts,

    /// <summary><c>debtService</c>: what the schedule asks this period, arrears not counted again.</summary>
    DebtService,

    /// <summary>What <c>cfads</c> deducts from recurring cash: this period's fees and opex, arrears not counted again.</summary>
    CfadsDeductions,

    /// <summary>Cash paid out of the deal this period (the cash check).</summary>
    PaidOut,

    /// <summary>Cash held in the deal (the cash check's account balances).</summary>
    CashHeld,
}
