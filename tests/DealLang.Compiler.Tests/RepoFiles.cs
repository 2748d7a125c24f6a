using System.Runtime.CompilerServices;

namespace DealLang.Compiler.Tests;

/// <summary>Files of the checkout that tests read (the docs they hold to the code).</summary>
internal static class RepoFiles
{
    /// <summary>The folder holding DealLang.sln: above the test binaries, or, when they are built outside the
    /// checkout (<c>--artifacts-path /tmp/...</c>), above this source file.</summary>
    public static string Root([CallerFilePath] string thisFile = "")
    {
        foreach (string? start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) })
        {
            for (DirectoryInfo? dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DealLang.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no DealLang.sln above {AppContext.BaseDirectory} or {thisFile}");
    }

    /// <summary>A file under docs/, which must exist.</summary>
    public static string Doc(string name)
    {
        string path = Path.Combine(Root(), "docs", name);
        Assert.True(File.Exists(path), $"{path} does not exist");
        return path;
    }
}
