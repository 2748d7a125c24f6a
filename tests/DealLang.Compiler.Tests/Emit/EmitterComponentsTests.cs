using DealLang.Compiler.Emit;
using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>The emitter's registry of per-kind components and the state handles they declare.</summary>
public class EmitterComponentsTests
{
    [Fact]
    public void EveryDeclarationKindHasItsComponent()
    {
        var components = new EmitContext(HyperionModel.Create()).Components;

        foreach (var kind in DeclarationKinds.All)
        {
            Assert.True(EmitterComponents.Has(kind), "the " + kind.Keyword() + " kind has no emitter component");
            Assert.Equal(kind, components[kind].Kind);
        }

        // One component per kind, in registry order: the order every phase asks them in.
        Assert.Equal(DeclarationKinds.All, components.Select(c => c.Kind));
    }

    [Fact]
    public void EveryQuantityOfAnEntityIsReadByExactlyOneComponent()
    {
        // Hyperion has an entity of every kind at index 0 but a loan, an index, a fleet, a contract, a holding and coins, so
        // every quantity has something to read once it holds one of each.
        var loan = new LoanModel("Loan", 0, 0, 1e6, new FixedCoupon(0.1), new BulletAmortization(), new DealLang.Runtime.Date(2030, 1, 1), 0, 0.4);
        var index = new IndexModel(new DealLang.Runtime.IndexInfo("Sofr", 0.043, 0, null, []), Unit.Rate, default);
        var fleet = new DealLang.Runtime.FleetInfo("Cluster", [new(new DealLang.Runtime.Date(2026, 1, 1), 10, 30e3)], 72, 0, 0.7, 1.3, 0.08, 0.02, 0.9, 0.3);
        var contract = new DealLang.Runtime.ContractInfo("Deal", 0, 0, 10, -1, 2.35, 8760, 0.9, new DealLang.Runtime.Date(2026, 1, 1), 24);
        var holding = new DealLang.Runtime.HoldingInfo("Stake", "Spv", "Notes", false, 0.2, 100e6, -1);
        var coins = new CoinsModel("Btc", 0, 1000, 0, null, 500, 0.1);
        var ctx = new EmitContext(HyperionModel.Create() with { Loans = [loan], Indices = [index], Fleets = [fleet], Contracts = [contract], Holdings = [holding], Coins = [coins] });
        var dealWide = new[] { Quantity.Collections, Quantity.Cfads, Quantity.DebtService, Quantity.PeriodEnd, Quantity.PeriodStart };

        foreach (var quantity in Enum.GetValues<Quantity>().Except(dealWide))
        {
            var readers = ctx.Components.Where(c => c.Read(quantity, 0) is not null).Select(c => c.Kind).ToList();
            Assert.True(readers.Count == 1, quantity + " is read by " + readers.Count + " components");
        }

        foreach (var quantity in dealWide)
        {
            Assert.All(ctx.Components, c => Assert.Null(c.Read(quantity, 0)));
        }
    }

    [Fact]
    public void EveryHandleIsNamedAfterItsKindAndEntityAndNoTwoShareAName()
    {
        var components = new EmitContext(HyperionModel.Create(trancheName: "class")).Components;
        var names = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entity in components.SelectMany(c => c.Entities))
        {
            foreach (var handle in entity.Vars)
            {
                // CSharpNames.Entity made it: kind_Name_member, never escaped here (kind prefixes are not keywords).
                Assert.StartsWith(entity.Kind.Keyword() + "_" + entity.Name + "_", handle.Name, StringComparison.Ordinal);
                Assert.True(CSharpNames.IsValidName(handle.Name), handle.Name);
                Assert.True(names.Add(handle.Name), "two pieces of state are both called " + handle.Name);
            }
        }

        Assert.Contains("tranche_class_balance", names);
    }

    [Fact]
    public void EveryDeclaredLocalIsDeclaredOnceBeforeTheLoopWithItsInitialValue()
    {
        var ctx = new EmitContext(HyperionModel.Create());
        string whole = CSharpEmitter.Emit(HyperionModel.Create()).Source;
        int summary = whole.IndexOf("private void RunSummary(", StringComparison.Ordinal);
        Assert.True(summary > 0, "a small deal has RunSummary, Run's loop without the ledger");

        var locals = ctx.Components.SelectMany(c => c.Entities).SelectMany(e => e.Vars)
            .Where(v => v.Storage == StateStorage.Local).ToList();
        Assert.Contains(locals, v => !v.Declared); // Trap has no target and earns nothing: neither is declared

        // Run and RunSummary each declare every local once, before their loop.
        foreach (string source in new[] { whole[..summary], whole[summary..] })
        {
            int loop = source.IndexOf(CSharpEmitter.LoopBeginMarker, StringComparison.Ordinal);
            foreach (var local in locals)
            {
                string declaration = local.Type + " " + local.Name + " = " + local.Initial + ";";
                int at = source.IndexOf(declaration, StringComparison.Ordinal);
                if (local.Declared)
                {
                    Assert.True(at >= 0 && at < loop, declaration);
                    Assert.Equal(at, source.LastIndexOf(declaration, StringComparison.Ordinal));
                }
                else
                {
                    Assert.DoesNotContain(local.Name, source, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void WhatTheWaterfallPaysStartsEachPeriodAtZero()
    {
        var ctx = new EmitContext(HyperionModel.Create());
        string loop = EmittedSourceTests.LoopBody(CSharpEmitter.Emit(HyperionModel.Create()).Source);
        int waterfall = loop.IndexOf("// 4. waterfall", StringComparison.Ordinal);

        var paid = ctx.Components.SelectMany(c => c.Entities).SelectMany(e => e.Vars).Where(v => v.Life == StateLife.Paid && v.Declared).ToList();

        // Hyperion (which has no delayed draw, so no commitment fee paid): Opex paid, the notes' interest and principal paid, the sponsor's distributions.
        Assert.Equal(4, paid.Count);
        foreach (var handle in paid)
        {
            Assert.True(loop.IndexOf(handle.Name + " = 0.0;", StringComparison.Ordinal) > waterfall, handle.Name);
        }
    }

    [Fact]
    public void LedgerColumnsOfEntitiesComeFromTheirHandles()
    {
        var ctx = new EmitContext(HyperionModel.Create());
        var columns = CSharpEmitter.LedgerColumns(ctx);
        var slots = ctx.Components.SelectMany(c => c.Entities).SelectMany(e => e.Vars).Where(v => v.Ledger is not null && v.Declared).ToList();

        foreach (var handle in slots)
        {
            Assert.Single(columns, c => c.Name == handle.Ledger!.Label && c.Value == handle.LedgerValue);
        }

        // The published order: receipts, the total, dues, steps, then accounts' balances before the tranches'.
        var names = columns.Select(c => c.Name).ToList();
        Assert.True(names.IndexOf("rent MetaLease") < names.IndexOf("collections"));
        Assert.True(names.IndexOf("collections") < names.IndexOf("Notes interest due"));
        Assert.True(names.IndexOf("Dsra balance") < names.IndexOf("Notes balance"));
        Assert.Equal("event of default", names[^1]);
    }
}
