using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A delayed-draw tranche's draws tied to a fleet's deliveries, its margin by what a draw funds, and its commitment
// fee (docs/language.md §5 "tranche"): DL0215–DL0219 and DL0477–DL0479, kept together so they read as one.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0215: a tranche draws against a fleet that no contract is on: only units delivered against
    /// contracts are funded, so nothing would ever be drawn.</summary>
    public static Diagnostic DrawsAgainstFleetWithoutContract(SourceSpan span, string tranche, string fleet) =>
        Error("DL0215", span,
            $"tranche '{tranche}' draws against fleet '{fleet}', but no contract is on '{fleet}': only GPUs delivered against contracts are funded, so nothing would be drawn (add a 'contract … on {fleet}')");

    /// <summary>DL0216: a party's rating that is on neither accepted scale, read because a tranche's margin by
    /// investment grade classes a contract of that customer.</summary>
    public static Diagnostic UnreadableRating(SourceSpan span, string party, string rating, string tranche, string contract) =>
        Error("DL0216", span,
            $"the rating \"{rating}\" of party '{party}' cannot be read, and tranche '{tranche}' needs it to class contract '{contract}' as investment grade or not (write an S&P/Fitch rating such as \"BBB-\", a Moody's rating such as \"Baa3\", or \"NR\")");

    /// <summary>DL0217: a margin by investment grade on a tranche whose draws are not tied to deliveries: only a
    /// draw against a fleet's contracts says what it funds.</summary>
    public static Diagnostic ClassMarginWithoutDeliveryDraws(SourceSpan span, string tranche) =>
        Error("DL0217", span,
            $"tranche '{tranche}' has a margin by investment grade, but its draws are not tied to deliveries, so nothing says what they fund (add 'draws against Fleet advance 80%')");

    /// <summary>DL0218: a tranche with dated draws and draws against a fleet: one draws either on dates or against
    /// deliveries.</summary>
    public static Diagnostic DatedAndDeliveryDraws(SourceSpan span, string tranche) =>
        Error("DL0218", span,
            $"tranche '{tranche}' has both dated draws and draws against a fleet; a tranche draws one way (keep 'draws {{ … }}' or 'draws against …')");

    /// <summary>DL0219 (warning): a tranche's commitment fee that no step of the waterfall or the enforcement waterfall
    /// pays: it accrues and carries unpaid for ever.</summary>
    public static Diagnostic CommitmentFeeNeverPaid(SourceSpan span, string tranche) =>
        Warning("DL0219", span,
            $"tranche '{tranche}' charges a commitment fee, but no waterfall step pays it: it accrues unpaid for the whole deal (add 'pay {tranche}.commitment_fee' to the waterfall)");

    /// <summary>DL0477: an advance rate outside (0%, 100%]: a draw lends a share of the cost delivered.</summary>
    public static Diagnostic AdvanceRateOutOfRange(SourceSpan span, string tranche, double advance) =>
        Error("DL0477", span, string.Create(CultureInfo.InvariantCulture,
            $"the advance rate of tranche '{tranche}' is {advance * 100:0.####}%; it must be above 0% and at most 100% of the cost delivered"));

    /// <summary>DL0478 (warning): a fleet delivery after the tranche's availability period: the draw it would fund is
    /// lost.</summary>
    public static Diagnostic DeliveryAfterAvailability(SourceSpan span, string tranche, string fleet, string delivery, string until) =>
        Warning("DL0478", span,
            $"fleet '{fleet}' delivers on {delivery}, after tranche '{tranche}' is available (until {until}): the draw against this delivery is lost");

    /// <summary>DL0479 (warning): the draws against a fleet's deliveries add up to more than the commitment left
    /// after the closing balance: the later draws are cut to what is undrawn.</summary>
    public static Diagnostic DeliveryDrawsAboveCommitment(SourceSpan span, string tranche, double drawn, double available) =>
        Warning("DL0479", span, string.Create(CultureInfo.InvariantCulture,
            $"tranche '{tranche}' would draw {drawn:N0} against deliveries, above the {available:N0} its commitment leaves undrawn: the later draws are cut to what is undrawn"));
}
