using DealLang.Runner.Simulation;

namespace DealLang.Runner.Running;

/// <summary>
/// One number a replayed Monte Carlo path drew, as its row in <c>--paths-out</c> holds it (docs/cli.md, "mc"): the
/// column's name and kind (<see cref="PathDraws.Columns"/>) and the path's value, bit for bit the row's.
/// </summary>
/// <param name="Name">The column's name: <c>Campus.value shock</c>, <c>market_rent deflation</c>, <c>Built delay months</c>.</param>
/// <param name="Kind">A count, a rate (a share, a rate a year) or a plain number (a factor's shock).</param>
/// <param name="Value">The path's value; a count as a whole number.</param>
public sealed record PathDrawFigure(string Name, PathColumnKind Kind, double Value);
