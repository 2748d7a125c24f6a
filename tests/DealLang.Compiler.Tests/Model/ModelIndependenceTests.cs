using System.Reflection;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Tests.Model;

/// <summary>The IR is self-contained: no public type of <c>DealLang.Compiler.Model</c> shows a syntax type through
/// a property, a field, a constructor parameter or a method's signature (generic arguments included), so the
/// emitter and any later consumer can be written against the model alone.</summary>
public sealed class ModelIndependenceTests
{
    private const string SyntaxNamespace = "DealLang.Compiler.Syntax";

    private static readonly IReadOnlyList<Type> ModelTypes = typeof(DealModel).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(DealModel).Namespace)
        .ToList();

    [Fact]
    public void TheModelNamespaceHasPublicTypes()
    {
        // Guards the test below against passing on an empty set.
        Assert.Contains(typeof(TrancheModel), ModelTypes);
        Assert.Contains(typeof(BinaryExpression), ModelTypes);
    }

    [Fact]
    public void NoModelTypeExposesASyntaxType()
    {
        var leaks = ModelTypes.SelectMany(t => Exposed(t).Where(e => Mentions(e.Type)).Select(e => t.Name + "." + e.Where + ": " + e.Type))
            .ToList();

        Assert.True(leaks.Count == 0, "Model types exposing syntax types:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void TheCheckSeesASyntaxTypeWhereOneIs()
    {
        // The detector itself: a syntax type, and a generic over one, are caught.
        Assert.True(Mentions(typeof(Syntax.BinaryOperator)));
        Assert.True(Mentions(typeof(IReadOnlyList<Syntax.DateSyntax>)));
        Assert.False(Mentions(typeof(IReadOnlyList<BoundBinaryOperator>)));
    }

    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<(string Where, Type Type)> Exposed(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("base", baseType);
        }

        foreach (var property in type.GetProperties(Public))
        {
            yield return (property.Name, property.PropertyType);
        }

        foreach (var field in type.GetFields(Public))
        {
            yield return (field.Name, field.FieldType);
        }

        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                yield return ("ctor(" + parameter.Name + ")", parameter.ParameterType);
            }
        }

        foreach (var method in type.GetMethods(Public).Where(m => !m.IsSpecialName))
        {
            yield return (method.Name + " returns", method.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                yield return (method.Name + "(" + parameter.Name + ")", parameter.ParameterType);
            }
        }
    }

    private static bool Mentions(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        return type.Namespace == SyntaxNamespace || (type.Namespace?.StartsWith(SyntaxNamespace + ".", StringComparison.Ordinal) ?? false)
            || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));
    }
}
