using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each tranche's <see cref="TrancheSummary"/> from a finished run.</summary>
static class TrancheSummaries
{
    /// <summary>Every tranche's summary; <paramref name="scenario"/> says which tranches its issuer calls (their
    /// <see cref="TrancheSummary.Called"/>).</summary>
    public static ImmutableArray<TrancheSummary> Build(DealDescription deal, RunResult result, ScenarioSpec scenario, int periods, double[] years)
    {
        var summaries = ImmutableArray.CreateBuilder<TrancheSummary>(deal.Tranches.Length);
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            TrancheInfo tranche = deal.Tranches[i];
            double[] principal = result.PrincipalPaid[i];
            double[] interest = result.InterestPaid[i];
            // The principal the lender funded: at closing and by every draw since (a delayed draw); each bought at the
            // issue price, so an original issue discount raises the IRR (docs/language.md, tranche).
            double[] drawn = result.TrancheDrawn[i];
            double original = tranche.Balance + PeriodYears.Sum(drawn, periods);
            double loss = result.PrincipalLoss[i];
            // A convertible's holder receives shares instead of principal: their value is a flow to it (the IRR counts it).
            double[] shares = result.TrancheConversion[i];
            double irr = PeriodYears.Irr(years, tranche.IssuePrice * tranche.Balance, interest, principal, drawn, tranche.IssuePrice, shares);
            summaries.Add(new TrancheSummary(
                tranche.Name,
                original,
                PeriodYears.Sum(interest, periods),
                PeriodYears.Sum(principal, periods),
                loss,
                original == 0 ? double.NaN : loss / original,
                result.UnpaidInterest[i],
                Analytics.Wal.Compute(years, principal.AsSpan(0, periods)),
                irr,
                Analytics.BondEquivalentYield.FromAnnual(irr),
                FirstShortfall(deal, result, i, periods))
            {
                ConvertedOn = Array.FindIndex(shares, 0, periods, v => v > 0) is >= 0 and int converted ? deal.Boundaries[converted + 1] : null,
                SharesValue = PeriodYears.Sum(shares, periods),
                // Only a tranche with puts records one (a hand-built program need not reset the others' slots to −1).
                PutOn = tranche.HasPuts && result.TranchePutPeriod[i] is >= 0 and int put && put < periods ? deal.Boundaries[put + 1] : null,
                ConversionPrice = tranche.HasReset ? result.TrancheConversionPrice[i] : double.NaN,
                // Likewise only a tranche the scenario calls records a call.
                Called = scenario.Calls(i),
                CalledOn = scenario.Calls(i) && result.TrancheCallPeriod[i] is >= 0 and int called && called < periods ? deal.Boundaries[called + 1] : null,
                CommitmentFeePaid = PeriodYears.Sum(result.CommitmentFeePaid[i], periods),
                CommitmentFeeUnpaid = result.CommitmentFeeUnpaid[i],
                GuaranteeFeeUnpaid = result.GuaranteeFeeUnpaid[i],
                // The lender's all-in yield: the fee on the undrawn commitment is income to it as interest is.
                IrrWithCommitmentFee = tranche.CommitmentFee > 0
                    ? PeriodYears.Irr(years, tranche.IssuePrice * tranche.Balance, interest, principal, drawn, tranche.IssuePrice, WithShares(result.CommitmentFeePaid[i], shares))
                    : double.NaN,
            } is var summary && Guarantee(deal, i) is { } g
                ? WithGuarantee(summary, tranche, result, i, g, periods, years)
                : summary);
        }

        return summaries.MoveToImmutable();
    }

    /// <summary>The commitment fee paid plus a convertible's shares, per period (a tranche may be both).</summary>
    static double[] WithShares(double[] fee, double[] shares)
    {
        var sum = new double[fee.Length];
        for (int t = 0; t < sum.Length; t++)
        {
            sum[t] = fee[t] + shares[t];
        }

        return sum;
    }

    /// <summary>The guarantee behind tranche <paramref name="tranche"/>, by its position; null when none.</summary>
    internal static int? Guarantee(DealDescription deal, int tranche)
    {
        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            if (deal.Guarantees[g] is { Kind: GuaranteeTarget.Tranche } info && info.Target == tranche)
            {
                return g;
            }
        }

        return null;
    }

    /// <summary>The holders' figures with the guarantor's payments to them, net of what they passed back to it: their
    /// IRR on the issuer's interest, principal and a convertible's shares plus those flows, each at its period's end
    /// (<see cref="Analytics.HoldersFlows"/>).</summary>
    static TrancheSummary WithGuarantee(TrancheSummary summary, TrancheInfo tranche, RunResult result, int i, int g, int periods, double[] years)
    {
        var times = new double[periods + 1];
        var amounts = new double[periods + 1];
        years.AsSpan(0, periods).CopyTo(times.AsSpan(1));
        amounts[0] = -(tranche.IssuePrice * tranche.Balance);
        Analytics.HoldersFlows.Form(amounts.AsSpan(1), result, i, g, tranche.IssuePrice);
        double net = PeriodYears.Sum(result.GuaranteePaid[g], periods) - PeriodYears.Sum(result.GuaranteeRecovered[g], periods);
        return summary with
        {
            Guaranteed = true,
            PaidByGuarantor = net,
            // What the holders were owed and never received: the issuer's shortfall less the guarantor's part of it
            // (its subrogated principal and interest arrears at the end), each under half a cent none (Flows.Shortfall:
            // a guarantor that paid the whole balance holds it to the last bit of its running sum, not of the balance).
            HoldersLoss = periods == 0 ? 0.0 : Flows.Shortfall(summary.PrincipalLoss, result.GuarantorPrincipal[g][periods - 1])
                + Flows.Shortfall(summary.UnpaidInterest, result.GuarantorInterest[g][periods - 1]),
            HoldersIrr = Analytics.InvestorIrr.Solve(times, amounts),
        };
    }

    /// <summary>The end date of the first period that left scheduled principal unpaid, else, with a principal loss, of the
    /// run's last period (same in ledger and summary-only runs).</summary>
    static Date? FirstShortfall(DealDescription deal, RunResult result, int i, int periods)
    {
        for (int t = 0; t < periods; t++)
        {
            if (result.PrincipalShortfall[i][t] > 0)
            {
                return deal.Boundaries[t + 1];
            }
        }

        // A run that ends at an enforcement sale before the schedule asked for the rest writes the rest off there: the
        // balance was due at the end and went unpaid, so a tranche with a principal loss always has a date (a chain's
        // layer table reads it as the holder's default; a sale that paid more than the schedule asked each period
        // would otherwise leave a loss with no date).
        return result.PrincipalLoss[i] >= Flows.ShortfallTolerance && periods > 0 ? deal.Boundaries[periods] : null;
    }
}
