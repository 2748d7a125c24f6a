namespace DealLang.Compiler.Emit;

/// <summary>
/// The window a test's flows are read over. <see cref="Forward"/> false: <c>over trailing D</c>, and
/// <see cref="Name"/> is the constant holding its number of periods (each flow is summed from its history).
/// <see cref="Forward"/> true: <c>over next D</c>, and <see cref="Name"/> is the static array holding, per period,
/// the last period of its window (each flow is projected over the periods after this one up to it).
/// </summary>
internal sealed record ExpressionWindow(string Name, bool Forward);
