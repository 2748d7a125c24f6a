using System.Security.Cryptography;
using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// The disk cache returns only what this user's DealLang wrote there: a planted assembly (a valid PE image, or
/// one with a forged tag), a truncated or bit-flipped entry is reported, never returned, and replaced by a
/// fresh compilation; a folder others may write to is not used at all.
/// </summary>
public sealed class CacheSecurityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-cache-security-" + Guid.NewGuid().ToString("N"));

    private readonly List<string> _warnings = [];

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.Delete(_directory, recursive: true);
        }
    }

    private CompileOptions DiskOnly => new() { CacheDirectory = _directory, UseMemoryCache = false, Warn = _warnings.Add };

    private static readonly EmittedDeal Hyperion = CSharpEmitter.Emit(HyperionModel.Create());

    /// <summary>The image compiled without any cache: what every run must get.</summary>
    private static readonly byte[] Genuine = CompileWith(Hyperion, new CompileOptions { UseDiskCache = false, UseMemoryCache = false }).Image;

    /// <summary>Hyperion with a static constructor that leaves a file behind: proof of having been loaded.</summary>
    private static byte[] Planted(string marker)
    {
        string className = Hyperion.TypeName[(Hyperion.TypeName.LastIndexOf('.') + 1)..];
        string constructor = $"    static {className}()\n    {{\n    }}\n"; // the generated one, empty
        Assert.Contains(constructor, Hyperion.Source, StringComparison.Ordinal);
        string evil = Hyperion.Source.Replace(constructor,
            $"    static {className}() {{ System.IO.File.WriteAllText(@\"{marker}\", \"planted\"); }}\n", StringComparison.Ordinal);
        return CompileWith(new EmittedDeal(evil, Hyperion.TypeName), new CompileOptions { UseDiskCache = false, UseMemoryCache = false }).Image;
    }

    private static CompiledDeal CompileWith(EmittedDeal deal, CompileOptions options)
    {
        var bag = new DiagnosticBag();
        var compiled = RoslynCompiler.Compile(deal, "hyperion.deal", bag, options);
        Assert.Empty(bag.Items);
        return Assert.IsType<CompiledDeal>(compiled);
    }

    private static byte[] ImageIn(byte[] entry) =>
        Assert.IsType<CompiledDeal>(DiskCache.Payload.Read(entry.AsSpan(DiskCache.TagLength), RoslynCompiler.CacheKey(Hyperion.Source))).Image;

    private string EntryPath => Path.Combine(_directory, RoslynCompiler.CacheKey(Hyperion.Source) + ".dlc");

    /// <summary>Fills the cache with a genuine entry (and makes its folder and secret).</summary>
    private byte[] GenuineEntry()
    {
        Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly).Image);
        Assert.Empty(_warnings);
        return File.ReadAllBytes(EntryPath);
    }

    private void AssertRejectedAndHealed(byte[] planted)
    {
        File.WriteAllBytes(EntryPath, planted);

        var compiled = CompileWith(Hyperion, DiskOnly);

        Assert.Equal(Genuine, compiled.Image);
        string warning = Assert.Single(_warnings);
        Assert.Contains("failed authentication", warning, StringComparison.Ordinal);
        Assert.Contains(EntryPath, warning, StringComparison.Ordinal);

        // Healed: the entry now holds the genuine image and is served silently.
        Assert.Equal(Genuine, ImageIn(File.ReadAllBytes(EntryPath)));
        _warnings.Clear();
        Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly).Image);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void APlantedAssemblyWithAValidHeaderIsNeverReturned()
    {
        GenuineEntry();
        string marker = Path.Combine(_directory, "loaded.marker");
        byte[] planted = Planted(marker);
        Assert.Equal((byte)'M', planted[0]);
        Assert.Equal((byte)'Z', planted[1]);

        AssertRejectedAndHealed(planted);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void APlantedAssemblyWithAForgedTagIsNeverReturned()
    {
        GenuineEntry();
        string marker = Path.Combine(_directory, "loaded.marker");
        byte[] image = Planted(marker);

        // A well-formed entry tagged under a key the attacker made up (they cannot read the user's).
        string key = RoslynCompiler.CacheKey(Hyperion.Source);
        byte[] payload = DiskCache.Payload.Write(new CompiledDeal(image, Hyperion.TypeName, key, Hyperion.Source));
        byte[] guessed = RandomNumberGenerator.GetBytes(32);
        byte[] label = Encoding.UTF8.GetBytes("deallang-cache-entry-v2\n" + key + "\n");
        byte[] message = [.. label, .. payload];
        byte[] tag = HMACSHA256.HashData(guessed, message);

        AssertRejectedAndHealed([.. tag, .. payload]);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void AGenuineEntryOfAnotherKeyIsNotAcceptedUnderThisOne()
    {
        GenuineEntry();
        var other = CSharpEmitter.Emit(HyperionModel.Create() with { Name = "Other" });
        CompileWith(other, DiskOnly);
        string otherEntry = Path.Combine(_directory, RoslynCompiler.CacheKey(other.Source) + ".dlc");

        AssertRejectedAndHealed(File.ReadAllBytes(otherEntry));
    }

    [Fact]
    public void ATruncatedEntryIsDiscardedAndRebuilt()
    {
        byte[] entry = GenuineEntry();
        AssertRejectedAndHealed(entry[..(entry.Length / 2)]);
    }

    [Theory]
    [InlineData(5)] // in the tag
    [InlineData(32 + 200)] // in the image
    [InlineData(-1)] // the last byte
    public void ABitFlippedEntryIsDiscardedAndRebuilt(int offset)
    {
        byte[] entry = GenuineEntry();
        entry[offset >= 0 ? offset : entry.Length - 1] ^= 0x01;
        AssertRejectedAndHealed(entry);
    }

    [Fact]
    public void TheFolderSecretAndEntriesArePrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // %LOCALAPPDATA% is private by its ACL; there are no Unix modes to check.
        }

        GenuineEntry();
        const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        Assert.Equal(ReadWrite, File.GetUnixFileMode(Path.Combine(_directory, "secret.key")));
        Assert.Equal(32, new FileInfo(Path.Combine(_directory, "secret.key")).Length);
        Assert.Equal(ReadWrite, File.GetUnixFileMode(EntryPath));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void AFolderOthersMayWriteToIsNotUsed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        File.SetUnixFileMode(_directory, (UnixFileMode)Convert.ToInt32("777", 8));
        string marker = Path.Combine(_directory, "loaded.marker");
        File.WriteAllBytes(EntryPath, Planted(marker));

        Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly).Image);

        string warning = Assert.Single(_warnings);
        Assert.Contains("writable by group or others (mode 0777)", warning, StringComparison.Ordinal);
        Assert.Contains("compiling in memory", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "secret.key")));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void AFileWhereTheFolderShouldBeIsNotUsed()
    {
        File.WriteAllText(_directory, "not a folder");
        try
        {
            Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly).Image);
            Assert.Contains("it is a file", Assert.Single(_warnings), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_directory);
        }
    }

    [Fact]
    public void ARelativeFolderIsNotUsed()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _directory);
        Assert.False(Path.IsPathFullyQualified(relative));

        Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly with { CacheDirectory = relative }).Image);

        string warning = Assert.Single(_warnings);
        Assert.Contains($"not using the compiled-deal cache {relative}: it is a relative path", warning, StringComparison.Ordinal);
        Assert.Contains("compiling in memory", warning, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void ADamagedSecretIsReplacedAndItsEntriesRebuilt()
    {
        GenuineEntry();
        File.WriteAllBytes(Path.Combine(_directory, "secret.key"), [1, 2, 3]);

        Assert.Equal(Genuine, CompileWith(Hyperion, DiskOnly).Image);

        Assert.Contains("failed authentication", Assert.Single(_warnings), StringComparison.Ordinal);
        Assert.Equal(32, new FileInfo(Path.Combine(_directory, "secret.key")).Length);
    }
}
