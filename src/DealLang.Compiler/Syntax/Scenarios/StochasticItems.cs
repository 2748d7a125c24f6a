namespace DealLang.Compiler.Syntax;

/// <summary>
/// Which scenario items draw (docs/language.md §10, "Stochastic scenarios"): a scenario with any of them is a Monte Carlo
/// one. One list for the stages that ask: the lowering (which builds the scenario's draws) and the chain's check that an
/// entity's own scenario that draws is not run in a chain (DL0598).
/// </summary>
public static class StochasticItems
{
    public static bool Draws(ScenarioItemSyntax item) =>
        item is PathsSyntax or SeedSyntax or AntitheticSyntax or SobolSyntax or IndexProcessSyntax or JumpsSyntax or CorrelateSyntax or RegimesSyntax
            or DrawnDefaultsSyntax or RenewalsDrawnSyntax or BreaksDrawnSyntax or IndexDelayDrawnSyntax or WorkoutDrawnSyntax or DeflateSyntax { Volatility: not null }
            or PartyDefaultsSyntax { Recovery: not null } or LoanPaysSyntax { Drawn: not null }
            or ReletSyntax { Drawn: not null } or ReletSyntax { DrawnTo: not null }
            or EnforcementOverrideSyntax { Market.Relet.Drawn: not null } or EnforcementOverrideSyntax { Market.Relet.DrawnTo: not null };
}
