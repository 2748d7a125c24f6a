namespace DealLang.Runtime;

/// <summary>An obligor or sponsor. <see cref="AnnualPd"/> and <see cref="Recovery"/> are fractions.</summary>
public sealed record PartyInfo(string Name, string Rating, double AnnualPd, double Recovery);
