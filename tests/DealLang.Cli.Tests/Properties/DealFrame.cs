using System.Globalization;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// What every generated declaration must agree on: the deal's calendar and the names declared so far. Names are
/// numbered by kind (P1, Ix1, F1, L1, T1, A1, Fee1, Test1, Trig1, Eq) so they never collide with each other or with a
/// keyword, and a reference is always to something declared.
/// </summary>
internal sealed record DealFrame(
    string Name,
    DateOnly Closing,
    DateOnly Maturity,
    string Pay,
    int Parties,
    int Facilities,
    int Tranches,
    int Accounts,
    int Fees,
    int Indices = 0,
    int Fleets = 0,
    int Contracts = 0)
{
    public static readonly string[] Frequencies = ["monthly", "quarterly", "semiannual", "annual"];

    public static readonly string[] DayCounts = ["30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"];

    public int Days => Maturity.DayNumber - Closing.DayNumber;

    public IEnumerable<string> PartyNames => Numbered("P", Parties);

    public IEnumerable<string> FacilityNames => Numbered("F", Facilities);

    public IEnumerable<string> TrancheNames => Numbered("T", Tranches);

    public IEnumerable<string> AccountNames => Numbered("A", Accounts);

    public IEnumerable<string> FeeNames => Numbered("Fee", Fees);

    /// <summary>Market indices: odd ones (Ix1, Ix3) are rates, even ones (Ix2) rents in money per GPU-hour, so a
    /// reader knows each one's unit by its name.</summary>
    public IEnumerable<string> IndexNames => Numbered("Ix", Indices);

    public IEnumerable<string> RateIndexNames => IndexNames.Where(IsRateIndex);

    public static bool IsRateIndex(string index) => (index[^1] - '0') % 2 == 1;

    public IEnumerable<string> FleetNames => Numbered("Fl", Fleets);

    /// <summary>Compute contracts, all on the first fleet (which then has a generation, so they may be re-let); none
    /// without a fleet.</summary>
    public IEnumerable<string> ContractNames => Fleets == 0 ? [] : Numbered("Ct", Contracts);

    /// <summary>Whether the first fleet's sale into the repo market re-lets its idle units (<c>relet idle …</c>): with one
    /// contract on it (its generation then prices the re-let), so that a scenario knows whether its re-let lever applies
    /// (else DL0549) and the other contracted deals keep a sale without one.</summary>
    public bool ReletsIdle => Fleets > 0 && Contracts == 1;

    /// <summary>What the waterfalls pay besides the tranches: every fee, and every fleet's opex.</summary>
    public IEnumerable<string> Expenses => FeeNames.Select(n => "pay " + n).Concat(FleetNames.Select(n => $"pay {n}.opex"));

    /// <summary>A date in (closing, maturity], as the checker wants for `from`, `until`, tranche dates.</summary>
    public DateOnly DayAfterClosing(int offset) => Closing.AddDays(1 + (offset % Days));

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IEnumerable<string> Numbered(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));
}
