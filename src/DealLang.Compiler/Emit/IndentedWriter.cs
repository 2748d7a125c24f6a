using System.Text;

namespace DealLang.Compiler.Emit;

/// <summary>
/// Writes C# text line by line at the current indentation. Lines always end in '\n' (never the machine's
/// newline) so the same model gives byte-identical source, and so the compiled-deal cache key, on every OS.
/// </summary>
internal sealed class IndentedWriter
{
    internal const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _afterBlock;

    public IndentedWriter(int depth = 0) => _depth = depth;

    public int Depth => _depth;

    /// <summary>Characters written so far.</summary>
    public int Length => _text.Length;

    /// <summary>An empty line (no trailing spaces).</summary>
    public void Line()
    {
        _afterBlock = false;
        _text.Append('\n');
    }

    /// <summary>One line. A statement right after a closing brace gets a blank line before it, as hand-written
    /// C# does, so blocks stand out; <c>else</c> and further closing braces stay attached.</summary>
    public void Line(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_afterBlock && !text.StartsWith('}') && !text.StartsWith("else", StringComparison.Ordinal))
        {
            _text.Append('\n');
        }

        _afterBlock = false;
        for (int i = 0; i < _depth; i++)
        {
            _text.Append(IndentUnit);
        }

        _text.Append(text).Append('\n');
    }

    /// <summary>A <c>// ...</c> comment; <paramref name="text"/> is made single-line first.</summary>
    public void Comment(string text) => Line("// " + CSharpLiterals.CommentText(text));

    public void Indent() => _depth++;

    public void Outdent()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Outdent without a matching Indent.");
        }

        _depth--;
    }

    /// <summary>Writes <paramref name="header"/> (if any), an opening brace and indents until the returned scope is
    /// disposed, which writes the closing brace (plus <paramref name="closingSuffix"/>, e.g. ";").</summary>
    public BlockScope Block(string? header = null, string closingSuffix = "")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        Indent();
        return new BlockScope(this, closingSuffix);
    }

    /// <summary>Appends another writer's text verbatim (it was written at its own depth).</summary>
    public void Append(IndentedWriter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _text.Append(other._text);
    }

    public override string ToString() => _text.ToString();

    public readonly struct BlockScope : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _closingSuffix;

        internal BlockScope(IndentedWriter writer, string closingSuffix)
        {
            _writer = writer;
            _closingSuffix = closingSuffix;
        }

        public void Dispose()
        {
            _writer.Outdent();
            _writer.Line("}" + _closingSuffix);
            _writer._afterBlock = true;
        }
    }
}
