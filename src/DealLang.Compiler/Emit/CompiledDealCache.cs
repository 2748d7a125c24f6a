using System.Collections.Concurrent;

namespace DealLang.Compiler.Emit;

/// <summary>
/// The compiled-deal cache by key (<see cref="CacheKeys"/>): memory (this process), then disk
/// (<see cref="DiskCache"/>, authenticated entries). Kept apart from <see cref="RoslynCompiler"/> so that a hit
/// runs no code that names a Roslyn type: Roslyn's assemblies are loaded only on a miss.
/// </summary>
internal static class CompiledDealCache
{
    private static readonly ConcurrentDictionary<string, CompiledDeal> Memory = new(StringComparer.Ordinal);

    /// <summary>The deal cached under <paramref name="key"/>, or null; <paramref name="disk"/> is the disk cache to
    /// store a fresh compilation in (null if off or refused, after a warning).</summary>
    public static CompiledDeal? Find(string key, CompileOptions options, out DiskCache? disk)
    {
        disk = null;
        if (options.UseMemoryCache && Memory.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? directory = options.UseDiskCache ? options.ResolveCacheDirectory() : null;
        disk = directory is null ? null : DiskCache.Open(directory, options.Warn);
        return disk?.TryRead(key) is { } found ? Remember(found, options) : null;
    }

    /// <summary>Stores a fresh compilation and returns the instance to use (the one already in memory, if another
    /// thread stored the same key first).</summary>
    public static CompiledDeal Store(CompiledDeal compiled, CompileOptions options, DiskCache? disk)
    {
        disk?.Write(compiled);
        return Remember(compiled, options);
    }

    private static CompiledDeal Remember(CompiledDeal compiled, CompileOptions options) =>
        options.UseMemoryCache ? Memory.GetOrAdd(compiled.CacheKey, compiled) : compiled;
}
