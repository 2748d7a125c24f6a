using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// The state handles of one deal entity (a tranche, a lease…). A kind's subclass declares each handle once, in
/// its constructor, through <see cref="Local"/>, <see cref="Input"/> and <see cref="Static"/>: that is the only
/// place its member name is written, and the order of declaration is the order of the generated declarations
/// and of the entity's ledger columns within a section.
/// </summary>
internal abstract class EntityState
{
    private readonly List<StateVar> _vars = [];

    protected EntityState(DeclarationKind kind, string name, int index)
    {
        Kind = kind;
        Name = name;
        Index = index;
    }

    public DeclarationKind Kind { get; }

    /// <summary>The entity's name in the deal file.</summary>
    public string Name { get; }

    /// <summary>The entity's position in its kind's model array (and in the runtime's arrays).</summary>
    public int Index { get; }

    /// <summary>Every handle, in declaration order.</summary>
    public IReadOnlyList<StateVar> Vars => _vars;

    /// <summary>The comment above the entity's declarations: <c>Notes (tranche)</c>.</summary>
    public virtual string Heading => Name + " (" + Kind.Keyword() + ")";

    /// <summary>A local of <c>Run</c> declared before the loop with <paramref name="initial"/>.</summary>
    protected StateVar Local(
        string member,
        string type,
        StateLife life,
        string? initial = null,
        string? comment = null,
        LedgerSlot? ledger = null,
        bool declared = true) =>
        Add(member, type, StateStorage.Local, initial ?? (type == "bool" ? "false" : "0.0"), life, ledger, comment, declared);

    /// <summary>A local holding this path's input; declared where the loop reads <c>PathInputs</c>.</summary>
    protected StateVar Input(string member, string type) =>
        Add(member, type, StateStorage.Input, "", StateLife.Carried, null, null, declared: true);

    /// <summary>A static field or constant of the class, written with the deal's constants.</summary>
    protected StateVar Static(string member, string type) =>
        Add(member, type, StateStorage.Static, "", StateLife.Carried, null, null, declared: true);

    /// <summary>A name derived from the entity that is not a piece of state (a history buffer's).</summary>
    protected string EntityName(string member) => CSharpNames.Entity(Kind.Keyword(), Name, member);

    private StateVar Add(string member, string type, StateStorage storage, string initial, StateLife life, LedgerSlot? ledger, string? comment, bool declared)
    {
        var handle = new StateVar(EntityName(member), type, storage, initial, life, ledger, comment, declared);
        _vars.Add(handle);
        return handle;
    }
}
