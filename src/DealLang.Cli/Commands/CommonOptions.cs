using System.CommandLine;

namespace DealLang.Cli.Commands;

/// <summary>Arguments and options shared by several verbs, so they are spelled and described once.</summary>
internal static class CommonOptions
{
    public static Argument<string> DealFileArgument() => new("file")
    {
        Description = "The .deal file to read.",
    };
}
