namespace DealLang.Compiler.Emit.Components;

/// <summary>Where a piece of an entity's state lives in the generated class.</summary>
internal enum StateStorage
{
    /// <summary>A local of <c>Run</c>, declared before the period loop with its value at closing ("State at closing").</summary>
    Local,

    /// <summary>A local of <c>Run</c> holding this path's input (declared where the loop reads <c>PathInputs</c>).</summary>
    Input,

    /// <summary>A static field or constant of the class: fixed by the deal, computed once.</summary>
    Static,
}

/// <summary>How a local's value lives through the periods.</summary>
internal enum StateLife
{
    /// <summary>Kept from one period to the next (a balance, an arrear); changed only by the loop's arithmetic.</summary>
    Carried,

    /// <summary>Worked out afresh each period before anything reads it (interest due, rent, a test's value).</summary>
    Period,

    /// <summary>What the waterfall pays or distributes this period: zeroed before the waterfall, which adds to it.</summary>
    Paid,
}

/// <summary>A ledger column holding one piece of state: its section, its printed name and how it prints.</summary>
internal sealed record LedgerSlot(LedgerSection Section, string Label, DealLang.Runtime.ColumnKind Kind = DealLang.Runtime.ColumnKind.Money);

/// <summary>
/// A typed handle on one piece of an entity's state in the generated C#: the emitter's code refers to
/// <c>tranche.Balance</c>, never to a member name in a string. Each kind's state class declares each handle once,
/// with everything the emitter needs to know about it: the C# name (made by <see cref="CSharpNames.Entity"/>,
/// whose escaping rules keep deal text out of the code), its C# type, where it lives, its value at closing, how it
/// lives through the periods, whether it is a ledger column, and the comment on its declaration.
/// </summary>
/// <param name="Initial">A local's value at closing (empty for inputs and statics, assigned where they are declared).</param>
/// <param name="Declared">False for a handle whose state this deal does not need (a lease without an RVG has no RVG
/// paid): it is then not declared, and nothing may read it.</param>
internal sealed record StateVar(
    string Name,
    string Type,
    StateStorage Storage,
    string Initial,
    StateLife Life,
    LedgerSlot? Ledger,
    string? Comment,
    bool Declared)
{
    /// <summary>The C# name, so a handle can be written straight into code: <c>w.Line(tranche.Balance + " = 0.0;")</c>.</summary>
    public override string ToString() => Name;

    /// <summary>The ledger value of the state: a flag is written as 1 or 0.</summary>
    public string LedgerValue => Type == "bool" ? Name + " ? 1.0 : 0.0" : Name;
}
