namespace DealLang.Runtime.Tests.Actus;

/// <summary>
/// Finds <c>shared/data/actus</c>, which CI checks out beside the repository rather than inside it,
/// by walking up from the test assembly's directory.
/// </summary>
internal static class ActusDataDirectory
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        string start = AppContext.BaseDirectory;
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "actus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "ACTUS reference data not found: no directory above '" + start + "' contains shared/data/actus. "
            + "Check out the shared data beside the repository (…/main and …/shared side by side).");
    }
}
