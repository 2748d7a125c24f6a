using System.Runtime.CompilerServices;

namespace DealLang.Cli.Tests;

/// <summary>Every test in this assembly compiles into a temporary cache of its own (TestSupport.TestCacheFolder).</summary>
internal static class TestCacheFolder
{
#pragma warning disable CA2255 // A test assembly, not a library: it must run before any test compiles a deal.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => DealLang.TestSupport.TestCacheFolder.Use("Cli");
}
