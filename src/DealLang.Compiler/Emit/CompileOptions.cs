namespace DealLang.Compiler.Emit;

/// <summary>Where and whether <see cref="RoslynCompiler"/> caches compiled deals.</summary>
public sealed record CompileOptions
{
    /// <summary>The environment variable that overrides the default on-disk cache directory.</summary>
    public const string CacheDirectoryVariable = "DEALLANG_CACHE_DIR";

    /// <summary>The on-disk cache directory; null: <c>$DEALLANG_CACHE_DIR</c>, else <c>{temp}/deallang-cache</c>.</summary>
    public string? CacheDirectory { get; init; }

    public bool UseDiskCache { get; init; } = true;

    /// <summary>The process-wide cache; off in tests that must see the disk cache at work.</summary>
    public bool UseMemoryCache { get; init; } = true;

    public static CompileOptions Default { get; } = new();

    /// <summary>The directory the disk cache uses under these options.</summary>
    public string ResolveCacheDirectory()
    {
        if (!string.IsNullOrWhiteSpace(CacheDirectory))
        {
            return CacheDirectory;
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(CacheDirectoryVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(Path.GetTempPath(), "deallang-cache")
            : fromEnvironment;
    }
}
