using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>coins Bitcoin { holdings 1500 coins  price BTC  hashrate 12 EH/s  network 800 EH/s  rewards 450 coins
/// per day  power 250 MW  power_price 0.05 per kWh  depth 2000 coins  impact 10% }</c>: a coin the deal holds, valued
/// at a price index (<see cref="Price"/>, money per coin). The mining items (<see cref="Hashrate"/> … <see
/// cref="PowerPrice"/>) go together; <see cref="Depth"/> and <see cref="Impact"/> are the market a waterfall's
/// <c>sell … to cover</c> step sells into; <see cref="Keep"/> the share of a miner's margin kept in coins.</summary>
public sealed record CoinsSyntax(
    NameSyntax Name,
    ExpressionSyntax? Holdings,
    NameSyntax? Price,
    ExpressionSyntax? Hashrate,
    ExpressionSyntax? Network,
    ExpressionSyntax? Rewards,
    ExpressionSyntax? Power,
    ExpressionSyntax? PowerPrice,
    ExpressionSyntax? Depth,
    ExpressionSyntax? Impact,
    ExpressionSyntax? Keep,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Coins;

    /// <summary>Whether any mining item is written (then all of them are required).</summary>
    public bool Mines => Hashrate is not null || Network is not null || Rewards is not null || Power is not null || PowerPrice is not null;
}
