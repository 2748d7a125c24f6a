using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>account Dsra { target 6m of debt_service  initial 0  earns 4% }</c>: a reserve the waterfall fills and
/// draws on.</summary>
internal sealed class AccountRules : DeclarationRules<AccountSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Account;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("balance", Quantity.AccountBalance, Unit.Money, false),
        new("target", Quantity.AccountTarget, Unit.Money, false),
    ]);

    protected override void Bind(AccountSyntax account, Binder binder) =>
        binder.BindTerms(account.Target, account.Initial, account.Earns);

    protected override void CheckTerms(AccountSyntax account, TypeChecker checker)
    {
        string a = $"account '{account.Name?.Text}'";
        checker.Value(account.Target, Unit.Money, new ExpressionContext(ContextKind.AccountTarget, $"the target of {a}"));
        checker.Term(account.Initial, Unit.Money, $"the initial balance of {a}", TypeChecker.Range.NonNegative);
        checker.Term(account.Earns, Unit.Rate, $"the interest rate earned by {a}", TypeChecker.Range.NonNegative);
    }

    /// <summary>Every item is optional (no target, initial 0, earns 0); that an account is released is a rule of the
    /// waterfall (DealChecks.Waterfall.cs).</summary>
    protected override void CheckStructure(AccountSyntax account, DealChecks checks)
    {
    }
}
