namespace DealLang.Runtime;

/// <summary>
/// Western (Gregorian) Easter Sunday, by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher, published in Nature,
/// 1876): the first Sunday after the ecclesiastical full moon on or after 21 March. Exact for every Gregorian year;
/// TARGET2's Good Friday and Easter Monday are two days before and one day after it.
/// </summary>
public static class Easter
{
    public static Date Sunday(int year)
    {
        int a = year % 19;              // the year's place in the 19-year Metonic cycle of moons
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;        // the lunar correction
        int h = ((19 * a) + b - d - g + 15) % 30;  // days from 21 March to the full moon, near enough
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;  // days from the full moon to the Sunday after it
        int m = (a + (11 * h) + (22 * l)) / 451;
        int monthAndDay = h + l - (7 * m) + 114;
        return new Date(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
