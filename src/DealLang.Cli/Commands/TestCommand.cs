using System.CommandLine;
using System.Diagnostics;
using DealLang.Cli.Snapshots;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang test [DIR|FILE…] [--accept] [--junit FILE] [--scenario NAME|all]</c>: snapshot tests of a user's own
/// deals, the way the project tests its examples. Each scenario of each deal (every .deal under a folder, at any
/// depth, the current folder by default; of a .scenarios file found there or named, its own scenarios, with its deal)
/// is run with the cash check, and its ledger and summary are compared with the verified snapshots beside the file
/// (<see cref="SnapshotFiles"/>) within the tolerances of
/// <see cref="SnapshotComparison"/>. A difference writes the received files, prints the first differing periods and
/// cells, and fails; a scenario with no verified snapshot yet fails as new; <c>--accept</c> makes what was received
/// the verified snapshot. Exit 0 when every scenario passes, 1 when any fails, 2 on a usage error.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console, CompileOptions options)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Deal or scenario files, or folders searched for .deal and .scenarios files at any depth (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var accept = new Option<bool>("--accept")
        {
            Description = "Take what each run gives as the verified snapshots (new ones included).",
        };
        var junit = new Option<string?>("--junit")
        {
            Description = "Also write the results as JUnit XML to this file.",
            HelpName = "file",
        };
        var scenario = new Option<string>("--scenario", "-s")
        {
            Description = "Test only this scenario of each deal that has it, or 'all'.",
            HelpName = "name|all",
            DefaultValueFactory = _ => "all",
        };
        var command = new Command("test", "Run deals' scenarios and compare ledgers and summaries with their verified snapshots.")
        {
            paths, accept, junit, scenario,
        };
        command.SetAction(parse => Execute(parse.GetValue(paths) ?? [], parse.GetValue(accept), parse.GetValue(junit),
            parse.GetValue(scenario)!, console, options));
        return command;
    }

    private static int Execute(string[] paths, bool accept, string? junit, string scenario, CliConsole console, CompileOptions options)
    {
        // A scenario file is tested with its deal (ScenarioFileAlone), each found before any is run, so a scenario file
        // named whose deal is not found stops the command before anything is written; one a folder's walk found fails
        // on its own line, and the others are tested.
        var deals = FindFiles(paths.Length == 0 ? ["."] : paths).Select(file => TestedFile.Of(file.Path, file.Named, console)).ToList();
        if (junit is not null)
        {
            console.Inputs.Plan(junit); // a deal tested (or one it imports) as --junit is refused before any is run
            foreach (TestedFile tested in deals)
            {
                console.Inputs.Add(tested.Deal, "a deal file being tested");
                console.Inputs.Add(tested.Path, tested.Path == tested.Deal ? "a deal file being tested" : "a scenario file being tested");
            }
        }

        string? only = scenario == "all" ? null : scenario;
        var cases = new List<SnapshotCase>();
        int accepted = 0;

        // Every snapshot file and the --junit report are written together at the end, all or none: a --junit target
        // that refuses the report (/dev/full, a full disk) left the received files of every deal already written.
        var outputs = new OutputFiles(console.Inputs);
        var passed = new List<string>(); // received files of scenarios that now pass: deleted once the rest is written
        foreach (TestedFile tested in deals)
        {
            // Reported, and its snapshots kept, under the file given: the deal, or a scenario file tested with its deal.
            string deal = tested.Path;
            if (tested.Unpaired is not null)
            {
                cases.Add(new SnapshotCase(deal, "(deal)", false, tested.Unpaired, tested.Unpaired, TimeSpan.Zero));
                console.Out.WriteLine($"FAIL {TerminalText.Escape(deal)}: {TerminalText.Escape(tested.Unpaired)}");
                continue;
            }

            var clock = Stopwatch.StartNew();
            var run = DealSnapshots.Run(tested.Deal, only, options, console, tested.ScenarioFile);
            if (run.Failure is not null)
            {
                cases.Add(new SnapshotCase(deal, "(compile)", false, run.Failure, run.Failure, clock.Elapsed));
                console.Out.WriteLine($"FAIL {TerminalText.Escape(deal)}: {run.Failure}");
                continue;
            }

            TimeSpan each = run.Scenarios.Count == 0 ? TimeSpan.Zero : clock.Elapsed / run.Scenarios.Count;
            foreach (var snapshot in run.Scenarios)
            {
                var (result, wasAccepted) = Compare(deal, snapshot, accept, each, outputs, passed);
                cases.Add(result);
                accepted += wasAccepted ? 1 : 0;
                Print(result, console, wasAccepted);
            }
        }

        if (only is not null && cases.Count == 0)
        {
            throw new UsageException($"no deal tested has a scenario '{only}'");
        }

        if (junit is not null)
        {
            var xml = JUnitReport.Build(cases);
            outputs.Add(junit, xml.Declaration + "\n" + xml.Root + "\n");
        }

        outputs.Commit();
        foreach (string received in passed)
        {
            SnapshotFiles.DeleteIfPresent(received);
        }

        int failed = cases.Count(c => !c.Passed);
        console.Out.WriteLine($"{cases.Count - failed} passed, {failed} failed" + (accept ? $" ({accepted} accepted)" : ""));
        return failed > 0 ? ExitCodes.DealErrors : ExitCodes.Ok;
    }

    /// <summary>One scenario against its verified snapshots: passed (its received files to remove, in
    /// <paramref name="passed"/>), accepted, new, or failed with the differences (the files to write added to
    /// <paramref name="outputs"/>).</summary>
    private static (SnapshotCase Case, bool Accepted) Compare(string deal, ScenarioSnapshot snapshot, bool accept, TimeSpan time,
        OutputFiles outputs, List<string> passed)
    {
        var files = SnapshotFiles.For(deal, snapshot.Scenario, snapshot.Entity);
        string ledger = SnapshotFiles.Normalise(snapshot.Ledger), summary = SnapshotFiles.Normalise(snapshot.Summary);
        string? verifiedLedger = SnapshotFiles.ReadIfPresent(files.Ledger(SnapshotFiles.Verified));
        string? verifiedSummary = SnapshotFiles.ReadIfPresent(files.Summary(SnapshotFiles.Verified));

        var details = new List<string>();
        string? failure = null;
        if (verifiedLedger is null || verifiedSummary is null)
        {
            failure = "new snapshot: nothing verified yet";
            details.Add($"no {Path.GetFileName(verifiedLedger is null ? files.Ledger(SnapshotFiles.Verified) : files.Summary(SnapshotFiles.Verified))}; " +
                "check the received files and run 'deallang test --accept' to verify them");
        }
        else
        {
            var ledgerDiff = SnapshotComparison.CompareLedger(verifiedLedger, ledger);
            var summaryDiff = SnapshotComparison.CompareSummary(verifiedSummary, summary);
            if (ledgerDiff.Count > 0)
            {
                details.Add($"ledger differs ({Path.GetFileName(files.Ledger(SnapshotFiles.Verified))} vs {Path.GetFileName(files.Ledger(SnapshotFiles.Received))}):");
                details.AddRange(ledgerDiff.Select(l => "  " + l));
            }

            if (summaryDiff.Count > 0)
            {
                details.Add($"summary differs ({Path.GetFileName(files.Summary(SnapshotFiles.Verified))} vs {Path.GetFileName(files.Summary(SnapshotFiles.Received))}):");
                details.AddRange(summaryDiff.Select(l => "  " + l));
            }

            failure = ledgerDiff.Count > 0 && summaryDiff.Count > 0 ? "ledger and summary differ"
                : ledgerDiff.Count > 0 ? "ledger differs"
                : summaryDiff.Count > 0 ? "summary differs"
                : null;
        }

        bool accepted = false;
        if (failure is not null && accept)
        {
            outputs.Add(files.Ledger(SnapshotFiles.Verified), ledger);
            outputs.Add(files.Summary(SnapshotFiles.Verified), summary);
            accepted = true;
            failure = null;
        }

        if (failure is null)
        {
            passed.Add(files.Ledger(SnapshotFiles.Received));
            passed.Add(files.Summary(SnapshotFiles.Received));
            return (new SnapshotCase(deal, snapshot.Name, true, null, "", time), accepted);
        }

        outputs.Add(files.Ledger(SnapshotFiles.Received), ledger);
        outputs.Add(files.Summary(SnapshotFiles.Received), summary);
        return (new SnapshotCase(deal, snapshot.Name, false, failure, string.Join('\n', details), time), false);
    }

    private static void Print(SnapshotCase result, CliConsole console, bool accepted)
    {
        string label = $"{TerminalText.Escape(result.Deal)} {TerminalText.Escape(result.Name)}";
        if (result.Passed)
        {
            console.Out.WriteLine((accepted ? "accepted " : "ok   ") + label);
            return;
        }

        console.Out.WriteLine($"FAIL {label}: {result.Failure}");
        foreach (string line in result.Details.Split('\n'))
        {
            console.Out.WriteLine("  " + TerminalText.Escape(line));
        }
    }

    /// <summary>A file <c>test</c> tests: a deal file (<see cref="Path"/> and <see cref="Deal"/> the same), or a scenario
    /// file (<see cref="ScenarioFile"/>) tested with the deal it goes with, found as <see cref="ScenarioFileAlone"/>
    /// finds it or the deal it imports (then <see cref="Deal"/> is the scenario file itself): only its own scenarios,
    /// snapshotted beside it under its name (<c>hyperion-stress.MetaDefaults.ledger.verified.csv</c>). A scenario file a
    /// folder's walk found whose deal is not found is <see cref="Unpaired"/>: why, for its failure line.</summary>
    private sealed record TestedFile(string Path, string Deal, string? ScenarioFile, string? Unpaired = null)
    {
        public static TestedFile Of(string path, bool named, CliConsole console)
        {
            try
            {
                return Paired(path, console);
            }
            catch (UsageException e) when (!named)
            {
                // Not named, so not a mistake in the command: one stray scenario file must not stop a project's tests.
                return new(path, path, path, e.Message);
            }
        }

        static TestedFile Paired(string path, CliConsole console) =>
            !ScenarioFileDeal.IsScenarioFile(path) ? new(path, path, null)
            : ScenarioFileAlone.DealFor("test", path, console) is { } deal ? new(path, deal, path)
            : new(path, path, DeclaresADeal(path) ? null : path);

        // A .scenarios file that declares a deal is a deal file by another name: all its scenarios are tested, as a
        // .deal file's are; one that imports its deal is tested for its own scenarios.
        static bool DeclaresADeal(string path) => ScenarioFileDeal.DeclaresADeal(ScenarioFileAlone.Text(path));
    }

    /// <summary>The files to test, in the order given, each folder's .deal and .scenarios files at any depth in
    /// ordinal order (folders whose names start with '.' are passed over), each once (a file named and also found in a
    /// folder, or named twice, where it first comes, as named); a path that does not exist is a usage error.</summary>
    private static List<(string Path, bool Named)> FindFiles(string[] paths)
    {
        var files = new List<(string Path, bool Named)>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string path, bool named)
        {
            string identity = Path.GetFullPath(path); // the same file, however its path was written (links not followed)
            if (at.TryGetValue(identity, out int first))
            {
                files[first] = (files[first].Path, files[first].Named || named);
                return;
            }

            at[identity] = files.Count;
            files.Add((path, named));
        }

        foreach (string path in paths)
        {
            if (path == DealFile.StandardInput)
            {
                // A deal's snapshots sit beside its file: one read from standard input has nowhere to keep them.
                throw new UsageException("test reads deal files and folders, not standard input ('-'): its snapshots are kept beside each deal file");
            }

            if (File.Exists(GivenPath.Require(path, "file or folder")))
            {
                Add(path, named: true);
            }
            else if (Directory.Exists(path))
            {
                foreach (string found in FolderWalk.Files(path, ".deal", ".scenarios"))
                {
                    Add(found, named: false);
                }
            }
            else
            {
                throw new UsageException($"file or folder not found: {path}");
            }
        }

        return files.Count > 0 ? files : throw new UsageException($"no .deal or .scenarios files in {string.Join(", ", paths)}");
    }
}
