using System.Text;

namespace DealLang.Compiler.Format;

/// <summary>
/// Lays a file's tokens out in the canonical layout (docs/cli.md, "deallang fmt"). Only the whitespace between
/// tokens is decided here; every token, comments included, is written exactly as it was read (a line comment
/// without its trailing spaces, a block comment with its line ends as LF), in the same order. Line breaks are the
/// author's, tidied; everything within a line is the formatter's:
/// <list type="bullet">
/// <item>at most one blank line in a row, none after a '{' or before a '}', none at the start or end;</item>
/// <item>a declaration, a deal, a scenario, an import and a deal's closing brace start a line;</item>
/// <item>a line is indented two spaces a brace level; a line that continues a member begun above lines up with
/// that member's second token (<c>rvg guarantees …</c> / <c>cap 28bn</c>);</item>
/// <item>tokens are one space apart, except none before ',' ')' '.' or a call's '(', none after '(' '.' or a
/// sign, and two between members sharing a line (<c>customer Microsoft  units 6000 gpus</c>);</item>
/// <item>in a run of a declaration's item lines (no blank line between), the values line up one space after the
/// longest keyword;</item>
/// <item>in a run of consecutive lines ending with a line comment, the comments line up two spaces after the
/// longest code.</item>
/// </list>
/// Each rule reads only what the layout keeps (the tokens, the line breaks, the parse tree's roles), so formatting
/// the output again gives the output: the layout is idempotent.
/// </summary>
internal static class LayoutWriter
{
    const int IndentWidth = 2;

    /// <summary>A continuation's indent past its member's when the member's first line has one token.</summary>
    const int HangingIndent = 4;

    /// <summary>Spaces between code and a trailing comment, at the least.</summary>
    const int CommentGap = 2;

    enum LineKind
    {
        Member,
        Continuation,
        Close,
        Comment,
    }

    sealed class Line
    {
        public int First;
        public int Last;
        public bool BlankBefore;
        public int Depth;
        public LineKind Kind;

        /// <summary>Spaces between the item keyword and the value; 0 if the line is not a keyed item line.</summary>
        public int KeyPad;
        public string Code = "";
        public string? TrailingComment;
    }

    public static string Write(IReadOnlyList<LayoutToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return "";
        }

        var lines = SplitLines(tokens);
        AlignKeys(tokens, lines);
        Render(tokens, lines);
        AlignTrailingComments(lines);

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.BlankBefore)
            {
                text.Append('\n');
            }

            text.Append(line.Code);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The line breaks before each token, tidied, and the lines they make, with their brace depth.</summary>
    static List<Line> SplitLines(IReadOnlyList<LayoutToken> tokens)
    {
        var lines = new List<Line>();
        int depth = 0;
        Line? line = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            int breaks = i == 0 ? 1 : Math.Min(token.NewlinesBefore, 2);
            if (i > 0)
            {
                // A comment stays on the line it was written on: only code after code is moved to a line of its own.
                bool codeAfterCode = token.Kind == LayoutTokenKind.Code && tokens[i - 1].Kind == LayoutTokenKind.Code;
                if (tokens[i - 1].Kind == LayoutTokenKind.LineComment
                    || (codeAfterCode && (token.Has(LayoutRole.OwnLine) || (tokens[i - 1].Has(LayoutRole.OwnLine) && tokens[i - 1].Is("}")))))
                {
                    breaks = Math.Max(breaks, 1);
                }

                if (breaks == 2 && (tokens[i - 1].Is("{") || token.Is("}")))
                {
                    breaks = 1;
                }
            }

            if (breaks > 0)
            {
                line = new Line
                {
                    First = i,
                    BlankBefore = breaks == 2,
                    Depth = token.Is("}") ? depth - 1 : depth,
                    Kind = token.Kind != LayoutTokenKind.Code ? LineKind.Comment
                        : token.Is("}") ? LineKind.Close
                        : token.Has(LayoutRole.MemberStart) ? LineKind.Member
                        : LineKind.Continuation,
                };
                lines.Add(line);
            }

            line!.Last = i;
            if (token.Is("{"))
            {
                depth++;
            }
            else if (token.Is("}"))
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return lines;
    }

    /// <summary>Whether a line is a declaration's item written 'keyword value' that lines up with its neighbours.</summary>
    static bool IsKeyed(IReadOnlyList<LayoutToken> tokens, Line line) =>
        line.Kind == LineKind.Member && tokens[line.First].Has(LayoutRole.ItemKey) && line.Last > line.First
        && tokens[line.First + 1].Kind == LayoutTokenKind.Code && !tokens[line.First + 1].Is("{");

    /// <summary>Runs of keyed item lines at one depth, with no blank line between: lines nested deeper, continuations,
    /// comments, a nested block's '}' and an item that opens a block ('deliveries {') are passed over; any other line
    /// at that depth, or one shallower, ends the run.</summary>
    static void AlignKeys(IReadOnlyList<LayoutToken> tokens, List<Line> lines)
    {
        var done = new bool[lines.Count];
        for (int l = 0; l < lines.Count; l++)
        {
            if (done[l] || !IsKeyed(tokens, lines[l]))
            {
                continue;
            }

            int depth = lines[l].Depth;
            var run = new List<int> { l };
            for (int j = l + 1; j < lines.Count; j++)
            {
                var next = lines[j];
                if (next.BlankBefore || next.Depth < depth)
                {
                    break;
                }

                if (next.Depth > depth || next.Kind != LineKind.Member)
                {
                    continue;
                }

                if (IsKeyed(tokens, next))
                {
                    run.Add(j);
                }
                else if (!tokens[next.First].Has(LayoutRole.ItemKey))
                {
                    break;
                }
            }

            int width = run.Max(r => tokens[lines[r].First].Text.Length);
            foreach (int r in run)
            {
                done[r] = true;
                lines[r].KeyPad = width - tokens[lines[r].First].Text.Length + 1;
            }
        }
    }

    /// <summary>Writes each line's code (all but a trailing line comment), recording where each member's second
    /// token stands so that its continuation lines can line up with it.</summary>
    static void Render(IReadOnlyList<LayoutToken> tokens, List<Line> lines)
    {
        // The column a continuation at each depth lines up with: set by the last member begun at that depth.
        var anchors = new Dictionary<int, int>();
        int depth = 0;
        foreach (var line in lines)
        {
            int indent = line.Kind switch
            {
                LineKind.Continuation => anchors.TryGetValue(line.Depth, out int anchor) ? anchor : (line.Depth * IndentWidth) + HangingIndent,
                _ => line.Depth * IndentWidth,
            };

            var code = new StringBuilder();
            code.Append(' ', indent);
            int column = indent;
            int last = line.Last;
            if (line.Last > line.First && tokens[line.Last].Kind == LayoutTokenKind.LineComment)
            {
                line.TrailingComment = CommentText(tokens[line.Last]);
                last--;
            }

            int pendingAnchorDepth = -1;
            for (int i = line.First; i <= last; i++)
            {
                var token = tokens[i];
                if (i > line.First)
                {
                    int spaces = i == line.First + 1 && line.KeyPad > 0 ? line.KeyPad : Spacing(tokens[i - 1], token);
                    code.Append(' ', spaces);
                    column += spaces;
                }

                if (pendingAnchorDepth >= 0)
                {
                    anchors[pendingAnchorDepth] = column;
                    pendingAnchorDepth = -1;
                }

                if (token.Kind == LayoutTokenKind.Code && token.Has(LayoutRole.MemberStart))
                {
                    anchors[depth] = column + HangingIndent;
                    pendingAnchorDepth = i < last && tokens[i + 1].Kind == LayoutTokenKind.Code ? depth : -1;
                }

                string text = CommentText(token);
                code.Append(text);
                int newline = text.LastIndexOf('\n');
                column = newline >= 0 ? text.Length - newline - 1 : column + text.Length;
                if (token.Is("{"))
                {
                    depth++;
                }
                else if (token.Is("}"))
                {
                    depth = Math.Max(0, depth - 1);
                }
            }

            line.Code = code.ToString().TrimEnd(' ');
        }
    }

    /// <summary>Spaces between two tokens on one line.</summary>
    static int Spacing(LayoutToken before, LayoutToken token)
    {
        if (token.Kind == LayoutTokenKind.Code && (token.Is(",") || token.Is(")") || token.Is(".") || token.Has(LayoutRole.CallParen)))
        {
            return 0;
        }

        if (before.Is("(") || before.Is(".") || before.Has(LayoutRole.Sign))
        {
            return 0;
        }

        return token.Kind == LayoutTokenKind.Code && token.Has(LayoutRole.MemberStart) && before.Kind == LayoutTokenKind.Code && !before.Is("{")
            ? 2
            : 1;
    }

    /// <summary>Trailing line comments in consecutive lines line up two spaces after the longest code among them.</summary>
    static void AlignTrailingComments(List<Line> lines)
    {
        for (int l = 0; l < lines.Count;)
        {
            if (lines[l].TrailingComment is null)
            {
                l++;
                continue;
            }

            int end = l + 1;
            while (end < lines.Count && lines[end].TrailingComment is not null && !lines[end].BlankBefore)
            {
                end++;
            }

            int column = 0;
            for (int r = l; r < end; r++)
            {
                column = Math.Max(column, LastLineWidth(lines[r].Code) + CommentGap);
            }

            for (int r = l; r < end; r++)
            {
                lines[r].Code += new string(' ', column - LastLineWidth(lines[r].Code)) + lines[r].TrailingComment;
                lines[r].TrailingComment = null;
            }

            l = end;
        }
    }

    static int LastLineWidth(string code) => code.Length - (code.LastIndexOf('\n') + 1);

    /// <summary>A token's text as written out: a line comment without trailing blanks, a block comment with LF line ends.</summary>
    internal static string CommentText(LayoutToken token) => token.Kind switch
    {
        LayoutTokenKind.LineComment => token.Text.TrimEnd(),
        LayoutTokenKind.BlockComment => token.Text.Replace("\r\n", "\n", StringComparison.Ordinal),
        _ => token.Text,
    };
}
