namespace DealLang.Runtime;

/// <summary>Regular payment frequencies; <see cref="Frequencies"/> holds their lengths and names.</summary>
public enum Frequency
{
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
}
