namespace DealLang.Compiler.Emit;

/// <summary>
/// Compiled deal images on disk, one file per cache key (<c>{key}.dll</c>). Best effort throughout: a cache
/// that cannot be read or written only costs a recompilation, so its I/O errors are swallowed. Writes go to a
/// temporary file that is then moved into place, so a reader never sees half an image.
/// </summary>
internal sealed class DiskCache(string directory)
{
    public string Directory { get; } = directory;

    public string PathFor(string key) => Path.Combine(Directory, key + ".dll");

    /// <summary>The cached image, or null if absent, unreadable or not a PE image (starts with "MZ").</summary>
    public byte[]? TryRead(string key)
    {
        try
        {
            string path = PathFor(key);
            if (!File.Exists(path))
            {
                return null;
            }

            byte[] bytes = File.ReadAllBytes(path);
            return bytes.Length > 2 && bytes[0] == (byte)'M' && bytes[1] == (byte)'Z' ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public void Write(string key, byte[] image)
    {
        string? temporary = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            temporary = Path.Combine(Directory, key + "." + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, PathFor(key), overwrite: true);
            temporary = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Another process may have written the same key meanwhile, or the disk is read-only: either way the
            // image in hand is still good.
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover temporary files are harmless.
        }
    }
}
