using System.Collections.Immutable;
using System.Diagnostics;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Resolves every name in a deal and its scenarios: references in expressions to a built-in or a
/// declaration's member, pay targets to a fee or a tranche's interest/principal/balance, and the plain names
/// (lessee, facility, holders, accounts, equity, sold assets) to symbols of the right kind. Unknown names get
/// a "did you mean"; every problem is reported and binding carries on, so one run shows them all. A name of
/// an unknown declaration (<see cref="SymbolKind.Unknown"/>, a misspelt keyword) is accepted wherever it is used,
/// silently and unbound: the misspelling is the one error, and what the name was meant to be is a guess.
/// </summary>
internal sealed partial class Binder
{
    private readonly DealAnalysis _analysis;
    private readonly DiagnosticBag _diagnostics;
    private readonly Scope _dealScope;
    private readonly Scope _waterfallScope;
    private readonly Scope _scenarioScope;

    // The declaration (or scenario) being bound: names inside one a syntax error has damaged are likely garbage.
    private SyntaxNode? _current;

    private Binder(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        _analysis = analysis;
        _diagnostics = diagnostics;
        _dealScope = new Scope(ScopeKind.Deal, analysis.Symbols);
        _waterfallScope = new Scope(ScopeKind.Waterfall, analysis.Symbols);
        _scenarioScope = new Scope(ScopeKind.Scenario, analysis.Symbols);
    }

    private SymbolTable Symbols => _analysis.Symbols;

    internal DealAnalysis Analysis => _analysis;

    internal DiagnosticBag Diagnostics => _diagnostics;

    public static void Bind(DealAnalysis analysis, DiagnosticBag diagnostics)
    {
        var binder = new Binder(analysis, diagnostics);
        binder.BindDeclarations();
        binder.BindScenarios();
    }

    private void BindDeclarations()
    {
        foreach (DeclarationSyntax declaration in SyntaxWalk.Safe(_analysis.Deal.Declarations))
        {
            _current = declaration;
            switch (declaration)
            {
                case NamedDeclarationSyntax named:
                    KindRules.For(named.Kind).Bind(named, this);
                    break;
                case DefaultRuleSyntax rule:
                    Expressions(_dealScope, rule.Condition);
                    break;
                case WaterfallSyntax waterfall:
                    Steps(waterfall.Steps);
                    break;
                case EnforcementSyntax enforcement:
                    BindEnforcement(enforcement);
                    break;
            }
        }
    }

    private void BindEnforcement(EnforcementSyntax enforcement)
    {
        foreach (SellSyntax sale in SyntaxWalk.Safe(enforcement.Sales))
        {
            foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
            {
                RequireCollateral(asset);
            }

            Expressions(_dealScope, [sale.Haircut, sale.Price?.Yield, .. sale.Market?.Expressions ?? []]);
            if (sale.Price?.Index is { } index)
            {
                RequireKind(index, SymbolKind.Index, "a loan's price is an index's level");
            }
        }

        if (enforcement.Waterfall is { } waterfall)
        {
            Steps(waterfall.Steps);
        }
    }

    // step: PAY reference (USING ident (COMMA ident)*)? | FILL ident | RELEASE ident | HOLD REST IN ident
    //     | DISTRIBUTE REST TO ident | IF expr { step* } (ELSE { step* })?
    private void Steps(ImmutableArray<StepSyntax> steps)
    {
        foreach (StepSyntax step in SyntaxWalk.Safe(steps))
        {
            switch (step)
            {
                case PayStepSyntax pay:
                    BindPay(pay);
                    foreach (NameSyntax account in SyntaxWalk.Safe(pay.Using))
                    {
                        RequireKind(account, SymbolKind.Account, "'using' draws on accounts");
                    }

                    break;
                case FillStepSyntax fill:
                    RequireKind(fill.Account, SymbolKind.Account, "fill needs an account");
                    break;
                case ReleaseStepSyntax release:
                    RequireKind(release.Account, SymbolKind.Account, "release needs an account");
                    break;
                case HoldStepSyntax hold:
                    RequireKind(hold.Account, SymbolKind.Account, "hold rest in needs an account");
                    break;
                case DistributeStepSyntax distribute:
                    RequireKind(distribute.Equity, SymbolKind.Equity, "distribute rest to needs an equity");
                    break;
                case SweepStepSyntax sweep:
                    RequireKind(sweep.Tranche, SymbolKind.Tranche, "sweep needs a tranche");
                    break;
                case SellStepSyntax sell:
                    BindSale(sell);
                    if (sell.Cover is { } cover)
                    {
                        BindPay(cover);
                    }

                    break;
                case IfStepSyntax branch:
                    Expressions(_waterfallScope, branch.Condition);
                    Steps(branch.Then);
                    Steps(branch.Else);
                    break;
                case ProRataStepSyntax group:
                    Steps(group.Steps);
                    break;
                case SequentialStepSyntax group:
                    Steps(group.Steps);
                    break;
            }
        }
    }

    /// <summary><c>sell C to cover X</c> sells one coins holding; <c>sell H1, H2 [pro_rata] to cover X</c> holdings,
    /// each once (DL0784); <c>pro_rata</c> shares a sale among holdings, not coins (DL0787). The first name says which: a holding there makes every name a holding, anything else one coins holding
    /// alone (a second name, DL0783).</summary>
    private void BindSale(SellStepSyntax sell)
    {
        bool holdings = sell.Coins is { Text.Length: > 0 } first && Symbols.TryLookup(first.Text, out Symbol s) && s.Kind == SymbolKind.Holding;
        if (!holdings)
        {
            RequireKind(sell.Coins, SymbolKind.Coins, "sell ... to cover sells coins the deal holds, or its holdings");
            if (sell.ProRata is { } proRata)
            {
                _diagnostics.Add(DiagnosticCatalogue.ProRataCoinsSale(proRata, sell.Coins.Text));
            }

            foreach (NameSyntax more in SyntaxWalk.Safe(sell.Rest))
            {
                if (Symbols.TryLookup(more.Text, out Symbol other) && other.Kind != SymbolKind.Unknown)
                {
                    _diagnostics.Add(DiagnosticCatalogue.SaleMixesKinds(more.Span, more.Text, other.Kind.Keyword()));
                }
                else
                {
                    RequireKind(more, SymbolKind.Coins, "sell ... to cover sells coins the deal holds");
                }
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NameSyntax name in sell.Names)
        {
            if (!seen.Add(name.Text))
            {
                _diagnostics.Add(DiagnosticCatalogue.HoldingSoldTwice(name.Span, name.Text));
                continue;
            }

            if (Symbols.TryLookup(name.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Coins)
            {
                _diagnostics.Add(DiagnosticCatalogue.SaleMixesKinds(name.Span, name.Text, symbol.Kind.Keyword()));
                continue;
            }

            RequireKind(name, SymbolKind.Holding, "sell H1, H2 to cover sells the deal's holdings");
        }
    }

    private void BindPay(PayStepSyntax pay)
    {
        ReferenceSyntax? target = pay.Target;
        if (target?.Name is not { Text.Length: > 0 } name)
        {
            return;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            ReportUnknown(DiagnosticCatalogue.UnknownName(
                name.Span, name.Text, _analysis.DealName, Symbols.Suggest(name.Text, SymbolKind.Tranche, SymbolKind.Fee)));
            return;
        }

        string whatToPay = $"say what to pay: {name.Text}.interest, {name.Text}.principal or {name.Text}.balance";
        switch (symbol.Kind)
        {
            case SymbolKind.Unknown:
                break;
            case SymbolKind.Fee when target.Member is { } member:
                _diagnostics.Add(DiagnosticCatalogue.BadPayTarget(
                    member.Span, ExpressionPrinter.Print(target), $"a fee is paid as a whole: write 'pay {name.Text}'"));
                break;
            case SymbolKind.Fee:
                _analysis.PayTargets[pay] = new PayTarget(PayKind.Fee, symbol);
                break;
            case SymbolKind.Fleet when target.Member?.Text == "opex":
                _analysis.PayTargets[pay] = new PayTarget(PayKind.Opex, symbol);
                break;
            case SymbolKind.Fleet:
                _diagnostics.Add(DiagnosticCatalogue.BadPayTarget(
                    target.Member?.Span ?? target.Span, ExpressionPrinter.Print(target), $"a fleet pays its running costs: write 'pay {name.Text}.opex'"));
                break;
            case SymbolKind.Tranche:
                PayKind? kind = target.Member?.Text switch
                {
                    "interest" => PayKind.Interest,
                    "principal" => PayKind.Principal,
                    "balance" => PayKind.Balance,
                    "commitment_fee" => PayKind.CommitmentFee,
                    "guarantee_fee" => PayKind.GuaranteeFee,
                    _ => null,
                };
                if (kind is { } k)
                {
                    _analysis.PayTargets[pay] = new PayTarget(k, symbol);
                }
                else
                {
                    _diagnostics.Add(DiagnosticCatalogue.BadPayTarget(target.Member?.Span ?? target.Span, ExpressionPrinter.Print(target), whatToPay));
                }

                break;
            default:
                if (!Symbols.WasAlsoDeclaredAs(name.Text, SymbolKind.Tranche) && !Symbols.WasAlsoDeclaredAs(name.Text, SymbolKind.Fee))
                {
                    _diagnostics.Add(DiagnosticCatalogue.WrongKind(
                        name.Span, name.Text, symbol.Kind.Keyword(), "pay needs a tranche or a fee"));
                }

                break;
        }
    }

    /// <summary>Resolves the names in a declaration's expressions (its terms, amounts, conditions), in the deal's scope.</summary>
    internal void BindTerms(params ExpressionSyntax?[] expressions) => Expressions(_dealScope, expressions);

    private void Expressions(Scope scope, params ExpressionSyntax?[] expressions)
    {
        foreach (ExpressionSyntax? expression in expressions)
        {
            foreach (ReferenceSyntax reference in SyntaxWalk.References(expression))
            {
                Resolve(scope, reference);
            }
        }
    }

    // reference : ident (DOT member=ident)?
    private void Resolve(Scope scope, ReferenceSyntax reference)
    {
        if (reference.Name is not { Text.Length: > 0 } name)
        {
            return;
        }

        NameSyntax? member = reference.Member;
        if (Builtins.DealWideNamed(name.Text) is { } builtin)
        {
            if (member is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.NoMembers(member.Span, name.Text, "the built-in quantity"));
                return;
            }

            _analysis.References[reference] = new ResolvedReference(null, builtin);
            return;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            ReportUnknown(DiagnosticCatalogue.UnknownName(name.Span, name.Text, _analysis.DealName, scope.Suggest(name.Text)));
            return;
        }

        if (symbol.Kind == SymbolKind.Unknown)
        {
            return;
        }

        IReadOnlyList<MemberInfo> members;
        switch (KindRules.For(symbol.Kind).Reading)
        {
            case KindReading.NotRead notRead:
                _diagnostics.Add(DiagnosticCatalogue.WrongKind(name.Span, name.Text, symbol.Kind.Keyword(), notRead.Reason));
                _analysis.NamedInError.Add(symbol);
                return;
            case KindReading.ByName when member is not null:
                _diagnostics.Add(DiagnosticCatalogue.NoMembers(member.Span, name.Text, symbol.Kind.Keyword()));
                _analysis.NamedInError.Add(symbol);
                return;
            case KindReading.ByName byName:
                _analysis.References[reference] = new ResolvedReference(symbol, new MemberInfo(name.Text, byName.Quantity, byName.Unit, false));
                return;
            case KindReading.ByMembers byMembers:
                members = byMembers.Members;
                break;
            default:
                throw new UnreachableException("A kind's reading is by members, by name or not at all.");
        }

        IEnumerable<string> memberNames = members.Select(m => m.Name);
        if (member is null || string.IsNullOrEmpty(member.Text))
        {
            _diagnostics.Add(DiagnosticCatalogue.MemberRequired(reference.Span, name.Text, symbol.Kind.Keyword(), memberNames));
            return;
        }

        if (members.FirstOrDefault(m => m.Name == member.Text) is not { } info)
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownMember(
                member.Span, name.Text, symbol.Kind.Keyword(), member.Text, NameSuggestions.Closest(member.Text, memberNames), memberNames));
            return;
        }

        _analysis.References[reference] = new ResolvedReference(symbol, info);
    }

    /// <summary>Resolves a name an enforcement sale sells: any kind <see cref="CollateralRules"/> calls collateral
    /// (DL0470 for another kind).</summary>
    private void RequireCollateral(NameSyntax? name)
    {
        if (name is not { Text.Length: > 0 })
        {
            return;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            ReportUnknown(DiagnosticCatalogue.UnknownName(
                name.Span, name.Text, _analysis.DealName, Symbols.Suggest(name.Text, [.. CollateralRules.SellableKinds])));
            return;
        }

        if (symbol.Kind == SymbolKind.Unknown)
        {
            return;
        }

        if (!CollateralRules.TryCollateralKind(symbol.Kind, out _))
        {
            if (!CollateralRules.SellableKinds.Any(k => Symbols.WasAlsoDeclaredAs(name.Text, k)))
            {
                _diagnostics.Add(DiagnosticCatalogue.NotCollateral(
                    name.Span, name.Text, symbol.Kind.Keyword(), CollateralRules.SellableKinds.Select(k => k.Keyword())));
            }

            return;
        }

        _analysis.Names[name] = symbol;
    }

    /// <summary>Resolves a plain name that must be of one kind; reports unknown names and wrong kinds.</summary>
    internal Symbol? RequireKind(NameSyntax? name, SymbolKind expected, string requirement)
    {
        if (name is not { Text.Length: > 0 })
        {
            return null;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            ReportUnknown(DiagnosticCatalogue.UnknownName(name.Span, name.Text, _analysis.DealName, Symbols.Suggest(name.Text, expected)));
            return null;
        }

        if (symbol.Kind == SymbolKind.Unknown)
        {
            return null;
        }

        if (symbol.Kind != expected)
        {
            if (!Symbols.WasAlsoDeclaredAs(name.Text, expected))
            {
                _diagnostics.Add(DiagnosticCatalogue.WrongKind(name.Span, name.Text, symbol.Kind.Keyword(), requirement));
            }

            return null;
        }

        _analysis.Names[name] = symbol;
        return symbol;
    }

    /// <summary>Reports an unknown name unless a syntax error inside the same declaration explains it.</summary>
    private void ReportUnknown(Diagnostic diagnostic)
    {
        if (!_analysis.IsDamaged(_current))
        {
            _diagnostics.Add(diagnostic);
        }
    }
}
