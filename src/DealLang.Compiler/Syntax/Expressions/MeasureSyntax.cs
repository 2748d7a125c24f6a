using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>A compute unit word (reserved): what a count, a time, a power or an energy is measured in.</summary>
public enum MeasureUnit
{
    /// <summary><c>gpu</c>, <c>gpus</c>: a count of GPUs (or of any unit of compute a fleet counts).</summary>
    Gpu,
    /// <summary><c>gpu_hour</c>, <c>gpu_hours</c>: one GPU for one hour.</summary>
    GpuHour,
    /// <summary><c>hour</c>, <c>hours</c>.</summary>
    Hour,
    /// <summary><c>kW</c>: power.</summary>
    Kw,
    /// <summary><c>MW</c>: 1,000 kW.</summary>
    Mw,
    /// <summary><c>kWh</c>: energy, one kW for one hour.</summary>
    Kwh,
    /// <summary><c>MWh</c>: 1,000 kWh.</summary>
    Mwh,
    /// <summary><c>coin</c>, <c>coins</c>: a count of a crypto coin (what a <c>coins</c> holding counts).</summary>
    Coin,
    /// <summary><c>EH/s</c>: hashrate, 10¹⁸ hashes a second (a miner's and the network's).</summary>
    ExahashPerSecond,
    /// <summary><c>day</c>, <c>days</c>: 24 hours (a network's rewards are quoted per day).</summary>
    Day,
    /// <summary><c>share</c>, <c>shares</c>: a count of an issuer's shares (a convertible's conversion price is money per share).</summary>
    Share,
}

/// <summary>
/// A literal in compute units: <c>10000 gpus</c>, <c>8760 hours</c>, <c>1.2 MW</c> (<see cref="Unit"/> set,
/// <see cref="Per"/> null); a price per unit, <c>2.35 per gpu_hour</c> or <c>30k per gpu</c> (<see cref="Unit"/> null:
/// the amount is money, bare or with a money suffix); or a measure per unit, <c>0.7 kW per gpu</c>. The amount is as
/// written (its suffix applied); the type checker scales MW and MWh to kW and kWh.
/// </summary>
public sealed record MeasureLiteralSyntax(double Amount, MeasureUnit? Unit, MeasureUnit? Per, string Text, SourceSpan Span)
    : ExpressionSyntax(Span);
