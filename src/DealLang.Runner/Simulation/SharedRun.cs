using System.Runtime.ExceptionServices;

namespace DealLang.Runner.Simulation;

/// <summary>
/// What the threads of one run of paths [from, to) share, for <see cref="SimulationEngine"/> and
/// <see cref="ChainSimulation"/> alike: the next block of <c>blockSize</c> paths to take, the finished blocks of
/// per-path rows waiting for their turn at the <see cref="IPathSink"/> (so rows arrive in path order whatever thread
/// finished first), the paths done for the progress callback, and the first failure (which stops the others).
/// </summary>
internal sealed class SharedRun(int from, int to, int blockSize, int blocks, IPathSink? sink, Func<PathBlock> newBlock, Action<long>? progress, CancellationToken cancel)
{
    readonly Lock sinkLock = new();
    readonly Dictionary<int, PathBlock> pending = [];
    readonly Stack<PathBlock> spare = new();
    int nextBlock;
    int nextToWrite;
    long done;
    volatile bool stop;

    public IPathSink? Sink => sink;

    public ExceptionDispatchInfo? Failure { get; private set; }

    public bool Stopped => stop || cancel.IsCancellationRequested;

    /// <summary>The next block's paths, or false when none is left.</summary>
    public bool TakeBlock(out int block, out int first, out int count)
    {
        block = Interlocked.Increment(ref nextBlock) - 1;
        first = from + (int)Math.Min((long)block * blockSize, to - from);
        count = (int)Math.Min(blockSize, (long)to - first);
        return block < blocks && !Stopped;
    }

    public void Progress(int paths)
    {
        long total = Interlocked.Add(ref done, paths);
        progress?.Invoke(total);
    }

    /// <summary>A block buffer for a thread's rows: one the sink is done with, or a new one.</summary>
    public PathBlock RentBlock()
    {
        lock (sinkLock)
        {
            return spare.Count > 0 ? spare.Pop() : newBlock();
        }
    }

    /// <summary>Hands a finished block to the sink once every block before it has been written.</summary>
    public void Finish(int block, PathBlock rows)
    {
        lock (sinkLock)
        {
            pending.Add(block, rows);
            while (!stop && pending.Remove(nextToWrite, out PathBlock? ready))
            {
                sink!.Write(ready);
                spare.Push(ready);
                nextToWrite++;
            }
        }
    }

    public void Fail(Exception e)
    {
        lock (sinkLock)
        {
            Failure ??= ExceptionDispatchInfo.Capture(e);
            stop = true;
        }
    }
}
