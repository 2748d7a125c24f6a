using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Enforcement sale terms: a scenario's <c>enforcement haircut … lag …</c> overrides every sale's own, and its repo-market
/// levers (<c>depth … impact … limit … costs … reserve …</c>, <c>keep contracts</c> / <c>sell all</c>) those of every sale into a market,
/// its <c>price yield …</c> that of every sale pricing its loans at a yield (the whole yield, also one that reads an index), and its <c>relet idle at R for D</c> /
/// <c>not relet idle</c> (with its <c>rising to … over …</c> or <c>curve { … }</c>, and <c>price …</c>) those of every sale that re-lets idle units, and its <c>half_life …</c> that of every sale that carries
/// its impact.</summary>
static class SaleTerms
{
    /// <summary>The scalar quantities <see cref="Fill"/> writes, one slot a sale each (besides the re-let curve, an object
    /// per sale): what <see cref="DealPaths"/> replays from a memo for a scenario whose sale terms it has seen
    /// (<see cref="PathMemo.SaleValues"/>). SaleTermsMemoTests checks it names every scalar quantity of a sale.</summary>
    public static readonly InputQuantity[] Quantities =
    [
        InputQuantity.SaleHaircut, InputQuantity.SaleLagMonths, InputQuantity.SaleDepth, InputQuantity.SaleImpact,
        InputQuantity.SaleLimit, InputQuantity.SaleCosts, InputQuantity.SaleKeepContracts, InputQuantity.SaleReserve,
        InputQuantity.SaleYield, InputQuantity.SaleYieldWeight, InputQuantity.SaleReletUtilisation, InputQuantity.SaleReletMonths,
        InputQuantity.SaleReletTo, InputQuantity.SaleReletRampMonths, InputQuantity.SaleReletPriceIndex,
        InputQuantity.SaleReletPriceShare, InputQuantity.SaleReletPriceSpread, InputQuantity.SaleHalfLifeMonths,
    ];

    /// <summary>Whether <paramref name="scenario"/>'s sale terms are the same on every path it is filled for: a function of
    /// the deal and of the scenario's enforcement levers (init-only, so fixed for the scenario object), unless the path drew
    /// the enforcement re-let's utilisation (<see cref="ScenarioSpec.ReletUtilisationsDrawn"/>, rewritten path by path).</summary>
    public static bool FixedFor(DealDescription deal, ScenarioSpec scenario) =>
        ScenarioSpec.ReletDrawSlot(null, false, deal.Contracts.Length) >= scenario.ReletUtilisationsDrawn.Length;

    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int s = 0; s < deal.Sales.Length; s++)
        {
            into.SaleHaircut[s] = scenario.EnforcementHaircut ?? deal.Sales[s].Haircut;
            into.SaleLagMonths[s] = scenario.EnforcementLagMonths ?? deal.Sales[s].LagMonths;
            // The repo market's levers reach only a sale with a market (a scenario cannot give one to a sale without).
            SaleMarket? market = deal.Sales[s].Market;
            into.SaleDepth[s] = market is null ? 0 : scenario.EnforcementDepth ?? market.Depth;
            into.SaleImpact[s] = market is null ? 0 : scenario.EnforcementImpact ?? market.Impact;
            into.SaleLimit[s] = market is null ? 0 : scenario.EnforcementLimit ?? market.Limit;
            into.SaleCosts[s] = market is null ? 0 : scenario.EnforcementCosts ?? market.Costs;
            into.SaleKeepContracts[s] = market is not null && (scenario.EnforcementKeepContracts ?? market.KeepContracts) ? 1 : 0;
            into.SaleReserve[s] = market is null ? 0 : scenario.EnforcementReserve ?? market.Reserve;
            // The yield reaches only a sale that prices its loans at one (a scenario cannot price a sale at par otherwise).
            into.SaleYield[s] = deal.Sales[s].Price?.Yield is { } yield ? scenario.EnforcementYield ?? yield : 0;
            // A yield that reads an index (SOFR + 6%) reads it with weight 1, the slot above holding the spread; the scenario's
            // constant yield replaces the whole of it, index and all (weight 0).
            into.SaleYieldWeight[s] = deal.Sales[s].Price?.YieldIndex is not null && scenario.EnforcementYield is null ? 1 : 0;
            // The re-let lever reaches only a sale that re-lets its idle units (the checks refuse it in a deal with none).
            bool relets = market is { Relet: > 0 };
            // A utilisation a stochastic scenario drew for the path ('enforcement relet idle at beta …') in place of the lever's (its mean).
            int contracts = deal.Contracts.Length;
            into.SaleReletUtilisation[s] = !relets ? 0
                : scenario.EnforcementReletUtilisation is { } lever ? scenario.ReletUtilisationOf(ScenarioSpec.ReletDrawSlot(null, false, contracts), lever) : market!.Relet;
            into.SaleReletMonths[s] = relets ? scenario.EnforcementReletMonths ?? market!.ReletMonths : 0;
            // A flat re-let ramps to its own utilisation; a lever restates the ramp with the utilisation (flat without 'rising'),
            // a flat one's drawn or not, a ramp's end drawn or not.
            into.SaleReletTo[s] = !relets ? 0
                : scenario.EnforcementReletTo is { } to
                    ? scenario.EnforcementReletRampMonths > 0 ? scenario.ReletUtilisationOf(ScenarioSpec.ReletDrawSlot(null, true, contracts), to) : into.SaleReletUtilisation[s]
                    : market!.ReletRampMonths > 0 ? market.ReletTo : market.Relet;
            into.SaleReletRampMonths[s] = relets ? scenario.EnforcementReletRampMonths ?? market!.ReletRampMonths : 0;
            // A curve (docs/language.md §9, "relet-curve"): a lever restates the whole shape, so its curve (or none) replaces the sale's.
            into.SaleReletCurve[s] = !relets ? null : scenario.EnforcementReletUtilisation is not null ? scenario.EnforcementReletCurve : market!.ReletCurve;
            // The price: the lever's, else the sale's own, else the fleet's generation index at its level (share 1, no spread).
            ReletPrice? price = relets ? scenario.EnforcementReletPrice ?? market!.ReletPrice : null;
            into.SaleReletPriceIndex[s] = price?.Index ?? (relets ? deal.Fleets[deal.Sales[s].Collateral[0].Index].Generation : 0);
            into.SaleReletPriceShare[s] = price?.Share ?? (relets ? 1 : 0);
            into.SaleReletPriceSpread[s] = price?.Spread ?? 0;
            // The half-life lever reaches only a sale that carries its impact (the checks refuse it in a deal with none).
            into.SaleHalfLifeMonths[s] = market is { HalfLifeMonths: > 0 } ? scenario.EnforcementHalfLifeMonths ?? market.HalfLifeMonths : 0;
        }
    }
}
