using System.Diagnostics;
using System.Globalization;

namespace DealLang.Cli.Commands;

/// <summary>
/// The progress of a long run on standard error: <c>[#####-----]  45%  450,000 / 1,000,000 paths  81,234 paths/s  ETA
/// 0:07</c>, redrawn in place (carriage return) at most five times a second, and erased when the run ends. Drawn
/// only when standard error is a terminal and <c>NO_COLOR</c> is not set (https://no-color.org: present and not
/// empty), so a pipe, a file or a log never receives it. Thread-safe: workers report from any thread; one that finds
/// another drawing skips its turn rather than wait.
/// </summary>
internal sealed class ProgressBar
{
    const int Width = 30;
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    readonly TextWriter error;
    readonly long total;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Lock gate = new();
    TimeSpan lastDrawn;
    bool drawn;

    ProgressBar(TextWriter error, long total)
    {
        this.error = error;
        this.total = total;
    }

    /// <summary>A bar for <paramref name="total"/> paths, or null when it must stay silent.</summary>
    public static ProgressBar? For(CliConsole console, long total, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        return Enabled(console, environment) && total > 0 ? new ProgressBar(console.Error, total) : null;
    }

    /// <summary>Whether a bar is drawn: standard error is a terminal and NO_COLOR is unset or empty.</summary>
    public static bool Enabled(CliConsole console, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        return console.ErrorIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR"));
    }

    /// <summary>Reports <paramref name="done"/> paths finished.</summary>
    public void Report(long done)
    {
        if (!gate.TryEnter())
        {
            return;
        }

        try
        {
            TimeSpan now = clock.Elapsed;
            if (drawn && now - lastDrawn < Interval && done < total)
            {
                return;
            }

            lastDrawn = now;
            error.Write("\r" + Line(done, total, now.TotalSeconds));
            error.Flush();
            drawn = true;
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>Erases the bar (the report follows on a clean line).</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (drawn)
            {
                error.Write("\r" + new string(' ', Line(total, total, 1).Length + 8) + "\r");
                error.Flush();
                drawn = false;
            }
        }
    }

    /// <summary>The bar's text after <paramref name="done"/> of <paramref name="total"/> paths in
    /// <paramref name="seconds"/>: the rate is done / seconds, the ETA the paths left at that rate.</summary>
    internal static string Line(long done, long total, double seconds)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double share = total == 0 ? 1 : Math.Clamp(done / (double)total, 0, 1);
        int filled = (int)Math.Round(share * Width);
        double rate = seconds > 0 ? done / seconds : 0;
        string eta = rate > 0 ? Duration((total - done) / rate) : "-:--";
        return string.Create(c, $"[{new string('#', filled)}{new string('-', Width - filled)}] {share * 100,3:F0}%  {done:N0} / {total:N0} paths  {rate:N0} paths/s  ETA {eta}");
    }

    static string Duration(double seconds)
    {
        long s = (long)Math.Ceiling(seconds);
        return s >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{s / 3600}:{s / 60 % 60:D2}:{s % 60:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{s / 60}:{s % 60:D2}");
    }
}
