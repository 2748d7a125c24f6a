namespace DealLang.Benchmarks;

/// <summary>Files of the checkout, found by walking up to <c>DealLang.sln</c> so the suite runs from any working
/// directory.</summary>
public static class RepoFiles
{
    const string SolutionFile = "DealLang.sln";

    /// <summary>The deal every benchmark measures: the repository's flagship example.</summary>
    public static string HyperionPath => Path.Combine(Root(), "examples", "hyperion.deal");

    /// <summary>The GPU-fleet example (fleet, contracts, indices, delayed-draw floating-rate loans): the CoreWeave cases.</summary>
    public static string CoreWeavePath => Path.Combine(Root(), "examples", "coreweave-ddtl2.deal");

    /// <summary>The folder holding <c>DealLang.sln</c>: above the binaries (the normal case), else above the
    /// working directory (binaries built to an <c>--artifacts-path</c> outside the checkout).</summary>
    public static string Root() => Root(AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <summary>The folder holding <c>DealLang.sln</c> above <paramref name="binaries"/>, else above
    /// <paramref name="workingDirectory"/>; neither is a <see cref="UsageError"/> (exit 2, one line) naming both and
    /// what to do, not a stack trace: run from outside the checkout, binaries built elsewhere find no examples.</summary>
    public static string Root(string binaries, string workingDirectory) =>
        FindAbove(binaries)
        ?? FindAbove(workingDirectory)
        ?? throw new UsageError(
            $"no {SolutionFile} above the binaries ({binaries}) or the working directory ({workingDirectory}), so no examples to measure: run the benchmarks from inside the DealLang checkout");

    static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
