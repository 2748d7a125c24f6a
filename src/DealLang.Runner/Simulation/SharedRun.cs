using System.Runtime.ExceptionServices;

namespace DealLang.Runner.Simulation;

/// <summary>One thread's share of a run of paths (<see cref="SharedRun"/>): its own buffers, figures and totals.</summary>
internal interface IPathWorker
{
    /// <summary>Runs path <paramref name="path"/> and adds its figures to the thread's totals.</summary>
    void RunPath(int path);

    /// <summary>Adds the path run last to <paramref name="rows"/>, the block's per-path rows.</summary>
    void AddRow(PathBlock rows);
}

/// <summary>
/// One run of paths [from, to) on threads, for <see cref="SimulationEngine"/>, <see cref="ChainSimulation"/> and a
/// Monte Carlo solver's evaluations (<see cref="Solvers.MonteCarloLeverRunner"/>) alike:
/// each thread (<see cref="IPathWorker"/>) takes the next block of <c>blockSize</c> paths in turn; the finished
/// blocks of per-path rows wait for their turn at the <see cref="IPathSink"/> (so rows arrive in path order whatever
/// thread finished first); the paths done go to the progress callback; and the first failure stops the others and is
/// rethrown on the calling thread.
/// </summary>
internal sealed class SharedRun(int from, int to, int blockSize, int blocks, IPathSink? sink, Func<PathBlock>? newBlock, Action<long>? progress, CancellationToken cancel)
{
    // Progress is reported every this many paths of a thread (a handful of calls a second per thread).
    const int ProgressStride = 256;

    readonly Lock sinkLock = new();
    readonly Dictionary<int, PathBlock> pending = [];
    readonly Stack<PathBlock> spare = new();
    int nextBlock;
    int nextToWrite;
    long done;
    volatile bool stop;

    /// <summary>Runs the paths on one thread per worker, the calling thread being the first's; returns when every
    /// path is done, or rethrows the first failure (or the cancellation).</summary>
    /// <param name="threadName">The other threads' names, before their number ("deallang mc" → "deallang mc 1").</param>
    public void Run(IReadOnlyList<IPathWorker> workers, string threadName)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var started = new Thread[workers.Count - 1];
        for (int w = 1; w < workers.Count; w++)
        {
            IPathWorker worker = workers[w];
            started[w - 1] = new Thread(() => Loop(worker)) { IsBackground = true, Name = $"{threadName} {w}" };
            started[w - 1].Start();
        }

        Loop(workers[0]);
        foreach (Thread thread in started)
        {
            thread.Join();
        }

        Failure?.Throw();
        cancel.ThrowIfCancellationRequested();
    }

    // Takes blocks until none is left (or a thread failed), running each path and, with a sink, adding its row.
    void Loop(IPathWorker worker)
    {
        try
        {
            while (TakeBlock(out int block, out int first, out int count))
            {
                PathBlock? rows = sink is null ? null : RentBlock();
                rows?.Start(first);
                for (int k = 0; k < count; k++)
                {
                    worker.RunPath(first + k);
                    if (rows is not null)
                    {
                        worker.AddRow(rows);
                    }

                    if ((k + 1) % ProgressStride == 0 || k == count - 1)
                    {
                        Progress(((k + 1) % ProgressStride) is 0 ? ProgressStride : ((k + 1) % ProgressStride));
                        if (Stopped)
                        {
                            return;
                        }
                    }
                }

                if (rows is not null)
                {
                    Finish(block, rows);
                }
            }
        }
#pragma warning disable CA1031 // Any failure of a worker is rethrown on the calling thread (Run).
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e);
        }
    }

    ExceptionDispatchInfo? Failure { get; set; }

    bool Stopped => stop || cancel.IsCancellationRequested;

    /// <summary>The next block's paths, or false when none is left.</summary>
    bool TakeBlock(out int block, out int first, out int count)
    {
        block = Interlocked.Increment(ref nextBlock) - 1;
        first = from + (int)Math.Min((long)block * blockSize, to - from);
        count = (int)Math.Min(blockSize, (long)to - first);
        return block < blocks && !Stopped;
    }

    void Progress(int paths)
    {
        long total = Interlocked.Add(ref done, paths);
        progress?.Invoke(total);
    }

    /// <summary>A block buffer for a thread's rows: one the sink is done with, or a new one.</summary>
    PathBlock RentBlock()
    {
        lock (sinkLock)
        {
            return spare.Count > 0 ? spare.Pop() : newBlock!(); // asked for only with a sink, which comes with its blocks' maker
        }
    }

    /// <summary>Hands a finished block to the sink once every block before it has been written.</summary>
    void Finish(int block, PathBlock rows)
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

    void Fail(Exception e)
    {
        lock (sinkLock)
        {
            Failure ??= ExceptionDispatchInfo.Capture(e);
            stop = true;
        }
    }
}
