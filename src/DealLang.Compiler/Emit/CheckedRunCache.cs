using System.Security.Cryptography;
using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

/// <summary>
/// What <c>deallang run</c> needs of a deal it checked before, so that running an unchanged deal again reads no
/// grammar and checks nothing: the compiled deal's cache key and the scenarios the deal declares, with the path and a
/// SHA-256 of the text of every file that went into them (the deal file and everything it imports). As ccache's
/// direct mode does for a C file and its headers: the entry is found by the deal file's path alone, and used only
/// when every file it lists still holds the text it was checked with; anything else is a miss, and the deal is read,
/// checked and compiled as usual (which writes a new entry). Checking is a function of those texts and of the
/// compiler's build (<see cref="CacheKeys.Stamp"/>, in the key), so the run is the one a fresh check would give, byte
/// for byte. Only a deal that checked without a single diagnostic, runs alone (no chain of entities) and is run without
/// scenario files is remembered: a warning is printed by the check on every run, and scenario files are checked
/// against the deal. The entries are authenticated like compiled deals' (<see cref="DiskCache"/>, <c>{key}.dlr</c>):
/// the compiled deal's key, the files (full path and the SHA-256 of the text, lower-case hex), each string as
/// <see cref="BinaryWriter"/> writes one and the files after their count, then the scenarios (<see cref="ScenarioCodec"/>).
/// </summary>
public static class CheckedRunCache
{
    /// <summary>A deal's run as remembered: its compiled program and its declared scenarios (the model's
    /// <c>Scenarios</c>), and the files it was checked from (full paths, the deal file first).</summary>
    public sealed record Hit(CompiledDeal Compiled, ScenarioSpec[] Scenarios, IReadOnlyList<string> Files);

    /// <summary>The run remembered for the deal file at <paramref name="dealPath"/> (as given on the command line),
    /// or null: none remembered, a file changed or unreadable, the compiled deal gone from the cache, the disk cache
    /// off or refused.</summary>
    public static Hit? Find(string dealPath, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(dealPath);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseDiskCache || options.ResolveCacheDirectory() is not { } directory || DiskCache.Open(directory, options.Warn, reportRefusal: false) is not { } disk)
        {
            return null;
        }

        string key = KeyFor(dealPath);
        if (disk.TryRead(DiskCache.Kind.CheckedRun, key) is not { } entry)
        {
            return null;
        }

        CheckedRun? run = Read(entry.AsSpan(DiskCache.TagLength).ToArray());
        if (run is null)
        {
            disk.Discard(DiskCache.Kind.CheckedRun, key); // authentic but unreadable: never, for an entry of this format
            return null;
        }

        if (!run.Inputs.All(Unchanged) || CompiledDealCache.Find(run.CompiledKey, options, out _) is not { } compiled)
        {
            return null;
        }

        return new Hit(compiled, run.Scenarios, [.. run.Inputs.Select(input => input.Path)]);
    }

    /// <summary>Remembers <paramref name="result"/>, the compilation of the deal file at <paramref name="dealPath"/> (as
    /// given on the command line), for <see cref="Find"/>, when it may be: compiled from files, with no diagnostic, no
    /// chain and no file beside the deal's own (scenario files), and cached on disk.</summary>
    public static void Store(string dealPath, Compilation compilation, CompileResult result, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(dealPath);
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (result.Compiled is not { } compiled || result.Diagnostics.Count > 0 || compilation.Diagnostics.Count > 0
            || compilation.Entities.Count > 0 || compilation.Model is not { } model
            || CacheKeys.ForDeal(compilation) != compiled.CacheKey
            || CacheKeys.Inputs(compilation) is not { } inputs || inputs.Count != compilation.Units.Count
            || !options.UseDiskCache || options.ResolveCacheDirectory() is not { } directory || DiskCache.Open(directory, options.Warn, reportRefusal: false) is not { } disk)
        {
            return;
        }

        var run = new CheckedRun(
            compiled.CacheKey,
            [.. inputs.Select(index => new CheckedInput(
                ImportPaths.Identity(compilation.Units[index].Span.Path ?? ""), TextHash(compilation.Texts[index])))],
            [.. model.Scenarios]);
        disk.Write(DiskCache.Kind.CheckedRun, KeyFor(dealPath), Write(run));
    }

    internal static byte[] Write(CheckedRun run)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(run.CompiledKey);
            writer.Write(run.Inputs.Length);
            foreach (CheckedInput input in run.Inputs)
            {
                writer.Write(input.Path);
                writer.Write(input.TextHash);
            }

            ScenarioCodec.Write(writer, run.Scenarios);
        }

        return bytes.ToArray();
    }

    /// <summary>The entry in <paramref name="payload"/>; null if it is not one (never, for an authentic entry).</summary>
    internal static CheckedRun? Read(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            string compiledKey = reader.ReadString();
            int count = reader.ReadInt32();
            if (count <= 0 || count > payload.Length)
            {
                return null;
            }

            var inputs = new CheckedInput[count];
            for (int i = 0; i < count; i++)
            {
                inputs[i] = new CheckedInput(reader.ReadString(), reader.ReadString());
            }

            ScenarioSpec[] scenarios = ScenarioCodec.Read(reader);
            return reader.BaseStream.Position == payload.Length ? new CheckedRun(compiledKey, inputs, scenarios) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The entry's key: the compiler's build, the deal file's path as given and its full path (which holds the
    /// working directory the given path is read from).</summary>
    internal static string KeyFor(string dealPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string field in (string[])[CacheKeys.Stamp, "checked-run", dealPath, ImportPaths.Identity(dealPath)])
        {
            byte[] bytes = Encoding.UTF8.GetBytes(field);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether the file still holds the text it was checked with, decoded as the compiler reads it
    /// (<see cref="DealText"/>; bytes that are not UTF-8 were a diagnostic, so such a file is changed).</summary>
    private static bool Unchanged(CheckedInput input)
    {
        SourceFileRead read = DiskSourceFiles.Instance.Read(input.Path);
        if (read.Problem != SourceFileProblem.None || read.Bytes is null)
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        string text = DealText.Decode(input.Path, read.Bytes, diagnostics);
        return diagnostics.Items.Count == 0 && TextHash(text) == input.TextHash;
    }

    private static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A <see cref="CheckedRunCache"/> entry: the compiled deal's cache key, the files the deal was checked from
/// (the deal file first) and the scenarios it declares.</summary>
internal sealed record CheckedRun(string CompiledKey, CheckedInput[] Inputs, ScenarioSpec[] Scenarios);

/// <summary>A file a deal was checked from: its full path and the SHA-256 (lower-case hex) of its text.</summary>
internal sealed record CheckedInput(string Path, string TextHash);
