using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// No command line crashes the CLI: random command lines — a verb, a file (an example, two of them chains, a folder, a
/// shard, an empty path, a missing one, /dev/null, <c>-</c> without standard input) and up to three options with values
/// good and bad — each end with a documented exit (0, 1, 2 or 4) and never an internal error or a stack trace. Found
/// this way: <c>run ""</c>, an internal error ("The value cannot be an empty string"), which one of the cases catches if
/// it comes back. The command lines come from a fixed seed, so every run tests the same ones; each case is named by its
/// index and its command line. The examples are a copy in a folder of the test's own (<c>{examples}</c>), as are the
/// outputs: <c>test</c> and <c>fmt</c> of the examples' folder write beside the deals, and once left 150 received
/// snapshots in the clone's examples/. Path counts are small, so the whole set runs in seconds.
/// </summary>
public sealed class CommandLineFuzzTests : IDisposable
{
    private const int Seed = 20261204;
    private const int Lines = 300;

    private const string Examples = "{examples}";
    private readonly string scratch = Directory.CreateTempSubdirectory("deallang-argfuzz-").FullName;

    private static readonly string[] Verbs = ["check", "build", "run", "mc", "merge", "solve", "report", "fmt", "test"];

    private static readonly string[] Files =
    [
        Examples + "/hyperion.deal", Examples + "/coreweave-ddtl2.deal", Examples + "/terawulf.deal", Examples + "/credit-fund.deal", "-", "", "/dev/null",
        Examples, "no/such.deal",
    ];

    // Each option with values a user might give it, right and wrong; null: a flag that takes none.
    private static readonly (string Option, string?[] Values)[] Options =
    [
        ("--scenario", ["Base", "all", "Stochastic", "Nope", ""]),
        ("--scenarios", [Examples + "/hyperion-stress.scenarios", "/dev/null", ""]),
        ("--paths", ["10", "0", "-1", "x", ""]),
        ("--seed", ["1", "-1", ""]),
        ("--threads", ["1", "0", "x"]),
        ("--format", ["csv", "json", "md", "table", "sarif", "x"]),
        ("--ledger", [null]),
        ("--out", ["{scratch}/out", "{scratch}/o.shard", ""]),
        ("-o", ["{scratch}/r.txt", "{scratch}", ""]), // not /dev/null: a regression would replace the machine's (OutputTests uses a pipe of its own)
        ("--shard", ["1/2", "0/2", "x"]),
        ("--paths-out", ["{scratch}/p.parquet", ""]),
        ("--replay-path", ["0", "5", "-1"]),
        ("--mc", [null]),
        ("--check", [null]),
        ("--breakeven", ["market_rent deflate", "x"]),
        ("--until", ["Notes loses principal", "x"]),
        ("--hurdle", ["Meta.recovery"]),
        ("--target", ["Notes loss = 5%"]),
        ("--fair-spread", ["Notes", "Loan", "BankLine", "Converts2031"]),
        ("--curve", ["SOFR", "4%"]),
        ("-v", ["quiet", "detailed", "x"]),
        ("--replicates", ["2", "1", "0", "x"]),
    ];

    public static TheoryData<int, string> CommandLines()
    {
        var random = new Random(Seed);
        var data = new TheoryData<int, string>();
        for (int i = 0; i < Lines; i++)
        {
            var args = new List<string> { Verbs[random.Next(Verbs.Length)], Files[random.Next(Files.Length)] };
            for (int k = random.Next(4); k > 0; k--)
            {
                var (option, values) = Options[random.Next(Options.Length)];
                args.Add(option);
                if (values[random.Next(values.Length)] is { } value)
                {
                    args.Add(value);
                }
            }

            // One string per case, the arguments separated by a character none of them holds.
            data.Add(i, string.Join('\u241F', args));
        }

        return data;
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_random_command_line_ends_with_a_documented_exit(int index, string line)
    {
        string examples = Path.Combine(scratch, "examples");
        CopyFolder(RepoPaths.Examples, examples);
        string[] args = [.. line.Split('\u241F').Select(a => a.Replace("{scratch}", scratch, StringComparison.Ordinal).Replace(Examples, examples, StringComparison.Ordinal))];

        CliOutcome outcome = CliHarness.Run(args);

        string shown = $"#{index}: deallang {string.Join(' ', args.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a))}\n{outcome}";
        Assert.True(outcome.Exit is ExitCodes.Ok or ExitCodes.DealErrors or ExitCodes.UsageError or ExitCodes.NoSolution, shown);
        Assert.DoesNotContain("internal error", outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Err, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Contains(".received.", StringComparison.Ordinal))
            {
                continue;
            }

            string copy = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
