using System.Globalization;
using System.Text;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;
using DealLang.Runtime;
using DealLang.Runtime.Tests.Actus;
using Xunit.Abstractions;

namespace DealLang.Cli.Tests.Actus;

/// <summary>
/// ACTUS reference cases compiled and run as deals through the whole pipeline (parser, checker, emitter, Roslyn,
/// host, runner): each period's interest due and principal due must be the case's IP and PR (+ MD) payoffs on that
/// period's end, to the runtime harness's tolerance. Cases a deal cannot state are listed with the reason.
/// </summary>
public class ActusPipelineTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-6;
    private const double AbsoluteTolerance = 1e-4;

    // Exact, so that losing a case (or running one by accident) fails. PAM: pam01, pam04, pam16; ANN: ann07,
    // ann08; LAM: lam27, lam28, lam29, lam31; NAM: none (every NAM case has a floating rate).
    private static readonly Dictionary<string, int> ExpectedEligible = new(StringComparer.Ordinal)
    {
        ["pam"] = 3,
        ["ann"] = 2,
        ["lam"] = 4,
        ["nam"] = 0,
    };

    public static TheoryData<string, string> EligibleCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in ActusTestCase.Kinds)
        {
            foreach (ActusTestCase c in ActusTestCase.LoadFile(kind).Where(c => ActusDeal.Ineligible(c) is null))
            {
                data.Add(kind, c.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EligibleCases))]
    public void The_compiled_deal_pays_the_reference_cash_flows(string kind, string id)
    {
        ActusTestCase c = ActusTestCase.Load(kind, id);
        string text = ActusDeal.Text(c);
        var compiled = DealCompiler.Compile(id + ".deal", text);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics) + "\n" + text);
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        var outcome = ScenarioRunner.RunAll(host.Program, compiled.Model!.Scenarios, fullLedger: true, checkCash: true)[0];
        int interest = Array.FindIndex(host.Program.Layout.Columns, col => col.Name == "Loan interest due");
        int principal = Array.FindIndex(host.Program.Layout.Columns, col => col.Name == "Loan principal due");
        // A case analysed to a horizon ('to') is compared up to it; the deal itself runs to maturity.
        Date horizon = c.To.Length > 0 ? ActusTime.Parse(c.To).Date : Date.MaxValue;
        Date[] ends = [.. host.Program.Description.Boundaries[1..].Where(d => d <= horizon)];
        Date closing = host.Program.Description.Boundaries[0];

        // Payoffs by date, sign dropped (the contract role only signs them); an IP of 0 on the exchange date is no
        // payment (any other payment there is reported below: no period ends at the closing).
        var expected = c.Expected.Where(e => e.Type is "IP" or "PR" or "MD" && !(e.Type == "IP" && e.Time.Date == closing && e.Payoff == 0))
            .GroupBy(e => (e.Time.Date, Interest: e.Type == "IP"))
            .ToDictionary(g => g.Key, g => Math.Abs(g.Sum(e => e.Payoff)));

        var problems = new StringBuilder();
        foreach (var key in expected.Keys.Where(k => Array.IndexOf(ends, k.Date) < 0))
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{key.Date}: a reference payment on no period end");
        }

        for (int t = 0; t < ends.Length; t++)
        {
            Check(ends[t], "interest", expected.GetValueOrDefault((ends[t], true)), outcome.Ledger![t, interest]);
            Check(ends[t], "principal", expected.GetValueOrDefault((ends[t], false)), outcome.Ledger![t, principal]);
        }

        Assert.True(problems.Length == 0, $"{kind}/{id}:\n{problems}\n{text}");

        void Check(Date end, string what, double want, double got)
        {
            double diff = Math.Abs(want - got);
            if (diff > AbsoluteTolerance && diff > RelativeTolerance * Math.Abs(want))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"{end} {what}: expected {want:R}, deal {got:R}");
            }
        }
    }

    [Theory]
    [InlineData("pam")]
    [InlineData("ann")]
    [InlineData("lam")]
    [InlineData("nam")]
    public void Each_file_runs_exactly_the_expected_number_of_cases_as_deals(string kind)
    {
        IReadOnlyList<ActusTestCase> cases = ActusTestCase.LoadFile(kind);
        foreach (ActusTestCase c in cases)
        {
            output.WriteLine($"{c.Id}: {ActusDeal.Ineligible(c) ?? "run as a deal"}");
        }

        Assert.Equal(ExpectedEligible[kind], cases.Count(c => ActusDeal.Ineligible(c) is null));
    }
}
