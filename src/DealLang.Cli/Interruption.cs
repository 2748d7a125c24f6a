using System.Runtime.InteropServices;

namespace DealLang.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during long work: the work that watches for them (<see cref="Watch"/>: a Monte Carlo
/// run, a compilation, a solve, the scenarios of a run; <c>ProgressDisplay</c>) stops, its progress display is cleared
/// and the terminal's cursor shown again, the temporary files of its outputs are deleted, and the command ends with
/// <c>deallang: interrupted</c> and exit 130 (143 for SIGTERM), as a shell reports a command its signal ended.
/// Outside such work, and at a second signal, the signal ends the process as it would without DealLang's help.
/// <see cref="ForProcess"/> listens to the process's signals (Program.cs); tests make one and <see cref="Request"/>
/// it themselves.
/// </summary>
public sealed class Interruption : IDisposable
{
    readonly CancellationTokenSource source = new();
    readonly List<PosixSignalRegistration> registrations = [];
    int watchers;
    int signal;

    /// <summary>Cancelled at the first signal while work is watched.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Whether a signal asked the work to stop.</summary>
    public bool Requested => source.IsCancellationRequested;

    /// <summary>The exit code of a command the signal ended: 128 + its number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => signal == (int)PosixSignal.SIGTERM ? 143 : ExitCodes.Interrupted;

    /// <summary>An interruption that listens to this process's SIGINT and SIGTERM.</summary>
    public static Interruption ForProcess()
    {
        var interruption = new Interruption();
        foreach (PosixSignal s in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            interruption.registrations.Add(PosixSignalRegistration.Create(s, interruption.Handle));
        }

        return interruption;
    }

    /// <summary>Marks work that stops when <see cref="Token"/> is cancelled: while any is watched, the first signal
    /// cancels it instead of ending the process.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref watchers);
        return new Watcher(this);
    }

    /// <summary>As a SIGINT would, while work is watched (tests).</summary>
    public void Request() => Stop(PosixSignal.SIGINT);

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    /// <summary>The signal handler (internal for tests, which hand it a context as the runtime does).</summary>
    internal void Handle(PosixSignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The first signal while work is watched stops the work; a second, or one with nothing watched, does what it
        // would have done (the runtime ends the process).
        if (Volatile.Read(ref watchers) > 0 && !source.IsCancellationRequested)
        {
            context.Cancel = true;
            Stop(context.Signal);
        }
    }

    void Stop(PosixSignal which)
    {
        Interlocked.CompareExchange(ref signal, (int)which, 0);
        source.Cancel();
    }

    sealed class Watcher(Interruption owner) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner.watchers);
            }
        }
    }
}
