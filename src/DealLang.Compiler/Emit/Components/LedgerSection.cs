namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// Where an entity's ledger columns sit in the row (docs/language.md, "Ledger"): collection sources, amounts due,
/// then after the waterfall's step columns the cash held, what is still owed, measures and flags. The sections are
/// the ledger's column order, a published contract; inside a section, kinds follow
/// <see cref="Syntax.DeclarationKinds.All"/> and entities their index.
/// </summary>
internal enum LedgerSection
{
    /// <summary>What was received this period, source by source (before the sale proceeds and the collections total).</summary>
    Receipts,

    /// <summary>What is due this period (before the waterfall's step columns).</summary>
    Due,

    /// <summary>Cash held after the period (account balances).</summary>
    Held,

    /// <summary>What is still owed after the period (tranche balances).</summary>
    Outstanding,

    /// <summary>Values of the deal's measures (tests).</summary>
    Measures,

    /// <summary>Flags (triggers), before the event of default's.</summary>
    Flags,
}
