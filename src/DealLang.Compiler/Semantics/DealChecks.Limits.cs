using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Sizes beyond any real deal (docs/language.md, "Limits"): a real deal has tens of fees and steps, not thousands.
// Such a file comes from a script gone wrong, and compiling it would take minutes; it gets one located error.
internal sealed partial class DealChecks
{
    /// <summary>The most declarations of one kind (fees, tranches, tests…) a deal may have (DL0440).</summary>
    public const int MaxDeclarationsPerKind = 5_000;

    /// <summary>The most steps one waterfall may have, counting those inside if/else (DL0441).</summary>
    public const int MaxWaterfallSteps = 10_000;

    private void CheckLimits()
    {
        var counts = new Dictionary<DeclarationKind, int>();
        var waterfalls = new List<(WaterfallSyntax Waterfall, string What)>();
        foreach (DeclarationSyntax declaration in SyntaxWalk.Safe(Deal.Declarations))
        {
            switch (declaration)
            {
                case NamedDeclarationSyntax named:
                    int count = counts.GetValueOrDefault(named.Kind) + 1;
                    counts[named.Kind] = count;
                    if (count == MaxDeclarationsPerKind + 1)
                    {
                        _diagnostics.Add(DiagnosticCatalogue.TooManyDeclarations(named.Name?.Span ?? named.Span, named.Keyword, MaxDeclarationsPerKind));
                    }

                    break;
                case WaterfallSyntax waterfall:
                    waterfalls.Add((waterfall, "the waterfall"));
                    break;
                case EnforcementSyntax { Waterfall: { } enforcement }:
                    waterfalls.Add((enforcement, "the enforcement waterfall"));
                    break;
            }
        }

        foreach (var (waterfall, what) in waterfalls)
        {
            // Reported at the first step beyond the limit, once per waterfall.
            if (SyntaxWalk.Steps(waterfall.Steps).Skip(MaxWaterfallSteps).FirstOrDefault() is { } first)
            {
                _diagnostics.Add(DiagnosticCatalogue.TooManySteps(first.Span, what, MaxWaterfallSteps));
            }
        }
    }
}
