using System.Globalization;

namespace DealLang.Benchmarks;

/// <summary>A mistake in the benchmarks' command line or setup (an unknown case or part, a missing or non-numeric
/// argument, no checkout to find the examples in): one line on standard error naming what is wrong and what is
/// accepted, exit <see cref="Arguments.UsageExitCode"/>, no stack trace (bench/README.md, "How to run").</summary>
public sealed class UsageError(string message) : Exception(message);

/// <summary>
/// The benchmarks' own arguments (<c>--runner [ROUNDS]</c>, <c>--spin CASE PART SECONDS</c>, <c>--loop [ROUNDS]
/// [--launches N] [CASES]</c>, …; Program's summary lists them), checked before anything is compiled or timed, so that
/// bad input is refused in a line rather than a stack trace part-way into a measurement. Anything else goes to
/// BenchmarkDotNet's switcher, which reports its own mistakes. A separate file so that the test project, which links
/// the bench's sources rather than referencing its executable, reaches every refusal (HandWrittenLoopTests' neighbour
/// BenchArgumentsTests).
/// </summary>
public static class Arguments
{
    /// <summary>As the CLI's usage errors (docs/cli.md, "Exit codes").</summary>
    public const int UsageExitCode = 2;

    /// <summary>The rounds a measurement runs when none is given.</summary>
    public const int DefaultRounds = 5;

    /// <summary>The measurements that take only <c>[ROUNDS]</c>.</summary>
    public static readonly string[] RoundsOnly = ["--interleaved", "--exp", "--irr", "--philox", "--runner", "--mc", "--chain"];

    /// <summary><c>--spin</c>'s parts of a <c>--runner</c> case, then the Monte Carlo one.</summary>
    public static readonly string[] SpinParts = ["fill", "loop", "summaries", "tsummaries", "path", "tranches", "engine", "fill+loop", "loop+tsummaries", "fill+loop+tsummaries", "draw"];

    /// <summary>The deals a case names (<c>DEAL/SCENARIO</c>): the two examples and the synthetic deals of N leases
    /// (SyntheticDeal) or N of each entity (TestSupport.SyntheticWideDeal).</summary>
    const string CaseForm = "DEAL/SCENARIO, DEAL one of Hyperion, CoreWeave, LeasesN, WideN (N a whole number)";

    /// <summary>Checks <paramref name="args"/>, then runs <paramref name="dispatch"/>; a <see cref="UsageError"/>,
    /// from the check or from setup inside the run (no checkout, a case's scenario the deal lacks), is written to
    /// <paramref name="error"/> as one line and gives <see cref="UsageExitCode"/>.</summary>
    public static int Run(string[] args, TextWriter error, Action<string[]> dispatch)
    {
        try
        {
            Check(args);
            dispatch(args);
            return 0;
        }
        catch (UsageError e)
        {
            error.WriteLine("DealLang.Benchmarks: error: " + e.Message);
            return UsageExitCode;
        }
    }

    /// <summary>Throws a <see cref="UsageError"/> for the first mistake in the benchmarks' own arguments.</summary>
    public static void Check(string[] args)
    {
        if (args.Length == 0)
        {
            return;
        }

        string option = args[0];
        switch (option)
        {
            case var _ when RoundsOnly.Contains(option):
                AtMost(args, 1, $"{option} [ROUNDS]");
                Rounds(args);
                break;
            case "--write-monthly-deal":
                Exactly(args, 3, "--write-monthly-deal LEASES TRANCHES FILE");
                Count(option, "LEASES", args[1]);
                Count(option, "TRANCHES", args[2]);
                break;
            case "--cold-compile-phases":
                if (args.Length is < 2 or > 3)
                {
                    throw new UsageError($"--cold-compile-phases takes FILE [serial], and {Given(args)}: --cold-compile-phases FILE [serial]");
                }

                if (args.Length == 3 && args[2] != "serial")
                {
                    throw new UsageError($"--cold-compile-phases takes 'serial' or nothing after FILE, not '{args[2]}'");
                }

                if (!File.Exists(args[1]))
                {
                    throw new UsageError($"--cold-compile-phases: no file '{args[1]}' (a .deal file; --write-monthly-deal writes one)");
                }

                break;
            case "--spin":
                Exactly(args, 3, "--spin CASE PART SECONDS (e.g. --spin Hyperion/Refuted fill 20)");
                SpinCase(args[1], args[2]);
                Seconds(args[3]);
                break;
            case "--tiers":
                foreach (string name in args.Skip(1))
                {
                    CaseName(option, name);
                }

                break;
            case "--loop":
                Loop(args);
                break;
        }
    }

    /// <summary>A measurement's <c>[ROUNDS]</c>, the argument after its option: a whole number, at least 1.</summary>
    public static int Rounds(string[] args) =>
        args.Length > 1 ? Count(args[0], "ROUNDS", args[1]) : DefaultRounds;

    /// <summary><c>--spin</c>'s SECONDS: a number of seconds above 0, digits with an optional fraction.</summary>
    public static double Seconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && double.IsFinite(seconds)
            ? seconds
            : throw new UsageError($"--spin's SECONDS is a number of seconds above 0 (20, 0.5), not '{text}'");

    /// <summary>A whole number, at least 1, written in digits only.</summary>
    public static int Count(string option, string what, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : throw new UsageError($"{option}'s {what} is a whole number of at least 1 in digits (5, 12), not '{text}'");

    /// <summary><c>--loop [ROUNDS] [--launches N] [CASES]</c>: ROUNDS if the first argument is a number (anything
    /// starting as one is read as ROUNDS, so that <c>--loop 3x</c> is refused rather than taken for a case); CASES are
    /// names of <see cref="LoopCases"/> or their starts (<c>CoreWeave</c>), each matching at least one.</summary>
    public static (int Rounds, int? Launches, string[] Cases) Loop(string[] args)
    {
        string[] rest = [.. args.Skip(1)];
        int rounds = DefaultRounds;
        if (rest.Length > 0 && rest[0].Length > 0 && (char.IsAsciiDigit(rest[0][0]) || rest[0][0] is '-' or '+' or '.') && rest[0] != "--launches")
        {
            rounds = Count("--loop", "ROUNDS", rest[0]);
            rest = rest[1..];
        }

        int? launches = null;
        if (rest.Length > 0 && rest[0] == "--launches")
        {
            if (rest.Length < 2)
            {
                throw new UsageError("--loop's --launches takes a number of processes: --loop [ROUNDS] --launches N [CASES]");
            }

            launches = Count("--loop", "--launches N", rest[1]);
            rest = rest[2..];
        }

        foreach (string only in rest)
        {
            if (only.Length == 0 || !LoopCases.Any(n => n.StartsWith(only, StringComparison.Ordinal)))
            {
                throw new UsageError($"no --loop case is or starts with '{only}': the cases are {string.Join(", ", LoopCases)} (ROUNDS goes first, then --launches N, then cases)");
            }
        }

        return (rounds, launches, rest);
    }

    /// <summary>What <c>--loop</c> and LoopBenchmarks measure (LoopCase.Names).</summary>
    public static readonly string[] LoopCases = ["Hyperion/Base", "Hyperion/Refuted", "CoreWeave/Base", "Leases100/Base", "Leases100/Stress", "Leases1000/Base"];

    /// <summary>The path cases (PathCase.Names): <c>--interleaved</c>'s, and the ones <c>--spin</c>'s parts other
    /// than <c>draw</c> are usually run on.</summary>
    public static readonly string[] PathCases =
    [
        "Hyperion/Base", "Hyperion/SlowProductivity", "Hyperion/Refuted", "CoreWeave/Base",
        "Leases100/Base", "Leases100/Stress", "Leases100/Stress~", "Leases1000/Base", "Leases1000/Stress", "Leases1000/Stress~",
    ];

    /// <summary>The Monte Carlo cases (McCase.Names): <c>--mc</c>'s, and <c>--spin</c>'s <c>draw</c>'s.</summary>
    public static readonly string[] MonteCarloCases = ["Hyperion/StochasticRent", "CoreWeave/Stochastic"];

    /// <summary><c>--spin</c>'s CASE and PART: a part of <see cref="SpinParts"/>; for <c>draw</c> a Monte Carlo case
    /// (Hyperion's scenario from examples/hyperion-mc.scenarios, CoreWeave's from its deal), for the others a path
    /// case. Whether the deal has the scenario is known once it is compiled (<see cref="Scenario"/>).</summary>
    public static void SpinCase(string name, string part)
    {
        if (!SpinParts.Contains(part))
        {
            throw new UsageError($"unknown --spin part '{part}': the parts are {string.Join(", ", SpinParts[..^1])} (of a path case: {string.Join(", ", PathCases)}) and draw (of {string.Join(" or ", MonteCarloCases)})");
        }

        if (part == "draw" && !name.StartsWith("Hyperion/", StringComparison.Ordinal) && !name.StartsWith("CoreWeave/", StringComparison.Ordinal))
        {
            throw new UsageError($"--spin's draw takes a Monte Carlo case, {string.Join(" or ", MonteCarloCases)}, not '{name}'");
        }

        CaseName("--spin", name);
    }

    /// <summary>A case's name, <see cref="CaseForm"/>, with a scenario named.</summary>
    public static void CaseName(string option, string name)
    {
        string[] parts = name.Split('/');
        string deal = parts[0];
        bool known = deal is "Hyperion" or "CoreWeave"
            || (deal.StartsWith("Leases", StringComparison.Ordinal) && IsCount(deal["Leases".Length..]))
            || (deal.StartsWith("Wide", StringComparison.Ordinal) && IsCount(deal["Wide".Length..]));
        if (parts.Length != 2 || !known || parts[1].TrimEnd('~').Length == 0)
        {
            throw new UsageError($"unknown {option} case '{name}': a case is {CaseForm}, e.g. {string.Join(", ", PathCases)}");
        }
    }

    /// <summary>The scenario a case names, among those its deal declares once compiled (of the kind a measurement runs,
    /// <paramref name="kind"/>: <c>scenario</c>, or <c>stochastic scenario</c> for a Monte Carlo case); else a
    /// <see cref="UsageError"/> naming them.</summary>
    public static void Scenario(string caseName, string scenario, IEnumerable<string> declared, string kind = "scenario")
    {
        var names = declared.ToList();
        if (!names.Contains(scenario))
        {
            throw new UsageError($"unknown case '{caseName}': {caseName.Split('/')[0]} has no {kind} {scenario}; its {kind}s are {string.Join(", ", names)}");
        }
    }

    static bool IsCount(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1;

    static void AtMost(string[] args, int count, string usage)
    {
        if (args.Length - 1 > count)
        {
            throw new UsageError($"{args[0]} takes at most {count} argument, and {Given(args)}: {usage}");
        }
    }

    static void Exactly(string[] args, int count, string usage)
    {
        if (args.Length - 1 != count)
        {
            throw new UsageError($"{args[0]} takes {count} arguments, and {Given(args)}: {usage}");
        }
    }

    static string Given(string[] args) => args.Length switch
    {
        1 => "none was given",
        2 => "1 was given",
        _ => $"{args.Length - 1} were given",
    };
}
