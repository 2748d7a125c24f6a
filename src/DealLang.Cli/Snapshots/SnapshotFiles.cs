using System.Text;
using DealLang.Compiler;

namespace DealLang.Cli.Snapshots;

/// <summary>
/// The snapshot files of one scenario of one deal, beside the deal, with Verify's naming:
/// <c>&lt;deal&gt;.&lt;scenario&gt;.ledger.verified.csv</c> and <c>&lt;deal&gt;.&lt;scenario&gt;.summary.verified.txt</c>
/// (committed), and their <c>.received.</c> twins (written by a run that differs; git-ignore them). The deal part
/// is the file's name without <c>.deal</c>; for an entity a chain imports, followed by the entity's name
/// (<c>terawulf.LakeMariner.Base.ledger.verified.csv</c>).
/// </summary>
internal sealed record SnapshotFiles(string Folder, string Stem, string Scenario)
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static SnapshotFiles For(string dealPath, string scenario, string? entity = null) =>
        new(Path.GetDirectoryName(Path.GetFullPath(dealPath))!, Path.GetFileNameWithoutExtension(dealPath) + (entity is null ? "" : "." + entity), scenario);

    public string Ledger(string state) => Path.Combine(Folder, $"{Stem}.{Scenario}.ledger.{state}.csv");

    public string Summary(string state) => Path.Combine(Folder, $"{Stem}.{Scenario}.summary.{state}.txt");

    public const string Verified = "verified";
    public const string Received = "received";

    /// <summary>A snapshot's text with LF line ends and one final LF, so Git's line-end conversions do not show as a difference.</summary>
    public static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    /// <summary>The most a snapshot file may hold: a ledger of a thousand entities' monthly columns over thirty years
    /// is tens of megabytes; more is not a snapshot (a link to <c>/dev/zero</c> read until memory ran out).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>A verified snapshot's text, or null when there is none; what is there but cannot be a snapshot (a
    /// folder, a device or a pipe, more than <see cref="MaxBytes"/>, a file the system will not let us read) is a
    /// usage error naming it.</summary>
    public static string? ReadIfPresent(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path} is a folder, not a snapshot file; move it away");
        }

        if (!File.Exists(path))
        {
            return null;
        }

        if (StreamPaths.IsStream(path))
        {
            throw new UsageException($"{path} is a device or a pipe (a FIFO, or a path under /dev or /proc, or a link to one), not a snapshot file");
        }

        try
        {
            byte[] bytes = DiskSourceFiles.ReadAtMost(path, MaxBytes)
                ?? throw new UsageException($"{path} holds more than {MaxBytes / (1024 * 1024)} MiB, more than any snapshot; is it the right file?");
            using var reader = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
            return Normalise(reader.ReadToEnd());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {DealLang.Compiler.DiskSourceFiles.SystemReason(e)}", e);
        }
    }

    public static void DeleteIfPresent(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot delete {path}: {e.Message.TrimEnd('.')}", e);
        }
    }
}
