namespace DealLang.Runtime;

/// <summary>
/// Characters a terminal obeys rather than shows: C0 controls, DEL, C1 controls, and the bidirectional overrides
/// and isolates (U+202A-202E, U+2066-2069). One definition for the compiler, which warns about them in a deal's
/// strings (DL0110), and the reports, which print them visibly.
/// </summary>
public static class ControlCharacters
{
    public static bool Is(char c) =>
        c < '\u0020' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The index of the first control character in <paramref name="text"/>, or −1.</summary>
    public static int IndexOfFirst(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (Is(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
