using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>The regular waterfall (every tranche paid, ending with <c>distribute rest to Eq</c>) and enforcement.</summary>
internal static partial class DealGen
{
    private static Gen<string> Waterfall(DealFrame f, GeneratedDecl[] leases, GeneratedDecl[] tests, GeneratedDecl[] triggers) =>
        from fees in Gen.Shuffle(f.Expenses.ToArray())
        from tranches in Gen.Shuffle((f.TrancheNames).ToArray())
        from grouping in Gen.Int[0, 4].Select(n => tranches.Length > 1 ? n : 4)
        let proRata = grouping == 0
        let stacks = grouping == 1
        from interest in proRata
            // pari passu interest: plain payments only (a group holds no 'using')
            ? Gen.Const((string[])["pro_rata { " + string.Join("  ", tranches.Select(t => $"pay {t}.interest")) + " }"])
            : stacks
            // pari passu classes, each a sequential stack of its interest then its principal
            ? Gen.Const((string[])["pro_rata { " + string.Join("  ", tranches.Select(t => $"sequential {{ pay {t}.interest  pay {t}.principal }}")) + " }"])
            : All(tranches.Select(t => Using(f).Select(u => $"pay {t}.interest{u}")))
        from principal in stacks ? Gen.Const(Array.Empty<string>()) : All(tranches.Select(t =>
            from member in Pick("principal", "balance")
            from u in Using(f)
            select $"pay {t}.{member}{u}"))
        from accountSteps in All(f.AccountNames.Select(a => AccountStep(f, leases, tests, triggers, a)))
        from guarded in Maybe(Condition(f, leases, tests, triggers, depth: 1).SelectMany(c =>
            Pick([.. f.TrancheNames]).Select(t => $"if {c} {{ pay {t}.balance }}")))
        from sweep in Maybe(Rate(0, 10000).SelectMany(r => Pick([.. f.TrancheNames]).Select(t => $"sweep {r} of rest to {t}")))
        from promote in Maybe(Rate(0, 10000).Select(r => $"distribute {r} of rest to Eq"))
        select Join([
            "  waterfall {",
            .. fees.Concat(interest).Concat(principal).Concat(accountSteps).Append(guarded.Trim()).Append(sweep.Trim())
                .Append(promote.Trim())
                .Where(s => s.Length > 0).Select(s => "    " + s),
            "    distribute rest to Eq",
            "  }",
        ]);

    /// <summary>` using A2, A1`: accounts a payment may draw on (none about half the time).</summary>
    private static Gen<string> Using(DealFrame f) =>
        f.Accounts == 0 ? Gen.Const("") :
        from n in Gen.Int[0, 2 * f.Accounts]
        from accounts in Gen.Shuffle((f.AccountNames).ToArray(), Math.Max(0, n - f.Accounts))
        select accounts.Length == 0 ? "" : " using " + string.Join(", ", accounts);

    private static Gen<string> AccountStep(DealFrame f, GeneratedDecl[] leases, GeneratedDecl[] tests, GeneratedDecl[] triggers, string account) =>
        from condition in Condition(f, leases, tests, triggers, depth: 1)
        from step in Pick($"fill {account}", $"release {account}", $"fill {account}  release {account}",
            $"if {condition} {{ hold rest in {account} }} else {{ release {account} }}",
            $"if {condition} {{ fill {account} }}", $"release {account}  fill {account}")
        select step;

    private static Gen<string> Enforcement(DealFrame f) =>
        from count in f.Facilities == 0 ? Gen.Const(0) : Gen.Frequency((1, Gen.Const(0)), (4, Gen.Int[1, f.Facilities]))
        from sold in Gen.Shuffle(f.FacilityNames.ToArray(), count)
        from haircut in Maybe(Rate(0, 10000).Select(r => "haircut " + r))
        from lag in Maybe(Duration(0, 120).Select(d => "lag " + d))
        from fees in Gen.Shuffle(f.Expenses.ToArray())
        // now and then a fee the enforcement waterfall leaves out (DL0228, a warning): its 'F unpaid' ledger column
        from leftOut in Gen.Frequency((4, Gen.Const("")), (1, Gen.Const(fees.FirstOrDefault(e => !e.EndsWith(".opex", StringComparison.Ordinal)) ?? "")))
        from tranches in Gen.Shuffle((f.TrancheNames).ToArray())
        from ownWaterfall in Gen.Bool
        from fleetsSold in Gen.Shuffle(f.FleetNames.Skip(1).ToArray(), 0, f.Fleets > 1 ? 1 : 0)
        from market in f.Fleets == 0 ? Gen.Const("") : MarketSale(f)
        let whole = sold.Concat(fleetsSold).ToArray()
        let sell = Join(new[]
        {
            whole.Length == 0 ? "" : "    sell " + string.Join(", ", whole) + haircut + lag,
            market,
        }.Where(s => s.Length > 0))
        let waterfall = !ownWaterfall ? "" : Join([
            "    waterfall {",
            .. fees.Where(e => e != leftOut).Concat(tranches.Select(t => $"pay {t}.interest")).Concat(tranches.Select(t => $"pay {t}.balance"))
                .Select(s => "      " + s),
            "      distribute rest to Eq",
            "    }",
        ])
        select Join(new[] { "enforcement {", sell, waterfall, "  }" }.Where(s => s.Length > 0));
}
