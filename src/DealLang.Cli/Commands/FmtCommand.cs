using System.CommandLine;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Format;
using DealLang.Compiler.Parsing;
using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang fmt FILE|DIR [--check] [-o FILE]</c>: the canonical layout (<see cref="DealFormatter"/>). A file is
/// printed formatted (or written to <c>-o</c>, which may be the file itself); a folder's .deal and .scenarios files,
/// at any depth, are formatted in place. With <c>--check</c> nothing is written: the files not in the canonical
/// layout are listed and the exit code is 1 if there is any. A file with a syntax error is never rewritten: its
/// diagnostics are printed and the exit code is 1. <c>-</c> reads the file from standard input (as an editor pipes a
/// buffer through a formatter), named <c>&lt;stdin&gt;</c>.
/// </summary>
internal static class FmtCommand
{
    /// <summary>The extensions of the files a folder is formatted for.</summary>
    internal static readonly string[] Extensions = [".deal", ".scenarios"];

    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "A .deal or .scenarios file (- for standard input), or a folder of them." };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; list the files that are not formatted and exit 1 if there is any.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the formatted file here instead of printing it (a single file only).",
            HelpName = "file",
        };
        var command = new Command("fmt", "Format deal and scenario files in the canonical layout, keeping every comment.") { path, check, output };
        command.SetAction(parse => Execute(parse.GetValue(path)!, parse.GetValue(check), parse.GetValue(output), console));
        return command;
    }

    private static int Execute(string path, bool check, string? output, CliConsole console)
    {
        if (check && output is not null)
        {
            throw new UsageException("--check writes nothing, so it takes no -o: give one or the other"); // -o was read and ignored
        }

        if (path != DealFile.StandardInput && Directory.Exists(path))
        {
            if (output is not null)
            {
                throw new UsageException("-o takes one file; a folder is formatted in place");
            }

            return FormatFolder(path, check, console);
        }

        var (result, refused) = FormatFile(path, console);
        if (refused)
        {
            return ExitCodes.DealErrors;
        }

        if (check)
        {
            if (result.Changed)
            {
                console.Out.WriteLine(TerminalText.Escape(DealFile.Shown(path)));
                return ExitCodes.DealErrors;
            }

            return ExitCodes.Ok;
        }

        if (output is null)
        {
            console.Out.Write(result.Text);
            return ExitCodes.Ok;
        }

        // Not guarded against its input: fmt FILE -o FILE formats the file in place, as documented, and a deal
        // named with -o is the user's explicit choice; fmt reads no other file (not even imports).
        var files = new OutputFiles(null);
        files.Add(output, result.Text!);
        foreach (string written in files.Commit())
        {
            console.Wrote(written); // as every verb's -o says it (not under --verbosity quiet)
        }

        return ExitCodes.Ok;
    }

    /// <summary>Every .deal and .scenarios file under the folder (<see cref="FolderWalk"/>), in ordinal path order: rewritten in place when it
    /// changes (all the formatted files at once, <see cref="OutputFiles"/>), or listed with --check.</summary>
    private static int FormatFolder(string folder, bool check, CliConsole console)
    {
        List<string> paths = FolderWalk.Files(folder, Extensions);
        if (paths.Count == 0)
        {
            // As test does: a folder with nothing to format is a wrong path, not a check that passed.
            throw new UsageException($"no .deal or .scenarios files in {folder}");
        }

        bool failed = false;
        var files = new OutputFiles(null); // in place: each file's output is the file itself
        int changed = 0;
        foreach (string path in paths)
        {
            var (result, refused) = FormatFile(path, console);
            if (refused)
            {
                failed = true;
                continue;
            }

            if (!result.Changed)
            {
                continue;
            }

            changed++;
            if (check)
            {
                console.Out.WriteLine(TerminalText.Escape(path));
                failed = true;
            }
            else
            {
                files.Add(path, result.Text!);
            }
        }

        if (!check)
        {
            // Each file rewritten, and the count, are lines a user may do without, as 'wrote FILE' is (--verbosity
            // quiet leaves them out); --check's list of files not formatted is its result, printed always.
            foreach (string written in files.Commit())
            {
                console.Info(console.Out, $"formatted {TerminalText.Escape(written)}");
            }
        }

        console.Info(console.Error, $"{paths.Count} file(s), {changed} {(check ? "not formatted" : "reformatted")}");
        return failed ? ExitCodes.DealErrors : ExitCodes.Ok;
    }

    /// <summary>One file formatted, or refused with its diagnostics printed: a syntax error, or bytes that are not
    /// UTF-8 (DL0133), which writing the text back would replace.</summary>
    private static (FormatResult Result, bool Refused) FormatFile(string path, CliConsole console)
    {
        var decoding = new DiagnosticBag();
        string shown = DealFile.Shown(path);
        string text = DealText.Decode(shown, DealFile.ReadGiven(path, console), decoding);
        var result = DealFormatter.Format(text, shown);
        var diagnostics = decoding.Items.Concat(result.Diagnostics).ToList();
        DiagnosticPrinter.Print(diagnostics, console.Error);
        bool notUtf8 = decoding.Items.Count > 0;
        if (!result.Succeeded || notUtf8)
        {
            console.Error.WriteLine($"deallang: {TerminalText.Escape(shown)} not formatted: " +
                (notUtf8 ? "it holds bytes that are not UTF-8, which rewriting would replace" : "fix the errors above first"));
            return (result, true);
        }

        return (result, false);
    }
}
