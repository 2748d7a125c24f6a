using System.Security.Cryptography;
using System.Text;

namespace DealLang.Compiler.Emit;

/// <summary>
/// Compiled deal images on disk, one file per cache key (<c>{key}.dlc</c>): a 32-byte HMAC-SHA256 tag, then the
/// assembly image. The tag covers the key and the image under the folder's <see cref="CacheSecret"/>, so only
/// an entry this user's DealLang wrote, whole and unchanged, is ever returned; anything else (planted,
/// truncated, bit-flipped, from an older format) is reported, deleted and recompiled. Apart from that, best
/// effort: a cache that cannot be read or written only costs a compilation. Writes go to a temporary file moved
/// into place, so a reader never sees half an entry.
/// </summary>
internal sealed class DiskCache
{
    private const int TagLength = 32;

    private readonly byte[] secret;

    private readonly Action<string> warn;

    private DiskCache(string directory, byte[] secret, Action<string> warn)
    {
        Directory = directory;
        this.secret = secret;
        this.warn = warn;
    }

    public string Directory { get; }

    /// <summary>The cache in <paramref name="directory"/>, or null (after a warning) if that folder cannot be
    /// trusted or used: then the deal is compiled in memory only.</summary>
    public static DiskCache? Open(string directory, Action<string> warn)
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
            warn($"not using the compiled-deal cache {directory}: {refusal}; compiling in memory");
            return null;
        }

        return new DiskCache(directory, secret!, warn);
    }

    public string PathFor(string key) => Path.Combine(Directory, key + ".dlc");

    /// <summary>The cached image, or null if absent, unreadable or not authentic (then deleted, with a warning).</summary>
    public byte[]? TryRead(string key)
    {
        string path = PathFor(key);
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
            && CryptographicOperations.FixedTimeEquals(entry.AsSpan(0, TagLength), Tag(key, entry.AsSpan(TagLength))))
        {
            return entry[TagLength..];
        }

        warn($"discarded the cached build {path}: it failed authentication (truncated, corrupted or not written by DealLang); recompiling");
        CacheFolder.TryDelete(path);
        return null;
    }

    public void Write(string key, byte[] image)
    {
        string temporary = CacheFolder.TemporaryName(Directory, key);
        try
        {
            using (var stream = CacheFolder.CreatePrivateFile(temporary))
            {
                stream.Write(Tag(key, image));
                stream.Write(image);
            }

            File.Move(temporary, PathFor(key), overwrite: true);
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

    /// <summary>HMAC-SHA256 over a format label, the key and the image: binding the key stops a genuine entry of
    /// one deal from being replayed under another deal's name.</summary>
    private byte[] Tag(string key, ReadOnlySpan<byte> image)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.UTF8.GetBytes("deallang-cache-entry-v1\n" + key + "\n"));
        hmac.AppendData(image);
        return hmac.GetHashAndReset();
    }
}
