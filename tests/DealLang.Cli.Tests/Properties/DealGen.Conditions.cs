using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Tests, triggers, the default rule and the conditions they (and the waterfall's <c>if</c>s) read.</summary>
internal static partial class DealGen
{
    private const string Ratio = "ratio";
    private const string MoneyUnit = "money";
    private const string RateUnit = "rate";

    /// <summary>n tests, each possibly reading tests before it (so there is never a cycle).</summary>
    private static Gen<GeneratedDecl[]> Tests(DealFrame f, int n) =>
        Enumerable.Range(1, n).Aggregate(Gen.Const(Array.Empty<GeneratedDecl>()),
            (acc, i) => acc.SelectMany(earlier => Test(f, "Test" + Text(i), earlier).Select(t => (GeneratedDecl[])[.. earlier, t])));

    private static Gen<GeneratedDecl> Test(DealFrame f, string name, GeneratedDecl[] earlier) =>
        from tranche in Pick([.. f.TrancheNames])
        from facility in f.Facilities == 0 ? Gen.Const("") : Pick([.. f.FacilityNames])
        from previous in earlier.Length == 0 ? Gen.Const((GeneratedDecl?)null) : Gen.Int[0, earlier.Length - 1].Select(i => (GeneratedDecl?)earlier[i])
        from pivot in DateIn(f.Closing, f.Maturity)
        from forward in ForwardWindow(f)
        from options in Gen.Const(forward.Length > 0 ? ForwardExpressions(tranche) : TestExpressions(tranche, facility, previous, pivot))
        from chosen in Gen.Int[0, options.Length - 1].Select(i => options[i])
        from trailing in forward.Length > 0 ? Gen.Const(forward) : Maybe(Duration(1, 24).Select(d => "over trailing " + d))
        from start in Maybe(DateIn(f.Closing, f.Maturity).Select(d => "from " + d))
        select new GeneratedDecl(name, $"  test {name} = {chosen.Expression}{trailing}{start}", chosen.Unit);

    /// <summary>Now and then a forward window, 'over next Nm' (whole months, within the deal: DL0343, DL0344), or
    /// "" for a test of the period or a trailing one.</summary>
    private static Gen<string> ForwardWindow(DealFrame f) =>
        Gen.Int[0, 5].SelectMany(k => k == 0 && f.Days >= 62
            ? Gen.Int[1, Math.Min(24, f.Days / 31)].Select(m => m % 12 == 0 && m > 0 ? " over next " + Text(m / 12) + "y" : " over next " + Text(m) + "m")
            : Gen.Const(""));

    /// <summary>What a forward test reads: debt service (the deal's, a tranche's), cfads (the forward DSCR; a per-period
    /// fee on a flow it does not project is left out, only a warning, DL0320), stocks as of the period.</summary>
    private static (string Expression, string Unit)[] ForwardExpressions(string tranche) =>
    [
        ("debt_service", MoneyUnit),
        ("cfads", MoneyUnit),
        ("cfads / debt_service", Ratio),
        ($"{tranche}.debt_service", MoneyUnit),
        ($"{tranche}.balance / debt_service", Ratio),
    ];

    private static (string Expression, string Unit)[] TestExpressions(string tranche, string facility, GeneratedDecl? previous, string pivot)
    {
        var options = new List<(string, string)>
        {
            ("cfads / debt_service", Ratio),
            ($"collections / {tranche}.interest", Ratio),
            ("cfads - debt_service", MoneyUnit),
            ("collections - 10 gpus * 2.35 per gpu_hour * 8760 hours * 70%", MoneyUnit), // compute units that come to money
            ($"min(collections, {tranche}.balance)", MoneyUnit),
            ($"{tranche}.coupon", RateUnit),
            ($"abs({tranche}.interest_shortfall) + {tranche}.principal_shortfall", MoneyUnit),
            // a threshold that steps on a date, and money that grows with the years since a date
            ($"if period_end >= {pivot} then 1.10x else 1.25x", Ratio),
            ($"if {tranche}.interest_shortfall > 0 then cfads / debt_service else 2", Ratio),
            ($"cfads - years_between({pivot}, period_start) * 1m", MoneyUnit),
        };
        if (facility.Length > 0)
        {
            options.Add(($"{tranche}.balance / {facility}.value", Ratio));
            options.Add(($"{facility}.value - {tranche}.balance", MoneyUnit));
        }

        if (previous is not null)
        {
            options.Add(($"{previous.Name} * 2", previous.Unit));
            options.Add(($"({previous.Name} - {previous.Name}) + {previous.Name}", previous.Unit));
        }

        return [.. options];
    }

    /// <summary>n triggers, each possibly reading the tests and the triggers declared before it.</summary>
    private static Gen<GeneratedDecl[]> Triggers(DealFrame f, GeneratedDecl[] leases, GeneratedDecl[] tests, int n) =>
        Enumerable.Range(1, n).Aggregate(Gen.Const(Array.Empty<GeneratedDecl>()),
            (acc, i) => acc.SelectMany(earlier =>
                from condition in Condition(f, leases, tests, earlier, depth: 1)
                from start in Maybe(DateIn(f.Closing, f.Maturity).Select(d => "from " + d))
                from trips in Maybe(Gen.Int[1, 4].Select(n => "trips after " + Text(n)))
                from cures in Maybe(Gen.Int[1, 4].Select(n => "cures after " + Text(n)))
                from equityCure in EquityCure(f, tests)
                from effects in Effects(f)
                let name = "Trig" + Text(i)
                let when = equityCure.Condition ?? condition
                select (GeneratedDecl[])[.. earlier, new GeneratedDecl(name, $"  trigger {name} when {when}{start}{trips}{cures}{equityCure.Cure} => {effects}")]));

    /// <summary>Sometimes, on a test of the period that is cfads / debt_service: the covenant 'Test &lt; K' and an
    /// equity cure by Eq (the only shape a cure takes), prepaying a tranche, two tranches in turn, a tranche then into an
    /// account, or into an account (two times in three);
    /// else nothing.</summary>
    private static Gen<(string? Condition, string Cure)> EquityCure(DealFrame f, GeneratedDecl[] tests)
    {
        // Each shape of destination is drawn as often as the others, whatever the deal's counts of tranches and
        // accounts: as one pool of every name's destination, a deal with many tranches and one account rarely cured
        // into it (the coverage test's sample then missed 'into an account' on some seeds).
        string[] tranches = [.. f.TrancheNames];
        var shapes = new List<string[]>();
        shapes.Add([.. tranches.Select(t => " prepaying " + t)]);
        if (tranches.Length > 1)
        {
            shapes.Add([$" prepaying {tranches[^1]}, {tranches[0]}"]);
        }

        shapes.Add([.. f.AccountNames.Select(a => " into " + a)]);
        if (tranches.Length > 0)
        {
            shapes.Add([.. f.AccountNames.Select(a => $" prepaying {tranches[0]} then into {a}")]);
        }

        string[][] nonEmpty = [.. shapes.Where(d => d.Length > 0)];
        var coverage = tests.Where(t => t.Text.EndsWith("= cfads / debt_service", StringComparison.Ordinal)
            || t.Text.Contains("= cfads / debt_service from", StringComparison.Ordinal)).ToArray();
        return coverage.Length == 0
            ? Gen.Const(((string?)null, ""))
            : Gen.Frequency(
                (1, Gen.Const(((string?)null, ""))),
                (2, from test in Gen.Int[0, coverage.Length - 1]
                    from threshold in Gen.Int[100, 150]
                    from times in Gen.Int[1, 3]
                    from shape in Gen.Int[0, nonEmpty.Length - 1]
                    from destination in Pick(nonEmpty[shape])
                    select ((string?)$"{coverage[test].Name} < {(threshold / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture)}x", $" cure by Eq up to {Text(times)} times{destination}")));
    }

    /// <summary>A trigger's effects: mostly 'trap', else a sweep, acceleration (of all or of one tranche) or an event
    /// of default, alone or with 'trap'.</summary>
    private static Gen<string> Effects(DealFrame f) =>
        from tranche in Pick([.. f.TrancheNames])
        from share in Rate(0, 10000)
        from effect in Gen.Frequency(
            (6, Gen.Const("trap")),
            (2, Gen.Const($"trap, sweep {share} to {tranche}")),
            (1, Gen.Const($"sweep {share} to {tranche}")),
            (1, Gen.Const("accelerate")),
            (1, Gen.Const($"trap, accelerate ({tranche})")),
            (1, Gen.Const("event_of_default")),
            (1, Gen.Const("event_of_default, accelerate")))
        select effect;

    private static Gen<string> DefaultRule(DealFrame f, GeneratedDecl[] leases, GeneratedDecl[] tests) =>
        from condition in Gen.OneOf(
            Pick([.. f.TrancheNames.Select(t => t + ".interest_shortfall > 0")]),
            Condition(f, leases, tests, [], depth: 1))
        from grace in Maybe(Pick("grace 30d", "grace 2w", "grace 6m", "grace 1y", "grace 0m"))
        select $"  default when {condition}{grace}";

    /// <summary>A bool condition over the deal's state, its tests and the given triggers; depth bounds and/or/not.</summary>
    private static Gen<string> Condition(DealFrame f, GeneratedDecl[] leases, GeneratedDecl[] tests, GeneratedDecl[] triggers, int depth)
    {
        var atoms = new List<Gen<string>>
        {
            Pick([.. f.TrancheNames.Select(t => t + ".interest_shortfall > 0")]),
            Pick([.. f.TrancheNames.Select(t => t + ".principal_shortfall >= 1m")]),
            Pick([.. f.PartyNames.Select(p => p + ".defaulted")]),
            DateIn(f.Closing, f.Maturity).Select(d => "date >= " + d),
            Pick("cfads < debt_service", "collections > 0", "debt_service == 0"),
        };
        if (leases.Length > 0)
        {
            atoms.Add(Pick([.. leases.SelectMany(l => (string[])[l.Name + ".ended", "not " + l.Name + ".active"])]));
        }

        if (f.Accounts > 0)
        {
            atoms.Add(Pick([.. f.AccountNames.Select(a => a + ".balance < " + a + ".target")]));
        }

        if (f.Facilities > 0)
        {
            atoms.Add(Pick([.. f.FacilityNames.SelectMany(x => f.TrancheNames.Select(t => t + ".balance > " + x + ".value"))]));
        }

        if (tests.Length > 0)
        {
            atoms.Add(Gen.Int[0, tests.Length - 1].SelectMany(i => TestComparison(tests[i])));
        }

        if (triggers.Length > 0)
        {
            atoms.Add(Pick([.. triggers.Select(t => t.Name)]));
        }

        var atom = Gen.OneOf([.. atoms]);
        return depth == 0 ? atom : Gen.Frequency(
            (4, atom),
            (1, Gen.Select(Condition(f, leases, tests, triggers, depth - 1), Condition(f, leases, tests, triggers, depth - 1),
                Pick("and", "or"), (a, b, op) => $"({a}) {op} ({b})")),
            (1, Condition(f, leases, tests, triggers, depth - 1).Select(c => $"not ({c})")));
    }

    private static Gen<string> TestComparison(GeneratedDecl test) =>
        from op in Pick("<", "<=", ">", ">=", "!=")
        from bound in test.Unit switch
        {
            Ratio => Gen.Int[0, 300].Select(n => (n / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x"),
            RateUnit => Rate(0, 2000),
            _ => Money(0, 100),
        }
        select $"{test.Name} {op} {bound}";
}
