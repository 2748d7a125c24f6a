using System.Runtime.CompilerServices;

namespace DealLang.Cli.Tests;

/// <summary>
/// Points the compiled-deal cache of every test in this assembly at a temporary folder of its own, so tests
/// never write into the user's real cache (~/.cache/deallang) and never read what a developer's runs left there.
/// </summary>
internal static class TestCacheFolder
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deallang-tests-Cli-" + Guid.NewGuid().ToString("N"));

#pragma warning disable CA2255 // A test assembly, not a library: it must run before any test compiles a deal.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DEALLANG_CACHE_DIR", Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless.
            }
        };
    }
}
