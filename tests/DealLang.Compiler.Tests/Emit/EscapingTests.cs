using DealLang.Compiler.Emit;
using DealLang.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>Names and strings from a deal file must never become code (ARCHITECTURE.md, "not a way to run arbitrary code").</summary>
public class EscapingTests
{
    private const string HostileTitle = "\"; System.IO.File.Delete(\"x\"); //";

    [Theory]
    [InlineData(27_300_000_000.0, "27300000000.0")]
    [InlineData(0.06581, "0.06581")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(-5.0, "-5.0")]
    [InlineData(1e21, "1E+21")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void DoublesAreRoundTripLiteralsThatCSharpReadsAsDouble(double value, string expected)
    {
        string text = CSharpLiterals.Double(value);
        Assert.Equal(expected, text);

        // What the C# compiler makes of the text: a double constant with exactly the same bits.
        var expression = SyntaxFactory.ParseExpression(text);
        var literal = expression is PrefixUnaryExpressionSyntax negative ? negative.Operand : expression;
        object? parsed = ((LiteralExpressionSyntax)literal).Token.Value;
        double read = Assert.IsType<double>(parsed);
        if (expression is PrefixUnaryExpressionSyntax)
        {
            read = -read;
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read));
    }

    [Fact]
    public void NonFiniteDoublesAreNamedConstants()
    {
        Assert.Equal("double.NaN", CSharpLiterals.Double(double.NaN));
        Assert.Equal("double.PositiveInfinity", CSharpLiterals.Double(double.PositiveInfinity));
        Assert.Equal("double.NegativeInfinity", CSharpLiterals.Double(double.NegativeInfinity));
        Assert.Equal("(-2.5)", CSharpLiterals.DoubleOperand(-2.5));
    }

    [Fact]
    public void DatesAreConstructorCalls()
    {
        Assert.Equal("new Date(2025, 10, 30)", CSharpLiterals.Date(new Date(2025, 10, 30)));
    }

    [Theory]
    [InlineData(HostileTitle)]
    [InlineData("line\nbreak\r\n\u2028\u2029 \\ \0 {0} $\"x\" \"\"\"raw\"\"\"")]
    [InlineData("")]
    public void StringsAreSingleLiteralTokensWithTheSameValue(string value)
    {
        string text = CSharpLiterals.String(value);
        var expression = SyntaxFactory.ParseExpression(text);

        var literal = Assert.IsType<LiteralExpressionSyntax>(expression);
        Assert.True(literal.IsKind(SyntaxKind.StringLiteralExpression));
        Assert.Equal(value, literal.Token.ValueText);
        Assert.Equal(text.Length, expression.FullSpan.Length);
    }

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("var", "@var")]
    [InlineData("Notes", "Notes")]
    [InlineData("tranche_class_balance", "tranche_class_balance")]
    public void KeywordsAreEscaped(string identifier, string expected)
    {
        Assert.Equal(expected, CSharpNames.Escape(identifier));
    }

    [Fact]
    public void EntityNamesArePrefixedByKind()
    {
        Assert.Equal("tranche_Notes_balance", CSharpNames.Entity("tranche", "Notes", "balance"));
        Assert.Equal("Deal_Hyperion", CSharpNames.DealType("Hyperion"));
    }

    [Fact]
    public void NamesUpToTheLimitAreWrittenAsTheyAre()
    {
        string name = new('N', CSharpNames.MaxNameLength);
        Assert.Equal("fee_" + name + "_due", CSharpNames.Entity("fee", name, "due"));
    }

    [Fact]
    public void LongNamesBecomeAPrefixAndAStableHash()
    {
        string name = "Trustee" + new string('x', 5000);
        string shortened = CSharpNames.Shorten(name);

        // Longer than any name written as is (so no collision with one), short enough for C# (512) and file names.
        Assert.Equal(CSharpNames.MaxNameLength + 1, shortened.Length);
        Assert.StartsWith("Trusteexxx", shortened, StringComparison.Ordinal);
        Assert.Matches("_h[0-9a-f]{16}$", shortened);
        Assert.Equal(shortened, CSharpNames.Shorten(name));
        Assert.NotEqual(shortened, CSharpNames.Shorten(name + "y"));
        Assert.True(CSharpNames.IsValidName(shortened));
        Assert.Equal("Deal_" + shortened, CSharpNames.DealType(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Notes")]
    [InlineData("No tes")]
    [InlineData("Notes;Evil()")]
    [InlineData("Nötes")]
    [InlineData("Notes\n")]
    public void NamesThatAreNotIdentifiersAreRefused(string name)
    {
        Assert.False(CSharpNames.IsValidName(name));
        Assert.Throws<ArgumentException>(() => CSharpNames.Entity("tranche", name, "balance"));
    }

    [Fact]
    public void AHostileTitleStaysAString()
    {
        string title = HostileTitle + "\n}\nclass Evil { }\n// ";
        var emitted = CSharpEmitter.Emit(HyperionModel.Create(title: title));
        var compilation = RoslynCompiler.CreateCompilation(emitted);

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        var root = compilation.SyntaxTrees.Single().GetRoot();
        Assert.DoesNotContain(root.DescendantNodes().OfType<IdentifierNameSyntax>(), n => n.Identifier.ValueText == "Delete");
        Assert.Equal(["Deal_Hyperion"], root.DescendantNodes().OfType<ClassDeclarationSyntax>().Select(c => c.Identifier.ValueText));

        using var deal = DealHarness.Load(HyperionModel.Create(title: title));
        Assert.Equal(title, deal.Description.Title);
    }

    [Fact]
    public void NamesThatAreCSharpKeywordsCompileAndRunLikeAnyOther()
    {
        var model = HyperionModel.Create(name: "namespace", trancheName: "class", accountName: "int");
        var emitted = CSharpEmitter.Emit(model);
        Assert.Empty(RoslynCompiler.CreateCompilation(emitted).GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        Assert.Contains("tranche_class_balance", emitted.Source, StringComparison.Ordinal);

        using var keywords = DealHarness.Load(model);
        using var plain = DealHarness.Load(HyperionModel.Create());
        Assert.Equal("class", keywords.Description.Tranches[0].Name);
        Assert.Equal("int", keywords.Description.Accounts[0].Name);
        var a = keywords.Run(keywords.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        var b = plain.Run(plain.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.Equal(b.TrancheBalance[0], a.TrancheBalance[0]);
        Assert.Equal(b.InterestPaid[0], a.InterestPaid[0]);
    }

    [Fact]
    public void AModelWithAnInvalidNameIsAnInternalDiagnosticNotAnException()
    {
        var model = HyperionModel.Create(trancheName: "No\"tes");

        var result = DealCompiler.Compile(model, new CompileOptions { UseDiskCache = false });

        Assert.False(result.Succeeded);
        Assert.Null(result.Emitted);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DL0902", diagnostic.Code);
        Assert.Equal("/deals/hyperion.deal", diagnostic.Span.Path);
    }
}
