using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>A readable quantity: a built-in (<c>cfads</c>) or a member of a declaration (<c>Notes.balance</c>).
/// Flows are per-period amounts (summed over a trailing test's window); everything else is a stock.
/// A member in compute units gives its <see cref="Dimension"/> (<c>F.units</c>: GPUs).</summary>
internal sealed record MemberInfo(string Name, Quantity Quantity, Unit Unit, bool IsFlow, Dimension Dimension = default);
