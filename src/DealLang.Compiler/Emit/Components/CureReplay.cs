using System.Collections.Immutable;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// What a recount after the waterfall works out again when an equity cure was not all called (docs/language.md "A
/// cure in the final period"): the recount replays the triggers in declaration order from the first with a cure,
/// each as it read the period before the waterfall but for what the cures not called change. Those are cfads and
/// collections (the cures were added to them), the watched tests and the flags worked out again. Every trigger with
/// a cure is replayed, and every later trigger whose condition reads one of those: a test a cure declared before it
/// watches, a flag replayed, cfads or collections. Tests are not: all are worked out before the first cure, and a test
/// cannot read a trigger.
/// </summary>
internal sealed class CureReplay
{
    private readonly ImmutableArray<TriggerModel> _triggers;
    private readonly bool[] _replayed;

    public CureReplay(ImmutableArray<TriggerModel> triggers)
    {
        _triggers = triggers;
        _replayed = new bool[triggers.Length];
        bool afterACure = false;
        for (int i = 0; i < triggers.Length; i++)
        {
            afterACure |= triggers[i].Cure is not null;
            _replayed[i] = triggers[i].Cure is not null || (afterACure && Leaves(i).Any(q => q.Quantity switch
            {
                Quantity.TestValue => WatchedBefore(i, q.Index),
                Quantity.TriggerActive => _replayed[q.Index],
                Quantity.Cfads or Quantity.Collections => true,
                _ => false,
            }));
        }
    }

    /// <summary>Whether the recount works trigger <paramref name="trigger"/> out again.</summary>
    public bool Replays(int trigger) => _replayed[trigger];

    /// <summary>Whether a trigger with a cure declared before <paramref name="trigger"/> watches test
    /// <paramref name="test"/>: the recount has then set it as the replayed trigger reads it.</summary>
    public bool WatchedBefore(int trigger, int test) => _triggers.Take(trigger).Any(t => t.Cure?.Test == test);

    /// <summary>The last trigger with a cure declared before <paramref name="trigger"/>, or -1.</summary>
    public int LastCureBefore(int trigger)
    {
        for (int i = trigger - 1; i >= 0; i--)
        {
            if (_triggers[i].Cure is not null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What a replayed trigger without a cure reads as it stood before the waterfall, kept in a local then:
    /// each quantity its condition reads but the period's dates, the flags (those replayed are set again before it,
    /// the others never change), cfads (the last cure before it records it) and the tests that the recount sets
    /// (a cure before it watches them) or that nothing changes (no cure watches them). What the waterfall moves (a
    /// balance, an amount paid) and a test a later cure watches would otherwise be read as they stand after it.</summary>
    public IReadOnlyList<QuantityExpression> Kept(int trigger) =>
        !_replayed[trigger] || _triggers[trigger].Cure is not null ? [] :
        [.. Leaves(trigger).Where(q => q.Quantity switch
            {
                Quantity.PeriodEnd or Quantity.PeriodStart or Quantity.TriggerActive or Quantity.Cfads => false,
                Quantity.TestValue => !WatchedBefore(trigger, q.Index) && _triggers.Any(t => t.Cure?.Test == q.Index),
                _ => true,
            })
            .DistinctBy(q => (q.Quantity, q.Index))];

    /// <summary>Whether a trigger with a cure declared after <paramref name="trigger"/> (which has one) watches the same
    /// test: that cure may move it, so the recount sets it back to what this trigger left it at.</summary>
    public bool TestMovedLater(int trigger) =>
        _triggers.Skip(trigger + 1).Any(t => t.Cure is not null && t.Cure.Test == _triggers[trigger].Cure!.Test);

    /// <summary>The triggers with a cure declared before <paramref name="trigger"/> (which has one) that may have added
    /// to cfads since its test was last set: those on other tests after the last cure on its own test (or from the
    /// first). When one was paid in, the test is worked out again from cfads before this trigger's cure.</summary>
    public IReadOnlyList<int> CuresSinceTestSet(int trigger)
    {
        int test = _triggers[trigger].Cure!.Test;
        var since = new List<int>();
        for (int i = trigger - 1; i >= 0 && _triggers[i].Cure?.Test != test; i--)
        {
            if (_triggers[i].Cure is not null)
            {
                since.Insert(0, i);
            }
        }

        return since;
    }

    private IEnumerable<QuantityExpression> Leaves(int trigger) =>
        BoundExpressionWalk.PreOrder(_triggers[trigger].Condition).OfType<QuantityExpression>();
}
