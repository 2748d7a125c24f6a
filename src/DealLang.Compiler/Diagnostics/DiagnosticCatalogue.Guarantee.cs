namespace DealLang.Compiler.Diagnostics;

// A guarantor behind a lease or a tranche and a scenario's levers on it (docs/language.md §5 "Guarantors", §10):
// DL0730–DL0749, kept together so they read as one; and a lease's guarantor written on its rvg line without 'with',
// DL0594.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0594 (warning): a lease's guarantor clause written straight after its <c>rvg</c> item on the same line,
    /// without <c>with</c> (<c>rvg guarantees G cap M until D guarantor P cap M2</c>): the grammar reads it as the lease's
    /// rent guarantor, where the line most likely meant the RVG's (<c>… until D with guarantor P cap M2</c>). The reading
    /// stands; the warning says how each is written.</summary>
    public static Diagnostic RvgLineRentGuarantor(SourceSpan span, string lease, string party) =>
        Warning("DL0594", span,
            $"'guarantor {party}' follows the rvg of lease '{lease}' on its line without 'with', so it is the guarantor of the lease's rent, not of its RVG: for a guarantor behind the RVG write 'rvg … with guarantor {party} …'; for the rent's, put 'guarantor {party} …' on a line of its own");

    /// <summary>DL0730: a lease's or a contract's guarantor with a fee, a 'covers' or a 'subrogated after holders': it pays
    /// what the lessee or customer leaves unpaid, for no fee the deal pays; all three belong to a tranche's guarantee.</summary>
    public static Diagnostic GuaranteeTermOnLease(SourceSpan span, string kind, string name, string term) =>
        Error("DL0730", span,
            $"the guarantor of {kind} '{name}' has '{term}', which only a tranche's guarantee takes: a {kind}'s guarantor pays what its {(kind == "lease" ? "lessee" : "customer")} leaves unpaid (remove '{term}')");

    /// <summary>DL0731: a party guaranteeing its own obligation (a lessee behind its own lease, a customer behind its own
    /// contract): its default would stop both the payments and the guarantee, so the guarantee could never pay.</summary>
    public static Diagnostic GuarantorIsObligor(SourceSpan span, string party, string kind, string name) =>
        Error("DL0731", span,
            $"'{party}' is both the {(kind == "lease" ? "lessee" : "customer")} and the guarantor of {kind} '{name}': a guarantee pays when the {(kind == "lease" ? "lessee" : "customer")} defaults, so it must be another party's");

    /// <summary>DL0732 (warning): a tranche's guarantee fee that no step of the waterfall or the enforcement waterfall
    /// pays: it accrues and carries unpaid for ever.</summary>
    public static Diagnostic GuaranteeFeeNeverPaid(SourceSpan span, string tranche) =>
        Warning("DL0732", span,
            $"tranche '{tranche}' is guaranteed for a fee, but no waterfall step pays it: it accrues unpaid for the whole deal (add 'pay {tranche}.guarantee_fee' to the waterfall, where the term sheet ranks it)");

    /// <summary>DL0733: <c>pay T.guarantee_fee</c> on a tranche without a guarantor: there is no fee to pay.</summary>
    public static Diagnostic GuaranteeFeeWithoutGuarantor(SourceSpan span, string tranche) =>
        Error("DL0733", span,
            $"'pay {tranche}.guarantee_fee' pays a guarantee fee, but tranche '{tranche}' has no guarantor (add 'guarantor Party cap … fee …' to the tranche, or remove the step)");

    /// <summary>DL0734: a scenario's guarantee lever on a party that guarantees nothing in the deal.</summary>
    public static Diagnostic NotAGuarantor(SourceSpan span, string scenario, string party) =>
        Error("DL0734", span,
            $"scenario '{scenario}' sets the guarantees of '{party}', but '{party}' guarantees no lease, contract or tranche of the deal (a guarantor is named by 'guarantor {party} cap …' in one of them)");
}
