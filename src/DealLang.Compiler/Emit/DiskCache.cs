using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace DealLang.Compiler.Emit;

/// <summary>
/// The cache's entries on disk, one file per kind and key: compiled deals (<c>{key}.dlc</c>: <see cref="Payload"/>,
/// the program's type name, its generated C# and the assembly image, so a hit needs no emit) and checked runs
/// (<c>{key}.dlr</c>: <see cref="CheckedRunCache"/>, what <c>run</c> needs of a deal it checked before). Each is a
/// 32-byte HMAC-SHA256 tag, then the entry. The tag covers the kind, the key and the entry under the folder's
/// <see cref="CacheSecret"/>, so only an entry this user's DealLang wrote, whole and unchanged, is ever returned;
/// anything else (planted, truncated, bit-flipped, from an older format, of another kind) is reported, deleted and
/// rebuilt. Apart from that, best effort: a cache that cannot be read or written only costs a compilation. Writes go
/// to a temporary file moved into place, so a reader never sees half an entry.
/// </summary>
internal sealed class DiskCache
{
    /// <summary>The length of the HMAC-SHA256 tag that starts every entry.</summary>
    public const int TagLength = 32;

    /// <summary>A kind of entry: its file's extension and the label bound into its tag, so that an entry of another
    /// kind or format never authenticates as this one.</summary>
    internal sealed record Kind(string Extension, string Label, string Noun)
    {
        public static readonly Kind CompiledDeal = new(".dlc", "deallang-cache-entry-v2\n", "cached build");

        public static readonly Kind CheckedRun = new(".dlr", "deallang-checked-run-v1\n", "cached check");
    }

    private readonly byte[] secret;

    private readonly Action<string> warn;

    private DiskCache(string directory, byte[] secret, Action<string> warn)
    {
        Directory = directory;
        this.secret = secret;
        this.warn = warn;
    }

    public string Directory { get; }

    /// <summary>The cache in <paramref name="directory"/>, or null (after a warning, unless
    /// <paramref name="reportRefusal"/> is false) if that folder cannot be trusted or used: then the deal is compiled
    /// in memory only. <see cref="CheckedRunCache"/> does not report it: the compilation that follows does, once.</summary>
    public static DiskCache? Open(string directory, Action<string> warn, bool reportRefusal = true)
    {
        ArgumentNullException.ThrowIfNull(warn);
        string? refusal = CacheFolder.Prepare(directory);
        byte[]? secret = refusal is null ? CacheSecret.LoadOrCreate(directory) : null;
        if (refusal is null && secret is null)
        {
            refusal = $"its key file {CacheSecret.FileName} can be neither read nor created";
        }

        if (refusal is not null)
        {
            if (reportRefusal)
            {
                warn($"not using the compiled-deal cache {directory}: {refusal}; compiling in memory");
            }

            return null;
        }

        return new DiskCache(directory, secret!, warn);
    }

    public string PathFor(Kind kind, string key) => Path.Combine(Directory, key + kind.Extension);

    /// <summary>The cached deal, or null if absent, unreadable or not authentic (then deleted, with a warning).</summary>
    public CompiledDeal? TryRead(string key)
    {
        byte[]? entry = TryRead(Kind.CompiledDeal, key);
        if (entry is null)
        {
            return null;
        }

        if (Payload.Read(entry.AsSpan(TagLength), key) is { } deal)
        {
            return deal;
        }

        Discard(Kind.CompiledDeal, key);
        return null;
    }

    public void Write(CompiledDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Write(Kind.CompiledDeal, deal.CacheKey, Payload.Write(deal));
    }

    /// <summary>The authentic entry of <paramref name="kind"/> under <paramref name="key"/>, its tag first (the
    /// entry from <see cref="TagLength"/> on); null if absent, unreadable or not authentic (then deleted, with a
    /// warning).</summary>
    public byte[]? TryRead(Kind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        string path = PathFor(kind, key);
        byte[] entry;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            entry = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }

        if (entry.Length > TagLength
            && CryptographicOperations.FixedTimeEquals(entry.AsSpan(0, TagLength), Tag(kind, key, entry.AsSpan(TagLength))))
        {
            return entry;
        }

        Discard(kind, key);
        return null;
    }

    /// <summary>Reports and deletes an entry that is not what DealLang wrote (or, authentic, cannot be read: never,
    /// for an entry of this format).</summary>
    public void Discard(Kind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        string path = PathFor(kind, key);
        warn($"discarded the {kind.Noun} {path}: it failed authentication (truncated, corrupted or not written by DealLang); recompiling");
        CacheFolder.TryDelete(path);
    }

    /// <summary>Stores <paramref name="payload"/> as the entry of <paramref name="kind"/> under <paramref name="key"/>,
    /// replacing any.</summary>
    public void Write(Kind kind, string key, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(payload);
        string temporary = CacheFolder.TemporaryName(Directory, key);
        try
        {
            using (var stream = CacheFolder.CreatePrivateFile(temporary))
            {
                stream.Write(Tag(kind, key, payload));
                stream.Write(payload);
            }

            File.Move(temporary, PathFor(kind, key), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Another process may have written the same key meanwhile, or the disk is full: either way the
            // image in hand is still good.
        }
        finally
        {
            if (File.Exists(temporary))
            {
                CacheFolder.TryDelete(temporary);
            }
        }
    }

    /// <summary>HMAC-SHA256 over the kind's label, the key and the entry: binding the key stops a genuine entry of
    /// one deal from being replayed under another deal's name, and the label one kind's entry as another's.</summary>
    private byte[] Tag(Kind kind, string key, ReadOnlySpan<byte> payload)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.UTF8.GetBytes(kind.Label + key + "\n"));
        hmac.AppendData(payload);
        return hmac.GetHashAndReset();
    }

    /// <summary>An entry after its tag: the type name and the C# (UTF-8, each after its byte length as a 32-bit
    /// little-endian integer), then the image to the end.</summary>
    internal static class Payload
    {
        public static byte[] Write(CompiledDeal deal)
        {
            byte[] typeName = Encoding.UTF8.GetBytes(deal.TypeName);
            byte[] source = Encoding.UTF8.GetBytes(deal.Source);
            var payload = new byte[4 + typeName.Length + 4 + source.Length + deal.Image.Length];
            var rest = payload.AsSpan();
            foreach (byte[] field in (byte[][])[typeName, source])
            {
                BinaryPrimitives.WriteInt32LittleEndian(rest, field.Length);
                field.CopyTo(rest[4..]);
                rest = rest[(4 + field.Length)..];
            }

            deal.Image.CopyTo(rest);
            return payload;
        }

        /// <summary>The deal in an authenticated entry; null if its lengths do not add up (never, for an entry
        /// DealLang wrote).</summary>
        public static CompiledDeal? Read(ReadOnlySpan<byte> payload, string key)
        {
            if (!TryField(ref payload, out string? typeName) || !TryField(ref payload, out string? source) || payload.IsEmpty)
            {
                return null;
            }

            return new CompiledDeal(payload.ToArray(), typeName, key, source);
        }

        private static bool TryField(ref ReadOnlySpan<byte> rest, [NotNullWhen(true)] out string? value)
        {
            value = null;
            if (rest.Length < 4)
            {
                return false;
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(rest);
            if (length < 0 || length > rest.Length - 4)
            {
                return false;
            }

            value = Encoding.UTF8.GetString(rest.Slice(4, length));
            rest = rest[(4 + length)..];
            return true;
        }
    }
}
