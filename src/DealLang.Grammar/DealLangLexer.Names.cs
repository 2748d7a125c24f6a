using System.Globalization;

namespace DealLang.Grammar;

/// <summary>
/// The predicates of the lexer's <c>NON_ASCII_NAME</c> (grammar/DealLang.g4) for a character outside ASCII, the one
/// just matched: whether it may start a name (a letter, \p{L}) or go on with one (a letter, a mark or a number:
/// \p{L}, \p{M}, \p{N}). The input is UTF-16 code units, as the lexer reads it, so half of a surrogate pair is
/// neither (its category is Surrogate), as it was with the sets in the grammar.
/// </summary>
public partial class DealLangLexer
{
    static bool IsNameStart(int c) => c is >= 0 and <= char.MaxValue && char.IsLetter((char)c);

    static bool IsNamePart(int c) => c is >= 0 and <= char.MaxValue && CharUnicodeInfo.GetUnicodeCategory((char)c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
