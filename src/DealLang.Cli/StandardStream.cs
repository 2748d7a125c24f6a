using System.Text;

namespace DealLang.Cli;

/// <summary>
/// Standard output or error as the CLI writes them (Program.cs). A write the system refuses — a full disk behind
/// <c>&gt; results.csv</c>, <c>&gt; /dev/full</c> — surfaced as an <see cref="IOException"/> from deep inside a report
/// and was called an internal error ("a bug in DealLang", exit 3); on standard output it is now a usage error that
/// names the stream and the reason (<c>deallang: error: cannot write standard output: No space left on device</c>,
/// exit 2, as any output that cannot be written). On standard error, where that message would go, a refused write is
/// dropped: there is nowhere left to say it. A closed pipe (<c>| head</c>) is ignored, as .NET's console does.
/// </summary>
internal sealed class StandardStream(TextWriter inner, string name, bool quiet) : TextWriter(inner.FormatProvider)
{
    /// <summary>Standard output: a refused write ends the command as a usage error.</summary>
    public static TextWriter Output(TextWriter inner) => new StandardStream(inner, "standard output", quiet: false);

    /// <summary>Standard error: a refused write is dropped.</summary>
    public static TextWriter Error(TextWriter inner) => new StandardStream(inner, "standard error", quiet: true);

    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    // Write(ReadOnlySpan<char>) is left to TextWriter, which passes it to Write(char[], int, int); WriteLine(string)
    // is kept, as TextWriter's would write the line and its end in two calls.
    public override void Write(char value) => Guarded(value, static (w, v) => w.Write(v));

    public override void Write(string? value) => Guarded(value, static (w, v) => w.Write(v));

    public override void Write(char[] buffer, int index, int count) =>
        Guarded((buffer, index, count), static (w, v) => w.Write(v.buffer, v.index, v.count));

    public override void WriteLine(string? value) => Guarded(value, static (w, v) => w.WriteLine(v));

    public override void Flush() => Guarded(0, static (w, _) => w.Flush());

    // The write, with the system's refusal turned into the stream's (static lambdas and the value passed along: no
    // allocation per write).
    void Guarded<T>(T value, Action<TextWriter, T> write)
    {
        try
        {
            write(inner, value);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    void Refused(IOException e)
    {
        if (!quiet)
        {
            throw new UsageException($"cannot write {name}: {e.Message}", e);
        }
    }
}
