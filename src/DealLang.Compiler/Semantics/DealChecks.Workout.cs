using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// The workout's terms (docs/language.md §9, "keep contracts"): a lender keeping a fleet's compute contracts running
// needs contracts to keep, and pays the kept units' opex from the cash after the event of default.
internal sealed partial class DealChecks
{
    private void CheckKeptContracts(SellSyntax sale, EnforcementSyntax enforcement, WaterfallSyntax? regular)
    {
        if (sale.Market?.Keep is not { KeepsContracts: true } keep || SyntaxWalk.Safe(sale.Assets).ToList() is not [var fleet]
            || !_analysis.Symbols.TryLookup(fleet.Text, out Symbol symbol) || symbol.Kind != SymbolKind.Fleet)
        {
            return;
        }

        if (!ContractFleets().Contains(fleet.Text))
        {
            _diagnostics.Add(DiagnosticCatalogue.KeepContractsWithoutContracts(keep.Span, fleet.Text));
            return;
        }

        // The waterfall that runs after the event of default: the enforcement one, or the regular one without it.
        WaterfallSyntax? after = enforcement.Waterfall ?? regular;
        if (after is null)
        {
            return;
        }

        bool paysOpex = SyntaxWalk.Steps(after.Steps).OfType<PayStepSyntax>().Any(pay =>
            _analysis.PayTargets.TryGetValue(pay, out PayTarget? target) && target.Kind == PayKind.Opex && target.Symbol.Name == fleet.Text);
        if (!paysOpex)
        {
            _diagnostics.Add(DiagnosticCatalogue.KeptFleetOpexUnpaid(keep.Span, fleet.Text,
                enforcement.Waterfall is null ? "the regular waterfall (the deal has no enforcement waterfall)" : "the enforcement waterfall"));
        }
    }

    /// <summary>The names of the fleets some compute contract of the deal runs on.</summary>
    private HashSet<string> ContractFleets() => SyntaxWalk.Safe(Deal.Declarations).OfType<ContractSyntax>()
        .Where(c => c.Fleet is not null).Select(c => c.Fleet.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a fleet sold into the repo market has contracts, so a scenario's 'enforcement keep contracts' can
    /// keep them running.</summary>
    private bool SellsContractedFleetIntoMarket()
    {
        var fleets = ContractFleets();
        return SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>().SelectMany(e => SyntaxWalk.Safe(e.Sales))
            .Where(s => s.Market is not null).SelectMany(s => SyntaxWalk.Safe(s.Assets)).Any(a => fleets.Contains(a.Text));
    }
}
