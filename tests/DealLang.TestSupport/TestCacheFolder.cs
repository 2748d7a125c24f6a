namespace DealLang.TestSupport;

/// <summary>
/// A temporary compiled-deal cache for one test assembly, so tests never write into the user's real cache
/// (~/.cache/deallang) and never read what a developer's runs left there. Each test project calls
/// <see cref="Use"/> from a module initializer, before any test compiles a deal.
/// </summary>
public static class TestCacheFolder
{
    /// <summary>Points <c>DEALLANG_CACHE_DIR</c> at a new temporary folder, deleted when the process exits.</summary>
    public static string Use(string project)
    {
        string path = Path.Combine(Path.GetTempPath(), "deallang-tests-" + project + "-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("DEALLANG_CACHE_DIR", path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless.
            }
        };
        return path;
    }
}
