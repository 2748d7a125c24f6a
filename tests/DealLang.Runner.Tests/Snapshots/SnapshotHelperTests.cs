using DealLang.TestSupport;
using Xunit.Sdk;

namespace DealLang.Runner.Tests.Snapshots;

// Each test works in its own temp folder through the internal overload, so nothing here reads
// DEALLANG_ACCEPT (which would race other tests) or leaves files in the checkout.
public sealed class SnapshotHelperTests : IDisposable
{
    const string Stem = "Sample.Case";

    readonly string directory = Path.Combine(Path.GetTempPath(), "deallang-snapshot-" + Guid.NewGuid().ToString("N"));

    string VerifiedPath => Path.Combine(directory, Stem + ".verified.txt");

    string ReceivedPath => Path.Combine(directory, Stem + ".received.txt");

    public SnapshotHelperTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void MatchPassesAndWritesNothing()
    {
        File.WriteAllText(VerifiedPath, "alpha\nbeta\n");
        var written = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(VerifiedPath, written);

        Snapshot.Verify("alpha\nbeta\n", directory, Stem, "txt", accept: false);
        Snapshot.Verify("alpha\nbeta\n", directory, Stem, "txt", accept: true);

        Assert.Equal([VerifiedPath], Directory.GetFiles(directory));
        Assert.Equal(written, File.GetLastWriteTimeUtc(VerifiedPath));
    }

    [Fact]
    public void LineEndingsAndTrailingNewlinesDoNotCount()
    {
        File.WriteAllText(VerifiedPath, "alpha\r\nbeta\r\n");

        Snapshot.Verify("alpha\nbeta", directory, Stem, "txt", accept: false);
        Snapshot.Verify("alpha\rbeta\n\n\n", directory, Stem, "txt", accept: false);

        Assert.Equal("alpha\r\nbeta\r\n", File.ReadAllText(VerifiedPath));
    }

    [Fact]
    public void MismatchWritesReceivedAndFailsWithTheAcceptCommand()
    {
        File.WriteAllText(VerifiedPath, "alpha\nbeta\ngamma\n");

        var failure = Assert.Throws<FailException>(
            () => Snapshot.Verify("alpha\nBETA\ngamma", directory, Stem, "txt", accept: false));

        Assert.Equal("alpha\nBETA\ngamma\n", File.ReadAllText(ReceivedPath));
        Assert.Equal("alpha\nbeta\ngamma\n", File.ReadAllText(VerifiedPath));
        Assert.Contains(VerifiedPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains(ReceivedPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected: \"beta\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   \"BETA\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DEALLANG_ACCEPT=1 dotnet test", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/accept-baselines.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShorterOutputIsReportedAsEndOfFile()
    {
        File.WriteAllText(VerifiedPath, "alpha\nbeta\n");

        var failure = Assert.Throws<FailException>(
            () => Snapshot.Verify("alpha", directory, Stem, "txt", accept: false));

        Assert.Contains("line 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   <end of file>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBaselineFailsAndWritesReceived()
    {
        var nested = Path.Combine(directory, "Snapshots");

        var failure = Assert.Throws<FailException>(
            () => Snapshot.Verify("first run", nested, Stem, "csv", accept: false));

        var received = Path.Combine(nested, Stem + ".received.csv");
        Assert.Equal("first run\n", File.ReadAllText(received));
        Assert.False(File.Exists(Path.Combine(nested, Stem + ".verified.csv")));
        Assert.Contains("missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains(received, failure.Message, StringComparison.Ordinal);
        Assert.Contains("DEALLANG_ACCEPT=1 dotnet test", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptWritesVerifiedAndRemovesStaleReceived()
    {
        File.WriteAllText(VerifiedPath, "old\n");
        File.WriteAllText(ReceivedPath, "older still\n");

        Snapshot.Verify("new\r\n", directory, Stem, "txt", accept: true);

        Assert.Equal("new\n", File.ReadAllText(VerifiedPath));
        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void AcceptCreatesAMissingBaseline()
    {
        var nested = Path.Combine(directory, "Snapshots");

        Snapshot.Verify("first run", nested, Stem, "txt", accept: true);

        Assert.Equal("first run\n", File.ReadAllText(Path.Combine(nested, Stem + ".verified.txt")));
        Assert.Single(Directory.GetFiles(nested));
    }

    [Fact]
    public void PassingComparisonRemovesStaleReceived()
    {
        File.WriteAllText(VerifiedPath, "same\n");
        File.WriteAllText(ReceivedPath, "a failed run's output\n");

        Snapshot.Verify("same", directory, Stem, "txt", accept: false);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void FilesFollowVerifyNaming()
    {
        var source = Path.Combine(directory, "BaselineTests.cs");

        Assert.Equal(Path.Combine(directory, "Snapshots"), Snapshot.DirectoryFor(source));
        Assert.Equal("BaselineTests.hyperion-Base", Snapshot.FileStem(source, "hyperion-Base"));
    }

    [Fact]
    public void PathMappedSourceIsRejected()
    {
        Assert.Throws<InvalidOperationException>(() => Snapshot.DirectoryFor("/_/tests/Foo/FooTests.cs"));
        Assert.Throws<InvalidOperationException>(() => Snapshot.DirectoryFor(""));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a:b")]
    [InlineData("")]
    public void NamesThatAreNotPortableFileNamesAreRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Snapshot.FileStem("/x/Tests.cs", name));
    }

    [Fact]
    public void PublicOverloadFindsTheBaselineBesideThisFile()
    {
        // Checked in at Snapshots/SnapshotHelperTests.PublicOverloadFindsTheBaselineBesideThisFile.verified.txt.
        Snapshot.Verify("A baseline found through [CallerFilePath] and [CallerMemberName].\n");
    }
}
