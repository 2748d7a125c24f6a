using System.Text.RegularExpressions;

namespace DealLang.Compiler.Emit;

// A large deal's Run: the same statements as a small deal's, in methods small enough for the JIT to optimise.
// The JIT compiles a method it finds too large (tens of KB of IL, thousands of locals or of references to them)
// with MinOpts, unoptimised: a deal of a few hundred entities reached that in one Run. So above SplitRunAbove
// characters of Run, the loop's state moves from Run's locals into the fields of a struct, PathState (a local of
// Run: nothing is allocated), and each phase of the period becomes one or more of its methods, packed statement
// by statement up to MethodBudget characters. The phases write exactly the text they write for Run — a statement
// reads `tranche_Notes_balance`, which inside PathState is its field — so both shapes compute the same numbers
// (SplitRunTests). A small deal keeps its one Run, whose locals the JIT keeps in registers.
public static partial class CSharpEmitter
{
    /// <summary>Above this many characters of <c>Run</c> the deal is written in the split shape. Hyperion's Run is
    /// about 18,000 characters (3.6 KB of IL) and Hyperion with 100 leases about 60,000 (10 KB of IL): both stay one
    /// method. The JIT's MinOpts fallback was seen from about 56 KB of IL, some 280,000 characters.</summary>
    internal const int SplitRunAbove = 120_000;

    /// <summary>The most characters of statements one <c>PathState</c> method holds (a statement longer than this,
    /// a sum over every lease, is a method of its own): about 3 KB of IL, far below the JIT's limits.</summary>
    internal const int MethodBudget = 12_000;

    /// <summary>Ledger columns per guarded block (and so per method) in the split shape.</summary>
    internal const int LedgerColumnsPerMethod = 200;

    private const string StateType = "PathState";
    private const string StateLocal = "path";

    // A declaration at a phase's top level: a type, then names with optional initialisers, and a comment.
    private static readonly Regex Declaration = new(
        @"^(?<type>double\[,\]\?|double\[\]|bool\[\]|int\[\]|double|bool|int|Date|FleetCurves|ReletCurve\?) (?<rest>[A-Za-z_@][^;]*);(?<comment> //.*)?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex SimpleDeclarator = new(@"^(?<name>@?[A-Za-z_][A-Za-z0-9_]*)(?: = (?<value>.+))?$", RegexOptions.CultureInvariant);

    private static void WriteSplitRun(EmitContext ctx, IndentedWriter w)
    {
        var fields = new List<string>();

        // The state at closing: declarations become fields, their initialisers the constructor's assignments.
        var setup = new IndentedWriter();
        WriteSetup(ctx, setup);
        var constructor = Hoist(setup.ToString(), fields, commentsToFields: true);
        fields.Add("");
        fields.Add("// This period's own figures (in a small deal, locals of the loop's body).");

        var methods = new List<(string Name, string Returns, List<string> Body)>();
        var guards = new GuardedBlocks(fields);
        foreach (var phase in Phases(ctx))
        {
            var text = new IndentedWriter();
            phase.Write(text);
            var chunks = Pack(guards.Divide(Statements(Hoist(text.ToString(), fields)))).Where(c => c.Count > 0).ToList();
            for (int i = 0; i < chunks.Count; i++)
            {
                methods.Add((phase.Name + (chunks.Count > 1 ? CSharpLiterals.Int(i + 1) : ""), "void", chunks[i]));
            }
        }

        var termination = new IndentedWriter();
        WriteTermination(ctx, termination);
        bool ends = termination.ToString().Trim().Length > 0;
        if (ends)
        {
            var body = Lines(termination.ToString()).Select(l => l.Trim() == "break;" ? l.Replace("break;", "return true;", StringComparison.Ordinal) : l).ToList();
            body.Add("");
            body.Add("return false;");
            methods.Add(("Ends", "bool", body));
        }

        var end = new IndentedWriter();
        WriteRunEnd(ctx, end);

        w.Comment("Runs one path. Writes only into result's preallocated buffers: the loop allocates nothing. A large deal:");
        w.Comment("the path's state is a " + StateType + " (a struct, on the stack), each phase of a period one of its methods.");
        using (w.Block("public void Run(PathInputs input, RunResult result)"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(input);");
            w.Line("ArgumentNullException.ThrowIfNull(result);");
            w.Line("result.BeginPath(); // the run's events to none; every per-period figure is written below, so nothing is cleared");
            w.Line("var " + StateLocal + " = new " + StateType + "(input, result);");
            w.Line();
            w.Line(LoopBeginMarker);
            using (w.Block("for (int t = 0; t < Periods; t++)"))
            {
                foreach (var method in methods.Where(m => m.Returns == "void"))
                {
                    w.Line(StateLocal + "." + method.Name + "(t);");
                }

                if (ends)
                {
                    w.Line();
                    using (w.Block("if (" + StateLocal + ".Ends(t))"))
                    {
                        w.Line("break;");
                    }
                }
            }

            w.Line();
            w.Line(StateLocal + ".End();");
        }

        w.Line();
        w.Comment("One path's state, each piece named after its entity as in a small deal's Run, and the period's phases.");
        using (w.Block("private struct " + StateType))
        {
            w.Line("private readonly RunResult result;");
            foreach (string field in fields)
            {
                if (field.Length == 0)
                {
                    w.Line();
                }
                else
                {
                    w.Line(field);
                }
            }

            w.Line();
            // The state at closing, in methods of bounded size too: a large deal has thousands of fields to set.
            var starts = Pack(Statements(constructor)).Where(c => c.Count > 0).ToList();
            using (w.Block("public " + StateType + "(PathInputs input, RunResult result)"))
            {
                // Every field zero at once (one initobj): a constructor that calls the Start methods before it has set
                // every field would otherwise have the C# compiler zero each field it has not set, one store a field,
                // thousands of them in a large deal (88 KB of IL for 250 tranches, leases, fees and tests), a
                // constructor the JIT compiles with MinOpts and runs on every path.
                w.Line("this = default;");
                w.Line("this.result = result;");
                if (starts.Count == 1)
                {
                    AppendLines(w, starts[0]);
                }
                else
                {
                    for (int i = 0; i < starts.Count; i++)
                    {
                        w.Line("Start" + CSharpLiterals.Int(i + 1) + "(input, result);");
                    }
                }
            }

            for (int i = 0; starts.Count > 1 && i < starts.Count; i++)
            {
                w.Line();
                using (w.Block("private void Start" + CSharpLiterals.Int(i + 1) + "(PathInputs input, RunResult result)"))
                {
                    AppendLines(w, starts[i]);
                }
            }

            foreach (var method in methods)
            {
                w.Line();
                using (w.Block("public " + method.Returns + " " + method.Name + "(int t)"))
                {
                    AppendLines(w, method.Body);
                }
            }

            w.Line();
            w.Line(LoopEndMarker);
            w.Line();
            using (w.Block("public void End()"))
            {
                AppendLines(w, Lines(end.ToString()));
            }
        }
    }

    /// <summary>The lines of <paramref name="text"/> with each top-level declaration turned into a field (added to
    /// <paramref name="fields"/>) and assignments of its initialisers, in place: state that lives across phases
    /// cannot be a method's local. Declarations inside blocks stay locals of the statement that holds them. With
    /// <paramref name="commentsToFields"/> (the state at closing), top-level comments go with the fields they head.</summary>
    private static List<string> Hoist(string text, List<string> fields, bool commentsToFields = false)
    {
        var lines = new List<string>();
        foreach (string line in Lines(text))
        {
            bool topLevel = line.Length > 0 && !char.IsWhiteSpace(line[0]);
            if (commentsToFields && (line.Length == 0 || (topLevel && line.StartsWith("//", StringComparison.Ordinal))))
            {
                fields.Add(line);
                continue;
            }

            if (!topLevel || Declaration.Match(line) is not { Success: true } match)
            {
                lines.Add(line);
                continue;
            }

            var declarators = new List<(string Name, string? Value)>();
            foreach (string part in SplitTopLevel(match.Groups["rest"].Value))
            {
                var d = SimpleDeclarator.Match(part);
                if (!d.Success)
                {
                    throw new InvalidOperationException("Internal error: cannot move the declaration '" + line + "' into " + StateType + ".");
                }

                declarators.Add((d.Groups["name"].Value, d.Groups["value"].Success ? d.Groups["value"].Value : null));
            }

            fields.Add("private " + match.Groups["type"].Value + " " + string.Join(", ", declarators.Select(d => d.Name)) + ";" + match.Groups["comment"].Value);
            foreach (var (name, value) in declarators)
            {
                if (value is not null)
                {
                    lines.Add(name + " = " + value + ";");
                }
            }
        }

        return lines;
    }

    /// <summary>Declarators split at the commas outside parentheses and brackets.</summary>
    private static List<string> SplitTopLevel(string declarators)
    {
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < declarators.Length; i++)
        {
            char c = declarators[i];
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                parts.Add(declarators[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(declarators[start..].Trim());
        return parts;
    }

    /// <summary>Top-level statements, each with the comment lines above it and its block's lines.</summary>
    private static List<List<string>> Statements(List<string> lines)
    {
        var statements = new List<List<string>>();
        List<string>? current = null;
        bool afterComment = false;
        foreach (string line in lines)
        {
            bool topLevel = line.Length > 0 && !char.IsWhiteSpace(line[0]);
            bool continues = line.Length == 0 || !topLevel || line.StartsWith('{') || line.StartsWith('}') || line.StartsWith("else", StringComparison.Ordinal);
            if (current is null || (!continues && !afterComment))
            {
                current = [];
                statements.Add(current);
            }

            current.Add(line);
            if (topLevel)
            {
                afterComment = line.StartsWith("//", StringComparison.Ordinal);
            }
        }

        return statements;
    }

    /// <summary>Consecutive statements packed into methods of at most <see cref="MethodBudget"/> characters.</summary>
    private static List<List<string>> Pack(List<List<string>> statements)
    {
        var methods = new List<List<string>>();
        var current = new List<string>();
        int size = 0;
        foreach (var statement in statements)
        {
            int length = statement.Sum(l => l.Length + 1);
            if (current.Count > 0 && size + length > MethodBudget)
            {
                methods.Add(current);
                current = [];
                size = 0;
            }

            current.AddRange(current.Count == 0 ? statement.SkipWhile(l => l.Length == 0) : statement);
            size += length;
        }

        if (current.Count > 0 || methods.Count == 0)
        {
            methods.Add(current);
        }

        return [.. methods.Select(TrimBlankEnds)];
    }

    private static List<string> TrimBlankEnds(List<string> lines) =>
        [.. lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse()];

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];

    /// <summary>Lines written at depth 0, re-indented to <paramref name="w"/>'s depth.</summary>
    private static void AppendLines(IndentedWriter w, IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            if (line.Length == 0)
            {
                w.Line();
            }
            else
            {
                w.Line(line);
            }
        }
    }
}
