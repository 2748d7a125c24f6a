using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// <c>contract MsftH100 on Cluster { customer Microsoft  units 6000 gpus  price 2.35 per gpu_hour … }</c>: compute
/// sold from a fleet (docs/language.md §5 "contract"). Units in GPUs, whole; a price in money per GPU-hour that is a
/// constant or an index plus a constant spread (DL0467), or <c>at market</c> on a fleet with a generation (DL0468);
/// hours a year; take-or-pay a share; a termination fee money; the contracts on a fleet never take more units than it has (DL0466).
/// </summary>
internal sealed class ContractRules : DeclarationRules<ContractSyntax>
{
    internal static readonly Dimension MoneyPerGpuHour = new(1, -1, -1, 0);
    internal static readonly Dimension Hours = new(0, 0, 1, 0);

    public override DeclarationKind Kind => DeclarationKind.Contract;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("revenue", Quantity.ContractRevenue, Unit.Money, true),
        new("units", Quantity.ContractUnits, Unit.Measure, false, FleetRules.Gpus),
        new("active", Quantity.ContractActive, Unit.Bool, false),
    ]);

    protected override void Bind(ContractSyntax contract, Binder binder)
    {
        string name = contract.Name?.Text ?? "";
        binder.RequireKind(contract.Fleet, SymbolKind.Fleet, $"contract '{name}' must be on a fleet");
        binder.RequireKind(contract.Customer, SymbolKind.Party, $"the customer of contract '{name}' must be a party");
        binder.BindTerms(contract.Units, contract.Price, contract.Hours, contract.TakeOrPay, contract.TerminationFee, contract.FeeFloor, contract.Prepayment,
            contract.BreakOption?.FeeAmount, contract.Renewals?.BreakOption?.FeeAmount);
        GuarantorRules.Bind(contract.Guarantor, binder, $"the guarantor of contract '{name}' must be a party");
    }

    protected override void CheckTerms(ContractSyntax contract, TypeChecker checker)
    {
        string c = $"contract '{contract.Name?.Text}'";
        GuarantorRules.CheckTerms(contract.Guarantor, checker, c);
        if (checker.MeasureTerm(contract.Units, FleetRules.Gpus, $"the units of {c}", "6000 gpus") is { } units
            && (units < 1 || units != Math.Floor(units)))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.FleetUnitsNotWhole(contract.Units!.Span, $"the units of {c}", units));
        }

        BoundExpression? price = checker.MeasureValue(contract.Price, MoneyPerGpuHour,
            new ExpressionContext(ContextKind.PeriodStart, $"the price of {c}"), "2.35 per gpu_hour");
        if (price is not null && Price(price) is null)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ContractPriceShape(contract.Price!.Span, contract.Name?.Text ?? ""));
        }

        // The hours each unit is sold for in a year: at most a leap year's, 366 × 24 (DL0579).
        if (checker.MeasureTerm(contract.Hours, Hours, $"the hours a year of {c}", "8760 hours per year") is { } hours && !(hours > 0 && hours <= 8784))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.ContractHoursOutsideYear(contract.Hours!.Span, contract.Name?.Text ?? "", hours));
        }
        checker.Term(contract.TakeOrPay, Unit.Rate, $"the take_or_pay share of {c}", TypeChecker.Range.Fraction);
        TerminationFeeRules.CheckTerms(contract.TerminationFee, contract.FeeFloor, checker, "contract", contract.Name?.Text ?? "");
        checker.Term(contract.Prepayment, Unit.Money, $"the prepayment of {c}", TypeChecker.Range.NonNegative);
        BreakOptionRules.CheckTerms(contract.BreakOption, checker, "contract", contract.Name?.Text ?? "", "customer");
        if (contract.BreakOption?.FeeMonths is { } months && (contract.PriceAtMarket || price is not null && Price(price) is { Index: >= 0 }))
        {
            // 'fee 6m of revenue' is worked out from the contract's own price (ContractInfo.BreakFee): one that follows an
            // index has no level the contract states.
            checker.Diagnostics.Add(DiagnosticCatalogue.BreakFeeOnMovingPrice(months.Span, contract.Name?.Text ?? ""));
        }

        BreakOptionRules.CheckTerms(contract.Renewals?.BreakOption, checker, "contract", contract.Name?.Text ?? "", "customer");
        if (contract.Renewals?.BreakOption?.FeeMonths is { } renewalMonths)
        {
            // A renewal is always priced at market (the fleet's generation index): months of its revenue have no level the
            // contract states, whatever the initial term's price.
            checker.Diagnostics.Add(DiagnosticCatalogue.ContractRenewalBreakFeeInMonths(renewalMonths.Span, contract.Name?.Text ?? ""));
        }
    }

    /// <summary>A price as (index, spread): a constant is (−1, price), an index (i, 0), an index plus or minus a
    /// constant (i, ±spread); null for any other shape.</summary>
    internal static (int Index, double Spread)? Price(BoundExpression price) => price switch
    {
        ConstantExpression c => (-1, c.Value),
        QuantityExpression { Quantity: Quantity.IndexLevel } q => (q.Index, 0.0),
        BinaryExpression { Operator: BoundBinaryOperator.Add, Left: QuantityExpression { Quantity: Quantity.IndexLevel } q, Right: ConstantExpression c } => (q.Index, c.Value),
        BinaryExpression { Operator: BoundBinaryOperator.Add, Left: ConstantExpression c, Right: QuantityExpression { Quantity: Quantity.IndexLevel } q } => (q.Index, c.Value),
        BinaryExpression { Operator: BoundBinaryOperator.Subtract, Left: QuantityExpression { Quantity: Quantity.IndexLevel } q, Right: ConstantExpression c } => (q.Index, -c.Value),
        _ => null,
    };

    protected override void CheckStructure(ContractSyntax contract, DealChecks checks)
    {
        string name = contract.Name?.Text ?? "";
        if (contract.Guarantor is { } guarantor)
        {
            GuarantorRules.CheckStructure(guarantor, contract, checks, contract.Starts?.Value);
            GuarantorRules.CheckObligorTerms(guarantor, contract.Customer, checks, "contract", name);
        }

        if (contract.Customer is null)
        {
            checks.Missing(contract, "a customer (e.g. 'customer Microsoft')");
        }

        if (contract.Units is null)
        {
            checks.Missing(contract, "its units (e.g. 'units 6000 gpus')");
        }

        if (contract.Price is null && !contract.PriceAtMarket)
        {
            checks.Missing(contract, "a price (e.g. 'price 2.35 per gpu_hour', 'price H100Rent + 0.10 per gpu_hour' or 'price at market')");
        }

        if (contract.Hours is null)
        {
            checks.Missing(contract, "its hours a year (e.g. 'hours 8760 hours per year')");
        }

        if (contract.TakeOrPay is null)
        {
            checks.Missing(contract, "its take-or-pay share (e.g. 'take_or_pay 90%')");
        }

        if (contract.Starts is null)
        {
            checks.Missing(contract, "a start date (e.g. 'starts 2025-06-30')");
        }
        else if (checks.Closing is { } closing && contract.Starts.Value < closing)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                contract.Starts.Span, $"the start of contract '{name}'", contract.Starts.Value.ToString(), $"on or after closing ({closing})"));
        }

        if (contract.Term is null)
        {
            checks.Missing(contract, "a term (e.g. 'term 4y')");
        }
        else
        {
            checks.MonthsOf(contract.Term, $"the term of contract '{name}'");
        }

        if (contract.Renewals is { Term: { } renewalTerm, Count: > 0 })
        {
            checks.MonthsOf(renewalTerm, $"the renewal term of contract '{name}'");
        }

        FleetSyntax? fleet = Fleet(checks, contract);
        if (contract.Renewals is { Count: > 0 } offered && fleet is { Generation: null })
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ContractRenewalsWithoutGeneration(offered.Span, name, fleet.Name?.Text ?? ""));
        }

        if (contract.PriceAtMarket && fleet is { Generation: null })
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ContractMarketWithoutGeneration(contract.PriceSpan ?? contract.Span, name, fleet.Name?.Text ?? ""));
        }

        if (fleet is not null)
        {
            CheckUnits(contract, fleet, checks);
        }

        CheckPrepayment(contract, fleet, checks);
        BreakOptionRules.CheckStructure(contract.BreakOption, contract.Term, checks, "contract", name, "customer", "revenue");
        BreakOptionRules.CheckStructure(contract.Renewals?.BreakOption, contract.Renewals?.Term, checks, "contract", name, "customer", "revenue", inRenewal: true);
        BreakOptionRules.CheckRvg(contract.BreakOption, checks, "contract", name, hasRvg: false);
        BreakOptionRules.CheckRvg(contract.Renewals?.BreakOption, checks, "contract", name, hasRvg: false, inRenewal: true);
    }

    // A prepayment above the total contracted value: units × price × hours a year × take-or-pay × the term's years
    // (days over 365, as the revenue counts them), an index price at the index's starting level.
    private static void CheckPrepayment(ContractSyntax contract, FleetSyntax? fleet, DealChecks checks)
    {
        if (Constant(checks, contract.Prepayment) is not { } prepaid || prepaid <= 0 || contract.Starts is not { } starts || contract.Term is not { } term
            || Constant(checks, contract.Units) is not { } units || Constant(checks, contract.Hours) is not { } hours
            || Constant(checks, contract.TakeOrPay) is not { } takeOrPay || PriceAtStart(contract, fleet, checks) is not { } price)
        {
            return;
        }

        Date end = starts.Value.AddMonthsClamped(DurationRules.WholeMonths(term));
        double value = units * price * hours * takeOrPay * Date.DaysBetween(starts.Value, end) / 365.0;
        if (prepaid > value)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ContractPrepaymentAboveValue(contract.Prepayment!.Span, contract.Name?.Text ?? "", prepaid, value));
        }
    }

    // The price per GPU-hour as the deal states it: a constant, or an index's starting level plus the spread (the
    // fleet's generation for 'at market'); null when it cannot be read as a constant.
    private static double? PriceAtStart(ContractSyntax contract, FleetSyntax? fleet, DealChecks checks)
    {
        (string? index, double spread) = contract.PriceAtMarket ? (fleet?.Generation?.Text, 0.0)
            : checks.Analysis.BoundOf(contract.Price) is { } bound && Price(bound) is { } p
                ? (p.Index < 0 ? null : IndexName(contract.Price), p.Spread)
                : ((string?)null, double.NaN);
        if (double.IsNaN(spread))
        {
            return null;
        }

        if (index is null)
        {
            return contract.PriceAtMarket ? null : spread;
        }

        IndexSyntax? declared = SyntaxWalk.Safe(checks.Analysis.Deal.Declarations).OfType<IndexSyntax>().FirstOrDefault(i => i.Name?.Text == index);
        return Constant(checks, declared?.Level) is { } level ? level + spread : null;
    }

    // The index named in a price of the shape Price() reads (I, I + c, c + I, I − c).
    private static string? IndexName(ExpressionSyntax? price) => price switch
    {
        ReferenceSyntax r => r.Name?.Text,
        BinaryExpressionSyntax { Left: ReferenceSyntax r } => r.Name?.Text,
        BinaryExpressionSyntax { Right: ReferenceSyntax r } => r.Name?.Text,
        _ => null,
    };

    private static FleetSyntax? Fleet(DealChecks checks, ContractSyntax contract) =>
        SyntaxWalk.Safe(checks.Analysis.Deal.Declarations).OfType<FleetSyntax>().FirstOrDefault(f => f.Name?.Text == contract.Fleet?.Text);

    // On the day this contract starts, the units of the contracts on its fleet running that day against the units
    // delivered by then. Units delivered only grow and contracts start only on their start dates, so checking each
    // start date checks every date.
    private static void CheckUnits(ContractSyntax contract, FleetSyntax fleet, DealChecks checks)
    {
        if (contract.Starts is not { } starts)
        {
            return;
        }

        Date day = starts.Value;
        double held = 0;
        if (fleet.Units is not null)
        {
            held = Constant(checks, fleet.Units) ?? double.NaN;
        }
        else
        {
            foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries).Where(d => d.Date.Value <= day))
            {
                held += Constant(checks, delivery.Units) ?? double.NaN;
            }
        }

        double taken = 0;
        foreach (ContractSyntax other in SyntaxWalk.Safe(checks.Analysis.Deal.Declarations).OfType<ContractSyntax>()
            .Where(o => o.Fleet?.Text == contract.Fleet?.Text))
        {
            if (other.Starts is { } s && other.Term is { } term && Constant(checks, other.Units) is { } units
                && s.Value <= day && day < s.Value.AddMonthsClamped(DurationRules.WholeMonths(term)))
            {
                taken += units;
            }
        }

        if (!double.IsNaN(held) && taken > held)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.ContractUnitsAboveFleet(
                contract.Units?.Span ?? contract.Span, contract.Name?.Text ?? "", fleet.Name?.Text ?? "", day.ToString(), taken, held));
        }
    }

    private static double? Constant(DealChecks checks, ExpressionSyntax? expression) =>
        checks.Analysis.BoundOf(expression) is ConstantExpression c ? c.Value : null;
}
