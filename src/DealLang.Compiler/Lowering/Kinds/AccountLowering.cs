using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>An account as an <see cref="AccountModel"/>. Defaults: initial 0, earns 0, no target (a target of 0).</summary>
internal sealed class AccountLowering : DeclarationLowering<AccountSyntax, AccountModel>
{
    public override DeclarationKind Kind => DeclarationKind.Account;

    protected override AccountModel Lower(AccountSyntax account, Symbol symbol, int index, Lowerer lowerer) => new(
        symbol.Name, index, lowerer.ConstantOf(account.Initial), lowerer.ConstantOf(account.Earns), lowerer.BoundOf(account.Target));
}
