using System.Collections.Immutable;

namespace DealLang.Compiler.Model;

/// <summary>A bound waterfall step. <see cref="Label"/> is how the ledger names it, e.g. <c>pay Notes.interest</c>.</summary>
public abstract record StepModel(string Label);

/// <summary>What a pay step pays.</summary>
public enum PayKind
{
    /// <summary>A fee's amount due (plus any unpaid fee carried forward).</summary>
    Fee,
    /// <summary>A tranche's interest due (plus any unpaid interest carried forward).</summary>
    Interest,
    /// <summary>A tranche's scheduled principal due (plus any unpaid principal carried forward).</summary>
    Principal,
    /// <summary>A tranche's whole remaining balance: a sweep or prepayment.</summary>
    Balance,
    /// <summary>A delayed-draw tranche's commitment fee due (plus any unpaid fee carried forward).</summary>
    CommitmentFee,
    /// <summary>A fleet's opex due (power and maintenance, plus any unpaid opex carried forward).</summary>
    Opex,
    /// <summary>A guaranteed tranche's guarantee fee due (plus any unpaid fee carried forward), paid to the guarantor.</summary>
    GuaranteeFee,
}

/// <summary><c>pay X</c>: from available cash, then from the <see cref="Using"/> accounts in order.
/// <see cref="Target"/> indexes the fee, tranche or fleet array depending on <see cref="Kind"/>.</summary>
public sealed record PayStep(string Label, PayKind Kind, int Target, ImmutableArray<int> Using) : StepModel(Label);

public sealed record FillStep(string Label, int Account) : StepModel(Label);

public sealed record ReleaseStep(string Label, int Account) : StepModel(Label);

public sealed record HoldStep(string Label, int Account) : StepModel(Label);

/// <summary><c>distribute rest to E</c>: all available cash; with <see cref="Share"/> below 1 (<c>distribute 40% of
/// rest to E</c>), that fraction of it, the rest staying available for the steps after.</summary>
public sealed record DistributeStep(string Label, int Equity, double Share = 1.0) : StepModel(Label);

/// <summary><c>sweep 50% of rest to T</c>: min(<see cref="Share"/> × available, T's balance) of principal.</summary>
public sealed record SweepStep(string Label, int Tranche, double Share) : StepModel(Label);

/// <summary><c>sell C to cover X</c>: sells coins <see cref="Coins"/> to raise what <see cref="Cover"/> (a pay step,
/// never run itself) is owed beyond the cash available, at most the coins held (docs/language.md, "coins").</summary>
public sealed record SellStep(string Label, int Coins, PayStep Cover) : StepModel(Label);

/// <summary><c>sell H1, H2 to cover Bank.principal</c>: a forced sale of holdings (docs/language.md §5 "holding", "A
/// forced sale"), each in its turn, in the order written, until the shortfall of the <see cref="Cover"/> pay step is raised;
/// with <see cref="ProRata"/>, all of them at once, the same share of each one's marked value left.
/// <see cref="Holdings"/> are indices of <see cref="DealModel.Holdings"/>.</summary>
public sealed record SellHoldingsStep(string Label, ImmutableArray<int> Holdings, PayStep Cover, bool ProRata = false) : StepModel(Label);

public sealed record IfStep(string Label, BoundExpression Condition, ImmutableArray<StepModel> Then, ImmutableArray<StepModel> Else)
    : StepModel(Label);

/// <summary><c>pro_rata { pay A.interest  pay B.interest }</c>: the <see cref="Members"/> (pay steps without
/// <c>using</c>) share the period's cash in proportion to what each is owed (docs/language.md, "The waterfall");
/// with <see cref="ByBalance"/>, a shortfall is shared by the member tranches' balances instead, each capped at what
/// it is owed.</summary>
public sealed record ProRataStep(string Label, ImmutableArray<StepModel> Members, bool ByBalance = false) : StepModel(Label);

/// <summary><c>sequential { … }</c>: the <see cref="Members"/> in order. In a <see cref="ProRataStep"/> it is one stack
/// of pay steps, owed the sum of what its members are owed (docs/language.md, "The waterfall").</summary>
public sealed record SequentialStep(string Label, ImmutableArray<StepModel> Members) : StepModel(Label);
