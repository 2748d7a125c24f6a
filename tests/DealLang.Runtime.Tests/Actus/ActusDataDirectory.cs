using DealLang.TestSupport;

namespace DealLang.Runtime.Tests.Actus;

/// <summary>Where the ACTUS reference cases are: shared/data/actus beside the checkout (CI clones main with
/// shared/ beside it).</summary>
internal static class ActusDataDirectory
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        string? candidate = RepoPaths.Shared is { } shared ? System.IO.Path.Combine(shared, "data", "actus") : null;
        return candidate is not null && Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException(
                "ACTUS reference data not found: expected shared/data/actus beside the checkout at " + RepoPaths.Root
                + " (…/main and …/shared side by side).");
    }
}
