namespace DealLang.Cli.Commands;

/// <summary>What <c>deallang mc --paths-out FILE</c> writes, chosen by FILE's extension (docs/cli.md, "mc"): a
/// <c>paths.csv</c> written as Parquet opened in a spreadsheet as garbage, silently.</summary>
internal enum PathsFormat
{
    /// <summary><c>.parquet</c>: typed columns (<see cref="PathsParquet"/>).</summary>
    Parquet,

    /// <summary><c>.csv</c>: RFC 4180 text (<see cref="PathsCsv"/>).</summary>
    Csv,
}

/// <summary>The format of a <c>--paths-out</c> path.</summary>
internal static class PathsFormats
{
    /// <summary>
    /// <c>.parquet</c> or <c>.csv</c>, in any case; any other extension, or none, is a usage error naming the two, before
    /// any work. A device or a pipe (<see cref="OutputTargets.IsStream"/>: <c>/dev/null</c>, a shell's <c>/dev/fd/63</c>)
    /// has the name the system gave it, which a user cannot end in either: without one it is written Parquet, as it
    /// always was.
    /// </summary>
    public static PathsFormat Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        if (string.Equals(extension, ".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return PathsFormat.Parquet;
        }

        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return PathsFormat.Csv;
        }

        if (extension.Length == 0 && OutputTargets.IsStream(path))
        {
            return PathsFormat.Parquet;
        }

        string stem = Path.ChangeExtension(path, null);
        if (Path.GetExtension(stem) is { } inner && (string.Equals(inner, ".csv", StringComparison.OrdinalIgnoreCase) || string.Equals(inner, ".parquet", StringComparison.OrdinalIgnoreCase)))
        {
            stem = Path.ChangeExtension(stem, null); // paths.csv.gz (compressed, which is neither): paths.csv, not paths.csv.csv
        }

        string which = extension.Length == 0 ? "it has no extension" : $"'{extension}' is neither";
        throw new UsageException(
            $"cannot write {path}: --paths-out writes Parquet or CSV, chosen by the file's extension (.parquet or .csv), and {which}: name it {stem}.parquet or {stem}.csv; nothing was written");
    }

    /// <summary>The extension a temporary file of <paramref name="format"/> is given.</summary>
    public static string Extension(PathsFormat format) => format == PathsFormat.Csv ? ".csv" : ".parquet";
}
