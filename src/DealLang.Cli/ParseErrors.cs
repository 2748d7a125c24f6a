using System.CommandLine;
using System.CommandLine.Parsing;

namespace DealLang.Cli;

/// <summary>
/// The command-line parser's errors with an option named as docs/cli.md names it, by its long name (<c>--scenario</c>),
/// with the spellings the user typed beside it. The parser named an option by the spelling typed first:
/// <c>-s X --scenario Y</c> was "Option '-s' expects a single argument but 2 were provided", naming one of the two and
/// not the other, and <c>run -f</c> "Required argument missing for option: '-f'", where the docs and the CLI's own
/// messages say <c>--format</c>.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The message of <paramref name="error"/>, from the parse <paramref name="parsed"/>.</summary>
    public static string Message(ParseError error, ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(parsed);
        if (error.SymbolResult is not OptionResult { IdentifierToken: { } first } result)
        {
            return error.Message;
        }

        Option option = result.Option;
        if (result.IdentifierTokenCount > 1 && option.Arity.MaximumNumberOfValues == 1)
        {
            // The one error an option of one value given more than once has: each occurrence as typed, with its value.
            List<string> typed = Occurrences(option, result, parsed);
            string times = typed.Count == 2 ? "twice" : $"{typed.Count} times";
            return $"{option.Name} is given {times} ({string.Join(", ", typed)}) and takes one value: give it once";
        }

        // Any other error naming the option by the spelling typed (its short alias): by its long name, that spelling after.
        string quoted = $"'{first.Value}'";
        return first.Value != option.Name && error.Message.Contains(quoted, StringComparison.Ordinal)
            ? error.Message.Replace(quoted, $"'{option.Name}' ({first.Value})", StringComparison.Ordinal)
            : error.Message;
    }

    // Each time the option appears on the command line, its spelling and the value after it (none when the next word is
    // not the option's: a flag's, or one missing).
    private static List<string> Occurrences(Option option, OptionResult result, ParseResult parsed)
    {
        var occurrences = new List<string>();
        IReadOnlyList<Token> tokens = parsed.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && (tokens[i].Value == option.Name || option.Aliases.Contains(tokens[i].Value)))
            {
                bool valued = i + 1 < tokens.Count && result.Tokens.Any(t => ReferenceEquals(t, tokens[i + 1]));
                occurrences.Add(valued ? $"{tokens[i].Value} {tokens[i + 1].Value}" : tokens[i].Value);
            }
        }

        // The tokens name them all; should they not (a parser that spells them otherwise), the count still holds.
        return occurrences.Count == result.IdentifierTokenCount ? occurrences : [.. Enumerable.Repeat(result.IdentifierToken!.Value, result.IdentifierTokenCount)];
    }
}
