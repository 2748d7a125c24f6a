namespace DealLang.Compiler.Emit;

/// <summary>Where and whether <see cref="RoslynCompiler"/> caches compiled deals, and where its warnings go.</summary>
public sealed record CompileOptions
{
    /// <summary>The environment variable that overrides the default on-disk cache directory.</summary>
    public const string CacheDirectoryVariable = "DEALLANG_CACHE_DIR";

    /// <summary>The on-disk cache directory; null: <c>$DEALLANG_CACHE_DIR</c>, else the user's cache folder
    /// (<c>$XDG_CACHE_HOME/deallang</c>, <c>~/.cache/deallang</c>, <c>%LOCALAPPDATA%\\DealLang\\cache</c>).</summary>
    public string? CacheDirectory { get; init; }

    public bool UseDiskCache { get; init; } = true;

    /// <summary>The process-wide cache; off in tests that must see the disk cache at work.</summary>
    public bool UseMemoryCache { get; init; } = true;

    /// <summary>
    /// Receives one line per cache problem that was worked around (a folder refused, an entry discarded): not a
    /// diagnostic of the deal, but the user should know why a run was slower or what to fix. Default: dropped.
    /// </summary>
    public Action<string> Warn { get; init; } = _ => { };

    public static CompileOptions Default { get; } = new();

    /// <summary>The directory the disk cache uses under these options; null if there is none (no home folder).</summary>
    public string? ResolveCacheDirectory() => ResolveCacheDirectory(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="ResolveCacheDirectory()"/>, reading variables through <paramref name="variable"/>
    /// (tests, which must not change the process environment other tests compile under).</summary>
    internal string? ResolveCacheDirectory(Func<string, string?> variable)
    {
        if (!string.IsNullOrWhiteSpace(CacheDirectory))
        {
            return CacheDirectory;
        }

        string? fromEnvironment = variable(CacheDirectoryVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? CacheFolder.UserDefault(variable) : fromEnvironment;
    }
}
