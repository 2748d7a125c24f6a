namespace DealLang.Compiler.Model;

/// <summary>
/// How a liability's principal is drawn: one strategy per record (funded in full at closing today; a delayed draw
/// or a revolving facility is a new record and one case where the emitter switches on it).
/// </summary>
public abstract record DrawModel;

/// <summary>The whole balance is outstanding from the closing.</summary>
public sealed record FundedAtClosing : DrawModel;

/// <summary>
/// A delayed-draw term loan: the balance at closing, then <see cref="Draws"/> (one amount per period, workout
/// included, a draw landing in the period containing its date) funded at the end of their period, up to the
/// <see cref="Commitment"/>; what is undrawn after period <see cref="AvailableUntilPeriod"/> is cancelled, and an event
/// of default stops every later draw. <see cref="FeeRate"/> a year is due on the undrawn amount at each period's start.
/// Draws tied to deliveries (an advance rate × the cost of GPUs delivered) are the next record here: they only change
/// how each period's draw is worked out (the <c>Draws</c> array becomes an expression).
/// </summary>
public sealed record DelayedDraw(
    double Commitment,
    System.Collections.Immutable.ImmutableArray<double> Draws,
    int AvailableUntilPeriod,
    double FeeRate) : DrawModel;
