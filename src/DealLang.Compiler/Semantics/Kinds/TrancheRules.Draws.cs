using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

// A tranche's draws tied to a fleet's deliveries, its margin by what a draw funds, and whether its commitment fee is
// paid (docs/language.md §5 "tranche"): DL0215–DL0219, DL0477–DL0479.
internal sealed partial class TrancheRules
{
    /// <summary>
    /// <c>draws against Fleet advance R</c>: one way of drawing (not with dated draws, DL0218), an advance rate in
    /// (0%, 100%] (DL0477), a fleet with contracts (DL0215), deliveries within the availability period (DL0478, a
    /// warning), draws within the commitment (DL0479, a warning); and a margin by investment grade only on such
    /// draws (DL0217), with every customer's rating readable (DL0216). A missing commitment is DL0485
    /// (<see cref="CheckDelayedDraw"/>).
    /// </summary>
    private static void CheckDeliveryDraws(TrancheSyntax tranche, DealChecks checks, string name)
    {
        DiagnosticBag diagnostics = checks.Diagnostics;
        DealAnalysis analysis = checks.Analysis;
        if (tranche.DrawsAgainst is not { } against)
        {
            if (tranche.ClassMargin is { } margin)
            {
                diagnostics.Add(DiagnosticCatalogue.ClassMarginWithoutDeliveryDraws(margin.Span, name));
            }

            return;
        }

        if (tranche.Draws is not null)
        {
            diagnostics.Add(DiagnosticCatalogue.DatedAndDeliveryDraws(against.Span, name));
        }

        double? advance = (analysis.BoundOf(against.Advance) as ConstantExpression)?.Value;
        if (advance is { } a && !(a > 0 && a <= 1))
        {
            diagnostics.Add(DiagnosticCatalogue.AdvanceRateOutOfRange(against.Advance!.Span, name, a));
        }

        if (against.Fleet is null || !analysis.Names.TryGetValue(against.Fleet, out Symbol? symbol)
            || symbol.Declaration is not FleetSyntax fleet)
        {
            return; // not a fleet: reported by the binder
        }

        ContractSyntax[] contracts = [.. DeliveryFunding.ContractsOn(analysis.Deal, fleet.Name.Text)];
        if (contracts.Length == 0)
        {
            if (!analysis.HasUnknownDeclarations)
            {
                diagnostics.Add(DiagnosticCatalogue.DrawsAgainstFleetWithoutContract(against.Fleet.Span, name, fleet.Name.Text));
            }

            return;
        }

        if (tranche.AvailableUntil?.Value is { } until)
        {
            foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries))
            {
                if (delivery.Date is { } date && date.Value > until)
                {
                    diagnostics.Add(DiagnosticCatalogue.DeliveryAfterAvailability(date.Span, name, fleet.Name.Text, date.Value.ToString(), until.ToString()));
                }
            }
        }

        var ratings = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool InvestmentGrade(ContractSyntax contract)
        {
            if (contract.Customer is null || !analysis.Names.TryGetValue(contract.Customer, out Symbol? customer)
                || customer.Declaration is not PartySyntax party)
            {
                return false;
            }

            if (ratings.TryGetValue(party.Name.Text, out bool known))
            {
                return known;
            }

            bool? grade = CreditRatings.IsInvestmentGrade(party.Rating?.Value);
            // Once per party, whichever tranche reads it first (two tranches with margins share their customers).
            if (grade is null && tranche.ClassMargin is not null
                && !diagnostics.Items.Any(d => d.Code == "DL0216" && d.Span == party.Rating!.Span))
            {
                diagnostics.Add(DiagnosticCatalogue.UnreadableRating(party.Rating!.Span, party.Name.Text, party.Rating.Value, name, contract.Name.Text));
            }

            ratings[party.Name.Text] = grade ?? false;
            return grade ?? false;
        }

        var inputs = DeliveryFunding.Inputs(fleet, contracts, checks.Closing ?? default, e => (analysis.BoundOf(e) as ConstantExpression)?.Value,
            InvestmentGrade);
        if (inputs is not { } known || advance is not { } rate || !(rate > 0 && rate <= 1) || checks.Closing is null
            || analysis.BoundOf(tranche.Commitment) is not ConstantExpression commitment)
        {
            return;
        }

        double balance = (analysis.BoundOf(tranche.Balance) as ConstantExpression)?.Value ?? 0;
        double drawn = DeliveryFunding.Draws(known.Batches, known.Contracts, rate).Sum(d => d.Amount);
        double undrawn = commitment.Value - balance;
        if (drawn > undrawn + 0.005 + (1e-12 * Math.Abs(commitment.Value)))
        {
            diagnostics.Add(DiagnosticCatalogue.DeliveryDrawsAboveCommitment(against.Span, name, drawn, undrawn));
        }
    }

    /// <summary>A commitment fee that no pay step of the waterfall or the enforcement waterfall pays (DL0219, a
    /// warning); held back when a waterfall is missing, damaged or may hide in an unknown declaration.</summary>
    private static void CheckCommitmentFeePaid(TrancheSyntax tranche, DealChecks checks, string name)
    {
        DealAnalysis analysis = checks.Analysis;
        if (tranche.CommitmentFee is not { } fee || tranche.Commitment is null || analysis.Waterfall is not { } waterfall
            || analysis.HasUnknownDeclarations || analysis.IsDamaged(waterfall) || analysis.IsDamaged(analysis.Enforcement)
            || analysis.Symbols.For(tranche) is not { } self)
        {
            return;
        }

        if (!analysis.PayTargets.Values.Any(target => target.Kind == PayKind.CommitmentFee && target.Symbol == self))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CommitmentFeeNeverPaid(fee.Span, name));
        }
    }
}
