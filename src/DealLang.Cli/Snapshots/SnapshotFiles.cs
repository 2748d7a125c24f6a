using System.Text;

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

    public static string? ReadIfPresent(string path) => File.Exists(path) ? Normalise(File.ReadAllText(path)) : null;

    public static void Write(string path, string text) => File.WriteAllText(path, Normalise(text), Utf8);

    public static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
