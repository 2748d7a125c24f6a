using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// Issue 11: a guarantor's payments and a fund's LP classes in the Monte Carlo report (docs/language.md §12, "Monte
/// Carlo results"), on tiny deals whose figures check by hand: one bullet loan whose obligor defaults at a constant
/// hazard, funding a note a state guarantees (it pays the 60% the recovery leaves), or a fund whose LPs and GP split
/// what the loan pays back. Threads and shards give the same report byte for byte.
/// </summary>
public sealed class GuarantorAndLpMonteCarloTests
{
    const string Guaranteed = """
        deal Guaranteed {
          title    "One bullet loan funding one note the state guarantees"
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount ACT/365F

          party Obligor { pd 3%  recovery 40% }
          party State   { }
          party Sponsor { }

          loan Bullet { obligor Obligor  balance 100m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          tranche Note {
            balance 100m  coupon 0%  amortize bullet  seniority 1
            guarantor State cap 80m covers principal
          }
          equity Residual { contributed 0  holders Sponsor 100% }

          waterfall {
            pay Note.interest
            pay Note.balance
            distribute rest to Residual
          }
        }

        scenario Mc for Guaranteed {
          paths 4000
          seed  5
          Obligor defaults drawn
        }
        """;

    const string Fund = """
        deal Fund {
          title    "A fund owning one bullet loan, split between two LP classes and the GP"
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount ACT/365F

          party Obligor { pd 3%  recovery 40% }
          party Pension { }
          party Etf     { }
          party Manager { }

          loan Bullet { obligor Obligor  balance 120m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          equity Investors {
            contributed 100m
            holders Pension 70%, Etf 30%
            hurdle 0%
            carry 20% to Manager
          }

          waterfall {
            distribute rest to Investors
          }
        }

        scenario Mc for Fund {
          paths 4000
          seed  9
          Obligor defaults drawn
        }
        """;

    // The life: 2026-01-01 to 2031-01-01 is 1,826 days; PD = 1 − 0.97^(1,826 / 365) = 0.141338 (BulletLoanLossTests).
    static readonly double Pd = 1 - Math.Pow(0.97, 1826 / 365.0);

    static (CreditMetrics Metrics, Func<int, string> Report, SimulationFrame Frame, SimulationEngine Engine) Run(string text, int threads, string? scenarioName = null)
    {
        var compiled = DealCompiler.Compile("tiny.deal", text);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        // The deal's only scenario, or the one named (an example declares several).
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => scenarioName is null || s.Name == scenarioName);
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        var engine = new SimulationEngine(host.Program, source, checkCash: true);
        SimulationTotals totals = engine.Run(0, source.Count, threads);
        var frame = SimulationFrame.Of(
            host.Program.Description, "tiny", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        CreditMetrics metrics = CreditMetrics.Compute(frame, totals);
        return (metrics, _ => MonteCarloReport.Render(metrics, ReportFormat.Table), frame, engine);
    }

    [Fact]
    public void The_guarantor_pays_the_notes_loss_on_the_paths_where_the_obligor_defaults()
    {
        var (metrics, _, _, _) = Run(Guaranteed, threads: 2);
        GuarantorRisk state = metrics.Guarantees.Single();
        TrancheRisk note = metrics.Tranches.Single();
        Assert.Equal("State for Note", state.Name);
        Assert.Equal(80e6, state.Cap);

        // By hand: the obligor defaults before the maturity with probability PD = 0.141338; the note then gets the 40%
        // recovery and is owed 60m at the maturity, which the state pays (its cap, 80m, allows it), and nothing
        // otherwise. So the state pays on exactly the paths where the note loses (the note's own loss is the issuer's,
        // as without the guarantee), always 60m: P(pays) = P(principal loss), the amount given it pays is 60m exactly,
        // and the expected amount paid is 60m × P(pays), within three standard errors of 60m × PD.
        Assert.Equal(note.PathsWithLoss, state.PathsPaying);
        Assert.Equal(note.LossProbability, state.PayProbability);
        Assert.Equal(60e6, state.CostGivenPays.Value, 1e-3);
        Assert.True(state.CostGivenPays.EveryPathSame); // 60m on every path it pays: no ± (s = 0 printed ± 0), "every path 60.000"
        Assert.True(double.IsNaN(state.CostGivenPays.StdError));
        Assert.Equal(60e6 * state.PayProbability.Value, state.ExpectedCost.Value, 1e-3);
        double se = 60e6 * Math.Sqrt(Pd * (1 - Pd) / 4000);
        Assert.InRange(state.ExpectedCost.Value, (60e6 * Pd) - (3 * se), (60e6 * Pd) + (3 * se));
        // The expected amount's SE, s / √n with the sample variance over n − 1, is 60m times the binomial SE of P(pays)
        // up to √(n / (n − 1)) = 1.000125.
        Assert.Equal(1.0, state.ExpectedCost.StdError / (60e6 * state.PayProbability.StdError), 3);
        Assert.Equal(60e6, state.MaxCost, 1e-3);
    }

    // The note matures on 2028-01-01, three years before the loan repays, and the state honours half (docs/language.md
    // §5 "Guarantors"). On 2028-01-01 the note is owed what the issuer has not paid: 100m on a path without a default
    // by then (the state pays 50m, S = 50m), or 60m after a default (the 40% recovery paid the note 40m; the state
    // pays 30m, and nothing comes later). Without a default the loan repays 100m in 2031, 50m to each claim either way:
    // net cost 0. With a default after 2028-01-01 its 40m recovery is shared: pari passu 20m each, the state's net cost
    // 50m - 20m = 30m; subrogated after holders all 40m goes to the holders (owed 50m), its net cost 50m. So pari passu
    // every path it pays costs it 30m; after the holders the same paths pay, costing 30m (default by 2028) or 50m (a
    // later one), and the mean over the same draws rises by 20m x the share of paths defaulting in 2028-2031, about
    // 0.97^2 - 0.97^(1,826/365) = 0.9409 - 0.858662 = 0.082238 of them. Cash is conserved on every path (checkCash).
    [Fact]
    public void Subrogated_after_holders_the_state_recovers_a_late_defaults_recovery_only_after_the_holders()
    {
        string early = Guaranteed
            .Replace("balance 100m  coupon 0%  amortize bullet  seniority 1", "balance 100m  coupon 0%  amortize bullet  maturity 2028-01-01  seniority 1", StringComparison.Ordinal)
            .Replace("Obligor defaults drawn", "Obligor defaults drawn\n  State guarantees honoured 50%", StringComparison.Ordinal);
        var (pari, _, _, _) = Run(early, threads: 2);
        var (after, _, _, _) = Run(early.Replace("covers principal", "covers principal subrogated after holders", StringComparison.Ordinal), threads: 2);
        GuarantorRisk p = pari.Guarantees.Single(), a = after.Guarantees.Single();

        Assert.Equal(30e6, p.CostGivenPays.Value, 1e-3);
        Assert.True(p.CostGivenPays.EveryPathSame);
        Assert.Equal(p.PathsPaying, a.PathsPaying);
        Assert.Equal(50e6, a.MaxCost, 1e-3);
        // The late defaults' share of paths, (mean after - mean pari) / 20m, within three binomial SEs of 0.082238.
        double late = (a.ExpectedCost.Value - p.ExpectedCost.Value) / 20e6, lateProbability = Math.Pow(0.97, 2) - Math.Pow(0.97, 1826 / 365.0);
        double se = Math.Sqrt(lateProbability * (1 - lateProbability) / 4000);
        Assert.InRange(late, lateProbability - (3 * se), lateProbability + (3 * se));
        // The holders lose the difference: the issuer's shortfall is the same on every path.
        Assert.Equal(pari.Tranches.Single().ExpectedLoss.Value, after.Tranches.Single().ExpectedLoss.Value, 1e-3);
    }

    [Fact]
    public void A_path_where_the_guarantor_gets_back_more_than_it_paid_counts_its_gain_in_the_expected_amount_paid()
    {
        // national-compute's FiscalCost path 30 (docs/language.md §5 "Guarantors", and `mc --replay-path 30`'s summary):
        // an event of default at the maturity, the campus sold a year later; the state pays 180.39m and gets back
        // 188.50m, the coupon on its advance included, and was paid 86.17m of guarantee fees over the bond's life: net
        // cost 180.39m − 188.50m − 86.17m = −94.28m (before 2026-12-07 the fees were not netted: −8.1m; and until the
        // deal's cash trap was set below its base-case coverage, with a release, the reserve kept 125.2m of trapped
        // cash that paid coupons after the tenant's default: the state paid 101.63m, got back 106.20m, fees 85.97m,
        // net −90.54m). Over that path
        // alone the expected amount paid is that net cost, as the summary's `net cost to guarantor`; it pays nothing on
        // it, so P(pays anything) is 0 and the amount given it pays has no path. Before, the path's cost was floored at
        // 0: expected amount paid 0.
        string text = File.ReadAllText(Path.Combine(RepoPaths.Examples, "national-compute.deal"));
        var compiled = DealCompiler.Compile("national-compute.deal", text);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "FiscalCost");
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        var engine = new SimulationEngine(host.Program, source, checkCash: true);
        var sink = new Rows();
        SimulationTotals totals = engine.Run(30, 31, threads: 1, sink);
        double net = sink.Column("State for Bond paid").Single();
        double fee = sink.Column("State for Bond fee received").Single();
        Assert.InRange(fee, 86.12e6, 86.22e6);
        Assert.InRange(net + fee, -8.16e6, -8.06e6); // paid less recovered, as before the fees were netted

        GuaranteeTotals state = totals.Guarantees.Single();
        Assert.Equal(net, state.NetCost.Mean, 1e-3); // to the 1/1024 the sums count in
        Assert.Equal((1, 0L), (state.Cost.Paths, state.Cost.PathsWithLoss));
        Assert.Equal(0.0, state.Cost.MeanLoss);
    }

    [Fact]
    public void The_per_path_rows_carry_each_guarantors_and_lp_classes_figures_and_add_up_to_the_report()
    {
        foreach (string text in new[] { Guaranteed, Fund })
        {
            var (metrics, _, _, engine) = Run(text, threads: 1);
            var sink = new Rows();
            engine.Run(0, metrics.Frame.Paths, threads: 2, sink);
            if (text == Guaranteed)
            {
                // "State for Note paid": 60m or nothing on each path; their mean is the report's expected amount paid.
                double[] paid = sink.Column("State for Note paid");
                Assert.All(paid, v => Assert.True(v == 0 || Math.Abs(v - 60e6) < 1e-3, $"{v}"));
                Assert.Equal(metrics.Guarantees.Single().ExpectedCost.Value, paid.Average(), 1e-2);
            }
            else
            {
                Assert.Equal(metrics.LpClasses[0].ExpectedDistributions.Value, sink.Column("Investors LP Pension distributions").Average(), 1e-2);
                Assert.Equal(metrics.LpClasses[1].ExpectedLoss.Value, sink.Column("Investors LP Etf loss").Average(), 1e-2);
                Assert.Equal(metrics.LpClasses[0].IrrMean.Value, sink.Column("Investors LP Pension irr").Average(), 8);
                Assert.Equal(metrics.Carries.Single().Carry.Value, sink.Column("Investors carry").Average(), 1e-2);
            }
        }
    }

    // The rows a run hands its sink, by column, in path order.
    private sealed class Rows : IPathSink
    {
        private readonly Dictionary<string, List<double>> columns = [];

        public double[] Column(string name) => [.. columns[name]];

        public void Write(PathBlock block)
        {
            for (int c = 0; c < block.Columns.Count; c++)
            {
                if (!columns.TryGetValue(block.Columns[c].Name, out List<double>? values))
                {
                    columns[block.Columns[c].Name] = values = [];
                }

                values.AddRange(block.Values[c].AsSpan(0, block.Count).ToArray());
            }
        }
    }

    [Fact]
    public void Each_lp_class_gets_its_share_of_the_lps_part_and_bears_its_share_of_the_loss()
    {
        var (metrics, _, _, _) = Run(Fund, threads: 2);
        Assert.Equal(["Investors LP Pension", "Investors LP Etf"], metrics.LpClasses.Select(c => c.Name));
        LpClassRisk pension = metrics.LpClasses[0];
        LpClassRisk etf = metrics.LpClasses[1];

        // By hand, on a path without a default the loan repays 120m at the maturity: the LPs take their 100m of capital
        // (hurdle 0%), the 20m of profit splits 20% / 80%: 4m to the GP, 16m to the LPs, so the LPs get 116m; Pension's
        // 70% is 81.2m with no loss. On a path with a default the recovery, 40% × 120m = 48m, all goes to the LPs (no
        // profit): Pension gets 33.6m and loses 70m − 33.6m = 36.4m. With k defaulting paths of n, p = k / n:
        //   E[Pension distributions] = 81.2m − p × 47.6m,  P(loss) = p,  E[loss] = p × 36.4m,  E[carry] = (1 − p) × 4m.
        double p = pension.LossProbability.Value;
        Assert.InRange(p, Pd - (3 * pension.LossProbability.StdError), Pd + (3 * pension.LossProbability.StdError));
        Assert.Equal(81.2e6 - (p * 47.6e6), pension.ExpectedDistributions.Value, 1e-2);
        Assert.Equal(p * 36.4e6, pension.ExpectedLoss.Value, 1e-2);
        Assert.Equal(p, etf.LossProbability.Value);
        Assert.Equal(0.3 / 0.7 * pension.ExpectedDistributions.Value, etf.ExpectedDistributions.Value, 1e-2);
        Assert.Equal(0.3 / 0.7 * pension.ExpectedDistributions.StdError, etf.ExpectedDistributions.StdError, 1e-2);
        var (name, carry) = metrics.Carries.Single();
        Assert.Equal("Investors carry to Manager", name);
        Assert.Equal((1 - p) * 4e6, carry.Value, 1e-2);
        Assert.Null(metrics.UnpaidCarries.Single()); // a whole-fund carry is never deferred: no `carry unpaid at end` rows
        Assert.DoesNotContain("carry unpaid", MonteCarloReport.Render(metrics, ReportFormat.Table), StringComparison.Ordinal);

        // Each class's IRR: without a default (1.16)^(1 / 5.002740) − 1 = 3.0112% (its flows scale with its share, so
        // both classes have the same); with one, below −10% (at most 40% back). The mean lies between, nearer the first.
        double noDefault = Math.Pow(1.16, 365.0 / 1826) - 1;
        Assert.Equal(0.030112, noDefault, 6);
        Assert.Equal(0, pension.PathsWithoutIrr);
        Assert.InRange(pension.IrrMean.Value, -1.0, noDefault);
        Assert.Equal(pension.IrrMean.Value, etf.IrrMean.Value, 12);
        Assert.True(pension.IrrMean.Value > ((1 - p) * noDefault) - p - (4 * pension.IrrMean.StdError)); // a default's IRR is above −100%
    }

    [Fact]
    public void On_every_path_of_national_computes_fiscal_cost_the_states_net_cost_is_the_issuers_shortfall_less_the_coupon_on_its_claim()
    {
        // The state honours its guarantee in full on every FiscalCost path (its own default is not drawn) and its 2.3bn
        // cap is never reached (the bond's largest loss is about 1bn), so by subrogation (docs/language.md §5,
        // "Guarantors") the holders lose nothing and the state is owed the issuer's whole final shortfall (the bond's
        // principal loss plus its unpaid interest); what it paid less what it recovered (its net cost before the
        // guarantee fees it received, `G paid` + `G fee received`) is that shortfall less the interest that accrued on
        // its subrogated principal and the issuer paid or owes it. That interest accrues only once it has paid
        // principal, at the maturity, so only on the paths whose event of default at the maturity runs a workout after
        // it does it fall short of the shortfall: elsewhere it is the shortfall exactly. The net cost is then that less
        // the fees, which are positive on every path (the enforcement waterfall pays them first).
        // Path 30 is one: the tenant defaulting in 2040, an event of default at the maturity, the campus sold a year
        // later; the state paid 180.4m at the maturity and the sale paid it back 180.4m plus 8.1m of interest on it
        // (paid less recovered -8.1m, signed in the path figures as in the summary: the expected fiscal cost counts the
        // gain; net of its 86.2m of fees, -94.3m),
        // and the issuer's shortfall is 0. Among the first 2,000 paths 30 are such, every one repaying the state in
        // full with interest (shortfall 0, net cost below 0); before the path figures were signed they read 0 there.
        // (Until the deal's trap was set below its base-case coverage, with a release, 20 were: the 125.2m the trap
        // kept in the reserve paid coupons after a default, and path 30's state paid 101.6m, got back 4.6m of interest.)
        // The issuer's own figures are those without a guarantor: before the fix (e08f1e7) no interest accrued on the
        // state's advance and the Bond's IRR was 4.63%.
        var (metrics, _, _, engine) = Run(File.ReadAllText(Path.Combine(RepoPaths.Examples, "national-compute.deal")), threads: 2, "FiscalCost");
        var sink = new Rows();
        engine.Run(0, 2000, threads: 2, sink);
        double[] net = sink.Column("State for Bond paid");
        double[] fees = sink.Column("State for Bond fee received");
        double[] paid = [.. net.Select((n, p) => n + fees[p])]; // paid less recovered, before the fees
        double[] loss = sink.Column("Bond loss");
        double[] unpaid = sink.Column("Bond unpaid interest");
        Assert.Equal(2000, paid.Length);
        int gains = 0;
        for (int p = 0; p < paid.Length; p++)
        {
            double shortfall = loss[p] + unpaid[p];
            Assert.True(paid[p] <= shortfall + 0.01, $"path {p}: the state paid {paid[p]:F2} net, more than the issuer failed to pay, {shortfall:F2}");
            if (paid[p] < -0.01)
            {
                gains++; // a workout after a maturity default repaid the state in full, with the coupon on its advance
                Assert.True(Math.Abs(shortfall) < 0.01, $"path {p}: the state gained {-paid[p]:F2} where the issuer is still short {shortfall:F2}");
            }
            else
            {
                Assert.True(Math.Abs(paid[p] - shortfall) < 0.01, $"path {p}: the state paid {paid[p]:F2} net, not the shortfall {shortfall:F2}");
            }
        }

        Assert.Equal(30, gains);
        Assert.All(fees, f => Assert.True(f > 0, $"a path's fees {f:F2} not positive"));

        // The holders lose nothing on any path, exactly: where the state paid the whole balance at the maturity its
        // subrogated principal (a running sum, S + (B − S)) could sit a last bit below the balance, 2.4e-7 of 2bn, which
        // the report's holders' VaR and ES read as a loss (a ± of 0.000 where every path is 0); under half a cent is none.
        Assert.All(sink.Column("Bond holders' loss"), l => Assert.Equal(0.0, l));
        Assert.All(metrics.Holders.Single().Tails, t => Assert.True(t.ValueAtRisk.EveryPathZero && t.ExpectedShortfall.EveryPathZero, $"holders' VaR or ES at {t.Level} not every path 0"));
        Assert.InRange(paid[30], -8.16e6, -8.06e6);
        Assert.InRange(net[30], -94.33e6, -94.23e6);
        Assert.Equal(0.0, loss[30] + unpaid[30], 2);
        Assert.True(metrics.Guarantees.Single().ExpectedCost.Value <= metrics.Tranches.Single().ExpectedLoss.Value + metrics.Tranches.Single().ExpectedUnpaidInterest.Value + 1e-3);
    }

    [Theory]
    [InlineData("table", "State for Bond  P(pays anything)")]
    [InlineData("csv", "State for Bond,P(pays anything),")]
    [InlineData("md", "| State for Bond | P(pays anything) |")]
    [InlineData("json", "\"guarantees\": [")]
    public void National_computes_fiscal_cost_prints_the_states_payments_alike_on_one_and_two_threads_and_merged(string format, string expected)
    {
        string deal = Path.Combine(RepoPaths.Examples, "national-compute.deal");
        string[] Args(params string[] more) => ["mc", deal, "--scenario", "FiscalCost", "--paths", "600", "--format", format, .. more];
        CliOutcome one = CliHarness.Run(Args("--threads", "1"));
        CliOutcome two = CliHarness.Run(Args("--threads", "2"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        Assert.Contains(expected, one.Out, StringComparison.Ordinal);

        string folder = Directory.CreateTempSubdirectory("deallang-guarantor-mc-").FullName;
        try
        {
            var files = new List<string>();
            foreach (int i in new[] { 2, 1, 3 })
            {
                string file = Path.Combine(folder, $"n{i}.json");
                CliOutcome written = CliHarness.Run(["mc", deal, "--scenario", "FiscalCost", "--paths", "600", "--shard", $"{i}/3", "--out", file]);
                Assert.True(written.Exit == ExitCodes.Ok, written.ToString());
                files.Add(file);
            }

            CliOutcome merged = CliHarness.Run(["merge", .. files, "--format", format]);
            Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
            Assert.Equal(one.Out, merged.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_chains_report_has_the_guarantor_of_the_entity_it_guarantees_in()
    {
        // examples/terawulf.deal's Stochastic scenario draws Fluidstack's default; Google stands behind the Lake Mariner
        // SPV's lease, so the SPV's report (entity 1 of 3) has its rows, the same on one and two threads. A default
        // early in the lease leaves more rent than the 3.2bn cap (about 1bn a year to 2036-06-30: TeraWulfFiguresTests),
        // so the largest amount paid is the cap; one drawn after the top's horizon, 2032-04-15, but within the SPV's
        // run leaves less, so the mean given it pays is below the cap.
        string[] Args(params string[] more) => ["mc", Path.Combine(RepoPaths.Examples, "terawulf.deal"), "--scenario", "Stochastic", "--paths", "300", .. more];
        CliOutcome one = CliHarness.Run(Args("--threads", "1"));
        CliOutcome two = CliHarness.Run(Args("--threads", "2", "--format", "table"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        string spv = one.Out[..one.Out.IndexOf("== Abernathy", StringComparison.Ordinal)];
        Assert.Contains("Google for FluidstackLease  P(pays anything)", spv, StringComparison.Ordinal);
        Assert.Matches(@"largest amount paid\s+3200\.000", spv);
        Assert.Matches(@"amount paid given it pays\s+(2\d{3}|3[01]\d\d)\.\d{3}\s", spv);
    }

    [Fact]
    public void Valid_029s_chain_reports_the_held_deals_guarantors_and_the_funds_lp_classes()
    {
        // tests/corpus/valid/029: a fund holding valid 023's agency-guaranteed notes; the fund's stochastic scenario
        // draws both tenants' defaults. The held deal's section has its three guarantees, the fund's its two LP classes
        // and the GP's carry, the same on one and two threads; every class of the fund shares one carry pro rata, so both
        // have the same IRR and P(loss), and their expected distributions stand as their shares, 60 to 40.
        string[] Args(params string[] more) =>
            ["mc", Path.Combine(RepoPaths.Root, "tests/corpus/valid/029-guaranteed-notes-held-by-a-fund-run-by-mc.deal"), "--scenario", "TenantRisk", "--paths", "400", "--format", "csv", .. more];
        CliOutcome one = CliHarness.Run(Args("--threads", "1"));
        CliOutcome two = CliHarness.Run(Args("--threads", "2"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        string[] lines = one.Out.ReplaceLineEndings("\n").Split('\n');
        string Value(string section, string metric) => lines.Single(l => l.StartsWith($"{section},{metric},", StringComparison.Ordinal)).Split(',')[2];
        foreach (string guarantee in new[] { "Parent for LeaseA", "Agency for Senior", "Parent for Junior" })
        {
            Assert.NotEmpty(Value(guarantee, "P(pays anything)"));
        }

        Assert.Equal(Value("Investors LP Pension", "IRR mean"), Value("Investors LP Etf", "IRR mean"));
        Assert.Equal(Value("Investors LP Pension", "P(loss)"), Value("Investors LP Etf", "P(loss)"));
        double pension = double.Parse(Value("Investors LP Pension", "expected distributions"), System.Globalization.CultureInfo.InvariantCulture);
        double etf = double.Parse(Value("Investors LP Etf", "expected distributions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1.5, pension / etf, 6);
        Assert.True(double.Parse(Value("Investors carry to Manager", "expected carry"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("guaranteed")]
    [InlineData("fund")]
    public void The_report_is_the_same_on_one_and_two_threads_and_from_merged_shards(string which)
    {
        string text = which == "fund" ? Fund : Guaranteed;
        var (one, _, frame, engine) = Run(text, threads: 1);
        var (two, _, _, _) = Run(text, threads: 2);
        foreach (ReportFormat format in new[] { ReportFormat.Table, ReportFormat.Csv, ReportFormat.Json, ReportFormat.Markdown })
        {
            Assert.Equal(MonteCarloReport.Render(one, format), MonteCarloReport.Render(two, format));
        }

        // Three shards written to shard files, read back and merged: the single run's report, byte for byte.
        var shards = Enumerable.Range(1, 3).Select(i =>
        {
            Shard shard = Shard.Of(i, 3, frame.Paths);
            byte[] file = ShardFile.Write(new ShardResult(frame, shard, engine.Run(shard.From, shard.To, threads: 1)));
            return ($"s{i}.json", ShardFile.Read(file));
        }).Reverse().ToList();
        var (mergedFrame, mergedTotals) = ShardMerge.Merge(shards);
        string merged = MonteCarloReport.Render(CreditMetrics.Compute(mergedFrame, mergedTotals), ReportFormat.Table);
        Assert.Equal(MonteCarloReport.Render(one, ReportFormat.Table), merged);
        Assert.Contains(which == "fund" ? "Investors LP Pension" : "State for Note", merged, StringComparison.Ordinal);
    }
}
