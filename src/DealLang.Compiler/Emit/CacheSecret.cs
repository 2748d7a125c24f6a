using System.Security.Cryptography;

namespace DealLang.Compiler.Emit;

/// <summary>
/// The per-user random key that authenticates cache entries (<c>secret.key</c>, 32 bytes, mode 0600, in the
/// cache folder). Cache keys are predictable (they are hashes of public source), so a file's name proves
/// nothing; only an HMAC under a key nobody else can read does.
/// </summary>
internal static class CacheSecret
{
    public const int Length = 32;

    public const string FileName = "secret.key";

    /// <summary>The folder's secret, created (atomically) if missing; a damaged or shared one is replaced, which
    /// only invalidates the entries made under it. Null if it can be neither read nor made.</summary>
    public static byte[]? LoadOrCreate(string directory)
    {
        string path = Path.Combine(directory, FileName);
        try
        {
            if (File.Exists(path))
            {
                byte[] existing = File.ReadAllBytes(path);
                if (existing.Length == Length && !CacheFolder.IsSharedFile(path))
                {
                    return existing;
                }

                return Write(path, overwrite: true);
            }

            return Write(path, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process created it between our look and our move: theirs is as good as ours.
            return TryReadValid(path);
        }
    }

    private static byte[] Write(string path, bool overwrite)
    {
        byte[] secret = RandomNumberGenerator.GetBytes(Length);
        string temporary = CacheFolder.TemporaryName(Path.GetDirectoryName(path)!, FileName);
        try
        {
            using (var stream = CacheFolder.CreatePrivateFile(temporary))
            {
                stream.Write(secret);
                stream.Flush(flushToDisk: true);
            }

            // Written in full under a temporary name, then moved: no reader ever sees half a key.
            File.Move(temporary, path, overwrite);
            return secret;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                CacheFolder.TryDelete(temporary);
            }
        }
    }

    private static byte[]? TryReadValid(string path)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            return bytes.Length == Length && !CacheFolder.IsSharedFile(path) ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
