using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>
/// Reads the files of a compilation: each file given, then what it imports, depth first, so the units come in
/// the order root, its imports (each followed by its own), then the next file given. A file is read once however
/// many files import it or name it. Every mistake is a diagnostic at the import that makes it (DL0600–DL0604;
/// a misplaced import, DL0605, is the parser's and is skipped here);
/// the walk is a loop with its own stack, so a long chain of imports cannot exhaust the call stack.
/// </summary>
internal sealed class CompilationLoader(ISourceFiles files, DiagnosticBag diagnostics)
{
    private readonly List<CompilationUnitSyntax> _units = [];
    private readonly List<string> _texts = [];
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    public IReadOnlyList<CompilationUnitSyntax> Units => _units;

    /// <summary>The text each of <see cref="Units"/> was parsed from, index for index (the compiled-deal cache
    /// key is made of the deal's texts, so a cached deal is found before any C# is emitted).</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>Adds a file given directly, and everything it imports. A file already read (imported by an
    /// earlier one, or given twice) is not read again.</summary>
    public void Add(SourceDocument document)
    {
        string identity = ImportPaths.Identity(document.Path);
        if (!_loaded.Add(identity))
        {
            return;
        }

        string text = document.Text ?? DealText.Decode(document.Path, document.Bytes ?? [], diagnostics);
        Follow(Parse(document.Path, text), identity);
    }

    private CompilationUnitSyntax Parse(string path, string text)
    {
        CompilationUnitSyntax unit = DealParser.Parse(path, text, diagnostics);
        _units.Add(unit);
        _texts.Add(text);
        return unit;
    }

    private sealed class Frame(CompilationUnitSyntax unit, string identity)
    {
        public CompilationUnitSyntax Unit { get; } = unit;

        public string Identity { get; } = identity;

        public string Path => Unit.Span.Path;

        public int Next { get; set; }
    }

    private void Follow(CompilationUnitSyntax root, string rootIdentity)
    {
        // The files being read, outermost first: an import of one of them closes a circle.
        var stack = new List<Frame> { new(root, rootIdentity) };
        while (stack.Count > 0)
        {
            Frame frame = stack[^1];
            ImportSyntax[] imports = [.. SyntaxWalk.Safe(frame.Unit.Imports)];
            if (frame.Next >= imports.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            ImportSyntax import = imports[frame.Next++];
            if (import.Misplaced || import.Path is not { } written)
            {
                continue; // reported by the parser (DL0605, or a syntax error)
            }

            if (ImportPaths.Problem(written.Value) is { } problem)
            {
                diagnostics.Add(DiagnosticCatalogue.ImportPathNotRelative(import.Span, written.Value, problem));
                continue;
            }

            string path = ImportPaths.Resolve(frame.Path, written.Value);
            string identity = ImportPaths.Identity(path);
            if (identity == frame.Identity)
            {
                diagnostics.Add(DiagnosticCatalogue.ImportsItself(import.Span, frame.Path));
                continue;
            }

            int open = stack.FindIndex(f => f.Identity == identity);
            if (open >= 0)
            {
                diagnostics.Add(DiagnosticCatalogue.ImportCycle(import.Span, [.. stack.Skip(open).Select(f => f.Path), path]));
                continue;
            }

            if (!_loaded.Add(identity))
            {
                continue; // read already: a file imported twice is one file
            }

            // Refused before it is opened: a device may never end (/dev/zero, a terminal) and a pipe may be someone
            // else's input (a language server's standard input is its protocol).
            if (StreamPaths.IsStream(path))
            {
                diagnostics.Add(DiagnosticCatalogue.ImportUnreadable(import.Span, path, "it is a device or a pipe (a FIFO, or a path under /dev or /proc), not a deal file"));
                continue;
            }

            SourceFileRead read = files.Read(path);
            if (read.Bytes is null)
            {
                diagnostics.Add(read.Problem == SourceFileProblem.NotFound
                    ? DiagnosticCatalogue.ImportNotFound(import.Span, written.Value, path)
                    : DiagnosticCatalogue.ImportUnreadable(import.Span, path, read.Reason));
                continue;
            }

            stack.Add(new Frame(Parse(path, DealText.Decode(path, read.Bytes, diagnostics)), identity));
        }
    }
}
