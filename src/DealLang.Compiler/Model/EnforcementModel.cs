using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>What happens after an event of default: the sales (runtime data, overridable by scenarios) and the
/// waterfall that replaces the regular one from the period after the default.</summary>
public sealed record EnforcementModel(ImmutableArray<SaleInfo> Sales, ImmutableArray<StepModel> Waterfall);
