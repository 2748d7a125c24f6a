namespace DealLang.Runtime;

/// <summary>
/// A take-or-pay compute contract (docs/language.md §5 "contract"): <see cref="Units"/> GPUs of fleet
/// <see cref="Fleet"/> sold to party <see cref="Customer"/> from <see cref="Start"/> for <see cref="TermMonths"/>, at
/// a price per GPU-hour of <see cref="PriceSpread"/> plus, when <see cref="PriceIndex"/> is not −1, that index's level
/// (an index of <see cref="DealDescription.Indices"/>), for <see cref="HoursPerYear"/> hours a year, of which the
/// share <see cref="TakeOrPay"/> is paid whether used or not.
/// </summary>
public sealed record ContractInfo(
    string Name,
    int Fleet,
    int Customer,
    double Units,
    int PriceIndex,
    double PriceSpread,
    double HoursPerYear,
    double TakeOrPay,
    Date Start,
    int TermMonths)
{
    /// <summary>The day the contract ends (the end of its term; units are idle from that day).</summary>
    public Date End => Start.AddMonthsClamped(TermMonths);
}
