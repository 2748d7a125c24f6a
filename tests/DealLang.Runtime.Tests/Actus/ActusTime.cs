namespace DealLang.Runtime.Tests.Actus;

/// <summary>An ACTUS timestamp: our <see cref="Date"/> plus whether it had a time of day other than midnight.</summary>
internal readonly record struct ActusTime(Date Date, bool HasTimeOfDay)
{
    public static ActusTime Parse(string text)
    {
        if (text.Length < 10 || !Date.TryParseIso(text.AsSpan(0, 10), out Date date))
        {
            throw new FormatException($"Not an ACTUS timestamp: '{text}'.");
        }

        ReadOnlySpan<char> time = text.AsSpan(10);
        bool midnight = time.IsEmpty || (time[0] == 'T' && !time[1..].ContainsAnyExcept("0:."));
        return new ActusTime(date, !midnight);
    }
}
