namespace DealLang.TestSupport;

/// <summary>Folders of the checkout, found from the test binaries so tests run from any working directory.</summary>
public static class RepoPaths
{
    const string SolutionFile = "DealLang.sln";

    static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The folder holding <c>DealLang.sln</c>.</summary>
    public static string Root => root.Value;

    /// <summary><c>Root/examples</c>: the real-world deal files the baseline tests run.</summary>
    public static string Examples => Path.Combine(Root, "examples");

    /// <summary><c>Root/tests</c>.</summary>
    public static string Tests => Path.Combine(Root, "tests");

    /// <summary>
    /// <c>Root/../shared</c> when it exists. It sits beside the checkout only on some machines, so
    /// tests that need it skip rather than fail when this is null.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    // From the test binaries first; then from this source file, so builds with --artifacts-path outside the
    // checkout still find it (the compiler records the path of the source file it compiled).
    static string FindRoot() =>
        FindAbove(AppContext.BaseDirectory)
        ?? FindAbove(Path.GetDirectoryName(ThisSourceFile()) ?? "")
        ?? throw new InvalidOperationException(
            $"No {SolutionFile} above {AppContext.BaseDirectory} or this source file: run the tests from a checkout.");

    static string? FindAbove(string start)
    {
        for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    static string ThisSourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
