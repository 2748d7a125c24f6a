using System.Reflection;
using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Lowering.Kinds;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Tests.Kinds;

/// <summary>
/// A declaration kind is found by its <see cref="DeclarationKind"/> in one registry per stage. These tests fail when
/// a kind lacks a stage's implementation, when a stage's implementation is wired to another kind's syntax, and when
/// the grammar or the syntax has a declaration no registry knows: a kind cannot be half added.
/// </summary>
public sealed class KindRegistryTests
{
    /// <summary>A stage's registry: whether it has the kind, and which syntax node its implementation takes (null
    /// when the stage works from the model and never sees syntax).</summary>
    private sealed record Stage(string Name, Func<DeclarationKind, bool> Has, Func<DeclarationKind, Type?> SyntaxType)
    {
        public override string ToString() => Name;
    }

    // One line per stage.
    private static readonly Stage[] Stages =
    [
        new("parsing (CstToAst.KindParsers)", k => ParserOf(k) is not null, k => ParserOf(k)?.SyntaxType),
        new("semantics (KindRules)", KindRules.Has, k => KindRules.For(k).SyntaxType),
        new("lowering (KindLowerings)", KindLowerings.Has, k => KindLowerings.For(k).SyntaxType),
        new("emit (EmitterComponents)", EmitterComponents.Has, _ => null),
    ];

    public static TheoryData<string, DeclarationKind> StagesAndKinds()
    {
        var data = new TheoryData<string, DeclarationKind>();
        foreach (Stage stage in Stages)
        {
            foreach (DeclarationKind kind in DeclarationKinds.All)
            {
                data.Add(stage.Name, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StagesAndKinds))]
    public void EveryStageHasEveryKind(string stageName, DeclarationKind kind)
    {
        Stage stage = Stages.Single(s => s.Name == stageName);
        Assert.True(stage.Has(kind), $"The declaration kind {kind} has no implementation in {stage.Name}.");
    }

    [Theory]
    [MemberData(nameof(StagesAndKinds))]
    public void EveryStageTakesTheKindsOwnSyntax(string stageName, DeclarationKind kind)
    {
        Stage stage = Stages.Single(s => s.Name == stageName);
        if (stage.Has(kind) && stage.SyntaxType(kind) is { } syntax)
        {
            Assert.Equal(kind, KindOfSyntax(syntax));
        }
    }

    [Fact]
    public void TheRegistriesGiveEachKindItsOwnImplementation()
    {
        // The semantic and lowering registries are arrays indexed by the kind: its values run 0, 1, 2...
        Assert.Equal(Enumerable.Range(0, DeclarationKinds.All.Count), DeclarationKinds.All.Select(k => (int)k));
        Assert.Equal(DeclarationKinds.All, CstToAst.KindParsers.Select(p => p.Kind).Order());
        Assert.Equal(CstToAst.KindParsers.Count, CstToAst.KindParsers.Select(p => p.ContextType).Distinct().Count());
        foreach (DeclarationKind kind in DeclarationKinds.All)
        {
            Assert.Equal(kind, KindRules.For(kind).Kind);
            Assert.Equal(kind, KindLowerings.For(kind).Kind);
        }
    }

    [Fact]
    public void EveryNamedDeclarationSyntaxIsAKind()
    {
        Type[] syntaxTypes = [.. typeof(NamedDeclarationSyntax).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NamedDeclarationSyntax)) && !t.IsAbstract)];

        // Each named declaration node says its kind, and no two say the same one.
        Assert.Equal(DeclarationKinds.All, syntaxTypes.Select(KindOfSyntax).Order());
    }

    [Fact]
    public void EveryDealMemberAlternativeHasAVisitor()
    {
        // Read by VisitDealDecl itself, or deal-wide rules that are not kinds (CstToAst.VisitDeclaration's other cases).
        Type[] notKinds =
        [
            typeof(HeaderItemContext), typeof(UnknownDeclContext), typeof(DefaultRuleContext), typeof(CfadsRuleContext),
            typeof(WaterfallDeclContext), typeof(EnforcementDeclContext),
        ];
        Type[] alternatives = [.. typeof(DealMemberContext).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Length == 0 && m.ReturnType.IsSubclassOf(typeof(ParserRuleContext)))
            .Select(m => m.ReturnType)];

        Assert.NotEmpty(alternatives);
        foreach (Type alternative in alternatives)
        {
            Assert.True(
                notKinds.Contains(alternative) || CstToAst.KindParsers.Any(p => p.ContextType == alternative),
                $"The grammar's dealMember alternative {alternative.Name} has no entry in CstToAst.KindParsers.");
        }

        Assert.All(CstToAst.KindParsers, p => Assert.Contains(p.ContextType, alternatives));
    }

    [Fact]
    public void EachKindsParsingHasItsKeywordAndBraces()
    {
        foreach (KindParser parser in CstToAst.KindParsers)
        {
            // Error recovery anchors on the keyword, and keeps inside the braces of a braced kind.
            Assert.Equal(parser.Kind.Keyword(), SyntaxMessages.KeywordText(parser.Keyword));
            bool ruleHasBraces = parser.ContextType.GetMethod("LBRACE", Type.EmptyTypes) is not null;
            Assert.True(parser.Braced == ruleHasBraces, $"{parser.Kind}: Braced is {parser.Braced}, but its grammar rule {(ruleHasBraces ? "has" : "has no")} braces.");
        }
    }

    [Fact]
    public void SymbolKindsAreTheDeclarationKindsAndUnknown()
    {
        foreach (DeclarationKind kind in DeclarationKinds.All)
        {
            SymbolKind symbolKind = kind.ToSymbolKind();
            Assert.Equal(kind.ToString(), Enum.GetName(symbolKind));
            Assert.Equal(kind, symbolKind.ToDeclarationKind());
            Assert.Equal(kind.Keyword(), symbolKind.Keyword());
        }

        // Nothing else: a symbol kind without a declaration kind would have no rules.
        Assert.Equal(
            DeclarationKinds.All.Select(k => k.ToString()).Append(nameof(SymbolKind.Unknown)).Order(StringComparer.Ordinal),
            Enum.GetNames<SymbolKind>().Order(StringComparer.Ordinal));
    }

    private static KindParser? ParserOf(DeclarationKind kind) => CstToAst.KindParsers.SingleOrDefault(p => p.Kind == kind);

    // A declaration node's kind is a constant of its type, so an uninitialised instance answers.
    private static DeclarationKind KindOfSyntax(Type syntax) =>
        ((NamedDeclarationSyntax)RuntimeHelpers.GetUninitializedObject(syntax)).Kind;
}
