using System.Text;
using DealLang.Compiler;

namespace DealLang.LanguageServer;

/// <summary>
/// The documents the editor has open, by URI, with their unsaved text, and the compilation of each. A document is
/// compiled as <c>deallang check</c> would compile it, except that the files it imports are read from the open
/// buffers first and from disk otherwise (<see cref="EditorFiles"/>). A <c>.scenarios</c> file has no deal of its
/// own: it is compiled after the deal it names (<c>scenario S for Hyperion</c>), looked for among the open
/// documents and then the <c>.deal</c> files of its folder (each read again only when its write time changes), as
/// <c>--scenarios</c> adds it to that deal.
/// A document's compilation is kept with every file it read (each open buffer's text, each disk file's write time
/// and length, and a scenario file's deal) and compiled again only when one of them has changed: an edit of one
/// document recompiles those that read it (itself, the deals importing it, the scenario files it is the deal of),
/// not every open document; a file changed on disk is seen at the next edit or request.
/// </summary>
internal sealed class Workspace
{
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Compiled> _compiled = new(StringComparer.Ordinal);

    // The .deal files a scenario file's folder was searched for, as last read: path → (write time, text). A search
    // runs on every edit of the scenario file; a file is read again only when its write time has changed.
    private readonly Dictionary<string, (DateTime Written, string Text)> _folderDeals = new(StringComparer.Ordinal);

    public IEnumerable<OpenDocument> Documents => _documents.Values;

    public void Open(string uri, string text, int version)
    {
        _documents[uri] = new OpenDocument(uri, DocumentUris.ToPath(uri), text, version);
    }

    public void Change(string uri, string text, int version)
    {
        _documents[uri] = _documents.TryGetValue(uri, out OpenDocument? document)
            ? document with { Text = text, Version = version }
            : new OpenDocument(uri, DocumentUris.ToPath(uri), text, version);
    }

    public void Close(string uri)
    {
        _documents.Remove(uri);
        _compiled.Remove(uri);
    }

    public OpenDocument? Find(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>The URI of a file the compiler names by <paramref name="path"/>: the editor's own URI when the file is
    /// open (so an edit or a location names the document exactly as the editor does), else the path's file URI.</summary>
    public string UriOf(string path) => FindByPath(path)?.Uri ?? DocumentUris.FromPath(path);

    /// <summary>The open document of the file the compiler names by <paramref name="path"/>, if any.</summary>
    private OpenDocument? FindByPath(string path) =>
        _documents.Values.FirstOrDefault(open => DocumentUris.SameFile(open.Path, path));

    /// <summary>The compilation of an open document (its own or, for a scenario file, its deal's with it).</summary>
    public Compilation Compile(OpenDocument document)
    {
        (string Path, string Text)? deal = IsScenarioFile(document.Path) ? DealFileFor(document) : null;
        if (_compiled.TryGetValue(document.Uri, out Compiled? kept) && kept.Text == document.Text && kept.Deal == deal
            && kept.Reads.All(Unchanged))
        {
            return kept.Compilation;
        }

        var files = new EditorFiles(this);
        SourceDocument self = SourceDocument.FromText(document.Path, document.Text);
        Compilation compilation = deal is { } found
            ? Compilation.Create(SourceDocument.FromText(found.Path, found.Text), files, self)
            : Compilation.Create(self, files);
        _compiled[document.Uri] = new Compiled(compilation, document.Text, deal, files.Reads);
        return compilation;
    }

    /// <summary>Whether a file a compilation read would read the same now: the same open buffer's text, or, not open
    /// then and not open now, the same write time and length on disk (or still missing).</summary>
    private bool Unchanged(FileRead read) => FindByPath(read.Path) is { } open
        ? read.Buffer is not null && (ReferenceEquals(open.Text, read.Buffer) || open.Text == read.Buffer)
        : read.Buffer is null && read.Disk == DiskStamp(read.Path);

    // A file's write time and length, null when it is missing or cannot be looked at.
    private static (DateTime Written, long Length)? DiskStamp(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A compilation and what it was made from: the document's text, a scenario file's deal, the files read.</summary>
    private sealed record Compiled(Compilation Compilation, string Text, (string Path, string Text)? Deal, IReadOnlyList<FileRead> Reads);

    /// <summary>One file a compilation read: an open buffer's text (<paramref name="Buffer"/>), or a disk file's stamp.</summary>
    private sealed record FileRead(string Path, string? Buffer, (DateTime Written, long Length)? Disk);

    private static bool IsScenarioFile(string path) => ScenarioFileDeal.IsScenarioFile(path);

    // The deal a scenario file's first 'scenario S for D' names: an open .deal document declaring 'deal D', else
    // such a .deal file in the scenario file's folder (ScenarioFileDeal, the rule 'deallang check x.scenarios' follows).
    // None for a scenario file that declares a deal or imports one: it compiles as it is, as the CLI takes it.
    private (string Path, string Text)? DealFileFor(OpenDocument scenarios)
    {
        if (ScenarioFileDeal.HasOwnDeal(scenarios.Path, scenarios.Text, path => FindByPath(path)?.Text ?? FolderDeal(path))
            || ScenarioFileDeal.DealNamed(scenarios.Text) is not { } deal)
        {
            return null;
        }

        foreach (OpenDocument open in _documents.Values)
        {
            if (open.Path.EndsWith(".deal", StringComparison.Ordinal) && ScenarioFileDeal.Declares(open.Text, deal))
            {
                return (open.Path, open.Text);
            }
        }

        string? folder = Path.IsPathFullyQualified(scenarios.Path) ? Path.GetDirectoryName(scenarios.Path) : null;
        return folder is null ? null : ScenarioFileDeal.FindInFolder(folder, deal, FolderDeal);
    }

    // A .deal file's (or a scenario file's import's) text as last read, read again when its write time changed; null
    // when it is too large, a device or gone.
    private string? FolderDeal(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (_folderDeals.TryGetValue(path, out var known) && known.Written == file.LastWriteTimeUtc)
            {
                return known.Text;
            }

            // A device or a pipe named .deal (a link to /dev/zero) has no length to check: it is passed over, and what
            // is read is bounded, as a deal file is.
            if (!file.Exists || file.Length > DiskSourceFiles.MaxBytes || StreamPaths.IsStream(path)
                || DiskSourceFiles.Instance.Read(path).Bytes is not { } bytes)
            {
                _folderDeals.Remove(path);
                return null;
            }

            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            string text = reader.ReadToEnd();
            _folderDeals[path] = (file.LastWriteTimeUtc, text);
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _folderDeals.Remove(path); // deleted or locked since the listing: not this folder's deal now
            return null;
        }
    }

    /// <summary>Imports read from the open buffers where the editor has the file open, else from disk; each read is
    /// noted (<see cref="Reads"/>), so that the compilation is made again when one of them changes.</summary>
    private sealed class EditorFiles(Workspace workspace) : ISourceFiles
    {
        private readonly List<FileRead> _reads = [];

        public IReadOnlyList<FileRead> Reads => _reads;

        public SourceFileRead Read(string path)
        {
            if (workspace.FindByPath(path) is { } open)
            {
                _reads.Add(new FileRead(path, open.Text, null));
                return SourceFileRead.Of(Encoding.UTF8.GetBytes(open.Text));
            }

            // Stamped before the read: a file written while it is read is read again at the next look.
            _reads.Add(new FileRead(path, null, DiskStamp(path)));
            return DiskSourceFiles.Instance.Read(path);
        }
    }
}

/// <summary>An open document: its URI, the path the compiler names it by, its unsaved text and version.</summary>
internal sealed record OpenDocument(string Uri, string Path, string Text, int Version);
