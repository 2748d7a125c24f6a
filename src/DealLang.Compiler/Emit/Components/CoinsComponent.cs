using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A coins holding's state in the generated C#, each piece declared once.</summary>
internal sealed class CoinsState : EntityState
{
    /// <param name="collateral">Whether an enforcement sale lists the coins: only then do they have the ledger's
    /// columns of what enforcement sold.</param>
    /// <param name="carriesImpact">Whether a spread sale whose market remembers (<c>half_life</c>) sells them: only then
    /// is the depression carried from one period of the spread to the next.</param>
    public CoinsState(CoinsModel model, bool collateral, bool carriesImpact = false)
        : base(DeclarationKind.Coins, model.Name, model.Index)
    {
        Model = model;
        Units = Local("units", "double", StateLife.Carried, CSharpLiterals.Double(model.Holdings), "coins held (sales lower it)",
            new LedgerSlot(LedgerSection.Outstanding, model.Name + " coins held", ColumnKind.Number));
        StartUnits = Local("startUnits", "double", StateLife.Period, comment: model.Name + ".units: held at the period's start");
        Value = Local("value", "double", StateLife.Period, comment: model.Name + ".value: held at the period's start × the price then",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " value"));
        Mined = Local("mined", "double", StateLife.Period, comment: model.Name + ".mined: coins mined this period, sold as mined",
            declared: model.Mining is not null);
        Revenue = Local("revenue", "double", StateLife.Period, comment: model.Name + ".revenue: coins mined × price − power (0 while switched off)",
            ledger: new LedgerSlot(LedgerSection.Receipts, "mining " + model.Name), declared: model.Mining is not null);
        PowerCost = Local("powerCost", "double", StateLife.Period, comment: model.Name + ".power_cost: what the miners' power costs this period",
            declared: model.Mining is not null);
        Kept = Local("kept", "double", StateLife.Period, comment: model.Name + ": mined coins kept this period, its share of the margin in coins",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " coins kept", ColumnKind.Number), declared: model.Mining is { Keep: > 0 });
        Hours = Static("hours", "double[]");
        Sold = Local("sold", "double", StateLife.Paid, comment: "coins sold by the waterfall's sale steps this period",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " coins sold", ColumnKind.Number));
        Proceeds = Local("proceeds", "double", StateLife.Paid, comment: "what those sales raised");
        EnforcementSold = Local("enforcementSold", "double", StateLife.Paid, comment: "coins an enforcement sale sold this period",
            ledger: collateral ? new LedgerSlot(LedgerSection.Outstanding, model.Name + " coins sold in enforcement", ColumnKind.Number) : null, declared: collateral);
        EnforcementProceeds = Local("enforcementProceeds", "double", StateLife.Paid, comment: "what that sale raised for them (in the deal's sale proceeds)",
            ledger: collateral ? new LedgerSlot(LedgerSection.Outstanding, model.Name + " enforcement sale proceeds") : null, declared: collateral);
        Carried = Local("carried", "double", StateLife.Carried, "0.0", "the market's depression the spread sale carries into its next period",
            declared: carriesImpact);
        Depression = Local("depression", "double", StateLife.Paid, comment: "the depression carried into this period's share of the spread sale (0 in a period without one)",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " market depression", ColumnKind.Rate), declared: carriesImpact);
    }

    public CoinsModel Model { get; }

    public StateVar Units { get; }

    public StateVar StartUnits { get; }

    public StateVar Value { get; }

    public StateVar Mined { get; }

    public StateVar Revenue { get; }

    public StateVar PowerCost { get; }

    public StateVar Kept { get; }

    /// <summary>Each period's hours (days × 24), for a miner's rewards and power.</summary>
    public StateVar Hours { get; }

    public StateVar Sold { get; }

    public StateVar Proceeds { get; }

    public StateVar EnforcementSold { get; }

    public StateVar EnforcementProceeds { get; }

    /// <summary>The depression of the coins' price the spread sale carries into its next period (docs/language.md §9,
    /// "coin-impact-carry"; a spread sale with <c>half_life</c> only).</summary>
    public StateVar Carried { get; }

    /// <summary>The depression carried into this period's share of the spread sale, which it is priced on: the ledger's
    /// <c>C market depression</c> (0 in a period the sale does not sell in).</summary>
    public StateVar Depression { get; }
}

/// <summary>
/// Coins the deal holds (docs/language.md §5 "coins"). At the period's start the holdings are valued at the price
/// index's level then (<c>C.units</c>, <c>C.value</c>, which any expression may read: an LTV on the coins). A miner
/// (2a, before the collections that add it up) earns hashrate / network × rewards × the period's hours coins, sold as
/// mined at the price, less the power it burns (power × hours × power price); in a period where the coins would not
/// pay for the power, mining is switched off (the margin is 0, never negative). A miner that keeps a share K of its
/// margin in coins (<c>keep K</c>) adds K × margin / price coins to its holdings and collects (1 − K) × margin. The
/// margin collected is a recurring collection. A <c>sell C to cover X</c> step (4) sells coins into the coins' market (<see cref="CoinSale"/>) to raise
/// what X is owed beyond the cash available, adding the proceeds to the period's collections and available cash (a
/// one-off receipt, outside cfads). Coins owe and carry nothing; an enforcement sale may sell them, which its own
/// counts show (<see cref="WriteSoldInEnforcement"/>), apart from the sale steps'.
/// </summary>
internal sealed class CoinsComponent(EmitContext ctx)
    : EmitterComponent<CoinsState>(ctx, () => ctx.Model.Coins.Select(c => new CoinsState(c, IsCollateral(ctx, c.Index), CarriesImpact(ctx, c.Index))))
{
    public override DeclarationKind Kind => DeclarationKind.Coins;

    /// <summary>Whether an enforcement sale lists the coins (the runner's rows ask the same of DealDescription.Sales).</summary>
    private static bool IsCollateral(EmitContext ctx, int index) =>
        ctx.Sales.Any(s => s.Collateral.Any(c => c.Kind == CollateralKind.Coins && c.Index == index));

    /// <summary>Whether a spread sale whose market remembers sells the coins (<c>over 3 periods half_life 3m</c>).</summary>
    private static bool CarriesImpact(EmitContext ctx, int index) =>
        ctx.Sales.Any(s => s.SpreadPeriods > 1 && s.SpreadHalfLifeMonths > 0 && s.Collateral.Any(c => c.Kind == CollateralKind.Coins && c.Index == index));

    public override string DescriptionProperty => "Coins";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var c = s.Model.ToInfo();
        return "new CoinsInfo(" + CSharpLiterals.String(c.Name) + ", " + CSharpLiterals.Double(c.Holdings) + ", " + CSharpLiterals.Int(c.PriceIndex)
            + ", " + (c.Mines ? "true" : "false") + ", " + CSharpLiterals.Double(c.Depth) + ", " + CSharpLiterals.Double(c.Impact)
            + (c.Keep > 0 ? ", " + CSharpLiterals.Double(c.Keep) : "") + ")";
    });

    // The coins read their price index and, for a miner, the network's terms and the power price: declared inputs.
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions()
    {
        foreach (CoinsModel c in Model.Coins)
        {
            yield return (new QuantityExpression(Quantity.IndexLevel, c.PriceIndex, Unit.Measure, IsFlow: false), 1);
            if (c.Mining is { } mining)
            {
                yield return (mining.Network, 1);
                yield return (mining.Rewards, 1);
                yield return (mining.PowerPrice, 1);
            }
        }
    }

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.CoinsUnits => this[index].StartUnits.Name,
        Quantity.CoinsValue => this[index].Value.Name,
        Quantity.CoinsMined => this[index].Mined.Declared ? this[index].Mined.Name : "0.0",
        Quantity.CoinsRevenue => this[index].Revenue.Declared ? this[index].Revenue.Name : "0.0",
        Quantity.CoinsPowerCost => this[index].PowerCost.Declared ? this[index].PowerCost.Name : "0.0",
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.Collections => States.Where(c => c.Revenue.Declared).Select(c => c.Revenue.Name),
        _ => [],
    };

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var coins in States.Where(c => c.Model.Mining is not null))
        {
            w.Line();
            w.Comment(coins.Name + ": the hours of each period (its days × 24), which its miners' rewards and power are counted over.");
            w.Line("private static readonly double[] " + coins.Hours + " = CoinSale.PeriodHours(Boundaries);");
        }
    }

    private string Price(CoinsState coins) => Ctx.Current(Quantity.IndexLevel, coins.Model.PriceIndex);

    // After the indices' levels (the index kind comes first): the holdings and their value at the period's start.
    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var coins in States)
        {
            w.Line(coins.StartUnits + " = " + coins.Units + ";");
            w.Line(coins.Value + " = " + coins.Units + " * " + Price(coins) + ";");
        }
    }

    // 2a. A miner's margin depends only on the indices at the period's start, so it is known before the collections.
    public override void WriteDues(IndentedWriter w)
    {
        foreach (var coins in States)
        {
            if (coins.Model.Mining is not { } mining)
            {
                continue;
            }

            string hours = coins.Hours + "[t]";
            w.Comment(coins.Name + ": hashrate / network × rewards × hours coins, sold at the price, less power; switched off when that loses money");
            w.Line(coins.Mined + " = " + CSharpLiterals.DoubleOperand(mining.Hashrate) + " / " + Operand(mining.Network)
                + " * " + Operand(mining.Rewards) + " * " + hours + ";");
            w.Line(coins.PowerCost + " = " + CSharpLiterals.DoubleOperand(mining.Power) + " * " + hours + " * " + Operand(mining.PowerPrice) + ";");
            w.Line(coins.Revenue + " = " + coins.Mined + " * " + Price(coins) + " - " + coins.PowerCost + ";");
            using (w.Block("if (!(" + coins.Revenue + " > 0.0))"))
            {
                w.Line(coins.Mined + " = 0.0;");
                w.Line(coins.Revenue + " = 0.0;");
            }

            if (coins.Kept.Declared)
            {
                // A margin above 0 has a price above 0 (mined × price > power ≥ 0), so the division is safe.
                w.Comment(coins.Name + ": keeps " + CSharpLiterals.Double(mining.Keep) + " of the margin in coins, which join the holdings; the rest is sold as mined");
                w.Line(coins.Kept + " = " + CSharpLiterals.DoubleOperand(mining.Keep) + " * " + coins.Revenue + " / " + Price(coins) + ";");
                w.Line(coins.Revenue + " = " + coins.Revenue + " * " + CSharpLiterals.DoubleOperand(1 - mining.Keep) + ";");
                w.Line(coins.Units + " += " + coins.Kept + ";");
                w.Line("result.CoinsKept[" + CSharpLiterals.Int(coins.Index) + "] += " + coins.Kept + ";");
            }
        }
    }

    private string Operand(BoundExpression expression) => "(" + CSharpEmitter.Expression(Ctx, expression, null) + ")";

    /// <summary>
    /// 4. <c>sell C to cover X</c>: the shortfall is what a <c>pay X</c> step would owe now less the cash available,
    /// sold for only when it is half a cent or more (less is rounding, which the pay step counts as paid);
    /// the fewest coins that raise it (at most those held) are sold at the period's price less the market's impact,
    /// and what they raise joins the collections and the available cash for the steps after.
    /// </summary>
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not SellStep sell)
        {
            base.WriteStep(step, w);
            return;
        }

        var coins = this[sell.Coins];
        string owed = "(" + Ctx.Components[CSharpEmitter.TargetKind(sell.Cover)].PayOwed(sell.Cover) + ")";
        string depth = CSharpLiterals.DoubleOperand(coins.Model.Depth);
        string impact = CSharpLiterals.DoubleOperand(coins.Model.Impact);
        using (w.Block("if (" + coins.Units + " > 0.0 && " + owed + " - available >= Flows.ShortfallTolerance)"))
        {
            w.Line("double coinsSold = CoinSale.CoinsToSell(" + owed + " - available, " + Price(coins) + ", " + coins.Units + ", " + depth + ", " + impact + ");");
            w.Line(step.Moved + " = Math.Min(" + owed + " - available, CoinSale.Proceeds(coinsSold, " + Price(coins) + ", " + depth + ", " + impact + "));");
            w.Line(coins.Units + " -= coinsSold;");
            w.Line(coins.Sold + " += coinsSold;");
            w.Line(coins.Proceeds + " += " + step.Moved + ";");
            w.Line("available += " + step.Moved + ";");
            w.Line("collections += " + step.Moved + ";");
        }
    }

    public override CollateralKind? Collateral => CollateralKind.Coins;

    /// <summary>Enforcement sells every coin held at the coins' price (the level at the period's start), its impact
    /// capped at the most the market pays (<c>CoinSale.Liquidation</c>); the sale's haircut comes off that.</summary>
    public override string CollateralValue(int index)
    {
        var coins = this[index];
        return "CoinSale.Liquidation(" + coins.Units + ", " + Price(coins) + ", " + CSharpLiterals.DoubleOperand(coins.Model.Depth) + ", "
            + CSharpLiterals.DoubleOperand(coins.Model.Impact) + ")";
    }

    /// <summary>An enforcement sale of the coins at <see cref="CollateralValue"/> less <paramref name="haircut"/>, before
    /// they leave the deal (<see cref="WriteSold"/>): its own count and proceeds (the deal's sale proceeds count them
    /// too, with any other collateral's), apart from the sale steps' 'coins sold' and 'sale proceeds', so that each
    /// count matches its proceeds. A spread sale sells <paramref name="share"/> of the coins held this period, at the
    /// liquidation value of that share alone (its market impact on this period's coins only); the rest stay held. A spread
    /// sale whose market remembers (<paramref name="halfLifeMonths"/> above 0) prices the share on the depression the
    /// periods before carried in as well (<c>CoinSale.CarriedLiquidation</c>) and carries it on, faded by
    /// 2^(−months a period / half-life), with this period's impact (docs/language.md §9, "coin-impact-carry").</summary>
    public void WriteSoldInEnforcement(int index, string haircut, IndentedWriter w, string? share = null, int halfLifeMonths = 0)
    {
        var coins = this[index];
        string c = CSharpLiterals.Int(index);
        if (share is null)
        {
            w.Line(coins.EnforcementSold + " = " + coins.Units + ";");
            w.Line(coins.EnforcementProceeds + " = " + CollateralValue(index) + " * (1.0 - " + haircut + ");");
        }
        else if (halfLifeMonths > 0)
        {
            string depth = CSharpLiterals.DoubleOperand(coins.Model.Depth), impact = CSharpLiterals.DoubleOperand(coins.Model.Impact);
            double decay = CoinSale.PeriodDecay(Ctx.MonthsPerPeriod, halfLifeMonths);
            w.Line(coins.EnforcementSold + " = " + coins.Units + " * " + share + ";");
            w.Comment("priced on the depression carried in and its own impact; the depression carried on, faded by 2^(-"
                + CSharpLiterals.Int(Ctx.MonthsPerPeriod) + " / " + CSharpLiterals.Int(halfLifeMonths) + ")");
            w.Line(coins.Depression + " = " + coins.Carried + ";");
            w.Line(coins.EnforcementProceeds + " = CoinSale.CarriedLiquidation(" + coins.EnforcementSold + ", " + Price(coins) + ", " + depth + ", "
                + impact + ", " + coins.Depression + ") * (1.0 - " + haircut + ");");
            w.Line(coins.Carried + " = CoinSale.CarriedAfter(" + coins.EnforcementSold + ", " + depth + ", " + impact + ", " + coins.Depression + ", "
                + CSharpLiterals.DoubleOperand(decay) + ");");
            w.Line(coins.Units + " -= " + coins.EnforcementSold + ";");
        }
        else
        {
            w.Line(coins.EnforcementSold + " = " + coins.Units + " * " + share + ";");
            w.Line(coins.EnforcementProceeds + " = CoinSale.Liquidation(" + coins.EnforcementSold + ", " + Price(coins) + ", "
                + CSharpLiterals.DoubleOperand(coins.Model.Depth) + ", " + CSharpLiterals.DoubleOperand(coins.Model.Impact) + ") * (1.0 - " + haircut + ");");
            w.Line(coins.Units + " -= " + coins.EnforcementSold + ";");
        }

        w.Line("result.CoinsSoldInEnforcement[" + c + "] += " + coins.EnforcementSold + ";");
        w.Line("result.CoinsEnforcementProceeds[" + c + "] += " + coins.EnforcementProceeds + ";");
    }

    /// <summary>The coins sold leave the deal.</summary>
    public override void WriteSold(int index, IndentedWriter w) => w.Line(this[index].Units + " = 0.0;");

    // What each holding did this period, for the summary (which a run without a ledger has too).
    public override void WriteResults(IndentedWriter w)
    {
        foreach (var coins in States)
        {
            string index = CSharpLiterals.Int(coins.Index);
            w.Line("result.CoinsHeld[" + index + "][t] = " + coins.Units + ";");
            w.Line("result.CoinsSold[" + index + "][t] = " + coins.Sold + ";");
            w.Line("result.CoinsProceeds[" + index + "][t] = " + coins.Proceeds + ";");
            w.Line("result.CoinsMining[" + index + "][t] = " + (coins.Revenue.Declared ? coins.Revenue.Name : "0.0") + ";");
        }
    }
}
