using System.CommandLine;
using System.Text;

namespace DealLang.Cli;

/// <summary>
/// <c>deallang --help</c>: System.CommandLine's help, with its list of verbs showing each verb's arguments as the
/// verb's own help does (<c>test [&lt;path&gt;...]</c>, <c>merge &lt;shards&gt;...</c>). The library's list writes
/// every argument as <c>&lt;name&gt;</c>, so <c>test &lt;path&gt;</c> read as required, where <c>deallang test</c>
/// alone tests the current folder; and its means of changing a row (HelpBuilder) is internal. The rest of the page is
/// the library's, written first and kept; the list of verbs, its last section, is written again.
/// </summary>
internal static class RootHelp
{
    private const string Indent = "  ";

    /// <summary>Rewrites the list of verbs in <paramref name="help"/>, the library's help of <paramref name="root"/>
    /// written <paramref name="maxWidth"/> columns wide (its <c>HelpAction.MaxWidth</c>), and returns it. Help
    /// whose list cannot be found (a library that lays it out otherwise) is returned as it was.</summary>
    public static string WithVerbUsage(string help, RootCommand root, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(root);
        Command[] verbs = [.. root.Subcommands.Where(c => !c.Hidden)];
        if (verbs.Length == 0)
        {
            return help;
        }

        // The list's first row starts with the first verb's name (an option's row with '-'); the list runs from there to
        // the page's closing blank line.
        string firstRow = "\n" + Indent + verbs[0].Name + " ";
        int start = help.LastIndexOf(firstRow, StringComparison.Ordinal);
        if (start < 0)
        {
            return help;
        }

        var rows = verbs.Select(v => (Label: Label(v), Description: v.Description ?? "")).ToList();
        var text = new StringBuilder(help, 0, start + 1, help.Length + 64); // through the line end before the list
        WriteColumns(rows, maxWidth, text);
        return text.Append(Environment.NewLine).ToString();
    }

    /// <summary>A verb and its arguments as its own usage line writes them (the library's rule): an argument that may
    /// be left out in brackets, one that takes several followed by <c>...</c>.</summary>
    public static string Label(Command verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        var label = new StringBuilder(verb.Name);
        int open = 0;
        foreach (Argument argument in verb.Arguments.Where(a => !a.Hidden))
        {
            string many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            bool optional = argument.Arity.MinimumNumberOfValues == 0;
            label.Append(optional ? " [<" : " <").Append(argument.Name).Append('>').Append(many);
            open += optional ? 1 : 0;
        }

        return label.Append(']', open).ToString();
    }

    // The library's two columns (HelpBuilder.WriteColumns): the labels padded to the longest, the descriptions after
    // two spaces, both wrapped at word ends when a row is wider than the page (a terminal's width; unbounded when
    // standard output is redirected).
    private static void WriteColumns(List<(string Label, string Description)> rows, int maxWidth, StringBuilder text)
    {
        int width = Math.Max(maxWidth, 20);
        int first = rows.Max(r => r.Label.Length);
        int second = rows.Max(r => r.Description.Length);
        if (first + second + (Indent.Length * 2) > width)
        {
            int firstMax = Math.Max(1, (width / 2) - Indent.Length);
            if (first > firstMax)
            {
                first = rows.SelectMany(r => Wrap(r.Label, firstMax)).Select(p => p.Length).DefaultIfEmpty(firstMax).Max();
            }

            second = Math.Max(1, width - first - (Indent.Length * 2));
        }

        foreach (var (label, description) in rows)
        {
            List<string> left = Wrap(label, first);
            List<string> right = Wrap(description, second);
            for (int i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                string l = i < left.Count ? left[i] : "";
                text.Append(Indent).Append(l);
                if (i < right.Count && !string.IsNullOrWhiteSpace(right[i]))
                {
                    text.Append(' ', Math.Max(0, first - l.Length)).Append(Indent).Append(right[i]);
                }

                text.Append(Environment.NewLine);
            }
        }
    }

    // Pieces of at most width characters, each ending after the last white space that fits (the library's WrapText).
    private static List<string> Wrap(string text, int width)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        foreach (string line in text.Split(["\r\n", "\n"], StringSplitOptions.None))
        {
            int index = 0;
            while (line.Length - index > width)
            {
                int length = -1;
                for (int offset = 0; offset < width; offset++)
                {
                    if (char.IsWhiteSpace(line[index + offset]))
                    {
                        length = offset + 1;
                    }
                }

                length = length == -1 ? width : length;
                parts.Add(line.Substring(index, length));
                index += length;
            }

            parts.Add(line[index..]);
        }

        return parts;
    }
}
