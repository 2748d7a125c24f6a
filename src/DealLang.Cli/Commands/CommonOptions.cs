using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

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
    public static Option<string[]> ScenarioFilesOption()
    {
        var option = new Option<string[]>("--scenarios")
        {
            Description = "A file of scenarios for the deal, checked and run with it (repeat for several).",
            HelpName = "file",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        // Each --scenarios takes one file. The arity counts the files over every occurrence, so a bare one (a shell
        // variable left empty, the file forgotten: `--scenarios`, `--scenarios a --scenarios`) was read and ignored,
        // and the command ran without the scenarios asked for; an occurrence without its file is a usage error.
        option.Validators.Add(result =>
        {
            if (result.IdentifierTokenCount > result.Tokens.Count)
            {
                result.AddError("--scenarios takes a file each time it is given (--scenarios FILE), and one has none");
            }
        });
        return option;
    }

    /// <summary>
    /// Makes <paramref name="option"/> (<c>--paths</c>, <c>--seed</c>, <c>--threads</c>…) read its value as a whole
    /// number in plain decimal digits (<see cref="WholeNumberText"/>), with a parse error that names the option and says
    /// what it takes: System.CommandLine's own names a .NET type (<c>'System.Nullable`1[System.Int32]'</c>).
    /// <paramref name="least"/> is the smallest value the verb takes, for the message about a number too large to hold;
    /// whether a number that parses is at least that is the verb's check (its message says so: "--paths must be at least
    /// 1, not 0").
    /// </summary>
    public static Option<T?> WholeNumber<T>(this Option<T?> option, T least, T? most = null)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        option.CustomParser = result => ParseWholeNumber(option.Name, least, result, most);
        return option;
    }

    /// <summary><see cref="WholeNumber{T}(Option{T?}, T)"/> for an option with a default: <paramref name="fallback"/>
    /// after a parse error (which ends the command anyway).</summary>
    public static Option<T> WholeNumber<T>(this Option<T> option, T least, T fallback)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        option.CustomParser = result => ParseWholeNumber(option.Name, least, result) ?? fallback;
        return option;
    }

    // most: the largest value the verb takes, when below the type's (--replicates: 1000), for the message about a number
    // too large to hold, which named the type's largest ("from 2 to 2147483647, not 99999999999").
    static T? ParseWholeNumber<T>(string name, T least, ArgumentResult result, T? most = null)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[^1].Value;
        if (WholeNumberText.Mistake(name, text, BigInteger.CreateChecked(least), BigInteger.CreateChecked(most ?? T.MaxValue)) is { } mistake)
        {
            result.AddError(mistake);
            return null;
        }

        // The digits are plain (WholeNumberText): a number the type cannot hold is out of range, named with the range.
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture,
            $"{name} takes a whole number from {least} to {most ?? T.MaxValue}, not {BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)}"));
        return null;
    }
}
