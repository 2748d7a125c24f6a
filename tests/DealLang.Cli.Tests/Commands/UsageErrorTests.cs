using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>Bad flags, files and scenario names: one clear line each, exit 2, never a stack trace.</summary>
public class UsageErrorTests
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("check")]
    [InlineData("run", "--format", "xml", "FILE")]
    [InlineData("run", "--no-such-flag", "FILE")]
    [InlineData("build", "FILE", "--emit-cs")]
    public void Bad_command_lines_exit_2_with_a_message(params string[] args)
    {
        var outcome = CliHarness.Run([.. args.Select(a => a == "FILE" ? Hyperion : a)]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("deallang: error:", outcome.Err, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    // --help and --version cleared System.CommandLine's parse errors: an unknown flag beside them exited 0.
    [Theory]
    [InlineData("--version", "--bogus")]
    [InlineData("--help", "--bogus")]
    [InlineData("check", "FILE", "-h", "--bogus")]
    [InlineData("run", "--bogus", "--help")] // the verb's <file> took the flag as its value, and help printed (exit 0)
    [InlineData("mc", "--bogus", "-h")]
    public void An_unknown_flag_beside_help_or_version_is_a_usage_error(params string[] args)
    {
        var outcome = CliHarness.Run([.. args.Select(a => a == "FILE" ? Hyperion : a)]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("deallang: error: Unrecognized command or argument '--bogus'.", outcome.Err, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Theory]
    [InlineData("run", "--help")]
    [InlineData("run", "-", "--help")]      // '-' is standard input, a file argument, not a flag
    [InlineData("run", "FILE", "--help")]
    public void Help_with_a_file_argument_or_none_exits_0(params string[] args)
    {
        var outcome = CliHarness.Run([.. args.Select(a => a == "FILE" ? Hyperion : a)]);

        Assert.Equal(0, outcome.Exit);
        Assert.Contains("Usage:", outcome.Out, StringComparison.Ordinal);
    }

    // --scenarios counted its files over every occurrence, so one given without its file (a shell variable left empty)
    // was read and ignored: the verb ran, exit 0, without the scenarios asked for. Each occurrence takes a file.
    [Theory]
    [InlineData("check", "FILE", "--scenarios")]
    [InlineData("run", "FILE", "--scenarios")]
    [InlineData("check", "FILE", "--scenarios", "STRESS", "--scenarios")]
    [InlineData("run", "FILE", "--scenarios", "--scenarios", "STRESS")]
    [InlineData("mc", "FILE", "--scenario", "StochasticRent", "--scenarios")]
    [InlineData("report", "FILE", "-o", "x.html", "--scenarios")]
    [InlineData("solve", "FILE", "--fair-spread", "Notes", "--scenarios")]
    public void Scenarios_without_its_file_is_a_usage_error(params string[] args)
    {
        string stress = Path.Combine(RepoPaths.Examples, "hyperion-stress.scenarios");
        var outcome = CliHarness.Run([.. args.Select(a => a switch { "FILE" => Hyperion, "STRESS" => stress, _ => a })]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.StartsWith("deallang: error: --scenarios takes a file each time it is given (--scenarios FILE), and one has none\n",
            outcome.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
        AssertNoStackTrace(outcome);
    }

    // A verb's <file> took a flag it does not have as the file's name: `run --version` said "file not found: --version".
    // It is the unknown flag it looks like, as beside --help; a file whose name starts with '-' goes after `--`, and an
    // option's own value (--seed -1) is still the option's.
    [Theory]
    [InlineData("run", "--version")]
    [InlineData("run", "--bogus")]
    [InlineData("check", "-x")]
    [InlineData("test", "--bogus")]
    [InlineData("merge", "--bogus")]
    [InlineData("fmt", "--bogus")]
    public void A_flag_where_the_verbs_file_goes_is_an_unknown_flag(string verb, string flag)
    {
        var outcome = CliHarness.Run(verb, flag);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: Unrecognized command or argument '{flag}'.\nRun 'deallang --help' or 'deallang <verb> --help' for usage.\n",
            outcome.Err.ReplaceLineEndings("\n"));
        Assert.Equal("file not found: --bogus", CliHarness.Run("run", "--", "--bogus").Err.Trim()["deallang: error: ".Length..]);
    }

    // '-' is standard input to every verb; as an output it made a file or folder named '-' in the working folder
    // (report -o -, fmt - -o -, --paths-out -, run --out -), where standard output was meant. --output's own check
    // refused it already for the verbs that print a report; every other output now refuses it too, before any work.
    [Theory]
    [InlineData("file", "report", "FILE", "-o", "-")]
    [InlineData("file", "mc", "FILE", "--scenarios", "MC", "-s", "StochasticRent", "-n", "4", "-t", "1", "--paths-out", "-")]
    [InlineData("file", "mc", "FILE", "--scenarios", "MC", "-s", "StochasticRent", "-n", "4", "-t", "1", "--shard", "1/2", "--out", "-")]
    [InlineData("file", "fmt", "FILE", "-o", "-")]
    [InlineData("file", "test", "FILE", "--junit", "-")]
    [InlineData("folder", "run", "FILE", "-s", "Base", "--out", "-")]
    [InlineData("folder", "build", "FILE", "--out", "-")]
    [InlineData("folder", "build", "FILE", "--emit-cs", "-")]
    public void Standard_input_is_no_output(string kind, params string[] args)
    {
        string mc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");
        string folder = Directory.CreateTempSubdirectory("deallang-dash-").FullName;
        try
        {
            // The deal is copied into a folder of its own: test would write its snapshots beside it.
            string deal = Path.Combine(folder, "hyperion.deal");
            File.Copy(Hyperion, deal);
            var outcome = CliHarness.Run([.. args.Select(a => a switch { "FILE" => deal, "MC" => mc, _ => a })]);

            Assert.Equal(ExitCodes.UsageError, outcome.Exit);
            Assert.Equal(kind == "folder"
                    ? "deallang: error: '-' is standard input, not a folder to write into: give the folder's path (./- for a folder named '-')\n"
                    : "deallang: error: '-' is standard input, not a file to write: give the file's path (./- for a file named '-', /dev/stdout for standard output)\n",
                outcome.Err.ReplaceLineEndings("\n"));
            Assert.False(Path.Exists("-"), "nothing named '-' is made in the working folder");
            Assert.Equal(["hyperion.deal"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // --scenarios is shared by the verbs that take it, and check's help said its files were "checked and run with it":
    // check runs nothing (docs/cli.md, check).
    [Fact]
    public void Checks_help_says_its_scenario_files_are_checked_not_run()
    {
        var outcome = CliHarness.Run("check", "--help");

        Assert.Equal(0, outcome.Exit);
        Assert.Contains("A file of scenarios for the deal, checked with it (repeat for several); check runs nothing.", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("checked and run with it", CliHarness.Run("run", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_format_is_one_line_naming_the_allowed_values()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--format", "xml");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        var first = outcome.Err.Split('\n')[0];
        Assert.Contains("'xml'", first, StringComparison.Ordinal);
        Assert.Contains("'table' 'csv' 'json' 'md'", first, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_is_a_usage_error()
    {
        var outcome = CliHarness.Run();
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    [InlineData("run")]
    public void Missing_file_is_one_line(string verb)
    {
        var outcome = CliHarness.Run(verb, "no/such/file.deal");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: file not found: no/such/file.deal", outcome.Err.Trim());
        Assert.Empty(outcome.Out);
    }

    // An empty path (a shell variable that was not set: deallang check "$DEAL", -o "$OUT") is named as such, where a
    // deal's was "file not found: " with nothing after the colon and an output's an internal error ("The value cannot
    // be an empty string").
    [Theory]
    [InlineData("'' is not a file's path", "check", "")]
    [InlineData("' ' is not a file's path", "run", " ", "--scenario", "Base")]
    [InlineData("'' is not a file's path", "run", "")]
    [InlineData("'' is not a file's path", "run", "{hyperion}", "--scenarios", "")]
    [InlineData("'' is not a file's path", "mc", "{coreweave}", "--scenario", "Stochastic", "--paths", "10", "--paths-out", "")]
    [InlineData("'' is not a file's path", "mc", "{coreweave}", "--scenario", "Stochastic", "--paths", "10", "--shard", "1/2", "--out", "")]
    [InlineData("'' is not a shard file's path", "merge", "")]
    [InlineData("'' is not a folder's path", "run", "{hyperion}", "--out", "")]
    [InlineData("'' is not a file's path", "fmt", "{hyperion}", "-o", "")]
    [InlineData("'' is not a file's path", "report", "{hyperion}", "-o", "")]
    [InlineData("'' is not a file or folder's path", "test", "")]
    public void An_empty_path_is_not_a_path(string message, params string[] args)
    {
        string[] resolved = [.. args.Select(a => a
            .Replace("{hyperion}", Path.Combine(RepoPaths.Examples, "hyperion.deal"), StringComparison.Ordinal)
            .Replace("{coreweave}", Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"), StringComparison.Ordinal))];
        var outcome = CliHarness.Run(resolved);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: {message}", outcome.Err.Trim());
    }

    [Fact]
    public void A_directory_is_not_a_deal_file()
    {
        var outcome = CliHarness.Run("check", RepoPaths.Examples);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: '{RepoPaths.Examples}' is a directory; give a .deal file", outcome.Err.Trim());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("solve", "--fair-spread", "Notes")]
    public void A_directory_given_as_a_scenario_file_is_asked_for_as_one(params string[] args)
    {
        // It was asked for as "a .deal file", which a --scenarios file is not.
        var outcome = CliHarness.Run([args[0], Hyperion, "--scenarios", RepoPaths.Examples, .. args[1..]]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: '{RepoPaths.Examples}' is a directory; give a scenario file", outcome.Err.Trim());
    }

    [Fact]
    public void Unknown_scenario_names_the_ones_that_exist()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenario", "Armageddon");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("unknown scenario 'Armageddon'", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("Base", outcome.Err, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    /// <summary>Every option of every verb that takes one value (the recursive <c>--verbosity</c> included), with its
    /// short alias when it has one: <c>verb option alias</c>.</summary>
    public static TheoryData<string, string, string> OptionsOfOneValue()
    {
        var rows = new TheoryData<string, string, string>();
        var root = CliApp.Root(new CliConsole(TextWriter.Null, TextWriter.Null), DealLang.Compiler.Emit.CompileOptions.Default);
        foreach (var verb in root.Subcommands)
        {
            foreach (var option in verb.Options.Concat(root.Options.Where(o => o.Recursive)))
            {
                bool flag = option.ValueType == typeof(bool) || option.ValueType == typeof(bool?);
                if (!flag && option.Arity.MaximumNumberOfValues == 1 && option.Name.StartsWith("--", StringComparison.Ordinal))
                {
                    rows.Add(verb.Name, option.Name, option.Aliases.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "");
                }
            }
        }

        return rows;
    }

    /// <summary>Every option of every verb that takes a whole number (<c>--paths</c>, <c>--seed</c>, <c>--threads</c>,
    /// <c>--replay-path</c>, <c>--replicates</c>, and any added later): <c>verb option</c>.</summary>
    public static TheoryData<string, string> WholeNumberOptions()
    {
        var rows = new TheoryData<string, string>();
        var root = CliApp.Root(new CliConsole(TextWriter.Null, TextWriter.Null), DealLang.Compiler.Emit.CompileOptions.Default);
        Type[] wholeNumbers = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(ulong), typeof(ulong?), typeof(uint), typeof(uint?)];
        foreach (var verb in root.Subcommands)
        {
            foreach (var option in verb.Options.Where(o => wholeNumbers.Contains(o.ValueType)))
            {
                rows.Add(verb.Name, option.Name);
            }
        }

        return rows;
    }

    [Fact]
    public void The_whole_number_options_are_the_ones_docs_cli_md_lists()
    {
        // So that the theory below covers them all, and a new one is noticed.
        Assert.Equal(
            ["mc --paths", "mc --replay-path", "mc --replicates", "mc --seed", "mc --threads", "report --paths", "report --seed", "report --threads",
             "solve --paths", "solve --seed", "solve --threads"],
            WholeNumberOptions().Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));
    }

    // A whole number is plain decimal digits (docs/cli.md, "Numbers"). The options read it with int.Parse's rules, which
    // took a sign '+', white space around the digits and leading zeros: `--paths ' 1'`, `--seed +1`, `--threads 007`
    // ran as 1, 1 and 7, so a padded or mangled value from a script ran silently. Each is refused naming the option,
    // the value and how to write it, before any work. How to write it is the number meant when the option takes it, else
    // the option's range: `--paths -0` said "(write 0)", and `--paths 0` was then refused as below 1.
    [Theory]
    [MemberData(nameof(WholeNumberOptions))]
    public void A_whole_number_is_plain_digits(string verb, string option)
    {
        // Each option's least (its WholeNumber(least: …) and the verb's range check): a fix below it names the range.
        int least = option switch { "--paths" or "--threads" => 1, "--replicates" => 2, _ => 0 };
        string Write(int meant) => meant < least ? $"({option} must be at least {least}: write {least} or more)" : $"(write {meant})";
        (string Value, string Message)[] cases =
        [
            (" 1", $"{option} takes a whole number with no spaces around it, not ' 1' {Write(1)}"),
            ("2 ", $"{option} takes a whole number with no spaces around it, not '2 ' {Write(2)}"),
            ("+1", $"{option} takes a whole number without a '+', not '+1' {Write(1)}"),
            ("007", $"{option} takes a whole number without leading zeros, not '007' {Write(7)}"),
            ("00", $"{option} takes a whole number without leading zeros, not '00' {Write(0)}"),
            ("-0", $"{option} takes a whole number with no sign on zero, not '-0' {Write(0)}"),
            ("1_000", $"{option} takes a whole number, not '1_000'"),
            ("\u0663", $"{option} takes a whole number, not '\u0663'"), // an Arabic-Indic three: not a decimal digit here
            ("", $"{option} takes a whole number, not ''"),
        ];
        foreach ((string value, string message) in cases)
        {
            var outcome = CliHarness.Run(verb, Hyperion, option, value);
            Assert.Equal(ExitCodes.UsageError, outcome.Exit);
            // report's -o and mc's --scenario, required, are missing too: a parse error of their own on another line
            Assert.Contains($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.EndsWith("Run 'deallang --help' or 'deallang <verb> --help' for usage.\n", outcome.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Equal("", outcome.Out);
        }
    }

    // A symbolic link to nothing as the deal or a scenario file said "cannot read x.deal: Could not find file
    // '/full/path/x.deal'", where a missing file says "file not found": it is that, naming where the link leads.
    [Theory]
    [InlineData("check", "{link}")]
    [InlineData("run", "{hyperion}", "--scenarios", "{link}")]
    [InlineData("fmt", "{link}")]
    [InlineData("test", "{link}")]
    public void A_link_to_nothing_is_a_file_not_found(params string[] args)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }

        string folder = Path.Combine(Path.GetTempPath(), "deallang-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string link = Path.Combine(folder, "gone.deal");
            File.CreateSymbolicLink(link, "nowhere.deal");
            var outcome = CliHarness.Run([.. args.Select(a => a.Replace("{link}", link, StringComparison.Ordinal).Replace("{hyperion}", Hyperion, StringComparison.Ordinal))]);
            Assert.Equal(ExitCodes.UsageError, outcome.Exit);
            Assert.Equal($"deallang: error: file not found: {link} is a symbolic link to nowhere.deal, which does not exist\n", outcome.Err.ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The library's help answered to /h and /? as well (Windows spellings), which on Linux are paths: `check /h` printed
    // check's help, exit 0, where docs/cli.md's help is -h, -? and --help; and its [suggest] directive, undocumented,
    // printed completions. Each is now what it looks like: a file that is not there, an unknown argument.
    [Theory]
    [InlineData("deallang: error: file not found: /h", "check", "/h")]
    [InlineData("deallang: error: file not found: /?", "run", "/?")]
    [InlineData("deallang: error: Unrecognized command or argument '/h'.", "/h")]
    [InlineData("deallang: error: Unrecognized command or argument '[suggest]'.", "[suggest]", "run")]
    [InlineData("deallang: error: Unrecognized command or argument '[diagram]'.", "[diagram]", "run")]
    public void Only_the_documented_help_spellings_print_help(string message, params string[] args)
    {
        var outcome = CliHarness.Run(args);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Single(outcome.Err.ReplaceLineEndings("\n").Split('\n'), line => line == message); // once
        Assert.Equal("", outcome.Out);

        foreach (string help in (string[])["-h", "-?", "--help"])
        {
            var shown = CliHarness.Run("check", help);
            Assert.Equal(ExitCodes.Ok, shown.Exit);
            Assert.Contains("-?, -h, --help", shown.Out, StringComparison.Ordinal);
        }
    }

    // A file the system fails to read (an I/O error; /proc/self/mem reads as one) is named once: the system's message
    // repeated it ("cannot read /proc/self/mem: Input/output error : '/proc/self/mem'").
    [Theory]
    [InlineData("cannot read /proc/self/mem: Input/output error", "check", "/proc/self/mem")]
    [InlineData("cannot read /proc/self/mem: Input/output error", "run", "{hyperion}", "--scenarios", "/proc/self/mem")]
    [InlineData("cannot read shard file /proc/self/mem: Input/output error", "merge", "/proc/self/mem")]
    public void A_file_the_system_cannot_read_is_named_once(string message, params string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var outcome = CliHarness.Run([.. args.Select(a => a.Replace("{hyperion}", Hyperion, StringComparison.Ordinal))]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"));
    }

    // docs/cli.md, "Every verb": an option's value may follow '=' or ':' (--paths=7), a short option's its letter
    // (-sBase), and @FILE reads arguments from FILE; a file named @x.deal is given as ./@x.deal or after '--'.
    [Fact]
    public void Values_after_equals_and_response_files_are_read_as_documented()
    {
        string folder = Path.Combine(Path.GetTempPath(), "deallang-usage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var twice = CliHarness.Run("run", Hyperion, "--scenario=Base", "-fcsv", "--format:csv");
            Assert.Contains("deallang: error: --format is given twice (-f csv, --format csv) and takes one value: give it once\n", twice.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);

            var plain = CliHarness.Run("run", Hyperion, "--scenario=Base", "-fcsv");
            Assert.Equal(ExitCodes.Ok, plain.Exit);
            Assert.StartsWith("# Hyperion: scenario Base: period ledger\nperiod,start,end,", plain.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);

            string arguments = Path.Combine(folder, "args.rsp");
            File.WriteAllText(arguments, "--scenario Base\n--format csv\n");
            var response = CliHarness.Run("run", Hyperion, "@" + arguments);
            Assert.Equal(ExitCodes.Ok, response.Exit);
            Assert.Equal(plain.Out, response.Out);

            var missing = CliHarness.Run("run", Hyperion, "@" + Path.Combine(folder, "none.rsp"));
            Assert.Equal(ExitCodes.UsageError, missing.Exit);
            Assert.StartsWith($"deallang: error: Response file not found '{Path.Combine(folder, "none.rsp")}'.", missing.Err, StringComparison.Ordinal);
            AssertNoStackTrace(missing);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The parser named an option given twice by the spelling typed first: `-s X --scenario Y` was "Option '-s' expects a
    // single argument but 2 were provided". The long name leads, as in docs/cli.md, and every spelling typed follows.
    [Theory]
    [MemberData(nameof(OptionsOfOneValue))]
    public void An_option_given_twice_is_named_by_its_long_name_and_each_spelling_typed(string verb, string option, string alias)
    {
        var longTwice = CliHarness.Run(verb, Hyperion, option, "1", option, "2");
        Assert.Equal(ExitCodes.UsageError, longTwice.Exit);
        Assert.Contains($"deallang: error: {option} is given twice ({option} 1, {option} 2) and takes one value: give it once\n", longTwice.Err, StringComparison.Ordinal);

        if (alias.Length > 0)
        {
            var both = CliHarness.Run(verb, Hyperion, alias, "1", option, "2", alias, "3");
            Assert.Equal(ExitCodes.UsageError, both.Exit);
            Assert.Contains($"deallang: error: {option} is given 3 times ({alias} 1, {option} 2, {alias} 3) and takes one value: give it once\n", both.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("expects a single argument", both.Err, StringComparison.Ordinal);
        }
    }

    // The parser named an option without its value by the spelling typed: `run -f` was "Required argument missing for
    // option: '-f'.", where docs/cli.md and the CLI's own messages say --format. The long name leads; the alias typed follows.
    [Theory]
    [MemberData(nameof(OptionsOfOneValue))]
    public void An_option_without_its_value_is_named_by_its_long_name(string verb, string option, string alias)
    {
        var asLong = CliHarness.Run(verb, Hyperion, option);
        Assert.Equal(ExitCodes.UsageError, asLong.Exit);
        Assert.Contains($"deallang: error: Required argument missing for option: '{option}'.\n", asLong.Err, StringComparison.Ordinal);

        if (alias.Length > 0)
        {
            var asAlias = CliHarness.Run(verb, Hyperion, alias);
            Assert.Equal(ExitCodes.UsageError, asAlias.Exit);
            Assert.Contains($"deallang: error: Required argument missing for option: '{option}' ({alias}).\n", asAlias.Err, StringComparison.Ordinal);
        }
    }

    // -o on the verbs that print a report said "--output takes a file to write the report to, not '-' (…)", where
    // docs/cli.md gives every output's message for '-' and for a blank path (an unset shell variable), as the other
    // outputs (report -o, --paths-out, --junit) said them.
    [Theory]
    [InlineData("check", "--format", "json")]
    [InlineData("run")]
    [InlineData("mc", "--scenario", "StochasticRent")]
    [InlineData("merge")]
    [InlineData("solve", "--hurdle", "MetaLease.rent", "--target", "Sponsor irr = 10%")]
    [InlineData("report")]
    public void Output_to_standard_input_or_a_blank_path_is_refused_as_every_output_is(string verb, params string[] rest)
    {
        var dash = CliHarness.Run([verb, Hyperion, .. rest, "-o", "-"]);
        Assert.Equal(ExitCodes.UsageError, dash.Exit);
        Assert.Equal("deallang: error: '-' is standard input, not a file to write: give the file's path (./- for a file named '-', /dev/stdout for standard output)", dash.Err.Trim());

        var blank = CliHarness.Run([verb, Hyperion, .. rest, "--output", ""]);
        Assert.Equal(ExitCodes.UsageError, blank.Exit);
        Assert.Equal("deallang: error: '' is not a file's path", blank.Err.Trim());
    }

    [Fact]
    public void An_option_given_twice_keeps_each_value_as_typed_and_the_usage_line()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenario=Base", "-sStress");

        Assert.Equal(
            "deallang: error: --scenario is given twice (--scenario Base, -s Stress) and takes one value: give it once\n"
            + "Run 'deallang --help' or 'deallang <verb> --help' for usage.\n",
            outcome.Err);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("build", "--help")]
    [InlineData("run", "--help")]
    public void Help_is_printed_and_succeeds(params string[] args)
    {
        var outcome = CliHarness.Run(args);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Contains("Usage:", outcome.Out, StringComparison.Ordinal);
    }

    internal static void AssertNoStackTrace(CliOutcome outcome)
    {
        Assert.DoesNotContain("   at ", outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Err, StringComparison.Ordinal);
    }
}
