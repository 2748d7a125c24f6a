using DealLang.Cli.Tests.MonteCarlo;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// <c>solve</c>'s holders' objectives (docs/cli.md "solve", language.md "Objectives") from random command lines, fixed
/// seed: on <see cref="HoldersMonteCarloTests"/>' deal (a 100m note a state guarantees for principal up to 40m, funded
/// by two 50m loans) with an unguaranteed tranche beside it, a deterministic scenario (A defaulting) and a stochastic one
/// (60 paths), each line a stop condition or a target on the holders of the note, of the unguaranteed tranche, of no
/// tranche or misspelt, with <c>--probability</c> at its edges (0%, 100%, 0.0001%, above 100%, no unit, none). Each ends
/// with a documented exit (0, 2 or 4), one line naming what is wrong where it is not 0, and never a stack trace. The
/// deterministic break-even of 'Note holders lose principal' on A's recovery is 20% (the holders lose max(0, 50m × (1 − R)
/// − 40m)), whatever the line around it.
/// </summary>
public sealed class SolveHoldersFuzzTests : IDisposable
{
    private const int Seed = 20261207;
    private const int Lines = 40;

    private readonly string dir = Directory.CreateTempSubdirectory("deallang-solve-holders-fuzz-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void EveryHoldersObjectiveEndsWithADocumentedExit()
    {
        string deal = Path.Combine(dir, "held.deal");
        File.WriteAllText(deal, HoldersMonteCarloTests.Held
            .Replace("  tranche Note {", "  tranche Plain { balance 1m  coupon 0%  amortize bullet  seniority 2 }\n  tranche Note {", StringComparison.Ordinal)
            .Replace("    pay Note.balance\n", "    pay Note.balance\n    pay Plain.interest\n    pay Plain.balance\n", StringComparison.Ordinal)
            .Replace("paths 4000", "paths 60", StringComparison.Ordinal)
            + "scenario Det for Held {\n  A defaults on 2027-01-01\n}\n");
        string[] tranches = ["Note", "Plain", "Nope", "note"];
        string[] conditions = ["holders lose principal", "holders miss interest", "holders loss = 5%", "holders irr = -1%", "holders loss = 101%", "holders", "holders loses principal"];
        string?[] probabilities = [null, "0%", "100%", "0.0001%", "100.0001%", "50", "5%"];
        var random = new Random(Seed);
        var failures = new List<string>();
        int solved = 0;
        for (int i = 0; i < Lines; i++)
        {
            string scenario = random.Next(3) == 0 ? "Mc" : "Det";
            string target = $"{tranches[random.Next(tranches.Length)]} {conditions[random.Next(conditions.Length)]}";
            string? probability = probabilities[random.Next(probabilities.Length)];
            List<string> args = ["solve", deal, "--scenario", scenario, "--hurdle", "A.recovery", "--target", target, "--threads", "1", "-f", "table"];
            if (probability is not null)
            {
                args.AddRange(["--probability", probability]);
            }

            CliOutcome outcome = CliHarness.Run([.. args]);
            string line = string.Join(' ', args.Skip(2));
            bool documented = outcome.Exit is 0 or 2 or 4;
            bool oneLine = outcome.Exit == 0 || outcome.Err.Trim().Split('\n').Length == 1 && outcome.Err.StartsWith("deallang: ", StringComparison.Ordinal);
            if (!documented || !oneLine || outcome.Err.Contains("   at ", StringComparison.Ordinal) || outcome.Err.Contains("internal error", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"#{i} {line}: {outcome}");
            }

            solved += outcome.Exit == 0 ? 1 : 0;
        }

        // The hand-checked answer: A's loan is short 50m × (1 − R), the state pays 40m, so the holders lose from R = 20%.
        CliOutcome breakEven = CliHarness.Run("solve", deal, "--scenario", "Det", "--hurdle", "A.recovery", "--target", "Note holders lose principal", "-f", "json");
        Assert.True(breakEven.Exit == 0, breakEven.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(breakEven.Out);
        Assert.Equal(0.20, doc.RootElement.EnumerateObject().Single().Value.GetProperty("value").GetDouble(), 1e-5);

        Assert.True(failures.Count == 0 && solved > 0, $"{failures.Count} of {Lines} ({solved} solved):\n" + string.Join("\n\n", failures.Take(4)));
    }
}
