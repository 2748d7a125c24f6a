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
/// Draws tied to a fleet's deliveries (<see cref="Against"/>) are worked out here, at compile time, from the fleet's
/// batches and contracts (<c>Semantics/DeliveryFunding</c>): they only change what <see cref="Draws"/> holds, and
/// <see cref="InvestmentGradeDraws"/> (with a margin by investment grade) the part of each period's draws that funds
/// investment-grade contracts; empty otherwise.
/// </summary>
public sealed record DelayedDraw(
    double Commitment,
    System.Collections.Immutable.ImmutableArray<double> Draws,
    int AvailableUntilPeriod,
    double FeeRate) : DrawModel
{
    /// <summary>The part of each period's <see cref="Draws"/> funding investment-grade contracts (one per period);
    /// empty when the tranche has no margin by investment grade.</summary>
    public System.Collections.Immutable.ImmutableArray<double> InvestmentGradeDraws { get; init; } = [];

    /// <summary>The fleet and advance rate the draws are tied to; null for dated draws.</summary>
    public DeliveryDraws? Against { get; init; }
}

/// <summary><c>draws against Fleet advance R</c>: the fleet (its index in the model) and the advance rate.</summary>
public sealed record DeliveryDraws(int Fleet, double Advance);
