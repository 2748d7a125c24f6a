using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// One waterfall that pays every tranche and ends with the equity; at most one enforcement block and default
// rule; accounts that give back what they hold; senior interest before junior interest; each item paid once.
internal sealed partial class DealChecks
{
    private void CheckWaterfalls()
    {
        var declarations = SyntaxWalk.Safe(Deal.Declarations).ToList();
        var waterfalls = declarations.OfType<WaterfallSyntax>().ToList();
        var enforcements = declarations.OfType<EnforcementSyntax>().ToList();
        var defaultRules = declarations.OfType<DefaultRuleSyntax>().ToList();
        var cfadsRules = declarations.OfType<CfadsRuleSyntax>().ToList();
        ReportRepeats(waterfalls, "waterfall");
        ReportRepeats(enforcements, "enforcement block");
        ReportRepeats(defaultRules, "default rule");
        ReportRepeats(cfadsRules, "cfads rule");
        CheckCfadsRules(cfadsRules);

        if (defaultRules.Count > 0 && enforcements.Count == 0 && !_analysis.HasUnknownDeclarations) // 'enforcment {'?
        {
            _diagnostics.Add(DiagnosticCatalogue.DefaultWithoutEnforcement(defaultRules[0].Span));
        }

        EnforcementSyntax? enforcement = enforcements.FirstOrDefault();
        if (_analysis.CanDefault && enforcement is not null && SyntaxWalk.Safe(enforcement.Sales).Count() == 0 // a rule's or a trigger's
            && _analysis.Symbols.OfKind(SymbolKind.Facility).Any())
        {
            _diagnostics.Add(DiagnosticCatalogue.DefaultSellsNothing(enforcement.Span));
        }

        var sold = new Dictionary<string, NameSyntax>(StringComparer.Ordinal);
        foreach (SellSyntax sale in SyntaxWalk.Safe(enforcement?.Sales ?? []))
        {
            foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
            {
                if (!sold.TryAdd(asset.Text, asset))
                {
                    string kind = _analysis.Symbols.TryLookup(asset.Text, out Symbol symbol) ? symbol.Kind.Keyword() : "collateral";
                    _diagnostics.Add(DiagnosticCatalogue.SoldTwice(asset.Span, kind, asset.Text, sold[asset.Text].Span.Line));
                }
            }

            CheckMarketSale(sale);
            CheckReletIdleSale(sale);
            CheckHalfLifeSale(sale);
            CheckSpreadHalfLife(sale);
            CheckCoinsSale(sale);
            CheckSpreadSale(sale);
            CheckLoanPrice(sale);
            CheckSubjectToLease(sale);
            CheckKeptContracts(sale, enforcement!, waterfalls.FirstOrDefault());
            if (sale.Lag is { } lag)
            {
                CheckWorkoutLag(lag);
                DurationRules.WholeMonths(lag, out bool exact);
                if (!exact)
                {
                    _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(lag.Span, lag.Text ?? "", DurationRules.WholeMonths(lag)));
                }
            }
        }

        // A run ends with the last enforcement sale: a loan no sale sells would keep its balance at that point.
        bool sellsCollateral = sold.Keys.Any(name =>
            _analysis.Symbols.TryLookup(name, out Symbol s) && CollateralRules.TryCollateralKind(s.Kind, out _));
        if (sellsCollateral)
        {
            foreach (Symbol loan in _analysis.Symbols.OfKind(SymbolKind.Loan).Where(l => !sold.ContainsKey(l.Name)))
            {
                _diagnostics.Add(DiagnosticCatalogue.LoanNotSold(loan.Span, loan.Name));
            }
        }

        if (waterfalls.Count == 0 && _analysis.EarlierErrors.Count == 0 && !_analysis.HasUnknownDeclarations) // else an error may have eaten it
        {
            _diagnostics.Add(DiagnosticCatalogue.NoWaterfall(DealNameSpan, _analysis.DealName));
        }
        else if (waterfalls.Count > 0 && !_analysis.IsDamaged(waterfalls[0]))
        {
            WaterfallSyntax regular = waterfalls[0];
            RequireDistributeLast(regular, "waterfall");
            CheckTranchesPaid(regular.Steps);
            CheckSeniority(regular.Steps);
            PaidOnce(regular.Steps, new Dictionary<string, PayStepSyntax>(StringComparer.Ordinal));
            if (enforcement is { Waterfall: null } && sellsCollateral)
            {
                CheckProceedsReachTheDebt(enforcement, regular.Steps);
            }
        }

        if (enforcement?.Waterfall is { } enforcementWaterfall && !_analysis.IsDamaged(enforcementWaterfall))
        {
            RequireDistributeLast(enforcementWaterfall, "enforcement waterfall");
            CheckSeniority(enforcementWaterfall.Steps);
            PaidOnce(enforcementWaterfall.Steps, new Dictionary<string, PayStepSyntax>(StringComparer.Ordinal));
        }

        CheckFeesPaidInEnforcement(enforcement, waterfalls.FirstOrDefault());

        // A skipped block ('enforcment { waterfall { release Dsra ... } }', or an unknown step 'sweep { release
        // Dsra }' in a waterfall with a syntax error) may release it.
        WaterfallSyntax[] checkedWaterfalls = [.. waterfalls.Take(1), .. enforcement?.Waterfall is { } w ? [w] : Array.Empty<WaterfallSyntax>()];
        CheckProRataGroups(checkedWaterfalls);
        CheckSequentialGroups(checkedWaterfalls);
        CheckDistributeShares(checkedWaterfalls);
        if (!_analysis.HasUnknownDeclarations && !checkedWaterfalls.Any(_analysis.IsDamaged))
        {
            CheckAccountsReleased(checkedWaterfalls);
        }
    }

    private void ReportRepeats<T>(List<T> blocks, string what) where T : SyntaxNode
    {
        for (int i = 1; i < blocks.Count; i++)
        {
            _diagnostics.Add(DiagnosticCatalogue.DuplicateBlock(blocks[i].Span, what, blocks[0].Span));
        }
    }

    private void RequireDistributeLast(WaterfallSyntax waterfall, string which)
    {
        StepSyntax? last = SyntaxWalk.Safe(waterfall.Steps).LastOrDefault();
        if (last is not DistributeStepSyntax { Share: null })
        {
            _diagnostics.Add(DiagnosticCatalogue.WaterfallMustEndWithDistribute(last?.Span ?? waterfall.Span, which));
        }
    }

    private void CheckTranchesPaid(ImmutableArray<StepSyntax> steps)
    {
        var targets = PayTargetsIn(steps).Select(p => p.Target).ToList();
        foreach (Symbol tranche in _analysis.Symbols.OfKind(SymbolKind.Tranche))
        {
            bool interest = targets.Exists(t => t.Symbol == tranche && t.Kind == PayKind.Interest);
            bool principal = targets.Exists(t => t.Symbol == tranche && t.Kind is PayKind.Principal or PayKind.Balance);
            if (!interest || !principal)
            {
                _diagnostics.Add(DiagnosticCatalogue.TrancheNotPaid(tranche.Span, tranche.Name, interest, principal));
            }
        }
    }

    /// <summary>
    /// Without an enforcement waterfall the regular one applies the sale proceeds; a tranche it pays only its
    /// scheduled principal (<c>pay T.principal</c>, never <c>pay T.balance</c>) leaves the rest of the proceeds to the
    /// equity while the tranche is still owed: DL0472, naming those tranches. A tranche is not named when every event
    /// of default accelerates it: there is no default rule, and each trigger with <c>event_of_default</c> also
    /// accelerates it (its whole balance is then principal due from the period after the default, so
    /// <c>pay T.principal</c> takes the proceeds up to it).
    /// </summary>
    private void CheckProceedsReachTheDebt(EnforcementSyntax enforcement, ImmutableArray<StepSyntax> steps)
    {
        var targets = PayTargetsIn(steps).Select(p => p.Target).ToList();
        var scheduledOnly = _analysis.Symbols.OfKind(SymbolKind.Tranche)
            .Where(tranche => !targets.Exists(t => t.Symbol == tranche && t.Kind == PayKind.Balance))
            .Where(tranche => !AcceleratedOnEveryDefault(tranche))
            .Select(tranche => tranche.Name)
            .ToList();
        if (scheduledOnly.Count > 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.ProceedsBypassTheDebt(enforcement.Span, scheduledOnly));
        }
    }

    /// <summary>Whether every event of default accelerates the tranche (see <see cref="CheckProceedsReachTheDebt"/>).</summary>
    private bool AcceleratedOnEveryDefault(Symbol tranche)
    {
        var defaulting = _analysis.Symbols.OfKind(SymbolKind.Trigger).Select(t => t.Declaration).OfType<TriggerSyntax>()
            .Where(t => SyntaxWalk.Safe(t.Effects).Any(e => e is NamedEffectSyntax { Word.Text: "event_of_default" }))
            .ToList();
        return _analysis.DefaultRule is null && defaulting.Count > 0 && defaulting.All(t => SyntaxWalk.Safe(t.Effects)
            .OfType<AccelerateEffectSyntax>()
            .Any(a => a.Tranches.IsDefaultOrEmpty || SyntaxWalk.Safe(a.Tranches).Any(n => n.Text == tranche.Name)));
    }

    /// <summary>Warns once per pair when a junior tranche's interest is paid before a more senior tranche's.</summary>
    private void CheckSeniority(ImmutableArray<StepSyntax> steps)
    {
        var interest = PayTargetsIn(steps).Where(p => p.Target.Kind == PayKind.Interest).ToList();
        var reported = new HashSet<(Symbol, Symbol)>();
        for (int i = 0; i < interest.Count; i++)
        {
            for (int j = i + 1; j < interest.Count; j++)
            {
                Symbol junior = interest[i].Target.Symbol;
                Symbol senior = interest[j].Target.Symbol;
                if (SeniorityOf(senior) < SeniorityOf(junior) && reported.Add((junior, senior)))
                {
                    _diagnostics.Add(DiagnosticCatalogue.JuniorInterestFirst(interest[i].Step.Target?.Span ?? interest[i].Step.Span, junior.Name, senior.Name));
                }
            }
        }
    }

    /// <summary>
    /// Warns where an item is paid a second time on one path (DL0450) and where an account is named twice in one
    /// <c>using</c> (DL0451). <paramref name="paid"/> holds what is paid before these steps (item → first step);
    /// the result is what may have been paid after them: the two branches of an <c>if</c> start from the same
    /// set, and what either pays counts after the <c>if</c>, since one of them runs.
    /// </summary>
    private Dictionary<string, PayStepSyntax> PaidOnce(ImmutableArray<StepSyntax> steps, Dictionary<string, PayStepSyntax> paid)
    {
        foreach (StepSyntax step in SyntaxWalk.Safe(steps))
        {
            switch (step)
            {
                case PayStepSyntax pay:
                    if (_analysis.PayTargets.TryGetValue(pay, out PayTarget? target) && !paid.TryAdd(target.Text, pay))
                    {
                        _diagnostics.Add(DiagnosticCatalogue.PaidTwice(pay.Target?.Span ?? pay.Span, target.Text, paid[target.Text].Span.Line));
                    }

                    var drawn = new HashSet<string>(StringComparer.Ordinal);
                    foreach (NameSyntax account in SyntaxWalk.Safe(pay.Using))
                    {
                        if (account.Text is { Length: > 0 } name && !drawn.Add(name))
                        {
                            _diagnostics.Add(DiagnosticCatalogue.AccountUsedTwice(account.Span, name));
                        }
                    }

                    break;
                case ProRataStepSyntax group:
                    PaidOnce(group.Steps, paid);
                    break;
                case SequentialStepSyntax group:
                    PaidOnce(group.Steps, paid);
                    break;
                case IfStepSyntax branch:
                    var afterThen = PaidOnce(branch.Then, new Dictionary<string, PayStepSyntax>(paid, StringComparer.Ordinal));
                    var afterElse = PaidOnce(branch.Else, new Dictionary<string, PayStepSyntax>(paid, StringComparer.Ordinal));
                    foreach (var (item, first) in afterThen.Concat(afterElse))
                    {
                        paid.TryAdd(item, first);
                    }

                    break;
            }
        }

        return paid;
    }

    /// <summary>A pro-rata group shares the cash among payments in proportion to what each is owed: it holds
    /// <c>pay</c> steps only, none drawing on an account (DL0452), and at least one.</summary>
    private void CheckProRataGroups(IEnumerable<WaterfallSyntax> waterfalls)
    {
        foreach (ProRataStepSyntax group in waterfalls.SelectMany(w => SyntaxWalk.Steps(w.Steps)).OfType<ProRataStepSyntax>())
        {
            var steps = SyntaxWalk.Safe(group.Steps).ToList();
            if (steps.Count == 0)
            {
                _diagnostics.Add(DiagnosticCatalogue.BadProRataStep(group.Span, "it is empty; list the payments it shares the cash among"));
            }

            foreach (StepSyntax step in steps)
            {
                if (step is SequentialStepSyntax)
                {
                    continue; // a stack of payments: CheckSequentialGroups checks its members (DL0453)
                }

                if (step is not PayStepSyntax pay)
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadProRataStep(step.Span, "it holds only pay steps, and this is not one"));
                }
                else if (SyntaxWalk.Safe(pay.Using).Any())
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadProRataStep(pay.Span, "its payments share the period's cash only; draw on accounts in a pay step of its own, before or after the group"));
                }
                else if (group.ByBalance && _analysis.PayTargets.TryGetValue(pay, out PayTarget? target) && target.Kind is PayKind.Fee or PayKind.CommitmentFee or PayKind.GuaranteeFee or PayKind.Opex)
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadProRataStep(pay.Span, target.Kind == PayKind.Fee
                        ? "'by balance' shares it by the tranches' balances, and a fee has none"
                        : "'by balance' shares it by the tranches' balances, and a fleet's opex has none"));
                }
            }
        }
    }

    /// <summary>
    /// A <c>sequential</c> group pays its steps in order: it holds at least one (DL0453). In a <c>pro_rata</c> group
    /// it is one stack sharing the group's cash by what its payments are owed together, so there it holds plain
    /// <c>pay</c> steps only (no <c>using</c>, no nested group), and a group <c>by balance</c> holds none (a stack
    /// has no one balance to weigh it by).
    /// </summary>
    private void CheckSequentialGroups(IEnumerable<WaterfallSyntax> waterfalls)
    {
        var steps = waterfalls.SelectMany(w => SyntaxWalk.Steps(w.Steps)).ToList();
        var inProRata = new Dictionary<SequentialStepSyntax, ProRataStepSyntax>(ReferenceEqualityComparer.Instance);
        foreach (ProRataStepSyntax group in steps.OfType<ProRataStepSyntax>())
        {
            foreach (SequentialStepSyntax stack in SyntaxWalk.Safe(group.Steps).OfType<SequentialStepSyntax>())
            {
                inProRata[stack] = group;
            }
        }

        foreach (SequentialStepSyntax group in steps.OfType<SequentialStepSyntax>())
        {
            var members = SyntaxWalk.Safe(group.Steps).ToList();
            if (members.Count == 0)
            {
                _diagnostics.Add(DiagnosticCatalogue.BadSequentialStep(group.Span, "it is empty; list the steps it pays in order"));
                continue;
            }

            if (!inProRata.TryGetValue(group, out ProRataStepSyntax? outer))
            {
                continue;
            }

            if (outer.ByBalance)
            {
                _diagnostics.Add(DiagnosticCatalogue.BadSequentialStep(group.Span,
                    "in 'pro_rata by balance' each member is weighed by one tranche's balance, and a stack has none; use 'pro_rata { ... }' (by amount owed)"));
                continue;
            }

            foreach (StepSyntax step in members)
            {
                if (step is not PayStepSyntax pay)
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadSequentialStep(step.Span, "inside a pro_rata group it is a stack of payments, and this is not a pay step"));
                }
                else if (SyntaxWalk.Safe(pay.Using).Any())
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadSequentialStep(pay.Span,
                        "inside a pro_rata group its payments share the period's cash only; draw on accounts in a pay step of its own, before or after the group"));
                }
            }
        }
    }

    /// <summary><c>distribute 40% of rest to E</c>, <c>sweep 50% of rest to T</c>: the share is a rate (DL0302) between
    /// 0% and 100% (DL0307).</summary>
    private void CheckDistributeShares(IEnumerable<WaterfallSyntax> waterfalls)
    {
        foreach (StepSyntax step in waterfalls.SelectMany(w => SyntaxWalk.Steps(w.Steps)))
        {
            (LiteralSyntax? share, string what) = step switch
            {
                DistributeStepSyntax distribute => (distribute.Share, "the share of rest a 'distribute' pays"),
                SweepStepSyntax sweep => (sweep.Share, "the share of rest a 'sweep' pays"),
                _ => (null, ""),
            };
            if (share is null)
            {
                continue;
            }

            if (share.Kind != LiteralKind.Rate)
            {
                _diagnostics.Add(DiagnosticCatalogue.WrongUnit(share.Span, what, "a rate (such as 40%)", UnitNames.Described(TypeChecker.UnitOf(share.Kind))));
            }
            else if (share.Value is < 0 or > 1)
            {
                _diagnostics.Add(DiagnosticCatalogue.FractionOutOfRange(share.Span, what, share.Value));
            }
        }
    }

    /// <summary>Explicit rank, else declaration order (1 = the first tranche).</summary>
    internal static int SeniorityOf(Symbol tranche) =>
        tranche.Declaration is TrancheSyntax { Seniority: { } s } ? s.Rank : tranche.Index + 1;

    private void CheckAccountsReleased(IReadOnlyList<WaterfallSyntax> waterfalls)
    {
        var steps = waterfalls.SelectMany(w => SyntaxWalk.Steps(w.Steps)).ToList();
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (StepSyntax step in steps)
        {
            switch (step)
            {
                case ReleaseStepSyntax { Account: { } account }:
                    released.Add(account.Text);
                    break;
                case PayStepSyntax pay:
                    foreach (NameSyntax account in SyntaxWalk.Safe(pay.Using))
                    {
                        released.Add(account.Text);
                    }

                    break;
            }
        }

        // Money goes in by the waterfall's 'fill' and 'hold rest in', and by an equity cure's 'into A' (deposited
        // before the waterfall): an account only cures go into holds them to the maturity or enforcement all the same.
        IEnumerable<NameSyntax?> filledBySteps = steps.Select(step => step switch
        {
            FillStepSyntax fill => fill.Account,
            HoldStepSyntax hold => hold.Account,
            _ => null,
        });
        IEnumerable<NameSyntax?> filledByCures = _analysis.Symbols.OfKind(SymbolKind.Trigger)
            .Select(t => t.Declaration).OfType<TriggerSyntax>().Select(t => t.Cure?.Into);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (NameSyntax? filled in filledBySteps.Concat(filledByCures))
        {
            if (filled is { Text.Length: > 0 } && !released.Contains(filled.Text) && reported.Add(filled.Text)
                && _analysis.Symbols.TryLookup(filled.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Account)
            {
                _diagnostics.Add(DiagnosticCatalogue.AccountNeverReleased(filled.Span, filled.Text));
            }
        }
    }

    private IEnumerable<(PayStepSyntax Step, PayTarget Target)> PayTargetsIn(ImmutableArray<StepSyntax> steps)
    {
        foreach (StepSyntax step in SyntaxWalk.Steps(steps))
        {
            if (step is PayStepSyntax pay && _analysis.PayTargets.TryGetValue(pay, out PayTarget? target))
            {
                yield return (pay, target);
            }
        }
    }
}
