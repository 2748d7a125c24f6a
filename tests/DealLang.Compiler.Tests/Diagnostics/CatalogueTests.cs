using System.Reflection;
using System.Text.RegularExpressions;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Tests.Diagnostics;

/// <summary>
/// Keeps the catalogue and docs/diagnostics.md true to each other: every public method of
/// <see cref="DiagnosticCatalogue"/> makes a diagnostic with a well-formed code of its own, every code has a
/// section in the docs with the right severity, and the docs list no code the catalogue has dropped.
/// The methods are found by reflection, so a new diagnostic is checked the moment it is added.
/// </summary>
public sealed partial class CatalogueTests
{
    // Methods that may return different codes for different arguments. None does today; one that must
    // (rather than being split in two) is listed here by name, and each code it returns is then checked.
    private static readonly HashSet<string> DeliberatelyMultiCode = new(StringComparer.Ordinal);

    private static readonly SourceSpan DummySpan = new("deal.deal", 3, 5, 3, 9);
    private static readonly SourceSpan OtherSpan = new("other.deal", 12, 1, 12, 4);

    [Fact]
    public void EveryPublicMethodMakesADiagnosticWithAWellFormedCode()
    {
        IReadOnlyList<MethodInfo> methods = CatalogueMethods();
        Assert.True(methods.Count >= 70, $"found only {methods.Count} catalogue methods; is reflection looking at the right type?");

        Assert.All(methods, method =>
        {
            Assert.True(method.ReturnType == typeof(Diagnostic), $"{method.Name} returns {method.ReturnType.Name}, not Diagnostic");
            Diagnostic diagnostic = Invoke(method, Sample(method));
            Assert.Matches(CodePattern(), diagnostic.Code);
            Assert.True(Enum.IsDefined(diagnostic.Severity), $"{method.Name}: severity {diagnostic.Severity} is not defined");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"{method.Name} has an empty message");
        });
    }

    [Fact]
    public void EachMethodHasOneCodeAndSeverityWhateverItsArguments()
    {
        // Vary one argument at a time (other text, 0 and negative numbers, true, null for optional names...):
        // a message may change, its code and severity may not.
        Assert.All(CatalogueMethods().Where(m => !DeliberatelyMultiCode.Contains(m.Name)), method =>
        {
            var kinds = Variants(method).Select(arguments => Invoke(method, arguments)).Select(d => (d.Code, d.Severity)).Distinct().ToList();
            Assert.True(kinds.Count == 1, $"{method.Name} returns {string.Join(", ", kinds)} for different arguments");
        });
    }

    [Fact]
    public void NoTwoMethodsShareACode()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach ((MethodInfo method, string code, _) in CatalogueCodes())
        {
            if (owners.TryGetValue(code, out string? owner) && owner != method.Name)
            {
                clashes.Add($"{code}: {owner} and {method.Name}");
            }

            owners.TryAdd(code, method.Name);
        }

        Assert.Empty(clashes);
    }

    [Fact]
    public void EveryCodeIsDocumentedWithItsSeverity()
    {
        IReadOnlyDictionary<string, string?> documented = DocumentedSeverities();

        Assert.All(CatalogueCodes(), entry =>
        {
            Assert.True(documented.TryGetValue(entry.Code, out string? severity),
                $"{entry.Code} ({entry.Method.Name}) has no '### {entry.Code}: ...' section in docs/diagnostics.md");
            Assert.True(severity == SeverityWord(entry.Severity),
                $"docs/diagnostics.md says {entry.Code} is {severity ?? "(no severity line)"}, the catalogue says {SeverityWord(entry.Severity)}");
        });
    }

    [Fact]
    public void TheDocsListNoCodeTheCatalogueDoesNotHave()
    {
        var codes = CatalogueCodes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(DocumentedSeverities().Keys, code =>
            Assert.True(codes.Contains(code), $"docs/diagnostics.md documents {code}, which no DiagnosticCatalogue method returns"));
    }

    [Fact]
    public void DocSectionsAreInCodeOrderEachWithItsAnchor()
    {
        string[] lines = File.ReadAllLines(DiagnosticsDoc());
        var headings = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match heading = SectionHeading().Match(lines[i]);
            if (!heading.Success)
            {
                continue;
            }

            string code = heading.Groups["code"].Value;
            headings.Add(code);
            Assert.True(i > 0 && lines[i - 1].Trim() == $"<a id=\"{code.ToLowerInvariant()}\"></a>",
                $"the section for {code} (line {i + 1}) is not directly after <a id=\"{code.ToLowerInvariant()}\"></a>");
            Assert.False(string.IsNullOrWhiteSpace(heading.Groups["title"].Value), $"the section for {code} has no title");
        }

        Assert.NotEmpty(headings);
        Assert.Equal(headings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), headings);
    }

    [Fact]
    public void EveryDocSectionIsWholeItsSeverityAnExampleInClosedFencesAndItsFix()
    {
        // A section runs from its heading to the next heading of any level (a code's, or a stage's '## DL06xx'). Whole:
        // its severity, at least one example whose code fences all close inside it, and a '**How to fix:**' line (the
        // reader came for it; sixteen older sections had put it in their prose, or left it out). A merge that "takes both"
        // sides of a conflict can put one section inside another's example (it did, twice, in session 2026-12-06f:
        // DL0574-DL0577 inside DL0561's scenario block), which the order and anchor checks above do not see.
        string[] lines = File.ReadAllLines(DiagnosticsDoc());
        string? code = null;
        int fences = 0, start = 0;
        bool severity = false, fix = false;
        void Close(int end)
        {
            if (code is null)
            {
                return;
            }

            Assert.True(severity, $"the section for {code} (lines {start + 1}-{end}) has no **Severity:** line");
            Assert.True(fences >= 2 && fences % 2 == 0, $"the section for {code} (lines {start + 1}-{end}) has {fences} code fences: an example left open, or none");
            Assert.True(fix, $"the section for {code} (lines {start + 1}-{end}) has no **How to fix:** line");
        }

        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                Close(i);
                Match heading = SectionHeading().Match(lines[i]);
                (code, fences, severity, fix, start) = (heading.Success ? heading.Groups["code"].Value : null, 0, false, false, i);
                continue;
            }

            fences += lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal) ? 1 : 0;
            severity |= lines[i].StartsWith("**Severity:**", StringComparison.Ordinal);
            fix |= lines[i].StartsWith("**How to fix:**", StringComparison.Ordinal);
        }

        Close(lines.Length);
    }

    // ------------------------------------------------------------------ the catalogue

    private static IReadOnlyList<MethodInfo> CatalogueMethods() =>
        [.. typeof(DiagnosticCatalogue)
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Each method's code (every code, for a deliberately multi-code method), with its severity.</summary>
    private static List<(MethodInfo Method, string Code, Severity Severity)> CatalogueCodes() =>
        [.. CatalogueMethods()
            .SelectMany(method => (DeliberatelyMultiCode.Contains(method.Name) ? Variants(method) : [Sample(method)])
                .Select(arguments => Invoke(method, arguments))
                .Select(d => (method, d.Code, d.Severity)))
            .Distinct()];

    private static Diagnostic Invoke(MethodInfo method, object?[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments) as Diagnostic
                ?? throw new InvalidOperationException($"{method.Name} returned null or not a Diagnostic");
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException(
                $"{method.Name}({string.Join(", ", arguments.Select(Show))}) threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}",
                e.InnerException);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => '"' + s + '"',
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    // ------------------------------------------------------------------ made-up arguments

    /// <summary>The plain sample, then each parameter in turn replaced by each of its other values.</summary>
    private static IEnumerable<object?[]> Variants(MethodInfo method)
    {
        yield return Sample(method);
        ParameterInfo[] parameters = method.GetParameters();
        for (int p = 0; p < parameters.Length; p++)
        {
            foreach (object? other in Values(method, parameters[p]).Skip(1))
            {
                object?[] arguments = Sample(method);
                arguments[p] = other;
                yield return arguments;
            }
        }
    }

    private static object?[] Sample(MethodInfo method) =>
        [.. method.GetParameters().Select(p => Values(method, p)[0])];

    /// <summary>Values for one parameter, the ordinary one first. A type not handled here fails by name, so a
    /// new parameter type in the catalogue gets a deliberate sample rather than a silent skip.</summary>
    private static IReadOnlyList<object?> Values(MethodInfo method, ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(string))
        {
            bool nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
            return nullable ? ["x", "y", "", null] : ["x", "y", ""];
        }

        if (type == typeof(SourceSpan))
        {
            return [DummySpan, OtherSpan, SourceSpan.None];
        }

        if (type == typeof(int))
        {
            return [1, 2, 0, -1];
        }

        if (type == typeof(double))
        {
            return [1.0, 0.5, 0.0, -2.5, 123456.789];
        }

        if (type == typeof(bool))
        {
            return [false, true];
        }

        if (type == typeof(IEnumerable<string>) || type == typeof(IReadOnlyList<string>) || type == typeof(string[])
            || type == typeof(IReadOnlyCollection<string>) || type == typeof(IList<string>) || type == typeof(List<string>))
        {
            return type == typeof(List<string>)
                ? [new List<string> { "a", "b" }, new List<string> { "a", "b", "c" }, new List<string> { "a" }]
                : [new[] { "a", "b" }, new[] { "a", "b", "c" }, new[] { "a" }];
        }

        if (type.IsEnum)
        {
            return [.. Enum.GetValues(type).Cast<object?>()];
        }

        throw new NotSupportedException(
            $"{method.Name}: no sample value for parameter '{parameter.Name}' of type {type}; add one to CatalogueTests.Values");
    }

    // ------------------------------------------------------------------ docs/diagnostics.md

    /// <summary>Code → "error" or "warning" (null when the section has no severity line), from the docs.</summary>
    private static IReadOnlyDictionary<string, string?> DocumentedSeverities()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? current = null;
        foreach (string line in File.ReadLines(DiagnosticsDoc()))
        {
            Match heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                current = heading.Groups["code"].Value;
                Assert.False(result.ContainsKey(current), $"docs/diagnostics.md has two sections for {current}");
                result[current] = null;
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = null; // a stage heading ends the section before it
                continue;
            }

            Match severity = SeverityLine().Match(line);
            if (current is not null && severity.Success && result[current] is null)
            {
                result[current] = severity.Groups["severity"].Value;
            }
        }

        return result;
    }

    private static string SeverityWord(Severity severity) => severity == Severity.Error ? "error" : "warning";

    private static string DiagnosticsDoc() => RepoFiles.Doc("diagnostics.md");

    [GeneratedRegex("^DL0[1-9][0-9]{2}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^### (?<code>DL[0-9]{4}): (?<title>.*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\*\*Severity:\*\* (?<severity>error|warning)\b")]
    private static partial Regex SeverityLine();
}
