namespace DealLang.Compiler.Syntax;

/// <summary>
/// The left side of a call's condition (<see cref="TrancheCalledWhenSyntax"/>) as the terms it adds: <c>UST5Y + 3% - Spread</c>
/// is UST5Y (+1), 3% (+1), Spread (−1). Only sums and differences are taken apart (in brackets too); anything else is
/// one term, which the checker then requires to be an index or a constant rate (DL0581). Shared by the checker and the
/// lowering so that both read the same terms.
/// </summary>
public static class CallConditionTerms
{
    public static List<(ExpressionSyntax Term, double Sign)> Of(ExpressionSyntax left)
    {
        var terms = new List<(ExpressionSyntax, double)>();
        Add(left, 1.0, terms);
        return terms;
    }

    static void Add(ExpressionSyntax expression, double sign, List<(ExpressionSyntax, double)> terms)
    {
        switch (expression)
        {
            case BinaryExpressionSyntax { Operator: BinaryOperator.Add } add:
                Add(add.Left, sign, terms);
                Add(add.Right, sign, terms);
                break;
            case BinaryExpressionSyntax { Operator: BinaryOperator.Subtract } subtract:
                Add(subtract.Left, sign, terms);
                Add(subtract.Right, -sign, terms);
                break;
            default:
                terms.Add((expression, sign));
                break;
        }
    }
}
