using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>The names the language gives meaning to: deal-wide quantities and functions. Each kind's members are
/// its rules' (<see cref="Kinds.IKindRules.Reading"/>, Semantics/Kinds/).</summary>
internal static class Builtins
{
    /// <summary>The scenario-only name for the market rent index (<c>market_rent deflate 8% per year</c>).</summary>
    public const string MarketRent = "market_rent";

    /// <summary>Deal-wide quantities readable in any expression.</summary>
    public static readonly IReadOnlyList<MemberInfo> DealWide =
    [
        new("collections", Quantity.Collections, Unit.Money, IsFlow: true),
        new("cfads", Quantity.Cfads, Unit.Money, IsFlow: true),
        new("debt_service", Quantity.DebtService, Unit.Money, IsFlow: true),
        new("date", Quantity.PeriodEnd, Unit.Date, IsFlow: false),
        new("period_end", Quantity.PeriodEnd, Unit.Date, IsFlow: false),
        new("period_start", Quantity.PeriodStart, Unit.Date, IsFlow: false),
        new("largest_customer_share", Quantity.LargestCustomerShare, Unit.Rate, IsFlow: false),
    ];

    public static readonly IReadOnlyList<string> Functions = ["min", "max", "abs", "years_between"];

    /// <summary>Names no declaration may take: the deal-wide quantities and <c>market_rent</c>.</summary>
    public static bool IsReserved(string name) =>
        name == MarketRent || DealWideNamed(name) is not null;

    public static MemberInfo? DealWideNamed(string? name)
    {
        foreach (MemberInfo m in DealWide)
        {
            if (m.Name == name)
            {
                return m;
            }
        }

        return null;
    }
}
