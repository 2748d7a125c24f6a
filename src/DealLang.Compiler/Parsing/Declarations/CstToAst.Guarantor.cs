using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// A guarantor behind a lease or a tranche ('guarantor Google cap 3.2bn until 2036-06-30'): one clause, read the same
// wherever it stands; which parts a kind takes (a fee and what it covers: a tranche's only) is checked in Semantics.
internal sealed partial class CstToAst
{
    // guarantorClause : GUARANTOR party=ident guarantorPart* ;
    // guarantorPart
    //     : CAP expr                                       # guarantorCap
    //     | UNTIL DATE                                     # guarantorUntil
    //     | FEE expr                                       # guarantorFee
    //     | COVERS coverage (AND coverage)?                # guarantorCovers
    //     | SUBROGATED AFTER HOLDERS                       # guarantorSubrogation
    //     ;
    private GuarantorSyntax VisitGuarantor(GuarantorClauseContext context, string container)
    {
        var items = new ItemSet(this, container);
        NameSyntax? party = VisitIdent(context.party);
        ExpressionSyntax? cap = null, fee = null;
        DateSyntax? until = null;
        CoverageSyntax? covers = null;
        SubrogationSyntax? subrogation = null;
        foreach (GuarantorPartContext part in context.guarantorPart())
        {
            switch (part)
            {
                case GuarantorCapContext c: items.Keep(ref cap, "cap", c, VisitExpr(c.expr())); break;
                case GuarantorUntilContext u: items.Keep(ref until, "until", u, VisitDate(u.DATE())); break;
                case GuarantorFeeContext f: items.Keep(ref fee, "fee", f, VisitExpr(f.expr())); break;
                case GuarantorCoversContext v: items.Keep(ref covers, "covers", v, VisitCoverage(v)); break;
                case GuarantorSubrogationContext s: items.Keep(ref subrogation, "subrogated after holders", s, new SubrogationSyntax(Span(s))); break;
            }
        }

        return new GuarantorSyntax(party, cap, until, fee, covers, Span(context), subrogation);
    }

    // COVERS coverage (AND coverage)?   with   coverage : INTEREST | PRINCIPAL ;
    private CoverageSyntax VisitCoverage(GuarantorCoversContext context)
    {
        bool interest = false, principal = false;
        foreach (CoverageContext c in context.coverage())
        {
            interest |= c.INTEREST() is not null;
            principal |= c.PRINCIPAL() is not null;
        }

        return new CoverageSyntax(interest, principal, Span(context));
    }
}
