using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// A guarantor clause (<c>guarantor Google cap 3.2bn until DATE</c>; on a tranche also <c>fee 35bp covers interest
/// and principal</c>): the checks a lease's and a tranche's rules share (docs/language.md §5, "Guarantors"). What only
/// one kind takes (a fee, 'covers', a lessee guaranteeing itself) is checked by that kind's rules.
/// </summary>
internal static class GuarantorRules
{
    /// <summary>The guarantor must be a party; the cap's names are resolved.</summary>
    public static void Bind(GuarantorSyntax? guarantor, Binder binder, string requirement)
    {
        if (guarantor is null)
        {
            return;
        }

        binder.RequireKind(guarantor.Guarantor, SymbolKind.Party, requirement);
        binder.BindTerms(guarantor.Cap);
    }

    /// <summary>The cap is a constant amount of money, not negative.</summary>
    public static void CheckTerms(GuarantorSyntax? guarantor, TypeChecker checker, string owner) =>
        checker.Term(guarantor?.Cap, Unit.Money, $"the guarantor's cap of {owner}", TypeChecker.Range.NonNegative);

    /// <summary>A cap is required (a guarantee without a limit is not one a term sheet writes; <paramref name="missingCap"/>
    /// says what is missing, with an example); <c>until</c> after <paramref name="from"/> (the lease's start, the closing).
    /// <paramref name="guaranteed"/> names what it guarantees in a message ("lease 'L'" without it; an RVG's guarantor
    /// names the RVG).</summary>
    public static void CheckStructure(GuarantorSyntax guarantor, NamedDeclarationSyntax owner, DealChecks checks, Date? from,
        string missingCap = "a cap for its guarantor (e.g. 'guarantor Google cap 3.2bn')", string? guaranteed = null)
    {
        string name = owner.Name?.Text ?? "";
        if (guarantor.Cap is null && !checks.Analysis.IsDamaged(owner))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.MissingItem(guarantor.Span, owner.Keyword, name, missingCap));
        }

        if (guarantor.Until is { } until && from is { } start && until.Value <= start)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                until.Span, $"the end of the guarantee of {guaranteed ?? $"{owner.Keyword} '{name}'"}", until.Value.ToString(), $"after {start}"));
        }
    }

    /// <summary>What a lease's or a contract's guarantor may not have: a fee, 'covers' or 'subrogated after holders' (a
    /// tranche's, DL0730), or its
    /// obligor (the lessee, the customer) as the guarantor (DL0731).</summary>
    public static void CheckObligorTerms(GuarantorSyntax guarantor, NameSyntax? obligor, DealChecks checks, string kind, string name)
    {
        if (guarantor.Fee is { } fee)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.GuaranteeTermOnLease(fee.Span, kind, name, "fee"));
        }

        if (guarantor.Covers is { } covers)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.GuaranteeTermOnLease(covers.Span, kind, name, "covers"));
        }

        if (guarantor.Subrogation is { } subrogation)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.GuaranteeTermOnLease(subrogation.Span, kind, name, "subrogated after holders"));
        }

        if (guarantor.Guarantor is { } party && obligor is { } o && party.Text == o.Text)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.GuarantorIsObligor(party.Span, party.Text, kind, name));
        }
    }

    /// <summary>A tranche's guarantee fee no pay step pays (DL0732, a warning), and <c>pay T.guarantee_fee</c> on a
    /// tranche without a guarantor (DL0733); the warning is held back, as the commitment fee's, when a waterfall is
    /// missing, damaged or may hide in an unknown declaration.</summary>
    public static void CheckFeePaid(TrancheSyntax tranche, DealChecks checks, string name)
    {
        DealAnalysis analysis = checks.Analysis;
        if (analysis.Symbols.For(tranche) is not { } self)
        {
            return;
        }

        var steps = analysis.PayTargets.Where(p => p.Value.Kind == PayKind.GuaranteeFee && p.Value.Symbol == self).ToList();
        if (tranche.Guarantor is null)
        {
            foreach (var (step, _) in steps)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.GuaranteeFeeWithoutGuarantor(step.Span, name));
            }

            return;
        }

        if (tranche.Guarantor.Fee is not { } fee || analysis.Waterfall is not { } waterfall || analysis.HasUnknownDeclarations
            || analysis.IsDamaged(waterfall) || analysis.IsDamaged(analysis.Enforcement))
        {
            return;
        }

        if (steps.Count == 0)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.GuaranteeFeeNeverPaid(fee.Span, name));
        }
    }
}
