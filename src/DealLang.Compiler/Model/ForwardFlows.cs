namespace DealLang.Compiler.Model;

/// <summary>
/// The flows a forward CFADS (<c>cfads over next D</c>, docs/language.md §7 "Forward CFADS") projects, and so the
/// flows a per-period fee may be a share of and still be projected: the deal's collections (the receipts the forward
/// CFADS counts), a lease's rent, a contract's revenue, a loan's interest or principal. A per-period fee is linear in
/// its flows (a flow, a sum of flows, a flow times constants: DL0317), so its projection over a window is the same
/// expression with each flow replaced by that flow's projection over the window. A share of any other flow (a
/// recovery, a holding's receipts, coins mined, an amount paid, a fleet's opex) is not known ahead: the checker warns
/// of it (DL0320) and the emitter leaves it out, both by <see cref="Projects"/>.
/// </summary>
public static class ForwardFlows
{
    /// <summary>Whether a forward CFADS projects the flow <paramref name="quantity"/>.</summary>
    public static bool IsProjected(Quantity quantity) => quantity is Quantity.Collections or Quantity.LeaseRent
        or Quantity.ContractRevenue or Quantity.LoanInterest or Quantity.LoanPrincipal;

    /// <summary>Whether every flow a per-period fee's <paramref name="amount"/> reads is projected.</summary>
    public static bool Projects(BoundExpression amount) =>
        !BoundExpressionWalk.PreOrder(amount).Any(e => e is QuantityExpression { IsFlow: true } q && !IsProjected(q.Quantity));
}
