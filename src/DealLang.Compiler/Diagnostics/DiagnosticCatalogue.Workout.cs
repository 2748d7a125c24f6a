namespace DealLang.Compiler.Diagnostics;

// The workout's diagnostics (docs/language.md §9, the repo market's 'keep contracts' and 'reserve'): DL0326–DL0327
// on the sale, DL0510 on a scenario's lever. Kept in a file of their own so the feature's codes read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0326 (warning): <c>keep contracts</c> on the sale of a fleet no compute contract runs on: there is
    /// nothing to keep running, so every unit is sold as without it.</summary>
    public static Diagnostic KeepContractsWithoutContracts(SourceSpan span, string fleet) =>
        Warning("DL0326", span,
            $"'keep contracts' on the sale of fleet '{fleet}', but no contract runs on it: every unit is sold as without it (declare 'contract C on {fleet} {{ … }}' or remove 'keep contracts')");

    /// <summary>DL0327 (warning): a sale that keeps contracts running while the waterfall that runs after the event
    /// of default (the enforcement one, or the regular one without it) does not pay the fleet's opex: the units kept
    /// running cost power and maintenance, which would pile up unpaid.</summary>
    public static Diagnostic KeptFleetOpexUnpaid(SourceSpan span, string fleet, string waterfall) =>
        Warning("DL0327", span,
            $"the lender keeps the contracts of fleet '{fleet}' running, but {waterfall} does not pay its opex: add 'pay {fleet}.opex' before the debt, or the units kept running cost power and maintenance that is never paid");

    /// <summary>DL0510 (warning): a scenario's <c>enforcement keep contracts</c> on a deal whose fleets sold into the
    /// repo market have no compute contracts, so it changes nothing.</summary>
    public static Diagnostic KeepContractsLeverUnused(SourceSpan span, string scenario) =>
        Warning("DL0510", span,
            $"scenario '{scenario}' keeps contracts running on enforcement, but no contract runs on a fleet sold into the repo market, so it changes nothing");
}
