using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Literals: numbers with units, durations, dates, strings and counts. What the text means is in
// Literals; what it means *here* (a value, a duration, the left of 'of') is decided below.
internal sealed partial class CstToAst
{
    // QUANTITY   # quantityExpr  (a value: bn/m/k money, %/bp rate, x ratio)
    // validSuffixes names what this position accepts, for the message.
    private LiteralSyntax? VisitQuantityValue(IToken token, string validSuffixes)
    {
        string text = token.Text;
        (string number, string suffix) = Literals.Split(text);
        if (!Literals.TryValueUnit(suffix, out LiteralKind kind, out int exponent))
        {
            string? hint = Literals.TryTimeUnit(suffix, out _)
                ? "is a duration, and a duration is not a value (it makes one only as '6m of debt_service')"
                : null;
            Report(DiagnosticCatalogue.UnknownUnit(Span(token), text, validSuffixes, hint));
            return null;
        }

        return VisitScaledNumber(token, number, exponent, kind);
    }

    // amount=(NUMBER | QUANTITY) unit=measureUnit? PER per=measureUnit   # perUnitExpr
    // NUMBER unit=measureUnit                                            # measureExpr
    // A price per unit is money: a bare number (the deal's currency) or one with a money suffix; a measure
    // (10000 gpus, 1.2 MW, 0.7 kW per gpu) is a bare number.
    private MeasureLiteralSyntax? VisitMeasure(ParserRuleContext context, IToken? amountToken, MeasureUnitContext? unitContext, MeasureUnitContext? perContext)
    {
        if (Matched(amountToken) is not { } token || context.Stop is null || (unitContext is not null && MeasureUnitOf(unitContext) is null)
            || (perContext is not null && MeasureUnitOf(perContext) is null))
        {
            return null; // a syntax error already said what is missing
        }

        MeasureUnit? unit = unitContext is null ? null : MeasureUnitOf(unitContext);
        MeasureUnit? per = perContext is null ? null : MeasureUnitOf(perContext);
        string text = context.Start.InputStream.GetText(new Antlr4.Runtime.Misc.Interval(context.Start.StartIndex, context.Stop.StopIndex));
        double amount;
        if (token.Type == QUANTITY)
        {
            (string number, string suffix) = Literals.Split(token.Text);
            if (unit is not null || !Literals.TryValueUnit(suffix, out LiteralKind kind, out int exponent) || kind != LiteralKind.Money)
            {
                Report(DiagnosticCatalogue.BadMeasureAmount(Span(context), text, unit is null
                    ? "a price per unit is money, written bare or with bn, m or k ('2.35 per gpu_hour', '30k per gpu')"
                    : "a measure is a bare number ('1.2 MW', '0.7 kW per gpu')"));
                return null;
            }

            if (!Literals.TryParseNumber(number, exponent, out amount))
            {
                Report(DiagnosticCatalogue.NumberOutOfRange(Span(token), token.Text));
                return null;
            }
        }
        else if (!Literals.TryParseNumber(token.Text, 0, out amount))
        {
            Report(DiagnosticCatalogue.NumberOutOfRange(Span(token), token.Text));
            return null;
        }

        return new MeasureLiteralSyntax(amount, unit, per, text, Span(context));
    }

    // measureUnit : GPU | GPU_HOUR | HOUR | KW | MW | KWH | MWH | COIN | COINS | EH_S | DAY | SHARE ;
    private MeasureUnit? MeasureUnitOf(MeasureUnitContext context) => Matched(context.Start)?.Type switch
    {
        GPU => MeasureUnit.Gpu,
        GPU_HOUR => MeasureUnit.GpuHour,
        HOUR => MeasureUnit.Hour,
        KW => MeasureUnit.Kw,
        MW => MeasureUnit.Mw,
        KWH => MeasureUnit.Kwh,
        MWH => MeasureUnit.Mwh,
        COIN or COINS => MeasureUnit.Coin,
        EH_S => MeasureUnit.ExahashPerSecond,
        DAY => MeasureUnit.Day,
        SHARE => MeasureUnit.Share,
        _ => null,
    };

    // NUMBER   # numberExpr  (no unit: adopts the unit of what it is combined with)
    private LiteralSyntax? VisitNumber(IToken token) => VisitScaledNumber(token, token.Text, 0, LiteralKind.Number);

    private LiteralSyntax? VisitScaledNumber(IToken token, string number, int exponent, LiteralKind kind)
    {
        if (!Literals.TryParseNumber(number, exponent, out double value))
        {
            Report(DiagnosticCatalogue.NumberOutOfRange(Span(token), token.Text));
            return null;
        }

        // A bare number is money where it meets money; as a count or a ratio a number that large is as unlikely.
        if (kind is LiteralKind.Money or LiteralKind.Number && value >= DiagnosticCatalogue.MaxCentExactMoney)
        {
            Report(DiagnosticCatalogue.MoneyBeyondCents(Span(token), token.Text));
        }

        // A rate is written without its sign (a negative one is '-' before the literal), so its size is its value.
        if (kind is LiteralKind.Rate && value >= DiagnosticCatalogue.MaxPlausibleRate)
        {
            Report(DiagnosticCatalogue.RateBeyondTenfold(Span(token), token.Text));
        }

        return new LiteralSyntax(value, kind, token.Text, Span(token));
    }

    // duration : QUANTITY ;
    private DurationSyntax? VisitDuration(DurationContext? context) =>
        Matched(context?.QUANTITY()) is { } token ? VisitDurationToken(token) : null;

    private DurationSyntax? VisitDurationToken(IToken token)
    {
        string text = token.Text;
        (string number, string suffix) = Literals.Split(text);
        if (!Literals.TryTimeUnit(suffix, out TimeUnit unit))
        {
            Report(DiagnosticCatalogue.ExpectedDuration(Span(token), text));
            return null;
        }

        if (!Literals.TryParseNumber(number, 0, out double amount))
        {
            Report(DiagnosticCatalogue.NumberOutOfRange(Span(token), text));
            return null;
        }

        // Beyond the cap the length is still kept (later stages clamp it), so nothing that needs it is reported
        // missing as well.
        if (Literals.Years(amount, unit) > DiagnosticCatalogue.MaxDurationYears)
        {
            Report(DiagnosticCatalogue.DurationTooLong(Span(token), text));
        }

        return new DurationSyntax(amount, unit, text, Span(token));
    }

    // DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
    private DateSyntax? VisitDate(ITerminalNode? node)
    {
        if (Matched(node) is not { } token)
        {
            return null;
        }

        if (!Literals.TryParseDate(token.Text, out Runtime.Date date))
        {
            Report(DiagnosticCatalogue.InvalidDate(Span(token), token.Text));
        }

        return new DateSyntax(date, Span(token));
    }

    // STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
    // Control characters are legal in a string but are warned about (DL0110) at the first one: the lexer cannot
    // say why, and a report would otherwise carry them to a terminal.
    private StringLiteralSyntax? VisitString(ITerminalNode? node)
    {
        if (Matched(node) is not { } token)
        {
            return null;
        }

        var span = Span(token);
        int control = DealLang.Runtime.ControlCharacters.IndexOfFirst(token.Text);
        if (control >= 0)
        {
            // Strings never span lines, so the character's column is the token's plus its offset.
            int column = span.Column + control;
            Report(DiagnosticCatalogue.ControlCharacterInString(span with { Column = column, EndLine = span.Line, EndColumn = column }, token.Text[control]));
        }

        return new StringLiteralSyntax(Literals.Unescape(token.Text), span);
    }

    // NUMBER where a count is needed: renewals N x D, renewals taken N, seniority N. A count written with a
    // suffix ('2x') passes its number part as number; the message shows the whole token.
    private int? VisitWholeNumber(IToken? token, string what, int minimum, string? number = null)
    {
        if (token is null)
        {
            return null;
        }

        if (!Literals.TryParseWholeNumber(number ?? token.Text, out int value) || value < minimum)
        {
            Report(DiagnosticCatalogue.ExpectedWholeNumber(Span(token), what, token.Text, minimum));
            return null;
        }

        return value;
    }
}
