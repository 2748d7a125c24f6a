using System.Globalization;

namespace DealLang.Runtime.Tests.Actus;

/// <summary>An ACTUS cycle such as <c>P6ML1</c>: a whole number of months (years are 12 months) and a stub rule.</summary>
internal sealed record ActusCycle(int Months, bool LongStub)
{
    /// <summary>Parses <c>P{n}M</c> / <c>P{n}Y</c> with stub <c>L0</c> (long last period) or <c>L1</c> (short); other units give null.</summary>
    public static bool TryParse(string? text, out ActusCycle? cycle)
    {
        cycle = null;
        if (text is null || text.Length < 5 || text[0] != 'P' || text[^2] != 'L' || text[^1] is not ('0' or '1'))
        {
            return false;
        }

        char unit = text[^3];
        ReadOnlySpan<char> count = text.AsSpan(1, text.Length - 4);
        if (unit is not ('M' or 'Y') || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
        {
            return false;
        }

        cycle = new ActusCycle(unit == 'Y' ? n * 12 : n, text[^1] == '0');
        return true;
    }

    public static ActusCycle? Parse(string? text) =>
        text is null ? null : TryParse(text, out ActusCycle? c) ? c : throw new NotSupportedException($"Cycle {text}.");

    public Date Add(Date anchor, int periods) => anchor.AddMonths(Months * periods);

    /// <summary>
    /// The reference's schedule rule: anchor, anchor + k·cycle (each from the anchor) while before
    /// <paramref name="end"/>, then end itself if asked. With a long stub and an end off the cycle, the last
    /// rolled date is dropped so the final period is long. (End-of-month convention SD: no month-end shift.)
    /// </summary>
    public static List<Date> Schedule(Date anchor, Date end, ActusCycle? cycle, bool includeEnd)
    {
        var dates = new List<Date> { anchor };
        if (cycle is null)
        {
            AddEnd(dates, anchor, end, includeEnd);
            return dates;
        }

        dates.Clear();
        Date next = anchor;
        int counter = 1;
        while (next < end)
        {
            dates.Add(next);
            next = cycle.Add(anchor, counter++);
        }

        AddEnd(dates, anchor, end, includeEnd);
        if (cycle.LongStub && dates.Count > 2 && next != end)
        {
            dates.Remove(cycle.Add(anchor, counter - 2));
        }

        return dates;
    }

    private static void AddEnd(List<Date> dates, Date anchor, Date end, bool includeEnd)
    {
        if (includeEnd)
        {
            if (!dates.Contains(end))
            {
                dates.Add(end);
            }
        }
        else if (end == anchor)
        {
            dates.Remove(anchor);
        }
    }
}
