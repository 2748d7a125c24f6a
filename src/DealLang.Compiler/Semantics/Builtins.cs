using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>The names the language gives meaning to: deal-wide quantities, each kind's members, functions.</summary>
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
    ];

    public static readonly IReadOnlyList<string> Functions = ["min", "max", "abs"];

    private static readonly IReadOnlyList<MemberInfo> TrancheMembers =
    [
        new("balance", Quantity.TrancheBalance, Unit.Money, false),
        new("scheduled_balance", Quantity.TrancheScheduledBalance, Unit.Money, false),
        new("interest", Quantity.TrancheInterestDue, Unit.Money, true),
        new("principal", Quantity.TranchePrincipalDue, Unit.Money, true),
        new("debt_service", Quantity.TrancheDebtService, Unit.Money, true),
        new("interest_shortfall", Quantity.TrancheInterestShortfall, Unit.Money, false),
        new("principal_shortfall", Quantity.TranchePrincipalShortfall, Unit.Money, false),
        new("interest_paid", Quantity.TrancheInterestPaid, Unit.Money, true),
        new("principal_paid", Quantity.TranchePrincipalPaid, Unit.Money, true),
        new("coupon", Quantity.TrancheCoupon, Unit.Rate, false),
    ];

    private static readonly IReadOnlyList<MemberInfo> FacilityMembers =
    [
        new("value", Quantity.FacilityValue, Unit.Money, false),
        new("cost", Quantity.FacilityCost, Unit.Money, false),
    ];

    private static readonly IReadOnlyList<MemberInfo> LeaseMembers =
    [
        new("rent", Quantity.LeaseRent, Unit.Money, true),
        new("active", Quantity.LeaseActive, Unit.Bool, false),
        new("ended", Quantity.LeaseEnded, Unit.Bool, false),
    ];

    private static readonly IReadOnlyList<MemberInfo> PartyMembers =
    [
        new("defaulted", Quantity.PartyDefaulted, Unit.Bool, false),
    ];

    private static readonly IReadOnlyList<MemberInfo> AccountMembers =
    [
        new("balance", Quantity.AccountBalance, Unit.Money, false),
        new("target", Quantity.AccountTarget, Unit.Money, false),
    ];

    private static readonly IReadOnlyList<MemberInfo> FeeMembers =
    [
        new("due", Quantity.FeeDue, Unit.Money, true),
        new("paid", Quantity.FeePaid, Unit.Money, true),
    ];

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

    /// <summary>The members of a kind; empty for kinds read by bare name (tests, triggers) or not at all (equity).</summary>
    public static IReadOnlyList<MemberInfo> MembersOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Tranche => TrancheMembers,
        SymbolKind.Facility => FacilityMembers,
        SymbolKind.Lease => LeaseMembers,
        SymbolKind.Party => PartyMembers,
        SymbolKind.Account => AccountMembers,
        SymbolKind.Fee => FeeMembers,
        _ => [],
    };

    public static MemberInfo? Member(SymbolKind kind, string? name)
    {
        foreach (MemberInfo m in MembersOf(kind))
        {
            if (m.Name == name)
            {
                return m;
            }
        }

        return null;
    }
}
