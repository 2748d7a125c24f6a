using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;

namespace DealLang.Compiler.Tests.Emit;

public sealed class RoslynCompilerTests : IDisposable
{
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "deallang-test-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }

    private CompileOptions DiskOnly => new() { CacheDirectory = _cacheDirectory, UseMemoryCache = false };

    private static CompiledDeal Compile(EmittedDeal deal, CompileOptions options)
    {
        var bag = new DiagnosticBag();
        var compiled = RoslynCompiler.Compile(deal, "hyperion.deal", bag, options);
        Assert.Empty(bag.Items);
        return Assert.IsType<CompiledDeal>(compiled);
    }

    [Fact]
    public void SameSourceGivesTheSameKeyAndTheSameBytes()
    {
        var deal = CSharpEmitter.Emit(HyperionModel.Create());
        var uncached = new CompileOptions { UseMemoryCache = false, UseDiskCache = false };

        var first = Compile(deal, uncached);
        var second = Compile(deal, uncached);

        // Two real compilations (no cache involved): deterministic compilation gives identical images.
        Assert.Equal(first.CacheKey, second.CacheKey);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal(64, first.CacheKey.Length);
        Assert.Equal(RoslynCompiler.CacheKey(deal.Source), first.CacheKey);
        Assert.Equal(deal.Source, first.Source);
        Assert.Equal(deal.TypeName, first.TypeName);
    }

    [Fact]
    public void DifferentSourceGivesADifferentKey()
    {
        var a = CSharpEmitter.Emit(HyperionModel.Create());
        var b = CSharpEmitter.Emit(HyperionModel.Create(title: "Hyperion II"));

        Assert.NotEqual(RoslynCompiler.CacheKey(a.Source), RoslynCompiler.CacheKey(b.Source));
        Assert.NotEqual(RoslynCompiler.CacheKey(a.Source), RoslynCompiler.CacheKey(a.Source + " "));
    }

    [Fact]
    public void TheMemoryCacheReturnsTheSameCompiledDeal()
    {
        var deal = CSharpEmitter.Emit(HyperionModel.Create(title: "memory cache test"));
        var memoryOnly = new CompileOptions { UseDiskCache = false };

        var first = Compile(deal, memoryOnly);
        var second = Compile(deal, memoryOnly);

        Assert.Same(first, second);
    }

    [Fact]
    public void TheDiskCacheIsWrittenAndThenReadInsteadOfCompiling()
    {
        var deal = CSharpEmitter.Emit(HyperionModel.Create());
        var compiled = Compile(deal, DiskOnly);
        string file = Path.Combine(_cacheDirectory, compiled.CacheKey + ".dlc");
        Assert.Equal(compiled, ReadEntry(file, compiled.CacheKey), CompiledDealComparer.Instance); // after the 32-byte HMAC tag
        Assert.Empty(Directory.GetFiles(_cacheDirectory, "*.tmp"));

        // Store a recognisable entry the way the cache does (authenticated under the folder's secret): getting it
        // back proves the second call read the disk.
        byte[] planted = [(byte)'M', (byte)'Z', 1, 2, 3];
        DiskCache.Open(_cacheDirectory, _ => { })!.Write(compiled with { Image = planted });
        Assert.Equal(planted, Compile(deal, DiskOnly).Image);
    }

    [Fact]
    public void AnUnreadableCacheEntryIsIgnoredAndReplaced()
    {
        var deal = CSharpEmitter.Emit(HyperionModel.Create());
        var compiled = Compile(deal, DiskOnly);
        string file = Path.Combine(_cacheDirectory, compiled.CacheKey + ".dlc");
        File.WriteAllBytes(file, [0x00, 0x01]);

        var again = Compile(deal, DiskOnly);

        Assert.Equal(compiled.Image, again.Image);
        Assert.Equal(compiled.Image, ReadEntry(file, compiled.CacheKey).Image);
    }

    [Fact]
    public void AnEntryHoldsTheTypeNameTheSourceAndTheImage()
    {
        var deal = new CompiledDeal([(byte)'M', (byte)'Z', 0, 255], "DealLang.Generated.Deal_Ünïcode", "key", "// C# ✓\n");

        var read = DiskCache.Payload.Read(DiskCache.Payload.Write(deal), "key");

        Assert.Equal(deal, read, CompiledDealComparer.Instance);
        Assert.Null(DiskCache.Payload.Read([1, 0, 0], "key"));
        Assert.Null(DiskCache.Payload.Read([255, 255, 255, 127, 1, 2], "key"));
        Assert.Null(DiskCache.Payload.Read(DiskCache.Payload.Write(deal with { Image = [] }), "key"));
    }

    private static CompiledDeal ReadEntry(string file, string key) =>
        Assert.IsType<CompiledDeal>(DiskCache.Payload.Read(File.ReadAllBytes(file).AsSpan(DiskCache.TagLength), key));

    /// <summary>Records compare arrays by reference; entries are compared by content.</summary>
    private sealed class CompiledDealComparer : IEqualityComparer<CompiledDeal?>
    {
        public static readonly CompiledDealComparer Instance = new();

        public bool Equals(CompiledDeal? x, CompiledDeal? y) =>
            x is not null && y is not null && x.Image.AsSpan().SequenceEqual(y.Image) && x.TypeName == y.TypeName
            && x.CacheKey == y.CacheKey && x.Source == y.Source;

        public int GetHashCode(CompiledDeal? obj) => obj?.TypeName.GetHashCode(StringComparison.Ordinal) ?? 0;
    }

    [Fact]
    public void CacheDirectoryComesFromTheOptionThenTheEnvironmentThenTheUsersCacheFolder()
    {
        // Variables are passed in, not set: other tests compile concurrently under the process environment.
        static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
            name => set.FirstOrDefault(v => v.Name == name).Value;

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine(home, ".cache", "deallang"), new CompileOptions().ResolveCacheDirectory(Variables()));
            Assert.Equal("/xdg/deallang", new CompileOptions().ResolveCacheDirectory(Variables(("XDG_CACHE_HOME", "/xdg"))));
            Assert.Equal(Path.Combine(home, ".cache", "deallang"), new CompileOptions().ResolveCacheDirectory(Variables(("XDG_CACHE_HOME", "relative"))));
        }

        Assert.Equal("/from/env", new CompileOptions().ResolveCacheDirectory(Variables((CompileOptions.CacheDirectoryVariable, "/from/env"))));
        Assert.Equal("/from/option", new CompileOptions { CacheDirectory = "/from/option" }.ResolveCacheDirectory(Variables((CompileOptions.CacheDirectoryVariable, "/from/env"))));
    }

    [Fact]
    public void GeneratedCodeThatDoesNotCompileIsAnInternalDiagnostic()
    {
        var broken = new EmittedDeal("namespace DealLang.Generated; public sealed class Deal_X { int M() => \"no\"; }", "DealLang.Generated.Deal_X");
        var bag = new DiagnosticBag();

        var compiled = RoslynCompiler.Compile(broken, "x.deal", bag, new CompileOptions { UseDiskCache = false });

        Assert.Null(compiled);
        var diagnostic = Assert.Single(bag.Items);
        Assert.Equal("DL0901", diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.StartsWith("x.deal(1,1): error DL0901: internal error", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("CS0029", diagnostic.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ExampleDeals() =>
        [.. Directory.GetFiles(DealLang.TestSupport.RepoPaths.Examples, "*.deal").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public void WithoutTheNullableAnalysisTheImageIsTheSameByteForByte(string deal)
    {
        // A user's compile skips Roslyn's nullable analysis (it only warns); the image must not notice. Each entity of
        // a chain too.
        string path = Path.Combine(DealLang.TestSupport.RepoPaths.Examples, deal);
        var compilation = Compilation.Create(SourceDocument.FromText(path, File.ReadAllText(path)), DiskSourceFiles.Instance);
        var models = compilation.Entities.Append(compilation.Model!).ToList();
        string Key = new('0', 64); // names the assembly; the same for both
        foreach (var model in models)
        {
            var emitted = CSharpEmitter.Emit(model);
            byte[] analysed = Image(RoslynCompiler.CreateCompilation(emitted, Key, nullableAnalysis: true));
            byte[] unanalysed = Image(RoslynCompiler.CreateCompilation(emitted, Key, nullableAnalysis: false));
            Assert.True(analysed.AsSpan().SequenceEqual(unanalysed), $"{model.Name}: the images differ");
        }

        static byte[] Image(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
        {
            using var stream = new MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return stream.ToArray();
        }
    }

    [Fact]
    public void AUsersCompileRunsNoNullableAnalysisAndTheTestsCompileDoes()
    {
        // A dereference of a maybe-null string: the analysis warns (CS8602); without it, nothing does.
        var deal = new EmittedDeal("#nullable enable\nnamespace N;\npublic static class C { public static int F(string? s) => s.Length; }\n", "N.C");
        static IEnumerable<string> Warnings(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation) =>
            compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(d => d.Id);

        Assert.Equal(["CS8602"], Warnings(RoslynCompiler.CreateCompilation(deal, new string('0', 64))));
        Assert.Empty(Warnings(RoslynCompiler.CreateCompilation(deal, new string('0', 64), nullableAnalysis: false)));
    }

    [Fact]
    public void TheReferenceListIsFixed()
    {
        var names = RoslynCompiler.References.Select(r => Path.GetFileName(r.Display)).ToList();

        Assert.Equal(["System.Private.CoreLib.dll", "System.Runtime.dll", "DealLang.Runtime.dll"], names);
    }
}
