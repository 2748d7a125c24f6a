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

    public override void Write(char value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    public override void Write(string? value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            inner.Write(buffer, index, count);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    public override void WriteLine(string? value)
    {
        try
        {
            inner.WriteLine(value);
        }
        catch (IOException e)
        {
            Refused(e);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
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
