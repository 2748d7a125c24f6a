namespace DealLang.Runtime;

/// <summary>
/// The scalar slots of one quantity (one per entity) seen as an array of its own type, over
/// <see cref="PathInputs.Scalars"/>: <c>inputs.LeaseEndPeriod[l]</c> reads and writes
/// <c>Scalars[layout.IndexOf(LeaseEndPeriod, l)]</c>. A view made once per <see cref="PathInputs"/>, for code
/// that thinks per kind (tests, the deterministic path source); the loop reads the slots directly.
/// </summary>
public abstract class ScalarSlots
{
    private protected ScalarSlots(double[] scalars, int first, int length)
    {
        Scalars = scalars;
        First = first;
        Length = length;
    }

    private protected double[] Scalars { get; }

    private protected int First { get; }

    /// <summary>Entities of the quantity (leases or sales).</summary>
    public int Length { get; }

    private protected int At(int entity) =>
        (uint)entity < (uint)Length ? First + entity : throw new IndexOutOfRangeException();
}

/// <summary>Whole-number scalar slots (a period, a number of months).</summary>
public sealed class IntSlots(double[] scalars, int first, int length) : ScalarSlots(scalars, first, length)
{
    public int this[int entity]
    {
        get => (int)Scalars[At(entity)];
        set => Scalars[At(entity)] = value;
    }
}

/// <summary>Yes/no scalar slots, stored as 1 and 0.</summary>
public sealed class FlagSlots(double[] scalars, int first, int length) : ScalarSlots(scalars, first, length)
{
    public bool this[int entity]
    {
        get => Scalars[At(entity)] != 0.0;
        set => Scalars[At(entity)] = value ? 1.0 : 0.0;
    }
}

/// <summary>Real-valued scalar slots (a share, a haircut).</summary>
public sealed class DoubleSlots(double[] scalars, int first, int length) : ScalarSlots(scalars, first, length)
{
    public double this[int entity]
    {
        get => Scalars[At(entity)];
        set => Scalars[At(entity)] = value;
    }
}
