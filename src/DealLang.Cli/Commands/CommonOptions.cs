using System.CommandLine;

namespace DealLang.Cli.Commands;

/// <summary>Arguments and options shared by several verbs, so they are spelled and described once.</summary>
internal static class CommonOptions
{
    public static Argument<string> DealFileArgument() => new("file")
    {
        Description = "The .deal file to read (with the files it imports); '-' reads it from standard input.",
    };

    /// <summary><c>-o/--output FILE</c>: the verb's report (what it prints on standard output) written to a file.</summary>
    public static Option<string?> OutputOption() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
        HelpName = "file",
    };

    /// <summary><c>--scenarios FILE</c>, repeatable: scenario files checked (and run) with the deal.</summary>
    public static Option<string[]> ScenarioFilesOption() => new("--scenarios")
    {
        Description = "A file of scenarios for the deal, checked and run with it (repeat for several).",
        HelpName = "file",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
