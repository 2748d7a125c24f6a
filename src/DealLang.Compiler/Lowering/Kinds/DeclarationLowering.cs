using System.Collections.Immutable;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>The typed side of <see cref="IKindLowering"/>: a kind's lowering takes its own syntax node, one declaration
/// at a time, and reads the deal through the <see cref="Lowerer"/> (its dates, periods, folded constants, bound
/// expressions, the indexes of names).</summary>
internal abstract class DeclarationLowering<TSyntax, TModel> : IKindLowering<TModel>
    where TSyntax : NamedDeclarationSyntax
{
    public abstract DeclarationKind Kind { get; }

    public Type SyntaxType => typeof(TSyntax);

    public ImmutableArray<TModel> LowerAll(Lowerer lowerer)
    {
        IReadOnlyList<Symbol> symbols = InModelOrder(lowerer);
        var result = ImmutableArray.CreateBuilder<TModel>(symbols.Count);
        foreach (Symbol symbol in symbols)
        {
            result.Add(Lower((TSyntax)symbol.Declaration, symbol, result.Count, lowerer));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The declarations in the order of the model's array: declaration order (tests: evaluation order).</summary>
    protected virtual IReadOnlyList<Symbol> InModelOrder(Lowerer lowerer) => lowerer.SymbolsOf(Kind);

    /// <summary>One declaration; <paramref name="index"/> is its position in the model's array.</summary>
    protected abstract TModel Lower(TSyntax declaration, Symbol symbol, int index, Lowerer lowerer);
}
