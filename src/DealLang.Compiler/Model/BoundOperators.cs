namespace DealLang.Compiler.Model;

/// <summary>A bound unary operator: the IR's own, so the model holds no syntax types (the binder maps them).</summary>
public enum BoundUnaryOperator
{
    Negate,
    Not,
}

/// <summary>A bound binary operator. The syntax's <c>of</c> binds to <see cref="Multiply"/>, so the IR has no
/// <c>Of</c>: the emitter and every later stage see one multiplication.</summary>
public enum BoundBinaryOperator
{
    Multiply,
    Divide,
    Add,
    Subtract,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}
