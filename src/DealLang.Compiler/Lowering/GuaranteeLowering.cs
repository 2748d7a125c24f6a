using System.Collections.Immutable;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// The guarantors behind leases and tranches ('guarantor Google cap 3.2bn until DATE'; on a tranche 'fee 35bp covers
// interest and principal'), then those behind the leases' RVGs ('rvg … with guarantor Parent cap 10bn'), as the runtime's
// GuaranteeInfo, the leases' first, each kind in declaration order: a
// guarantee is a term of the lease or tranche it stands behind, not a declaration of its own, so it has no kind and
// is gathered here from both (docs/language.md §5, "Guarantors").
internal sealed partial class Lowerer
{
    private ImmutableArray<GuaranteeInfo> LowerGuarantees()
    {
        var guarantees = ImmutableArray.CreateBuilder<GuaranteeInfo>();
        foreach (Symbol lease in SymbolsOf(DeclarationKind.Lease))
        {
            if (lease.Declaration is LeaseSyntax { Guarantor: { } g })
            {
                guarantees.Add(Guarantee(g, GuaranteeTarget.Lease, lease, false, false));
            }
        }

        foreach (Symbol contract in SymbolsOf(DeclarationKind.Contract))
        {
            if (contract.Declaration is ContractSyntax { Guarantor: { } g })
            {
                guarantees.Add(Guarantee(g, GuaranteeTarget.Contract, contract, false, false));
            }
        }

        foreach (Symbol tranche in SymbolsOf(DeclarationKind.Tranche))
        {
            if (tranche.Declaration is TrancheSyntax { Guarantor: { } g })
            {
                // Without 'covers', a tranche's guarantee covers interest and principal (a full-faith guarantee).
                bool interest = g.Covers?.Interest ?? true, principal = g.Covers?.Principal ?? true;
                guarantees.Add(Guarantee(g, GuaranteeTarget.Tranche, tranche, interest, principal) with { SubrogatedAfterHolders = g.Subrogation is not null });
            }
        }

        // The guarantors behind the leases' RVGs last, so that the guarantees of a deal without any keep their places.
        foreach (Symbol lease in SymbolsOf(DeclarationKind.Lease))
        {
            if (lease.Declaration is LeaseSyntax { Rvg.Guarantor: { } g })
            {
                guarantees.Add(new GuaranteeInfo(g.Guarantor?.Text + " for rvg " + lease.Name, IndexOf(g.Guarantor), GuaranteeTarget.LeaseRvg,
                    lease.Index, Constant(g.Cap), Until(g)));
            }
        }

        return guarantees.ToImmutable();
    }

    private GuaranteeInfo Guarantee(GuarantorSyntax g, GuaranteeTarget kind, Symbol target, bool interest, bool principal) =>
        new(g.Guarantor?.Text + " for " + target.Name, IndexOf(g.Guarantor), kind, target.Index, Constant(g.Cap), Until(g),
            Constant(g.Fee), interest, principal);

    // 'until DATE' names the last period the guarantee answers for by its end, as a test's 'from' names the first: a date
    // on one of the schedule's dates as rolled stands for that date as paid (NamedByDate), so under 'following' a
    // guarantee 'until 2029-06-30', a Saturday quarter end paid on Monday 07-02, still answers for that quarter; any other
    // date is compared as written with the ends as paid. Without business days every date is itself.
    private Date? Until(GuarantorSyntax g) => g.Until?.Value is { } until ? NamedByDate(until) : null;
}
