using System.Globalization;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace DealLang.Cli.Snapshots;

/// <summary>
/// How <c>deallang test</c> compares a received ledger or summary with its verified snapshot, and the readable
/// difference it prints. Floating noise is tolerated as docs/cli.md states: a cell (a ledger's) or a word (a
/// summary's) that reads as a number on both sides is the same when the two differ by at most 1e-9 of the larger,
/// or, when either is written with two decimals (money, to the cent), by at most 0.005 (half a cent);
/// anything else must be the same text.
/// </summary>
internal static class SnapshotComparison
{
    public const double RelativeTolerance = 1e-9;
    public const double MoneyTolerance = 0.005;

    /// <summary>Differing cells listed before "… and N more".</summary>
    public const int MaxListed = 10;

    /// <summary>Whether a verified and a received cell are the same within the tolerances.</summary>
    public static bool SameValue(string verified, string received)
    {
        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            return true;
        }

        if (!TryNumber(verified, out double v) || !TryNumber(received, out double r))
        {
            return false;
        }

        double difference = Math.Abs(v - r);
        return difference <= RelativeTolerance * Math.Max(Math.Abs(v), Math.Abs(r))
            || ((IsMoney(verified) || IsMoney(received)) && difference <= MoneyTolerance);
    }

    /// <summary>The differences between two CSV ledgers, a line each: the columns one has and the other lacks, the
    /// number of periods, then the first differing cells by period and column (<c>period 9 (2029-11-30) Notes
    /// balance: verified 1.00, received 2.00</c>). Empty when they are the same.</summary>
    public static List<string> CompareLedger(string verified, string received)
    {
        var v = ReadCsv(verified);
        var r = ReadCsv(received);
        var lines = new List<string>();
        if (v.Count == 0 || r.Count == 0)
        {
            if (v.Count != r.Count)
            {
                lines.Add(v.Count == 0 ? "the verified ledger is empty" : "the received ledger is empty");
            }

            return lines;
        }

        string[] vHeader = v[0], rHeader = r[0];
        // A waterfall step's columns carry its number ("3 pay Notes.interest paid"), which a step added above it
        // shifts: columns are matched by their name without the number, the k-th of a name with the k-th.
        var vKeys = ColumnKeys(vHeader);
        var rKeys = ColumnKeys(rHeader);
        var rColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < rHeader.Length; c++)
        {
            rColumn.TryAdd(rKeys[c], c);
        }

        var vKeySet = vKeys.ToHashSet(StringComparer.Ordinal);
        var missing = vHeader.Where((_, c) => !rColumn.ContainsKey(vKeys[c])).ToList();
        var added = rHeader.Where((_, c) => !vKeySet.Contains(rKeys[c])).ToList();
        if (missing.Count > 0)
        {
            lines.Add("columns no longer written: " + Listed(missing));
        }

        if (added.Count > 0)
        {
            lines.Add("new columns: " + Listed(added));
        }

        if (v.Count != r.Count)
        {
            lines.Add($"periods: verified {v.Count - 1}, received {r.Count - 1}");
        }

        int endColumn = Array.IndexOf(vHeader, "end");
        int differing = 0;
        var periods = new SortedSet<string>(StringComparer.Ordinal);
        for (int row = 1; row < Math.Min(v.Count, r.Count); row++)
        {
            for (int c = 0; c < vHeader.Length; c++)
            {
                if (!rColumn.TryGetValue(vKeys[c], out int rc))
                {
                    continue;
                }

                string vCell = c < v[row].Length ? v[row][c] : "";
                string rCell = rc < r[row].Length ? r[row][rc] : "";
                if (SameValue(vCell, rCell))
                {
                    continue;
                }

                differing++;
                string period = v[row].Length > 0 ? v[row][0] : row.ToString(CultureInfo.InvariantCulture);
                periods.Add(period);
                if (differing <= MaxListed)
                {
                    string end = endColumn >= 0 && endColumn < v[row].Length ? $" ({v[row][endColumn]})" : "";
                    lines.Add($"period {period}{end} {vHeader[c]}: verified {Shown(vCell)}, received {Shown(rCell)}");
                }
            }
        }

        if (differing > MaxListed)
        {
            lines.Add($"… and {differing - MaxListed} more differing cell(s); {differing} in {periods.Count} period(s) in all");
        }

        return lines;
    }

    /// <summary>The differences between two summaries: none when every line has the same words (numbers within the
    /// tolerances); otherwise the lines removed (<c>-</c>) and added (<c>+</c>) by a line diff, the first
    /// <see cref="MaxListed"/> of each kind.</summary>
    public static List<string> CompareSummary(string verified, string received)
    {
        string[] v = Lines(verified), r = Lines(received);
        if (v.Length == r.Length && v.Zip(r).All(pair => SameLine(pair.First, pair.Second)))
        {
            return [];
        }

        var diff = InlineDiffBuilder.Diff(string.Join('\n', v), string.Join('\n', r), ignoreWhiteSpace: false);
        var lines = new List<string>();
        int shown = 0, more = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type is not (ChangeType.Deleted or ChangeType.Inserted))
            {
                continue;
            }

            if (shown++ < 2 * MaxListed)
            {
                lines.Add((line.Type == ChangeType.Deleted ? "- " : "+ ") + line.Text.TrimEnd());
            }
            else
            {
                more++;
            }
        }

        if (more > 0)
        {
            lines.Add($"… and {more} more changed line(s)");
        }

        return lines;
    }

    /// <summary>Each column's name without a leading step number, with its occurrence among equal names.</summary>
    static string[] ColumnKeys(string[] header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. header.Select(h =>
        {
            int space = h.IndexOf(' ', StringComparison.Ordinal);
            string name = space > 0 && h[..space].All(char.IsAsciiDigit) ? h[(space + 1)..] : h;
            int k = seen.GetValueOrDefault(name);
            seen[name] = k + 1;
            return name + "#" + k.ToString(CultureInfo.InvariantCulture);
        })];
    }

    static string Listed(List<string> names) =>
        names.Count <= MaxListed ? string.Join(", ", names) : string.Join(", ", names.Take(MaxListed)) + $", … ({names.Count} in all)";

    static bool SameLine(string verified, string received)
    {
        string[] v = verified.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] r = received.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return v.Length == r.Length && v.Zip(r).All(pair => SameWord(pair.First, pair.Second));
    }

    static bool SameWord(string verified, string received) =>
        verified.EndsWith('%') && received.EndsWith('%')
            ? SameValue(verified[..^1], received[..^1])
            : SameValue(verified, received);

    static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    static string Shown(string cell) => cell.Length == 0 ? "(empty)" : cell;

    static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Money is written to the cent: two decimals.</summary>
    static bool IsMoney(string text)
    {
        int dot = text.LastIndexOf('.');
        return dot >= 0 && text.Length - dot - 1 == 2;
    }

    /// <summary>The rows of a CSV text: fields split at commas, a quoted field's doubled quotes read as one.</summary>
    internal static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        foreach (string line in Lines(text))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
