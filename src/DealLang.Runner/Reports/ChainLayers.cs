using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>One layer of the risk chain in one scenario (docs/language.md §12 "The chain report"): its first trap and
/// first default (each with who: an entity or a party), and the loss taken at that layer (NaN where a layer has none
/// to report: the tech giants' losses are not modelled).</summary>
public sealed record LayerFigure(string Layer, Date? FirstTrap, string? TrapBy, Date? Default, string? DefaultBy, double Loss);

/// <summary>A scenario's layers, bottom up, which breaks first and who bears the loss in the end.</summary>
public sealed record ChainLayerOutcome(IReadOnlyList<LayerFigure> Layers, string BreaksFirst, string BearsLoss)
{
    /// <summary>The entities in the <see cref="ChainLayers.Funds"/> row, in run order (the rest are in the SPVs row):
    /// what an identity over the rows needs to tell a claim on a fund from a claim on an SPV.</summary>
    public IReadOnlyList<string> FundEntities { get; init; } = [];
}

/// <summary>
/// The chain's layers (docs/language.md §12 "The chain report"), bottom up: the tech giants and tenants (the parties the
/// entities' leases and contracts and the bottom entities' guarantees name), the SPVs, neoclouds and miners (the
/// entities that hold no tranche and no LP units: they hold nothing, or only equity stakes, as an operating parent
/// holds its SPVs — TeraWulf; an entity with assets of its own is one whatever its equity's carry, a developer's
/// promote), the SPVs' sponsors (the LP classes of an SPV's equity behind a developer's promote), the funds (the entities that hold another's tranches or LP units, or hold equity stakes and nothing of
/// their own with LP classes behind a carry), their banks (the funds' tranches) and their LPs (the funds' LP
/// classes). A claim on a fund that another fund of the chain holds (a fund of funds' bank
/// line or LP units) is that holder's loss, in the funds row, and not the banks' or LPs': each claim on a fund is in
/// one row, and so is its default (a line the funds hold whole defaults in the funds row; the banks' default is that of
/// a line held outside the chain, at least in part). A promoted SPV's sponsor equity is a claim on the SPV like its
/// notes, so its LP classes' loss is a row of its own beside the SPVs' (the part an entity of the chain holds is that
/// entity's: a fund's in the funds row). Which breaks first is the layer with the earliest default (else the earliest
/// trap); the loss in the end is the banks', the LPs', the sponsors', the guarantors' and what the bottom entities'
/// tranches lose beyond the funds' shares of them (holders outside the chain).
/// </summary>
public static class ChainLayers
{
    public const string TechGiants = "tech giants and tenants";
    public const string Spvs = "SPVs, neoclouds, miners";
    public const string Sponsors = "SPV sponsors";
    public const string Funds = "funds";
    public const string Banks = "banks";
    public const string Lps = "LPs";

    public static ChainLayerOutcome Of(ChainOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // A fund's assets are claims on other entities: it lends (it holds tranches), is an LP itself (it holds an equity
        // with a carry: a fund of funds' LP units), or holds equity stakes and has LP classes behind a carry (a fund of
        // equity stakes). A carry alone does not make a fund: an entity with assets of its own (a facility, a lease, a
        // contract, a loan, a fleet, coins) is an SPV whatever its equity's terms, a developer's promote over its
        // sponsor included, so its notes' loss is in the SPVs row, not a fund's bank line. A parent that holds only its
        // subsidiaries' equity, with no LPs, is an operating company (its converts are not a bank's line), so it stands
        // with the SPVs it owns.
        // An LP interest is a holding of a fund's equity with a carry; a stake in a promoted SPV's equity is an equity
        // stake. Holdings never form a circle (DL0701), so the recursion ends.
        var isFund = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsLpInterest(HoldingInfo h) => h.Equity
            && outcome.Entities.FirstOrDefault(x => x.Deal.Name == h.Entity) is { } held
            && held.Deal.Equities.FirstOrDefault(q => q.Name == h.Member)?.Carry is not null && IsFund(held);
        bool IsFund(EntityOutcome e)
        {
            if (!isFund.TryGetValue(e.Deal.Name, out bool fund))
            {
                fund = e.Deal.Holdings.Any(h => !h.Equity || IsLpInterest(h))
                    || (e.Deal.Holdings.Length > 0 && !OwnsAssets(e.Deal) && e.Outcome.Equities.Any(q => q.Carry is not null));
                isFund[e.Deal.Name] = fund;
            }

            return fund;
        }
        var bottom = outcome.Entities.Where(e => !IsFund(e)).ToList();
        var holders = outcome.Entities.Where(IsFund).ToList();

        // The tech giants and tenants: every party a lease, a contract or a bottom entity's guarantee names, by its
        // default. A fund that owns its assets directly has lessees and customers too; a guarantor of a fund's own line
        // (a state behind its bank) is not a tenant.
        Date? giantDefault = null;
        string? giant = null;
        foreach (EntityOutcome e in outcome.Entities)
        {
            bool isBottom = bottom.Contains(e);
            var named = e.Deal.Leases.Select(l => l.Lessee).Concat(e.Deal.Contracts.Select(c => c.Customer))
                .Concat(e.Deal.Guarantees.Where(g => isBottom || g.Kind != GuaranteeTarget.Tranche).Select(g => g.Guarantor));
            foreach (int p in named.Distinct())
            {
                if (p >= 0 && p < e.Outcome.Parties.Length && e.Outcome.Parties[p].DefaultDate is { } d && (giantDefault is null || d < giantDefault.Value))
                {
                    (giantDefault, giant) = (d, e.Outcome.Parties[p].Name);
                }
            }
        }

        var layers = new List<LayerFigure> { new(TechGiants, null, null, giantDefault, giant, double.NaN) };
        double spvLoss = bottom.Sum(e => e.Outcome.Tranches.Sum(t => t.PrincipalLoss + t.UnpaidInterest));
        layers.Add(Entities(Spvs, bottom, spvLoss));

        // A promoted SPV's sponsor equity (LP classes behind a developer's carry) is the SPV's first-loss capital: its
        // classes' loss is the sponsors' row, beside the SPVs' notes, less the part an entity of the chain holds as an
        // equity stake (kept at the end): a fund's part is the fund's loss, in the funds row (as a fund's LP units
        // another fund holds are), and an operating parent's is its own, reaching its creditors in the SPVs row.
        var promoted = bottom.SelectMany(e => e.Outcome.Equities.Where(q => q.Carry is not null)).ToList();
        double sponsorsLoss = promoted.Sum(q => q.Carry!.Classes.Sum(c => c.Loss));
        double sponsorStakesHeld = 0, sponsorStakesFunds = 0;
        foreach (EntityOutcome e in outcome.Entities)
        {
            for (int h = 0; h < e.Deal.Holdings.Length; h++)
            {
                HoldingInfo info = e.Deal.Holdings[h];
                if (info.Equity && outcome.Entities.FirstOrDefault(x => x.Deal.Name == info.Entity) is { } held && !IsFund(held)
                    && held.Outcome.Equities.FirstOrDefault(q => q.Name == info.Member)?.Carry is { } promote)
                {
                    double part = info.Share * (1 - (h < e.Outcome.Holdings.Length ? e.Outcome.Holdings[h].ShareSold : 0)) * promote.Classes.Sum(c => c.Loss);
                    sponsorStakesHeld += part;
                    sponsorStakesFunds += IsFund(e) ? part : 0;
                }
            }
        }

        if (promoted.Count > 0)
        {
            layers.Add(new LayerFigure(Sponsors, null, null, null, null, Math.Max(0, sponsorsLoss - sponsorStakesHeld)));
        }

        // A fund loses its share of what its held tranches lose, on the part it still holds at the end (a part it sold
        // lost what it lost in the sale, and its buyer, outside the chain, bears the rest), and what its forced sales
        // lose to the market, against par: the mark's fall below par and the market's discount, both realised in the sale.
        // A fund of funds holds another fund's tranche (a bank line, notes) or LP interest (a holding of an equity with a
        // carry): that part of the held fund's bank or LP loss is the holder's, so it passes up to the funds row and
        // leaves the banks or LPs row, or the same dollar would be borne twice (by the held fund's bank or LPs and again
        // by the holder's bank or LPs, whose loss it becomes).
        double fromBottom = 0, fundTranchesHeld = 0, lpInterestsHeld = 0, lossOnSale = 0;
        var heldInChain = new Dictionary<(string Entity, string Tranche), double>(); // the share of a fund's line the funds keep
        foreach (EntityOutcome holder in holders)
        {
            for (int h = 0; h < holder.Deal.Holdings.Length; h++)
            {
                HoldingInfo info = holder.Deal.Holdings[h];
                HoldingSummary? summary = h < holder.Outcome.Holdings.Length ? holder.Outcome.Holdings[h] : null;
                lossOnSale += summary?.LossToPar ?? 0;
                double kept = info.Share * (1 - (summary?.ShareSold ?? 0));
                EntityOutcome? held = outcome.Entities.FirstOrDefault(e => e.Deal.Name == info.Entity);
                if (held is null)
                {
                    continue;
                }

                bool heldIsFund = IsFund(held);
                if (!info.Equity && held.Outcome.Tranches.FirstOrDefault(t => t.Name == info.Member) is { } tranche)
                {
                    if (heldIsFund)
                    {
                        fundTranchesHeld += kept * HoldersLoss(tranche);
                        heldInChain[(held.Deal.Name, tranche.Name)] = heldInChain.GetValueOrDefault((held.Deal.Name, tranche.Name)) + kept;
                    }
                    else
                    {
                        fromBottom += kept * HoldersLoss(tranche);
                    }
                }
                else if (info.Equity && heldIsFund && held.Outcome.Equities.FirstOrDefault(q => q.Name == info.Member)?.Carry is { } carry)
                {
                    lpInterestsHeld += kept * carry.Classes.Sum(c => c.Loss);
                }
            }
        }

        if (holders.Count > 0)
        {
            LayerFigure funds = Entities(Funds, holders, fromBottom + fundTranchesHeld + lpInterestsHeld + sponsorStakesFunds + lossOnSale);
            Date? bankShort = null;
            string? bank = null;
            double bankLoss = 0;
            foreach (EntityOutcome holder in holders)
            {
                foreach (TrancheSummary t in holder.Outcome.Tranches)
                {
                    bankLoss += HoldersLoss(t); // a guaranteed line's lenders lose what its guarantor did not pay them
                    if (t.FirstPrincipalShortfall is not { } d)
                    {
                        continue;
                    }

                    // A line the chain's funds keep whole defaults on them, in the funds row, where its loss is: the
                    // banks' default is that of a line a lender outside the chain holds, at least in part.
                    string line = holder.Deal.Name + "." + t.Name;
                    if (heldInChain.GetValueOrDefault((holder.Deal.Name, t.Name)) >= 1 - HeldWholeTolerance)
                    {
                        if (funds.Default is null || d < funds.Default.Value)
                        {
                            funds = funds with { Default = d, DefaultBy = line };
                        }
                    }
                    else if (bankShort is null || d < bankShort.Value)
                    {
                        (bankShort, bank) = (d, line);
                    }
                }
            }

            layers.Add(funds);
            layers.Add(new LayerFigure(Banks, null, null, bankShort, bank, Math.Max(0, bankLoss - fundTranchesHeld)));
            var classes = holders.SelectMany(h => h.Outcome.Equities.Where(q => q.Carry is not null).SelectMany(q => q.Carry!.Classes)).ToList();
            if (classes.Count > 0)
            {
                layers.Add(new LayerFigure(Lps, null, null, null, null, Math.Max(0, classes.Sum(c => c.Loss) - lpInterestsHeld)));
            }
        }

        // The held tranches' holders lose what their guarantors did not pay them; the guarantors bear their net cost,
        // those behind a tranche and those behind a lease or a contract alike (a backstop that paid the rent of a tenant
        // in default bore that loss in the chain's place), in any entity: a state behind a fund's bank line too.
        double holdersLoss = bottom.Sum(e => e.Outcome.Tranches.Sum(HoldersLoss));
        var guarantors = outcome.Entities.SelectMany(e => e.Deal.Guarantees.Select((g, i) => (g, i)).Where(x => x.i < e.Outcome.Guarantees.Length)
                .Select(x => e.Outcome.Guarantees[x.i]))
            .GroupBy(g => g.Guarantor)
            .Select(g => (g.Key + " (guarantor)", g.Sum(x => x.NetCost)))
            .ToList();
        return new ChainLayerOutcome(layers, BreaksFirst(layers), BearsLoss(layers, Math.Max(0, holdersLoss - fromBottom), guarantors))
        {
            FundEntities = [.. holders.Select(e => e.Deal.Name)],
        };
    }

    // Assets of its own, not claims on another entity: what an SPV, a neocloud or a miner owns and lets.
    static bool OwnsAssets(DealDescription deal) =>
        deal.Facilities.Length > 0 || deal.Leases.Length > 0 || deal.Contracts.Length > 0 || deal.Loans.Length > 0
        || deal.Fleets.Length > 0 || deal.Coins.Length > 0;

    // Shares are fractions of a line: 100% held in two 50% holdings sums to 1 up to rounding.
    const double HeldWholeTolerance = 1e-9;

    // What a tranche's holders lose: with a guarantor behind it, what it did not pay them (docs/language.md §5, "Guarantors").
    static double HoldersLoss(TrancheSummary t) => t.Guaranteed ? t.HoldersLoss : t.PrincipalLoss + t.UnpaidInterest;

    static LayerFigure Entities(string layer, List<EntityOutcome> entities, double loss)
    {
        Date? trap = null, defaulted = null;
        string? trapBy = null, defaultBy = null;
        foreach (EntityOutcome e in entities)
        {
            if (ChainReport.FirstTrap(e.Outcome) is { } t && (trap is null || t < trap.Value))
            {
                (trap, trapBy) = (t, e.Deal.Name);
            }

            if (e.Outcome.Events.EventOfDefault is { } d && (defaulted is null || d < defaulted.Value))
            {
                (defaulted, defaultBy) = (d, e.Deal.Name);
            }
        }

        return new LayerFigure(layer, trap, trapBy, defaulted, defaultBy, loss);
    }

    // The earliest default, bottom layer first on a tie; with no default, the earliest trap.
    static string BreaksFirst(List<LayerFigure> layers)
    {
        LayerFigure? first = layers.Where(l => l.Default is not null).OrderBy(l => l.Default!.Value).FirstOrDefault();
        if (first is not null)
        {
            return first.Layer + " (" + first.DefaultBy + " defaults " + first.Default + ")";
        }

        first = layers.Where(l => l.FirstTrap is not null).OrderBy(l => l.FirstTrap!.Value).FirstOrDefault();
        return first is null ? "none" : first.Layer + " (" + first.TrapBy + " trapped " + first.FirstTrap + ")";
    }

    // Who is left with the loss: the banks, the LPs, the SPVs' sponsors, the held tranches' holders outside the chain and
    // the guarantors in the chain's entities (their net cost, paid less recovered), largest first.
    static string BearsLoss(List<LayerFigure> layers, double outside, List<(string Name, double Cost)> guarantors)
    {
        var bearers = layers.Where(l => l.Layer is Banks or Lps or Sponsors && l.Loss > Flows.ShortfallTolerance).Select(l => (l.Layer, l.Loss)).ToList();
        bearers.AddRange(guarantors.Where(g => g.Cost > Flows.ShortfallTolerance));
        if (outside > Flows.ShortfallTolerance)
        {
            bearers.Add(("holders outside the chain", outside));
        }

        return bearers.Count == 0 ? "nobody" : string.Join("; ", bearers.OrderByDescending(b => b.Loss).Select(b => b.Item1 + " " + ValueText.Millions(b.Loss)));
    }
}
