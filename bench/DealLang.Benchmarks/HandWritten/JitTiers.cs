using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// The JIT tier each generated method was last compiled at, from the runtime's own JIT events (MethodLoadVerbose,
/// whose MethodFlags carry the optimisation tier in bits 7-9): <c>Tier1</c> is fully optimised, <c>MinOpts</c> is
/// the cliff issue 8 names (the JIT gives up optimising a method it finds too large). Listens from construction
/// on; events arrive on the runtime's dispatch thread, a moment after the compile. With <c>libraries: true</c> it also
/// records the methods of DealLang's own assemblies (<c>DealLang.Runner.</c>, <c>DealLang.Runtime</c>,
/// <c>DealLang.Reference.</c>: the runner, its summaries and IRR solvers), which are tiered like any library code, and
/// counts every optimised compile among them (<see cref="OptimisedCompiles"/>), so <c>--runner</c> can wait until the
/// code it times has reached its final tier.
/// </summary>
public sealed class JitTiers : EventListener
{
    const int JitKeyword = 0x10;
    const int MethodLoadVerbose = 143;
    const string GeneratedNamespace = "DealLang.Generated.";
    const string HandWrittenNamespace = "DealLang.Benchmarks.HandWritten.";

    const string LibraryNamespace = "DealLang.";

    readonly ConcurrentDictionary<(string Type, string Method), string> tiers = new();
    readonly bool libraries;
    int optimisedCompiles;

    public JitTiers(bool libraries = false) => this.libraries = libraries;

    /// <summary>How many methods have been compiled at Tier1 (or Tier1-OSR, FullOpts) so far, among those recorded.</summary>
    public int OptimisedCompiles => Volatile.Read(ref optimisedCompiles);

    /// <summary>Method → last tier, for the methods of generated type <paramref name="typeName"/>
    /// (<c>DealLang.Generated.Deal_Hyperion</c> and its nested types), or of a hand-written loop's
    /// (<c>DealLang.Benchmarks.HandWritten.HyperionLoop</c>).</summary>
    public IReadOnlyDictionary<string, string> Of(string typeName) => tiers
        .Where(p => p.Key.Type == typeName || p.Key.Type.StartsWith(typeName + "+", StringComparison.Ordinal))
        .ToDictionary(p => (p.Key.Type == typeName ? "" : p.Key.Type[(typeName.Length + 1)..] + ".") + p.Key.Method, p => p.Value);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != MethodLoadVerbose || e.PayloadNames is null)
        {
            return;
        }

        string? type = Payload(e, "MethodNamespace") as string;
        string? method = Payload(e, "MethodName") as string;
        if (type is null || method is null
            || !(type.StartsWith(GeneratedNamespace, StringComparison.Ordinal) || type.StartsWith(HandWrittenNamespace, StringComparison.Ordinal)
                 || (libraries && type.StartsWith(LibraryNamespace, StringComparison.Ordinal))))
        {
            return;
        }

        uint flags = Convert.ToUInt32(Payload(e, "MethodFlags") ?? 0u, System.Globalization.CultureInfo.InvariantCulture);
        string tier = Name((flags >> 7) & 0x7);
        tiers[(type, method)] = tier;
        if (tier is "Tier1" or "Tier1-OSR" or "FullOpts")
        {
            Interlocked.Increment(ref optimisedCompiles);
        }
    }

    static object? Payload(EventWrittenEventArgs e, string name)
    {
        int i = e.PayloadNames!.IndexOf(name);
        return i >= 0 ? e.Payload![i] : null;
    }

    // The runtime's JitOptimizationTier, as its events number it.
    static string Name(uint tier) => tier switch
    {
        1 => "MinOpts",
        2 => "FullOpts",
        3 => "Tier0",
        4 => "Tier1",
        5 => "Tier1-OSR",
        6 => "Tier0-instrumented",
        7 => "Tier1-instrumented",
        _ => "unknown",
    };
}
