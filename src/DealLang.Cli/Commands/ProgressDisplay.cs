using System.Globalization;
using System.Runtime.CompilerServices;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DealLang.Cli.Commands;

/// <summary>
/// Progress on standard error for anything that takes longer than a second (docs/cli.md, "Every verb"): the work runs
/// on a thread of its own, and only if it has not finished after <see cref="Delay"/> does a Spectre.Console progress
/// display appear — for paths a bar, <c>mc TenantRisk ━━━━━━╸━━━  45%  450,000 / 1,000,000 paths  81,234 paths/s
/// 0:00:07</c>; for a stage of unknown length (a compilation) a spinner — redrawn in place and cleared when the work
/// ends, so the report that follows starts on a clean line. Drawn only when <see cref="CliConsole.ShowsProgress"/>
/// (standard error a terminal, <c>NO_COLOR</c> unset, not <c>--verbosity quiet</c>): a pipe, a file or a CI log never
/// receives it. The work's result or exception is the caller's, as if it had run inline. Ctrl-C or SIGTERM during the
/// work (<see cref="Interruption"/>) clears the display, shows the cursor again and ends the wait with an
/// <see cref="OperationCanceledException"/>; work given the interruption's token stops within moments, and work that
/// cannot stop (a compilation) is left to end with the process.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How long work runs before its progress is drawn.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    // How long interrupted work is given to stop on its own (its threads and output streams closed) before the wait
    // ends without it.
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(0.5);

    /// <summary>Runs <paramref name="work"/>, which reports the units done so far (of <paramref name="total"/>; null
    /// for a spinner) through the callback it is given (null when nothing is drawn).</summary>
    public static T Run<T>(CliConsole console, bool enabled, string description, long? total, Func<Action<long>?, T> work, TimeSpan? delay = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        Interruption? interruption = console.Interruption;
        if (!enabled && interruption is null)
        {
            return work(null);
        }

        using IDisposable? watched = interruption?.Watch();
        CancellationToken stop = interruption?.Token ?? CancellationToken.None;
        var done = new StrongBox<long>();
        Action<long>? report = enabled ? d => Interlocked.Exchange(ref done.Value, d) : null;
        var job = Task.Factory.StartNew(() => work(report), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!enabled)
        {
            Finished(job, Timeout.InfiniteTimeSpan, stop);
        }
        else if (!Finished(job, delay ?? Delay, stop))
        {
            Draw(console, description, total, job, done, stop);
        }

        if (stop.IsCancellationRequested)
        {
            Finished(job, Grace, CancellationToken.None);
            throw new OperationCanceledException(stop);
        }

        return job.GetAwaiter().GetResult();
    }

    // The display itself, in a method of its own: a run that never draws (a pipe, quiet, short work) never loads
    // Spectre.Console, whose types the JIT would otherwise resolve with the caller's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Draw(CliConsole console, string description, long? total, Task job, StrongBox<long> done, CancellationToken stop)
    {
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(console.Error),
        });
        terminal.Profile.Width = TerminalWidth();
        ProgressColumn[] columns = total is null
            ? [new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn()]
            : [new TaskDescriptionColumn(), new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new PathsColumn(), new RemainingTimeColumn()];
        terminal.Progress().AutoClear(true).HideCompleted(false).Columns(columns).Start(context =>
        {
            ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total ?? 1));
            task.IsIndeterminate = total is null;
            // Ended by the work or by a signal: either way Spectre then clears the display and shows the cursor again.
            while (!Finished(job, Poll, stop) && !stop.IsCancellationRequested)
            {
                task.Value = Interlocked.Read(ref done.Value);
            }

            task.Value = total ?? 1;
        });
    }

    /// <summary>Runs <paramref name="work"/> with a spinner after a second: a stage whose length is not known.</summary>
    public static T Stage<T>(CliConsole console, string description, Func<T> work) =>
        Run(console, console.ShowsProgress, description, null, _ => work());

    /// <summary>The terminal's width where the console knows it (standard error is the terminal, so the process's
    /// console is), else 80 columns; at least 60, so the bar and its text fit on one line.</summary>
    static int TerminalWidth()
    {
        try
        {
            return Math.Max(60, Console.WindowWidth > 0 ? Console.WindowWidth : 80);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }

    // Whether the job finished within wait; a cancelled stop ends the wait at once.
    static bool Finished(Task job, TimeSpan wait, CancellationToken stop)
    {
        WaitHandle finished = ((IAsyncResult)job).AsyncWaitHandle;
        if (!stop.CanBeCanceled)
        {
            return finished.WaitOne(wait);
        }

        WaitHandle.WaitAny([finished, stop.WaitHandle], wait);
        return job.IsCompleted;
    }

    /// <summary>"450,000 / 1,000,000 paths  81,234 paths/s": the count and the rate, as the bar's text.</summary>
    internal sealed class PathsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            ArgumentNullException.ThrowIfNull(task);
            return new Text(Line((long)task.Value, (long)task.MaxValue, task.Speed));
        }

        internal static string Line(long done, long total, double? speed) =>
            string.Create(CultureInfo.InvariantCulture, $"{done:N0} / {total:N0} paths  {speed ?? 0:N0} paths/s");
    }
}
