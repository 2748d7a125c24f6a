using System.Globalization;
using System.Numerics;
using System.Text;
using DealLang.Cli.Commands;
using DealLang.Runner.Solvers;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// The command line's whole numbers and solve's rates against random text (fuzz6, docs/fuzzing.md): ASCII and other
/// scripts' digits, huge numbers, signs (ASCII and U+2212), white space of several kinds, leading zeros, points,
/// exponents, separators, an empty value. A whole number is taken exactly when it is plain digits (0, or not starting
/// with 0, a '-' allowed but not '-0') that the option's type holds; anything else is exit 2 with a message naming the
/// option, never a stack trace (a value starting with @ is a response file, cli.md: a missing one is named, and the
/// option then "Required argument missing for option: '--seed'"). A rate is taken exactly when it is plain decimal digits with % or bp within its range.
/// Fixed seed: every run tests the same values.
/// </summary>
public sealed class OptionValueFuzzTests
{
    private const int Seed = 20261207;

    private static readonly string[] Pieces =
    [
        "0", "1", "7", "9", "00", "12", "2147483647", "2147483648", "4294967296", "18446744073709551615", "18446744073709551616",
        "-", "+", "\u2212", " ", "\t", "\u00A0", "\n", ".", "e", "E3", "_", ",", "%", "bp", "x", "٣", "１", "߀", "\U0001D7D9", "²", "⅓",
        "99999999999999999999999999999999999999", "@", "/", "∞", "NaN", "\u200B",
    ];

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (int k = random.Next(5); k >= 0 && random.Next(6) > 0; k--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (random.Next(10) == 0)
        {
            text.Append('1').Append('0', random.Next(10, 400)); // huge
        }

        return text.ToString();
    }

    private static bool PlainWhole(string text) =>
        text.Length > 0 && text != "-0" && (text.StartsWith('-') ? text[1..] : text) is { Length: > 0 } d
        && d.All(char.IsAsciiDigit) && (d.Length == 1 || d[0] != '0');

    [Fact]
    public void A_whole_number_option_takes_plain_digits_in_range_and_names_itself_otherwise()
    {
        var random = new Random(Seed);
        (string Verb, string Option, BigInteger Least, BigInteger Most)[] options =
        [
            ("mc", "--paths", int.MinValue, int.MaxValue), ("mc", "--seed", 0, ulong.MaxValue), ("mc", "--threads", int.MinValue, int.MaxValue),
            ("mc", "--replay-path", int.MinValue, int.MaxValue), ("mc", "--replicates", int.MinValue, int.MaxValue),
            ("solve", "--paths", int.MinValue, int.MaxValue), ("solve", "--seed", 0, ulong.MaxValue), ("solve", "--threads", int.MinValue, int.MaxValue),
            ("report", "--paths", int.MinValue, int.MaxValue), ("report", "--seed", 0, ulong.MaxValue), ("report", "--threads", int.MinValue, int.MaxValue),
        ];
        var failures = new List<string>();
        int runs = 0;
        for (int i = 0; i < 5000; i++)
        {
            var (verb, option, least, most) = options[random.Next(options.Length)];
            string value = RandomText(random);
            if (value.StartsWith('-') && value.Length > 1 && !char.IsAsciiDigit(value[1]))
            {
                continue; // a token the parser reads as an option, not this one's value
            }

            bool taken = PlainWhole(value) && BigInteger.Parse(value, CultureInfo.InvariantCulture) is var n && n >= least && n <= most;
            string[] args = verb == "report"
                ? [verb, "no/such.deal", "--mc", "-o", "/tmp/fuzz6-none/r.html", option, value]
                : [verb, "no/such.deal", "--scenario", "S", option, value];
            CliOutcome outcome = CliHarness.Run(args);
            runs++;
            string shown = $"deallang {string.Join(' ', args.Select(a => $"'{a}'"))}\n{outcome}";
            if (outcome.Err.Contains("   at ", StringComparison.Ordinal) || outcome.Err.Contains("internal error", StringComparison.Ordinal))
            {
                failures.Add("trace: " + shown);
            }
            else if (outcome.Exit != ExitCodes.UsageError)
            {
                failures.Add("exit: " + shown);
            }
            else if (!taken && !outcome.Err.Contains(value.Length > 1 && value.StartsWith('@') ? $"'{option}'" : option + " takes", StringComparison.Ordinal))
            {
                failures.Add("refused without naming the option: " + shown);
            }
            else if (taken && outcome.Err.Contains(option + " takes", StringComparison.Ordinal))
            {
                failures.Add("plain digits refused: " + shown);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {runs}:\n" + string.Join("\n\n", failures.Take(8)));
    }

    [Fact]
    public void A_shard_and_a_rate_are_taken_exactly_when_plain()
    {
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            string a = RandomText(random), b = RandomText(random);
            string shard = random.Next(5) == 0 ? a : $"{a}/{b}";
            bool plain = shard.Split('/') is [var x, var y] && PlainWhole(x) && PlainWhole(y) && !x.StartsWith('-') && !y.StartsWith('-')
                && BigInteger.Parse(x, CultureInfo.InvariantCulture) is var i1 && BigInteger.Parse(y, CultureInfo.InvariantCulture) is var k
                && k >= 1 && k <= int.MaxValue && i1 >= 1 && i1 <= k;
            try
            {
                McCommand.ParseShard(shard);
                if (!plain)
                {
                    failures.Add($"--shard '{shard}' taken");
                }
            }
            catch (UsageException e)
            {
                if (plain || !e.Message.Contains("--shard", StringComparison.Ordinal))
                {
                    failures.Add($"--shard '{shard}': {e.Message}");
                }
            }

            string rate = RandomText(random) + (random.Next(3) switch { 0 => "%", 1 => "bp", _ => "" });
            string number = rate.EndsWith('%') ? rate[..^1] : rate.EndsWith("bp", StringComparison.Ordinal) ? rate[..^2] : "";
            bool decimalPlain = (rate.EndsWith('%') || rate.EndsWith("bp", StringComparison.Ordinal))
                && System.Text.RegularExpressions.Regex.IsMatch(number, @"\A-?(0|[1-9][0-9]*)(\.[0-9]+)?\z")
                && double.IsFinite(double.Parse(number, CultureInfo.InvariantCulture));
            double value = decimalPlain ? double.Parse(number, CultureInfo.InvariantCulture) / (rate.EndsWith('%') ? 100 : 10_000) : double.NaN;
            bool inRange = decimalPlain && value >= -0.05 && value <= 1;
            try
            {
                double got = SolveCondition.Percent("--curve", rate, -0.05, 1);
                if (!inRange || got != value)
                {
                    failures.Add($"--curve '{rate}' taken as {got:R}");
                }
            }
            catch (SolveUsageException e)
            {
                if (inRange || !e.Message.Contains("--curve", StringComparison.Ordinal))
                {
                    failures.Add($"--curve '{rate}': {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count}:\n" + string.Join("\n", failures.Distinct().Take(12)));
    }
}
