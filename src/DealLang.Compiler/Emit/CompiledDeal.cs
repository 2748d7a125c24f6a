namespace DealLang.Compiler.Emit;

/// <summary>
/// A compiled deal: the assembly <paramref name="Image"/> to load (into a collectible context), the program
/// type inside it, the cache key it is stored under and the C# it was compiled from.
/// </summary>
public sealed record CompiledDeal(byte[] Image, string TypeName, string CacheKey, string Source);
