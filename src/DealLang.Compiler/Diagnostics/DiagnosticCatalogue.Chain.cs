namespace DealLang.Compiler.Diagnostics;

// DL0700–DL0729: several entities in one run (docs/language.md §5 "holding" and "Entities"): a deal that imports
// another file's deal holds its tranche or equity. Each is located at the holding (or the imported deal's name)
// that makes it.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0700: an imported deal has the same name as the deal that imports it or as another imported
    /// deal; entities are named by their deal's name, so two of one name cannot be told apart.</summary>
    public static Diagnostic EntityNameClash(SourceSpan span, string name, SourceSpan other) =>
        Error("DL0700", span, $"deal '{name}' has the same name as the imported deal declared at {other}; each entity of a chain needs its own deal name");

    /// <summary>DL0701: holdings go round in a circle (a deal holds a deal that, directly or through others,
    /// holds it): no entity could run first. The message names the circle.</summary>
    public static Diagnostic HoldingCycle(SourceSpan span, IEnumerable<string> chain) =>
        Error("DL0701", span, "holdings go round in a circle: " + string.Join(" holds ", chain) + "; an entity cannot hold, directly or through others, a deal that holds it");

    /// <summary>DL0702: a holding names a deal that no imported file declares.</summary>
    public static Diagnostic UnknownEntity(SourceSpan span, string holding, string entity, string? suggestion) =>
        Error("DL0702", span, $"holding '{holding}' is of '{entity}', but no imported file declares a deal of that name"
            // The example path is the deal's own name: a fixed one ("hyperion.deal", as it was) read as an instruction to import that file.
            + (suggestion is null
                ? $"; import the file that declares it at the top of this file (e.g. import \"{entity.ToLowerInvariant()}.deal\")"
                : $"; did you mean '{suggestion}'?"));

    /// <summary>DL0703: a holding names a member of an imported deal that is neither a tranche nor an equity of it.</summary>
    public static Diagnostic UnknownHeldMember(SourceSpan span, string holding, string entity, string member, string known) =>
        Error("DL0703", span, $"holding '{holding}' is of '{entity}.{member}', but deal '{entity}' has no tranche or equity '{member}' (it has: {known})");

    /// <summary>DL0704: a holding's share is more than 100% (or not above zero): no one holds more than all of a
    /// tranche or an equity.</summary>
    public static Diagnostic HoldingShareOutOfRange(SourceSpan span, string holding, double share) =>
        Error("DL0704", span, $"holding '{holding}' has a share of {share * 100:0.######}%; a share is more than 0% and at most 100%");

    /// <summary>DL0705: a holding's face amount is more than the held tranche's balance (or its commitment) or not
    /// above zero.</summary>
    public static Diagnostic HoldingFaceOutOfRange(SourceSpan span, string holding, string tranche, double face, double balance) =>
        Error("DL0705", span, $"holding '{holding}' has a face of {Millions(face)}, but tranche '{tranche}' is {Millions(balance)}; a face amount is more than 0 and at most the tranche's balance");

    private static string Millions(double amount) =>
        (amount / 1e6).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + "m";

    /// <summary>DL0706: a holding gives both a share and a face amount, or neither (it must say how much it holds,
    /// once).</summary>
    public static Diagnostic HoldingAmount(SourceSpan span, string holding, bool both) =>
        Error("DL0706", span, both
            ? $"holding '{holding}' gives both a share and a face amount; give one ('share 10%' or 'face 500m')"
            : $"holding '{holding}' says neither how much it holds nor of what; give 'of Deal.Tranche' and 'share 10%' or 'face 500m'");

    /// <summary>DL0707: a face amount on a holding of an equity, which has no face: an equity is held by share.</summary>
    public static Diagnostic HoldingFaceOfEquity(SourceSpan span, string holding, string equity) =>
        Error("DL0707", span, $"holding '{holding}' gives a face amount of equity '{equity}', which has none; hold an equity by share ('share 100%')");

    /// <summary>DL0708: a holding marked by an index whose level is not a price as a share of par (a rate, as
    /// <c>level 98%</c>, or a ratio).</summary>
    public static Diagnostic HoldingMarkNotAPrice(SourceSpan span, string holding, string index, string unit) =>
        Error("DL0708", span, $"holding '{holding}' is marked by index '{index}', whose level is {unit}; a mark is a price as a share of par, e.g. 'level 98%'");

    /// <summary>DL0709: a holding with no <c>of Deal.Member</c>: what it holds is unknown.</summary>
    public static Diagnostic HoldingOfMissing(SourceSpan span, string holding) =>
        Error("DL0709", span, $"holding '{holding}' needs what it holds, e.g. 'of Hyperion.Notes'");
}
