using System.CommandLine;

namespace DealLang.Cli.Tests.Commands;

/// <summary><c>deallang --help</c>'s list of verbs, each with its arguments as the verb's own help writes them.</summary>
public class HelpTests
{
    // The library's list wrote `test <path>`, as if a path were required, where `deallang test` alone tests the current
    // folder; and `merge <shards>`, as if it took one shard.
    [Fact]
    public void The_list_of_verbs_brackets_an_argument_that_may_be_left_out()
    {
        CliOutcome help = CliHarness.Run("--help");

        Assert.Equal(ExitCodes.Ok, help.Exit);
        Assert.Contains("\n  test [<path>...]   Run deals' scenarios", help.Out, StringComparison.Ordinal);
        Assert.Contains("\n  merge <shards>...  Combine the shard files", help.Out, StringComparison.Ordinal);
        Assert.Contains("\n  check <file>       Check a deal file", help.Out, StringComparison.Ordinal);
        Assert.Contains("\n  lsp                Run the DealLang language server", help.Out, StringComparison.Ordinal);
        Assert.EndsWith("verified snapshots.\n\n", help.Out, StringComparison.Ordinal); // the page's closing blank line kept
        Assert.Equal("", help.Err);
    }

    /// <summary>Every verb <c>deallang --help</c> lists, with its row's first column.</summary>
    public static TheoryData<string, string> Rows()
    {
        string page = CliHarness.Run("--help").Out;
        string list = page[(page.IndexOf("Commands:\n", StringComparison.Ordinal) + "Commands:\n".Length)..];
        var rows = new TheoryData<string, string>();
        foreach (string line in list.Split('\n').Where(l => l.Length > 0))
        {
            // Two spaces or more part the columns; within the first, one space parts a verb from its arguments.
            string label = line.Trim().Split("  ")[0];
            rows.Add(label.Split(' ')[0], label);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_verbs_row_shows_its_arguments_as_its_own_usage_line_does(string verb, string label)
    {
        // `deallang test [<path>...] [options]`: the verb's usage line, the library's rule for which arguments may be
        // left out (brackets) and which take several (...). Its first word is the program's name (here the test host).
        string usage = CliHarness.Run(verb, "--help").Out.Split('\n').SkipWhile(l => l != "Usage:").Skip(1).First().Trim();

        Assert.Equal($"{label} [options]", usage[(usage.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public void A_terminal_narrower_than_a_row_wraps_its_description_under_its_own_column()
    {
        var root = new RootCommand("Root.")
        {
            new Command("short", "A verb whose description is long enough to be wrapped at forty columns.")
            {
                new Argument<string[]>("path") { Arity = ArgumentArity.ZeroOrMore },
            },
            new Command("other", "Fits."),
        };
        string page = "Description:\n  Root.\n\nCommands:\n  short <path>  A verb whose description is long enough to be wrapped at forty columns.\n  other         Fits.\n\n"
            .Replace("\n", Environment.NewLine, StringComparison.Ordinal);

        string help = RootHelp.WithVerbUsage(page, root, maxWidth: 40);

        // Width 40, rows wider: the labels keep their 17 columns ("short [<path>...]", within 40 / 2 - 2 = 18), and the
        // descriptions get 40 - 17 - 2 × 2 = 19, each piece ending after the last space within them, as the library
        // wraps its own columns.
        string under = new(' ', 2 + 17 + 2);
        string[] expected =
        [
            "Description:", "  Root.", "", "Commands:",
            "  short [<path>...]  A verb whose ",
            under + "description is ",
            under + "long enough to be ",
            under + "wrapped at forty ",
            under + "columns.",
            "  other              Fits.",
            "", "",
        ];
        Assert.Equal(string.Join(Environment.NewLine, expected), help);
        Assert.All(help.Split(Environment.NewLine), line => Assert.True(line.Length <= 40, line));
    }

    [Fact]
    public void A_page_without_the_list_is_left_as_it_was()
    {
        var root = new RootCommand("Root.") { new Command("verb", "A verb.") };
        const string Page = "Description:\n  Root.\n\n";

        Assert.Equal(Page, RootHelp.WithVerbUsage(Page, root, int.MaxValue));
    }
}
