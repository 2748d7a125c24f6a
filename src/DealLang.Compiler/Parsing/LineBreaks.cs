namespace DealLang.Compiler.Parsing;

/// <summary>
/// Line breaks as editors count them: <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> (old Mac files). ANTLR counts
/// lines at <c>\n</c> only, so in a file with CR-only line ends every location would be on line 1.
/// </summary>
internal static class LineBreaks
{
    /// <summary>The text with each lone <c>\r</c> turned into <c>\n</c>. The length is unchanged, so every
    /// column and offset stays where it was; strings and line comments end at either character alike.</summary>
    public static string Normalise(string text)
    {
        int first = LoneCarriageReturn(text, 0);
        if (first < 0)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        for (int i = first; i >= 0; i = LoneCarriageReturn(text, i + 1))
        {
            chars[i] = '\n';
        }

        return new string(chars);
    }

    private static int LoneCarriageReturn(string text, int start)
    {
        for (int i = text.IndexOf('\r', start); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 == text.Length || text[i + 1] != '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
