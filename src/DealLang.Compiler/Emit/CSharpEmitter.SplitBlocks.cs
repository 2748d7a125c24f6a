using System.Text.RegularExpressions;

namespace DealLang.Compiler.Emit;

// A large deal's phase may be one statement: the regular waterfall is `if (!afterDefault) { every step }` and the
// enforcement pass `if (eventOfDefault) { the sales, and if (enforcing) { every step } }`. Packing whole statements
// into methods (CSharpEmitter.SplitRun) then leaves such a block in one method however large: 141 KB of IL for a
// deal of 250 tranches, leases, fees and tests, which the JIT compiles with MinOpts. So a guarded block over the
// method budget is cut: its condition is evaluated once into a field (a guard), as the `if` evaluated it once, and
// its statements are packed into blocks of their own under `if (guard)` (an else's under `if (!guard)`), each of
// which the packer may then put in a method of its own, and cut again where a block inside is still too large.
public static partial class CSharpEmitter
{
    /// <summary>Cuts the guarded blocks over <see cref="MethodBudget"/> among a phase's statements (see above).</summary>
    private sealed class GuardedBlocks(List<string> fields)
    {
        private const string GuardPrefix = "split_guard";

        // A statement that leaves its method: cut from the statements after it, it would no longer skip them.
        private static readonly Regex LeavesMethod = new(@"^\s*(return|goto)\b", RegexOptions.CultureInvariant);

        // A local declared at a block's top level that Hoist cannot make a field (a type it does not know): the
        // statements after it would lose it if they went to another method.
        private static readonly Regex LocalDeclaration = new(
            @"^(?!(?:return|goto|break|continue|throw|else|if|for|foreach|while|do|switch|using|new|await)\b)[A-Za-z_][\w<>\[\],?.]*\s+@?[A-Za-z_]\w*\s*(?:=(?!=)|;)",
            RegexOptions.CultureInvariant);

        private static readonly Regex Field = new(@"^private (?<type>\S+) (?<names>[^;]+);", RegexOptions.CultureInvariant);

        // The fields made of locals declared inside blocks, by name: two sibling blocks may each declare a local of one
        // name (C# allows it), and as each sets it before reading it, one field serves both.
        private readonly Dictionary<string, string> _blockFields = new(StringComparer.Ordinal);
        private int _guards;

        /// <summary>The statements with every guarded block over the budget cut (recursively); the others as they are.</summary>
        public List<List<string>> Divide(List<List<string>> statements)
        {
            var divided = new List<List<string>>();
            foreach (var statement in statements)
            {
                if (statement.Sum(l => l.Length + 1) > MethodBudget && Cut(statement) is { } parts)
                {
                    divided.AddRange(parts);
                }
                else
                {
                    divided.Add(statement);
                }
            }

            return divided;
        }

        /// <summary>`if (C) { … }`, with or without `else { … }`, after its comments, as a guard's assignment and
        /// guarded blocks; null for any other shape, or a block that cannot be cut (then it stays whole).</summary>
        private List<List<string>>? Cut(List<string> statement)
        {
            int i = 0;
            while (i < statement.Count && (statement[i].Length == 0 || statement[i].StartsWith("//", StringComparison.Ordinal)))
            {
                i++;
            }

            if (i + 1 >= statement.Count || !statement[i].StartsWith("if (", StringComparison.Ordinal) || !statement[i].EndsWith(')') || statement[i + 1] != "{")
            {
                return null;
            }

            // Inside a block every line is indented: the first "}" at the top level closes it.
            int close = statement.IndexOf("}", i + 2);
            if (close < 0)
            {
                return null;
            }

            List<string>? otherwise = null;
            int rest = close + 1;
            if (rest < statement.Count && statement[rest] == "else")
            {
                int end = rest + 1 < statement.Count && statement[rest + 1] == "{" ? statement.IndexOf("}", rest + 2) : -1;
                if (end < 0)
                {
                    return null;
                }

                otherwise = statement[(rest + 2)..end];
                rest = end + 1;
            }

            if (statement.Skip(rest).Any(l => l.Length > 0))
            {
                return null; // an `else if`, or more after the block
            }

            string guard = GuardPrefix + CSharpLiterals.Int(++_guards); // taken before the blocks inside take theirs
            var pending = new List<(string Name, string Type)>();
            var then = Blocks(statement[(i + 2)..close], "if (" + guard + ")", pending);
            var orElse = otherwise is null ? [] : Blocks(otherwise, "if (!" + guard + ")", pending);
            if (then is null || orElse is null)
            {
                return null;
            }

            fields.Add("private bool " + guard + "; // a block's condition, evaluated once: the block is cut into several methods");
            foreach (var (name, type) in pending)
            {
                if (_blockFields.TryAdd(name, type))
                {
                    fields.Add("private " + type + " " + name + "; // a local of a block cut into several methods");
                }
            }

            var assignment = statement[..i].Append(guard + " = " + statement[i][3..] + ";").ToList();
            return [assignment, .. then, .. orElse];
        }

        /// <summary>A block's statements (its lines one level in) with their top-level locals made fields (into
        /// <paramref name="pending"/>), cut where still too large, packed, each pack under <paramref name="header"/>.</summary>
        private List<List<string>>? Blocks(List<string> block, string header, List<(string Name, string Type)> pending)
        {
            var lines = new List<string>();
            foreach (string line in block)
            {
                if (line.Length > 0 && !line.StartsWith(IndentedWriter.IndentUnit, StringComparison.Ordinal))
                {
                    return null;
                }

                lines.Add(line.Length == 0 ? line : line[IndentedWriter.IndentUnit.Length..]);
            }

            if (lines.Any(LeavesMethod.IsMatch))
            {
                return null;
            }

            var declared = new List<string>();
            var hoisted = Hoist(string.Join('\n', lines), declared);
            foreach (string field in declared)
            {
                var match = Field.Match(field);
                if (!match.Success)
                {
                    return null;
                }

                string type = match.Groups["type"].Value;
                foreach (string name in match.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    string? known = _blockFields.GetValueOrDefault(name) ?? pending.FirstOrDefault(p => p.Name == name).Type;
                    if (known is not null && known != type)
                    {
                        return null; // two locals of one name and different types: they cannot share a field
                    }

                    if (known is null)
                    {
                        pending.Add((name, type));
                    }
                }
            }

            if (hoisted.Any(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && LocalDeclaration.IsMatch(l)))
            {
                return null;
            }

            return [.. Pack(Divide(Statements(hoisted))).Where(p => p.Count > 0).Select(p => Guarded(header, p))];
        }

        private static List<string> Guarded(string header, List<string> lines) =>
            [header, "{", .. lines.Select(l => l.Length == 0 ? l : IndentedWriter.IndentUnit + l), "}"];
    }
}
