using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>
/// Builds the <see cref="SemanticModel"/> from what the semantic passes recorded, keyed by syntax node: the
/// symbol table, resolved references (<c>Notes.balance</c>), pay targets, plain names (a lessee, an account in a
/// step, a lease in a scenario) and bound expressions. Scenarios and the deal itself are symbols too: a scenario's
/// <c>for Hyperion</c> is a use of the deal, wherever the scenario's file is.
/// </summary>
internal static class SemanticModelBuilder
{
    public static SemanticModel Build(DealAnalysis? analysis)
    {
        if (analysis is null)
        {
            return new SemanticModel([], [], new Dictionary<ExpressionSyntax, BoundExpression>());
        }

        var symbols = new List<DealSymbol>();
        var references = new List<SymbolReference>();
        var bySymbol = new Dictionary<Symbol, DealSymbol>(ReferenceEqualityComparer.Instance);

        DealSymbol? deal = null;
        if (analysis.Deal.Name is { Text.Length: > 0 } dealName)
        {
            deal = Declare(symbols, references, new DealSymbol(dealName.Text, "deal", dealName.Span) { Extent = analysis.Deal.Span });
        }

        foreach (Symbol symbol in analysis.Symbols.All)
        {
            if (symbol.Kind != SymbolKind.Unknown)
            {
                BoundExpression? defining = DefiningExpression(symbol.Declaration) is { } expression
                    ? analysis.Bound.GetValueOrDefault(expression) : null;
                bySymbol[symbol] = Declare(symbols, references, new DealSymbol(symbol.Name, symbol.Kind.Keyword(), symbol.Span)
                {
                    Extent = symbol.Declaration.Span,
                    Unit = defining?.Unit,
                    Value = defining is ConstantExpression constant ? constant.Value : null,
                    Members = KindRules.For(symbol.Kind).Reading is KindReading.ByMembers byMembers
                        ? [.. byMembers.Members.Select(m => new DealMember(m.Name, m.Unit))]
                        : [],
                });
            }
        }

        DeclareScenarios(analysis, deal, symbols, references);

        foreach ((ReferenceSyntax reference, ResolvedReference resolved) in analysis.References)
        {
            if (resolved.Symbol is { } symbol && bySymbol.TryGetValue(symbol, out DealSymbol? target) && reference.Name is { } name)
            {
                references.Add(new SymbolReference(target, name.Span, false, reference.Member?.Text, reference.Member?.Span));
            }
        }

        foreach ((PayStepSyntax pay, PayTarget payTarget) in analysis.PayTargets)
        {
            if (bySymbol.TryGetValue(payTarget.Symbol, out DealSymbol? target) && pay.Target?.Name is { } name)
            {
                references.Add(new SymbolReference(target, name.Span, false, pay.Target.Member?.Text, pay.Target.Member?.Span));
            }
        }

        foreach ((NameSyntax name, Symbol symbol) in analysis.Names)
        {
            if (bySymbol.TryGetValue(symbol, out DealSymbol? target))
            {
                references.Add(new SymbolReference(target, name.Span, false));
            }
        }

        return new SemanticModel(symbols, references, analysis.Bound);
    }

    private static DealSymbol Declare(List<DealSymbol> symbols, List<SymbolReference> references, DealSymbol symbol)
    {
        symbols.Add(symbol);
        references.Add(new SymbolReference(symbol, symbol.Declaration, true));
        return symbol;
    }

    // The one expression that says what a declaration read by its bare name is worth, for a tool's hover.
    private static ExpressionSyntax? DefiningExpression(DeclarationSyntax declaration) => declaration switch
    {
        FeeSyntax fee => fee.Amount,
        TestSyntax test => test.Expression,
        TriggerSyntax trigger => trigger.Condition,
        IndexSyntax index => index.Level,
        _ => null,
    };

    // A scenario named twice is one symbol, declared where it first is (the binder reported the second, DL0502).
    private static void DeclareScenarios(DealAnalysis analysis, DealSymbol? deal, List<DealSymbol> symbols, List<SymbolReference> references)
    {
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        foreach (ScenarioSyntax scenario in SyntaxWalk.Safe(analysis.Scenarios))
        {
            if (scenario.Name is { Text.Length: > 0 } name && scenarios.Add(name.Text))
            {
                Declare(symbols, references, new DealSymbol(name.Text, "scenario", name.Span) { Extent = scenario.Span });
            }

            if (deal is not null && scenario.Deal is { } dealName && dealName.Text == deal.Name)
            {
                references.Add(new SymbolReference(deal, dealName.Span, false));
            }
        }
    }
}
