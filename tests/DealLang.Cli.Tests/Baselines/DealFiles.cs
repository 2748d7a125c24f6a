using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Baselines;

/// <summary>The deal files baseline tests run over, named by repository-relative path so baselines and
/// diagnostics read the same on every machine.</summary>
internal static class DealFiles
{
    public static IEnumerable<string> Under(string relativeFolder) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, relativeFolder), "*.deal")
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));

    /// <summary>A baseline name from a file path: examples/hyperion.deal → hyperion.</summary>
    public static string Stem(string relativePath) => Path.GetFileNameWithoutExtension(relativePath);

    public static TheoryData<string> Theory(params string[] relativeFolders)
    {
        var data = new TheoryData<string>();
        foreach (var file in relativeFolders.SelectMany(Under))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>Every deal that compiles and runs: the examples, then the valid corpus.</summary>
    public static TheoryData<string> Runnable() => Theory("examples", "tests/corpus/valid");
}
