using System.Security.Cryptography;
using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

/// <summary>
/// What <c>deallang run</c> needs of a deal it checked before, so that running an unchanged deal again reads no
/// grammar and checks nothing: each program's compiled-deal cache key and declared scenarios (the deal's; for a chain,
/// every entity's in run order, the deal's last), with the path and a SHA-256 of the text of every file that went into
/// them (the deal file and everything it imports). As ccache's direct mode does for a C file and its headers: the
/// entry is found by the deal file's path alone, and used only when every file it lists still holds the text it was
/// checked with; anything else is a miss, and the deal is read, checked and compiled as usual (which writes a new
/// entry). Checking is a function of those texts and of the compiler's build (<see cref="CacheKeys.Stamp"/>, in the
/// key), so the run is the one a fresh check would give, byte for byte. Only a deal that checked and compiled without
/// a single diagnostic and is run without scenario files is remembered: a warning is printed by the check on every
/// run, and scenario files are checked against the deal. The entries are authenticated like compiled deals'
/// (<see cref="DiskCache"/>, <c>{key}.dlr</c>): the files' count, each file's full path and the SHA-256 of its text
/// (lower-case hex), then the programs' count and each program's compiled-deal key and scenarios
/// (<see cref="ScenarioCodec"/>); each string as <see cref="BinaryWriter"/> writes one.
/// </summary>
public static class CheckedRunCache
{
    /// <summary>A deal's run as remembered: its programs in run order (a chain's entities, then the deal; a deal
    /// alone is one), each compiled with its declared scenarios, and the files it was checked from (full paths, the
    /// deal file first).</summary>
    public sealed record Hit(IReadOnlyList<(CompiledDeal Compiled, ScenarioSpec[] Scenarios)> Programs, IReadOnlyList<string> Files)
    {
        /// <summary>Whether the deal runs with other entities (a chain).</summary>
        public bool IsChain => Programs.Count > 1;
    }

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

        string key = CacheKeys.ForCheckedRun(dealPath);
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

        if (!run.Inputs.All(Unchanged))
        {
            return null;
        }

        var programs = new List<(CompiledDeal, ScenarioSpec[])>();
        foreach (CheckedProgram program in run.Programs)
        {
            if (CompiledDealCache.Find(program.CompiledKey, options, out _) is not { } compiled)
            {
                return null;
            }

            programs.Add((compiled, program.Scenarios));
        }

        return new Hit(programs, [.. run.Inputs.Select(input => input.Path)]);
    }

    /// <summary>Remembers <paramref name="result"/>, the compilation of the deal file at <paramref name="dealPath"/> (as
    /// given on the command line), and <paramref name="entities"/>, its chain's other entities compiled in run order
    /// (<see cref="DealCompiler.CompileEntities"/>; none for a deal alone), for <see cref="Find"/>, when it may be:
    /// compiled from files, with no diagnostic, no file beside the deal's own (scenario files), and cached on disk.</summary>
    public static void Store(string dealPath, Compilation compilation, CompileResult result, IReadOnlyList<CompileResult> entities, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(dealPath);
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(options);
        if (compilation.Diagnostics.Count > 0 || compilation.Model is not { } model || entities.Count != compilation.Entities.Count
            || CacheKeys.Inputs(compilation) is not { } inputs || inputs.Count != compilation.Units.Count
            || !options.UseDiskCache || options.ResolveCacheDirectory() is not { } directory)
        {
            return;
        }

        // Each program as its key says it was compiled: the entities' by their names, the deal's by its inputs alone.
        var programs = new List<CheckedProgram>();
        for (int e = 0; e <= entities.Count; e++)
        {
            (CompileResult compiled, DealModel declared, string? entity) = e < entities.Count
                ? (entities[e], compilation.Entities[e], compilation.Entities[e].Name)
                : (result, model, null);
            if (compiled.Compiled is not { } deal || compiled.Diagnostics.Count > 0 || CacheKeys.ForDeal(compilation, entity) != deal.CacheKey)
            {
                return;
            }

            programs.Add(new CheckedProgram(deal.CacheKey, [.. declared.Scenarios]));
        }

        if (DiskCache.Open(directory, options.Warn, reportRefusal: false) is not { } disk)
        {
            return;
        }

        var run = new CheckedRun(
            [.. inputs.Select(index => new CheckedInput(
                ImportPaths.Identity(compilation.Units[index].Span.Path ?? ""), TextHash(compilation.Texts[index])))],
            [.. programs]);
        disk.Write(DiskCache.Kind.CheckedRun, CacheKeys.ForCheckedRun(dealPath), Write(run));
    }

    internal static byte[] Write(CheckedRun run)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(run.Inputs.Length);
            foreach (CheckedInput input in run.Inputs)
            {
                writer.Write(input.Path);
                writer.Write(input.TextHash);
            }

            writer.Write(run.Programs.Length);
            foreach (CheckedProgram program in run.Programs)
            {
                writer.Write(program.CompiledKey);
                ScenarioCodec.Write(writer, program.Scenarios);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The entry in <paramref name="payload"/>; null if it is not one (never, for an authentic entry).</summary>
    internal static CheckedRun? Read(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            var inputs = new CheckedInput[Count(reader, payload)];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = new CheckedInput(reader.ReadString(), reader.ReadString());
            }

            var programs = new CheckedProgram[Count(reader, payload)];
            for (int p = 0; p < programs.Length; p++)
            {
                programs[p] = new CheckedProgram(reader.ReadString(), ScenarioCodec.Read(reader));
            }

            return reader.BaseStream.Position == payload.Length ? new CheckedRun(inputs, programs) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    // A count of at least one, each item taking at least a byte of what is left.
    private static int Count(BinaryReader reader, byte[] payload)
    {
        int count = reader.ReadInt32();
        return count >= 1 && count <= payload.Length - reader.BaseStream.Position ? count : throw new InvalidDataException($"a count of {count}");
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

/// <summary>A <see cref="CheckedRunCache"/> entry: the files the deal was checked from (the deal file first) and its
/// programs in run order (a chain's entities, then the deal).</summary>
internal sealed record CheckedRun(CheckedInput[] Inputs, CheckedProgram[] Programs);

/// <summary>A file a deal was checked from: its full path and the SHA-256 (lower-case hex) of its text.</summary>
internal sealed record CheckedInput(string Path, string TextHash);

/// <summary>A program of a checked run: its compiled deal's cache key and the scenarios its deal declares.</summary>
internal sealed record CheckedProgram(string CompiledKey, ScenarioSpec[] Scenarios);
