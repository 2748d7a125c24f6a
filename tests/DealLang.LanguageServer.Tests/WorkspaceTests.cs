namespace DealLang.LanguageServer.Tests;

/// <summary>
/// A document's compilation is made again only when something it read has changed (its own text, an open buffer
/// it imports, a file on disk it imports, a scenario file's deal): an edit of one document leaves the others'
/// compilations as they were, and a file changed on disk is seen without an edit of the document that imports it.
/// </summary>
public sealed class WorkspaceTests : IDisposable
{
    private const string Spv = """
        deal Spv {
          title "SPV" currency USD closing 2026-01-01 maturity 2028-01-01 pay semiannual daycount 30/360
          party Tenant { pd 2% recovery 40% }
          facility Campus { cost 150m value straight_line 20y floor 0% from 2026-01-01 }
          lease CampusLease on Campus { lessee Tenant rent 70m per year starts 2026-01-01 term 2y }
          tranche Notes { balance 100m coupon 10% amortize linear maturity 2028-01-01 }
          equity Common { contributed 50m }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        """;

    private const string Parent = """
        import "spv.deal"
        deal Parent {
          title "Parent" currency USD closing 2026-01-01 maturity 2028-01-01 pay annual daycount 30/360
          party Holders { }
          holding Bonds { of Spv.Notes face 40m }
          equity ParentEquity { contributed 20m holders Holders 100% }
          waterfall { distribute rest to ParentEquity }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-lsp-workspace-").FullName;
    private readonly Workspace _workspace = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private OpenDocument Open(string name, string text)
    {
        string uri = Examples.UriOf(Path.Combine(_folder, name));
        _workspace.Open(uri, text, 1);
        return _workspace.Find(uri)!;
    }

    private OpenDocument Change(OpenDocument document, string text)
    {
        _workspace.Change(document.Uri, text, document.Version + 1);
        return _workspace.Find(document.Uri)!;
    }

    [Fact]
    public void An_edit_leaves_an_unrelated_documents_compilation_as_it_was()
    {
        OpenDocument spv = Open("spv.deal", Spv);
        OpenDocument other = Open("other.deal", Spv.Replace("deal Spv", "deal Other", StringComparison.Ordinal));
        var spvBefore = _workspace.Compile(spv);
        var otherBefore = _workspace.Compile(other);

        spv = Change(spv, Spv.Replace("coupon 10%", "coupon 11%", StringComparison.Ordinal));

        Assert.Same(otherBefore, _workspace.Compile(other));
        Assert.NotSame(spvBefore, _workspace.Compile(spv));
        Assert.Same(_workspace.Compile(spv), _workspace.Compile(spv)); // nothing changed since: kept
    }

    [Fact]
    public void An_edit_of_an_open_import_recompiles_the_deal_that_imports_it()
    {
        OpenDocument spv = Open("spv.deal", Spv);
        OpenDocument parent = Open("parent.deal", Parent);
        Assert.DoesNotContain(_workspace.Compile(parent).Diagnostics, d => d.Code == "DL0201");

        Change(spv, Spv.Replace("tranche Notes", "tranche Bonds", StringComparison.Ordinal));

        Assert.Contains(_workspace.Compile(parent).Diagnostics, d => d.Message.Contains("Notes", StringComparison.Ordinal));
    }

    [Fact]
    public void An_import_changed_on_disk_is_read_again_without_an_edit()
    {
        string spvPath = Path.Combine(_folder, "spv.deal");
        File.WriteAllText(spvPath, Spv);
        OpenDocument parent = Open("parent.deal", Parent);
        var before = _workspace.Compile(parent);
        Assert.Same(before, _workspace.Compile(parent));
        Assert.DoesNotContain(before.Diagnostics, d => d.Message.Contains("Notes", StringComparison.Ordinal));

        File.WriteAllText(spvPath, Spv.Replace("tranche Notes", "tranche Bonds", StringComparison.Ordinal)); // saved by another editor
        Assert.Contains(_workspace.Compile(parent).Diagnostics, d => d.Message.Contains("Notes", StringComparison.Ordinal));

        // A missing import that appears on disk is read too.
        File.Delete(spvPath);
        Assert.Contains(_workspace.Compile(parent).Diagnostics, d => d.Code == "DL0600");
        File.WriteAllText(spvPath, Spv);
        Assert.DoesNotContain(_workspace.Compile(parent).Diagnostics, d => d.Severity == DealLang.Compiler.Diagnostics.Severity.Error);
    }

    [Fact]
    public void A_scenario_file_is_compiled_again_when_its_open_deal_changes()
    {
        OpenDocument spv = Open("spv.deal", Spv);
        OpenDocument stress = Open("stress.scenarios", "scenario Stress for Spv {\n  Tenant defaults on 2027-01-01\n}\n");
        Assert.Empty(_workspace.Compile(stress).Diagnostics);

        Change(spv, Spv.Replace("Tenant", "Lessee", StringComparison.Ordinal));

        Assert.Contains(_workspace.Compile(stress).Diagnostics, d => d.Code == "DL0504");
    }
}
