using DealLang.Compiler.Semantics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// A re-let's utilisations drawn per path (docs/language.md §5 and §9, "drawn-relet-utilisation"): a contract's
/// (<c>C relet after 3m at beta mean 60% sd 15% …</c>) and a scenario's <c>enforcement relet idle at beta …</c>, each at
/// <c>at</c> (the flat level, or a ramp's start) or at <c>rising to</c> (the ramp's end). What the stages ask of both.
/// </summary>
internal static class ReletDraws
{
    /// <summary>The betas' sds and loadings, in the order written (their means stand in the re-let's utilisations).</summary>
    public static IEnumerable<ExpressionSyntax?> Expressions(BetaRecoverySyntax? at, BetaRecoverySyntax? to) =>
        new[] { at, to }.OfType<BetaRecoverySyntax>().SelectMany(b => new ExpressionSyntax?[] { b.Sd }.Concat(SyntaxWalk.Safe(b.Loadings).Select(l => l.Beta)));

    /// <summary>The drawn utilisations written, <c>at</c>'s first, each with whether it is the ramp's end.</summary>
    public static IEnumerable<(BetaRecoverySyntax Beta, bool RampEnd)> Of(BetaRecoverySyntax? at, BetaRecoverySyntax? to)
    {
        if (at is not null)
        {
            yield return (at, false);
        }

        if (to is not null)
        {
            yield return (to, true);
        }
    }
}
