using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>An account's state in the generated C#, each piece declared once.</summary>
internal sealed class AccountState : EntityState
{
    public AccountState(AccountModel model)
        : base(DeclarationKind.Account, model.Name, model.Index)
    {
        Model = model;
        Balance = Local("balance", "double", StateLife.Carried, CSharpLiterals.Double(model.Initial),
            ledger: new LedgerSlot(LedgerSection.Held, model.Name + " balance"));
        Target = Local("target", "double", StateLife.Period, declared: model.Target is not null);
        Interest = Local("interest", "double", StateLife.Period, comment: "interest earned this period",
            ledger: new LedgerSlot(LedgerSection.Receipts, "interest " + model.Name), declared: model.Rate != 0);
    }

    public AccountModel Model { get; }

    public StateVar Balance { get; }

    /// <summary>Declared only for an account with a target (without one the target is 0).</summary>
    public StateVar Target { get; }

    /// <summary>Declared only for an account that earns interest.</summary>
    public StateVar Interest { get; }

    /// <summary>The account's target now: 0 without one.</summary>
    public string TargetNow => Model.Target is null ? "0.0" : Target.Name;
}

/// <summary>
/// Reserve accounts: interest on the opening balance (a collection), the target worked out after cfads, the
/// fill, release and hold steps, draws by pay steps (<c>using</c>), and the release of every balance in the final
/// period and as collateral under enforcement. An account owes nothing, so has no dues or carry, and reads no test.
/// </summary>
internal sealed class AccountComponent(EmitContext ctx)
    : EmitterComponent<AccountState>(ctx, () => ctx.Model.Accounts.Select(a => new AccountState(a)))
{
    public override DeclarationKind Kind => DeclarationKind.Account;

    public override string DescriptionProperty => "Accounts";

    public override IEnumerable<string> DescriptionElements() => States.Select(a => "new AccountInfo(" + CSharpLiterals.String(a.Name) + ", "
        + CSharpLiterals.Double(a.Model.Initial) + ", " + CSharpLiterals.Double(a.Model.Rate) + ")");

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Accounts.Where(a => a.Target is not null).Select(a => (a.Target!, 1));

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.AccountBalance => this[index].Balance.Name,
        Quantity.AccountTarget => this[index].TargetNow,
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.Collections => States.Where(a => a.Interest.Declared).Select(a => a.Interest.Name),
        DealSum.CashHeld => States.Select(a => a.Balance.Name),
        _ => [],
    };

    /// <summary>A forward cfads's account interest (docs/language.md §7, "Forward CFADS"): per account earning interest,
    /// the balance it holds when the test is worked out (before this period's waterfall fills or draws it) × its rate
    /// × the window's year fractions. The balance is held flat: what the waterfalls ahead fill, draw or release is not
    /// known at the test's period. The interest is a collection and in cfads, so the projection counts it as a receipt.</summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) => deductions ? [] : States.Where(a => a.Interest.Declared)
        .Select(a => "(" + a.Balance + " * " + CSharpLiterals.DoubleOperand(a.Model.Rate) + " * ForwardReceipts.Sum(YearFractions, t, " + lastArray + "[t]))");

    public override void WriteCollections(IndentedWriter w)
    {
        foreach (var account in States.Where(a => a.Interest.Declared))
        {
            w.Comment(account.Name + ": interest on the balance at the period's start");
            w.Line(account.Interest + " = " + account.Balance + " * " + CSharpLiterals.DoubleOperand(account.Model.Rate) + " * yf;");
        }
    }

    public override void WriteAmountsAfterCfads(IndentedWriter w)
    {
        foreach (var account in States)
        {
            if (account.Model.Target is { } target)
            {
                // An account holds nothing less than nothing: a target below zero (a balance less a fixed amount, say) is 0,
                // or a release would pay out more than the account holds.
                w.Line(account.Target + " = Math.Max(0.0, " + CSharpEmitter.Amount(Ctx, target, asOperand: false) + "); // " + account.Name + " target");
            }
        }
    }

    // fill A to its target, release A above its target (all of it without one), hold rest in A.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        switch (step.Step)
        {
            case FillStep fill:
            {
                var account = this[fill.Account];
                w.Line(step.Moved + " = " + CSharpEmitter.KeepsNothing(Ctx) + " ? 0.0 : Math.Min(available, Math.Max(0.0, " + account.TargetNow + " - " + account.Balance + "));");
                w.Line("available -= " + step.Moved + ";");
                w.Line(account.Balance + " += " + step.Moved + ";");
                break;
            }

            case ReleaseStep release:
            {
                var account = this[release.Account];
                // An equity cure deposited this period stays: it is not free to leave in the period it was paid in.
                var cures = Ctx.Components.Of<TriggerComponent>().CuresInto(release.Account);
                string kept = cures.Count == 0 ? "" : " - (" + string.Join(" + ", cures) + ")";
                w.Line(account.Model.Target is null
                    ? cures.Count == 0
                        ? step.Moved + " = " + account.Balance + "; // no target: all of it"
                        : step.Moved + " = Math.Max(0.0, " + account.Balance + kept + "); // no target: all of it but this period's cure"
                    : step.Moved + " = Math.Max(0.0, " + account.Balance + " - " + account.TargetNow + kept + ");");
                w.Line(account.Balance + " -= " + step.Moved + ";");
                w.Line("available += " + step.Moved + ";");
                break;
            }

            case HoldStep hold:
                w.Line(step.Moved + " = " + CSharpEmitter.KeepsNothing(Ctx) + " ? 0.0 : available;");
                w.Line(this[hold.Account].Balance + " += " + step.Moved + ";");
                w.Line("available -= " + step.Moved + ";");
                break;

            default:
                base.WriteStep(step, w);
                break;
        }
    }

    /// <summary>A pay step's draw on <paramref name="account"/> for what cash could not pay (<c>owed</c>).</summary>
    public void WriteDraw(IndentedWriter w, int account, string paid)
    {
        string balance = this[account].Balance.Name;
        w.Line("draw = Math.Min(" + balance + ", owed); // from " + this[account].Name);
        w.Line(balance + " -= draw;");
        w.Line("owed -= draw;");
        w.Line(paid + " += draw;");
    }

    public override void WriteReleaseHeld(IndentedWriter w)
    {
        var triggers = Ctx.Components.Of<TriggerComponent>();
        foreach (var account in States)
        {
            triggers.WriteCuresReleased(w, account.Index, account.Balance.Name);
            w.Line("available += " + account.Balance + ";");
            w.Line(account.Balance + " = 0.0;");
        }
    }

    public override void WriteResults(IndentedWriter w)
    {
        foreach (var account in States)
        {
            w.Line(Ctx.ResultRow("AccountBalance", CSharpLiterals.Int(account.Index)) + "[t] = " + account.Balance + ";");
        }
    }
}
