using System.Collections.Immutable;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit;

/// <summary>
/// A waterfall step with the number the ledger and the generated comments call it by. Numbers run through the
/// regular waterfall and then the enforcement one, depth-first through if/else (an <c>if</c> takes a number
/// too), so "3 pay Notes.interest" names the same step in the code, the ledger and a reader's head.
/// </summary>
internal sealed record NumberedStep(
    int Number,
    StepModel Step,
    ImmutableArray<NumberedStep> Then,
    ImmutableArray<NumberedStep> Else)
{
    /// <summary>"3 pay Notes.interest".</summary>
    public string Title => CSharpLiterals.Int(Number) + " " + Step.Label;

    /// <summary>The C# local prefix for this step's ledger amounts: <c>step3</c>.</summary>
    public string Local => "step" + CSharpLiterals.Int(Number);

    /// <summary>A pay step's amount due: <c>step3_due</c>.</summary>
    public string Due => Local + "_due";

    /// <summary>A pay step's amount paid: <c>step3_paid</c>.</summary>
    public string Paid => Local + "_paid";

    /// <summary>What a fill, release, hold or distribute step moves: <c>step7_filled</c>.</summary>
    public string Moved => Local + "_" + MovedWord;

    /// <summary>The step's amounts, each a per-period local and a ledger column, in column order (an <c>if</c> has none).</summary>
    public IReadOnlyList<string> Amounts => Step switch
    {
        PayStep => [Due, Paid],
        IfStep or ProRataStep or SequentialStep => [],
        _ => [Moved],
    };

    /// <summary>The word for what the step moves, in its local's and its ledger column's name.</summary>
    public string MovedWord => Step switch
    {
        FillStep => "filled",
        ReleaseStep => "released",
        HoldStep => "held",
        DistributeStep => "distributed",
        SweepStep => "swept",
        SellStep or SellHoldingsStep => "raised",
        _ => throw new InvalidOperationException("Internal error: step " + Title + " moves no amount of its own."),
    };

    public static ImmutableArray<NumberedStep> NumberAll(ImmutableArray<StepModel> steps, ref int next)
    {
        var builder = ImmutableArray.CreateBuilder<NumberedStep>(steps.Length);
        foreach (var step in steps)
        {
            int number = next++;
            var then = ImmutableArray<NumberedStep>.Empty;
            var otherwise = ImmutableArray<NumberedStep>.Empty;
            if (step is IfStep branch)
            {
                then = NumberAll(branch.Then, ref next);
                otherwise = NumberAll(branch.Else, ref next);
            }
            else if (step is ProRataStep group)
            {
                then = NumberAll(group.Members, ref next); // its members, numbered after it
            }
            else if (step is SequentialStep stack)
            {
                then = NumberAll(stack.Members, ref next);
            }

            builder.Add(new NumberedStep(number, step, then, otherwise));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>This step and every step nested in it, in number order.</summary>
    public IEnumerable<NumberedStep> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Then.Concat(Else))
        {
            foreach (var nested in child.SelfAndDescendants())
            {
                yield return nested;
            }
        }
    }
}
