using System.CommandLine;
using DealLang.Cli.Commands;
using DealLang.Compiler.Emit;
using DealLang.Runner.Reports;

namespace DealLang.Cli;

/// <summary>
/// The <c>deallang</c> command: parses the command line, runs one verb, and turns every failure into an exit code
/// and one clear line (docs/cli.md). Verbs are thin: they call the compiler and the runner and print.
/// </summary>
public static class CliApp
{
    /// <summary>Runs one command line. <paramref name="compileOptions"/> (tests) replaces the default cache
    /// settings; cache warnings always go to the console's error stream.</summary>
    public static int Run(string[] args, CliConsole console, CompileOptions? compileOptions = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var options = (compileOptions ?? CompileOptions.Default) with
        {
            Warn = message => console.Info(console.Error, $"deallang: warning: {TerminalText.Escape(message)}"),
        };
        var verbosity = VerbosityOption();
        RootCommand root = Root(console, options, verbosity);
        ParseResult parsed = root.Parse(args);
        // --help and --version clear System.CommandLine's parse errors (`deallang --version --bogus` printed the version,
        // exit 0), but an unknown flag is a usage error wherever it stands (docs/cli.md): the tokens nothing matched say so.
        string[] errors = parsed.Errors.Count > 0
            ? [.. parsed.Errors.Select(e => ParseErrors.Message(e, parsed)).Distinct(StringComparer.Ordinal)] // an option by its long name
            : [.. parsed.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'.")];
        // The library's [suggest] directive (completions for dotnet-suggest) is no part of docs/cli.md: a word like any other.
        errors = [.. parsed.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Directive)
            .Select(t => $"Unrecognized command or argument '{t.Value}'."), .. errors];
        errors = [.. errors.Distinct(StringComparer.Ordinal)]; // an unknown [directive] is also the parser's own error
        if (errors.Length == 0 && (parsed.Action is System.CommandLine.Help.HelpAction || root.Options.OfType<VersionOption>().Any(o => parsed.GetResult(o) is not null)))
        {
            // A verb's <file> takes an unknown flag as its value (`run --bogus --help`), which nothing reads when help
            // or the version is printed: a flag-like argument there is the unknown flag it looks like (one after `--`
            // is the argument it was meant to be).
            errors = [.. parsed.Tokens.TakeWhile(t => t.Type != System.CommandLine.Parsing.TokenType.DoubleDash)
                .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-')
                .Select(t => $"Unrecognized command or argument '{t.Value}'.")];
        }
        if (errors.Length == 0)
        {
            // Without help, a verb's <file> took a flag it does not have as the file's name (`run --bogus`, `run
            // --version`: "file not found: --bogus"); it is the unknown flag it looks like, as beside --help. A file
            // whose name starts with '-' goes after `--` (docs/cli.md), and an option's value (`--seed -1`) is the
            // option's, not the verb's argument.
            var beforeDoubleDash = parsed.Tokens.TakeWhile(t => t.Type != System.CommandLine.Parsing.TokenType.DoubleDash).ToList();
            errors = [.. parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
                .SelectMany(a => a.Tokens)
                .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && beforeDoubleDash.Any(b => ReferenceEquals(b, t)))
                .Select(t => $"Unrecognized command or argument '{t.Value}'.")];
        }

        if (errors.Length > 0)
        {
            foreach (string error in errors)
            {
                // One line per error, as every other CLI error: System.CommandLine lists allowed values on separate lines.
                string message = string.Join(' ', error.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
                console.Error.WriteLine($"deallang: error: {TerminalText.Escape(message)}");
            }

            console.Error.WriteLine("Run 'deallang --help' or 'deallang <verb> --help' for usage.");
            return ExitCodes.UsageError;
        }

        console.Verbosity = ParseVerbosity(parsed.GetValue(verbosity));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (parsed.Action is System.CommandLine.Help.HelpAction help && parsed.CommandResult.Command == root)
            {
                // deallang --help: the library's page, its list of verbs showing which arguments may be left out (RootHelp).
                using var page = new StringWriter();
                int shown = parsed.Invoke(new InvocationConfiguration { Output = page, Error = console.Error, EnableDefaultExceptionHandler = false });
                console.Out.Write(RootHelp.WithVerbUsage(page.ToString(), root, help.MaxWidth));
                return shown;
            }

            int exit = parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
            console.Detail(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{parsed.CommandResult.Command.Name} took {clock.Elapsed.TotalSeconds:F3} s, exit {exit} (JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F3} s)"));
            return exit;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"deallang: error: {TerminalText.Escape(e.Message)}");
            return ExitCodes.UsageError;
        }
        catch (DealLang.Runner.Simulation.SumLimitException e)
        {
            // A Monte Carlo figure beyond the exact sums: the deal's or scenario's scale, not a bug (docs/cli.md).
            console.Error.WriteLine($"deallang: error: {TerminalText.Escape(e.Message)}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (console.Interruption is { Requested: true } interruption)
        {
            // The work stopped and its outputs' temporary files went with it (each verb writes its files at the end).
            console.Error.WriteLine("deallang: interrupted");
            return interruption.ExitCode;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: any bug becomes exit 3 and one line, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"deallang: internal error: {e.GetType().Name}: {TerminalText.Escape(e.Message)}");
            if (Environment.GetEnvironmentVariable("DEALLANG_DEBUG") == "1")
            {
                console.Error.WriteLine(e.ToString());
            }
            else
            {
                console.Error.WriteLine("This is a bug in DealLang; set DEALLANG_DEBUG=1 for details and please report it.");
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>The command line's verbs and options (tests read them: every option, every verb).</summary>
    internal static RootCommand Root(CliConsole console, CompileOptions options, Option<string>? verbosity = null)
    {
        var root = new RootCommand("DealLang: compile and run structured-credit deal files (docs/cli.md).")
        {
            CheckCommand.Create(console),
            BuildCommand.Create(console, options),
            RunCommand.Create(console, options),
            McCommand.Create(console, options),
            MergeCommand.Create(console),
            SolveCommand.Create(console, options),
            LspCommand.Create(console),
            ReportCommand.Create(console, options),
            FmtCommand.Create(console),
            TestCommand.Create(console, options),
        };
        root.Options.Add(verbosity ?? VerbosityOption());

        // The library's help also answered to /h and /?, which on Linux and macOS are paths (check /h printed the help,
        // exit 0, for a deal file at /h), and its [suggest] directive listed completions for dotnet-suggest: neither is
        // in docs/cli.md, whose --help is -h, -? and --help (the directive is refused in Run: cleared from the root, a
        // [word] first on the line was dropped unread).
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Aliases.Remove("/h");
            help.Aliases.Remove("/?");
        }

        return root;
    }

    static readonly string[] Verbosities = ["quiet", "normal", "detailed"];

    /// <summary><c>-v/--verbosity quiet|normal|detailed</c>, an option of the root that every verb takes (recursive), so
    /// a verb added later has it too.</summary>
    static Option<string> VerbosityOption()
    {
        var option = new Option<string>("--verbosity", "-v")
        {
            Description = "quiet: results, diagnostics and errors only; normal; detailed: also the files read and each stage's time.",
            HelpName = "quiet|normal|detailed",
            DefaultValueFactory = _ => "normal",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(Verbosities);
        return option;
    }

    static Verbosity ParseVerbosity(string? text) => text switch
    {
        "quiet" => Verbosity.Quiet,
        "detailed" => Verbosity.Detailed,
        _ => Verbosity.Normal,
    };
}
