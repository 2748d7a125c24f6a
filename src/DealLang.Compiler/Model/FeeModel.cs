namespace DealLang.Compiler.Model;

/// <summary>A fee: <see cref="AnnualAmount"/> (money per year, possibly over deal state) times the period's year
/// fraction, escalated by <see cref="Escalator"/> on each anniversary of closing. With <see cref="PerPeriod"/>
/// (<c>fee F { 2% of collections }</c>) the amount is already the period's (a share of a per-period flow): no year
/// fraction, no escalator. Unpaid fees carry forward. With <see cref="UntilRepaid"/> (<c>until repaid</c>: a trustee's or
/// an agent's fee, which ends with the debt) nothing accrues in a regular period that starts with every tranche repaid
/// (docs/language.md §11, "Nothing owed"); what was carried unpaid into it stays due. With <see cref="UntilDefault"/>
/// (<c>until default</c>: an asset manager's fee, whose mandate the enforcement ends) nothing accrues in a period that
/// starts after an event of default; what was carried unpaid into it stays due, for the enforcement waterfall to pay.</summary>
public sealed record FeeModel(string Name, int Index, BoundExpression AnnualAmount, double Escalator, bool PerPeriod = false, bool UntilRepaid = false,
    bool UntilDefault = false);
