using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Snapshots;

public class RepoPathsTests
{
    [Fact]
    public void RootIsTheFolderHoldingTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "DealLang.sln")));
        Assert.Equal(Path.Combine(RepoPaths.Root, "tests"), RepoPaths.Tests);
        Assert.Equal(Path.Combine(RepoPaths.Root, "examples"), RepoPaths.Examples);
        Assert.True(Directory.Exists(RepoPaths.Tests));
    }

    [Fact]
    public void SharedIsBesideTheCheckoutOrNull()
    {
        var shared = RepoPaths.Shared;
        if (shared is not null)
        {
            Assert.True(Directory.Exists(shared));
            Assert.Equal(Path.GetDirectoryName(RepoPaths.Root), Path.GetDirectoryName(shared));
        }
    }
}
