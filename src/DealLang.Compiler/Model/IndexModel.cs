using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>An index in the model: its terms as the runtime's <see cref="IndexInfo"/> (the runner computes its level
/// per period from them), and the unit its readers see (its level's), which names its ledger column's kind.</summary>
public sealed record IndexModel(IndexInfo Info, Unit Unit, Dimension Dimension);
